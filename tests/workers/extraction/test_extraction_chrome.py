"""Page furniture (bylines, tag and link lines) is not a claim."""

from __future__ import annotations

import pytest

from workers.extraction.chrome import is_chrome
from workers.extraction.extractor import extract_text
from workers.extraction.tokens import words

ARTICLE = (
    "عين اليوم – بنغازي (ليبيا)\n"
    "قال مسؤولون عسكريون إن سبعة جنود ليبيين قتلوا اليوم الجمعة في هجوم على نقطة تفتيش. "
    "سمات بنغازي داعش قتل ليبيا\n"
    "رابط الخبر بصحيفة الوئام: مقتل سبعة جنود ليبيين في هجوم لداعش"
)


def _chrome(text: str) -> bool:
    return is_chrome(text, 0, len(text), words(text))


@pytest.mark.parametrize(
    "line",
    [
        "عين اليوم – بنغازي (ليبيا)",
        "داليا أبوالعيش- عين اليوم",
        "سمات بنغازي داعش قتل ليبيا",
        "رابط الخبر بصحيفة الوئام: مقتل سبعة جنود ليبيين في هجوم لداعش",
        "...المزيد",
        "Read more: the army took the town",
        "By John Smith",
    ],
)
def test_furniture(line: str) -> None:
    assert _chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "قال مسؤولون عسكريون إن سبعة جنود قتلوا",
        "قتل 12 شخصا – بحسب المرصد",  # a figure: content
        "The ceasefire - agreed on Monday - collapsed.",  # a sentence, not a byline
    ],
)
def test_content(line: str) -> None:
    assert not _chrome(line)


def test_article_furniture_yields_no_claims() -> None:
    claims = extract_text("c", ARTICLE, "ar")
    assert [c.text[:9] for c in claims] == ["قال مسؤول"]
