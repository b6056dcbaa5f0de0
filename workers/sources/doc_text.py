"""A text being searched for sources: its tokens, which tokens a mention owns, and the mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workers.sources.registry_file import SourceEntry
from workers.sources.text_keys import Token, tokenize

# Characters that may separate the words of one name: spaces, dashes, quotes, brackets.
_SOFT_GAP = re.compile(r"^[ \t\u00a0\-–\.«»“”\"'’‘‚_ـ()]{0,4}$")
_HARD_BREAK = re.compile(r"[.!?؟؛\n]")


@dataclass(slots=True)
class Found:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start: int
    end: int
    entry: SourceEntry | None
    score: float
    how: str  # alias | remention | context | description | credit | fuzzy | unknown
    first_norm: str = ""  # unprefixed written form of the first token, to place the start


class DocText:
    """The text, its tokens and which tokens are already part of a mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks: list[Token] = tokenize(text)
        self.owner: list[int | None] = [None] * len(self.toks)

    def gap(self, i: int) -> str:
        """Raw text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def soft(self, i: int) -> bool:
        return 0 < i < len(self.toks) and bool(_SOFT_GAP.match(self.gap(i)))

    def hard(self, i: int) -> bool:
        return 0 < i < len(self.toks) and bool(_HARD_BREAK.search(self.gap(i)))

    def free(self, first: int, last: int) -> bool:
        return all(self.owner[k] is None for k in range(first, last))

    def take(self, first: int, last: int, mark: int) -> None:
        for k in range(first, last):
            self.owner[k] = mark
