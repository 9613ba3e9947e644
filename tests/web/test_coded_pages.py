"""HTTP tests for the pages and API built on coded passages and governance: council page,
document viewer highlights, review queue (roles, CSRF, audit, HTMX), compare, compliance and
search by meaning."""

from __future__ import annotations

import csv
import io
import re

from fastapi.testclient import TestClient

from productivity_plans.store import accounts, codes
from productivity_plans.store.db import Store
from tests.web.conftest import OFFICER_COUNCIL, OTHER_COUNCIL, Seeded, csrf_of, sign_in

STATUSES = {"evidenced", "not_evidenced", "late", "no_documents"}
SCORE_WORDS = re.compile(r"\b(score|rank|rating|league)\b", re.I)


def _queue_item(seeded: Seeded) -> codes.ReviewItem:
    with Store.open(seeded.url) as store:
        items = codes.review_queue(store, threshold=0.99, limit=50)
    assert items, "the seeded store has machine codes to review"
    return items[-1]


def test_council_page_has_requirements_trail_coded_passages_and_similar_councils(
    client: TestClient,
) -> None:
    html = client.get(f"/councils/{OFFICER_COUNCIL}").text
    for section in ("Requirements", "Governance trail", "Barriers named", "Similar councils"):
        assert section in html
    assert re.search(r'govuk-tag govuk-tag--\w+">(Evidenced|Not evidenced|Late|No documents)', html)
    # Like for like: other East Midlands districts, by name (Bolsover is one).
    assert "/councils/E07000032" in html  # Amber Valley
    assert "/councils/E08000025" not in html  # Birmingham: another type and region
    governance = client.get(f"/api/councils/{OFFICER_COUNCIL}/governance").json()
    assert {c["status"] for c in governance["requirements"]} <= STATUSES
    for claim in governance["requirements"]:
        if claim["evidence"]:
            assert claim["link"].startswith("/documents/")
    assert not SCORE_WORDS.search(client.get(f"/api/councils/{OFFICER_COUNCIL}/codes").text)


def test_council_codes_link_each_passage_to_its_anchor(client: TestClient) -> None:
    found = False
    for council in client.get("/api/councils", params={"with_documents": True}).json():
        data = client.get(f"/api/councils/{council['gss_code']}/codes").json()
        for group in data["headings"]:
            for p in group["passages"]:
                found = True
                assert p["anchor"] == f"p{p['passage_id']}"
                page = client.get(f"/documents/{p['document_id']}").text
                assert f'id="p{p["passage_id"]}"' in page
                break
    assert found, "some council has a coded passage"


def test_the_document_viewer_highlights_coded_passages_and_still_escapes(
    client: TestClient, seeded: Seeded
) -> None:
    with Store.open(seeded.url) as store:
        hostile = codes.effective_passages(store, document_ids=[seeded.hostile_id])
        target = next(p for p in hostile if "<script>" in p.text)
        codes.record_decision(
            store,
            analyst="tester",
            decision="add",
            passage_id=target.id,
            code_type="heading",
            value="transformation",
        )
        if target.kind != "council":
            codes.recode(store, target.id, "tester", kind="council")
    html = client.get(f"/documents/{seeded.hostile_id}").text
    assert f'<mark class="pp-coded" id="p{target.id}"' in html
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned" in html
    assert "Reviewed" in html
    api = client.get(f"/api/documents/{seeded.hostile_id}/codes").json()
    assert any(p["passage_id"] == target.id and p["reviewed"] for p in api["passages"])


