"""An editor's review, stored and published as a new record version (HTTP and CLI share it)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.record import Status, VerificationRecord
from flows.publish import publish_once, store_version
from flows.review import apply_review
from storage.record_store import latest_record


class NoRecord(LookupError):
    """No record for the article (yet)."""


def review_claim(
    engine: Engine,
    article_id: str,
    claim_id: str,
    status: Status,
    note: str,
    reviewer: str,
    revision: int | None = None,
) -> tuple[VerificationRecord, bool]:
    """Store and publish the latest record with the editor's decision on one claim.
    Returns the stored version and whether it is new."""
    latest = latest_record(engine, article_id, revision)
    if latest is None:
        raise NoRecord(f"no record for article '{article_id}'")
    stored, created = store_version(engine, apply_review(latest, claim_id, status, note, reviewer))
    publish_once(engine, stored)  # also publishes a version a failed earlier call left
    return stored, created
