"""Passage vectors for search by meaning: one embedding per coded passage.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "passage_vectors",
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("embedder", sa.String(64), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("dim > 0", name="ck_passage_vectors_dim_positive"),
        sa.ForeignKeyConstraint(
            ["passage_id"],
            ["passages.id"],
            name="fk_passage_vectors_passage_id_passages",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("passage_id", name="pk_passage_vectors"),
    )


def downgrade() -> None:
    op.drop_table("passage_vectors")
