"""Document frequency of index terms (passages holding each term), for query pruning.

A query term held by a large share of the archive (داعش, سوريا in a Syria corpus) barely
separates relevant from irrelevant passages but makes an OR query match most of the table;
`selective_terms` keeps the rarest terms within a budget of matching passages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from storage.tables.archive import ArchiveTermStat

_STATS: sa.Table = ArchiveTermStat.__table__  # type: ignore[attr-defined]
MAX_TERM_CHARS = 200  # the column's width; longer tokens are not counted

# Valid on SQLite (>= 3.24) and PostgreSQL alike.
_UPSERT = sa.text(
    "INSERT INTO archive_term_stats (term, passages) VALUES (:term, :n) "
    "ON CONFLICT (term) DO UPDATE SET passages = archive_term_stats.passages + excluded.passages"
)


def count_terms(conn: Connection, passages: Iterable[str]) -> None:
    """Add passages (space-separated terms each) to the per-term counts."""
    counts: Counter[str] = Counter()
    for terms in passages:
        counts.update({t for t in terms.split() if len(t) <= MAX_TERM_CHARS})
    if counts:
        # Sorted, so concurrent writers lock shared rows in the same order (no deadlock).
        conn.execute(_UPSERT, [{"term": t, "n": n} for t, n in sorted(counts.items())])


def frequencies(conn: Connection, terms: Sequence[str]) -> dict[str, int]:
    """Passages holding each of `terms` (0 for terms never seen)."""
    found = {
        str(term): int(n)
        for term, n in conn.execute(
            sa.select(_STATS.c.term, _STATS.c.passages).where(_STATS.c.term.in_(list(terms)))
        )
    }
    return {t: found.get(t, 0) for t in terms}


def selective_terms(frequency: Mapping[str, int], budget: int) -> list[str]:
    """The rarest terms whose passage counts add up to at most `budget`; at least the
    rarest term that occurs at all (so a query of common words still has a filter).
    Terms never seen are dropped: they cannot match."""
    seen = sorted((n, t) for t, n in frequency.items() if n > 0)
    out: list[str] = []
    total = 0
    for n, term in seen:
        if out and total + n > budget:
            break
        out.append(term)
        total += n
    return out
