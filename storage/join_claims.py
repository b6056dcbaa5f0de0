"""Claims on joins: several collectors share one database, and only the one holding a join's
claim runs its flow. A claim is a lease (claimed_by, claimed_until): released when the record
is made or the run fails, lapsing on its own when its collector dies.

PostgreSQL: the due joins are picked with `SELECT … FOR UPDATE SKIP LOCKED`, so concurrent
collectors take disjoint batches without waiting on each other. SQLite (one writer at a time):
each claim is one conditional UPDATE in its own transaction; a rowcount of 1 means it is ours.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from contracts.record import PARTS
from storage.engine import is_sqlite
from storage.tables.joins import Join

Key = tuple[str, int]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive UTC


def instance_name() -> str:
    """host:instance under supervisord (a restarted collector takes back its own claims at
    once), host:pid otherwise."""
    instance = os.environ.get("VERIFY_INSTANCE_ID")
    return f"{socket.gethostname()}:{instance if instance is not None else f'pid{os.getpid()}'}"


def _claimable(owner: str, now: datetime) -> ColumnElement[bool]:
    return or_(
        col(Join.claimed_until).is_(None),
        col(Join.claimed_until) < now,
        col(Join.claimed_by) == owner,
    )


def _is_due(now: datetime) -> ColumnElement[bool]:
    return (col(Join.parts_key) != col(Join.merged_key)) & (
        (col(Join.parts_count) >= len(PARTS)) | (col(Join.deadline_at) <= now)
    )


def claim_join(engine: Engine, key: Key, owner: str, lease_s: float) -> bool:
    """Take the claim on one join unless another collector holds it."""
    now = _now()
    with engine.begin() as conn:
        done = conn.execute(
            update(Join)
            .where(col(Join.article_id) == key[0], col(Join.revision) == key[1])
            .where(_claimable(owner, now))
            .values(claimed_by=owner, claimed_until=now + timedelta(seconds=lease_s))
        )
        return done.rowcount == 1


def claim_due_joins(
    engine: Engine, owner: str, limit: int, lease_s: float, skip: set[Key] | None = None
) -> list[Key]:
    """Claim up to `limit` due joins (complete, or past their deadline, with parts newer than
    their record), oldest first; `skip`: joins this collector is running already."""
    if limit <= 0:
        return []
    skip = skip or set()
    now = _now()
    stmt = (
        select(Join.article_id, Join.revision)
        .where(_is_due(now))
        .where(_claimable(owner, now))
        .order_by(col(Join.first_seen_at))
        .limit(limit + len(skip))
    )
    if is_sqlite(str(engine.url)):
        # No row locks: claim candidates one by one; when a racing collector took every one
        # of them, look again rather than report nothing due.
        while True:
            with Session(engine) as session:
                candidates = [(a, r) for a, r in session.exec(stmt).all() if (a, r) not in skip]
            if not candidates:
                return []
            won = [k for k in candidates[:limit] if claim_join(engine, k, owner, lease_s)]
            if won:
                return won
    with Session(engine) as session:
        rows = session.exec(stmt.with_for_update(skip_locked=True, of=Join)).all()
        keys = [(a, r) for a, r in rows if (a, r) not in skip][:limit]
        until = now + timedelta(seconds=lease_s)
        for article_id, revision in keys:
            session.execute(
                update(Join)
                .where(col(Join.article_id) == article_id, col(Join.revision) == revision)
                .values(claimed_by=owner, claimed_until=until)
            )
        session.commit()
        return keys


def release_join(engine: Engine, key: Key, owner: str) -> None:
    """Give the claim back (the run failed, or nothing was to be done)."""
    with engine.begin() as conn:
        conn.execute(
            update(Join)
            .where(col(Join.article_id) == key[0], col(Join.revision) == key[1])
            .where(col(Join.claimed_by) == owner)
            .values(claimed_by="", claimed_until=None)
        )


def holds_claim(engine: Engine, key: Key, owner: str) -> bool:
    with Session(engine) as session:
        join = session.get(Join, key)
        return join is not None and join.claimed_by == owner
