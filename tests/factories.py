"""Records and claims for tests that need a stored record without running the pipeline."""

from __future__ import annotations

from contracts.record import Claim, Status


def machine_claim(claim_id: str, status: Status, needs_review: bool = False) -> Claim:
    """A claim as the machine left it: a status and one rationale line saying so."""
    return Claim(
        claim_id=claim_id,
        text=f"claim {claim_id}",
        start=0,
        end=5,
        kind="statistic",
        checkworthiness=0.9,
        status=status,
        confidence=0.7,
        needs_review=needs_review,
        rationale=[f"machine says {status}"],
    )
