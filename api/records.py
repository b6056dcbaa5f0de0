"""HTTP: submit articles, read records, export schema.org ClaimReview."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Query, status
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from api.claimreview import to_claimreview
from api.deps import ArticleId, EngineDep, ReadAccess, WriteAccess
from api.settings import ApiSettings
from cli.articles import problem
from cli.errors import CliError
from cli.producer import submit_article, submit_articles
from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from storage.record_listing import BadCursor, list_latest_records, listing_item
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


@router.post("/articles:batch", status_code=status.HTTP_202_ACCEPTED, dependencies=[WriteAccess])
def post_articles_batch(
    items: Annotated[list[dict[str, Any]], Body(description="articles, as for POST /articles")],
) -> dict[str, Any]:
    """Queue many articles (a CMS back-fill) with one producer. Each item gets its own result,
    in order: {"article_id","revision","correlation_id"} once Kafka acked it, or
    {"index","article_id","error"} when it is invalid or refused; the others go on."""
    limit = ApiSettings().batch_max
    if not items:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the batch is empty")
    if len(items) > limit:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"{len(items)} articles in one batch, over the limit of {limit} (VERIFY_API_BATCH_MAX)",
        )
    results: list[dict[str, Any]] = [{} for _ in items]
    valid: list[tuple[int, ArticleSubmitted]] = []
    for index, item in enumerate(items):
        try:
            valid.append((index, ArticleSubmitted.model_validate(item)))
        except ValidationError as exc:
            reasons = "; ".join(problem(e) for e in exc.errors(include_url=False))
            results[index] = {
                "index": index,
                "article_id": item.get("article_id"),
                "error": f"invalid article: {reasons}",
            }
    if valid:
        try:
            outcomes = submit_articles(article for _, article in valid)
        except CliError as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
        for (index, _), done in zip(valid, outcomes, strict=True):
            results[index] = (
                {"index": index, "article_id": done.article_id, "error": done.error}
                if done.error
                else {
                    "article_id": done.article_id,
                    "revision": done.revision,
                    "correlation_id": done.correlation_id,
                }
            )
    accepted = sum("error" not in r for r in results)
    return {"accepted": accepted, "rejected": len(results) - accepted, "results": results}


def _latest(engine: Engine, article_id: str, revision: int | None) -> VerificationRecord:
    record = latest_record(engine, article_id, revision)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no record for article '{article_id}'")
    return record


@router.get("/records", dependencies=[ReadAccess])
def list_records(
    engine: EngineDep,
    since: Annotated[
        datetime | None, Query(description="records made at or after this ISO time (UTC)")
    ] = None,
    status_: Annotated[Literal["complete", "partial"] | None, Query(alias="status")] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """The latest version per article and revision, oldest first, a page at a time: pass
    `next_cursor` back as `cursor` (with the same filters) for the next page."""
    try:
        page = list_latest_records(engine, since, status_, cursor, limit)
    except BadCursor as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
    return {
        "items": [listing_item(r) for r in page.records],
        "next_cursor": page.next_cursor,
    }


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
