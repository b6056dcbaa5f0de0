"""Every SQLModel table, imported so that the metadata (and Alembic) sees them all."""

from storage.tables import archive, joins, records, sources  # noqa: F401
