"""Source registry tables (issue 4): the registry, its seed version, and the resolver's cache."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class SourceRow(SQLModel, table=True):
    """One known source: a wire, outlet, government body, NGO, person or vague phrase."""

    __tablename__ = "sources"

    id: str = Field(primary_key=True, max_length=120)
    name: str = Field(max_length=300, index=True)
    kind: str = Field(max_length=32)
    country: str | None = Field(default=None, max_length=8)
    domain: str | None = Field(default=None, max_length=200)
    reliability: str = Field(default="unknown", max_length=16)
    reliability_basis: str = Field(default="", sa_column=Column(Text, nullable=False))
    # JSON lists of strings, kept as text so SQLite and PostgreSQL store them alike
    aliases_en: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    aliases_ar: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    # "seed" rows follow the data file; "api" rows were edited by a person and seeding keeps them
    origin: str = Field(default="seed", max_length=16)
    updated_at: datetime


class SourceRegistryMeta(SQLModel, table=True):
    """Key/value facts about the registry, e.g. the version of the data file it was seeded from."""

    __tablename__ = "source_registry_meta"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=200)


class ResolverCacheRow(SQLModel, table=True):
    """A cached answer of the external resolver, keyed by a digest of URL and query."""

    __tablename__ = "source_resolver_cache"

    key: str = Field(primary_key=True, max_length=64)
    url: str = Field(sa_column=Column(Text, nullable=False))
    query: str = Field(max_length=500)
    status_code: int
    body: str = Field(sa_column=Column(Text, nullable=False))
    fetched_at: datetime
    expires_at: datetime = Field(index=True)
