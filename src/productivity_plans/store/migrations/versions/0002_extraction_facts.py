"""Extraction facts per document and the governance events each document mentions.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02

``facts``: one row per document (council, document type, decision body/kind/date/outcome with
its evidence sentence and offsets, author, recommendations, flags, submission date, extractor
version). ``governance_events``: dated steps (date, body, action, sentence, offsets). Both are
machine output: re-extraction deletes and rewrites a document's rows in one transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("council_gss", sa.String(9), nullable=True),
        sa.Column("council_confidence", sa.Float(), nullable=True),
        sa.Column("council_evidence", sa.JSON(), nullable=False),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("decision_body", sa.Text(), nullable=True),
        sa.Column("decision_body_kind", sa.String(32), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decision_outcome", sa.String(20), nullable=False),
        sa.Column("decision_evidence", sa.Text(), nullable=True),
        sa.Column("decision_start", sa.Integer(), nullable=True),
        sa.Column("decision_end", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.Text(), nullable=True),
        sa.Column("author_role", sa.Text(), nullable=True),
        sa.Column("recommendations", sa.JSON(), nullable=False),
        sa.Column("key_decision", sa.Boolean(), nullable=True),
        sa.Column("call_in", sa.Boolean(), nullable=True),
        sa.Column("submitted_date", sa.Date(), nullable=True),
        sa.Column("submitted_evidence", sa.Text(), nullable=True),
        sa.Column("submitted_start", sa.Integer(), nullable=True),
        sa.Column("submitted_end", sa.Integer(), nullable=True),
        sa.Column("published_evidence", sa.Text(), nullable=True),
        sa.Column("published_start", sa.Integer(), nullable=True),
        sa.Column("published_end", sa.Integer(), nullable=True),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "decision_start IS NULL OR (decision_start >= 0 AND decision_end >= decision_start)",
            name="ck_facts_decision_offsets",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_facts_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", name="uq_facts_document_id"),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
    )
    op.create_index("ix_facts_council_gss", "facts", ["council_gss"])
    op.create_table(
        "governance_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="ck_governance_events_offsets"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_governance_events_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "document_id", "ordinal", name="uq_governance_events_document_id_ordinal"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_governance_events"),
    )


def downgrade() -> None:
    op.drop_table("governance_events")
    op.drop_index("ix_facts_council_gss", table_name="facts")
    op.drop_table("facts")
