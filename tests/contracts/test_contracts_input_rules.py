"""What an article must look like: ids, body size (a setting), control characters, HTML."""

from __future__ import annotations

import re

import pytest

from contracts.input_rules import (
    check_article_id,
    check_body,
    limits,
    safe_article_id,
    without_controls,
)


@pytest.mark.parametrize("good", ["a", "seed-ar-001", "cms:12345", "مقال_١", "a.b.c", "_x"])
def test_allowed_ids(good: str) -> None:
    assert check_article_id(good) == good


@pytest.mark.parametrize(
    "bad", ["", "../../etc", "a/b", "a..b", ".hidden", "-x", "a b", "a\tb", "a\u202eb", "x" * 201]
)
def test_refused_ids(bad: str) -> None:
    with pytest.raises(ValueError, match="is not allowed"):
        check_article_id(bad)


@pytest.mark.parametrize(
    ("raw", "made"),
    [("2015/07/a", "2015-07-a"), ("../../etc", "etc"), ("a..b", "a.b"), ("", "article")],
)
def test_safe_ids_are_made_from_anything(raw: str, made: str) -> None:
    assert safe_article_id(raw) == made
    check_article_id(made)


def test_the_body_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_MAX_BODY_BYTES", "10")
    limits.cache_clear()
    try:
        assert check_body("ok ok") == "ok ok"
        with pytest.raises(ValueError, match=r"body is 13 bytes of UTF-8; the limit is 10 "):
            check_body("قال قال")  # 7 characters, 13 bytes
    finally:
        limits.cache_clear()


def test_text_controls_and_markup() -> None:
    assert check_body("line\nline\tx\r\n\f") == "line\nline\tx\r\n\f"
    assert check_body("\u202bعربي\u202c <b>bold</b>")  # bidi marks and one tag: processed
    for bad, what in [("a\x1b[2J", "U+001B"), ("a\x85b", "U+0085"), ("a\ud800", "U+D800")]:
        with pytest.raises(ValueError, match=re.escape(what)):
            check_body(bad)
    with pytest.raises(ValueError, match="looks like HTML"):
        check_body("<div>a</div>")
    assert without_controls("a\x00b\x1ac\n") == "a b c\n"
