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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import HashingVectorizer

from workers.nlp.arabic import is_arabic, normalize
from workers.xref.archive import Passage
from workers.xref.cues import Figure, text_cues
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
    "fuzzy_partial",  # best partial alignment of the normalised texts (0..1)
    "relative_retrieval",  # the passage's retrieval score over the best one for this claim
    "cross_script",  # claim and passage in different scripts (Arabic vs Latin)
    "char_cosine",  # cosine of character 3-5-gram vectors of the normalised texts
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
        years=frozenset(_years(text)),
        folded=normalize(text),
        arabic=is_arabic(text),
    )


def _pair_features(
    claim: ClaimView,
    passage_text: str,
    passage_terms: str,
    *,
    relative_retrieval: float,
) -> list[float]:
    seq = passage_terms.split()
    present = set(seq)
    hits = [
        any(all(t in present for t in alt) for alt in concept) for concept in claim.query.concepts
    ]
    pcues = text_cues(passage_text)
    match, clash = _figures(claim.figures, pcues.figures)
    years = frozenset(_years(passage_text))
    pairs = set(pairwise(seq))
    return [
        claim.query.coverage(present),
        _share(hits, claim.entities),
        float(bool(claim.entities)),
        _share(hits, claim.content),
        len(claim.bigrams & pairs) / len(claim.bigrams) if claim.bigrams else 0.0,
        float(match),
        float(clash and not match),
        float(bool(claim.figures)),
        float(bool(claim.years) and bool(years) and not claim.years & years),
        fuzz.partial_ratio(claim.folded, normalize(passage_text)) / 100.0,
        relative_retrieval,
        float(claim.arabic != is_arabic(passage_text)),
    ]


def _share(hits: list[bool], indexes: tuple[int, ...]) -> float:
    return sum(hits[i] for i in indexes) / len(indexes) if indexes else 1.0


def _figures(claim: tuple[Figure, ...], passage: tuple[Figure, ...]) -> tuple[bool, bool]:
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


def _years(text: str) -> list[str]:
    return [
        t for t in text_cues(text).tokens if len(t) == 4 and t.isdigit() and t[:2] in ("19", "20")
    ]


def candidate_features(claim: ClaimView, candidates: Sequence[Passage]) -> list[list[float]]:
    """Features of each retrieved passage for one claim (the pipeline's and training's way)."""
    if not candidates:
        return []
    best = max(p.score for p in candidates)
    vectors = _CHARS.transform([claim.folded, *(normalize(p.text) for p in candidates)])
    cosines = (vectors[1:] @ vectors[0].T).toarray().ravel()
    return [
        [
            *_pair_features(
                claim,
                p.text,
                p.terms,
                relative_retrieval=p.score / best if best else 0.0,
            ),
            float(cosines[rank]),
            float(rank),
            float(rank == 0),
        ]
        for rank, p in enumerate(candidates)
    ]


# Hashed, so nothing is fitted or shipped; l2-normalised, so a dot product is the cosine.
_CHARS = HashingVectorizer(
    analyzer="char_wb", ngram_range=(3, 5), n_features=2**20, norm="l2", alternate_sign=False
)
