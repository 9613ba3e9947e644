"""What the public is told about a document: never a server path, never a furniture title."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from productivity_plans.pipeline import ingest_files
from productivity_plans.store.db import Store
from productivity_plans.web import create_app
from productivity_plans.web.public_form import (
    display_title,
    is_site_furniture,
    public_source,
    title_from_url,
)
from tests.web.conftest import SECRET, Seeded

CRAWL_LIMIT = 300
START = [
    "/",
    "/documents",
    "/councils?documents=yes",
    "/compliance",
    "/compare?a=E07000033&b=E08000025",
    "/search?q=productivity",
    "/search?q=productivity+plan&mode=meaning",
    "/dashboard",
    "/api/stats",
    "/api/documents",
    "/api/councils?with_documents=true",
    "/api/search?q=productivity",
    "/api/search?q=productivity&mode=semantic",
]
HREF_RE = re.compile(r'href="(/[^"#]*)')
# An absolute path on a POSIX server, as it would appear in text, JSON or an attribute.
SERVER_PATH_RE = re.compile(r"(?<![\w.:/])/(?:work|tmp|home|root|usr|var|srv|opt|mnt)/\w")


def _examples_root() -> Path:
    import productivity_plans.examples as examples

    return Path(examples.__path__[0])


def _crawl(client: TestClient) -> dict[str, str]:
    """Every public page and API answer reachable from the start pages, up to a limit."""
    seen: dict[str, str] = {}
    queue = deque(START)
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        if path in seen or path.startswith(("/static", "/login", "/logout", "/downloads")):
            continue
        response = client.get(path)
        seen[path] = response.text
        if response.status_code != 200 or "json" in response.headers.get("content-type", ""):
            continue
        for href in HREF_RE.findall(response.text):
            href = href.replace("&amp;", "&")
            if href not in seen:
                queue.append(href)
            found = re.fullmatch(r"/(documents|councils)/(\w+)", href)
            if found:
                queue.append(f"/api/{found.group(1)}/{found.group(2)}")
    return seen


def test_no_public_page_or_api_answer_contains_a_server_path(
    client: TestClient, seeded: Seeded
) -> None:
    crawled = _crawl(client)
    assert any(p.startswith("/documents/") for p in crawled)
    assert any(p.startswith("/api/documents/") for p in crawled)
    forbidden = [str(_examples_root()), str(seeded.root), str(Path.cwd())]
    for path, body in crawled.items():
        for where in forbidden:
            assert where not in body, f"{path} shows the server path {where}"
        leaked = SERVER_PATH_RE.search(body)
        assert leaked is None, (
            f"{path} shows a server path near {body[leaked.start() - 40 :][:120]!r}"
        )


def test_the_api_gives_each_documents_source_as_its_url_or_its_file_name(
    client: TestClient,
) -> None:
    documents = client.get("/api/documents").json()
    assert documents
    for d in documents:
        assert d["source"], d
        assert d["source"].startswith("https://") or "/" not in d["source"], d["source"]
    with_url = [d for d in documents if d["source"].startswith("https://")]
    assert with_url, "the bundled examples have published URLs"


def test_the_document_page_shows_each_source_as_its_url_and_file_name(
    client: TestClient, seeded: Seeded
) -> None:
    body = client.get(f"/documents/{seeded.hostile_id}").text
    assert "hostile.txt" in body
    assert str(seeded.root) not in body


# Titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Toggle menu", "Issue - meetings", "Skip to main content", "Home | Search", "", None, "A"],
)
def test_site_furniture_is_not_a_title(title: str | None) -> None:
    assert is_site_furniture(title)


@pytest.mark.parametrize(
    "title", ["Productivity plan 2024", "Cabinet – 9 July 2024", "Meeting of the Cabinet"]
)
def test_a_real_title_is_not_furniture(title: str) -> None:
    assert not is_site_furniture(title)


def test_a_furniture_title_falls_back_to_the_first_real_heading() -> None:
    found = display_title(
        "Toggle menu", headings=["Skip to main content", "Our productivity plan"], document_id=7
    )
    assert found == "Our productivity plan"


def test_without_a_heading_the_title_comes_from_the_urls_last_segment() -> None:
    url = "https://council.example.gov.uk/documents/productivity-plan_2024.pdf"
    assert title_from_url(url) == "Productivity plan 2024"
    assert display_title("Issue - meetings", url=url, document_id=7) == "Productivity plan 2024"


def test_then_from_the_files_base_name_never_its_path() -> None:
    title = display_title(
        None, url="https://x.example/issue", source="/srv/data/plan-v2.docx", document_id=3
    )
    assert title == "plan-v2.docx"
    assert display_title("/srv/data/plan.txt", document_id=3) == "Document 3"


def test_a_public_source_is_the_published_url_or_the_base_name() -> None:
    assert (
        public_source("/srv/crawl/a/b.pdf", "https://c.example/b.pdf") == "https://c.example/b.pdf"
    )
    assert public_source("/srv/crawl/a/b.pdf", None) == "b.pdf"
    assert public_source("C:\\data\\plan.docx", None) == "plan.docx"
    assert public_source("https://c.example/p", None) == "https://c.example/p"


FURNITURE_HTML = """<!doctype html><html><head><title>Toggle menu</title></head><body>
<nav><a href="/">Home</a> <a href="/search">Search</a></nav>
<main><h2>Borough productivity plan 2024</h2>
<p>This productivity plan sets out how the council will transform its services, use
technology and data better, reduce wasteful spend and remove barriers to productivity.</p>
<p>The plan was agreed by the Cabinet on 9 July 2024 and sent to government before the
deadline, together with the measures the council will use to track its progress.</p>
</main></body></html>"""


def test_a_pages_furniture_title_is_replaced_by_its_heading_on_every_listing(
    tmp_path: Path,
) -> None:
    page = tmp_path / "furniture.html"
    page.write_text(FURNITURE_HTML, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'titles.sqlite'}"
    with Store.open(url) as store:
        assert ingest_files([(page, None)], store).ok
        [stored] = store.documents()
        assert stored.title == "Toggle menu"  # what the page called itself
    app = create_app(url, secret_key=SECRET, uploads_dir=tmp_path / "uploads")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        listing = client.get("/documents").text
        assert "Borough productivity plan 2024" in listing
        assert "Toggle menu" not in listing
        [entry] = client.get("/api/documents").json()
        assert entry["title"] == "Borough productivity plan 2024"
        assert entry["source"] == "furniture.html"
        assert "Toggle menu" not in client.get(f"/documents/{entry['id']}").text
