"""The catalogue's per-generation cache under concurrent requests."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from productivity_plans.store.db import Store
from productivity_plans.web.catalogue import Catalogue


def test_requests_finding_a_value_stale_wait_for_one_computation(tmp_path: Path) -> None:
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.3)
        return len(calls)

    with Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        catalogue = Catalogue(store)
        with ThreadPoolExecutor(max_workers=8) as pool:
            values = list(pool.map(lambda _: catalogue._cached("facts", slow), range(16)))

    assert calls == [1]
    assert values == [1] * 16


def test_public_summaries_read_urls_and_headings_in_bounded_id_lists(
    tmp_path: Path, monkeypatch
) -> None:
    """A national archive lists more documents than a statement may bind (PostgreSQL 65,535
    parameters, SQLite 32,766): the ids go in lists of at most IN_LIST_MAX."""
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.web import catalogue

    items = []
    for i in range(5):
        path = tmp_path / f"d{i}.txt"
        path.write_text(f"Report {i}\n\nThe council's plan number {i} was approved.\n")
        items.append((path, f"https://www.example{i}.gov.uk/plan"))
    with Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        ingest_files(items, store, code=False)
        ids = [s.id for s in store.documents(public_only=False)]
        whole = catalogue.published_urls(store, ids)
        monkeypatch.setattr(catalogue, "IN_LIST_MAX", 2)
        assert catalogue.published_urls(store, ids) == whole
        assert len(whole) == 5


def _slow_fingerprint_reads(store: Store, seconds: float) -> list[float]:
    """Make the store's fingerprint query take ``seconds`` more once it has read the data (as
    on a large archive); the time of every such query is recorded."""
    from sqlalchemy import event

    from productivity_plans.web.catalogue import GENERATION_SQL

    started: list[float] = []

    def after(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.strip() == GENERATION_SQL.strip():
            started.append(time.monotonic())
            time.sleep(seconds)

    event.listen(store.engine, "after_cursor_execute", after)
    return started


def test_requests_arriving_while_the_fingerprint_is_read_keep_the_last_one(
    tmp_path: Path, monkeypatch
) -> None:
    from productivity_plans.web import catalogue as module

    monkeypatch.setattr(module, "GENERATION_TTL", 0.2)
    with Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        catalogue = Catalogue(store)
        last = catalogue.generation()
        reads = _slow_fingerprint_reads(store, 0.5)
        time.sleep(0.3)  # the fingerprint is due

        def timed(_: int) -> tuple[tuple[int, ...], float]:
            began = time.monotonic()
            return catalogue.generation(), time.monotonic() - began

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(timed, range(8)))

    assert len(reads) == 1
    assert all(value == last for value, _ in results)
    waited = sorted(seconds for _, seconds in results)
    assert waited[-1] >= 0.5  # the one that read it
    assert waited[-2] < 0.25  # the others kept the last one


def _store_a_document(store: Store, folder: Path, text: str) -> None:
    from productivity_plans.pipeline import ingest_files

    path = folder / f"{abs(hash(text))}.txt"
    path.write_text(f"Report\n\n{text}\n")
    assert ingest_files([(path, None)], store, code=False).ok


def test_after_a_write_every_request_waits_for_one_fresh_fingerprint(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        catalogue = Catalogue(store)
        before = catalogue.generation()
        _store_a_document(store, tmp_path, "A new document.")
        catalogue.invalidate()
        reads = _slow_fingerprint_reads(store, 0.3)

        with ThreadPoolExecutor(max_workers=8) as pool:
            values = list(pool.map(lambda _: catalogue.generation(), range(8)))

    assert len(reads) == 1
    assert len(set(values)) == 1 and values[0] != before


def test_a_fingerprint_read_before_a_write_is_not_kept_after_it(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        catalogue = Catalogue(store)
        reads = _slow_fingerprint_reads(store, 0.4)
        with ThreadPoolExecutor(max_workers=1) as pool:
            early = pool.submit(catalogue.generation)  # reads the data as they were
            while not reads:
                time.sleep(0.01)
            _store_a_document(store, tmp_path, "Written while the fingerprint was read.")
            catalogue.invalidate()
            before = early.result()
        after = catalogue.generation()

    assert len(reads) == 2
    assert after != before
