"""The collector's durable join: parts are upserted here, so a crash loses nothing."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from contracts.events import (
    ArticleSubmitted,
    ExtractionResult,
    PartResult,
    SourcesResult,
    XrefResult,
)
from contracts.ids import content_key
from contracts.record import PARTS
from flows.merge import ArticleMeta, Parts
from storage.tables.joins import Join, JoinPart

log = logging.getLogger(__name__)

_PART_MODELS: dict[str, type[PartResult]] = {
    "extraction": ExtractionResult,
    "sources": SourcesResult,
    "xref": XrefResult,
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive UTC: portable across SQLite/PG


def _join(session: Session, article_id: str, revision: int, deadline_s: float) -> Join:
    join = session.get(Join, (article_id, revision))
    if join is None:
        now = _now()
        join = Join(
            article_id=article_id,
            revision=revision,
            first_seen_at=now,
            deadline_at=now + timedelta(seconds=deadline_s),
        )
        session.add(join)
        session.flush()
    return join


def record_article(engine: Engine, article: ArticleSubmitted, deadline_s: float) -> None:
    """Remember the article's metadata and start its deadline clock."""
    meta = ArticleMeta.of(article)
    with Session(engine) as session:
        join = _join(session, article.article_id, article.revision, deadline_s)
        join.article_meta = json.dumps(meta.__dict__, default=str)
        session.commit()


def record_part(
    engine: Engine, result: PartResult, deadline_s: float, origin: str | None = None
) -> bool:
    """Store a worker result. Returns True when it changed what the join holds.

    `origin` names the input event the result was computed from. A second, different result
    from the same origin is a recomputation after a redelivery (the xref archive has grown in
    between): the first one stands, so a redelivery never changes a record. A result from a
    new input (a resubmission, a re-check) replaces it.
    """
    payload = result.model_dump_json()
    # produced_at differs on every redelivery; it must not make an identical result "new"
    digest = content_key(result.model_dump_json(exclude={"produced_at"}))
    with Session(engine) as session:
        join = _join(session, result.article_id, result.revision, deadline_s)
        stmt = select(JoinPart).where(
            JoinPart.article_id == result.article_id,
            JoinPart.revision == result.revision,
            JoinPart.part == result.part,
        )
        row = session.exec(stmt).first()
        if row is not None and row.payload_hash == digest:
            return False
        if row is not None and origin and row.origin == origin:
            log.info(
                "%s of %s r%s recomputed from the same input %s: the first result stands",
                result.part,
                result.article_id,
                result.revision,
                origin,
            )
            return False
        if row is None:
            row = JoinPart(
                article_id=result.article_id,
                revision=result.revision,
                part=result.part,
                payload=payload,
                payload_hash=digest,
                received_at=_now(),
                origin=origin or "",
            )
        else:
            row.payload, row.payload_hash, row.received_at = payload, digest, _now()
            row.origin = origin or ""
        session.add(row)
        session.flush()
        hashes = session.exec(
            select(JoinPart.part, JoinPart.payload_hash)
            .where(JoinPart.article_id == result.article_id, JoinPart.revision == result.revision)
            .order_by(col(JoinPart.part))
        ).all()
        join.parts_key = content_key(*(f"{p}:{d}" for p, d in hashes))
        join.parts_count = len(hashes)
        session.add(join)
        session.commit()
        return True


def load_parts(engine: Engine, article_id: str, revision: int) -> tuple[Parts, str]:
    """The parts received so far, and the key that identifies exactly this set."""
    with Session(engine) as session:
        join = session.get(Join, (article_id, revision))
        if join is None:
            raise LookupError(f"no join for {article_id} revision {revision}")
        parts = Parts(article_id, revision, meta=_meta(join.article_meta))
        rows = session.exec(
            select(JoinPart).where(JoinPart.article_id == article_id, JoinPart.revision == revision)
        ).all()
        for row in rows:
            setattr(parts, row.part, _PART_MODELS[row.part].model_validate_json(row.payload))
        return parts, join.parts_key


def _meta(raw: str) -> ArticleMeta:
    data = json.loads(raw or "{}")
    if data.get("published_at"):
        data["published_at"] = datetime.fromisoformat(data["published_at"])
    return ArticleMeta(**data)


def due_joins(engine: Engine, limit: int = 50) -> list[tuple[str, int]]:
    """Joins whose parts changed since the last record and that are complete or past deadline."""
    with Session(engine) as session:
        stmt = (
            select(Join.article_id, Join.revision)
            .where(Join.parts_key != Join.merged_key)
            .where((Join.parts_count >= len(PARTS)) | (Join.deadline_at <= _now()))
            .order_by(col(Join.first_seen_at))
            .limit(limit)
        )
        return [(a, r) for a, r in session.exec(stmt).all()]


def mark_merged(
    engine: Engine,
    article_id: str,
    revision: int,
    parts_key: str,
    state: str,
    *,
    flow_pending: bool = False,
) -> None:
    """The record for `parts_key` is stored and published; `flow_pending`: made without
    Prefect, so a catch-up flow run is owed."""
    with Session(engine) as session:
        join = session.get(Join, (article_id, revision))
        if join is not None:
            join.merged_key, join.state, join.flow_pending = parts_key, state, flow_pending
            join.claimed_by, join.claimed_until = "", None  # storage.join_claims: done
            session.add(join)
            session.commit()


def pending_flow_runs(engine: Engine, limit: int = 5) -> list[tuple[str, int]]:
    """Joins whose record was made while Prefect was down, oldest first."""
    with Session(engine) as session:
        stmt = (
            select(Join.article_id, Join.revision)
            .where(col(Join.flow_pending))
            .where(Join.parts_key == Join.merged_key)
            .order_by(col(Join.first_seen_at))
            .limit(limit)
        )
        return [(a, r) for a, r in session.exec(stmt).all()]


def owe_flow_run(engine: Engine, article_id: str, revision: int) -> None:
    """A flow run was cut off by a Prefect outage (its record may be stored and published
    already): a catch-up run is owed, so the operator sees a completed run for the article."""
    with Session(engine) as session:
        join = session.get(Join, (article_id, revision))
        if join is not None and not join.flow_pending:
            join.flow_pending = True
            session.add(join)
            session.commit()
