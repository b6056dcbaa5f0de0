"""Which stored records a new document may bear on, without reading every record per document.

The re-check used to parse every current record and re-tokenise all its claims for each new
document: cost grew with the number of stored records (231 ms per processed article at 1,200
records, and the recheck service the largest CPU user under load). This index keeps the index
terms of every current record's claims in memory, term → claims holding it, and brings itself
up to date from the records table before each use, reading only rows it has not seen: rows
past the highest id read, and rows of the last `LOOK_BACK` (a PostgreSQL transaction may
commit a lower id after a higher one). A claim is a candidate when it shares enough terms
with the document (`shares_enough`); the caller still checks the record it loads.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from contracts.record import VerificationRecord, utcnow
from storage.tables.records import RecordRow
from workers.xref.fresh import FreshDocument
from workers.xref.terms import passage_terms

_RECORDS: sa.Table = RecordRow.__table__  # type: ignore[attr-defined]
LOOK_BACK = timedelta(seconds=120)
# A claim is a candidate when one passage (sentence) of a new document holds this many of its
# terms … and this share of them (all of them under 3 terms). Measured on 59,032 stored
# evidence items: 0.13 % had a best passage below 40 % of the claim's terms, while the whole-
# document rule at 25 % made 29× more candidates (8,144 per new article of 25,091 claims).
MIN_SHARED_TERMS = 3
MIN_SHARED_SHARE = 0.4

ClaimRef = tuple[str, int]  # (article_id, the claim's position in the record)


def shares_enough(shared: int, claim_terms: int) -> bool:
    """A claim with `claim_terms` index terms, `shared` of them in a new document, is a
    candidate for re-checking against it."""
    return (
        claim_terms > 0
        and shared >= min(MIN_SHARED_TERMS, claim_terms)
        and shared >= MIN_SHARED_SHARE * claim_terms
    )


@dataclass
class _Current:
    revision: int
    version: int
    claims: list[frozenset[str]]


@dataclass
class ClaimTermIndex:
    """Index terms of the claims of every article's current record (latest revision and
    version), by term."""

    postings: dict[str, set[ClaimRef]] = field(default_factory=dict)
    sizes: dict[ClaimRef, int] = field(default_factory=dict)
    current: dict[str, _Current] = field(default_factory=dict)
    watermark: int = 0  # the highest records.id read
    refreshed_at: datetime | None = None
    url: str = ""

    def refresh(self, engine: Engine) -> int:
        """Read the rows not seen yet; how many records changed the index."""
        if str(engine.url) != self.url:  # another database: start over
            self.postings.clear()
            self.sizes.clear()
            self.current.clear()
            self.watermark, self.refreshed_at, self.url = 0, None, str(engine.url)
        now = utcnow().replace(tzinfo=None)
        newer = _RECORDS.c.id > self.watermark
        if self.refreshed_at is not None:
            newer = newer | (_RECORDS.c.created_at >= self.refreshed_at - LOOK_BACK)
        keys = sa.select(
            _RECORDS.c.id, _RECORDS.c.article_id, _RECORDS.c.revision, _RECORDS.c.version
        ).where(newer)
        with engine.connect() as conn:
            rows = conn.execute(keys).all()
            wanted = [r.id for r in rows if self._is_newer(r.article_id, r.revision, r.version)]
            bodies = _bodies(conn, wanted)
        for body in bodies:
            self._put(VerificationRecord.model_validate_json(body))
        self.watermark = max([self.watermark, *(r.id for r in rows)])
        self.refreshed_at = now
        return len(bodies)

    def articles_for(self, docs: Sequence[FreshDocument]) -> list[str]:
        """Articles with a claim that shares enough terms with a passage of one of the
        documents (never the document's own article)."""
        out: set[str] = set()
        for doc in docs:
            for terms in doc.passage_terms:
                shared: Counter[ClaimRef] = Counter()
                for term in terms:
                    shared.update(self.postings.get(term, ()))
                for ref, n in shared.items():
                    if ref[0] != doc.article_id and shares_enough(n, self.sizes[ref]):
                        out.add(ref[0])
        return sorted(out)

    def _is_newer(self, article_id: str, revision: int, version: int) -> bool:
        known = self.current.get(article_id)
        return known is None or (revision, version) > (known.revision, known.version)

    def _put(self, record: VerificationRecord) -> None:
        if not self._is_newer(record.article_id, record.revision, record.version):
            return  # two rows of one article in the same read: keep the latest
        self._drop(record.article_id)
        claims = [_terms(c.text) for c in record.claims]
        self.current[record.article_id] = _Current(record.revision, record.version, claims)
        for i, terms in enumerate(claims):
            if not terms:
                continue
            ref = (record.article_id, i)
            self.sizes[ref] = len(terms)
            for term in terms:
                self.postings.setdefault(term, set()).add(ref)

    def _drop(self, article_id: str) -> None:
        known = self.current.pop(article_id, None)
        for i, terms in enumerate(known.claims if known else []):
            ref = (article_id, i)
            self.sizes.pop(ref, None)
            for term in terms:
                holders = self.postings.get(term)
                if holders is not None:
                    holders.discard(ref)
                    if not holders:
                        del self.postings[term]


def _terms(text: str) -> frozenset[str]:
    return frozenset(sys.intern(t) for t in passage_terms(text))  # one copy of each term


def _bodies(conn: sa.Connection, ids: Iterable[int]) -> list[str]:
    """Record bodies by id, in id order (chunked: SQLite caps bound parameters)."""
    ids = sorted(ids)
    out: list[str] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        stmt = sa.select(_RECORDS.c.body).where(_RECORDS.c.id.in_(chunk)).order_by(_RECORDS.c.id)
        out.extend(r.body for r in conn.execute(stmt))
    return out
