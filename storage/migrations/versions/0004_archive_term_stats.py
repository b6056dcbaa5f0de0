"""Cross-reference archive: per-term passage counts (document frequency).

Filled from the passages already archived, then kept up to date by the archive on insert.
PostgreSQL retrieval uses it to match on selective terms only (see docs/xref.md).

Revision ID: 0004_archive_term_stats
Revises: 0003_archive
"""

from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0004_archive_term_stats"
down_revision = "0003_archive"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    stats = op.create_table(
        "archive_term_stats",
        sa.Column("term", sa.String(200), primary_key=True),
        sa.Column("passages", sa.Integer, nullable=False),
    )
    # Same counting as workers.xref.term_stats: each distinct term once per passage.
    counts: Counter[str] = Counter()
    result = op.get_bind().execute(sa.text("SELECT terms FROM archive_passages"))
    for (terms,) in result:
        counts.update({t for t in str(terms).split() if len(t) <= 200})
    rows = [{"term": t, "passages": n} for t, n in sorted(counts.items())]
    for i in range(0, len(rows), _BATCH):
        op.bulk_insert(stats, rows[i : i + _BATCH])


def downgrade() -> None:
    op.drop_table("archive_term_stats")
