"""Coded passages, machine codes with their model version, human decisions, coded documents.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

CODE_TYPE_CHECK = "code_type IN ('heading', 'question', 'barrier', 'measure', 'initiative', 'kind')"


def upgrade() -> None:
    timestamp = sa.DateTime(timezone=True)
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("heading", sa.Text(), nullable=True),
        sa.Column("block_kind", sa.String(20), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("created_at", timestamp, nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="ck_passages_offsets"),
        sa.CheckConstraint("page >= 1", name="ck_passages_page_positive"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_passages_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "document_id",
            "start",
            "end",
            "text_hash",
            name="uq_passages_document_id_start_end_text_hash",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_passages"),
    )
    op.create_table(
        "machine_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("code_type", sa.String(20), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("model_version", sa.String(128), nullable=False),
        sa.Column("framework_id", sa.String(64), nullable=False),
        sa.Column("created_at", timestamp, nullable=False),
        sa.CheckConstraint(CODE_TYPE_CHECK, name="ck_machine_codes_code_type"),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name="ck_machine_codes_confidence"
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"],
            ["passages.id"],
            name="fk_machine_codes_passage_id_passages",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "passage_id",
            "code_type",
            "value",
            "model_version",
            name="uq_machine_codes_passage_id_code_type_value_model_version",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_machine_codes"),
    )
    op.create_index("ix_machine_codes_confidence", "machine_codes", ["confidence"])
    op.create_table(
        "human_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("code_type", sa.String(20), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("analyst", sa.String(100), nullable=False),
        sa.Column("decided_at", timestamp, nullable=False),
        sa.Column("model_version", sa.String(128), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(CODE_TYPE_CHECK, name="ck_human_codes_code_type"),
        sa.CheckConstraint(
            "decision IN ('accept', 'reject', 'add')", name="ck_human_codes_decision"
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"],
            ["passages.id"],
            name="fk_human_codes_passage_id_passages",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_human_codes"),
    )
    op.create_index("ix_human_codes_passage_id", "human_codes", ["passage_id"])
    op.create_index("ix_human_codes_analyst", "human_codes", ["analyst"])
    op.create_table(
        "coded_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("model_version", sa.String(128), nullable=False),
        sa.Column("framework_id", sa.String(64), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("codes", sa.Integer(), nullable=False),
        sa.Column("coded_at", timestamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_coded_documents_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name="pk_coded_documents"),
    )


def downgrade() -> None:
    op.drop_table("coded_documents")
    op.drop_index("ix_human_codes_analyst", table_name="human_codes")
    op.drop_index("ix_human_codes_passage_id", table_name="human_codes")
    op.drop_table("human_codes")
    op.drop_index("ix_machine_codes_confidence", table_name="machine_codes")
    op.drop_table("machine_codes")
    op.drop_table("passages")
