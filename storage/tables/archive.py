"""Cross-reference archive tables: the archived documents, the truth every xref instance
shares. Their passages are searched in a per-machine index built from these rows
(workers/xref/passage_index.py, migration 0006_archive_index)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
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


class ArchiveState(SQLModel, table=True):
    """One row: the archive's epoch, a random id an index compares to know its source."""

    __tablename__ = "archive_state"

    id: int = Field(default=1, primary_key=True)
    epoch: str = Field(max_length=32)
