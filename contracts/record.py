"""The verification record: what downstream systems consume (field names are a public interface)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts import PIPELINE_VERSION

Status = Literal["corroborated", "contradicted", "disputed", "unverified", "unsupported"]
STATUSES: tuple[Status, ...] = (
    "corroborated",
    "contradicted",
    "disputed",
    "unverified",
    "unsupported",
)
AttributionType = Literal["direct", "quote", "vague", "none"]
Stance = Literal["supports", "contradicts", "neutral"]
SplitRule = Literal["connector", "semicolon", "reporting_verb", "coordination", "figures"]
ClaimKind = Literal["statistic", "attributed_statement", "quote", "event", "assertion"]
Reliability = Literal["high", "mixed", "low", "unknown"]
Part = Literal["extraction", "sources", "xref"]
PARTS: tuple[Part, ...] = ("extraction", "sources", "xref")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Attribution(Model):
    """Who stands behind a claim. Offsets are into the article body."""

    type: AttributionType = "none"
    mention: str | None = None
    verb: str | None = None
    start: int | None = None
    end: int | None = None
    # The claim whose attribution this mention repeats ("المرصد السوري" after "المرصد السوري
    # لحقوق الإنسان", a dropped subject, a continuation): that claim's id, when it is in the record.
    refers_to: str | None = None


class SourceRef(Model):
    """A cited source resolved against the registry (or `unknown` / `vague`)."""

    source_id: str
    name: str
    kind: str
    country: str | None = None
    reliability: Reliability = "unknown"
    match_score: float = Field(ge=0.0, le=1.0)


class Quantity(Model):
    value: float
    unit: str
    approx: bool = False
    text: str
    start: int
    end: int


class TimeExpr(Model):
    text: str
    resolved: str | None = None  # ISO date or period ("2020-02", "2020-W10") when resolvable
    start: int | None = None
    end: int | None = None


class Denial(Model):
    """A denial or counter-claim the article itself reports ("despite Ankara's denial")."""

    text: str
    by: str | None = None
    start: int
    end: int


class Evidence(Model):
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: str | None = None
    snippet: str
    stance: Stance
    # confidence in the stance: P(the direction is right) for supports/contradicts, or
    # P(same fact) for a neutral item; with `same_fact` the status rules' decisive test
    score: float = Field(ge=0.0, le=1.0)
    reason: str
    same_fact: float | None = Field(default=None, ge=0.0, le=1.0)  # P(states the same fact)
    kind: Literal["article", "factcheck"] = "article"
    rating: str | None = None  # a fact-check's normalised rating
    independent: bool = True  # False when same outlet or only repeating the same cited source


class ExtractedClaim(Model):
    """A claim as the extraction worker sees it: text facts only, no verdict yet."""

    claim_id: str
    text: str
    start: int
    end: int
    kind: ClaimKind
    checkworthiness: float = Field(ge=0.0, le=1.0)
    attribution: Attribution = Field(default_factory=Attribution)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    denials: list[Denial] = Field(default_factory=list)
    language: str | None = None
    # Which rule cut this claim out of a longer sentence (None: the clause was not split).
    split_rule: SplitRule | None = None


class Review(Model):
    """An editor's decision on a claim (issue 11): the claim's `status` is the editor's."""

    reviewer: str = Field(min_length=1, max_length=200)
    note: str = Field(default="", max_length=4000)
    at: datetime
    previous_status: Status  # the claim's status just before this review


class Claim(ExtractedClaim):
    """A claim in the record: extraction facts plus source, evidence and a status."""

    source: SourceRef | None = None
    # items stating the same fact, fact-checks first
    evidence: list[Evidence] = Field(default_factory=list)
    related: list[Evidence] = Field(default_factory=list)  # same topic only; never decides
    status: Status
    confidence: float = Field(ge=0.0, le=1.0)
    needs_review: bool
    rationale: list[str] = Field(default_factory=list)  # the machine's reasons
    # Set once an editor reviewed the claim: then `status` is the editor's and
    # `machine_status` what the status rules say now (re-checks update it, never `status`).
    review: Review | None = None
    machine_status: Status | None = None


class Summary(Model):
    corroborated: int = 0
    contradicted: int = 0
    disputed: int = 0
    unverified: int = 0
    unsupported: int = 0

    @classmethod
    def of(cls, claims: list[Claim]) -> Summary:
        counts = {s: 0 for s in STATUSES}
        for claim in claims:
            counts[claim.status] += 1
        return cls(**counts)


def utcnow() -> datetime:
    return datetime.now(UTC)


class VerificationRecord(Model):
    article_id: str
    revision: int
    version: int
    language: str
    status: Literal["complete", "partial"]
    missing_parts: list[Part] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    pipeline_version: str = PIPELINE_VERSION
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    claims: list[Claim] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
