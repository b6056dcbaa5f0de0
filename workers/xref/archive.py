"""The cross-reference archive: articles and prior fact-checks, searchable by passage.

The database holds the documents (`archive_documents`): the truth that every xref instance,
on every machine, shares. Each machine searches its own tantivy index of their passages
under VERIFY_DATA_DIR (workers/xref/passage_index.py), which follows the table by row id:
an index that is missing, lost or built from another database is rebuilt from the rows by
itself. Writers of the table take a lock on PostgreSQL so that row ids become visible in
order, and an index that has seen id N has seen every row before it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from contracts.events import ArticleSubmitted
from storage.settings import DatabaseSettings
from storage.tables.archive import ArchiveDocument, ArchiveState
from workers.nlp.arabic import is_arabic
from workers.nlp.language import detect
from workers.xref.documents import FactCheck, PassageCutter
from workers.xref.passage_index import Hit, PassageIndex, SyncState
from workers.xref.ranking import Query, best_per_document, combine
from workers.xref.ratings import normalize_rating

DocKind = Literal["article", "factcheck"]
SHORTLIST = 20  # candidates fetched from the index before re-ranking
SYNC_BATCH = 1000  # rows indexed per commit
SYNC_INTERVAL_S = 1.0  # how stale a search may be: other writers' documents appear this late
_META_CACHE = 50_000
LANGUAGE_SAMPLE = 400  # characters a document's language is told from (lingua is per char)

_DOCS: sa.Table = ArchiveDocument.__table__  # type: ignore[attr-defined]
_STATE: sa.Table = ArchiveState.__table__  # type: ignore[attr-defined]
_WRITE_LOCK = 0x7665726966  # pg_advisory_xact_lock key: archive writers commit ids in order


@dataclass(frozen=True)
class Passage:
    """A ranked passage (one sentence, or the headline) of an archived document."""

    doc_id: str
    kind: DocKind
    article_id: str
    revision: int
    title: str | None
    outlet: str | None
    url: str | None
    published_at: str | None
    language: str | None
    claimant: str | None
    rating: str | None  # normalised fact-check rating (workers.xref.ratings), None for articles
    text: str
    start: int
    end: int
    score: float  # 0..1, higher is more relevant
    terms: str = ""  # the passage's index terms, in order (workers.xref.terms)


@dataclass(frozen=True)
class _DocMeta:
    doc_id: str
    kind: DocKind
    article_id: str
    revision: int
    title: str | None
    outlet: str | None
    url: str | None
    published_at: str | None
    language: str | None
    claimant: str | None
    rating: str | None


Document = ArticleSubmitted | FactCheck


class Archive(Protocol):
    def add_article(self, article: ArticleSubmitted) -> bool: ...

    def add_factcheck(self, factcheck: FactCheck) -> bool: ...

    def search(
        self,
        query: str,
        *,
        language: str | None = None,
        exclude_article_id: str | None = None,
        limit: int = 10,
    ) -> list[Passage]: ...

    def count(self) -> int: ...


class IndexedArchive:
    """Documents in the database, passages in a local index that follows them."""

    def __init__(
        self, engine: Engine, index: PassageIndex, sync_interval_s: float = SYNC_INTERVAL_S
    ) -> None:
        self.engine = engine
        self.index = index
        self.sync_interval_s = sync_interval_s
        self._synced_at = float("-inf")
        self._meta: dict[int, _DocMeta] = {}
        self._cutter = PassageCutter()

    # --- writing ---------------------------------------------------------------------------
    def add_article(self, article: ArticleSubmitted) -> bool:
        """Archive one article revision; False when that (article_id, revision) is there."""
        return self.add_many([article])[0] == 1

    def add_factcheck(self, factcheck: FactCheck) -> bool:
        """Archive one prior fact-check; False when the same review is there already."""
        return self.add_many([factcheck])[0] == 1

    def add_many(self, documents: Iterable[Document]) -> tuple[int, int]:
        """Archive documents in one transaction: (added, already present)."""
        rows = [document_row(d) for d in documents]
        added = len(self.add_documents(rows))
        return added, len(rows) - added

    def add_documents(self, rows: list[dict[str, Any]]) -> list[str]:
        """Archive `rows` (see `document_row`) in one transaction; the doc ids that were new."""
        added: list[str] = []
        for _ in range(3):
            try:
                added = self._insert(rows)
                break
            except sa.exc.IntegrityError:
                continue  # a concurrent writer archived one of them first: check again
        else:
            raise RuntimeError("archive insert kept conflicting with concurrent writers")
        if added:
            self._synced_at = float("-inf")  # read your writes: the next search indexes them
        return added

    def _insert(self, rows: list[dict[str, Any]]) -> list[str]:
        """Insert the rows whose (article_id, revision) is new; only each article's latest
        revision stays `current`."""
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _WRITE_LOCK})
            revisions = self._revisions(conn, {row["article_id"] for row in rows})
            new: list[dict[str, Any]] = []
            for row in rows:
                known = revisions.setdefault(row["article_id"], set())
                if row["revision"] not in known:
                    known.add(row["revision"])
                    new.append(row)
            for row in new:
                row["current"] = row["revision"] == max(revisions[row["article_id"]])
            if new:
                conn.execute(sa.insert(_DOCS), new)
            for row in new:
                if row["current"] and len(revisions[row["article_id"]]) > 1:
                    conn.execute(
                        sa.update(_DOCS)
                        .where(
                            _DOCS.c.article_id == row["article_id"],
                            _DOCS.c.revision < row["revision"],
                        )
                        .values(current=False)
                    )
        return [row["doc_id"] for row in new]

    @staticmethod
    def _revisions(conn: Connection, article_ids: set[str]) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        ids = sorted(article_ids)
        for i in range(0, len(ids), 500):
            stmt = sa.select(_DOCS.c.article_id, _DOCS.c.revision).where(
                _DOCS.c.article_id.in_(ids[i : i + 500])
            )
            for article_id, revision in conn.execute(stmt):
                found.setdefault(article_id, set()).add(int(revision))
        return found

    # --- following the table ---------------------------------------------------------------
    def sync(self, *, force: bool = False) -> int:
        """Index the rows added since the last sync (all of them for a new or foreign index).
        Only the folder's writer indexes; a reader reloads what the writer committed."""
        now = time.monotonic()
        if not force and now - self._synced_at < self.sync_interval_s:
            return 0
        self._synced_at = now
        if not self.index.try_writer():
            self.index.reload()
            return 0
        state = self.index.state()
        epoch = self._epoch()
        if state.epoch != epoch:
            self.index.clear()
            state = SyncState(epoch=epoch)
        indexed = 0
        while rows := self._rows_after(state.last_id):
            # a superseded revision's row is skipped: the newer row replaces it anyway
            current = [row for row in rows if row.current]
            cut = self._cutter.cut([(row.body, row.title) for row in current])
            for row, parts in zip(current, cut, strict=True):
                self.index.replace(row.article_id, row.id, row.language, parts)
            state = SyncState(epoch, rows[-1].id, self._current_documents())
            self.index.commit(state)
            indexed += len(rows)
        return indexed

    def _rows_after(self, last_id: int) -> Sequence[Any]:
        cols = (_DOCS.c.id, _DOCS.c.article_id, _DOCS.c.current, _DOCS.c.language)
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(*cols, _DOCS.c.body, _DOCS.c.title)
                .where(_DOCS.c.id > last_id)
                .order_by(_DOCS.c.id)
                .limit(SYNC_BATCH)
            ).all()

    def _current_documents(self) -> int:
        with self.engine.connect() as conn:
            count = sa.select(sa.func.count()).select_from(_DOCS).where(_DOCS.c.current)
            return int(conn.execute(count).scalar_one())

    def _epoch(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(sa.select(_STATE.c.epoch).where(_STATE.c.id == 1)).scalar_one())

    # --- reading ---------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        language: str | None = None,
        exclude_article_id: str | None = None,
        limit: int = 10,
    ) -> list[Passage]:
        """The best passage of each of the `limit` most relevant other documents."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        parsed = Query.parse(query)
        if not parsed.terms:
            return []
        self.sync()
        hits = self.index.search(
            parsed.terms,
            exclude_article_id=exclude_article_id,
            language=language,
            limit=max(SHORTLIST, limit * 2),
        )
        if not hits:
            return []
        best = max(h.bm25 for h in hits)
        scored = [
            (i, combine(parsed.coverage(set(h.terms.split())), h.bm25, best))
            for i, h in enumerate(hits)
        ]
        top = best_per_document(scored, {i: h.doc_pk for i, h in enumerate(hits)}, limit)
        meta = self._documents([hits[i].doc_pk for i, _ in top])
        return [_passage(hits[i], meta[hits[i].doc_pk], score) for i, score in top]

    def _documents(self, pks: list[int]) -> dict[int, _DocMeta]:
        """Metadata of archived documents by row id (cached: a row never changes)."""
        missing = [pk for pk in pks if pk not in self._meta]
        if missing:
            if len(self._meta) > _META_CACHE:
                self._meta.clear()
            cols = [_DOCS.c[name] for name in ("id", *_DocMeta.__dataclass_fields__)]
            with self.engine.connect() as conn:
                for row in conn.execute(sa.select(*cols).where(_DOCS.c.id.in_(missing))):
                    m = row._mapping
                    self._meta[int(m["id"])] = _DocMeta(
                        **{k: m[k] for k in _DocMeta.__dataclass_fields__}
                    )
        return {pk: self._meta[pk] for pk in pks}

    def count(self) -> int:
        """Documents the index holds (current revisions only)."""
        self.sync()
        return self.index.state().documents


def document_row(document: Document) -> dict[str, Any]:
    now = datetime.now(UTC)
    if isinstance(document, FactCheck):
        return {
            "kind": "factcheck",
            "doc_id": document.key,
            "article_id": document.key,
            "revision": 1,
            "body": document.body,
            "language": document.language or _language(document.claim),
            "title": document.title,
            "outlet": document.publisher,
            "url": document.url,
            "published_at": document.review_date or document.claim_date,
            "claimant": document.claimant,
            "rating": normalize_rating(document.rating_text),
            "rating_text": document.rating_text,
            "added_at": now,
        }
    return {
        "kind": "article",
        "doc_id": document.article_id,
        "article_id": document.article_id,
        "revision": document.revision,
        "body": document.body,
        "language": document.language or _language(document.body),
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "added_at": now,
    }


def _language(text: str) -> str:
    """An archived document's language: its script decides Arabic (lingua costs ~1 ms per
    document, as much as indexing it); the rest is told from a sample."""
    sample = text[:LANGUAGE_SAMPLE]
    return "ar" if is_arabic(sample) else detect(sample)


def _passage(hit: Hit, meta: _DocMeta, score: float) -> Passage:
    return Passage(
        doc_id=meta.doc_id,
        kind="factcheck" if meta.kind == "factcheck" else "article",
        article_id=meta.article_id,
        revision=int(meta.revision),
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published_at=meta.published_at,
        language=meta.language,
        claimant=meta.claimant,
        rating=meta.rating,
        text=hit.text,
        start=hit.start,
        end=hit.end,
        score=score,
        terms=hit.terms,
    )


def index_dir(engine: Engine, data_dir: Path | None = None) -> Path:
    """Where this machine keeps the index of `engine`'s archive: one folder per archive epoch,
    so one data dir can serve several databases (tests, staging) without mixing them."""
    base = data_dir if data_dir is not None else DatabaseSettings().data_dir
    with engine.connect() as conn:
        epoch = conn.execute(sa.select(_STATE.c.epoch).where(_STATE.c.id == 1)).scalar_one()
    return Path(base) / "archive-index" / str(epoch)


def open_archive(engine: Engine, data_dir: Path | None = None) -> IndexedArchive:
    """The archive in `engine`'s database, searched through this machine's index."""
    return IndexedArchive(engine, PassageIndex(index_dir(engine, data_dir)))
