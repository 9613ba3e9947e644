"""Search of a query that matches more than the ranking window: full pages, honest totals.

PostgreSQL ranks the first ``PG_CANDIDATES`` matches (``store/search.py``); SQLite ranks every
match inside FTS5 and filters a window of the best. Both must give a broad query full pages of
hits best first, pages that follow one another, and a total that says "more than" its cap, and
neither may let drafts take a public page's places however many of them match first.
"""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from productivity_plans.store import Store
from productivity_plans.store.migrations import alembic_config
from productivity_plans.store.search import COUNT_CAP, PG_CANDIDATES

# More matches than any first window, in one document of one block per paragraph.
BROAD = PG_CANDIDATES + 200


def _document_of_notes(make_document, count: int, words: str, source: str):
    notes = "\n\n".join(f"Note {n} on {words}." for n in range(count))
    return make_document(notes, source=source, title=source)


def test_a_broad_query_gets_a_full_first_page_best_first_and_a_total_beyond_the_cap(
    store: Store, make_document
) -> None:
    # The best match is stored among the first: on PostgreSQL a query matching more than the
    # window is ranked among its first matches in storage order (docs/scale.md).
    store.save_document(_document_of_notes(make_document, 10, "a settlement", "/first.pdf"))
    store.save_document(
        make_document("Settlement, settlement and settlement.", source="/dense.pdf")
    )
    store.save_document(_document_of_notes(make_document, BROAD, "a settlement", "/notes.pdf"))

    hits = store.search("settlement", limit=20)
    total = store.count_matches("settlement")

    assert len(hits) == 20
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].text == "Settlement, settlement and settlement."
    assert (total.count, total.more, str(total)) == (COUNT_CAP, True, "more than 1,000")


def test_pages_of_a_broad_query_never_repeat_a_hit_up_to_the_cap(
    store: Store, make_document
) -> None:
    store.save_document(_document_of_notes(make_document, BROAD, "a settlement", "/notes.pdf"))

    seen: list[int] = []
    for offset in range(0, COUNT_CAP + 100, 100):
        page = store.search("settlement", limit=100, offset=offset)
        assert len(page) == 100  # every page up to the cap and beyond it is full
        seen += [h.block_id for h in page]

    assert len(seen) == len(set(seen))


def test_drafts_matching_first_never_leave_a_public_page_or_total_short(
    store: Store, make_document
) -> None:
    # A draft whose blocks are the first matches in storage order, more of them than a
    # window holds, then the public matches.
    draft = _document_of_notes(make_document, BROAD, "a settlement", "/draft.pdf")
    store.save_document(draft, collected=False)
    public = [
        _document_of_notes(make_document, 1, f"settlement {n}", f"/public-{n}.pdf")
        for n in range(3)
    ]
    for document in public:
        store.save_document(document)

    hits = store.search("settlement", limit=10)

    assert sorted(h.source for h in hits) == ["/public-0.pdf", "/public-1.pdf", "/public-2.pdf"]
    assert store.count_matches("settlement").count == 3
    assert store.count_matches("settlement", public_only=False).more


def test_an_upgrade_bounds_the_fulltext_index_pending_list_and_keeps_the_blocks(
    database_url: str, make_document
) -> None:
    with Store.open(database_url) as store:
        store.save_document(make_document("A settlement kept across the upgrade."))
        postgres = store.dialect == "postgresql"
    before = ScriptDirectory.from_config(alembic_config()).get_revision("0013").down_revision
    assert isinstance(before, str)
    engine = create_engine(database_url)
    try:  # back to the schema before 0013, as a store made by older code
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), before)
            if postgres:
                assert _pending_list_limit(connection) is None
    finally:
        engine.dispose()

    with Store.open(database_url) as store:  # the upgrade
        assert [h.text for h in store.search("settlement")] == [
            "A settlement kept across the upgrade."
        ]
        if postgres:
            with store.engine.connect() as connection:
                assert _pending_list_limit(connection) == "256"


def _pending_list_limit(connection) -> str | None:
    options = connection.scalar(
        text("SELECT reloptions FROM pg_class WHERE oid = CAST('ix_blocks_tsv' AS regclass)")
    )
    found = dict(o.split("=", 1) for o in options or [])
    return found.get("gin_pending_list_limit")


def test_a_page_tells_the_same_total_as_a_count_whenever_it_tells_one(
    store: Store, make_document
) -> None:
    # A draft among the first matches: a window's public matches are fewer than its matches.
    store.save_document(
        _document_of_notes(make_document, 30, "a settlement", "/draft.pdf"), collected=False
    )
    store.save_document(_document_of_notes(make_document, BROAD, "a settlement", "/notes.pdf"))
    store.save_document(_document_of_notes(make_document, 7, "a grant", "/grants.pdf"))
    # Drafts fill most of a first window; the public matches are fewer than the cap.
    store.save_document(
        _document_of_notes(make_document, COUNT_CAP - 10, "a levy", "/levy-draft.pdf"),
        collected=False,
    )
    store.save_document(_document_of_notes(make_document, 500, "a levy", "/levy.pdf"))

    cases = [
        ("levy", {}, 0),
        ("levy", {}, 480),
        ("settlement", {}, 0),
        ("settlement", {"public_only": False}, 0),
        ("settlement", {}, COUNT_CAP),
        ("grant", {}, 0),
        ("grant", {"limit": 3}, 3),
        ("grant", {}, 40),
        ("nothing matches this", {}, 0),
    ]
    for query, options, offset in cases:
        page = store.search_page(query, offset=offset, **options)
        public_only = options.get("public_only", True)
        counted = store.count_matches(query, public_only=public_only)
        assert page.total in (None, counted), (query, options, offset)
    told = store.search_page("settlement", public_only=False).total
    if store.dialect == "postgresql":  # the window held more than the cap: no count needed
        assert told == store.count_matches("settlement", public_only=False)
    assert store.search_page("grant").total == store.count_matches("grant")
