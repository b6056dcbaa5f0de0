"""The one sentence segmentation every worker uses, so offsets agree across services.

Rules: a sentence ends at . ! ? ؟ … or a line break; closing quotes and brackets after the
terminator stay with the sentence. A full stop does not end a sentence inside a number
(3.5), after a known abbreviation (U.S., Dr.), after a single capital initial, or when it is
not followed by white space, a quote or the end of text (example.com).
Changing these rules changes claim ids: bump contracts.SCHEMA_VERSION when you do.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TERMINATORS = frozenset(".!?؟…")
CLOSERS = frozenset("\"'”’»)]›")
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "fig",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "approx",
        "est",
        "dept",
        "gov",
        "mt",
    }
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


class Segment(NamedTuple):
    start: int
    end: int
    text: str


def _ends_sentence(text: str, i: int) -> bool:
    """Is the terminator at text[i] a sentence end?"""
    char = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt in TERMINATORS:
        return False  # "?!", "!!", "...": break after the last one
    if char != ".":
        return True
    if nxt and not (nxt.isspace() or nxt in CLOSERS):
        return False  # 3.5, example.com, U.S.-led
    match = _WORD_BEFORE.search(text[max(0, i - 20) : i])
    if match:
        word = match.group(1).lower()
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and text[i - 1].isupper()):
            return False
    return True


_CANDIDATE = re.compile(r"[\n.!?؟…]")  # a newline or a TERMINATOR: where a cut may fall


def segment(text: str) -> list[Segment]:
    """Split `text` into sentences with character offsets into `text`."""
    segments: list[Segment] = []
    start = 0
    n = len(text)
    # Only the candidate characters need a decision (a regex finds them in C; this runs on
    # every archived document).
    for match in _CANDIDATE.finditer(text):
        i = match.start()
        if text[i] == "\n":
            cut = i
        elif _ends_sentence(text, i):
            cut = i + 1
            while cut < n and text[cut] in CLOSERS:
                cut += 1
        else:
            continue
        _append(segments, text, start, cut)
        start = cut
    _append(segments, text, start, n)
    return segments


def _append(segments: list[Segment], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        segments.append(Segment(start, end, text[start:end]))
