"""The writer's stance in a clause: talk to or for someone rather than a report of fact.

Each cue is a general linguistic marker (person, vocative, oath, prayer, wish, prediction,
command, abuse, laughter, exclamation runs); `checkworthiness` weighs them. Cues are read on the
clause's content words (links, mentions and hashtags left out, see `markup`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from workers.extraction import cues
from workers.extraction.tokens import Word, conj_variants, variants


def _pairs(ws: list[Word]) -> set[tuple[str, str]]:
    return {(form, b.norm) for a, b in pairwise(ws) for form in variants(a.norm)}


# Names and places that begin like an attached vocative "يا…".
_YA_WORDS = frozenset({"ياسر", "ياسين", "يافع", "يافا", "ياقوت", "يامن", "يارا", "يام", "ياسمين"})
_EXCLAMATION_RUNS = ("!!", "؟!", "!؟", "?!", "!?")


@dataclass(frozen=True)
class Stance:
    """Which stance cues a clause shows."""

    first_person: bool = False
    second_person: bool = False
    vocative: bool = False
    oath: bool = False
    prayer: bool = False
    wish: bool = False
    prediction: bool = False
    command: bool = False
    abuse: bool = False
    laughter: bool = False
    exclamation: bool = False


def _vocative_ar(norm: str) -> bool:
    bare = variants(norm)[-1] if norm.startswith("و") else norm
    if bare in cues.VOCATIVE_AR:
        return True
    return bare.startswith("يا") and len(bare) > 4 and bare not in _YA_WORDS


# Second words of the prayer pairs: the pair look-up runs only when one of them is present.
_PRAYER_SECONDS = frozenset(second for _, second in cues.PRAYER_PAIRS_AR)
_VERB_CUES_AR = (
    ("first_person", cues.FIRST_PERSON_AR),
    ("second_person", cues.SECOND_PERSON_AR),
    ("oath", cues.OATHS_AR),
    ("wish", cues.WISH_AR),
    ("prediction", cues.FUTURE_AR),
    ("command", cues.IMPERATIVES_AR),
)


# Every word a cue below can match (through `variants`, a superset of `conj_variants`): a
# word with none of these forms, no "يا" and no laughter carries no cue.
_ANY_CUE_AR = frozenset().union(
    *(lexicon for _, lexicon in _VERB_CUES_AR), cues.VOCATIVE_AR, cues.EVALUATIVE_AR,
    cues.LAUGHTER_AR,
)
_NO_CUES: frozenset[str] = frozenset()


@lru_cache(maxsize=100_000)
def _word_cues_ar(norm: str) -> frozenset[str]:
    """The stance cues one (normalised) Arabic word carries; cached, words repeat a lot."""
    if (
        "يا" not in norm
        and not norm.startswith("ههه")
        and not any(form in _ANY_CUE_AR for form in variants(norm))
    ):
        return _NO_CUES
    forms = conj_variants(norm)
    found = {name for name, lexicon in _VERB_CUES_AR if any(f in lexicon for f in forms)}
    if _vocative_ar(norm):
        found.add("vocative")
    if any(form in cues.EVALUATIVE_AR for form in variants(norm)):
        found.add("abuse")
    if norm.startswith("ههه") or norm in cues.LAUGHTER_AR:
        found.add("laughter")
    return frozenset(found)


def _arabic(ws: list[Word], text: str) -> Stance:
    norms = [w.norm for w in ws]
    found: set[str] = set()
    for word_cues in map(_word_cues_ar, norms):
        if word_cues:
            found.update(word_cues)
    if not _PRAYER_SECONDS.isdisjoint(norms) and _pairs(ws) & cues.PRAYER_PAIRS_AR:
        found.add("prayer")
    if any(run in text for run in _EXCLAMATION_RUNS):
        found.add("exclamation")
    return _stance(frozenset(found))


@lru_cache(maxsize=4096)
def _stance(names: frozenset[str]) -> Stance:
    """The Stance with these cues (frozen, so one object per combination will do)."""
    return Stance(**{name: True for name in names})


def _english(ws: list[Word], text: str) -> Stance:
    # No person cues in English: debate speakers address each other ("you voted for it") while
    # stating facts, and FIRST_PERSON_EN is already weighed in `checkworthiness`.
    norms = [w.norm.lower() for w in ws]
    pairs = set(pairwise(norms))
    return Stance(
        oath=bool(pairs & cues.OATH_PAIRS_EN),
        prayer=bool(pairs & cues.PRAYER_PAIRS_EN),
        wish=any(n in cues.WISH_EN for n in norms),
        laughter=any(n in cues.LAUGHTER_EN or n.startswith("haha") for n in norms),
        exclamation=any(run in text for run in _EXCLAMATION_RUNS),
    )


def stance_of(ws: list[Word], text: str, language: str, *, emoji_laughter: bool = False) -> Stance:
    """The stance cues of a clause: `ws` its content words, `text` its raw text."""
    found = _arabic(ws, text) if language == "ar" else _english(ws, text)
    if emoji_laughter and not found.laughter:
        return replace(found, laughter=True)
    return found
