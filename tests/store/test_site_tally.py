"""The per-site tally of councils stays what a recount of every document would give, whatever
writes a document's facts or sources, on both dialects."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from alembic import command
from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import SITE_EVIDENCE_PREFIX, is_inferred, site_of
from productivity_plans.extract.records import Decision, Facts
from productivity_plans.ingest.records import Document
from productivity_plans.store import Store, accounts, ownership
from productivity_plans.store.accounts import User
from productivity_plans.store.db import make_engine
from productivity_plans.store.facts import facts_from_row
from productivity_plans.store.migrations import alembic_config
from productivity_plans.store.models import FactsRow

BOLSOVER = "E07000033"
BLABY = "E07000129"
SITE = "https://www.bolsover.gov.uk"
OTHER_SITE = "https://democracy.blaby.gov.uk"
BEFORE_TALLY = "0011"  # the head before the site tally

MakeDocument = Callable[..., Document]  # the store conftest's make_document fixture
Tally = Counter[tuple[str, str]]


def _facts(council: str | None, evidence: str = "its letterhead") -> Facts:
    match = CouncilMatch(council, council, "district", 0.9, (evidence,)) if council else None
    return Facts(
        council=match,
        doc_type="plan",
        decision=Decision(None, None, None, "unknown", None, None, None),
    )


def _save(
    store: Store,
    make_document: MakeDocument,
    body: str,
    council: str | None,
    url: str | None,
    *,
    collected: bool = True,
) -> int:
    doc = make_document(body, source=f"/data/{abs(hash(body))}.txt", url=url)
    store.save_document(doc, _facts(council), collected=collected)
    return _document_id(store, doc.provenance.sha256)


def _document_id(store: Store, sha256: str) -> int:
    with store.engine.connect() as connection:
        found = connection.execute(
            text("SELECT id FROM documents WHERE sha256 = :sha"), {"sha": sha256}
        ).scalar()
    assert found is not None
    return int(found)


def _stored_tally(store: Store) -> Tally:
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT site, council_gss, documents FROM site_tally"))
        return Counter({(row.site, row.council_gss): row.documents for row in rows})


def _recount(store: Store) -> Tally:
    """The tally from scratch: every document's least URL and the council of its own evidence."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT f.council_gss, f.council_evidence,"
                " (SELECT min(s.url) FROM sources s WHERE s.document_id = f.document_id) AS url"
                " FROM facts f"
            )
        ).all()
    out: Tally = Counter()
    for row in rows:
        evidence = row.council_evidence
        if isinstance(evidence, str):  # SQLite hands JSON back as text to a plain query
            evidence = json.loads(evidence)
        match = (
            CouncilMatch(row.council_gss, "", "", 0.0, tuple(evidence)) if row.council_gss else None
        )
        site = site_of(row.url)
        if site and match and not is_inferred(match):
            out[(site, match.gss_code)] += 1
    return out


def _officer(store: Store, council: str) -> User:
    return accounts.create_user(
        store,
        f"officer-{council.lower()}@example.org",
        "correct horse battery staple",
        "officer",
        council_gss=council,
    )


def test_the_tally_counts_each_sites_documents_by_the_council_they_name(
    store: Store, make_document: MakeDocument
) -> None:
    _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
    _save(store, make_document, "Bolsover minutes", BOLSOVER, f"{SITE}/minutes")
    _save(store, make_document, "Blaby on Bolsover's site", BLABY, f"{SITE}/partner")
    _save(store, make_document, "Names nobody", None, f"{SITE}/page")
    _save(store, make_document, "No URL", BOLSOVER, None)
    _save(store, make_document, "A shared host", BOLSOVER, "https://www.gov.uk/x")
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 2, ("bolsover.gov.uk", BLABY): 1}
    assert _stored_tally(store) == _recount(store)
    counts = store.site_tally({"bolsover.gov.uk", "blaby.gov.uk"})
    assert set(counts) == {"bolsover.gov.uk"}
    assert {(c.gss_code, c.documents) for c in counts["bolsover.gov.uk"]} == {
        (BOLSOVER, 2),
        (BLABY, 1),
    }


def test_re_extraction_moves_a_document_between_councils_and_out_of_the_tally(
    store: Store, make_document: MakeDocument
) -> None:
    document_id = _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
    store.save_facts(document_id, _facts(BLABY))
    assert _stored_tally(store) == {("bolsover.gov.uk", BLABY): 1} == _recount(store)
    store.save_facts(document_id, _facts(None))
    assert _stored_tally(store) == Counter() == _recount(store)
    store.save_facts(document_id, _facts(BOLSOVER))
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)


def test_saving_a_document_again_with_its_facts_counts_it_once(
    store: Store, make_document: MakeDocument
) -> None:
    doc = make_document("Bolsover plan", source="/data/plan.txt", url=f"{SITE}/plan")
    for _ in range(3):  # unchanged: the facts are replaced each time
        store.save_document(doc, _facts(BOLSOVER))
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)


