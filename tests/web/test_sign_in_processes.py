"""Sign-in limits hold across server processes: two real ``prodplans serve`` processes on the
same store (SQLite file and PostgreSQL), talked to over HTTP, share one count of failures."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from productivity_plans.store import accounts
from productivity_plans.store.db import Store
from tests.web.conftest import PASSWORD, SECRET

NEW_PASSWORD = "a different long passphrase"


@dataclass(frozen=True)
class TwoServers:
    url: str  # the database
    first: str
    second: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited while starting"
        try:
            httpx.get(base + "/login", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError("the server did not start within 120 s")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def servers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TwoServers]:
    root = tmp_path_factory.mktemp("two-servers")
    if request.param == "sqlite":
        url = f"sqlite:///{root / 'shared.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_server").create_namespace()
    with Store.open(url) as store:
        for name in ("split", "burst", "moved"):
            accounts.create_user(store, f"{name}@example.org", PASSWORD, "analyst")
    env = os.environ | {"PRODPLANS_SECRET_KEY": SECRET, "PRODPLANS_DATA_DIR": str(root)}
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "productivity_plans", "serve", "--port", str(port), "--db", url],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        yield TwoServers(url, *bases)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        if request.param == "postgresql":
            request.getfixturevalue("postgres_server").drop_namespace(url)


def _client(base: str) -> httpx.Client:
    return httpx.Client(base_url=base, timeout=60)


def _token(client: httpx.Client, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match
    return match.group(1)


def _login(client: httpx.Client, email: str, password: str, token: str | None = None) -> int:
    data = {"email": email, "password": password, "csrf_token": token or _token(client)}
    return client.post("/login", data=data).status_code


def test_failures_counted_by_one_process_refuse_sign_in_at_the_other(
    servers: TwoServers,
) -> None:
    email = "split@example.org"
    with _client(servers.first) as first, _client(servers.second) as second:
        assert [_login(first, email, "wrong guess") for _ in range(3)] == [401] * 3
        assert [_login(second, email, "wrong guess") for _ in range(2)] == [401] * 2
        assert _login(first, email, PASSWORD) == 429
        assert _login(second, email, PASSWORD) == 429


def test_a_burst_of_parallel_guesses_at_both_processes_gets_only_the_limit_checked(
    servers: TwoServers,
) -> None:
    email = "burst@example.org"
    clients = [_client(servers.first if n % 2 else servers.second) for n in range(12)]
    tokens = [_token(client) for client in clients]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def guess(client: httpx.Client, token: str) -> None:
        start.wait()
        statuses.append(_login(client, email, "wrong guess", token))

    threads = [
        threading.Thread(target=guess, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    assert sorted(statuses) == [401] * 5 + [429] * 7
    with Store.open(servers.url) as store:
        reasons = [
            e.detail["reason"]
            for e in accounts.audit_entries(store)
            if e.action == "user.login_failed" and e.detail["account"] == email
        ]
    assert sorted(reasons) == ["throttled"] * 7 + ["wrong password"] * 5


def test_a_password_changed_at_one_process_ends_the_session_at_the_other(
    servers: TwoServers,
) -> None:
    email = "moved@example.org"
    with _client(servers.first) as first, _client(servers.second) as second:
        assert _login(first, email, PASSWORD) == 303
        second.cookies = first.cookies  # the same session, presented to the other process
        assert second.get("/account/password").status_code == 200
        data = {
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
            "csrf_token": _token(second, "/account/password"),
        }
        assert second.post("/account/password", data=data).status_code == 200
        assert first.get("/account/password").status_code == 303  # sent to sign in
        assert second.get("/account/password").status_code == 200
