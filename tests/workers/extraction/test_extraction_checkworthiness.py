"""Check-worthiness: facts score above the threshold, questions/greetings/opinion/calls below."""

from __future__ import annotations

import pytest

from contracts.events import ArticleSubmitted
from workers.extraction.checkworthiness import threshold
from workers.extraction.detector import RuleScorer
from workers.extraction.extractor import candidates, default_scorer, extract_text


def _rule(text: str, language: str) -> float:
    """The best rule score (the cues alone, no model) among the text's clauses."""
    article = ArticleSubmitted(article_id="cw", body=text, language=language)
    return max((s.claim for s in RuleScorer().scores(candidates(article))), default=0.0)


def _best(text: str, language: str) -> float:
    """The best claim score among the text's clauses (what the cut-off is compared with)."""
    article = ArticleSubmitted(article_id="cw", body=text, language=language)
    return max((s.claim for s in default_scorer().scores(candidates(article))), default=0.0)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وزارة الصحة: تسجيل 120 إصابة جديدة بفيروس كورونا خلال 24 ساعة", "ar"),
        ("قتل 12 مدنيا في غارة جوية على ريف إدلب أمس", "ar"),
        ("Unemployment fell to 4.1 percent in March, the Labor Department said.", "en"),
        ("We have lost 2.3 million manufacturing jobs since 2001.", "en"),
    ],
)
def test_factual_statements_are_claims(text: str, language: str) -> None:
    assert _best(text, language) >= threshold(language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("هل تعتقد أن الحكومة ستنجح في وقف الحرب؟", "ar"),  # question
        ("صباح الخير يا أهل اليمن، جمعة مباركة", "ar"),  # greeting
        ("اللهم انصر إخواننا المرابطين", "ar"),  # prayer
        ("أعتقد أن هذا القرار خاطئ ويجب التراجع عنه", "ar"),  # opinion
        ("شاركوا الهاشتاق وانشروا الحملة", "ar"),  # call to action
        ("What are you going to do about it?", "en"),
        ("Thank you very much, everybody.", "en"),
        ("I think we should be proud of this country.", "en"),
        ("Let's go out and vote next Tuesday.", "en"),
    ],
)
def test_non_claims_are_dropped(text: str, language: str) -> None:
    assert extract_text("cw", text, language) == []
    assert _best(text, language) < threshold(language)


def test_kinds() -> None:
    stat = extract_text("k", "Exports rose 12 percent in 2019 to $3 billion.", "en")
    assert [c.kind for c in stat] == ["statistic"]
    quote = extract_text("k", 'He said: "The ceasefire has collapsed in every province."', "en")
    assert [c.kind for c in quote] == ["quote"]
    said = extract_text("k", "The Syrian Observatory said that the town fell to the army.", "en")
    assert [c.kind for c in said] == ["attributed_statement"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("لن يدخل الحوثيون مأرب مهما حاولوا", "ar"),  # prediction
        ("يا أبطال الجيش كونوا على ثقة بالنصر", "ar"),  # vocative + command
        ("والله الحكومة باعت البلد للإمارات", "ar"),  # oath
        ("ليت الحكومة تفتح المطار قبل رمضان", "ar"),  # wish
        ("الحكومة فتحت المطار أخيرا هههههه", "ar"),  # laughter
        ("الحكومة فتحت المطار أخيرا!!", "ar"),  # exclamation run
        ("الحكومة فتحت المطار أخيرا 😂", "ar"),  # laughter emoji
        ("The government finally opened the airport lol", "en"),
        ("The government finally opened the airport!!", "en"),
        ("I swear the government opened the airport again", "en"),
        ("God bless the workers who opened the airport", "en"),
        ("Hopefully the government opens the airport soon", "en"),
    ],
)
def test_stance_cues_drop_otherwise_plain_statements(text: str, language: str) -> None:
    assert _best(text, language) < threshold(language)


def test_stance_cues_lower_the_score_of_the_same_statement() -> None:
    assert _rule("الحكومة فتحت المطار أخيرا", "ar") > _rule("الحكومة فتحت المطار أخيرا!!", "ar")
    plain = _rule("The government opened the airport in 2019.", "en")
    assert plain > _rule("The government opened the airport in 2019 lol", "en")


def test_a_post_is_one_utterance_but_separate_lines_are_not() -> None:
    fact = "الجيش يسيطر على المدينة"
    assert _best(fact, "ar") >= threshold("ar")
    post = fact + ". لن ننسى دماء الشهداء!! والله سيدفعون الثمن"
    assert extract_text("cw", post, "ar") == []  # the rest of the post colours the fact
    article = fact + ".\nلن ننسى دماء الشهداء!! والله سيدفعون الثمن"
    assert [c.text for c in extract_text("cw", article, "ar")] == [fact + "."]


def test_links_do_not_count_as_words() -> None:
    headline = "بيراف يستقيل من رئاسة اللجنة الأولمبية"
    with_links = headline + " https://t.co/K4HpUnkTRr https://t.co/xODXijQSwI"
    assert _rule(with_links, "ar") == _rule(headline, "ar")  # the cues ignore the links
    assert _best(with_links, "ar") >= threshold("ar")
    assert _best("تحياتي #اليمن #نهم https://t.co/abc @someone", "ar") < threshold("ar")
