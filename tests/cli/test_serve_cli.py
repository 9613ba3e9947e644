"""``prodplans serve`` as a real process: it stops within 10 s of SIGTERM, whatever is running."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited while starting"
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("the server did not start within 60 s")


def test_sigterm_stops_serve_within_ten_seconds_while_a_request_is_still_running(
    tmp_path: Path,
) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(FIXTURES / "serve_with_a_slow_page.py"),
            *("serve", "--port", str(port), "--db", str(tmp_path / "store.sqlite")),
        ],
        env=os.environ | {"PRODPLANS_DATA_DIR": str(tmp_path / "data")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/", server)
        slow = threading.Thread(
            target=lambda: _ignore_errors(f"http://127.0.0.1:{port}/slow"), daemon=True
        )
        slow.start()
        time.sleep(1.0)  # the slow page is now computing in the server
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        assert time.monotonic() - started < 10
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def _ignore_errors(url: str) -> None:
    with contextlib.suppress(OSError):  # the server goes away mid-request: expected here
        urllib.request.urlopen(url, timeout=120).close()
