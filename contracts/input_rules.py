"""What an article must look like to be accepted, in one place for the API, the CLI and Kafka.

Each rule raises ValueError with a message a newsroom can act on; pydantic turns it into a
422 (HTTP), a one-line CLI error or a dead letter's reason. Decisions: docs/decisions.md.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic_settings import BaseSettings, SettingsConfigDict

ARTICLE_ID_MAX = 200
# Letters (any script), digits, "_", "-", ".", ":"; starts with a letter, digit or "_".
# No "/" and no "..": ids become Kafka keys, URL path segments and file names.
ARTICLE_ID_PATTERN = r"^\w[\w.:\-]*$"
_ARTICLE_ID = re.compile(ARTICLE_ID_PATTERN)
ARTICLE_ID_RULE = (
    f"1–{ARTICLE_ID_MAX} letters, digits, '_', '-', '.' or ':', starting with a letter, "
    "digit or '_' (no '/', no '..', no spaces or control characters)"
)

# C0 controls except tab, line feed, vertical tab, form feed and carriage return; DEL; C1;
# lone surrogates (they cannot be encoded as UTF-8). Bidi controls are NOT here: real
# Arabic articles carry RLE/PDF/LRO marks, and offsets must stay true, so they are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # one-line fields
# Tags of an HTML page (not "<" in prose, not a lone <b>): two or more mean markup was sent.
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|br|a|script|style|table|tr|td|li|ul|ol|img|meta|link"
    r"|iframe|h[1-6])\b[^<>]{0,500}>",
    re.IGNORECASE,
)
HTML_TAGS_REJECTED = 2


class InputLimits(BaseSettings):
    """Env prefix VERIFY_: VERIFY_MAX_BODY_BYTES."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    # 8× the longest article in ../shared (32 KB), and small enough that a body plus the
    # results made from it stay under Kafka's 1 MiB message limit.
    max_body_bytes: int = 262_144


@cache
def limits() -> InputLimits:
    return InputLimits()


def safe_article_id(raw: str) -> str:
    """An allowed article id made from any string (a file name, a URL path, an import's id):
    runs of other characters become "-", dots never repeat, the start is a word character."""
    cleaned = re.sub(r"\.{2,}", ".", re.sub(r"[^\w.:\-]+", "-", raw)).lstrip(".:-")
    return cleaned[:ARTICLE_ID_MAX] or "article"


def without_controls(text: str) -> str:
    """`text` with the control characters a body may not hold replaced by spaces (same
    length: offsets stay true). For documents we archive rather than verify."""
    return _CONTROL.sub(" ", text)


def check_article_id(value: str) -> str:
    if not value or len(value) > ARTICLE_ID_MAX or not _ARTICLE_ID.match(value) or ".." in value:
        raise ValueError(f"article id {value[:60]!r} is not allowed: use {ARTICLE_ID_RULE}")
    return value


def _char(value: str, match: re.Match[str]) -> str:
    return f"U+{ord(match.group()):04X} at offset {match.start()}"


def check_body(value: str) -> str:
    if not value.strip():
        raise ValueError("body is blank")
    size = len(value.encode("utf-8", errors="surrogatepass"))
    limit = limits().max_body_bytes
    if size > limit:
        raise ValueError(
            f"body is {size:,} bytes of UTF-8; the limit is {limit:,} (VERIFY_MAX_BODY_BYTES)"
        )
    if bad := _CONTROL.search(value):
        raise ValueError(
            f"body contains the control character {_char(value, bad)}: send plain UTF-8 text"
        )
    tags = _HTML_TAG.findall(value, 0, min(len(value), 1_000_000))
    if len(tags) >= HTML_TAGS_REJECTED:
        first = _HTML_TAG.search(value)
        where = f"first {first.group()[:40]!r} at offset {first.start()}" if first else ""
        raise ValueError(
            f"body looks like HTML ({len(tags)} tags, {where}): send the article's text "
            "without markup (claims are located by offsets into the text you send)"
        )
    return value


def check_line(value: str | None, field: str) -> str | None:
    """Title, outlet, url: one line of text without control characters."""
    if value is not None and (bad := _LINE_CONTROL.search(value)):
        raise ValueError(f"{field} contains the control character {_char(value, bad)}")
    return value
