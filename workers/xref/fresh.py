"""A few newly archived documents as a searchable set: what a re-check compares stored
claims with. Passages are cut and ranked as the archive index does (workers.xref.documents,
workers.xref.ranking), in memory: the documents are known, so no index (and no index lock,
which a running xref worker holds) is needed to find what they bear on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from storage.tables.archive import ArchiveDocument
from workers.xref.archive import Passage
from workers.xref.documents import FactCheck, passages
from workers.xref.passage_index import IndexedPassage
from workers.xref.ranking import Query, combine

_DOCS: sa.Table = ArchiveDocument.__table__  # type: ignore[attr-defined]
_META = ("doc_id", "kind", "article_id", "revision", "title", "outlet", "url", "published_at")
_META2 = ("language", "claimant", "rating")


@dataclass(frozen=True)
class FreshDocument:
    meta: dict[str, object]
    passages: tuple[IndexedPassage, ...]

    @classmethod
    def of(cls, meta: dict[str, object], body: str) -> FreshDocument:
        """Cut into passages as the archive index cuts it."""
        title = meta.get("title")
        return cls(meta, tuple(passages(body, str(title) if title else None)))

    @cached_property
    def passage_terms(self) -> tuple[frozenset[str], ...]:
        """Each passage's index terms: what a claim must share with one of them."""
        return tuple(frozenset(p.terms.split()) for p in self.passages)

    @property
    def doc_id(self) -> str:
        return str(self.meta["doc_id"])

    @property
    def article_id(self) -> str:
        return str(self.meta["article_id"])


class FreshDocuments:
    """Search over the given documents only (the Archive protocol's reading side)."""

    def __init__(self, documents: list[FreshDocument]) -> None:
        self.documents = documents

    @classmethod
    def load(cls, engine: Engine, doc_ids: Iterable[str]) -> FreshDocuments:
        """The current archived documents with these doc ids (unknown ids are ignored)."""
        ids = sorted(set(doc_ids))
        cols = [_DOCS.c[n] for n in (*_META, *_META2, "body")]
        found = []
        with engine.connect() as conn:
            for i in range(0, len(ids), 500):
                stmt = sa.select(*cols).where(_DOCS.c.doc_id.in_(ids[i : i + 500]), _DOCS.c.current)
                for row in conn.execute(stmt):
                    m = dict(row._mapping)
                    found.append(FreshDocument.of(m, str(m.pop("body"))))
        return cls(found)

    @property
    def doc_ids(self) -> set[str]:
        return {d.doc_id for d in self.documents}

    def search(
        self,
        query: str,
        *,
        language: str | None = None,
        exclude_article_id: str | None = None,
        limit: int = 10,
    ) -> list[Passage]:
        parsed = Query.parse(query)
        if not parsed.terms:
            return []
        best: list[tuple[float, FreshDocument, IndexedPassage]] = []
        for doc in self.documents:
            if doc.article_id == exclude_article_id:
                continue
            if language is not None and doc.meta["language"] not in (language, None):
                continue
            scored = [
                (parsed.coverage(terms), p)
                for terms, p in zip(doc.passage_terms, doc.passages, strict=True)
            ]
            top = max(scored, key=lambda s: s[0], default=None)
            if top is not None and top[0] > 0:
                best.append((top[0], doc, top[1]))
        best.sort(key=lambda b: -b[0])
        top_cov = best[0][0] if best else 0.0
        return [_passage(d, p, combine(c, c, top_cov)) for c, d, p in best[:limit]]

    def add_article(self, article: ArticleSubmitted) -> bool:
        raise TypeError("fresh documents are read-only: archive through IndexedArchive")

    def add_factcheck(self, factcheck: FactCheck) -> bool:
        raise TypeError("fresh documents are read-only: archive through IndexedArchive")

    def count(self) -> int:
        return len(self.documents)


def _passage(doc: FreshDocument, p: IndexedPassage, score: float) -> Passage:
    m = doc.meta
    return Passage(
        doc_id=doc.doc_id,
        kind="factcheck" if m["kind"] == "factcheck" else "article",
        article_id=doc.article_id,
        revision=int(m["revision"]),  # type: ignore[call-overload]
        title=m["title"],  # type: ignore[arg-type]
        outlet=m["outlet"],  # type: ignore[arg-type]
        url=m["url"],  # type: ignore[arg-type]
        published_at=m["published_at"],  # type: ignore[arg-type]
        language=m["language"],  # type: ignore[arg-type]
        claimant=m["claimant"],  # type: ignore[arg-type]
        rating=m["rating"],  # type: ignore[arg-type]
        text=p.text,
        start=p.start,
        end=p.end,
        score=score,
        terms=p.terms,
    )
