"""Fixtures for the web app: a store seeded from the bundled examples plus one hostile document,
three accounts, an in-process client, a live server on a free loopback port, and Chromium.

The seeded store is built once per session (ingest takes a few seconds); tests that change it
(uploads) only add documents, so order does not matter.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from productivity_plans.ingest.files import load_manifest
from productivity_plans.pipeline import ingest_files
from productivity_plans.store import accounts
from productivity_plans.store.db import Store
from productivity_plans.web import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery staple"
OFFICER_COUNCIL = "E07000033"  # Bolsover: one of the bundled examples is its committee report
OTHER_COUNCIL = "E08000025"  # Birmingham
SECRET = "test-secret-key-" + "x" * 32
LONG_LINE = "overlong" * 1250  # 10,000 characters, no spaces
HOSTILE_TEXT = (
    "Hostile test document\n\n"
    "Productivity plan <script>window.__pwned = true</script> wording.\n\n"
    'An image <img src=x onerror="window.__pwned = true"> in productivity text.\n\n'
    f"{LONG_LINE}\n\n"
    "A stray \ue000 private mark in productivity prose.\n"
)


@dataclass(frozen=True)
class Seeded:
    url: str
    root: Path
    hostile_id: int
    bolsover_id: int


def _examples() -> list[tuple[Path, str | None]]:
    import productivity_plans.examples as examples

    root = Path(examples.__path__[0]) if hasattr(examples, "__path__") else Path()
    return load_manifest(root / "manifest.jsonl")


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    root = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{root / 'web.sqlite'}"
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    with Store.open(url) as store:
        report = ingest_files([*_examples(), (hostile, None)], store)
        assert report.ok, report.failed
        for email, role, council in (
            ("admin@example.org", "admin", None),
            ("analyst@example.org", "analyst", None),
            ("officer@example.org", "officer", OFFICER_COUNCIL),
        ):
            accounts.create_user(store, email, PASSWORD, role, council_gss=council)
        ids = {d.title or d.source or "": d.id for d in store.documents()}
        hostile_id = next(
            d.id for d in store.documents() if (d.source or "").endswith("hostile.txt")
        )
        bolsover_id = next(d.id for d in store.documents() if "seed_000" in (d.source or ""))
        assert ids
    return Seeded(url, root, hostile_id, bolsover_id)


def make_app(seeded: Seeded, **kwargs: Any) -> FastAPI:
    # The dashboard refreshes in the background as soon as the data change (not after 10 s),
    # so a test can wait for it (``dashboard_settled``).
    kwargs.setdefault("dashboard_refresh", 0.0)
    return create_app(seeded.url, secret_key=SECRET, uploads_dir=seeded.root / "uploads", **kwargs)


def dashboard_settled(client: TestClient) -> None:
    """Let the dashboard take in the latest change: its refresh runs in the background, and
    the request that notices a change is still served the snapshot before it."""
    board = getattr(client.app.state, "dashboard", None)  # type: ignore[attr-defined]
    if board is not None:
        board.current()
        board.wait(timeout=300)


@pytest.fixture(scope="session")
def app(seeded: Seeded) -> FastAPI:
    return make_app(seeded)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A fresh visitor (no cookies) talking to the app over http on loopback."""
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    import re

    page = client.get(path).text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def sign_in(client: TestClient, email: str) -> str:
    """Sign in and return the session's CSRF token."""
    token = csrf_of(client)
    response = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client, "/")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(seeded: Seeded) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(make_app(seeded), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed at /usr/bin/chromium", pytrace=False)
        pytest.skip("Chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_page(browser: Any, live_server: str) -> Iterator[Any]:
    """A tab that lets axe-core be injected despite the app's CSP (nothing else differs)."""
    context = browser.new_context(
        base_url=live_server, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    tab = context.new_page()
    yield tab
    context.close()
