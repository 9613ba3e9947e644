"""PostgreSQL with pgvector: a halfvec copy of each passage vector under an HNSW index.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06

Only on PostgreSQL, and only where the server has the ``vector`` extension: installed already,
or available and ours to install (``CREATE EXTENSION`` is tried in a savepoint, so a server
without it, or a role without the right, leaves the upgrade untouched). Anywhere else this
revision changes nothing and search by meaning keeps its exact path (``store/vectors.py``).

``embedding`` is ``halfvec(256)``: the bundled embedder's dimension, at the float16 precision
of ``vector`` (which stays the vector of record on every dialect), so nothing is rounded twice.
Existing vectors are copied in, in batches (decoded in Python: no SQL cast reads float16
bytes). Self-contained: no import from the models or from vectors.py.

A server that gains pgvector after this revision ran: downgrade to 0009 and upgrade again (the
downgrade drops only the copy).
"""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

DIM = 256
BATCH = 5_000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _has_pgvector(bind):
        return
    op.execute(f"ALTER TABLE passage_vectors ADD COLUMN embedding halfvec({DIM})")
    _copy_existing(bind)
    # Cosine distance; the vectors are L2-normalised, so it ranks as the dot product does.
    op.execute(
        "CREATE INDEX ix_passage_vectors_embedding ON passage_vectors "
        "USING hnsw (embedding halfvec_cosine_ops)"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_passage_vectors_embedding")
    op.execute("ALTER TABLE passage_vectors DROP COLUMN IF EXISTS embedding")


def _has_pgvector(bind: sa.Connection) -> bool:
    """Installed, or installed now; never an error on a server without it."""
    if bind.scalar(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'vector'")):
        return True
    if not bind.scalar(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")):
        return False
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS vector"))
    except sa.exc.DBAPIError:  # e.g. not allowed to create extensions: keep the exact path
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def _copy_existing(bind: sa.Connection) -> None:
    import psycopg
    from pgvector import HalfVector
    from pgvector.psycopg import register_vector

    driver = bind.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    register_vector(driver)  # sends halfvec in its binary form
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT passage_id, vector FROM passage_vectors "
                "WHERE dim = :dim AND passage_id > :last ORDER BY passage_id LIMIT :batch"
            ),
            {"dim": DIM, "last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
        bind.execute(
            sa.text(
                "UPDATE passage_vectors SET embedding = :embedding WHERE passage_id = :passage_id"
            ),
            [
                {"passage_id": pid, "embedding": HalfVector(np.frombuffer(blob, dtype=np.float16))}
                for pid, blob in rows
            ],
        )
        last = rows[-1][0]
