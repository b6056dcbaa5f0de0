"""Features of a (claim, passage) pair for the same-fact model.

A passage is evidence only if it states the same fact as the claim: the same actors, the
same figure, the same event. So the features measure how much of the *claim* the passage
carries, split by kind (names, figures, other content words), whether its figures agree
or clash, whether the claim's wording survives in order (term bigrams), and how the
index ranked it. They say nothing about either text alone, and nothing about the
passage's length: archived news sentences state a fact among others, and a model that
learned "long means unrelated" from short training headlines would miss them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from workers.nlp.arabic import normalize
from workers.xref.archive import Passage
from workers.xref.cues import Figure, figures_in, text_cues
from workers.xref.ranking import Query
from workers.xref.terms import index_terms
from workers.xref.transliterate import KEY_PREFIX

FEATURES = (
    "coverage",  # weighted share of the claim's concepts in the passage (names/figures x2)
    "entity_share",  # share of the claim's names in the passage (1 when it has none)
    "has_entities",
    "content_share",  # share of the claim's other words
    "bigram_share",  # share of the claim's adjacent term pairs, adjacent in the passage too
    "figure_match",  # a figure with the same unit and value (within 10 %)
    "figure_clash",  # same unit, different value, and no match
    "claim_has_figure",
    "year_clash",  # both name years, none in common
    "in_order",  # share of the claim's characters found in the same order in the passage
    "relative_retrieval",  # the passage's retrieval score over the best one for this claim
    "cross_script",  # claim and passage in different scripts (Arabic vs Latin)
    "token_set",  # rapidfuzz token-set similarity of the normalised texts (0..1)
    "rank",  # position among this claim's candidates (0 = best retrieved)
    "is_top",
)
FIGURE_TOLERANCE = 0.10


@dataclass(frozen=True)
class ClaimView:
    """What the features need from a claim, computed once per claim."""

    query: Query
    entities: tuple[int, ...]  # indexes of name concepts in query.concepts
    content: tuple[int, ...]  # indexes of the other (non-number) concepts
    bigrams: frozenset[tuple[str, str]]
    figures: tuple[Figure, ...]
    years: frozenset[str]
    folded: str
    arabic: bool

    @classmethod
    def of(cls, text: str, figures: tuple[Figure, ...] | None = None) -> ClaimView:
        return _claim_view(text) if figures is None else _view(text, figures)


@lru_cache(maxsize=4096)
def _claim_view(text: str) -> ClaimView:
    return _view(text, text_cues(text).figures)


def _view(text: str, figures: tuple[Figure, ...]) -> ClaimView:
    query = Query.parse(text)
    entities, content = [], []
    for i, concept in enumerate(query.concepts):
        # a word with only its transliteration key as a second form is not a known name
        named = len(concept) > 1 and not concept[1][0].startswith(KEY_PREFIX)
        if named:
            entities.append(i)
        elif not concept[0][0][:1].isdigit():
            content.append(i)
    terms = index_terms(text)
    return ClaimView(
        query=query,
        entities=tuple(entities),
        content=tuple(content),
        bigrams=frozenset(pairwise(terms)),
        figures=tuple(f for f in figures if f.unit),
        years=_years(text),
        folded=normalize(text),
        arabic=_mostly_arabic(normalize(text)),
    )


def _pair_features(
    claim: ClaimView,
    passage_text: str,
    passage_terms: str,
    *,
    relative_retrieval: float,
) -> list[float]:
    # Runs for every candidate of every claim (hundreds per article): only cheap work here,
    # and the passage's figures and years only when the claim has some.
    seq = passage_terms.split()
    present = set(seq)
    hits = claim.query.hits(present)
    folded = normalize(passage_text)
    match, clash = _figures(claim.figures, figures_in(folded)) if claim.figures else (False, False)
    years = frozenset(_YEAR.findall(folded)) if claim.years else frozenset()
    return [
        claim.query.coverage(present, hits),
        _share(hits, claim.entities),
        float(bool(claim.entities)),
        _share(hits, claim.content),
        len(claim.bigrams & set(pairwise(seq))) / len(claim.bigrams) if claim.bigrams else 0.0,
        float(match),
        float(clash and not match),
        float(bool(claim.figures)),
        float(bool(claim.years) and bool(years) and not claim.years & years),
        LCSseq.similarity(claim.folded, folded) / len(claim.folded) if claim.folded else 0.0,
        relative_retrieval,
        float(claim.arabic != _mostly_arabic(folded)),
        fuzz.token_set_ratio(claim.folded, folded) / 100.0,
    ]


def _share(hits: list[bool], indexes: tuple[int, ...]) -> float:
    return sum(hits[i] for i in indexes) / len(indexes) if indexes else 1.0


def _figures(claim: Sequence[Figure], passage: Sequence[Figure]) -> tuple[bool, bool]:
    match = clash = False
    for cf in claim:
        for pf in passage:
            if pf.unit != cf.unit:
                continue
            if abs(cf.value - pf.value) <= FIGURE_TOLERANCE * max(abs(cf.value), abs(pf.value)):
                match = True
            else:
                clash = True
    return match, clash


def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(normalize(text)))


def _mostly_arabic(folded: str) -> bool:
    sample = folded[:300]
    return len(_ARABIC_LETTERS.findall(sample)) > len(_LATIN_LETTERS.findall(sample))


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTERS = re.compile(r"[a-z]")


def candidate_features(claim: ClaimView, candidates: Sequence[Passage]) -> list[list[float]]:
    """Features of each retrieved passage for one claim (the pipeline's and training's way)."""
    best = max((p.score for p in candidates), default=0.0)
    return [
        [
            *_pair_features(
                claim, p.text, p.terms, relative_retrieval=p.score / best if best else 0.0
            ),
            float(rank),
            float(rank == 0),
        ]
        for rank, p in enumerate(candidates)
    ]
