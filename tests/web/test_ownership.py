"""The public record is sacred: an officer's upload is a private draft until published, never
moves another council's document, and only its council (and analysts and admins) can see or
change it. Real SQLite file, the app over HTTP (test client), the CLI as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import productivity_plans
from productivity_plans.pipeline import ingest_files
from productivity_plans.store import accounts
from productivity_plans.store.db import Store
from productivity_plans.web import create_app
from tests.web.conftest import PASSWORD, SECRET, csrf_of, dashboard_settled, sign_in

BOLSOVER = "E07000033"
BLABY = "E07000129"
EXAMPLES = Path(productivity_plans.__file__).resolve().parent / "examples"
# Words no other document has, so any hit or mention is the draft's.
MARKER = "quokkalogistics"
DRAFT_TEXT = (
    "Blaby District Council productivity plan\n\n"
    f"Our {MARKER} programme will transform how waste services are delivered across Blaby, "
    "using technology and data to remove wasteful spend.\n\n"
    "The plan was approved by Cabinet on 15 July 2024 and submitted on 18 July 2024.\n"
)


@dataclass(frozen=True)
class Site:
    url: str
    root: Path
    bolsover_report: int  # collected from a public source, Bolsover's by extraction
    bolsover_bytes: bytes


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("ownership")
    url = f"sqlite:///{root / 'site.sqlite'}"
    report = EXAMPLES / "seed_000_732c119989e847fc.txt"  # a Bolsover committee report
    with Store.open(url) as store:
        assert ingest_files([(report, None)], store).ok
        for email, role, council in (
            ("admin@example.org", "admin", None),
            ("analyst@example.org", "analyst", None),
            ("bolsover@example.org", "officer", BOLSOVER),
            ("blaby@example.org", "officer", BLABY),
        ):
            accounts.create_user(store, email, PASSWORD, role, council_gss=council)
        [document] = store.documents()
        facts = {f.document_id: f.facts.council_code for f in store.facts()}
    assert facts[document.id] == BOLSOVER
    return Site(url, root, document.id, report.read_bytes())


@pytest.fixture(scope="module")
def app(site: Site) -> FastAPI:
    return create_app(
        site.url, secret_key=SECRET, uploads_dir=site.root / "uploads", dashboard_refresh=0.0
    )


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _upload(
    client: TestClient,
    token: str,
    council: str,
    name: str,
    content: bytes,
    **fields: str,
) -> dict:
    response = client.post(
        "/api/upload",
        data={"council": council, **fields},
        files=[("files", (name, content, "text/plain"))],
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text
    [result] = response.json()["files"]
    return result


def _upload_id(client: TestClient, document_id: int) -> int:
    entries = client.get("/api/uploads").json()
    return next(e["upload_id"] for e in entries if e["document_id"] == document_id)


def _document_ids(client: TestClient, path: str) -> set[int]:
    return {d["id"] for d in client.get(path).json()}


def prodplans(*args: str) -> subprocess.CompletedProcess[str]:
    src = Path(productivity_plans.__file__).resolve().parents[1]
    env = os.environ | {"PYTHONPATH": str(src), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "productivity_plans", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_an_upload_never_moves_another_councils_document(client: TestClient, site: Site) -> None:
    token = sign_in(client, "blaby@example.org")
    result = _upload(client, token, BLABY, "bolsover-copy.txt", site.bolsover_bytes)
    assert result["status"] == "duplicate"
    assert result["document_id"] == site.bolsover_report
    assert result["visibility"] == "draft"
    upload_id = _upload_id(client, site.bolsover_report)

    def check_still_bolsovers(public: TestClient) -> None:
        assert public.get(f"/api/documents/{site.bolsover_report}").json()["council_gss"] == (
            BOLSOVER
        )
        assert site.bolsover_report in _document_ids(public, f"/api/documents?council={BOLSOVER}")
        bolsover_page = public.get(f"/councils/{BOLSOVER}").text
        assert f"/documents/{site.bolsover_report}" in bolsover_page

    with TestClient(client.app, base_url="http://127.0.0.1") as public:
        check_still_bolsovers(public)
        assert site.bolsover_report not in _document_ids(public, f"/api/documents?council={BLABY}")
        # Published, Blaby's link makes it a shared document: listed for both, moved from none.
        client.post(f"/api/uploads/{upload_id}/publish", headers={"X-CSRF-Token": token})
        check_still_bolsovers(public)
        assert site.bolsover_report in _document_ids(public, f"/api/documents?council={BLABY}")
        # Its facts and words still count for Bolsover only.
        governance = public.get(f"/api/councils/{BLABY}/governance").json()
        assert all(e["document_id"] != site.bolsover_report for e in governance["trail"])
        codes = public.get(f"/api/councils/{BLABY}/codes").text
        assert f'"document_id":{site.bolsover_report},' not in codes
        bolsover_codes = public.get(f"/api/councils/{BOLSOVER}/codes").text
        assert f'"document_id":{site.bolsover_report},' in bolsover_codes
    withdrawn = client.post(f"/api/uploads/{upload_id}/withdraw", headers={"X-CSRF-Token": token})
    assert withdrawn.status_code == 200 and withdrawn.json()["public"]  # still collected


def _public_reads(public: TestClient, document_id: int) -> dict[str, bool]:
    """Whether each public read path shows the document (or its marker word)."""
    semantic = public.get("/api/search", params={"q": f"{MARKER} waste", "mode": "semantic"})
    dashboard_settled(public)
    return {
        "document page": public.get(f"/documents/{document_id}").status_code == 200,
        "document api": public.get(f"/api/documents/{document_id}").status_code == 200,
        "document codes api": MARKER in public.get(f"/api/documents/{document_id}/codes").text,
        "document list": f'/documents/{document_id}"' in public.get("/documents").text,
        "document list api": document_id in _document_ids(public, "/api/documents"),
        "council page": f'/documents/{document_id}"' in public.get(f"/councils/{BLABY}").text,
        "council api": document_id
        in {d["id"] for d in public.get(f"/api/councils/{BLABY}").json()["document_list"]},
        "search": f"/documents/{document_id}#" in public.get("/search", params={"q": MARKER}).text,
        "search api": bool(public.get("/api/search", params={"q": MARKER}).json()["hits"]),
        "search by meaning": document_id in {h["document_id"] for h in semantic.json()["hits"]},
        "search by meaning page": f"/documents/{document_id}#"
        in public.get("/search", params={"q": f"{MARKER} waste", "mode": "meaning"}).text,
        "governance": document_id
        in {
            e["document_id"]
            for e in public.get(f"/api/councils/{BLABY}/governance").json()["trail"]
        },
        "compliance": public.get(
            "/api/compliance", params={"type": "non_metropolitan_district"}
        ).text.count(f'"document_id":{document_id}')
        > 0,
        "dashboard": f"/documents/{document_id}" in public.get("/dashboard").text,
        "dashboard download": str(document_id)
        in {str(r.get("id")) for r in _sector_tables(public)["documents"]},
    }


def _sector_tables(public: TestClient) -> dict[str, list[dict[str, object]]]:
    tables: dict[str, list[dict[str, object]]] = public.get("/downloads/sector.json").json()[
        "tables"
    ]
    return tables


def test_a_draft_is_absent_from_every_public_read_until_published(
    client: TestClient, site: Site
) -> None:
    token = sign_in(client, "blaby@example.org")
    result = _upload(client, token, BLABY, "draft-plan.txt", DRAFT_TEXT.encode())
    assert result["status"] == "ingested" and result["visibility"] == "draft"
    document_id = result["document_id"]
    with TestClient(client.app, base_url="http://127.0.0.1") as public:
        counted = public.get("/api/stats").json()["documents"]
        shown = _public_reads(public, document_id)
        assert not any(shown.values()), [k for k, v in shown.items() if v]

        db = site.url.removeprefix("sqlite:///")
        out = site.root / "export-draft"
        done = prodplans("export", "--db", db, "--format", "json", "--out", str(out))
        assert done.returncode == 0, done.stderr
        exported = (out / "sector.json").read_text(encoding="utf-8")
        assert MARKER not in exported and "draft-plan" not in exported
        assert public.get("/api/stats").json()["documents"] == counted

        upload_id = _upload_id(client, document_id)
        published = client.post(
            f"/api/uploads/{upload_id}/publish", headers={"X-CSRF-Token": token}
        )
        assert published.status_code == 200 and published.json()["status"] == "published"
        shown = _public_reads(public, document_id)
        for path in ("document page", "document api", "document list", "council page", "search"):
            assert shown[path], path
        assert shown["search api"] and shown["search by meaning"]
        assert shown["dashboard download"]
        assert public.get("/api/stats").json()["documents"] == counted + 1

        client.post(f"/api/uploads/{upload_id}/withdraw", headers={"X-CSRF-Token": token})
        shown = _public_reads(public, document_id)
        assert not any(shown.values()), [k for k, v in shown.items() if v]


def test_the_report_and_exports_leave_a_draft_out(client: TestClient, site: Site) -> None:
    token = sign_in(client, "blaby@example.org")
    text = DRAFT_TEXT.replace(MARKER, "wombatfreight")
    result = _upload(client, token, BLABY, "report-draft.txt", text.encode())
    assert result["visibility"] == "draft"
    db = site.url.removeprefix("sqlite:///")
    out = site.root / "report-draft"
    done = prodplans("report", "--db", db, "--out", str(out), "--no-pdf")
    assert done.returncode == 0, done.stderr
    assert "wombatfreight" not in (out / "sector-report.html").read_text(encoding="utf-8")
    done = prodplans("export", "--db", db, "--format", "zip", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert b"report-draft" not in (out / "originals.zip").read_bytes()
    done = prodplans("compliance", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    [blaby] = [row for row in rows if row["gss_code"] == BLABY]
    assert blaby["documents"] == 0  # the draft names Blaby, but adds nothing to the record


def test_another_councils_officer_cannot_see_or_change_a_draft(
    client: TestClient, site: Site
) -> None:
    token = sign_in(client, "blaby@example.org")
    result = _upload(client, token, BLABY, "private.txt", b"Blaby private draft on bins.")
    document_id = result["document_id"]
    upload_id = _upload_id(client, document_id)
    assert client.get(f"/documents/{document_id}").status_code == 200  # its own council
    assert "Private draft" in client.get(f"/documents/{document_id}").text
    client.post("/logout", data={"csrf_token": token})

    token = sign_in(client, "bolsover@example.org")
    assert client.get(f"/documents/{document_id}").status_code == 404
    assert client.get(f"/api/documents/{document_id}").status_code == 404
    assert upload_id not in {e["upload_id"] for e in client.get("/api/uploads").json()}
    assert f'/documents/{document_id}"' not in client.get("/uploads").text
    for action in ("publish", "withdraw", "delete"):
        page = client.post(f"/uploads/{upload_id}/{action}", data={"csrf_token": token})
        assert page.status_code == 404, action
    headers = {"X-CSRF-Token": token}
    assert client.post(f"/api/uploads/{upload_id}/publish", headers=headers).status_code == 404
    assert client.delete(f"/api/uploads/{upload_id}", headers=headers).status_code == 404
    client.post("/logout", data={"csrf_token": token})

    sign_in(client, "analyst@example.org")  # the review panel reads drafts, changes nothing
    assert client.get(f"/documents/{document_id}").status_code == 200
    assert f'/documents/{document_id}"' in client.get("/uploads").text
    assert client.post(f"/uploads/{upload_id}/publish", data={"csrf_token": token}).status_code in (
        403,
        404,
    )
    with Store.open(site.url) as store:
        [entry] = [e for e in accounts_uploads(store) if e.id == upload_id]
    assert entry.status == "draft"


def accounts_uploads(store: Store) -> list:
    from productivity_plans.store import ownership

    return ownership.council_uploads(store, BLABY)


def test_an_officer_publishes_withdraws_and_deletes_from_my_uploads(
    client: TestClient, site: Site
) -> None:
    token = sign_in(client, "blaby@example.org")
    response = client.post(
        "/upload",
        data={
            "council": BLABY,
            "csrf_token": token,
            "doc_type": "plan",
            "title": "Blaby productivity plan 2024",
            "url": "https://www.blaby.gov.uk/productivity-plan",
            "visibility": "final",
        },
        files=[("files", ("final.txt", b"Blaby final plan on libraries.", "text/plain"))],
    )
    assert response.status_code == 200
    assert "Published" in response.text
    document_id = int(re.search(r'href="/documents/(\d+)"', response.text).group(1))  # type: ignore[union-attr]
    upload_id = _upload_id(client, document_id)
    listed = client.get("/api/documents", params={"council": BLABY}).json()
    [mine] = [d for d in listed if d["id"] == document_id]
    assert mine["doc_type"] == "plan" and mine["council_source"] == "upload"

    withdrawn = client.post(f"/uploads/{upload_id}/withdraw", data={"csrf_token": token})
    assert withdrawn.status_code == 200 and "a private draft again" in withdrawn.text
    assert document_id not in _document_ids(client, "/api/documents")
    stored = list((site.root / "uploads").rglob("*-final.txt"))
    assert stored
    deleted = client.post(f"/uploads/{upload_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 200 and "The draft is deleted" in deleted.text
    assert client.get(f"/documents/{document_id}").status_code == 404
    assert not any(p.exists() for p in stored)
    client.post("/logout", data={"csrf_token": token})

    sign_in(client, "admin@example.org")
    audit = client.get("/audit?format=csv").text
    for action in ("upload", "publish", "withdraw", "delete"):
        assert re.search(rf"blaby@example.org,document\.{action},document:{document_id}\b", audit)


def test_the_upload_form_checks_what_the_officer_states(client: TestClient) -> None:
    token = sign_in(client, "blaby@example.org")
    response = client.post(
        "/upload",
        data={"council": BLABY, "csrf_token": token, "doc_type": "novel", "url": "ftp://x"},
        files=[("files", ("x.txt", b"Some text.", "text/plain"))],
    )
    assert response.status_code == 400
    assert "Choose a document type from the list" in response.text
    assert "Enter the web address where the document is published" in response.text


def test_the_upload_results_csv_link_downloads_the_results(client: TestClient) -> None:
    token = sign_in(client, "blaby@example.org")
    response = client.post(
        "/upload",
        data={"council": BLABY, "csrf_token": token},
        files=[
            ("files", ("notes.txt", b"Blaby notes on parks.", "text/plain")),
            ("files", ("broken.pdf", b"%PDF-1.7 not really a pdf", "application/pdf")),
        ],
    )
    href = re.search(r'href="([^"]+)" download>Download this table', response.text).group(1)  # type: ignore[union-attr]
    href = href.replace("&amp;", "&")
    downloaded = client.get(href)
    assert downloaded.status_code == 200
    rows = list(csv.DictReader(io.StringIO(downloaded.text)))
    assert [r["File"] for r in rows] == ["notes.txt", "broken.pdf"]
    assert rows[0]["Visibility"] == "Private draft"
    client.post("/logout", data={"csrf_token": token})
    sign_in(client, "bolsover@example.org")
    assert client.get(href).status_code == 404  # another council's upload


def test_an_upload_error_names_the_file_and_says_what_is_wrong(client: TestClient) -> None:
    token = sign_in(client, "blaby@example.org")
    response = client.post(
        "/upload",
        data={"council": BLABY, "csrf_token": token},
        files=[
            ("files", ("Our plan (final).pdf", b"%PDF-1.7 not a pdf", "application/pdf")),
            ("files", ("empty.txt", b"", "text/plain")),
        ],
    )
    errors = re.findall(r'<li class="pp-upload-error">(.*?)</li>', response.text, re.S)
    assert len(errors) == 2
    assert "Our plan (final).pdf" in errors[0] and "damaged" in errors[0]
    assert "empty.txt" in errors[1] and "The file is empty." in errors[1]
    for error in errors:
        assert not re.search(r"\b\d{3}-", error), error  # the stored name, e.g. 000-Our_plan
        assert ": corrupt" not in error and "empty_file" not in error


def test_csrf_is_needed_to_publish(client: TestClient) -> None:
    token = sign_in(client, "blaby@example.org")
    result = _upload(client, token, BLABY, "csrf.txt", b"Blaby draft about csrf and trees.")
    upload_id = _upload_id(client, result["document_id"])
    assert client.post(f"/uploads/{upload_id}/publish").status_code == 403
    assert client.post(f"/api/uploads/{upload_id}/publish").status_code == 403
    assert csrf_of(client, "/uploads")
