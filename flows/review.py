"""Editor review of a claim, and keeping it when the machine re-evaluates (pure; no I/O).

An editor's status wins over the status rules: a later machine run keeps the editor's
`status` and `review`, records its own verdict in `machine_status`, and flags `needs_review`
when that verdict moved since the editor decided, instead of silently undoing the decision.
"""

from __future__ import annotations

from datetime import datetime

from contracts.record import Claim, Review, Status, Summary, VerificationRecord, utcnow


class UnknownClaim(KeyError):
    """The record has no claim with that id."""


def apply_review(
    record: VerificationRecord,
    claim_id: str,
    status: Status,
    note: str,
    reviewer: str,
    at: datetime | None = None,
) -> VerificationRecord:
    """The record with the editor's decision on one claim (version left to the store)."""
    at = at or utcnow()
    claims = []
    found = False
    for claim in record.claims:
        if claim.claim_id == claim_id:
            found = True
            review = Review(reviewer=reviewer, note=note, at=at, previous_status=claim.status)
            claim = claim.model_copy(
                update={
                    "status": status,
                    "review": review,
                    "machine_status": claim.machine_status or claim.status,
                    "needs_review": False,
                }
            )
        claims.append(claim)
    if not found:
        raise UnknownClaim(f"article '{record.article_id}' has no claim '{claim_id}'")
    return with_claims(record, claims)


def keep_review(machine: Claim, before: Claim | None) -> Claim:
    """`machine` (a fresh verdict of the status rules) with `before`'s editor review kept."""
    if before is None or before.review is None:
        return machine
    was = before.machine_status or before.review.previous_status
    moved = machine.status != was
    rationale = list(machine.rationale)
    if moved:
        rationale.insert(
            0,
            f"the machine now says {machine.status} (was {was}); the editor's status "
            f"{before.status} stands until an editor reviews it again",
        )
    return machine.model_copy(
        update={
            "status": before.status,
            "review": before.review,
            "machine_status": machine.status,
            "needs_review": before.needs_review or moved,
            "rationale": rationale,
        }
    )


def keep_reviews(new: VerificationRecord, latest: VerificationRecord | None) -> VerificationRecord:
    """`new` with every editor review of `latest` (same article revision) carried over."""
    if latest is None or latest.revision != new.revision:
        return new
    before = {c.claim_id: c for c in latest.claims if c.review is not None}
    if not before:
        return new
    return with_claims(new, [keep_review(c, before.get(c.claim_id)) for c in new.claims])


def with_claims(record: VerificationRecord, claims: list[Claim]) -> VerificationRecord:
    return record.model_copy(
        update={"claims": claims, "summary": Summary.of(claims), "created_at": utcnow()}
    )
