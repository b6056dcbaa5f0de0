"""Joins after faults.

- `joins.flow_pending`: the record was made while Prefect was unreachable; the collector owes
  it a catch-up `verify-article` flow run.
- `join_parts.origin`: the input event (topic:partition:offset of the article message) a part
  was computed from. A redelivered input is computed again — against an archive that has
  grown in between — and must not replace what its first computation gave.

Revision ID: 0007_join_recovery
Revises: 0006_archive_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_join_recovery"
down_revision = "0006_archive_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("joins") as batch:
        batch.add_column(
            sa.Column("flow_pending", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("join_parts") as batch:
        batch.add_column(sa.Column("origin", sa.String(300), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("join_parts") as batch:
        batch.drop_column("origin")
    with op.batch_alter_table("joins") as batch:
        batch.drop_column("flow_pending")
