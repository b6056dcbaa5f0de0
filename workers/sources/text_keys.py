"""Tokens with offsets and the comparison key the registry matcher uses.

Keys are built on `workers.nlp.arabic.normalize`; offsets always stay on the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workers.nlp.arabic import normalize, strip_clitics

# Arabic letters plus harakat and tatweel, so a vocalised word stays one token.
_TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+", re.UNICODE)
# Spelling variants that normalize() keeps apart: أميركي / أمريكي.
_VARIANTS = (("اميرك", "امريك"), ("ئ", "ي"))
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Accusative tanween written on an alef ("مصدرًا", "متحدثاً"): the alef is no part of the noun.
_TANWEEN_ALEF = re.compile(r"(?:\u064Bا|ا\u064B)$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    raw: str
    norm: str  # normalised, clitics kept
    key: str  # normalised, clitics stripped to a fixed point


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """The comparison key of one token: normalised, spelling variants folded, clitics stripped.

    Clitics are stripped until nothing changes, so "وزارة", "لوزارة" and "الوزارة" share a key
    (over-stripping a root letter happens on both sides alike and does not hurt matching).
    """
    text = normalize(_TANWEEN_ALEF.sub("", token))
    if not _ARABIC.search(text):
        return text
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    while True:
        stripped = strip_clitics(text)
        if stripped == text:
            return text
        text = stripped


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), normalize(m.group()), token_key(m.group()))
        for m in _TOKEN.finditer(text)
    ]


def keys_of(phrase: str) -> tuple[str, ...]:
    return tuple(tok.key for tok in tokenize(phrase))


def is_acronym(word: str) -> bool:
    """Latin all-caps words (UN, AP, SOHR) only match with the same case."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isascii() and c.isupper() for c in letters) and len(word) <= 6


def proclitic_length(raw: str, first_alias_norm: str) -> int:
    """How many leading letters of `raw` are an attached و/ب/ل/ف/ك the mention should not cover.

    "لوزارة" before the alias "وزارة" -> 1; "والمرصد" -> 1; "المرصد" -> 0.
    """
    norm = normalize(raw)
    if len(norm) != len(raw):  # vocalised token: offsets would not line up; keep it whole
        return 0
    target = first_alias_norm
    bare = target[2:] if target.startswith("ال") else target
    for cut in (1, 2):
        rest = norm[cut:]
        if norm[:cut] and all(c in "وبلفك" for c in norm[:cut]) and rest in (target, "ال" + bare):
            return cut
    if norm[:1] in ("و", "ب", "ف", "ك") and norm[1:3] == "ال" and norm != target:
        return 1
    return 0
