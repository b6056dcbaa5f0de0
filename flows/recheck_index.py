"""Which stored records a new document may bear on, without reading every record per document.

The re-check used to parse every current record and re-tokenise all its claims for each new
document: cost grew with the number of stored records (231 ms per processed article at 1,200
records, and the recheck service the largest CPU user under load). This index keeps the index
terms of every current record's claims in memory, term → claims holding it, and brings itself
up to date from the records table before each use, reading only rows it has not seen: rows
past the highest id read, and rows of the last `LOOK_BACK` (a PostgreSQL transaction may
commit a lower id after a higher one). A claim is a candidate when it shares enough terms
with one passage of the document (`shares_enough`); the caller checks the record it loads.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

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


def shares_enough(shared: int, claim_terms: int) -> bool:
    """A claim with `claim_terms` index terms, `shared` of them in one passage of a new
    document, is a candidate for re-checking against it."""
    return (
        claim_terms > 0
        and shared >= min(MIN_SHARED_TERMS, claim_terms)
        and shared >= MIN_SHARED_SHARE * claim_terms
    )


@dataclass
class _Current:
    revision: int
    version: int
    claims: list[int]  # the claim numbers this version's claims got


@dataclass
class ClaimTermIndex:
    """Index terms of the claims of every article's current record (latest revision and
    version), by term. Compact (a record's claims cost ~1 KB, not ~24 KB as sets of
    tuples did): every claim gets a number, a term's postings are an array of numbers, and a
    claim replaced by a new version is only marked dead; the postings are rewritten without
    the dead once they are half of all claims."""

    postings: dict[str, array[int]] = field(default_factory=dict)
    claims: list[_Claim | None] = field(default_factory=list)  # by number; None: dead
    current: dict[str, _Current] = field(default_factory=dict)
    dead: int = 0
    watermark: int = 0  # the highest records.id read
    refreshed_at: datetime | None = None
    url: str = ""

    def refresh(self, engine: Engine) -> int:
        """Read the rows not seen yet; how many records changed the index."""
        if str(engine.url) != self.url:  # another database: start over
            self.postings.clear()
            self.claims.clear()
            self.current.clear()
            self.dead, self.watermark, self.refreshed_at = 0, 0, None
            self.url = str(engine.url)
        now = utcnow().replace(tzinfo=None)
        newer = _RECORDS.c.id > self.watermark
        if self.refreshed_at is not None:
            newer = newer | (_RECORDS.c.created_at >= self.refreshed_at - LOOK_BACK)
        keys = sa.select(
            _RECORDS.c.id, _RECORDS.c.article_id, _RECORDS.c.revision, _RECORDS.c.version
        ).where(newer)
        with engine.connect() as conn:
            rows = conn.execute(keys).all()
            latest: dict[str, Any] = {}  # per article, its newest row read (bodies are large)
            for r in rows:
                seen = latest.get(r.article_id)
                if seen is None or (r.revision, r.version) > (seen.revision, seen.version):
                    latest[r.article_id] = r
            wanted = [
                r.id for r in latest.values() if self._is_newer(r.article_id, r.revision, r.version)
            ]
            for body in _bodies(conn, wanted):  # one at a time: never all bodies in memory
                self._put(VerificationRecord.model_validate_json(body))
        self.watermark = max([self.watermark, *(r.id for r in rows)])
        self.refreshed_at = now
        if self.dead > len(self.claims) // 2:
            self._compact()
        return len(wanted)

    def articles_for(self, docs: Sequence[FreshDocument]) -> list[str]:
        """Articles with a claim that shares enough terms with a passage of one of the
        documents (never the document's own article)."""
        out: set[str] = set()
        for doc in docs:
            for terms in doc.passage_terms:
                shared: Counter[int] = Counter()
                for term in terms:
                    shared.update(self.postings.get(term, ()))
                for number, n in shared.items():
                    claim = self.claims[number]
                    if (
                        claim is not None
                        and claim.article_id != doc.article_id
                        and shares_enough(n, claim.terms)
                    ):
                        out.add(claim.article_id)
        return sorted(out)

    def live(self) -> int:
        """How many claims the index holds (the current records' claims with terms)."""
        return len(self.claims) - self.dead

    def _is_newer(self, article_id: str, revision: int, version: int) -> bool:
        known = self.current.get(article_id)
        return known is None or (revision, version) > (known.revision, known.version)

    def _put(self, record: VerificationRecord) -> None:
        # refresh passes one row per article, already newer than what the index holds
        self._drop(record.article_id)
        numbers = []
        for claim in record.claims:
            terms = _terms(claim.text)
            if not terms:
                continue
            number = len(self.claims)
            self.claims.append(_Claim(record.article_id, len(terms)))
            numbers.append(number)
            for term in terms:
                self.postings.setdefault(term, array("L")).append(number)
        self.current[record.article_id] = _Current(record.revision, record.version, numbers)

    def _drop(self, article_id: str) -> None:
        known = self.current.pop(article_id, None)
        for number in known.claims if known else []:
            self.claims[number] = None
            self.dead += 1

    def _compact(self) -> None:
        """Renumber the live claims and rewrite the postings without the dead."""
        renumber: dict[int, int] = {}
        claims: list[_Claim | None] = []
        for number, claim in enumerate(self.claims):
            if claim is not None:
                renumber[number] = len(claims)
                claims.append(claim)
        postings: dict[str, array[int]] = {}
        for term, numbers in self.postings.items():
            kept = array("L", (renumber[n] for n in numbers if n in renumber))
            if kept:
                postings[sys.intern(term)] = kept
        for known in self.current.values():
            known.claims = [renumber[n] for n in known.claims]
        self.claims, self.postings, self.dead = claims, postings, 0


@dataclass(frozen=True, slots=True)
class _Claim:
    article_id: str
    terms: int  # how many distinct index terms it has


def _terms(text: str) -> set[str]:
    return {sys.intern(t) for t in passage_terms(text)}  # one copy of each term


def _bodies(conn: sa.Connection, ids: Iterable[int]) -> Iterator[str]:
    """Record bodies by id, in id order, 100 rows a query (SQLite caps bound parameters)."""
    ids = sorted(ids)
    for i in range(0, len(ids), 100):
        chunk = ids[i : i + 100]
        stmt = sa.select(_RECORDS.c.body).where(_RECORDS.c.id.in_(chunk)).order_by(_RECORDS.c.id)
        for row in conn.execute(stmt).all():
            yield row.body
