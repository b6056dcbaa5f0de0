"""The collector's durable join state: one row per (article, revision), one per received part."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, String, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


class Join(SQLModel, table=True):
    __tablename__ = "joins"

    article_id: str = Field(primary_key=True, max_length=200)
    revision: int = Field(primary_key=True)
    # naive UTC: the same value on SQLite and PostgreSQL
    first_seen_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    deadline_at: datetime = Field(sa_column=Column(DateTime, nullable=False, index=True))
    article_meta: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    # digest of the parts received so far, and of the parts behind the latest record
    parts_key: str = Field(default="", max_length=64)
    parts_count: int = 0
    merged_key: str = Field(default="", max_length=64)
    state: str = Field(default="open", max_length=16, index=True)  # open | complete | partial
    # the latest record was made without Prefect (it was down): a catch-up flow run is owed
    flow_pending: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    # the collector instance running the join's flow now, until when (storage.join_claims)
    claimed_by: str = Field(
        default="", sa_column=Column(String(200), nullable=False, server_default="")
    )
    claimed_until: datetime | None = Field(default=None, sa_column=Column(DateTime, nullable=True))


class JoinPart(SQLModel, table=True):
    __tablename__ = "join_parts"
    __table_args__ = (UniqueConstraint("article_id", "revision", "part"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(max_length=200)
    revision: int
    part: str = Field(max_length=16)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    payload_hash: str = Field(max_length=64)
    # the input event it was computed from (topic:partition:offset), "" when unknown
    origin: str = Field(default="", max_length=300)
    received_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
