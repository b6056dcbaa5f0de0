"""Listing records: the latest version per (article, revision) created since a time, paged.

Pages are ordered by (created_at, row id), and the cursor is the last row's pair, so a page
boundary never skips or repeats a row even when many records share a timestamp. A version made
after a reader's page moves its article to the end of the order: a reader polling with
`since` sees each new version once.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, or_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from contracts.record import VerificationRecord
from storage.tables.records import RecordRow


class BadCursor(ValueError):
    """A cursor this listing did not hand out."""


@dataclass(frozen=True)
class RecordPage:
    records: list[VerificationRecord]
    next_cursor: str | None  # None: this page is the last one (for now)


def encode_cursor(created_at: datetime, row_id: int) -> str:
    raw = json.dumps([created_at.isoformat(), row_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        when, row_id = json.loads(raw)
        return datetime.fromisoformat(when), int(row_id)
    except (ValueError, TypeError) as exc:  # binascii.Error and JSONDecodeError are ValueErrors
        raise BadCursor("the cursor is not one this listing handed out") from exc


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def list_latest_records(
    engine: Engine,
    since: datetime | None = None,
    status: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> RecordPage:
    """The latest version of every (article, revision) created at or after `since` (UTC; a
    naive time is taken as UTC), optionally only those whose record `status` is given."""
    newer = aliased(RecordRow)
    has_newer = (
        select(newer.id)
        .where(
            newer.article_id == RecordRow.article_id,
            newer.revision == RecordRow.revision,
            newer.version > RecordRow.version,
        )
        .exists()
    )
    stmt = select(RecordRow).where(~has_newer)
    if since is not None:
        stmt = stmt.where(col(RecordRow.created_at) >= _naive_utc(since))
    if status is not None:
        stmt = stmt.where(RecordRow.status == status)
    if cursor:
        after_at, after_id = decode_cursor(cursor)
        stmt = stmt.where(
            or_(
                col(RecordRow.created_at) > after_at,
                and_(col(RecordRow.created_at) == after_at, col(RecordRow.id) > after_id),
            )
        )
    stmt = stmt.order_by(col(RecordRow.created_at), col(RecordRow.id)).limit(limit + 1)
    with Session(engine) as session:
        rows = list(session.exec(stmt).all())
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    next_cursor = encode_cursor(last.created_at, last.id or 0) if more and last else None
    return RecordPage([VerificationRecord.model_validate_json(r.body) for r in rows], next_cursor)


def listing_item(record: VerificationRecord) -> dict[str, object]:
    """What a listing shows of a record (GET /records/{id} has the whole of it)."""
    return {
        "article_id": record.article_id,
        "revision": record.revision,
        "version": record.version,
        "status": record.status,
        "created_at": record.created_at.astimezone(UTC).isoformat(),
        "summary": record.summary.model_dump(),
        "claims": len(record.claims),
        "missing_parts": list(record.missing_parts),
        "language": record.language,
        "url": record.url,
    }
