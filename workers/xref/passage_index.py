"""The passage index: tantivy in a folder under VERIFY_DATA_DIR, built from the archive's rows.

One document per passage. `terms` holds the passage's terms as workers.xref.terms makes them
(the same code analyses queries, so both sides always agree); the passage text and position
are stored for display and re-ranking. Document metadata stays in the database.

Several processes may open one folder: tantivy's lock file lets exactly one of them write
(it is released when that process dies, so another takes over); the others only read and
reload. `SyncState` (sync.json, written after each commit) says which database rows the
index holds: the archive's epoch and the highest row id.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import tantivy

SCHEMA_VERSION = 1  # bump when the fields change: older folders are rebuilt from scratch
WRITER_HEAP = 64_000_000
_STATE_FILE = "sync.json"


@dataclass(frozen=True)
class IndexedPassage:
    """A passage to index: `terms` space-separated, offsets into its document's body."""

    seq: int
    start: int
    end: int
    text: str
    terms: str


@dataclass(frozen=True)
class Hit:
    doc_pk: int
    seq: int
    start: int
    end: int
    text: str
    terms: str
    bm25: float


@dataclass(frozen=True)
class SyncState:
    epoch: str = ""  # archive_state.epoch of the database the index was built from
    last_id: int = 0  # highest archive_documents.id indexed
    documents: int = 0  # current documents in the index
    schema: int = SCHEMA_VERSION


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("terms", stored=True, tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("article_id", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("language", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("doc_pk", stored=True)
    sb.add_integer_field("seq", stored=True)
    sb.add_integer_field("start", stored=True)
    sb.add_integer_field("end", stored=True)
    sb.add_bytes_field("text", stored=True)
    return sb.build()


class PassageIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = _schema()
        if self.path.exists() and self.state().schema != SCHEMA_VERSION:
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(self.path))
        self._writer: tantivy.IndexWriter | None = None

    # --- writing -------------------------------------------------------------------------
    def try_writer(self) -> bool:
        """Become this folder's writer if no live process is; True when this one is."""
        if self._writer is None:
            try:
                self._writer = self.index.writer(WRITER_HEAP, 1)
            except ValueError:  # LockBusy: another process writes, this one reads
                return False
        return True

    def replace(self, article_id: str, doc_pk: int, language: str | None,
                passages: Iterable[IndexedPassage]) -> None:  # fmt: skip
        """Index a document's passages instead of any earlier revision's."""
        writer = self._need_writer()
        writer.delete_documents_by_term("article_id", article_id)
        for p in passages:
            writer.add_document(
                tantivy.Document(
                    terms=p.terms,
                    article_id=article_id,
                    language=language or "und",
                    doc_pk=doc_pk,
                    seq=p.seq,
                    start=p.start,
                    end=p.end,
                    text=p.text.encode(),
                )
            )

    def clear(self) -> None:
        self._need_writer().delete_all_documents()

    def commit(self, state: SyncState) -> None:
        """Make the changes searchable, then record which rows they came from."""
        self._need_writer().commit()
        self.index.reload()
        tmp = self.path / f"{_STATE_FILE}.tmp"
        tmp.write_text(json.dumps(asdict(state)))
        os.replace(tmp, self.path / _STATE_FILE)  # atomic: readers never see half a file

    def _need_writer(self) -> tantivy.IndexWriter:
        if not self.try_writer():
            raise RuntimeError(f"another process writes the index in {self.path}")
        assert self._writer is not None
        return self._writer

    # --- reading -------------------------------------------------------------------------
    def state(self) -> SyncState:
        try:
            data = json.loads((self.path / _STATE_FILE).read_text())
            return SyncState(**data)
        except (OSError, ValueError, TypeError):
            return SyncState()

    def reload(self) -> None:
        self.index.reload()

    def search(
        self,
        terms: Sequence[str],
        *,
        exclude_article_id: str | None = None,
        language: str | None = None,
        limit: int = 40,
    ) -> list[Hit]:
        """The `limit` best passages (BM25) holding any of `terms`."""
        if not terms:
            return []
        any_term = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, self._term("terms", t)) for t in terms]
        )
        clauses = [(tantivy.Occur.Must, any_term)]
        if exclude_article_id:
            clauses.append((tantivy.Occur.MustNot, self._term("article_id", exclude_article_id)))
        if language:
            clauses.append((tantivy.Occur.Must, self._term("language", language)))
        searcher = self.index.searcher()
        found = searcher.search(tantivy.Query.boolean_query(clauses), limit, count=False)
        return [_hit(searcher.doc(address), score) for score, address in found.hits]

    def _term(self, field: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def passages(self) -> int:
        return int(self.index.searcher().num_docs)


def _hit(doc: tantivy.Document, score: float) -> Hit:
    return Hit(
        doc_pk=int(doc["doc_pk"][0]),
        seq=int(doc["seq"][0]),
        start=int(doc["start"][0]),
        end=int(doc["end"][0]),
        text=bytes(doc["text"][0]).decode(),
        terms=str(doc["terms"][0]),
        bm25=float(score),
    )
