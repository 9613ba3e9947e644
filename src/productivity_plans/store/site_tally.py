"""The per-site tally of councils that the site pass checks documents against.

Site inference (``councils.sites``) gives a document that names no council the council its
site's other documents all name. Asking "which councils do this site's documents name?" by
reading the site's documents costs what the site holds, which grows with the archive; so the
store keeps the answer as counts, ``site_tally`` (site, council, documents), and each facts row
says which site it is on (``facts.site``) and whether its council was inferred
(``facts.council_inferred``). A document counts in its site's tally when it has a site and a
council identified from its own evidence.

Counts, not a table of the site's councils refreshed per batch: refreshing one would read the
site's documents again, the cost this removes. Counts must be kept right by every write that
can move a document in or out of the tally, so the only functions that write the columns it
depends on call these, in the write's own transaction: ``facts.insert_facts`` /
``replace_facts`` / ``set_council`` (extraction, re-extraction, the site pass and any
correction of a council), the store's save of a source (a new URL can change a document's
least URL, so its site) and ``ownership.delete_draft`` (deleting a document). ``rebuild``
places and recounts everything from the facts and sources (``prodplans extract`` runs it;
revision 0012 does the same for an existing database).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import ColumnElement, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from productivity_plans.councils import load_register
from productivity_plans.councils.sites import SiteCount, site_of
from productivity_plans.store.models import FactsRow, SiteTallyRow, SourceRow, in_chunks


def is_counted() -> ColumnElement[bool]:
    """A facts row that counts in its site's tally: on a site, with a council of its own."""
    return (
        FactsRow.site.is_not(None) & FactsRow.council_gss.is_not(None) & ~FactsRow.council_inferred
    )


def document_site(session: Session, document_id: int) -> str | None:
    """The site a document is on: that of the least of its sources' URLs, as the site pass
    has always placed it (``councils.sites.site_of``)."""
    return site_of(
        session.scalar(
            select(func.min(SourceRow.url)).where(
                SourceRow.document_id == document_id, SourceRow.url.is_not(None)
            )
        )
    )


def untally(session: Session, document_id: int) -> None:
    """Take the document out of its site's tally, before a write that may move it."""
    row = session.execute(
        select(FactsRow.site, FactsRow.council_gss).where(
            FactsRow.document_id == document_id, is_counted()
        )
    ).one_or_none()
    if row is None:
        return
    this = (SiteTallyRow.site == row.site) & (SiteTallyRow.council_gss == row.council_gss)
    session.execute(update(SiteTallyRow).where(this).values(documents=SiteTallyRow.documents - 1))
    session.execute(delete(SiteTallyRow).where(this, SiteTallyRow.documents <= 0))


def retally(session: Session, document_id: int) -> None:
    """Place the document on its site again and count it there, after a write that may have
    moved it (``untally`` took it out before)."""
    placed = session.execute(
        update(FactsRow)
        .where(FactsRow.document_id == document_id)
        .values(site=document_site(session, document_id))
        .returning(FactsRow.site, FactsRow.council_gss, FactsRow.council_inferred)
    ).one_or_none()
    if placed is not None and placed.site and placed.council_gss and not placed.council_inferred:
        count(session, placed.site, placed.council_gss)


def count(session: Session, site: str, gss: str) -> None:
    """One more document on ``site`` naming ``gss``. An upsert, so that concurrent writers on
    PostgreSQL queue on the row rather than both inserting it."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(SiteTallyRow).values(site=site, council_gss=gss, documents=1)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[SiteTallyRow.site, SiteTallyRow.council_gss],
            set_={"documents": SiteTallyRow.documents + 1},
        )
    )


def site_tally(session: Session, sites: Collection[str]) -> dict[str, list[SiteCount]]:
    """The councils each of ``sites`` names, with how many documents name each: the tally
    rows of those sites and nothing else."""
    register = load_register()
    out: dict[str, list[SiteCount]] = defaultdict(list)
    for chunk in in_chunks(sorted(sites)):
        rows = session.scalars(
            select(SiteTallyRow)
            .where(SiteTallyRow.site.in_(chunk))
            .order_by(SiteTallyRow.site, SiteTallyRow.council_gss)
        )
        for row in rows:
            council = register.by_gss(row.council_gss)
            out[row.site].append(
                SiteCount(
                    row.council_gss,
                    council.official_name if council else row.council_gss,
                    council.type if council else "unknown",
                    row.documents,
                )
            )
    return dict(out)


def rebuild(session: Session) -> None:
    """Place every facts row on its site again and recount every site's tally: after the
    rule for sites changed (``councils/data/shared_hosts.txt``), or to repair a store."""
    least_urls = session.execute(
        select(SourceRow.document_id, func.min(SourceRow.url))
        .where(SourceRow.url.is_not(None))
        .group_by(SourceRow.document_id)
    )
    urls = {document_id: url for document_id, url in least_urls}
    by_site: dict[str | None, list[int]] = defaultdict(list)
    for document_id, site in session.execute(select(FactsRow.document_id, FactsRow.site)):
        placed = site_of(urls.get(document_id))
        if placed != site:
            by_site[placed].append(document_id)
    for placed, ids in by_site.items():
        for chunk in in_chunks(ids):
            session.execute(
                update(FactsRow).where(FactsRow.document_id.in_(chunk)).values(site=placed)
            )
    session.execute(delete(SiteTallyRow))
    session.execute(
        insert(SiteTallyRow).from_select(
            ["site", "council_gss", "documents"],
            select(FactsRow.site, FactsRow.council_gss, func.count())
            .where(is_counted())
            .group_by(FactsRow.site, FactsRow.council_gss),
        )
    )
