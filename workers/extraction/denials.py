"""Denials and counter-claims the article itself reports ("رغم نفي أنقرة", "Ankara denied")."""

from __future__ import annotations

from functools import lru_cache

from contracts.record import Denial
from workers.extraction.reporting_verbs import DENIAL_VERBS_AR, DENIAL_VERBS_EN
from workers.extraction.tokens import (
    Word,
    gap_breaks,
    in_lexicon,
    is_verb_in,
    norm_set,
    variants,
    word_set,
)

DENIAL_NOUNS_AR = norm_set("نفي إنكار تكذيب")
DENIAL_NOUNS_EN = word_set("denial denials")
# Words that end the denier's name: adjectives of the denial itself and function words.
_END_AR = norm_set(
    """
    المستمر المستمرة المتكرر المتكررة القاطع القاطعة الرسمي الرسمية المتواصل المتواصلة
    الدائم أن أنه إن في من على عن لهذه لهذا لذلك ذلك هذه هذا لتلك وجود أي صحة قيام
    """
)
_STOP_EN = word_set("that the any any claims allegations reports report it this these those such")
MAX_DENIER_WORDS = 4


def _arabic_denier(text: str, ws: list[Word], i: int) -> list[Word]:
    denier: list[Word] = []
    for j in range(i + 1, min(len(ws), i + 1 + MAX_DENIER_WORDS)):
        if gap_breaks(text, ws[j - 1], ws[j]) or in_lexicon(ws[j], _END_AR):
            break
        denier.append(ws[j])
    return denier


def _english_denier(text: str, ws: list[Word], i: int) -> list[Word]:
    """'Ankara denied' / "Ankara's denial": the name right before the word."""
    denier: list[Word] = []
    j = i - 1
    if j >= 0 and ws[j].norm == "s":
        j -= 1
    while j >= 0 and len(denier) < MAX_DENIER_WORDS:
        w = ws[j]
        if gap_breaks(text, w, ws[j + 1]) or not w.text[:1].isupper():
            break
        denier.insert(0, w)
        j -= 1
    return denier


@lru_cache(maxsize=100_000)
def _denial_ar(norm: str) -> bool:
    w = Word(0, 0, norm, norm)
    return in_lexicon(w, DENIAL_NOUNS_AR) or is_verb_in(w, DENIAL_VERBS_AR)


def find_denials(text: str, ws: list[Word], language: str) -> list[Denial]:
    """Denials among the words `ws` of `text`, with who denies when the text says it."""
    found: list[Denial] = []
    for i, w in enumerate(ws):
        if language == "ar":
            if not _denial_ar(w.norm):
                continue
            marker = next(
                f for f in variants(w.norm) if f in DENIAL_NOUNS_AR or f in DENIAL_VERBS_AR
            )
            start = w.start + len(w.norm) - len(marker)
            denier = _arabic_denier(text, ws, i)
            end = denier[-1].end if denier else w.end
        else:
            if w.norm not in DENIAL_VERBS_EN and w.norm not in DENIAL_NOUNS_EN:
                continue
            denier = _english_denier(text, ws, i)
            start = denier[0].start if denier else w.start
            end = w.end
        by = text[denier[0].start : denier[-1].end] if denier else None
        found.append(Denial(text=text[start:end], by=by, start=start, end=end))
    return found
