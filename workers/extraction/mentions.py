"""Re-mentions: "المرصد السوري" after "المرصد السوري لحقوق الإنسان", "الموقع السويدي" after
"موقع نورديك مونيتور السويدي", "the ministry" after "the French defence ministry".

A later mention refers to an earlier one when its content words (clitics and the article
dropped) are all among the earlier mention's words, in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from workers.nlp.arabic import tokens

_IGNORED = frozenset({"the", "a", "an", "of", "s"})


@lru_cache(maxsize=20_000)
def content_tokens(mention: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(mention) if t not in _IGNORED)


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    position = 0
    for token in short:
        try:
            position = long.index(token, position) + 1
        except ValueError:
            return False
    return True


def refers_to(later: str, earlier: str) -> bool:
    """Is `later` a short or descriptive re-mention of `earlier` (or the same mention)?"""
    short, long = content_tokens(later), content_tokens(earlier)
    return bool(short) and len(short) <= len(long) and _in_order(short, long)


def antecedent(mention: str, earlier: Sequence[str]) -> str | None:
    """The most recent earlier mention that `mention` re-mentions, preferring the fullest."""
    candidates = [m for m in reversed(earlier) if m != mention and refers_to(mention, m)]
    if not candidates:
        return None
    return max(candidates, key=lambda m: len(content_tokens(m)))
