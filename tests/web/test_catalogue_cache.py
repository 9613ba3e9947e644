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
