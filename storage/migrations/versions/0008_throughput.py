"""Join claims, so several collectors never run the same join at once.

- `joins.claimed_by`: the collector instance (host:instance) running the join's flow now;
- `joins.claimed_until`: when that claim lapses (a collector that died leaves it behind; any
  collector takes the join after this time, the same instance at once when it restarts).

Revision ID: 0008_throughput
Revises: 0007_join_recovery
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_throughput"
down_revision = "0007_join_recovery"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("joins") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("joins") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
