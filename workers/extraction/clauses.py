"""Clause splitting inside one shared segment: one sentence may carry several claims.

A sentence is cut before a connector ("، حيث", "، بينما", ", while") only when what follows
is a claim of its own with its own source ("، حيث إنه الشهر الماضي، كشف موقع ... أن"), and
at a semicolon when both sides are full clauses. Otherwise a "حيث ..." clause elaborates the
same reported content and stays with it.
"""

from __future__ import annotations

import re

from workers.extraction.attribution import find_attribution
from workers.extraction.tokens import words

_CONNECTOR = re.compile(
    r"[،,]\s*(?=(?:و?حيث|بينما|فيما|في حين|كما|إذ|while\b|whereas\b))|[؛;]\s*",
    re.UNICODE,
)
MIN_CLAUSE_WORDS = 4
_TRIM = " \t\r\n،,؛;:-–—"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _has_own_source(text: str, start: int, end: int, language: str) -> bool:
    found = find_attribution(text, start, end, language, words(text, start, end))
    return found is not None and not found.subject_dropped


def split_clauses(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Clause spans (offsets into `text`) of the sentence text[start:end]."""
    spans: list[tuple[int, int]] = []
    left = start
    for match in _CONNECTOR.finditer(text, start, end):
        cut = match.start()
        right_start = match.end()
        left_words = len(words(text, left, cut))
        right_words = len(words(text, right_start, end))
        if left_words < MIN_CLAUSE_WORDS or right_words < MIN_CLAUSE_WORDS:
            continue
        strong = text[cut] in "؛;"
        if strong or _has_own_source(text, right_start, end, language):
            spans.append(_trimmed(text, left, cut))
            left = right_start
    spans.append(_trimmed(text, left, end))
    return [(s, e) for s, e in spans if e > s]
