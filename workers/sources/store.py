"""Reading and editing registry rows (used by the HTTP API and the CLI)."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.tables.sources import SourceRow
from workers.sources.registry import entry_from_row, row_from_entry
from workers.sources.registry_file import SourceEntry


class SourceExists(Exception):
    """Raised when creating a source whose id is taken."""


def get_source(engine: Engine, source_id: str) -> SourceEntry | None:
    with Session(engine) as session:
        row = session.get(SourceRow, source_id)
        return entry_from_row(row) if row is not None else None


def create_source(engine: Engine, entry: SourceEntry) -> SourceEntry:
    with Session(engine) as session:
        if session.get(SourceRow, entry.id) is not None:
            raise SourceExists(entry.id)
        session.add(row_from_entry(entry, origin="api"))
        session.commit()
    return entry


def update_source(engine: Engine, entry: SourceEntry) -> SourceEntry | None:
    """Replace an existing row; it is marked as edited so a newer seed file will not undo it."""
    with Session(engine) as session:
        row = session.get(SourceRow, entry.id)
        if row is None:
            return None
        fresh = row_from_entry(entry, origin="api")
        for field in SourceRow.model_fields:
            setattr(row, field, getattr(fresh, field))
        session.commit()
    return entry
