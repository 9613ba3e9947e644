"""Saving documents: one row per content, one source per place seen, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from productivity_plans.store import Store, db
from productivity_plans.store.models import BlockRow, DocumentRow, PageRow, SourceRow

PAGE_ONE = "Productivity plan\n\nWe will move to a single year settlement for parks."
PAGE_TWO = "Barriers\n\nData sharing with health partners is slow and costly for us."


def _count(store: Store, model: type) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model)) or 0


def _all_counts(store: Store) -> dict[str, int]:
    return {
        model.__tablename__: _count(store, model)
        for model in (DocumentRow, SourceRow, PageRow, BlockRow)
    }


def test_saving_a_document_stores_its_text_pages_and_blocks(store: Store, make_document) -> None:
    doc = make_document(PAGE_ONE, PAGE_TWO)

    assert store.save_document(doc) == "new"

    with store.engine.connect() as connection:
        row = connection.execute(select(DocumentRow)).one()
        pages = connection.execute(select(PageRow).order_by(PageRow.number)).all()
        blocks = connection.execute(select(BlockRow).order_by(BlockRow.ordinal)).all()
    assert row.text == doc.text
    assert row.sha256 == doc.provenance.sha256
    assert (row.page_count, row.chars, row.status) == (2, len(doc.text), "ok")
    assert row.warnings == ["made in a test"]
    assert [(p.number, p.start, p.end) for p in pages] == [
        (p.number, p.start, p.end) for p in doc.parsed.pages
    ]
    assert [b.text for b in blocks] == [doc.parsed.block_text(b) for b in doc.parsed.blocks]
    assert [b.page for b in blocks] == [1, 1, 2, 2]
    assert [b.kind for b in blocks] == ["heading", "paragraph", "heading", "paragraph"]
    assert all(doc.text[b.start : b.end] == b.text for b in blocks)


def test_a_document_without_text_is_stored_as_no_text_layer(store: Store, make_document) -> None:
    doc = make_document("   ")

    assert store.save_document(doc) == "new"

    assert store.stats().no_text_layer == 1
    assert store.documents()[0].status == "no_text_layer"


def test_the_same_content_under_a_second_path_is_one_document_with_two_sources(
    store: Store, make_document
) -> None:
    first = make_document(PAGE_ONE, source="/data/a/plan.pdf")
    second = make_document(PAGE_ONE, source="/data/b/copy of plan.pdf", url="https://x.gov.uk/p")

    assert store.save_document(first) == "new"
    assert store.save_document(second) == "duplicate"

    assert _all_counts(store) == {"documents": 1, "sources": 2, "pages": 1, "blocks": 2}
    with store.engine.connect() as connection:
        sources = connection.execute(select(SourceRow.source, SourceRow.url)).all()
    assert sorted(sources) == [
        ("/data/a/plan.pdf", None),
        ("/data/b/copy of plan.pdf", "https://x.gov.uk/p"),
    ]


def test_saving_the_same_file_again_is_unchanged_and_refreshes_last_seen(
    store: Store, make_document
) -> None:
    earlier = datetime(2024, 7, 1, 9, 0, tzinfo=UTC)
    later = earlier + timedelta(days=30)
    store.save_document(make_document(PAGE_ONE, ingested_at=earlier, mtime=100.0))

    outcome = store.save_document(make_document(PAGE_ONE, ingested_at=later, mtime=200.0))

    assert outcome == "unchanged"
    assert _all_counts(store) == {"documents": 1, "sources": 1, "pages": 1, "blocks": 2}
    with store.engine.connect() as connection:
        source = connection.execute(select(SourceRow)).one()
    assert (source.first_seen, source.last_seen, source.mtime) == (earlier, later, 200.0)


def _unchanged(store: Store, path: str, size: int, mtime: float | None) -> bool:
    return store.unchanged_sources({path: (size, mtime)}) == {path}


def test_a_source_is_unchanged_only_for_the_same_path_size_and_mtime(
    store: Store, make_document
) -> None:
    doc = make_document(PAGE_ONE, source="/data/plan.pdf", size=1234, mtime=1000.5)
    assert not _unchanged(store, "/data/plan.pdf", 1234, 1000.5)  # nothing stored yet

    store.save_document(doc)

    assert _unchanged(store, "/data/plan.pdf", 1234, 1000.5)
    assert not _unchanged(store, "/data/plan.pdf", 1235, 1000.5)  # size differs
    assert not _unchanged(store, "/data/plan.pdf", 1234, 1001.0)  # touched
    assert not _unchanged(store, "/data/other.pdf", 1234, 1000.5)  # another path
    assert not _unchanged(store, "/data/plan.pdf", 1234, None)  # no mtime to vouch


def test_a_source_is_judged_by_the_latest_content_at_its_path(store: Store, make_document) -> None:
    start = datetime(2024, 7, 1, tzinfo=UTC)
    store.save_document(make_document(PAGE_ONE, size=10, mtime=1.0, ingested_at=start))
    store.save_document(
        make_document(PAGE_TWO, size=20, mtime=2.0, ingested_at=start + timedelta(hours=1))
    )

    assert _unchanged(store, "/data/borsetshire/productivity-plan.pdf", 20, 2.0)
    assert not _unchanged(store, "/data/borsetshire/productivity-plan.pdf", 10, 1.0)


def test_a_batch_of_sources_is_checked_at_once_across_query_chunks(
    store: Store, make_document
) -> None:
    for i in range(0, 1200, 100):  # every 100th of 1,200 paths is stored; queries take 500
        store.save_document(make_document(f"Page {i}", source=f"/data/{i}.pdf", size=i, mtime=1.0))
    stats: dict[str, tuple[int, float | None]] = {f"/data/{i}.pdf": (i, 1.0) for i in range(1200)}
    stats["/data/300.pdf"] = (300, 2.0)  # touched since
    stats["/data/400.pdf"] = (400, None)  # nothing to vouch for

    unchanged = store.unchanged_sources(stats)

    assert unchanged == {f"/data/{i}.pdf" for i in range(0, 1200, 100)} - {
        "/data/300.pdf",
        "/data/400.pdf",
    }


def test_a_failure_part_way_through_a_save_leaves_no_rows(
    store: Store, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert_blocks = db._insert_blocks

    def insert_blocks_then_fail(*args: object) -> None:
        real_insert_blocks(*args)  # type: ignore[arg-type]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(db, "_insert_blocks", insert_blocks_then_fail)

    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save_document(make_document(PAGE_ONE, PAGE_TWO))

    assert _all_counts(store) == {"documents": 0, "sources": 0, "pages": 0, "blocks": 0}
    assert store.search("settlement") == []  # the FTS index rolled back too
    monkeypatch.undo()
    assert store.save_document(make_document(PAGE_ONE, PAGE_TWO)) == "new"


def test_a_database_error_part_way_through_a_save_leaves_no_rows(
    store: Store, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are written, then a block the database rejects (page 0) aborts the save."""
    doc = make_document(PAGE_ONE)
    bad = type(doc.parsed.blocks[0])(doc.parsed.blocks[0].kind, 0, 0, 5)
    doc.parsed.blocks.append(bad)
    monkeypatch.setattr(db, "check_offsets", lambda parsed: None)  # let it reach the database

    with pytest.raises(IntegrityError):
        store.save_document(doc)

    assert _all_counts(store) == {"documents": 0, "sources": 0, "pages": 0, "blocks": 0}


