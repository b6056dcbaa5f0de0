"""Source registry, its seed version, and the external resolver's response cache.

Revision ID: 0002_sources
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_sources"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("domain", sa.String(200), nullable=True),
        sa.Column("reliability", sa.String(16), nullable=False),
        sa.Column("reliability_basis", sa.Text, nullable=False),
        sa.Column("aliases_en", sa.Text, nullable=False),
        sa.Column("aliases_ar", sa.Text, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "source_registry_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_table(
        "source_resolver_cache",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("query", sa.String(500), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("source_resolver_cache")
    op.drop_table("source_registry_meta")
    op.drop_table("sources")
