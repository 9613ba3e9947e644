"""Ownership and private drafts: an upload is one council's link to a document, with its own
status (draft or published) and what the officer stated (type, title, URL); a document says
whether it was collected from a public source.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Existing data keeps its meaning: before this revision every upload was published the moment it
was made, so existing upload rows become ``published`` (published at their upload time), and
every document without an upload row was collected by ``prodplans ingest``. A document with an
upload row is marked not collected: it stays public through its published upload(s).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    timestamp = sa.DateTime(timezone=True)
    op.add_column(
        "documents",
        sa.Column("collected", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.execute(
        "UPDATE documents SET collected = false WHERE id IN (SELECT document_id FROM uploads)"
    )
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(
            sa.Column("status", sa.String(10), nullable=False, server_default="published")
        )
        batch.add_column(sa.Column("doc_type", sa.String(32), nullable=True))
        batch.add_column(sa.Column("title", sa.Text(), nullable=True))
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("published_at", timestamp, nullable=True))
        batch.create_check_constraint("ck_uploads_status", "status IN ('draft', 'published')")
    op.execute("UPDATE uploads SET published_at = uploaded_at")
    op.create_index("ix_uploads_document_id", "uploads", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_uploads_document_id", table_name="uploads")
    with op.batch_alter_table("uploads") as batch:
        batch.drop_constraint("ck_uploads_status", type_="check")
        batch.drop_column("published_at")
        batch.drop_column("url")
        batch.drop_column("title")
        batch.drop_column("doc_type")
        batch.drop_column("status")
    # Not batch mode: on SQLite that would copy and drop ``documents``, which every stage's
    # tables reference. ALTER TABLE … DROP COLUMN exists since SQLite 3.35.
    op.drop_column("documents", "collected")
