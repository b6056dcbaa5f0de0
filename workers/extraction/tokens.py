"""Words with offsets into the article body, plus normalised forms for lexicon look-ups."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from workers.nlp.arabic import normalize

# Arabic diacritics (tashkeel, U+064B-065F, U+0670) are not \w: without them "يُذكر" would
# read as two words.
_WORD = re.compile(r"\w[\w\u064b-\u065f\u0670]*", re.UNICODE)
# Attached conjunctions and prepositions that may precede a lexicon word (normalised spelling).
_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
PUNCT_BREAK = frozenset("،,:؛;.!?؟()[]{}")
QUOTES_OPEN = frozenset("“«\"‘‹„")
QUOTES_CLOSE = frozenset("”»\"’›")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    norm: str


@lru_cache(maxsize=100_000)
def _normalized(token: str) -> str:
    return normalize(token).replace("ـ", "")


_new_word = tuple.__new__  # Word(...) through its generated __new__ is several times slower


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of text[start:end] with offsets into `text` and their normalised spelling."""
    stop = len(text) if end is None else end
    out: list[Word] = []
    for m in _WORD.finditer(text, start, stop):
        token = m.group()
        out.append(_new_word(Word, (m.start(), m.end(), token, _normalized(token))))
    return out


def _word_start(w: Word) -> int:
    return w.start


def _word_end(w: Word) -> int:
    return w.end


def words_within(text: str, ws: list[Word], start: int, end: int) -> list[Word]:
    """`words(text, start, end)` from the words `ws` (sorted) of a span holding [start, end):
    a slice, unless a word straddles a boundary (then the text is read again)."""
    lo = bisect_left(ws, start, key=_word_start)
    hi = bisect_right(ws, end, key=_word_end)
    if (lo > 0 and ws[lo - 1].end > start) or (hi < len(ws) and ws[hi].start < end):
        return words(text, start, end)
    return ws[lo:hi]


@lru_cache(maxsize=100_000)
def variants(norm: str) -> tuple[str, ...]:
    """The normalised word and the word without one attached prefix (وقالت -> قالت)."""
    return (
        norm,
        *(
            norm[len(prefix) :]
            for prefix in _PREFIXES
            if norm.startswith(prefix) and len(norm) - len(prefix) >= 2
        ),
    )


@lru_cache(maxsize=100_000)
def conj_variants(norm: str) -> tuple[str, ...]:
    """The word and the word without a conjunction (و/ف): what a verb may carry."""
    if norm[:1] in ("و", "ف") and len(norm) > 3:
        return (norm, norm[1:])
    return (norm,)


@lru_cache(maxsize=200_000)
def _in_lexicon(norm: str, lexicon: frozenset[str]) -> bool:
    return any(form in lexicon for form in variants(norm))


@lru_cache(maxsize=200_000)
def _verb_in(norm: str, lexicon: frozenset[str]) -> bool:
    return any(form in lexicon for form in conj_variants(norm))


def in_lexicon(word: Word, lexicon: frozenset[str]) -> bool:
    """Is the word, or the word without one attached prefix, in `lexicon` (cached per
    spelling and lexicon: the lexicons are module constants)."""
    return _in_lexicon(word.norm, lexicon)


def is_verb_in(word: Word, lexicon: frozenset[str]) -> bool:
    """Lexicon look-up for verbs: only a conjunction may be attached ("لتذكر" is no report)."""
    return _verb_in(word.norm, lexicon)


def gap_breaks(text: str, left: Word, right: Word) -> bool:
    """Is there clause punctuation between two neighbouring words?"""
    return any(char in PUNCT_BREAK for char in text[left.end : right.start])


def norm_set(items: str) -> frozenset[str]:
    """A lexicon from a whitespace-separated list, in normalised spelling."""
    return frozenset(normalize(item) for item in items.split())


def bare_text(word: Word, lexicon: frozenset[str] | set[str]) -> str:
    """The word's text without the attached prefix that made it match `lexicon` (وأضاف -> أضاف)."""
    for form in variants(word.norm):
        if form in lexicon:
            return word.text[len(word.norm) - len(form) :]
    return word.text


def word_set(items: str) -> frozenset[str]:
    """A lexicon from a whitespace-separated list, kept as written (English)."""
    return frozenset(items.split())