def test_blocks_pointing_outside_the_text_are_rejected_before_writing(
    store: Store, make_document
) -> None:
    doc = make_document(PAGE_ONE)
    block = doc.parsed.blocks[0]
    doc.parsed.blocks.append(type(block)(block.kind, 1, 0, len(doc.text) + 1))

    with pytest.raises(ValueError, match="outside the text"):
        store.save_document(doc)

    assert _count(store, DocumentRow) == 0


def test_a_save_that_loses_a_race_to_another_writer_is_retried_and_reports_unchanged(
    store: Store, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process committed the same file between our lookup and our insert."""
    doc = make_document(PAGE_ONE)
    store.save_document(doc)
    real_find = db._find_document
    calls: list[str] = []

    def miss_once(session: object, sha256: str) -> int | None:
        calls.append(sha256)
        return None if len(calls) == 1 else real_find(session, sha256)  # type: ignore[arg-type]

    monkeypatch.setattr(db, "_find_document", miss_once)

    assert store.save_document(doc) == "unchanged"
    assert len(calls) == 2
    assert _all_counts(store) == {"documents": 1, "sources": 1, "pages": 1, "blocks": 2}


def test_two_stores_writing_at_once_both_succeed_and_agree(
    database_url: str, store: Store, make_document
) -> None:
    """Two ingest processes on one database: writers queue instead of failing."""
    from concurrent.futures import ThreadPoolExecutor

    shared = make_document(PAGE_ONE, source="/shared.pdf")
    with Store.open(database_url) as other:

        def ingest(target: Store, prefix: str) -> list[str]:
            outcomes = [target.save_document(shared)]
            for n in range(10):
                outcomes.append(target.save_document(make_document(f"{prefix} page {n}")))
            return outcomes

        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(ingest, [store, other], ["first", "second"]))

    assert sorted(r[0] for r in results) == ["new", "unchanged"]
    assert all(outcome == "new" for r in results for outcome in r[1:])
    assert store.stats().documents == 21
