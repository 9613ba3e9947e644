"""The sector dashboard, downloads and sector API over the seeded store: the figures shown are
the sector functions' figures for the same snapshot, filters change them, downloads parse, the
originals zip is for analysts and admins, and hostile document text stays inert."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from productivity_plans.sector.coverage import coverage_shares
from productivity_plans.sector.groups import ALL
from productivity_plans.sector.load import load_snapshot
from productivity_plans.sector.results import SectorResults, run_analyses, tables
from productivity_plans.sector.subset import restrict
from productivity_plans.store.db import Store
from productivity_plans.web.dashboard import Dashboard
from tests.web.conftest import Seeded, make_app, sign_in


def expected(seeded: Seeded, type: str | None = None, region: str | None = None) -> SectorResults:
    with Store.open(seeded.url) as store:
        snapshot = load_snapshot(store)
    return run_analyses(restrict(snapshot, type=type, region=region))


def cell_text(html: str, cell_id: str) -> str:
    match = re.search(rf'id="{re.escape(cell_id)}">(.*?)</td>', html, re.S)
    assert match, f"no cell {cell_id}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def count_of(html: str, cell_id: str) -> tuple[int, int]:
    match = re.search(r"(\d+) of (\d+)", cell_text(html, cell_id))
    assert match, cell_id
    return int(match.group(1)), int(match.group(2))


def test_the_dashboard_shows_the_sector_functions_numbers(
    client: TestClient, seeded: Seeded
) -> None:
    html = client.get("/dashboard").text
    results = expected(seeded)
    for share in results.coverage_by_type:
        if share.councils_with_documents:
            assert count_of(html, f"cov-heading-{share.group}-{share.item}") == (
                share.answered,
                share.councils_with_documents,
            )
    for share in coverage_shares(results.coverage_question, "all"):
        assert share.group == ALL
        assert count_of(html, f"cov-question-all-{share.item}") == (
            share.answered,
            share.councils_with_documents,
        )
    for barrier in results.barriers_all:
        assert count_of(html, f"barrier-all-{barrier.barrier}") == (
            barrier.councils,
            barrier.councils_with_documents,
        )
    for count in results.barriers_by_type:
        assert count_of(html, f"barrier-{count.group}-{count.barrier}") == (
            count.councils,
            count.councils_with_documents,
        )
    for gap in results.gaps:
        assert count_of(html, f"gap-{gap.question}") == (gap.answered, gap.councils_with_documents)
    assert results.snapshot.source_line in html
    assert f"Decisions and governance steps ({len(results.timeline)})" in html
    assert not re.search(r"\b(rank|ranking|league|score)\b", re.sub(r"<[^>]+>", " ", html), re.I)


def test_filters_change_the_numbers(client: TestClient, seeded: Seeded) -> None:
    everyone = client.get("/dashboard").text
    districts = client.get("/dashboard?type=non_metropolitan_district").text
    results = expected(seeded, type="non_metropolitan_district")
    heading = results.snapshot.framework.headings[0].id
    overall = coverage_shares(results.coverage_heading, "all")[0]
    assert count_of(districts, f"cov-heading-all-{heading}") == (
        overall.answered,
        overall.councils_with_documents,
    )
    assert count_of(districts, f"cov-heading-all-{heading}") != count_of(
        everyone, f"cov-heading-all-{heading}"
    )
    assert 'id="cov-heading-county-' not in districts  # only districts' column remains
    london = client.get("/dashboard?region=london").text  # any case; the register's spelling
    assert "in London." in london
    by_region = expected(seeded, region="London")
    assert by_region.snapshot.source_line in london
    # Unknown values are a mistake in the request, said so above the whole sector
    unknown = client.get("/dashboard?type=nonsense&region=Atlantis")
    assert unknown.status_code == 400
    assert "govuk-error-summary" in unknown.text


def test_every_count_links_to_evidence_that_opens_documents_at_a_block(
    client: TestClient,
) -> None:
    html = client.get("/dashboard?type=non_metropolitan_district").text
    links = sorted(set(re.findall(r'href="(/dashboard/evidence/[^"]+)"', html)))
    assert len(links) > 10
    for link in links[:15]:
        page = client.get(link.replace("&amp;", "&"))
        assert page.status_code == 200, link
        anchors = re.findall(r'href="/documents/(\d+)#(b\d+|page-\d+)"', page.text)
        assert anchors, link
    doc, anchor = anchors[0]
    viewer = client.get(f"/documents/{doc}").text
    assert f'id="{anchor}"' in viewer
    assert client.get("/dashboard/evidence/coverage-heading.all.nothing").status_code == 404


def test_every_evidence_link_on_the_dashboard_opens(client: TestClient) -> None:
    html = client.get("/dashboard").text
    links = sorted(set(re.findall(r'href="(/dashboard/evidence/[^"]+)"', html)))
    assert any(link.count(".") > 2 for link in links), "sub-question keys hold a dot"
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_table_csvs_parse_and_match_the_sector_tables(client: TestClient, seeded: Seeded) -> None:
    named = tables(expected(seeded))
    listing = client.get("/api/sector/tables").json()
    assert [t["name"] for t in listing] == list(named)
    for name, rows in named.items():
        response = client.get(f"/downloads/tables/{name}.csv")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        parsed = list(csv.DictReader(io.StringIO(response.text)))
        assert len(parsed) == len(rows), name
    gaps = list(csv.DictReader(io.StringIO(client.get("/downloads/tables/gaps.csv").text)))
    assert {"question", "answered", "evidence"} <= set(gaps[0])
    assert client.get("/downloads/tables/nope.csv").status_code == 404
    # Paths on the server are not published: a document's source is its file name
    documents = client.get("/downloads/tables/documents.csv").text
    assert "/examples/" not in documents


def test_csv_defuses_formula_like_cells() -> None:
    from productivity_plans.web.routes.dashboard import table_csv

    text = table_csv([{"a": "=HYPERLINK(1)", "b": "-2", "c": 3, "d": "@x", "e": "+1"}], "t")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row == {"a": "'=HYPERLINK(1)", "b": "'-2", "c": "3", "d": "'@x", "e": "'+1"}


def test_xlsx_and_json_downloads_parse(client: TestClient, seeded: Seeded) -> None:
    import openpyxl

    named = tables(expected(seeded, type="county"))
    response = client.get("/downloads/sector.xlsx?type=county")
    assert response.status_code == 200
    assert 'filename="sector-county.xlsx"' in response.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == list(named)
    rows = list(book["gaps"].iter_rows(values_only=True))
    assert len(rows) == len(named["gaps"]) + 1
    payload = json.loads(client.get("/downloads/sector.json?type=county").content)
    assert payload["meta"]["type"] == "county"
    assert {k: len(v) for k, v in payload["tables"].items()} == {
        k: len(v) for k, v in named.items()
    }


def test_the_report_downloads_as_html_and_a_real_pdf(client: TestClient) -> None:
    html = client.get("/downloads/sector-report.html?type=county")
    assert html.status_code == 200
    assert "<script" not in html.text.lower()
    assert "script-src" not in html.headers["content-security-policy"]
    assert "default-src 'none'" in html.headers["content-security-policy"]
    pdf = client.get("/downloads/sector-report.pdf?type=county")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    again = client.get("/downloads/sector-report.pdf?type=county")
    assert again.content == pdf.content  # cached for this data generation


def test_originals_zip_is_for_analysts_and_admins(app: object, seeded: Seeded) -> None:
    with TestClient(app, base_url="http://127.0.0.1") as visitor:  # type: ignore[arg-type]
        response = visitor.get("/downloads/originals.zip", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=/downloads/originals.zip")
        assert "originals.zip" not in visitor.get("/downloads").text
    with TestClient(app, base_url="http://127.0.0.1") as officer:  # type: ignore[arg-type]
        sign_in(officer, "officer@example.org")
        assert officer.get("/downloads/originals.zip").status_code == 403
    for email in ("analyst@example.org", "admin@example.org"):
        with TestClient(app, base_url="http://127.0.0.1") as reader:  # type: ignore[arg-type]
            sign_in(reader, email)
            assert "/downloads/originals.zip" in reader.get("/downloads").text
            response = reader.get("/downloads/originals.zip")
            assert response.status_code == 200
            archive = zipfile.ZipFile(io.BytesIO(response.content))
            names = archive.namelist()
            assert {"manifest.csv", "manifest.jsonl", "README.txt"} <= set(names)
            manifest = [json.loads(line) for line in archive.read("manifest.jsonl").splitlines()]
            assert manifest and all(m["matches"] for m in manifest if not m["missing"])


def test_sector_api(client: TestClient, seeded: Seeded) -> None:
    results = expected(seeded, type="unitary")
    coverage = client.get("/api/sector/coverage?type=unitary").json()
    headings = {(c["group"], c["item"]): c for c in coverage if c["level"] == "heading"}
    for share in results.coverage_by_type:
        got = headings[(share.group, share.item)]
        assert (got["answered"], got["councils_with_documents"]) == (
            share.answered,
            share.councils_with_documents,
        )
    assert client.get("/api/sector/coverage?region=Atlantis").status_code == 422
    assert client.get("/api/sector/coverage?type=nonsense").status_code == 422
    table = client.get("/api/sector/tables/barriers?type=unitary").json()
    assert table["type"] == "unitary"
    assert len(table["rows"]) == len(results.barriers_all)
    assert client.get("/api/sector/tables/nope").status_code == 404


def test_the_cache_follows_the_data_generation(seeded: Seeded) -> None:
    calls: list[int] = []
    generation = [("before",)]
    with Store.open(seeded.url) as store:
        real = load_snapshot(store)

        def loader(_store: Store) -> object:
            calls.append(1)
            return real

        board = Dashboard(
            store,
            loader=loader,  # type: ignore[arg-type]
            fingerprint=lambda _store: generation[0],
            refresh_after=0,
            check_every=0,
        )
        from productivity_plans.web.dashboard import Filters

        first = board.view(Filters())
        assert board.view(Filters()) is first
        board.view(Filters("county", None))
        assert len(calls) == 1
        generation[0] = ("changed",)  # as if something were ingested or decided
        board.view(Filters())
        board.wait(timeout=60)
        assert board.view(Filters()) is not first
        assert len(calls) == 2


@pytest.fixture
def hostile_client(seeded: Seeded) -> object:
    from tests.sector.hand_built import hand_built

    snapshot = hand_built()
    evil = "<script>window.__pwned = true</script><img src=x onerror=alert(1)> "
    snapshot.passages = [replace(p, text=evil + p.text) for p in snapshot.passages]
    snapshot.vectors = None
    app = make_app(seeded)
    with Store.open(seeded.url) as store:
        app.state.dashboard = Dashboard(store, loader=lambda _store: snapshot)
        with TestClient(app, base_url="http://127.0.0.1") as client:
            yield client


def test_hostile_text_in_exemplars_is_inert(hostile_client: TestClient) -> None:
    html = hostile_client.get("/dashboard").text
    assert "Examples per sub-question" in html
    assert "&lt;script&gt;window.__pwned" in html
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    links = re.findall(r'href="(/dashboard/evidence/[^"]+)"', html)
    evidence = hostile_client.get(links[0].replace("&amp;", "&")).text
    assert "&lt;script&gt;" in evidence and "<script>window" not in evidence
