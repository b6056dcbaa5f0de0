"""Cross-reference archive: documents, sentence-window passages and a full-text index.

The index is dialect-specific: an FTS5 virtual table on SQLite (rowid = passage id), a
generated tsvector column with a GIN index on PostgreSQL. Both index `terms`, the passage
text already normalised and stemmed in Python, so both backends match the same tokens.

Revision ID: 0003_archive
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_archive"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(240), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("outlet", sa.String(200), nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("published_at", sa.String(40), nullable=True),
        sa.Column("claimant", sa.Text, nullable=True),
        sa.Column("rating", sa.String(24), nullable=True),
        sa.Column("rating_text", sa.Text, nullable=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "revision", name="uq_archive_documents_article_rev"),
    )
    op.create_table(
        "archive_passages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("archive_documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE archive_passages ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED"
        )
        op.execute("CREATE INDEX ix_archive_passages_tsv ON archive_passages USING GIN (tsv)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE archive_passages_fts USING fts5("
            "terms, content='', tokenize='unicode61 remove_diacritics 0')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS archive_passages_fts")
    op.drop_table("archive_passages")
    op.drop_table("archive_documents")
