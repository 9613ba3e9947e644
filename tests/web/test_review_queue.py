"""The analysts' review queue over HTTP: a total, pages, a council filter, notes and undo."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from productivity_plans.store import Store, accounts
from tests.web.conftest import OFFICER_COUNCIL, Seeded, sign_in


def _total(html: str) -> int:
    found = re.search(r'id="review-total">(\d+) code', html)
    assert found, "the queue shows its total"
    return int(found.group(1))


def test_the_queue_shows_a_total_and_pages_through_it(client: TestClient) -> None:
    sign_in(client, "analyst@example.org")
    first = client.get("/review", params={"threshold": 1.0}).text
    assert first.count('name="note"') >= 2 * len(re.findall(r'id="item-\d+"', first))
    total = _total(first)
    assert total > 20 and "page 1 of" in first and 'rel="next"' in first
    second = client.get("/review", params={"threshold": 1.0, "page": 2}).text
    ids_1 = set(re.findall(r'id="item-(\d+)"', first))
    ids_2 = set(re.findall(r'id="item-(\d+)"', second))
    assert ids_1 and ids_2 and not ids_1 & ids_2
    api_2 = client.get("/api/review", params={"threshold": 1.0, "offset": 20}).json()
    assert {str(i["code_id"]) for i in api_2} == ids_2


def test_the_queue_narrows_to_one_councils_documents(client: TestClient) -> None:
    sign_in(client, "analyst@example.org")
    everyone = _total(client.get("/review", params={"threshold": 1.0}).text)
    one = client.get("/review", params={"threshold": 1.0, "council": OFFICER_COUNCIL}).text
    assert 0 < _total(one) < everyone
    documents = {
        d["id"] for d in client.get("/api/documents", params={"council": OFFICER_COUNCIL}).json()
    }
    api = client.get("/api/review", params={"threshold": 1.0, "council": OFFICER_COUNCIL}).json()
    assert api and {i["document_id"] for i in api} <= documents


def test_an_analyst_undoes_a_decision_and_the_code_is_back_in_the_queue(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "analyst@example.org")
    item = client.get("/api/review", params={"threshold": 1.0, "limit": 1}).json()[0]
    decided = client.post(
        f"/review/{item['code_id']}",
        data={"csrf_token": token, "decision": "reject", "threshold": "1.0", "note": "Off topic"},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    banner = client.get(decided.headers["location"]).text
    undo = re.search(r'name="decisions" value="([\d,]+)"', banner)
    assert undo, "the confirmation offers Undo"
    queue = {i["code_id"] for i in client.get("/api/review", params={"threshold": 1.0}).json()}
    assert item["code_id"] not in queue
    other = TestClient(client.app, base_url="http://127.0.0.1")
    admin_token = sign_in(other, "admin@example.org")
    refused = other.post(
        "/review/decisions/undo", data={"csrf_token": admin_token, "decisions": undo.group(1)}
    )
    assert refused.status_code == 400  # only the analyst who decided can undo
    undone = client.post(
        "/review/decisions/undo",
        data={"csrf_token": token, "decisions": undo.group(1), "code_id": item["code_id"]},
        follow_redirects=False,
    )
    assert undone.status_code == 303
    first = client.get("/api/review", params={"threshold": 1.0, "limit": 1}).json()[0]
    assert first["code_id"] == item["code_id"]
    with Store.open(seeded.url) as store:
        entry = next(e for e in accounts.audit_entries(store) if e.action == "review.undo")
    assert entry.actor == "analyst@example.org"
    assert entry.detail["undone"][0]["decision"] == "reject"
    assert entry.detail["undone"][0]["note"] == "Off topic"


def test_the_api_undoes_a_recode(client: TestClient) -> None:
    token = sign_in(client, "analyst@example.org")
    headers = {"X-CSRF-Token": token}
    queue = client.get("/api/review", params={"threshold": 1.0, "limit": 200}).json()
    item = next(i for i in queue if i["code_type"] == "kind")
    value = "requirement" if item["value"] == "council" else "council"
    recoded = client.post(
        f"/api/review/{item['code_id']}/recode", json={"value": value}, headers=headers
    )
    assert recoded.status_code == 200, recoded.text
    ids = recoded.json()["decision_ids"]
    undone = client.post("/api/review/decisions/undo", json={"decision_ids": ids}, headers=headers)
    assert undone.status_code == 200 and undone.json()["undone"] == ids
    again = client.post("/api/review/decisions/undo", json={"decision_ids": ids}, headers=headers)
    assert again.status_code == 400
