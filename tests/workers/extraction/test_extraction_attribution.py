"""Attribution: mention span, reporting verb and type, in Arabic and English."""

from __future__ import annotations

from contracts.record import Attribution
from workers.extraction.attribution import find_attribution
from workers.extraction.tokens import words


def _attr(text: str, language: str) -> Attribution | None:
    found = find_attribution(text, 0, len(text), language, words(text))
    return None if found is None else found.attribution


def test_arabic_verb_first_subject() -> None:
    a = _attr("وأكدت وزارة الخارجية التركية في بيان أن الاتفاق انتهى", "ar")
    assert a is not None
    assert (a.type, a.mention, a.verb) == ("direct", "وزارة الخارجية التركية", "أكدت")


def test_arabic_report_of_an_issuer() -> None:
    text = "كشف تقرير لوزارة الخزانة الأميركية، أن التنظيم يمتلك احتياطيات"
    a = _attr(text, "ar")
    assert a is not None and a.start is not None
    assert a.mention == "وزارة الخزانة الأميركية"
    assert text[a.start : a.end] == a.mention


def test_arabic_vague_sources() -> None:
    a = _attr("وقالت مصادر مطلعة إن المفاوضات توقفت", "ar")
    assert a is not None and (a.type, a.mention) == ("vague", "مصادر مطلعة")


def test_arabic_quote_type() -> None:
    a = _attr("وقال الوزير إن “الحكومة لن تسمح بعودة الإرهابيين إلى المدينة”", "ar")
    assert a is not None and a.type == "quote"


def test_arabic_according_to() -> None:
    a = _attr("قتل 5 مدنيين بحسب المرصد السوري لحقوق الإنسان", "ar")
    assert a is not None and a.mention == "المرصد السوري لحقوق الإنسان"


def test_arabic_headline_colon_source() -> None:
    a = _attr("مصادر يمنية: الحوثيون يسيطرون على بلدة براقش", "ar")
    assert a is not None and (a.type, a.mention, a.verb) == ("vague", "مصادر يمنية", None)


def test_arabic_verbal_noun_after_despite_is_not_a_report() -> None:
    assert _attr("تربط أنقرة بالتنظيم علاقات رغم نفي أنقرة المستمر", "ar") is None


def test_english_subject_before_verb() -> None:
    a = _attr("The French defence ministry said last month that the group had regrouped.", "en")
    assert a is not None
    assert (a.type, a.mention, a.verb) == ("direct", "The French defence ministry", "said")


def test_english_inverted_and_according_to() -> None:
    a = _attr("Forty people died in the blast, said the health ministry.", "en")
    assert a is not None and a.mention == "the health ministry"
    b = _attr("According to local reports, the convoy was attacked.", "en")
    assert b is not None and (b.type, b.mention) == ("vague", "local reports")


def test_english_quote() -> None:
    a = _attr('The minister said: "We will not allow the fighters to return to the city."', "en")
    assert a is not None and a.type == "quote"


def test_unattributed() -> None:
    assert _attr("The group controls large parts of the desert.", "en") is None
    assert _attr("ويعتبر الجيش الوطني ميليشيات موالية لتركيا", "ar") is None
