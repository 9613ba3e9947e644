"""Search results kept per data generation: served again only while the data are unchanged."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from productivity_plans.pipeline import ingest_files
from productivity_plans.store.db import Store
from productivity_plans.web.catalogue import GENERATION_TTL
from productivity_plans.web.search_cache import SearchCache
from tests.web.conftest import OFFICER_COUNCIL, Seeded, make_app, sign_in

# The semantic index checks the store at most this often (SemanticIndex's default ttl).
MATRIX_TTL = 2.0


def _search(client: TestClient, q: str, **params: object) -> dict:
    response = client.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_result_is_kept_until_the_generation_changes() -> None:
    generation, searches = [1], []

    def search() -> int:
        searches.append(1)
        return len(searches)

    cache = SearchCache(lambda: generation[0])
    first, again = cache.get("q", search), cache.get("q", search)
    generation[0] = 2
    changed = cache.get("q", search)

    assert (first, again, changed) == (1, 1, 2)


def test_a_fresh_request_searches_again_and_its_result_is_kept() -> None:
    searches: list[int] = []

    def search() -> int:
        searches.append(1)
        return len(searches)

    cache = SearchCache(lambda: 0)
    cache.get("q", search)

    assert cache.get("q", search, fresh=True) == 2
    assert cache.get("q", search) == 2


def test_the_least_recently_used_result_goes_first() -> None:
    cache = SearchCache(lambda: 0, entries=2)
    cache.get("a", lambda: "a")
    cache.get("b", lambda: "b")
    cache.get("a", lambda: "not searched")  # "a" is now the most recent
    cache.get("c", lambda: "c")

    assert len(cache) == 2
    assert cache.get("a", lambda: "searched again") == "a"
    assert cache.get("b", lambda: "searched again") == "searched again"


def test_an_upload_is_found_at_once_by_a_query_asked_before_it(seeded: Seeded) -> None:
    marker = "quillwortheron"
    with TestClient(make_app(seeded), base_url="http://127.0.0.1") as client:
        before_text = _search(client, f"council {marker}")
        before_meaning = _search(client, f"council {marker} ferries", mode="semantic")
        token = sign_in(client, "officer@example.org")
        text = f"Ferries\n\nThe council {marker} ferries run every hour across the estuary.\n"
        uploaded = client.post(
            "/api/upload",
            data={"council": OFFICER_COUNCIL, "publish": "true"},
            files=[("files", ("ferries.txt", text.encode(), "text/plain"))],
            headers={"X-CSRF-Token": token},
        )
        assert uploaded.status_code == 200, uploaded.text
        document_id = uploaded.json()["files"][0]["document_id"]

        after_text = _search(client, f"council {marker}")
        after_meaning = _search(client, f"council {marker} ferries", mode="semantic")

    assert before_text["total"] == 0
    assert after_text["total"] == 1
    assert [h["document_id"] for h in after_text["hits"]] == [document_id]
    assert document_id not in {h["document_id"] for h in before_meaning["hits"]}
    assert after_meaning["hits"][0]["document_id"] == document_id


def test_a_document_another_process_stores_is_found_once_the_data_are_checked_again(
    seeded: Seeded, tmp_path: Path
) -> None:
    marker = "brackenshawleigh"
    path = tmp_path / "moorings.txt"
    path.write_text(f"Moorings\n\nThe council {marker} moorings fees rise in April.\n")
    with TestClient(make_app(seeded), base_url="http://127.0.0.1") as client:
        before_text = _search(client, f"{marker} moorings")
        before_meaning = _search(client, f"{marker} moorings fees", mode="semantic")
        with Store.open(seeded.url) as other:  # as `prodplans ingest` in another process
            report = ingest_files([(path, None)], other)
            assert report.ok, report.failed
        time.sleep(max(GENERATION_TTL, MATRIX_TTL) + 0.5)

        after_text = _search(client, f"{marker} moorings")
        after_meaning = _search(client, f"{marker} moorings fees", mode="semantic")

    assert before_text["total"] == 0
    assert after_text["total"] == 1
    new_document = after_text["hits"][0]["document_id"]
    assert new_document not in {h["document_id"] for h in before_meaning["hits"]}
    assert after_meaning["hits"][0]["document_id"] == new_document


def test_paging_a_kept_query_still_gives_each_page_its_own_hits(client: TestClient) -> None:
    first = _search(client, "council", limit=20)
    second = _search(client, "council", limit=20, offset=20)
    first_again = _search(client, "council", limit=20)

    assert first == first_again
    assert first["total"] == second["total"] > 40
    assert not {h["block_id"] for h in first["hits"]} & {h["block_id"] for h in second["hits"]}
