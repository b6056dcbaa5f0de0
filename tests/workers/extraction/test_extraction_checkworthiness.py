"""Check-worthiness: facts score above the threshold, questions/greetings/opinion/calls below."""

from __future__ import annotations

import pytest

from workers.extraction.checkworthiness import threshold
from workers.extraction.extractor import extract_text


def _best(text: str, language: str) -> float:
    claims = extract_text("cw", text, language, threshold=0.0)
    return max((c.checkworthiness for c in claims), default=0.0)


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
