"""HTTP: submit articles, read records, export schema.org ClaimReview."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.engine import Engine

from api.claimreview import to_claimreview
from api.deps import ArticleId, EngineDep, ReadAccess, WriteAccess
from cli.errors import CliError
from cli.producer import submit_article
from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from storage.record_store import latest_record, record_versions

router = APIRouter(tags=["records"])


@router.post("/articles", status_code=status.HTTP_202_ACCEPTED, dependencies=[WriteAccess])
def post_article(article: ArticleSubmitted) -> dict[str, Any]:
    """Queue an article for verification; poll GET /records/{article_id} for the result."""
    try:
        correlation = submit_article(article)
    except CliError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    return {
        "article_id": article.article_id,
        "revision": article.revision,
        "correlation_id": correlation,
    }


def _latest(engine: Engine, article_id: str, revision: int | None) -> VerificationRecord:
    record = latest_record(engine, article_id, revision)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no record for article '{article_id}'")
    return record


@router.get("/records/{article_id}", dependencies=[ReadAccess])
def get_record(
    article_id: ArticleId, engine: EngineDep, revision: int | None = None
) -> VerificationRecord:
    return _latest(engine, article_id, revision)


@router.get("/records/{article_id}/versions", dependencies=[ReadAccess])
def get_versions(article_id: ArticleId, engine: EngineDep) -> list[VerificationRecord]:
    versions = record_versions(engine, article_id)
    if not versions:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no record for article '{article_id}'")
    return versions


@router.get("/records/{article_id}/claimreview", dependencies=[ReadAccess])
def get_claimreview(article_id: ArticleId, engine: EngineDep) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects, one per claim that has a verdict worth publishing."""
    return to_claimreview(_latest(engine, article_id, None))
