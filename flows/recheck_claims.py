"""The `recheck-claims` flow: stored claims re-evaluated as documents enter the archive.

Parameters (any mix): `doc_ids` (what an archive.added event lists), `since` (documents
archived since then: the daily schedule and an operator's "everything since"), `article_ids`
(re-verify these articles' claims against the whole archive now). A record gets a new
version only when a status or an evidence set changed (flows.material), published once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from sqlalchemy.engine import Engine

from contracts.record import VerificationRecord, utcnow
from flows.publish import publish_once, store_version
from flows.recheck import Recheck, candidates, documents_since
from storage.engine import default_engine
from storage.record_store import latest_record
from workers.xref.archive import open_archive
from workers.xref.crossref import load_models
from workers.xref.fresh import FreshDocuments


@dataclass
class RecheckOutcome:
    documents: int = 0
    records_seen: int = 0
    claims_checked: int = 0
    versions: list[dict[str, Any]] = field(default_factory=list)  # the new versions


@cache
def _checker(url: str) -> Recheck:
    return Recheck(open_archive(default_engine()), load_models())


def loaded_checker() -> Recheck:
    """Loaded once per process: the archive index and the models (a few seconds)."""
    return _checker(str(default_engine().url))


def recheck_now(
    doc_ids: list[str] | None = None,
    article_ids: list[str] | None = None,
    since: datetime | None = None,
    engine: Engine | None = None,
    checker: Recheck | None = None,
) -> RecheckOutcome:
    """The flow's work as a plain call (also what runs when Prefect is unreachable)."""
    engine = engine or default_engine()
    checker = checker or loaded_checker()
    ids = set(doc_ids or []) | set(documents_since(engine, since) if since else [])
    fresh = FreshDocuments.load(engine, ids)
    out = RecheckOutcome(documents=fresh.count())
    changed: list[tuple[VerificationRecord, VerificationRecord]] = []
    for article_id in article_ids or []:
        record = latest_record(engine, article_id)
        if record is not None:
            out.records_seen += 1
            out.claims_checked += len(record.claims)
            changed.append((record, checker.record(record, record.claims, None)))
    if fresh.documents:
        checker.claim_terms.refresh(engine)
        records = [
            latest_record(engine, a) for a in checker.claim_terms.articles_for(fresh.documents)
        ]
        for record in records:  # read all first: SQLite, then write
            if record is None:
                continue
            out.records_seen += 1
            claims = candidates(record, fresh.documents)
            out.claims_checked += len(claims)
            if claims:
                changed.append((record, checker.record(record, claims, fresh)))
    for before, after in changed:
        if after is before:
            continue
        stored, created = store_version(engine, after)
        publish_once(engine, stored)
        if created:
            out.versions.append(_version(before, stored))
    return out


def _version(before: VerificationRecord, after: VerificationRecord) -> dict[str, Any]:
    was = {c.claim_id: c for c in before.claims}
    moved = [
        {
            "claim_id": c.claim_id,
            "from": was[c.claim_id].status,
            "to": c.status,
            "why": c.rationale[:1],
        }
        for c in after.claims
        if c.claim_id in was
        and (c.status != was[c.claim_id].status or c.evidence != was[c.claim_id].evidence)
    ]
    return {"article_id": after.article_id, "version": after.version, "claims": moved}


def summary_markdown(outcome: RecheckOutcome) -> str:
    lines = [
        "# recheck-claims",
        f"{outcome.documents} new documents; {outcome.records_seen} records and "
        f"{outcome.claims_checked} claims checked; {len(outcome.versions)} new versions.",
        "",
    ]
    for v in outcome.versions:
        lines.append(f"## {v['article_id']} v{v['version']}")
        for c in v["claims"]:
            why = f" — {c['why'][0]}" if c["why"] else ""
            lines.append(f"- `{c['claim_id']}`: {c['from']} → {c['to']}{why}")
    return "\n".join(lines) + "\n"


@flow(name="recheck-claims", log_prints=True)
def recheck_claims(
    doc_ids: list[str] | None = None,
    article_ids: list[str] | None = None,
    since: datetime | None = None,
    since_hours: float | None = None,
) -> dict[str, Any]:
    """Re-check stored claims against new documents (`doc_ids`, or those archived `since`
    a time or in the last `since_hours`), and/or re-verify `article_ids` against the whole
    archive. A new record version only where a status or an evidence set changed."""
    if since_hours is not None:
        recent = utcnow() - timedelta(hours=since_hours)
        since = max(since, recent) if since else recent
    outcome = recheck_now(doc_ids, article_ids, since)
    get_run_logger().info(
        "%d documents, %d claims checked, %d new versions",
        outcome.documents,
        outcome.claims_checked,
        len(outcome.versions),
    )
    create_markdown_artifact(
        key="recheck-claims", markdown=summary_markdown(outcome), description="what changed"
    )
    return asdict(outcome)
