"""HTTP: an editor's review of a claim, and the queue of claims that need one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from kafka.errors import KafkaError
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ArticleId, EngineDep, ReadAccess, WriteAccess
from contracts.record import Review, Status, VerificationRecord
from flows.editor_review import NoRecord, review_claim
from flows.review import UnknownClaim
from storage.record_store import latest_records

router = APIRouter(tags=["review"])


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status
    note: str = Field(default="", max_length=4000)
    reviewer: str = Field(default="editor", min_length=1, max_length=200)
    revision: int | None = Field(default=None, ge=1)  # default: the latest revision


class QueueItem(BaseModel):
    article_id: str
    revision: int
    version: int
    claim_id: str
    text: str
    status: Status
    machine_status: Status | None
    review: Review | None
    why: list[str]  # the first rationale lines
    since: datetime  # when the record version that flags it was stored


ClaimId = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")]


@router.post(
    "/records/{article_id}/claims/{claim_id}/review",
    dependencies=[WriteAccess],
    status_code=status.HTTP_201_CREATED,
)
def post_review(
    article_id: ArticleId, claim_id: ClaimId, body: ReviewRequest, engine: EngineDep
) -> VerificationRecord:
    """Confirm or override a claim's status: a new record version, published on verify.records."""
    try:
        stored, _ = review_claim(
            engine, article_id, claim_id, body.status, body.note, body.reviewer, body.revision
        )
    except (NoRecord, UnknownClaim) as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.args[0]) from None
    except KafkaError as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            f"review stored but not published on verify.records ({type(exc).__name__}); "
            "send it again to publish it",
        ) from None
    return stored


@router.get("/review-queue", dependencies=[ReadAccess])
def get_review_queue(
    engine: EngineDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[QueueItem]:
    """Claims flagged `needs_review` in the current records, oldest first."""
    items: list[QueueItem] = []
    for record in latest_records(engine, flagged_only=True):
        for c in record.claims:
            if not c.needs_review:
                continue
            items.append(
                QueueItem(
                    article_id=record.article_id,
                    revision=record.revision,
                    version=record.version,
                    claim_id=c.claim_id,
                    text=c.text,
                    status=c.status,
                    machine_status=c.machine_status,
                    review=c.review,
                    why=c.rationale[:2],
                    since=record.created_at,
                )
            )
            if len(items) >= limit:
                return items
    return items
