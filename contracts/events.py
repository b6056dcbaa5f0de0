"""Events on the Kafka topics. Every event is JSON; the key is the article id."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, field_validator

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

    article_id: str = Field(min_length=1, max_length=200, pattern=r"^[\w.:\-/]+$")
    revision: int = Field(default=1, ge=1)
    body: str = Field(min_length=1, max_length=500_000)
    language: Language | None = None  # detected when absent
    title: str | None = None
    outlet: str | None = None  # the publishing outlet, e.g. a domain ("example.com")
    url: str | None = None
    published_at: datetime | None = None
    submitted_at: datetime = Field(default_factory=utcnow)

    @field_validator("body")
    @classmethod
    def body_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is blank")
        return value


class PartResult(Model):
    """Common head of the three worker results: which article and which part."""

    article_id: str
    revision: int
    part: Part
    produced_at: datetime = Field(default_factory=utcnow)
    worker_version: str = "0.1.0"


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
