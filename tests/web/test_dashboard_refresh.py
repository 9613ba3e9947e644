"""The dashboard under load: a snapshot is reused, refreshed in the background at most every
few seconds, never rebuilt inside requests that many clients wait on, and its age is shown."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from productivity_plans.sector.snapshot import SectorSnapshot
from productivity_plans.store.accounts import write_audit
from productivity_plans.store.db import Store
from productivity_plans.web.dashboard import Dashboard, Filters
from tests.sector.hand_built import hand_built
from tests.web.conftest import Seeded, make_app


class Data:
    """A stand-in for the store's contents: a generation to bump and a loader that counts its
    calls and, when asked, blocks until released (a slow rebuild)."""

    def __init__(self) -> None:
        self.generation = 1
        self.loads = 0
        self.block = threading.Event()
        self.block.set()
        self.started = threading.Event()

    def fingerprint(self, _store: Store) -> tuple[int]:
        return (self.generation,)

    def load(self, _store: Store) -> SectorSnapshot:
        self.loads += 1
        self.started.set()
        assert self.block.wait(timeout=60)
        return hand_built()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'dash.sqlite'}") as opened:
        yield opened


def board_for(store: Store, data: Data, refresh_after: float = 0) -> Dashboard:
    return Dashboard(
        store,
        loader=data.load,
        fingerprint=data.fingerprint,
        refresh_after=refresh_after,
        check_every=0,
    )


def test_requests_during_a_rebuild_get_the_previous_snapshot_and_one_rebuild_runs(
    store: Store,
) -> None:
    data = Data()
    board = board_for(store, data)
    first = board.view(Filters())
    data.generation, data.loads = 2, 0
    data.block.clear()  # the rebuild will take until released
    data.started.clear()

    board.view(Filters())  # notices the change and starts the rebuild
    assert data.started.wait(timeout=30)
    with ThreadPoolExecutor(max_workers=8) as pool:
        served = list(pool.map(lambda _: board.view(Filters()), range(40)))

    assert all(view is first for view in served)
    assert board.rebuilding and data.loads == 1
    data.block.set()
    board.wait(timeout=60)
    fresh = board.view(Filters())
    assert fresh is not first and fresh.as_of is not None and first.as_of is not None
    assert fresh.as_of > first.as_of
    assert data.loads == 1


def test_a_snapshot_younger_than_the_refresh_interval_is_kept_though_the_data_changed(
    store: Store,
) -> None:
    data = Data()
    board = board_for(store, data, refresh_after=3600)
    first = board.view(Filters())
    data.generation = 2

    assert board.view(Filters()) is first
    assert not board.rebuilding and data.loads == 1


def test_views_asked_for_before_a_rebuild_are_ready_after_it(store: Store) -> None:
    data = Data()
    board = board_for(store, data)
    board.view(Filters("non_metropolitan_district", None))
    data.generation = 2

    board.view(Filters())
    board.wait(timeout=60)

    built = board.current()
    assert Filters("non_metropolitan_district", None) in built.views


def test_a_withdrawal_is_never_served_from_the_previous_snapshot(store: Store) -> None:
    data = Data()
    board = board_for(store, data, refresh_after=3600)
    first = board.view(Filters())
    with Session(store.engine) as session, session.begin():
        write_audit(session, None, "document.withdraw", "document:1", {})

    after = board.view(Filters())  # waits for the rebuild: nothing withdrawn may be shown

    assert after is not first and data.loads == 2
    assert board.view(Filters()) is after  # and only once


def test_other_audit_rows_do_not_hold_up_a_request(store: Store) -> None:
    data = Data()
    board = board_for(store, data, refresh_after=3600)
    first = board.view(Filters())
    with Session(store.engine) as session, session.begin():
        write_audit(session, None, "account.sign_in_failed", "someone@example.org", {})

    assert board.view(Filters()) is first and data.loads == 1


def test_the_dashboard_page_says_when_its_figures_were_read(seeded: Seeded) -> None:
    data = Data()
    app = make_app(seeded)
    with Store.open(seeded.url) as store:
        app.state.dashboard = board_for(store, data, refresh_after=3600)
        with TestClient(app, base_url="http://127.0.0.1") as client:
            html = client.get("/dashboard").text
    as_of = app.state.dashboard.current().as_of
    shown = re.search(r'Figures as of <time datetime="([^"]+)">(\d\d:\d\d:\d\d) UTC</time>', html)
    assert shown, "the page should say when its figures were read"
    assert datetime.fromisoformat(shown.group(1)) == as_of.replace(microsecond=0)
    assert shown.group(2) == as_of.strftime("%H:%M:%S")
    assert (datetime.now(UTC) - as_of).total_seconds() < 600
