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


def _found(text: str) -> tuple[str, str | None, str | None] | None:
    a = _attr(text, "ar")
    return None if a is None else (a.type, a.mention, a.verb)


def test_arabic_subject_with_an_inner_preposition() -> None:
    text = "وقالت مصادر في وزارة الدفاع إن القوات انسحبت من المدينة"
    assert _found(text) == ("vague", "مصادر في وزارة الدفاع", "قالت")
    # a named source still stops at its preposition ("في بيان" is where, not who)
    assert _found("وقال المرصد في بيان إن القوات انسحبت") == ("direct", "المرصد", "قال")


def test_arabic_spokesperson_of_a_named_body_is_not_vague() -> None:
    text = "وأكد المتحدث باسم وزارة الخارجية أن الاتفاق انتهى"
    assert _found(text) == ("direct", "المتحدث باسم وزارة الخارجية", "أكد")


def test_arabic_agency_nicknames_and_initials() -> None:
    assert _found("وقالت الفرنسية إن 12 شخصا قتلوا في الهجوم") == ("direct", "الفرنسية", "قالت")
    assert _found("وذكرت (أ ف ب) أن 12 شخصا قتلوا") == ("direct", "أ ف ب", "ذكرت")


def test_arabic_relayed_source_is_the_innermost() -> None:
    text = "ونقلت الأناضول عن مسؤول تركي قوله إن الطائرات قصفت مواقع"
    assert _found(text) == ("vague", "مسؤول تركي", "نقلت")
    text = "ونقلت وكالة رويترز عن وزير الخارجية التركي أن الاتفاق انتهى"
    assert _found(text) == ("direct", "وزير الخارجية التركي", "نقلت")


def test_arabic_source_at_the_sentence_end_marks_the_verb() -> None:
    text = "قتل 12 شخصا في انفجار، حسبما أفادت وكالة رويترز"
    assert _found(text) == ("direct", "وكالة رويترز", "حسبما أفادت")
    text = "وتابع أنه يبدل موقفه من الأزمة، على ما نقلت عنه الصحف التركية"
    assert _found(text) == ("vague", "الصحف التركية", "على ما نقلت")  # unnamed papers


def test_arabic_passive_and_background_reports() -> None:
    assert _found("وقيل إن القوات انسحبت من المدينة") == ("vague", None, "قيل")
    assert _found("وذُكر أن القوات انسحبت من المدينة") == ("vague", None, "ذُكر")
    assert _found("يُذكر أن القوات انسحبت من المدينة العام الماضي") is None
    assert _found("ويذكر أن القوات انسحبت من المدينة العام الماضي") is None


def test_arabic_verbal_noun_in_a_construct_or_passive_is_not_a_report() -> None:
    assert _found("تعرض خط أنابيب نقل الغاز بين إيران وتركيا إلى تخريب") is None
    assert _found("وتم كشف النقاب عن الحوافز التي يدفعها التنظيم") is None
    # an indefinite subject after the same form: a verb (an unnamed report: vague)
    assert _found("من جهة أخرى ذكر تقرير إخباري أن مسلحين هاجموا الجنود") == (
        "vague", "تقرير إخباري", "ذكر"
    )


def test_arabic_subject_before_the_verb() -> None:
    text = "إلا أن وزارة الدفاع الأميركية نفت الأمر"
    assert _found(text) == ("direct", "وزارة الدفاع الأميركية", "نفت")
    text = "مشيرة إلى أن مصادر أكدت لها أن هناك تهديدات ضد الملكة"
    assert _found(text) == ("vague", "مصادر", "أكدت")


def test_arabic_subject_stops_at_a_quotation_and_at_the_object() -> None:
    text = "وقال مصدر عسكري “قتل خمسة جنود من الكتيبة وفقد 15 جنديا”"
    assert _found(text) == ("vague", "مصدر عسكري", "قال")
    text = "وأضاف «ثمانية أشخاص لقوا حتفهم على الفور في الحادث»"
    a = _attr(text, "ar")
    assert a is not None and (a.type, a.mention) == ("quote", None)
    # a quoted name stays in the subject
    text = "ذكرت صحيفة “ذي ميل أون صنداي” اليوم أن الجهاديين يخططون لهجوم"
    assert _found(text) == ("direct", "صحيفة “ذي ميل أون صنداي”", "ذكرت")
    assert _found("فلاحظ الباحثون ارتفاعا في استخدام العبوات الناسفة") == (
        "vague", "الباحثون", "لاحظ"
    )


def test_arabic_statement_verbs_that_need_a_that_clause() -> None:
    text = "اعتبر الرئيس التركي رجب طيب أردوغان أن بوتين يتجه إلى التخلي عن الأسد"
    assert _found(text) == ("direct", "الرئيس التركي رجب طيب أردوغان", "اعتبر")
    assert _found("انضم ألماني يدعى إبراهيم إلى التنظيم العام الماضي") is None
    assert _found("وتعتبر روسيا التنظيم منظمة إرهابية") is None


def test_arabic_group_plurals_are_vague() -> None:
    text = "وذكر مسيحيون يتحدرون من المدينة أن 18 ألف سني كانوا يقطنون فيها"
    a = _attr(text, "ar")
    assert a is not None and a.type == "vague"


def test_arabic_document_states_the_content() -> None:
    text = "وجاء في بيان: «إنه بسبب انعدام الأمن تنصح وزارة الخارجية المواطنين بالحذر»"
    assert _found(text) == ("quote", "بيان", "جاء في")
