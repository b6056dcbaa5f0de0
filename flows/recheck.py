"""Re-checking stored claims when documents enter the archive (issue 11).

Which claims a new document bears on: a claim is a candidate when it shares enough index
terms with one passage of the document (found through flows.recheck_index, not by reading
every record); a candidate is compared with the new documents' passages by the same-fact
and stance models (workers.xref.fresh), and
counts as touched only when one of the new documents is evidence for it. Evidence the
claim already had stays (an archive that grows adds evidence, it does not take it away).
The status rules then decide again, and a rationale line says what changed. Editor
reviews are kept (flows.review).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted, ClaimEvidence
from contracts.record import Claim, Evidence, ExtractedClaim, VerificationRecord, utcnow
from flows.merge import judge
from flows.recheck_index import ClaimTermIndex, shares_enough
from flows.review import keep_review, with_claims
from flows.settings import StatusSettings
from storage.tables.archive import ArchiveDocument
from workers.xref.archive import Archive
from workers.xref.crossref import Models, claim_evidence
from workers.xref.fresh import FreshDocument, FreshDocuments
from workers.xref.settings import XrefSettings
from workers.xref.terms import passage_terms

_DOCS: sa.Table = ArchiveDocument.__table__  # type: ignore[attr-defined]


def documents_since(engine: Engine, since: datetime) -> list[str]:
    """Doc ids archived at or after `since` (naive UTC in the table)."""
    naive = since.astimezone(UTC).replace(tzinfo=None) if since.tzinfo else since
    with engine.connect() as conn:
        rows = conn.execute(sa.select(_DOCS.c.doc_id).where(_DOCS.c.added_at >= naive))
        return [r[0] for r in rows]


def is_candidate(claim_terms: frozenset[str], doc: FreshDocument) -> bool:
    size = len(claim_terms)
    return any(shares_enough(len(claim_terms & p), size) for p in doc.passage_terms)


def candidates(record: VerificationRecord, docs: Sequence[FreshDocument]) -> list[Claim]:
    """The record's claims that share enough terms with a new document (not its own)."""
    others = [d for d in docs if d.article_id != record.article_id]
    if not others:
        return []
    out = []
    for claim in record.claims:
        terms = frozenset(passage_terms(claim.text))
        if any(is_candidate(terms, d) for d in others):
            out.append(claim)
    return out


@dataclass
class Recheck:
    """What a re-check needs loaded: the archive, the models and the settings."""

    archive: Archive  # the whole archive: an operator's re-run searches all of it
    models: Models
    xref: XrefSettings = field(default_factory=XrefSettings)
    rules: StatusSettings = field(default_factory=StatusSettings)
    # the stored claims' terms (flows.recheck_index), kept up to date between re-checks
    claim_terms: ClaimTermIndex = field(default_factory=ClaimTermIndex)

    def record(
        self,
        record: VerificationRecord,
        claims: Sequence[Claim],
        fresh: FreshDocuments | None,
        when: datetime | None = None,
    ) -> VerificationRecord:
        """`record` with `claims` re-evaluated. With `fresh` documents, only against them, and
        only claims that one of them is now evidence for change; None: every claim given is
        re-evaluated against the whole archive (an operator's re-run)."""
        if not claims:
            return record
        when = when or utcnow()
        new_doc_ids = fresh.doc_ids if fresh is not None else None
        source: Archive = fresh if fresh is not None else self.archive
        stub = ArticleSubmitted(
            article_id=record.article_id,
            revision=record.revision,
            body="\n".join(c.text for c in claims),
            outlet=record.outlet,
        )
        extracted = [ExtractedClaim.model_validate(_extracted_fields(c)) for c in claims]
        items = claim_evidence(stub, extracted, source, self.models, self.xref)
        changed = {}
        for claim, facts, item in zip(claims, extracted, items, strict=True):
            found = {e.doc_id for e in item.evidence}
            if new_doc_ids is not None and not found & new_doc_ids:
                continue
            changed[claim.claim_id] = self._claim(record, claim, facts, item, when)
        if not changed:
            return record
        return with_claims(record, [changed.get(c.claim_id, c) for c in record.claims])

    def _claim(
        self,
        record: VerificationRecord,
        before: Claim,
        fresh: ExtractedClaim,
        item: ClaimEvidence,
        when: datetime,
    ) -> Claim:
        had = {e.doc_id for e in before.evidence}
        evidence = merged_evidence(item.evidence, before.evidence, self.xref.evidence_per_claim)
        shown = {e.doc_id for e in evidence}
        related = [r for r in item.related if r.doc_id not in shown] + [
            r for r in before.related if r.doc_id not in shown
        ]
        item = item.model_copy(
            update={"evidence": evidence, "related": related[: self.xref.related_per_claim]}
        )
        machine = judge(
            fresh,
            before.source,
            item,
            archive_size=self.archive.count(),
            sources_reported="sources" not in record.missing_parts,
            rules=self.rules,
        )
        was = before.machine_status or before.status
        lines = [what_is_new(e) for e in evidence if e.doc_id not in had]
        if machine.status != was:
            lines.append(f"re-checked {when.date().isoformat()}: {was} → {machine.status}")
        machine = machine.model_copy(update={"rationale": lines + machine.rationale})
        return keep_review(machine, before)


def merged_evidence(fresh: list[Evidence], before: list[Evidence], limit: int) -> list[Evidence]:
    """The fresh items, then earlier items the search no longer ranks; fact-checks first."""
    seen = {e.doc_id for e in fresh}
    items = fresh + [e for e in before if e.doc_id not in seen]
    items.sort(key=lambda e: (e.kind != "factcheck", -(e.same_fact or 0) * e.score))
    return items[: max(limit, len(fresh))]


def what_is_new(e: Evidence) -> str:
    by = e.outlet or e.doc_id
    day = f", {e.published_at[:10]}" if e.published_at else ""
    if e.kind == "factcheck":
        rated = f" rated {e.rating.replace('_', ' ').capitalize()}" if e.rating else ""
        return f"new fact-check by {by}{rated}{day}"
    return f"new report by {by} ({e.stance}){day}"


def _extracted_fields(claim: Claim) -> dict[str, object]:
    return claim.model_dump(include=set(ExtractedClaim.model_fields))
