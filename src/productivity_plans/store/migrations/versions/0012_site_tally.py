"""The per-site tally of councils for the site pass, and each facts row's site.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

``facts.site`` (the site a document is on: ``councils.sites.site_of`` of its least URL, as the
site pass has always placed it) and ``facts.council_inferred`` (its council came from its site,
as its evidence says), a partial index on the site of documents whose council is unknown or
inferred, and ``site_tally`` (site, council, documents naming it from their own evidence).
Existing databases are filled from their facts and sources, so the site pass gives the same
answers after the upgrade as before it; nothing is deleted. Self-contained (no import from the
models) so it can be re-chained after other revisions; the rule for sites is the running
code's, which is the one the store will keep the tally by.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from productivity_plans.councils.sites import SITE_EVIDENCE_PREFIX, site_of

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None

UNSETTLED = "(council_gss IS NULL OR council_inferred)"
CHUNK = 1000

facts = sa.table(
    "facts",
    sa.column("document_id", sa.Integer()),
    sa.column("council_gss", sa.String()),
    sa.column("council_evidence", sa.JSON()),
    sa.column("site", sa.Text()),
    sa.column("council_inferred", sa.Boolean()),
)
sources = sa.table("sources", sa.column("document_id", sa.Integer()), sa.column("url", sa.Text()))


def upgrade() -> None:
    op.add_column("facts", sa.Column("site", sa.Text(), nullable=True))
    op.add_column(
        "facts",
        sa.Column("council_inferred", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    bind = op.get_bind()
    _mark_inferred(bind)
    _place_on_sites(bind)
    op.create_index(
        "ix_facts_unsettled_site",
        "facts",
        ["site"],
        sqlite_where=sa.text(UNSETTLED),
        postgresql_where=sa.text(UNSETTLED),
    )
    op.create_table(
        "site_tally",
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("council_gss", sa.String(9), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site", "council_gss", name="pk_site_tally"),
    )
    op.execute(
        "INSERT INTO site_tally (site, council_gss, documents)"
        " SELECT site, council_gss, count(*) FROM facts"
        " WHERE site IS NOT NULL AND council_gss IS NOT NULL AND NOT council_inferred"
        " GROUP BY site, council_gss"
    )


def downgrade() -> None:
    op.drop_table("site_tally")
    op.drop_index("ix_facts_unsettled_site", table_name="facts")
    # Not batch mode: on SQLite that would copy the table (ALTER TABLE … DROP COLUMN exists
    # since SQLite 3.35).
    op.drop_column("facts", "council_inferred")
    op.drop_column("facts", "site")


def _mark_inferred(bind: sa.Connection) -> None:
    """``council_inferred`` for councils whose evidence says the site gave them."""
    rows = bind.execute(
        sa.select(facts.c.document_id, facts.c.council_evidence).where(
            facts.c.council_gss.is_not(None)
        )
    )
    inferred = [
        document_id
        for document_id, evidence in rows
        if any(line.startswith(SITE_EVIDENCE_PREFIX) for line in evidence or ())
    ]
    for start in range(0, len(inferred), CHUNK):
        chunk = inferred[start : start + CHUNK]
        bind.execute(
            sa.update(facts).where(facts.c.document_id.in_(chunk)).values(council_inferred=True)
        )


def _place_on_sites(bind: sa.Connection) -> None:
    """``site`` of every facts row: that of the least of its document's URLs."""
    rows = bind.execute(
        sa.select(sources.c.document_id, sa.func.min(sources.c.url))
        .where(
            sources.c.url.is_not(None),
            sources.c.document_id.in_(sa.select(facts.c.document_id)),
        )
        .group_by(sources.c.document_id)
    )
    by_site: dict[str, list[int]] = defaultdict(list)
    for document_id, url in rows:
        if (site := site_of(url)) is not None:
            by_site[site].append(document_id)
    for site, ids in by_site.items():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            bind.execute(sa.update(facts).where(facts.c.document_id.in_(chunk)).values(site=site))