def test_a_new_url_for_a_stored_document_can_move_it_to_another_site(
    store: Store, make_document: MakeDocument
) -> None:
    """A document is placed by the least of its URLs, so a copy found elsewhere may move it."""
    first = make_document("Bolsover plan", source="/data/plan.txt", url=f"{SITE}/plan")
    store.save_document(first, _facts(BOLSOVER))
    copy = make_document("Bolsover plan", source="/data/copy.txt", url=f"{OTHER_SITE}/plan")
    assert store.save_document(copy) == "duplicate"  # no facts: only the source is new
    assert f"{OTHER_SITE}/plan" < f"{SITE}/plan"
    assert _stored_tally(store) == {("democracy.blaby.gov.uk", BOLSOVER): 1} == _recount(store)


def test_a_correction_of_a_council_moves_its_count(
    store: Store, make_document: MakeDocument
) -> None:
    document_id = _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
    corrected = CouncilMatch(BLABY, "Blaby District Council", "district", 1.0, ("an analyst",))
    store.set_councils({document_id: corrected})
    assert _stored_tally(store) == {("bolsover.gov.uk", BLABY): 1} == _recount(store)


def test_a_council_inferred_from_the_site_is_not_counted(
    store: Store, make_document: MakeDocument
) -> None:
    _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
    unnamed = _save(store, make_document, "Names nobody", None, f"{SITE}/page")
    inferred = CouncilMatch(
        BOLSOVER, "Bolsover District Council", "district", 0.6, (f"{SITE_EVIDENCE_PREFIX} 1",)
    )
    store.set_councils({unnamed: inferred})
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)
    assert [doc.key for doc in store.unsettled_site_documents({"bolsover.gov.uk"})] == [unnamed]
    store.set_councils({unnamed: None})
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)


def test_withdrawing_and_deleting_an_upload_keep_the_tally_right(
    store: Store, make_document: MakeDocument
) -> None:
    """A document that only an upload holds leaves the tally when the draft is deleted."""
    officer = _officer(store, BOLSOVER)
    document_id = _save(
        store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan", collected=False
    )
    _save(store, make_document, "Bolsover minutes", BOLSOVER, f"{SITE}/minutes")
    entry = ownership.record_upload(
        store,
        document_id=document_id,
        council_gss=BOLSOVER,
        filename="plan.txt",
        by=officer,
        outcome="ingested",
        publish=True,
    )
    ownership.withdraw(store, entry.id, officer)
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 2} == _recount(store)
    ownership.delete_draft(store, entry.id, officer)
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)


def test_rebuilding_the_tally_repairs_it(store: Store, make_document: MakeDocument) -> None:
    _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE site_tally SET documents = 7"))
        connection.execute(text("UPDATE facts SET site = 'elsewhere.example'"))
    store.rebuild_site_tally()
    assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 1} == _recount(store)
    assert [c.documents for c in store.site_tally({"bolsover.gov.uk"})["bolsover.gov.uk"]] == [1]


def test_upgrading_builds_the_tally_and_keeps_every_document(
    database_url: str, make_document: MakeDocument
) -> None:
    with Store.open(database_url) as store:
        _save(store, make_document, "Bolsover plan", BOLSOVER, f"{SITE}/plan")
        _save(store, make_document, "Bolsover minutes", BOLSOVER, f"{SITE}/minutes")
        _save(store, make_document, "Blaby papers", BLABY, f"{OTHER_SITE}/x")
        unnamed = _save(store, make_document, "Names nobody", None, f"{SITE}/page")
        inferred = CouncilMatch(BOLSOVER, "B", "district", 0.6, (f"{SITE_EVIDENCE_PREFIX} 2",))
        store.set_councils({unnamed: inferred})
        expected = _recount(store)
        facts_before = _facts_rows(store)
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), BEFORE_TALLY)
        with engine.connect() as connection:
            tables = _tables(connection)
            assert "site_tally" not in tables
    finally:
        engine.dispose()
    with Store.open(database_url) as store:  # upgrades to the head
        assert (
            _stored_tally(store)
            == expected
            == {
                ("bolsover.gov.uk", BOLSOVER): 2,
                ("democracy.blaby.gov.uk", BLABY): 1,
            }
        )
        assert _facts_rows(store) == facts_before
        assert [doc.key for doc in store.unsettled_site_documents({"bolsover.gov.uk"})] == [unnamed]


def _facts_rows(store: Store) -> list[tuple[int, Facts, str | None, bool]]:
    with Session(store.engine) as session:
        rows = session.scalars(select(FactsRow).order_by(FactsRow.document_id)).all()
        return [
            (row.document_id, facts_from_row(row, []), row.site, row.council_inferred)
            for row in rows
        ]


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def test_concurrent_writers_on_one_site_count_every_document(
    database_url: str, make_document: MakeDocument
) -> None:
    """Writers publishing on the same site at once (several ingests on one PostgreSQL) queue on
    the site's tally row rather than losing a count or failing on its key."""
    Store.open(database_url).close()  # migrated once, before the writers start

    def write(writer: int) -> None:
        with Store.open(database_url) as store:
            for i in range(8):
                _save(store, make_document, f"Paper {writer}-{i}", BOLSOVER, f"{SITE}/{writer}/{i}")

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(write, range(3)))
    with Store.open(database_url) as store:
        assert _stored_tally(store) == {("bolsover.gov.uk", BOLSOVER): 24} == _recount(store)
