"""PostgreSQL: a small pending list for the full-text GIN index, so a search does not read 4 MB.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-06

GIN's fast update (on by default) appends new entries to a pending list that every search of
the index reads in full, until a vacuum or a list past ``gin_pending_list_limit`` (4 MB by
default) moves them into the index proper. On an archive that grows by ingest the list stays
near its limit: autovacuum runs after a fifth of the table has been inserted again (375,000
blocks at 1.9 million), and until then each search, even of a word that matches nothing, read
the 458 pages of the list: 6-11 ms against 0.02 ms once it was cleaned. A limit of 256 kB keeps
fast update's batching for an ingest (a document's blocks add a few kB of entries) and bounds
what a search reads to 32 pages. Smaller batches showed no cost to an ingest beyond this
machine's noise (``bench/gin_pending.py``; docs/scale.md).

The upgrade also moves what the list holds now into the index (``gin_clean_pending_list``).
SQLite (FTS5, no GIN) is untouched. The downgrade puts back the server's default.
"""

from __future__ import annotations

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None

PENDING_LIST_KB = 256


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER INDEX ix_blocks_tsv SET (gin_pending_list_limit = {PENDING_LIST_KB})")
    op.execute("SELECT gin_clean_pending_list('ix_blocks_tsv')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_blocks_tsv RESET (gin_pending_list_limit)")
