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
