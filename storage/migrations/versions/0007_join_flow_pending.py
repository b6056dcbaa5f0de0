"""Joins: `flow_pending` — the record was made while Prefect was unreachable, and the
collector owes it a catch-up `verify-article` flow run.

Revision ID: 0007_join_flow_pending
Revises: 0006_archive_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_join_flow_pending"
down_revision = "0006_archive_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("joins") as batch:
        batch.add_column(
            sa.Column("flow_pending", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("joins") as batch:
        batch.drop_column("flow_pending")
