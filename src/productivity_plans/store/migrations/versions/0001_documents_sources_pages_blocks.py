"""Documents, sources, pages and blocks, with full-text search over blocks.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

FTS is written out here rather than imported from ``search.py``: a migration is a frozen record
of what the schema was, and must not change when the search code does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# SQLite: an external-content FTS5 table (text lives once, in blocks) kept in step by triggers.
# Porter stemming so "plans" finds "planning"; unicode61 folds case and diacritics.
SQLITE_FTS_UP = [
    """CREATE VIRTUAL TABLE blocks_fts USING fts5(
        text, content='blocks', content_rowid='id', tokenize='porter unicode61'
    )""",
    """CREATE TRIGGER blocks_fts_ai AFTER INSERT ON blocks BEGIN
        INSERT INTO blocks_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER blocks_fts_ad AFTER DELETE ON blocks BEGIN
        INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER blocks_fts_au AFTER UPDATE OF text ON blocks BEGIN
        INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO blocks_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]
SQLITE_FTS_DOWN = [
    "DROP TRIGGER IF EXISTS blocks_fts_au",
    "DROP TRIGGER IF EXISTS blocks_fts_ad",
    "DROP TRIGGER IF EXISTS blocks_fts_ai",
    "DROP TABLE IF EXISTS blocks_fts",
]
# PostgreSQL: a stored generated tsvector, so no trigger can forget to update it.
POSTGRES_FTS_UP = [
    "ALTER TABLE blocks ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_blocks_tsv ON blocks USING gin (tsv)",
]
POSTGRES_FTS_DOWN = ["DROP INDEX IF EXISTS ix_blocks_tsv", "ALTER TABLE blocks DROP COLUMN tsv"]


def _fts_statements(up: bool) -> list[str]:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        return SQLITE_FTS_UP if up else SQLITE_FTS_DOWN
    if dialect == "postgresql":
        return POSTGRES_FTS_UP if up else POSTGRES_FTS_DOWN
    raise RuntimeError(f"the store supports SQLite and PostgreSQL, not {dialect}")


def upgrade() -> None:
    timestamp = sa.DateTime(timezone=True)
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(32), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("parser", sa.String(64), nullable=False),
        sa.Column("parser_version", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("created_at", timestamp, nullable=False),
        sa.CheckConstraint("status IN ('ok', 'no_text_layer')", name="ck_documents_status"),
        sa.UniqueConstraint("sha256", name="uq_documents_sha256"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime", sa.Float(), nullable=True),
        sa.Column("first_seen", timestamp, nullable=False),
        sa.Column("last_seen", timestamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_sources_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", "source", name="uq_sources_document_id_source"),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
    )
    op.create_index("ix_sources_source", "sources", ["source"])
    op.create_table(
        "pages",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.CheckConstraint("number >= 1", name="ck_pages_number_positive"),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="ck_pages_offsets"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_pages_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "number", name="pk_pages"),
    )
    op.create_table(
        "blocks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="ck_blocks_offsets"),
        sa.CheckConstraint("page >= 1", name="ck_blocks_page_positive"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_blocks_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_blocks_document_id_ordinal"),
        sa.PrimaryKeyConstraint("id", name="pk_blocks"),
    )
    for statement in _fts_statements(up=True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _fts_statements(up=False):
        op.execute(statement)
    op.drop_table("blocks")
    op.drop_table("pages")
    op.drop_index("ix_sources_source", table_name="sources")
    op.drop_table("sources")
    op.drop_table("documents")
