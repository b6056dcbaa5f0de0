"""The cross-reference archive: articles and prior fact-checks, searchable by passage.

`open_archive(engine)` picks the full-text backend from the database dialect (SQLite FTS5
or PostgreSQL tsvector); everything else (tables, windows, stemming, re-ranking) is shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from contracts.events import ArticleSubmitted
from storage.tables.archive import ArchiveDocument, ArchivePassage
from workers.nlp.language import detect
from workers.xref.documents import FactCheck, Window, windows
from workers.xref.fulltext import FullTextIndex, index_for
from workers.xref.ranking import Query, best_per_document, combine
from workers.xref.ratings import normalize_rating
from workers.xref.term_stats import count_terms
from workers.xref.terms import passage_terms

DocKind = Literal["article", "factcheck"]
SHORTLIST = 60  # candidates fetched from the index before re-ranking

_DOCS: sa.Table = ArchiveDocument.__table__  # type: ignore[attr-defined]
_PASSAGES: sa.Table = ArchivePassage.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Passage:
    """A ranked sentence window from an archived document."""

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


class SqlArchive:
    """The archive on any SQL database that has a full-text backend in workers.xref.fulltext."""

    def __init__(self, engine: Engine, index: FullTextIndex) -> None:
        self.engine = engine
        self.index = index

    def add_article(self, article: ArticleSubmitted) -> bool:
        """Archive one article revision; False when that (article_id, revision) is there."""
        return self._add(
            kind="article",
            doc_id=article.article_id,
            article_id=article.article_id,
            revision=article.revision,
            body=article.body,
            language=article.language or detect(article.body),
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            published_at=article.published_at.isoformat() if article.published_at else None,
        )

    def add_factcheck(self, factcheck: FactCheck) -> bool:
        """Archive one prior fact-check; False when the same review is there already."""
        return self._add(
            kind="factcheck",
            doc_id=factcheck.key,
            article_id=factcheck.key,
            revision=1,
            body=factcheck.body,
            language=factcheck.language or detect(factcheck.claim),
            title=factcheck.title,
            outlet=factcheck.publisher,
            url=factcheck.url,
            published_at=factcheck.review_date or factcheck.claim_date,
            claimant=factcheck.claimant,
            rating=normalize_rating(factcheck.rating_text),
            rating_text=factcheck.rating_text,
        )

    def _add(
        self, *, kind: DocKind, article_id: str, revision: int, body: str, **meta: object
    ) -> bool:
        try:
            return self._insert(kind, article_id, revision, body, meta)
        except sa.exc.IntegrityError:
            return False  # a concurrent writer archived the same (article_id, revision)

    def _insert(
        self, kind: DocKind, article_id: str, revision: int, body: str, meta: dict[str, object]
    ) -> bool:
        with self.engine.begin() as conn:
            if self._has(conn, article_id, revision):
                return False
            newer = conn.execute(
                sa.select(sa.func.count())
                .select_from(_DOCS)
                .where(_DOCS.c.article_id == article_id, _DOCS.c.revision > revision)
            ).scalar_one()
            conn.execute(
                sa.update(_DOCS)
                .where(_DOCS.c.article_id == article_id, _DOCS.c.revision < revision)
                .values(current=False)
            )
            doc_pk = conn.execute(
                sa.insert(_DOCS)
                .values(
                    kind=kind,
                    article_id=article_id,
                    revision=revision,
                    current=newer == 0,
                    body=body,
                    added_at=datetime.now(UTC),
                    **meta,
                )
                .returning(_DOCS.c.id)
            ).scalar_one()
            self._add_passages(conn, doc_pk, body, meta.get("title"))
        return True

    def _has(self, conn: Connection, article_id: str, revision: int) -> bool:
        found = conn.execute(
            sa.select(_DOCS.c.id).where(
                _DOCS.c.article_id == article_id, _DOCS.c.revision == revision
            )
        ).first()
        return found is not None

    def _add_passages(self, conn: Connection, doc_pk: int, body: str, title: object) -> None:
        parts = windows(body)
        if isinstance(title, str) and title.strip() and title.strip() not in body[:500]:
            # headlines state the main claim; seq -1 and empty offsets mark them (not in body)
            parts.append(Window(-1, 0, 0, title.strip(), " ".join(passage_terms(title))))
        rows = [
            {
                "document_id": doc_pk,
                "seq": w.seq,
                "start": w.start,
                "end": w.end,
                "text": w.text,
                "terms": w.terms,
            }
            for w in parts
        ]
        if not rows:
            return
        ids = (
            conn.execute(
                sa.insert(_PASSAGES).returning(_PASSAGES.c.id, sort_by_parameter_order=True), rows
            )
            .scalars()
            .all()
        )
        self.index.index(conn, [(int(pid), w.terms) for pid, w in zip(ids, parts, strict=True)])
        count_terms(conn, (w.terms for w in parts))

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
        with self.engine.connect() as conn:
            shortlist = self.index.candidates(
                conn,
                parsed.terms,
                language=language,
                exclude_article_id=exclude_article_id,
                limit=max(SHORTLIST, limit * 4),
            )
            if not shortlist:
                return []
            rows = {row.pid: row for row in self._rows(conn, [pid for pid, _ in shortlist])}
        best = max(rank for _, rank in shortlist)
        scored = [
            (pid, combine(parsed.coverage(set(rows[pid].terms.split())), rank, best))
            for pid, rank in shortlist
        ]
        top = best_per_document(scored, {pid: rows[pid].document_id for pid in rows}, limit)
        return [_passage(rows[pid], score) for pid, score in top]

    def _rows(self, conn: Connection, pids: Sequence[int]) -> Sequence[Any]:
        stmt = (
            sa.select(
                _PASSAGES.c.id.label("pid"),
                _PASSAGES.c.document_id,
                _PASSAGES.c.start,
                _PASSAGES.c.end,
                _PASSAGES.c.text,
                _PASSAGES.c.terms,
                _DOCS.c.doc_id,
                _DOCS.c.kind,
                _DOCS.c.article_id,
                _DOCS.c.revision,
                _DOCS.c.title,
                _DOCS.c.outlet,
                _DOCS.c.url,
                _DOCS.c.published_at,
                _DOCS.c.language,
                _DOCS.c.claimant,
                _DOCS.c.rating,
            )
            .select_from(_PASSAGES.join(_DOCS, _DOCS.c.id == _PASSAGES.c.document_id))
            .where(_PASSAGES.c.id.in_(list(pids)))
        )
        return conn.execute(stmt).all()

    def count(self) -> int:
        """Number of archived documents (current revisions only)."""
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(_DOCS).where(_DOCS.c.current)
                ).scalar_one()
            )


def _passage(row: Any, score: float) -> Passage:
    m = row._mapping
    return Passage(
        doc_id=str(m["doc_id"]),
        kind="factcheck" if m["kind"] == "factcheck" else "article",
        article_id=str(m["article_id"]),
        revision=int(m["revision"]),
        title=_opt(m["title"]),
        outlet=_opt(m["outlet"]),
        url=_opt(m["url"]),
        published_at=_opt(m["published_at"]),
        language=_opt(m["language"]),
        claimant=_opt(m["claimant"]),
        rating=_opt(m["rating"]),
        text=str(m["text"]),
        start=int(m["start"]),
        end=int(m["end"]),
        score=score,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def open_archive(engine: Engine) -> Archive:
    """The archive on `engine`, with the full-text backend its dialect supports."""
    return SqlArchive(engine, index_for(engine.dialect.name))
