"""Stored verification records: idempotent save, latest, versions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

from sqlalchemy import and_, exists, func, or_
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from contracts.record import VerificationRecord
from storage.tables.records import RecordRow


def save_record(
    engine: Engine, record: VerificationRecord, key: str
) -> tuple[VerificationRecord, bool]:
    """Store `record` as the next version, unless the latest version has the same content key.

    Returns the stored record (with its version) and whether it is new. Concurrent writers
    of the same content race for the same version number: the loser finds the winner's
    version latest, with its key, and stores nothing.
    """
    for _ in range(3):
        with Session(engine) as session:
            latest = _latest_row(session, record.article_id, record.revision)
            if latest is not None and latest.content_key == key:
                return VerificationRecord.model_validate_json(latest.body), False
            version = (latest.version if latest else 0) + 1
            stored = record.model_copy(update={"version": version})
            session.add(
                RecordRow(
                    article_id=stored.article_id,
                    revision=stored.revision,
                    version=stored.version,
                    status=stored.status,
                    content_key=key,
                    created_at=stored.created_at.astimezone(UTC).replace(tzinfo=None),
                    body=stored.model_dump_json(),
                )
            )
            try:
                session.commit()
                return stored, True
            except IntegrityError:
                session.rollback()
    raise RuntimeError(f"could not store a record for {record.article_id}: version conflicts")


def _latest_row(session: Session, article_id: str, revision: int) -> RecordRow | None:
    return session.exec(
        select(RecordRow)
        .where(RecordRow.article_id == article_id, RecordRow.revision == revision)
        .order_by(col(RecordRow.version).desc())
    ).first()


def is_published(engine: Engine, record: VerificationRecord) -> bool:
    with Session(engine) as session:
        row = _version_row(session, record)
        return bool(row and row.published)


def mark_published(engine: Engine, record: VerificationRecord) -> None:
    with Session(engine) as session:
        row = _version_row(session, record)
        if row is not None and not row.published:
            row.published = True
            session.add(row)
            session.commit()


def _version_row(session: Session, record: VerificationRecord) -> RecordRow | None:
    return session.exec(
        select(RecordRow).where(
            RecordRow.article_id == record.article_id,
            RecordRow.revision == record.revision,
            RecordRow.version == record.version,
        )
    ).first()


def latest_record(
    engine: Engine, article_id: str, revision: int | None = None
) -> VerificationRecord | None:
    with Session(engine) as session:
        stmt = select(RecordRow).where(RecordRow.article_id == article_id)
        if revision is not None:
            stmt = stmt.where(RecordRow.revision == revision)
        row = session.exec(
            stmt.order_by(col(RecordRow.revision).desc(), col(RecordRow.version).desc())
        ).first()
        return VerificationRecord.model_validate_json(row.body) if row else None


def record_versions(engine: Engine, article_id: str) -> list[VerificationRecord]:
    with Session(engine) as session:
        rows = session.exec(
            select(RecordRow)
            .where(RecordRow.article_id == article_id)
            .order_by(col(RecordRow.revision), col(RecordRow.version))
        ).all()
        return [VerificationRecord.model_validate_json(r.body) for r in rows]


def count_records(engine: Engine, article_id: str) -> int:
    with Session(engine) as session:
        return session.exec(
            select(func.count()).select_from(RecordRow).where(RecordRow.article_id == article_id)
        ).one()


def record_version(
    engine: Engine, article_id: str, version: int, revision: int | None = None
) -> VerificationRecord | None:
    """Version `version` of the article's latest revision (or of `revision`)."""
    with Session(engine) as session:
        if revision is None:
            revision = session.exec(
                select(func.max(RecordRow.revision)).where(RecordRow.article_id == article_id)
            ).one()
            if revision is None:
                return None
        row = session.exec(
            select(RecordRow).where(
                RecordRow.article_id == article_id,
                RecordRow.revision == revision,
                RecordRow.version == version,
            )
        ).first()
        return VerificationRecord.model_validate_json(row.body) if row else None


def _latest_versions(*, flagged_only: bool = False) -> SelectOfScalar[RecordRow]:
    """The latest version of every article's latest revision, oldest first."""
    newer = aliased(RecordRow)
    stmt = select(RecordRow).where(
        ~exists().where(
            col(newer.article_id) == col(RecordRow.article_id),
            or_(
                col(newer.revision) > col(RecordRow.revision),
                and_(
                    col(newer.revision) == col(RecordRow.revision),
                    col(newer.version) > col(RecordRow.version),
                ),
            ),
        )
    )
    if flagged_only:
        # a cheap pre-filter on the stored JSON (compact, as model_dump_json writes it)
        stmt = stmt.where(col(RecordRow.body).contains('"needs_review":true'))
    return stmt.order_by(col(RecordRow.created_at), col(RecordRow.id))


def latest_records(
    engine: Engine, *, flagged_only: bool = False, batch: int = 500
) -> Iterator[VerificationRecord]:
    """Every article's current record (latest revision, latest version), oldest first."""
    with Session(engine) as session:
        stmt = _latest_versions(flagged_only=flagged_only).execution_options(yield_per=batch)
        rows = session.exec(stmt)
        for row in rows:
            yield VerificationRecord.model_validate_json(row.body)
