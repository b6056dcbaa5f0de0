"""The Prefect flow `verify-article`: merge the parts, store, publish, attach the claim table."""

from __future__ import annotations

import asyncio
from typing import Any

from prefect import flow, get_run_logger, tags, task
from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact
from prefect.cache_policies import NO_CACHE

from api.settings import ApiSettings
from contracts.record import VerificationRecord
from flows.artifact import artifact_key, claim_rows, description, summary_markdown
from flows.merge import Parts, merge
from flows.publish import publish_once as publish_version
from flows.publish import store_version
from flows.review import keep_reviews
from storage.engine import default_engine
from storage.join_store import load_parts, mark_merged
from storage.record_store import latest_record


@task(name="load-parts", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def load_task(article_id: str, revision: int) -> tuple[Parts, str]:
    return load_parts(default_engine(), article_id, revision)


@task(name="merge", cache_policy=NO_CACHE)
def merge_task(parts: Parts) -> VerificationRecord:
    return merge(parts)


def store(record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    # an editor's reviews of the latest version stay (flows.review); a new version only
    # when something an editor sees changed (flows.material)
    engine = default_engine()
    latest = latest_record(engine, record.article_id, record.revision)
    return store_version(engine, keep_reviews(record, latest))


def publish_once(record: VerificationRecord) -> bool:
    return publish_version(default_engine(), record)


@task(name="store-record", retries=3, retry_delay_seconds=2, cache_policy=NO_CACHE)
def store_task(record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    return store(record)


@task(name="publish-record", retries=3, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_task(record: VerificationRecord) -> bool:
    return publish_once(record)


@flow(
    name="verify-article",
    flow_run_name="verify-{article_id}-r{revision}",
    retries=1,
    retry_delay_seconds=5,
    log_prints=True,
)
async def verify_article(article_id: str, revision: int, catch_up: bool = False) -> dict[str, Any]:
    """`catch_up`: the record was stored and published while Prefect was unreachable; this
    run (the same steps: nothing new is stored or published) makes it visible in Prefect."""
    logger = get_run_logger()
    if catch_up:
        logger.info("catch-up run: the record was made while Prefect was unreachable")
    parts, parts_key = load_task(article_id, revision)
    if parts.missing:
        logger.warning(
            "deadline passed without %s: the record is partial", ", ".join(parts.missing)
        )
    record = merge_task(parts)
    stored, created = store_task(record)
    logger.info(
        "%s version %d: %s",
        "stored" if created else "already stored (rerun)",
        stored.version,
        description(stored),
    )
    publish_task(stored)
    mark_merged(default_engine(), article_id, revision, parts_key, stored.status)
    await acreate_table_artifact(
        key=artifact_key(article_id),
        table=claim_rows(stored),
        description=description(stored),
    )
    api = ApiSettings()
    await acreate_markdown_artifact(
        key=artifact_key(article_id) + "-summary",
        markdown=summary_markdown(stored, f"http://{api.host}:{api.port}"),
        description="summary and links",
    )
    return outcome(stored, created)


def outcome(stored: VerificationRecord, created: bool, **extra: object) -> dict[str, Any]:
    """What one run made, for the collector's log."""
    return {
        "article_id": stored.article_id,
        "revision": stored.revision,
        "version": stored.version,
        "status": stored.status,
        "created": created,
        "claims": len(stored.claims),
        **extra,
    }


def run_verify_article(article_id: str, revision: int, catch_up: bool = False) -> dict[str, Any]:
    """Run the flow with language and outlet tags (what operators filter on in the UI)."""
    parts, _ = load_parts(default_engine(), article_id, revision)
    language = (parts.extraction.language if parts.extraction else None) or parts.meta.language
    labels = [f"lang:{language or 'unknown'}", f"outlet:{parts.meta.outlet or 'unknown'}"]
    with tags(*labels, *(["catch-up"] if catch_up else [])):
        return asyncio.run(verify_article(article_id, revision, catch_up))


def verify_without_prefect(article_id: str, revision: int) -> dict[str, Any]:
    """The flow's steps as plain calls, for when the Prefect API is unreachable: the record is
    stored and published as usual and the join is marked, so a catch-up run follows."""
    engine = default_engine()
    parts, parts_key = load_parts(engine, article_id, revision)
    stored, created = store(merge(parts))
    publish_once(stored)
    mark_merged(engine, article_id, revision, parts_key, stored.status, flow_pending=True)
    return outcome(stored, created, flow_run="owed (Prefect unreachable)")
