"""The extractor on English and mixed texts; ids, offsets, language and input checks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from contracts.events import ArticleSubmitted
from contracts.ids import claim_id
from workers.extraction.checkworthiness import Candidate
from workers.extraction.detector import Score
from workers.extraction.extractor import MAX_POST_CHARS, extract, extract_text, is_post
from workers.extraction.settings import settings

ENGLISH = (
    "The Syrian Observatory for Human Rights said on Monday that 40 civilians were killed. "
    "The Observatory added that the strikes hit a market.\n"
    "According to local reports, about 2,000 families fled last week. "
    "Ankara denied any role in the attack."
)


def test_english_article() -> None:
    result = extract(
        ArticleSubmitted(
            article_id="en-1", body=ENGLISH, published_at=datetime(2020, 3, 18, tzinfo=UTC)
        )
    )
    assert result.language == "en"
    assert result.sentences == 4
    by_text = {c.text.split()[1]: c for c in result.claims}
    first = by_text["Syrian"]
    assert first.attribution.mention == "The Syrian Observatory for Human Rights"
    assert [(q.value, q.unit) for q in first.quantities] == [(40, "civilian")]
    assert [(t.text, t.resolved) for t in first.times] == [("Monday", "2020-03-16")]
    assert by_text["Observatory"].attribution.mention == "The Observatory"
    fled = by_text["to"]
    assert fled.attribution.type == "vague"
    assert [(q.value, q.unit, q.approx) for q in fled.quantities] == [(2000, "family", True)]
    assert [(t.text, t.resolved) for t in fled.times] == [("last week", "2020-W11")]
    denial = by_text["denied"]
    assert [(d.by, d.text) for d in denial.denials] == [("Ankara", "Ankara denied")]
    for claim in result.claims:
        assert claim.claim_id == claim_id("en-1", 1, claim.start, claim.end)
        assert ENGLISH[claim.start : claim.end] == claim.text


def test_pronoun_subject_resolves_to_the_last_named_source() -> None:
    text = "The UN envoy said the talks had failed. He said 300 prisoners were still held."
    claims = extract_text("p", text, "en")
    second = claims[1].attribution
    assert second.mention == "The UN envoy"
    assert (second.start, second.end) == (0, len("The UN envoy"))
    assert second.verb == "said"


def test_language_detected_per_sentence_in_mixed_text() -> None:
    text = (
        "قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في غارة على إدلب.\n"
        "The French defence ministry said the group had regrouped in the desert last month."
    )
    result = extract(ArticleSubmitted(article_id="mixed", body=text))
    assert [c.language for c in result.claims] == ["ar", "en"]
    assert result.claims[1].attribution.mention == "The French defence ministry"


def test_given_language_is_used() -> None:
    result = extract(ArticleSubmitted(article_id="given", body="قتل 5 جنود أمس", language="ar"))
    assert result.language == "ar"


def test_extract_text_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        extract_text("x", "some text", "de")
    with pytest.raises(ValueError):
        extract_text("bad id with spaces", "some text", "en")


def test_arabic_quotation_carried_into_the_next_sentence() -> None:
    text = (
        "وقال مصدر عسكري “قتل خمسة جنود من الكتيبة 21 وفقد 15 جنديا من الكتيبة نفسها. "
        "قام رتل من المسلحين بالهجوم على بوابة 200 بين أجدابيا وطبرق.” "
        "واستغل التنظيم الفراغ الأمني المتزايد في ليبيا منذ أربع سنوات."
    )
    claims = extract_text("q", text, "ar", threshold=0)
    types = {c.text.split()[0]: (c.attribution.type, c.attribution.mention) for c in claims}
    assert types["قام"] == ("vague", "مصدر عسكري")  # inside the source's quotation
    assert types["واستغل"] == ("none", None)  # after it closed


def test_arabic_unclosed_quotation_is_not_carried() -> None:
    text = (
        "وأشار المتحدث باسم البنتاغون إلى أن مقتله «سيساعد في تقليل العمليات الخارجية للتنظيم. "
        "وعرضت الحكومة الأمريكية سبعة ملايين دولار لمن يساعد في القبض عليه."
    )
    claims = extract_text("u", text, "ar")
    assert claims[-1].attribution.type == "none"


def test_arabic_dropped_subject_takes_the_last_speaker_even_unnamed() -> None:
    text = (
        "وقال مسؤول عسكري إن خمسة جنود قتلوا في الهجوم على نقطة التفتيش. "
        "وأكد أن المهاجمين فروا باتجاه الجنوب بعد الهجوم."
    )
    claims = extract_text("d", text, "ar")
    assert (claims[1].attribution.type, claims[1].attribution.mention) == ("vague", "مسؤول عسكري")


def test_arabic_dropped_masculine_verb_skips_a_feminine_speaker() -> None:
    text = (
        "وقال الوزير إن 40 مدرسة دمرت في المحافظة. "
        "وتشير المعلومات إلى أن المدارس استهدفت عمدا في الأشهر الماضية. "
        "وأضاف أن إعادة الإعمار تحتاج إلى 200 مليون دولار."
    )
    claims = extract_text("g", text, "ar")
    assert claims[-1].attribution.mention == "الوزير"


class _FixedScore:
    """Every clause scores the same: isolates the cut-off the extractor applies."""

    def __init__(self, value: float) -> None:
        self.value = value

    def scores(self, candidates: Sequence[Candidate]) -> list[Score]:
        return [Score(self.value, self.value)] * len(candidates)


POST = "قتل 5 جنود في هجوم على نقطة تفتيش قرب الحدود"


def test_untitled_short_text_is_a_post_and_titled_or_long_is_not() -> None:
    assert is_post(ArticleSubmitted(article_id="p", body=POST))
    assert not is_post(ArticleSubmitted(article_id="h", body=POST, title=POST))
    long_body = " ".join([POST + "."] * 12)
    assert len(long_body) > MAX_POST_CHARS
    assert not is_post(ArticleSubmitted(article_id="l", body=long_body))


def test_a_post_needs_the_post_cut_off_and_an_article_the_article_one() -> None:
    config = settings()
    assert config.post_threshold_ar is not None
    assert config.threshold_ar < config.post_threshold_ar
    between = _FixedScore((config.threshold_ar + config.post_threshold_ar) / 2)
    post = ArticleSubmitted(article_id="p", body=POST, language="ar")
    headline = ArticleSubmitted(article_id="h", body=POST, title=POST, language="ar")
    assert extract(post, scorer=between).claims == []
    assert [c.text for c in extract(headline, scorer=between).claims] == [POST]
    above = _FixedScore(config.post_threshold_ar)
    assert [c.text for c in extract(post, scorer=above).claims] == [POST]


def test_english_posts_keep_the_article_cut_off() -> None:
    config = settings()
    assert config.post_threshold_en is None
    assert config.threshold("en", post=True) == config.threshold("en")
    text = "Police said 5 soldiers were killed in an attack near the border."
    just = _FixedScore(config.threshold_en)
    assert len(extract(ArticleSubmitted(article_id="e", body=text, language="en"),
                       scorer=just).claims) == 1
