"""The Prefect flows that make records: `verify-article` (one flow run per article) and
`verify-batch` (one flow run for a batch of due joins, one task run per article, named after
it). Both merge the parts, store, publish, and attach the claim table as an artifact.

Tasks only where their retries earn them (issue 9): each task run costs Prefect API calls,
and loading and merging are a database read and pure code that the flow's own retry covers.
Storing and publishing are idempotent (content key; published flag), so retrying them is safe.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prefect import flow, get_run_logger, tags, task
from prefect.artifacts import acreate_table_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import wait

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

Key = tuple[str, int]


def store(record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    # an editor's reviews of the latest version stay (flows.review); a new version only
    # when something an editor sees changed (flows.material)
    engine = default_engine()
    latest = latest_record(engine, record.article_id, record.revision)
    return store_version(engine, keep_reviews(record, latest))


def publish_once(record: VerificationRecord) -> bool:
    return publish_version(default_engine(), record)


def store_and_publish(record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    stored, created = store(record)
    publish_once(stored)
    return stored, created


@task(name="store-and-publish", retries=3, retry_delay_seconds=2, cache_policy=NO_CACHE)
def store_task(record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    return store_and_publish(record)


def _warn_missing(parts: Parts) -> None:
    if parts.missing:
        get_run_logger().warning(
            "deadline passed without %s: the record is partial", ", ".join(parts.missing)
        )


def _log_stored(stored: VerificationRecord, created: bool) -> None:
    get_run_logger().info(
        "%s version %d: %s",
        "stored" if created else "already stored (rerun)",
        stored.version,
        description(stored),
    )


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
    if catch_up:
        get_run_logger().info("catch-up run: the record was made while Prefect was unreachable")
    parts, parts_key = load_parts(default_engine(), article_id, revision)
    _warn_missing(parts)
    stored, created = store_task(merge(parts))
    _log_stored(stored, created)
    mark_merged(default_engine(), article_id, revision, parts_key, stored.status)
    await acreate_table_artifact(
        key=artifact_key(article_id),
        table=claim_rows(stored),
        description=summary_markdown(stored, _api_base()),
    )
    return outcome(stored, created)


@task(
    name="verify-article-in-batch",
    task_run_name="verify-{article_id}-r{revision}",
    retries=2,
    retry_delay_seconds=2,
    cache_policy=NO_CACHE,
)
def verify_in_batch(article_id: str, revision: int) -> dict[str, Any]:
    """One article of a `verify-batch` run: the same steps as `verify-article` (all of them
    idempotent, so the task retries as a whole); its claim table is this task run's artifact."""
    parts, parts_key = load_parts(default_engine(), article_id, revision)
    _warn_missing(parts)
    stored, created = store_and_publish(merge(parts))
    _log_stored(stored, created)
    mark_merged(default_engine(), article_id, revision, parts_key, stored.status)
    create_table_artifact(
        key=artifact_key(article_id),
        table=claim_rows(stored),
        description=summary_markdown(stored, _api_base()),
    )
    return outcome(stored, created)


@flow(name="verify-batch", flow_run_name="verify-batch-{first}-n{size}", log_prints=True)
def verify_batch(keys: list[Key], first: str, size: int) -> dict[str, dict[str, Any]]:
    """One task run per article, run side by side; every article's outcome, or its error,
    by "article_id r<revision>" (a failed article does not fail the others)."""
    futures = [
        verify_in_batch.with_options(tags=set(run_labels(parts_of(key)))).submit(*key)
        for key in keys
    ]
    wait(futures)
    results: dict[str, dict[str, Any]] = {}
    for key, future in zip(keys, futures, strict=True):
        state = future.state
        if state.is_completed():
            results[f"{key[0]} r{key[1]}"] = future.result()
        else:
            results[f"{key[0]} r{key[1]}"] = {"error": str(state.message or state.name)}
    return results


def _api_base() -> str:
    api = ApiSettings()
    return f"http://{api.host}:{api.port}"


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


def parts_of(key: Key) -> Parts:
    return load_parts(default_engine(), *key)[0]


def run_labels(parts: Parts) -> list[str]:
    """Language and outlet tags (what operators filter on in the UI)."""
    language = (parts.extraction.language if parts.extraction else None) or parts.meta.language
    return [f"lang:{language or 'unknown'}", f"outlet:{parts.meta.outlet or 'unknown'}"]


def run_verify_article(article_id: str, revision: int, catch_up: bool = False) -> dict[str, Any]:
    """Run the flow with language and outlet tags."""
    labels = run_labels(parts_of((article_id, revision)))
    with tags(*labels, *(["catch-up"] if catch_up else [])):
        return asyncio.run(verify_article(article_id, revision, catch_up))


def run_verify_batch(keys: list[Key]) -> dict[str, dict[str, Any]]:
    return verify_batch(keys, keys[0][0], len(keys))


def verify_without_prefect(article_id: str, revision: int) -> dict[str, Any]:
    """The flow's steps as plain calls, for when the Prefect API is unreachable: the record is
    stored and published as usual and the join is marked, so a catch-up flow run follows."""
    engine = default_engine()
    parts, parts_key = load_parts(engine, article_id, revision)
    stored, created = store_and_publish(merge(parts))
    mark_merged(engine, article_id, revision, parts_key, stored.status, flow_pending=True)
    return outcome(stored, created, flow_run="owed (Prefect unreachable)")
