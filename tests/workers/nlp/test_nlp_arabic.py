"""Script test: most letters Arabic (the fast path for texts with no other letter agrees)."""

from __future__ import annotations

import pytest

from workers.nlp.arabic import is_arabic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال المرصد إن 12 مدنيا قتلوا", True),
        ("يُذكر أن القوات انسحبت", True),  # diacritics are no letters of another script
        ("قالت وكالة Reuters إن الهجوم وقع أمس", True),  # mostly Arabic
        ("The Observatory said 12 civilians were killed في إدلب", False),
        ("12 ٣٤ _ !", False),  # no letters at all
        ("", False),
        ("Привет мир", False),
    ],
)
def test_is_arabic(text: str, expected: bool) -> None:
    assert is_arabic(text) is expected
