"""Records: versions follow material changes; publication is tracked.

The unique (article_id, revision, content_key) made any earlier content impossible to
return to (A → B → A is three versions an editor sees), so it goes: a new version is
stored when the content key differs from the *latest* version's (storage.record_store).
`published` lets a flow rerun publish a version a crash stored but never published.

Revision ID: 0005_record_versions
Revises: 0004_archive_term_stats
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_record_versions"
down_revision = "0004_archive_term_stats"
branch_labels = None
depends_on = None

# SQLite keeps 0001's unique constraint unnamed: name it by convention to drop it.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("records_article_id_revision_content_key_key", "records", "unique")
        op.add_column(
            "records", sa.Column("published", sa.Boolean, nullable=False, server_default="true")
        )
        return
    with op.batch_alter_table("records", naming_convention=_NAMING) as batch:
        batch.drop_constraint("uq_records_article_id_revision_content_key", type_="unique")
        batch.add_column(
            sa.Column("published", sa.Boolean, nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("records", naming_convention=_NAMING) as batch:
        batch.drop_column("published")
        batch.create_unique_constraint(
            "uq_records_article_id_revision_content_key", ["article_id", "revision", "content_key"]
        )
