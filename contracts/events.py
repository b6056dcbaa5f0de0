"""Events on the Kafka topics. Every event is JSON; the key is the article id."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from contracts.input_rules import ARTICLE_ID_MAX, check_article_id, check_body, check_line
from contracts.record import (
    AttributionType,
    Evidence,
    ExtractedClaim,
    Model,
    Part,
    SourceRef,
    utcnow,
)

Language = Literal["ar", "en"]


class ArticleSubmitted(Model):
    """articles.submitted: a new article or a new revision of one."""

    article_id: str = Field(min_length=1, max_length=ARTICLE_ID_MAX)
    revision: int = Field(default=1, ge=1)
    body: str = Field(min_length=1)  # size limit: VERIFY_MAX_BODY_BYTES (contracts.input_rules)
    language: Language | None = None  # detected when absent
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)  # e.g. a domain ("example.com")
    url: str | None = Field(default=None, max_length=2000)
    published_at: datetime | None = None
    submitted_at: datetime = Field(default_factory=utcnow)

    @field_validator("article_id")
    @classmethod
    def safe_article_id(cls, value: str) -> str:
        return check_article_id(value)

    @field_validator("body")
    @classmethod
    def acceptable_body(cls, value: str) -> str:
        return check_body(value)

    @field_validator("title", "outlet", "url")
    @classmethod
    def one_line(cls, value: str | None, info: ValidationInfo) -> str | None:
        return check_line(value, info.field_name or "field")


class PartResult(Model):
    """Common head of the three worker results: which article and which part."""

    article_id: str
    revision: int = Field(ge=1)
    part: Part
    produced_at: datetime = Field(default_factory=utcnow)
    worker_version: str = "0.1.0"

    @field_validator("article_id")
    @classmethod
    def safe_article_id(cls, value: str) -> str:
        return check_article_id(value)


class ExtractionResult(PartResult):
    part: Literal["extraction"] = "extraction"
    language: str
    sentences: int
    claims: list[ExtractedClaim]


class SourceMention(Model):
    """A source mention found in the text, resolved (or not) against the registry."""

    mention: str
    start: int
    end: int
    type: AttributionType
    source: SourceRef | None = None


class SourcesResult(PartResult):
    part: Literal["sources"] = "sources"
    mentions: list[SourceMention]


class ClaimEvidence(Model):
    """Evidence for one claim, keyed by claim id and span so the merge can fall back to offsets."""

    claim_id: str
    start: int
    end: int
    evidence: list[Evidence]
    related: list[Evidence] = Field(default_factory=list)
    searched: bool = True  # False: not check-worthy enough to search (VERIFY_XREF_*)


class XrefResult(PartResult):
    part: Literal["xref"] = "xref"
    items: list[ClaimEvidence]
    archive_size: int = 0


AnyResult = ExtractionResult | SourcesResult | XrefResult


class ArchiveAdded(Model):
    """archive.added: documents that entered the cross-reference archive (ids of
    `archive_documents.doc_id`). Only documents that were new are listed."""

    doc_ids: list[str] = Field(min_length=1, max_length=10_000)
    origin: Literal["import", "article", "feed"]
    added_at: datetime = Field(default_factory=utcnow)
