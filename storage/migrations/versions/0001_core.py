"""Core tables: collector joins and verification records.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "joins",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("first_seen_at", sa.DateTime, nullable=False),
        sa.Column("deadline_at", sa.DateTime, nullable=False, index=True),
        sa.Column("article_meta", sa.Text, nullable=False),
        sa.Column("parts_key", sa.String(64), nullable=False),
        sa.Column("parts_count", sa.Integer, nullable=False),
        sa.Column("merged_key", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
    )
    op.create_table(
        "join_parts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("part", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "revision", "part"),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(200), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("content_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("article_id", "revision", "version"),
        sa.UniqueConstraint("article_id", "revision", "content_key"),
    )


def downgrade() -> None:
    op.drop_table("records")
    op.drop_table("join_parts")
    op.drop_table("joins")
