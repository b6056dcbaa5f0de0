"""Merge the three workers' results into a verification record (pure; no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from contracts.events import (
    ArticleSubmitted,
    ClaimEvidence,
    ExtractionResult,
    SourceMention,
    SourcesResult,
    XrefResult,
)
from contracts.record import (
    PARTS,
    Attribution,
    Claim,
    ExtractedClaim,
    Part,
    SourceRef,
    Summary,
    VerificationRecord,
)
from flows.settings import StatusSettings
from flows.status_rules import decide


@dataclass
class ArticleMeta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None

    @classmethod
    def of(cls, article: ArticleSubmitted) -> ArticleMeta:
        return cls(
            article.title, article.outlet, article.url, article.published_at, article.language
        )


@dataclass
class Parts:
    article_id: str
    revision: int
    extraction: ExtractionResult | None = None
    sources: SourcesResult | None = None
    xref: XrefResult | None = None
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    @property
    def missing(self) -> list[Part]:
        return [p for p in PARTS if getattr(self, p) is None]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def source_for(claim: ExtractedClaim, mentions: list[SourceMention]) -> SourceRef | None:
    """The resolved mention that best covers the claim's attribution span."""
    att = claim.attribution
    if att.type == "none" or att.start is None or att.end is None:
        return None
    best = max(mentions, key=lambda m: _overlap(att.start, att.end, m.start, m.end), default=None)  # type: ignore[arg-type]
    if best is None or _overlap(att.start, att.end, best.start, best.end) == 0:
        return None
    return best.source


def xref_item_for(claim: ExtractedClaim, xref: XrefResult | None) -> ClaimEvidence | None:
    """The cross-reference worker's evidence and related items for `claim`."""
    if xref is None:
        return None
    for item in xref.items:
        if item.claim_id == claim.claim_id:
            return item
    # different extractor versions across replicas: fall back to the overlapping span
    best = max(
        xref.items, key=lambda i: _overlap(claim.start, claim.end, i.start, i.end), default=None
    )
    if best and _overlap(claim.start, claim.end, best.start, best.end) > 0:
        return best
    return None


EDGE_CHARS = 20  # how near the claim's start a cited mention must begin to be its subject


def credited(claim: ExtractedClaim, mentions: list[SourceMention]) -> ExtractedClaim:
    """The claim, attributed to a cited source that the source-lookup worker found at its
    start or its very end when extraction saw no attribution: a headline or wire credit
    ("… kills six Syrian state TV."), a subject before its verb ("صحيفة واشنطن بوست ذكرت").
    Mentions elsewhere in the claim are left alone: there they are as often what the claim
    is about as who said it."""
    if claim.attribution.type != "none":
        return claim
    inside = [
        m
        for m in mentions
        if claim.start <= m.start
        and m.end <= claim.end
        and (m.start - claim.start <= EDGE_CHARS or claim.end - m.end <= 2)
    ]
    if not inside:
        return claim
    m = inside[0]
    credit = Attribution(type=m.type, mention=m.mention, start=m.start, end=m.end)
    return claim.model_copy(update={"attribution": credit})


def judge(
    c: ExtractedClaim,
    source: SourceRef | None,
    item: ClaimEvidence | None,
    *,
    archive_size: int | None,
    sources_reported: bool = True,
    rules: StatusSettings,
) -> Claim:
    """One claim of the record: its status from the rules, with the reasons an editor reads.
    `archive_size` None: the cross-reference result is missing."""
    evidence = item.evidence if item else []
    verdict = decide(c, source, evidence, xref_available=archive_size is not None, rules=rules)
    rationale = list(verdict.rationale)
    if item is not None and not item.searched:
        rationale.append(
            f"evidence not searched: check-worthiness {c.checkworthiness:.2f} is under "
            "the cross-reference threshold"
        )
    elif item is not None and not item.evidence and archive_size is not None:
        related = (
            f"; {len(item.related)} on the same topic listed as related" if item.related else ""
        )
        rationale.append(
            f"no document of the archive ({archive_size}) states the same fact{related}"
        )
    if not sources_reported and c.attribution.mention:
        rationale.append("source lookup did not report in time: source not resolved")
    return Claim(
        **c.model_dump(),
        source=source,
        evidence=evidence,
        related=item.related if item else [],
        status=verdict.status,
        confidence=verdict.confidence,
        needs_review=verdict.needs_review,
        rationale=rationale,
    )


def merge(
    parts: Parts, version: int = 1, rules: StatusSettings | None = None
) -> VerificationRecord:
    rules = rules or StatusSettings()
    claims: list[Claim] = []
    extracted = parts.extraction.claims if parts.extraction else []
    mentions = parts.sources.mentions if parts.sources else []
    for c in (credited(c, mentions) for c in extracted):
        claims.append(
            judge(
                c,
                source_for(c, mentions),
                xref_item_for(c, parts.xref),
                archive_size=parts.xref.archive_size if parts.xref else None,
                sources_reported=parts.sources is not None,
                rules=rules,
            )
        )
    missing = parts.missing
    language = (
        (parts.extraction.language if parts.extraction else None) or parts.meta.language or "und"
    )
    return VerificationRecord(
        article_id=parts.article_id,
        revision=parts.revision,
        version=version,
        language=language,
        status="partial" if missing else "complete",
        missing_parts=missing,
        title=parts.meta.title,
        outlet=parts.meta.outlet,
        url=parts.meta.url,
        published_at=parts.meta.published_at,
        claims=claims,
        summary=Summary.of(claims),
    )
