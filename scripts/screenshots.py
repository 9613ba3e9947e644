"""Screenshots of every page at desktop (1280 px) and mobile (390 px) widths → docs/screenshots/.

Seeds a throwaway SQLite store from the bundled examples, serves the app on a free loopback port
and drives Debian's Chromium with Playwright (never `playwright install`).

    PYTHONPATH=src .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from productivity_plans.ingest.files import load_manifest
from productivity_plans.pipeline import ingest_files
from productivity_plans.store import accounts, codes, workspace
from productivity_plans.store.db import Store
from productivity_plans.web import create_app

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
EXAMPLES = ROOT / "src" / "productivity_plans" / "examples" / "manifest.jsonl"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "screenshots only, not a real password"
WIDTHS = {"desktop": 1280, "mobile": 390}


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="prodplans-shots-"))
    url = f"sqlite:///{work / 'shots.sqlite'}"
    with Store.open(url) as store:
        ingest_files(load_manifest(EXAMPLES), store)
        officer = accounts.create_user(
            store, "officer@example.org", PASSWORD, "officer", council_gss="E07000033"
        )
        accounts.create_user(store, "analyst@example.org", PASSWORD, "analyst")
        update_id = _seed_workspace(store, officer)
        bolsover_id = next(d.id for d in store.documents() if "seed_000" in (d.source or ""))
        document_id = store.documents()[0].id
        # The document with the most coded passages shows the inline highlights best.
        coded = Counter(
            p.document_id
            for p in codes.effective_passages(store)
            if p.kind == "council" and p.values("heading")
        )
        coded_id = coded.most_common(1)[0][0] if coded else document_id
    draft = work / "draft-productivity-plan.txt"
    draft.write_text(
        "Bolsover District Council\n\nDraft productivity plan, for Cabinet in July 2024.\n",
        encoding="utf-8",
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(url, secret_key="screenshots-" + "x" * 32, uploads_dir=work / "uploads")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    pages = {
        "overview": "/",
        "councils": "/councils?documents=yes",
        "council": "/councils/E07000033",
        "documents": "/documents",
        "document": f"/documents/{document_id}",
        "search": "/search?q=productivity+plan",
        "search-meaning": "/search?q=money+comes+one+year+at+a+time&mode=meaning",
        "council-governance": "/councils/E07000033#governance",
        "council-coded": "/councils/E07000033#coded",
        "document-coded": f"/documents/{coded_id}#page-1",
        "compliance": "/compliance",
        "compare": "/compare?a=E07000033&b=E09000016",
        "login": "/login",
        "council-progress": "/councils/E07000033#progress",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for label, width in WIDTHS.items():
            context = browser.new_context(base_url=base, viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path)
                page.screenshot(path=str(OUT / f"{name}-{label}.png"), full_page=False)
            page.goto("/login")
            page.fill("#email", "officer@example.org")
            page.fill("#password", PASSWORD)
            page.click("button:has-text('Sign in')")
            page.wait_for_url("**/")
            page.goto("/upload")
            page.screenshot(path=str(OUT / f"upload-{label}.png"))
            page.set_input_files("#files", [str(draft)])
            page.fill("#title", f"Draft productivity plan ({label})")
            page.click("#upload-form button[type=submit]")
            page.wait_for_selector("#upload-results table")
            page.goto("/uploads")
            page.screenshot(path=str(OUT / f"my-uploads-{label}.png"))
            page.goto("/workspace/E07000033")
            page.screenshot(path=str(OUT / f"workspace-{label}.png"))
            page.goto(f"/workspace/E07000033/progress/{update_id}")
            page.screenshot(path=str(OUT / f"workspace-update-{label}.png"))
            page.goto(f"/workspace/E07000033/documents/{bolsover_id}/check")
            page.screenshot(path=str(OUT / f"workspace-check-{label}.png"))
            context.clear_cookies()  # sign out (the button is in the collapsed menu on phones)
            page.goto("/login")
            page.fill("#email", "analyst@example.org")
            page.fill("#password", PASSWORD)
            page.click("button:has-text('Sign in')")
            page.wait_for_url("**/")
            page.goto("/review")
            page.screenshot(path=str(OUT / f"review-{label}.png"))
            page.goto("/review/disputes")
            page.screenshot(path=str(OUT / f"disputes-{label}.png"))
            context.close()
        browser.close()
    server.should_exit = True
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


def _seed_workspace(store: Store, officer: accounts.User) -> int:
    """What the council workspace shots show: recorded steps, a published update, a dispute."""
    from datetime import date

    gss = "E07000033"
    workspace.record_step(
        store,
        officer,
        gss,
        "decision",
        body="Executive",
        day=date(2024, 7, 8),
        outcome="approved",
        url="https://www.bolsover.gov.uk/executive-8-july-2024",
    )
    workspace.record_step(store, officer, gss, "submission", day=date(2024, 7, 18))
    update_id = workspace.create_update(store, officer, gss, "Autumn 2024")
    workspace.add_action(store, officer, update_id, "Shared HR and payroll service", "done")
    workspace.add_action(store, officer, update_id, "Digital front door", "delayed")
    values = [
        workspace.check_measure("Transactions completed online", day, value, unit="%")
        for day, value in (("2024-03-31", "31"), ("2024-06-30", "38"), ("2024-09-30", "46.5"))
    ]
    workspace.add_values(store, officer, update_id, values)
    workspace.publish_update(store, officer, update_id)
    workspace.raise_dispute(
        store,
        officer,
        gss,
        "The plan was submitted on 18 July; see our recorded submission.",
        requirement="submitted",
    )
    return update_id


if __name__ == "__main__":
    sys.exit(main())