def test_review_is_for_analysts_and_admins_only(client: TestClient, seeded: Seeded) -> None:
    item = _queue_item(seeded)
    response = client.get("/review", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert client.get("/api/review").status_code == 401
    token = csrf_of(client)
    response = client.post(
        f"/review/{item.code_id}",
        data={"decision": "accept", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303 and "/login" in response.headers["location"]
    officer = sign_in(client, "officer@example.org")
    assert client.get("/review").status_code == 403
    assert client.get("/api/review").status_code == 403
    response = client.post(
        f"/review/{item.code_id}", data={"decision": "accept", "csrf_token": officer}
    )
    assert response.status_code == 403
    response = client.post(
        f"/api/review/{item.code_id}",
        json={"decision": "accept"},
        headers={"X-CSRF-Token": officer},
    )
    assert response.status_code == 403
    with Store.open(seeded.url) as store:
        assert not codes.human_decisions(store, analyst="officer@example.org")


def test_review_decisions_need_the_csrf_token(client: TestClient, seeded: Seeded) -> None:
    item = _queue_item(seeded)
    sign_in(client, "analyst@example.org")
    response = client.post(f"/review/{item.code_id}", data={"decision": "accept"})
    assert response.status_code == 403
    response = client.post(f"/api/review/{item.code_id}", json={"decision": "accept"})
    assert response.status_code == 403
    response = client.post(
        f"/api/review/{item.code_id}", json={"decision": "accept"}, headers={"X-CSRF-Token": "x"}
    )
    assert response.status_code == 403


def test_an_analyst_accepts_rejects_and_recodes_with_audit(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "analyst@example.org")
    page = client.get("/review?threshold=0.9")
    assert page.status_code == 200 and "Keyboard shortcuts" in page.text
    queue = client.get("/api/review", params={"threshold": 0.99, "limit": 10}).json()
    assert len(queue) >= 3
    first, second, third = queue[0], queue[1], queue[2]
    # No JavaScript: the form posts and the queue comes back with a confirmation.
    response = client.post(
        f"/review/{first['code_id']}",
        data={"decision": "accept", "csrf_token": token, "threshold": "0.99"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert f"done={first['code_id']}" in response.headers["location"]
    # HTMX: the item is swapped for a confirmation.
    response = client.post(
        f"/review/{second['code_id']}",
        data={"decision": "reject", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="item-{second["code_id"]}"' in response.text and "Rejected" in response.text
    # API recode to another allowed value of the same type.
    choices = {
        "heading": "wasteful_spend",
        "barrier": "legacy_it_systems",
        "kind": "council" if third["value"] == "requirement" else "requirement",
        "measure": "no",
        "initiative": "no",
    }
    value = choices.get(third["code_type"])
    if value is not None:
        response = client.post(
            f"/api/review/{third['code_id']}/recode",
            json={"value": value, "note": "checked"},
            headers={"X-CSRF-Token": token},
        )
        assert response.status_code == 200, response.text
        assert response.json()["analyst"] == "analyst@example.org"
    bad = client.post(
        f"/api/review/{third['code_id']}/recode",
        json={"value": "made_up"},
        headers={"X-CSRF-Token": token},
    )
    assert bad.status_code == 400
    assert (
        client.post(
            "/api/review/2147483000", json={"decision": "accept"}, headers={"X-CSRF-Token": token}
        ).status_code
        == 404
    )
    remaining = {q["code_id"] for q in client.get("/api/review", params={"threshold": 0.99}).json()}
    assert first["code_id"] not in remaining and second["code_id"] not in remaining
    with Store.open(seeded.url) as store:
        mine = codes.human_decisions(store, analyst="analyst@example.org")
        assert {d.decision for d in mine} >= {"accept", "reject"}
        audit = accounts.audit_entries(store)
        actions = {(e.action, e.target) for e in audit if e.actor == "analyst@example.org"}
        assert ("review.accept", f"machine_code:{first['code_id']}") in actions
        assert ("review.reject", f"machine_code:{second['code_id']}") in actions


def test_search_by_meaning_finds_a_paraphrase(client: TestClient) -> None:
    query = "money comes one year at a time"
    data = client.get("/api/search", params={"q": query, "mode": "semantic", "limit": 10}).json()
    assert data["mode"] == "semantic"
    texts = [h["snippet"].lower() for h in data["hits"]]
    assert any(
        "single year settlement" in t or "single-year" in t or "one-year" in t for t in texts
    ), texts
    assert all(h["anchor"].startswith("p") and h["passage_id"] for h in data["hits"])
    # Full text finds nothing for the paraphrase's exact words in that passage.
    full = client.get("/api/search", params={"q": query}).json()
    assert not any("single year settlement" in h["snippet"].lower() for h in full["hits"])
    html = client.get("/search", params={"q": query, "mode": "meaning"}).text
    assert "by meaning" in html and 'value="meaning" checked' in html
    assert re.search(r'href="/documents/\d+#p\d+"', html)


def test_compare_two_councils_side_by_side(client: TestClient) -> None:
    html = client.get("/compare", params={"a": OFFICER_COUNCIL, "b": OTHER_COUNCIL}).text
    assert "Bolsover" in html and "Birmingham" in html
    assert "Headings covered with the council’s own content" in html
    data = client.get("/api/compare", params={"a": OFFICER_COUNCIL, "b": OTHER_COUNCIL}).json()
    assert [c["council_gss"] for c in data["councils"]] == [OFFICER_COUNCIL, OTHER_COUNCIL]
    assert not SCORE_WORDS.search(str(data.keys()))
    assert client.get("/api/compare", params={"a": OFFICER_COUNCIL, "b": "E99"}).status_code == 404
    html = client.get("/compare", params={"a": OFFICER_COUNCIL, "b": "E99"}).text
    assert "No council with GSS code E99" in html
    csv_text = client.get(
        "/compare", params={"a": OFFICER_COUNCIL, "b": OTHER_COUNCIL, "format": "csv"}
    ).text
    assert csv_text.splitlines()[0] == "What,Bolsover,Birmingham"


def test_compliance_lists_every_council_filters_and_downloads(client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/compliance?format=csv").text)))
    assert rows[0][:5] == ["Council", "GSS code", "Type", "Region", "Documents"]
    assert len(rows) == 318
    names = [r[0] for r in rows[1:]]
    assert names == sorted(names, key=str.lower)
    london = client.get("/api/compliance", params={"type": "london_borough"}).json()
    assert len(london) == 32
    evidenced = client.get("/api/compliance", params={"status": "evidenced"}).json()
    assert evidenced and all(
        any(c["status"] == "evidenced" for c in row["requirements"]) for row in evidenced
    )
    html = client.get("/compliance", params={"status": "no_documents", "type": "county"}).text
    assert "Compliance with the requirements" in html
    assert client.get("/api/compliance", params={"status": "best"}).status_code == 422
