"""The council workspace: recorded governance steps, progress updates with actions and measure
values, and disputes of codes and statuses.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

Only new tables: an existing database keeps every row. Self-contained (no import from the
models) so it can be re-chained after other revisions (the document-ownership branch's 0006).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    timestamp = sa.DateTime(timezone=True)
    op.create_table(
        "recorded_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_gss", sa.String(9), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(320), nullable=False),
        sa.Column("recorded_at", timestamp, nullable=False),
        sa.CheckConstraint(
            "kind IN ('decision', 'submission', 'publication')", name="ck_recorded_steps_kind"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recorded_steps"),
    )
    op.create_index("ix_recorded_steps_council_gss", "recorded_steps", ["council_gss"])
    op.create_table(
        "progress_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_gss", sa.String(9), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_by", sa.String(320), nullable=False),
        sa.Column("created_at", timestamp, nullable=False),
        sa.Column("published_at", timestamp, nullable=True),
        sa.CheckConstraint("status IN ('draft', 'published')", name="ck_progress_updates_status"),
        sa.PrimaryKeyConstraint("id", name="pk_progress_updates"),
    )
    op.create_index("ix_progress_updates_council_gss", "progress_updates", ["council_gss"])
    op.create_table(
        "progress_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('not_started', 'in_progress', 'done', 'delayed')",
            name="ck_progress_actions_status",
        ),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["progress_updates.id"],
            name="fk_progress_actions_update_id_progress_updates",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_progress_actions"),
    )
    op.create_index("ix_progress_actions_update_id", "progress_actions", ["update_id"])
    op.create_table(
        "measure_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("period", sa.String(40), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(40), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["progress_updates.id"],
            name="fk_measure_values_update_id_progress_updates",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_measure_values"),
    )
    op.create_index("ix_measure_values_update_id", "measure_values", ["update_id"])
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_gss", sa.String(9), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("passage_id", sa.Integer(), nullable=True),
        sa.Column("code_type", sa.String(20), nullable=True),
        sa.Column("value", sa.String(128), nullable=True),
        sa.Column("requirement", sa.String(40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("raised_by", sa.String(320), nullable=False),
        sa.Column("raised_at", timestamp, nullable=False),
        sa.Column("decided_by", sa.String(320), nullable=True),
        sa.Column("decided_at", timestamp, nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'upheld', 'dismissed')", name="ck_disputes_status"),
        sa.CheckConstraint(
            "(code_type IS NOT NULL AND value IS NOT NULL) OR requirement IS NOT NULL",
            name="ck_disputes_target",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_disputes_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"],
            ["passages.id"],
            name="fk_disputes_passage_id_passages",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_disputes"),
    )
    op.create_index("ix_disputes_council_gss", "disputes", ["council_gss"])


def downgrade() -> None:
    op.drop_index("ix_disputes_council_gss", table_name="disputes")
    op.drop_table("disputes")
    op.drop_index("ix_measure_values_update_id", table_name="measure_values")
    op.drop_table("measure_values")
    op.drop_index("ix_progress_actions_update_id", table_name="progress_actions")
    op.drop_table("progress_actions")
    op.drop_index("ix_progress_updates_council_gss", table_name="progress_updates")
    op.drop_table("progress_updates")
    op.drop_index("ix_recorded_steps_council_gss", table_name="recorded_steps")
    op.drop_table("recorded_steps")
