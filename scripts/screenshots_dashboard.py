"""Screenshots of the sector dashboard and downloads at 1280 px and 390 px → docs/screenshots/.

Kept apart from ``scripts/screenshots.py`` (same set-up: a throwaway store from the bundled
examples, uvicorn on a free loopback port, Debian's Chromium). Each page is shot twice: the
first screen (``dashboard-desktop.png``, committed) and the whole page (``…-full.png``, written
to the temporary work directory for looking at, not committed: several MB each).

    PYTHONPATH=src .venv/bin/python scripts/screenshots_dashboard.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import CHROMIUM_ARGS, EXAMPLES, OUT, WIDTHS

from productivity_plans.ingest.files import load_manifest
from productivity_plans.pipeline import ingest_files
from productivity_plans.store.db import Store
from productivity_plans.web import create_app

PAGES = {"dashboard": "/dashboard", "downloads": "/downloads"}


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="prodplans-dash-shots-"))
    url = f"sqlite:///{work / 'shots.sqlite'}"
    with Store.open(url) as store:
        ingest_files(load_manifest(EXAMPLES), store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(url, secret_key="screenshots-" + "x" * 32, uploads_dir=work / "uploads")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for label, width in WIDTHS.items():
            context = browser.new_context(
                base_url=f"http://127.0.0.1:{port}", viewport={"width": width, "height": 900}
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(path, timeout=120_000)
                page.screenshot(path=str(OUT / f"{name}-{label}.png"))
                page.screenshot(path=str(work / f"{name}-{label}-full.png"), full_page=True)
            context.close()
        browser.close()
    server.should_exit = True
    print(f"wrote {len(PAGES) * len(WIDTHS)} screenshots to {OUT}, full pages in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
