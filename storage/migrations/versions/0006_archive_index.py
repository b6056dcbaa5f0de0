"""Archive: the passages move to a search index under VERIFY_DATA_DIR (issue 8).

The database keeps the archived documents (the truth every xref instance shares); each
machine's tantivy index (workers/xref/passage_index.py) is built from them and can be
rebuilt at any time, so the passages, the SQL full-text indexes and the term statistics
go. `archive_state.epoch` names this archive: an index built from another database (or
from this one before it was recreated) sees a different epoch and rebuilds itself.

Revision ID: 0006_archive_index
Revises: 0005_record_versions
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006_archive_index"
down_revision = "0005_record_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS archive_passages_fts")
    op.drop_table("archive_term_stats")
    op.drop_table("archive_passages")
    state = op.create_table(
        "archive_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("epoch", sa.String(32), nullable=False),
    )
    op.bulk_insert(state, [{"id": 1, "epoch": uuid.uuid4().hex}])


def downgrade() -> None:
    raise NotImplementedError("the SQL passages are gone: downgrade means re-importing")
