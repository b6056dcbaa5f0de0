"""Free-text fact-check ratings, Arabic and English, on the fixed scale."""

import pytest

from workers.xref.ratings import AGAINST, normalize_rating


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مضلّل", "misleading"),
        ("misleading", "misleading"),
        ("سياق ناقص", "misleading"),
        ("Fake", "false"),
        ("زائف", "false"),
        ("خبر كاذب", "false"),
        ("خطأ", "false"),
        ("غير صحيح", "false"),
        ("Faux", "false"),
        ("صحيح", "true"),
        ("correct", "true"),
        ("صحيح جزئياً", "partly_true"),
        ("غير صحيح جزئيا", "partly_true"),
        ("half-true", "partly_true"),
        ("صورة معدّلة", "altered"),
        ("وليدة ذكاء إصطناعي", "altered"),
        ("sarcastic", "satire"),
        ("غير مثبت", "unproven"),
        ("توضيح", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_rating_scale(text: str | None, expected: str) -> None:
    assert normalize_rating(text) == expected


def test_long_verdict_uses_the_stated_verdict_not_words_in_the_reasoning() -> None:
    text = (
        "اتضح لأنير أن هذا الادعاء زائف؛ حيث قمنا بالتحقق من الصورة التي تبين أنها معدلة "
        "وأن التقرير الصحيح نشر في عام 2020 ولم يكن مضللا في سياقه الأصلي"
    )
    assert normalize_rating(text) == "false"


def test_false_and_misleading_count_against_a_claim_true_does_not() -> None:
    assert {"false", "misleading"} <= AGAINST
    assert "true" not in AGAINST
