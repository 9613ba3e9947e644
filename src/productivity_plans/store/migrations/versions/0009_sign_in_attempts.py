"""Sign-in attempts (for the sign-in limits) and a session version per user.

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-06

Self-contained (no import from the models) so it can be re-chained after other revisions.
Existing users get session version 0, which is what a session cookie without one means, so
nobody is signed out by the upgrade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account", sa.String(320), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_attempts"),
    )
    op.create_index("ix_sign_in_attempts_account", "sign_in_attempts", ["account"])
    op.create_index("ix_sign_in_attempts_address", "sign_in_attempts", ["address"])
    op.create_index("ix_sign_in_attempts_at", "sign_in_attempts", ["at"])
    op.add_column(
        "users",
        sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("users", "session_version")
    op.drop_index("ix_sign_in_attempts_at", table_name="sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_address", table_name="sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_account", table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
