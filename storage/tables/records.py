"""Stored verification records: one row per (article_id, revision, version)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class RecordRow(SQLModel, table=True):
    __tablename__ = "records"
    __table_args__ = (UniqueConstraint("article_id", "revision", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(max_length=200, index=True)
    revision: int
    version: int
    status: str = Field(max_length=16)
    # flows.material.material_key: a new version only when it differs from the latest's
    content_key: str = Field(max_length=64)
    published: bool = False  # on verify.records (a rerun publishes what a crash left)
    created_at: datetime = Field(sa_column=Column(DateTime, nullable=False))  # naive UTC
    body: str = Field(sa_column=Column(Text, nullable=False))
