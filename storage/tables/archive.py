"""Cross-reference archive tables (issue 5): documents and their sentence-window passages.

The full-text index itself is dialect-specific and lives only in migration 0003_archive
(FTS5 table `archive_passages_fts` on SQLite, generated `tsv` column on PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class ArchiveDocument(SQLModel, table=True):
    """An archived article revision or a prior fact-check (kind = article | factcheck)."""

    __tablename__ = "archive_documents"
    __table_args__ = (
        UniqueConstraint("article_id", "revision", name="uq_archive_documents_article_rev"),
    )

    id: int | None = Field(default=None, primary_key=True)
    doc_id: str = Field(max_length=240)
    kind: str = Field(max_length=16)
    article_id: str = Field(max_length=200, index=True)
    revision: int
    current: bool  # False once a later revision of the same article is archived
    language: str | None = Field(default=None, max_length=8)
    title: str | None = Field(default=None, sa_column=Column(Text))
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, sa_column=Column(Text))
    published_at: str | None = Field(default=None, max_length=40)
    claimant: str | None = Field(default=None, sa_column=Column(Text))
    rating: str | None = Field(default=None, max_length=24)
    rating_text: str | None = Field(default=None, sa_column=Column(Text))
    body: str = Field(sa_column=Column(Text, nullable=False))
    added_at: datetime


class ArchivePassage(SQLModel, table=True):
    """A window of consecutive sentences; `terms` is what the full-text index holds."""

    __tablename__ = "archive_passages"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("archive_documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    seq: int
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    terms: str = Field(sa_column=Column(Text, nullable=False))


class ArchiveTermStat(SQLModel, table=True):
    """How many passages hold each index term (document frequency), kept up to date on insert.

    The PostgreSQL backend reads it to leave very common terms out of the match filter
    (workers.xref.term_stats); passages of superseded revisions still count.
    """

    __tablename__ = "archive_term_stats"

    term: str = Field(primary_key=True, max_length=200)
    passages: int
