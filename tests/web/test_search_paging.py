"""Full-text search on the web: pages of results, an honest total, filters over every match."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from productivity_plans.ingest import read_document
from productivity_plans.store.db import Store
from tests.web.conftest import OFFICER_COUNCIL, Seeded, make_app


def _api(client: TestClient, **params: object) -> dict:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_pages_follow_one_another_and_the_total_counts_them_all(client: TestClient) -> None:
    everything = _api(client, q="council", limit=200)
    pages = [_api(client, q="council", limit=20, offset=o) for o in range(0, 200, 20)]

    ids = [h["block_id"] for h in everything["hits"]]
    assert len(ids) > 40, "the examples should give several pages"
    assert [h["block_id"] for p in pages for h in p["hits"]] == ids
    assert {p["total"] for p in pages} == {len(ids)}
    assert not everything["total_more"]


def test_the_search_page_says_the_total_and_links_to_the_next_page(client: TestClient) -> None:
    total = _api(client, q="plan", limit=1)["total"]
    assert total > 50, "the examples should give more than one page of 50"

    first = client.get("/search", params={"q": "plan"}).text
    second = client.get("/search", params={"q": "plan", "page": 2}).text

    assert f"{total} results for" in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'href="/search?q=plan&amp;page=2"' in first
    assert 'rel="prev"' in second and "Showing 51 to" in second
    hrefs = re.compile(r'<h3 class="govuk-heading-s pp-wrap"><a class="govuk-link" href="([^"]+)"')
    assert not set(hrefs.findall(first)) & set(hrefs.findall(second))


def test_a_council_filter_finds_its_results_however_far_down_they_rank(
    client: TestClient,
) -> None:
    unfiltered = _api(client, q="council", limit=200)["hits"]
    filtered = _api(client, q="council", limit=200, council=OFFICER_COUNCIL)

    theirs = [h["block_id"] for h in unfiltered if h["council_gss"] == OFFICER_COUNCIL]
    assert theirs
    assert [h["block_id"] for h in filtered["hits"]] == theirs  # same order, none missing
    assert filtered["total"] == len(theirs)


def test_a_private_draft_is_neither_shown_nor_counted(
    client: TestClient, seeded: Seeded, tmp_path
) -> None:
    marker = "zanzibarquokka"
    before = _api(client, q=f"council {marker}")
    path = tmp_path / "draft.txt"
    path.write_text(f"Draft\n\nThe council's {marker} plan, not yet published.\n")
    with Store.open(seeded.url) as store:
        store.save_document(read_document(path), collected=False)
        assert store.count_matches(marker, public_only=False).count == 1

    after = _api(client, q=f"council {marker}")

    assert (before["total"], before["hits"]) == (after["total"], after["hits"]) == (0, [])


def test_every_page_says_the_total_that_counting_every_match_says(seeded: Seeded) -> None:
    with Store.open(seeded.url) as store:
        counted = store.count_matches("council")
    assert 45 < counted.count < 1_000, "the examples should give several pages"
    with TestClient(make_app(seeded), base_url="http://127.0.0.1") as client:
        offsets = (0, 20, counted.count - 7, counted.count, counted.count + 20)
        pages = [_api(client, q="council", limit=20, offset=o) for o in offsets]
        rare = _api(client, q="council quillworthless", limit=20)  # a short first page: none

    assert [p["total"] for p in pages] == [counted.count] * len(offsets)
    assert [len(p["hits"]) for p in pages[2:]] == [7, 0, 0]
    assert (rare["total"], rare["hits"]) == (0, [])
