"""Re-ranking of full-text candidates: concept coverage, figures and the backend's own rank.

The backends only shortlist; the final order comes from here so SQLite and PostgreSQL
rank alike. A concept is a query term or an alias group (any of its forms matches);
names and figures weigh more than ordinary words, since a passage about the same entity
and the same number is far more likely to be about the same claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from workers.xref.aliases import Alternative, concepts
from workers.xref.terms import arabic_name_keys, index_terms

ENTITY_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0


@dataclass(frozen=True)
class Query:
    """A prepared query: its concepts with weights, and the flat terms sent to the index."""

    concepts: tuple[tuple[Alternative, ...], ...]
    weights: tuple[float, ...]
    terms: tuple[str, ...]
    # per concept: its one-term alternatives as a set, and the longer ones (for `hits`)
    _singles: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)
    _multis: tuple[tuple[Alternative, ...], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        singles = tuple(frozenset(a[0] for a in c if len(a) == 1) for c in self.concepts)
        multis = tuple(tuple(a for a in c if len(a) > 1) for c in self.concepts)
        object.__setattr__(self, "_singles", singles)
        object.__setattr__(self, "_multis", multis)

    @classmethod
    def parse(cls, text: str, max_terms: int = 40) -> Query:
        # a claim is parsed for its search and again for its same-fact view
        return _parse(text, max_terms)

    @classmethod
    def _parse(cls, text: str, max_terms: int) -> Query:
        found = concepts(index_terms(text))
        uniq: list[tuple[Alternative, ...]] = []
        for concept in found:
            if concept not in uniq:
                uniq.append(concept)
        weights = tuple(_weight(c) for c in uniq)
        flat: dict[str, None] = {}
        for concept in uniq:
            for alternative in concept:
                for term in alternative:
                    if term.isalnum():
                        flat[term] = None
        # An Arabic word outside the alias groups may be a name: its transliteration key
        # is one more alternative (English passages index the keys of their names).
        keys = arabic_name_keys(text)
        expanded = tuple(_with_key(c, keys) for c in uniq)
        for concept in expanded:
            if len(concept) == 2 and concept[1][0] not in flat:
                flat[concept[1][0]] = None
        return cls(expanded, weights, tuple(list(flat)[:max_terms]))

    def hits(self, passage_terms: set[str] | frozenset[str]) -> list[bool]:
        """For each concept, whether one of its forms is in the passage. (This runs for every
        candidate passage of every claim: set operations in C where possible.)"""
        return [
            not single.isdisjoint(passage_terms)
            or any(passage_terms.issuperset(alt) for alt in multi)
            for single, multi in zip(self._singles, self._multis, strict=True)
        ]

    def coverage(
        self, passage_terms: set[str] | frozenset[str], hits: list[bool] | None = None
    ) -> float:
        """Weighted share of the query's concepts present in a passage (0..1)."""
        total = sum(self.weights)
        if not total:
            return 0.0
        found = self.hits(passage_terms) if hits is None else hits
        return sum(w for h, w in zip(found, self.weights, strict=True) if h) / total


@lru_cache(maxsize=4096)
def _parse(text: str, max_terms: int) -> Query:
    return Query._parse(text, max_terms)


def _with_key(concept: tuple[Alternative, ...], keys: dict[str, str]) -> tuple[Alternative, ...]:
    if len(concept) == 1 and len(concept[0]) == 1 and (k := keys.get(concept[0][0])):
        return (concept[0], (k,))
    return concept


def _weight(concept: tuple[Alternative, ...]) -> float:
    if len(concept) > 1:
        return ENTITY_WEIGHT
    (alternative,) = concept
    return NUMBER_WEIGHT if alternative[0][:1].isdigit() else 1.0


def combine(coverage: float, backend_rank: float, best_rank: float) -> float:
    """Final score in 0..1: mostly coverage, with the backend's rank as a tie-breaker."""
    relative = backend_rank / best_rank if best_rank > 0 else 0.0
    return round(0.75 * coverage + 0.25 * relative, 4)


def best_per_document(
    scored: Sequence[tuple[int, float]], document_of: dict[int, int], limit: int
) -> list[tuple[int, float]]:
    """Keep the best passage of each document, best first, at most `limit`."""
    seen: set[int] = set()
    out: list[tuple[int, float]] = []
    for pid, score in sorted(scored, key=lambda x: (-x[1], x[0])):
        doc = document_of[pid]
        if doc in seen:
            continue
        seen.add(doc)
        out.append((pid, score))
        if len(out) >= limit:
            break
    return out
