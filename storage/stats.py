"""Pipeline figures from the database: joins waiting for a record, records made lately."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.tables.joins import Join
from storage.tables.records import RecordRow


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive UTC


def joins_waiting(engine: Engine) -> tuple[int, float | None]:
    """Joins with no record yet or with parts newer than their record; the oldest one's age (s)."""
    waiting = or_(col(Join.merged_key) == "", col(Join.parts_key) != col(Join.merged_key))
    with Session(engine) as session:
        count, oldest = session.exec(
            select(func.count(), func.min(Join.first_seen_at)).where(waiting)
        ).one()
    age = (_now() - oldest).total_seconds() if oldest is not None else None
    return int(count), age


def records_since(engine: Engine, seconds: float) -> int:
    """Record versions stored in the last `seconds`."""
    since = _now() - timedelta(seconds=seconds)
    with Session(engine) as session:
        return int(
            session.exec(
                select(func.count()).select_from(RecordRow).where(RecordRow.created_at >= since)
            ).one()
        )
