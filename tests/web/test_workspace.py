"""The council workspace over HTTP: recorded governance on the public page, progress updates
private until published, CSV import, disputes in the analysts' queue, and every other
council's officer kept out."""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from productivity_plans.framework import load_framework
from productivity_plans.store import Store, accounts
from productivity_plans.store.accounts import AccountError
from tests.web.conftest import PASSWORD, Seeded, dashboard_settled, sign_in

ASHFIELD = "E07000170"  # one of the bundled examples is its plan page
EPPING = "E07000072"
ASHFIELD_OFFICER = "officer@ashfield.example"
EPPING_OFFICER = "officer@epping.example"
FRAMEWORK = load_framework()


@pytest.fixture(scope="module", autouse=True)
def officers(seeded: Seeded) -> None:
    with Store.open(seeded.url) as store:
        for email, council in ((ASHFIELD_OFFICER, ASHFIELD), (EPPING_OFFICER, EPPING)):
            with contextlib.suppress(AccountError):  # made by another module this session
                accounts.create_user(store, email, PASSWORD, "officer", council_gss=council)


def _step(client: TestClient, token: str, council: str, **fields: str) -> object:
    return client.post(
        f"/workspace/{council}/steps", data={"csrf_token": token, **fields}, follow_redirects=False
    )


def _new_update(client: TestClient, token: str, title: str, council: str = ASHFIELD) -> str:
    response = client.post(
        f"/workspace/{council}/progress",
        data={"csrf_token": token, "title": title},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    return location


def test_an_officer_is_sent_to_their_own_councils_workspace(client: TestClient) -> None:
    assert client.get("/workspace", follow_redirects=False).status_code == 303  # sign in first
    sign_in(client, ASHFIELD_OFFICER)
    response = client.get("/workspace", follow_redirects=False)
    assert response.headers["location"] == f"/workspace/{ASHFIELD}"
    page = client.get(f"/workspace/{ASHFIELD}").text
    assert "Ashfield District Council" in page and "Record a step" in page


def test_a_recorded_decision_shows_on_the_public_page_beside_the_extracted_trail(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    response = _step(
        client,
        token,
        ASHFIELD,
        kind="decision",
        body="Cabinet",
        date="2024-07-11",
        outcome="approved",
        url="https://www.ashfield.gov.uk/cabinet-11-july-2024",
    )
    assert response.status_code == 303
    public = TestClient(client.app, base_url="http://127.0.0.1")
    html = public.get(f"/councils/{ASHFIELD}").text
    recorded = html[html.index('id="recorded-trail"') :]
    assert "2024-07-11" in recorded and "Approved by Cabinet" in recorded
    assert "https://www.ashfield.gov.uk/cabinet-11-july-2024" in recorded
    governance = public.get(f"/api/councils/{ASHFIELD}/governance").json()
    assert governance["recorded"][0]["body"] == "Cabinet"
    assert governance["recorded"][0]["recorded_by_council"] is True
    oversight = next(
        r for r in governance["requirements"] if r["requirement"] == "member_oversight"
    )
    assert oversight["status"] == "evidenced"
    with Store.open(seeded.url) as store:
        assert any(
            e.action == "governance.record" and e.actor == ASHFIELD_OFFICER
            for e in accounts.audit_entries(store)
        )


def test_a_future_decision_and_an_unknown_outcome_get_an_error_summary(
    client: TestClient,
) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    future = _step(
        client, token, ASHFIELD, kind="decision", body="Cabinet", date=tomorrow, outcome="approved"
    )
    assert future.status_code == 422
    assert "govuk-error-summary" in future.text and "today or in the past" in future.text
    assert 'href="#date"' in future.text
    odd = _step(
        client, token, ASHFIELD, kind="decision", body="Cabinet", date="2024-07-01", outcome="ok"
    )
    assert odd.status_code == 422 and 'href="#outcome"' in odd.text
    api = client.post(
        f"/api/councils/{ASHFIELD}/steps",
        json={"kind": "decision", "body": "Cabinet", "date": "2024-07-01", "outcome": "ok"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["body", "outcome"]
    assert "Choose an outcome" in api.json()["detail"][0]["msg"]
    api_future = client.post(
        f"/api/councils/{ASHFIELD}/steps",
        json={"kind": "submission", "date": tomorrow},
        headers={"X-CSRF-Token": token},
    )
    assert api_future.status_code == 422


def test_the_api_records_a_submission_for_the_officers_own_council(client: TestClient) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    created = client.post(
        f"/api/councils/{ASHFIELD}/steps",
        json={"kind": "submission", "date": "2024-07-19"},
        headers={"X-CSRF-Token": token},
    )
    assert created.status_code == 201, created.text
    assert created.json()["recorded_by"] == ASHFIELD_OFFICER
    steps = client.get(f"/api/councils/{ASHFIELD}/recorded-steps").json()
    assert created.json()["id"] in [s["id"] for s in steps]
    without_token = client.post(
        f"/api/councils/{ASHFIELD}/steps",
        json={"kind": "submission", "date": "2024-07-19"},
    )
    assert without_token.status_code == 403


def test_another_councils_officer_can_neither_see_nor_change_the_workspace(
    client: TestClient,
) -> None:
    owner = TestClient(client.app, base_url="http://127.0.0.1")
    owner_token = sign_in(owner, ASHFIELD_OFFICER)
    update = _new_update(owner, owner_token, "Private draft")
    update_id = update.rsplit("/", 1)[1]
    token = sign_in(client, EPPING_OFFICER)
    assert client.get(f"/workspace/{ASHFIELD}").status_code == 403
    assert client.get(update).status_code == 403
    assert _step(client, token, ASHFIELD, kind="submission", date="2024-07-01").status_code == 403
    publish = client.post(f"{update}/publish", data={"csrf_token": token}, follow_redirects=False)
    assert publish.status_code == 403
    api = client.post(f"/api/progress/{update_id}/publish", headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    seen = client.get(f"/api/councils/{ASHFIELD}/progress").json()
    assert "Private draft" not in [u["title"] for u in seen]
    assert "Private draft" in [
        u["title"] for u in owner.get(f"/api/councils/{ASHFIELD}/progress").json()
    ]
    api_step = client.post(
        f"/api/councils/{ASHFIELD}/steps",
        json={"kind": "submission", "date": "2024-07-01"},
        headers={"X-CSRF-Token": token},
    )
    assert api_step.status_code == 403


def test_an_analyst_reads_a_workspace_but_cannot_change_it(client: TestClient) -> None:
    token = sign_in(client, "analyst@example.org")
    page = client.get(f"/workspace/{ASHFIELD}")
    assert page.status_code == 200 and "Record a step" not in page.text
    assert _step(client, token, ASHFIELD, kind="submission", date="2024-07-01").status_code == 403


def test_a_progress_update_is_private_until_published_then_charted_with_a_table(
    client: TestClient,
) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    update = _new_update(client, token, "Summer 2024 progress")
    for day, value in (("2024-06-30", "31"), ("2024-09-30", "44.5")):
        response = client.post(
            f"{update}/values",
            data={
                "csrf_token": token,
                "measure": "Council tax paid online",
                "value_date": day,
                "value": value,
                "unit": "%",
            },
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
    client.post(
        f"{update}/actions",
        data={"csrf_token": token, "action": "Online council tax", "action_status": "done"},
    )
    public = TestClient(client.app, base_url="http://127.0.0.1")
    assert "Council tax paid online" not in public.get(f"/councils/{ASHFIELD}").text
    client.post(f"{update}/publish", data={"csrf_token": token})
    html = public.get(f"/councils/{ASHFIELD}").text
    progress = html[html.index('id="progress"') :]
    assert re.search(r'<svg role="img" aria-labelledby="[^"]+"', progress)
    assert progress.count("<circle") >= 2
    assert "Council tax paid online" in progress and "44.5" in progress
    assert "<table" in progress and "Online council tax" in progress
    api = public.get(f"/api/councils/{ASHFIELD}/progress").json()
    published = next(u for u in api if u["title"] == "Summer 2024 progress")
    assert [v["value"] for v in published["values"]] == [31.0, 44.5]
    dashboard_settled(public)
    exported = public.get("/downloads/tables/progress_measures.csv").text
    assert "Council tax paid online" in exported and ASHFIELD in exported


def test_a_csv_with_bad_rows_is_refused_by_line_and_imports_nothing(client: TestClient) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    update = _new_update(client, token, "CSV trial")
    bad = "measure,date,value\nStaff turnover,2024-06-30,12\nStaff turnover,soon,11\n"
    response = client.post(
        f"{update}/csv",
        data={"csrf_token": token},
        files={"csv": ("kpis.csv", bad.encode(), "text/csv")},
    )
    assert response.status_code == 422
    assert "Line 3" in response.text and "nothing was imported" in response.text
    update_id = int(update.rsplit("/", 1)[1])
    drafts = client.get(f"/api/councils/{ASHFIELD}/progress").json()
    assert next(u for u in drafts if u["id"] == update_id)["values"] == []
    good = (
        "measure,date,value,unit\nStaff turnover,2024-06-30,12,%\nStaff turnover,2024-09-30,11,%\n"
    )
    ok = client.post(
        f"{update}/csv",
        data={"csrf_token": token},
        files={"csv": ("kpis.csv", good.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    drafts = client.get(f"/api/councils/{ASHFIELD}/progress").json()
    assert len(next(u for u in drafts if u["id"] == update_id)["values"]) == 2


def _a_passage_with_a_code(client: TestClient, council: str) -> tuple[int, int, str]:
    """(document id, passage id, "code_type=value") of a coded passage of the council's."""
    documents = client.get("/api/documents", params={"council": council}).json()
    for document in documents:
        html = client.get(f"/workspace/{council}/documents/{document['id']}").text
        found = re.search(r'name="passage_id" value="(\d+)">.*?<option value="([^"]+)"', html, re.S)
        if found:
            return document["id"], int(found.group(1)), found.group(2).replace("&#34;", '"')
    raise AssertionError(f"no coded passage for {council}")


def test_a_disputed_code_reaches_the_analysts_queue_which_decides_and_undoes(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    document_id, passage_id, target = _a_passage_with_a_code(client, ASHFIELD)
    response = client.post(
        f"/workspace/{ASHFIELD}/disputes",
        data={
            "csrf_token": token,
            "passage_id": str(passage_id),
            "target": target,
            "note": "This passage is about housing, not technology",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    analyst = TestClient(client.app, base_url="http://127.0.0.1")
    analyst_token = sign_in(analyst, "analyst@example.org")
    queue = analyst.get("/review/disputes", params={"council": ASHFIELD}).text
    assert "This passage is about housing, not technology" in queue
    total = re.search(r'id="dispute-total">(\d+) dispute', queue)
    assert total and int(total.group(1)) >= 1
    elsewhere = analyst.get("/review/disputes", params={"council": EPPING}).text
    assert "about housing" not in elsewhere
    listed = analyst.get("/api/disputes", params={"council": ASHFIELD}).json()
    dispute = next(d for d in listed["disputes"] if d["passage_id"] == passage_id)
    assert dispute["document_id"] == document_id and listed["total"] >= 1
    decided = analyst.post(
        f"/review/disputes/{dispute['id']}",
        data={"csrf_token": analyst_token, "decision": "upheld", "note": "Recoded as housing"},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    mine = client.get(f"/workspace/{ASHFIELD}").text
    assert "Recoded as housing" in mine and "Upheld" in mine
    undo = analyst.post(
        f"/api/disputes/{dispute['id']}/undo", headers={"X-CSRF-Token": analyst_token}
    )
    assert undo.status_code == 200 and undo.json()["status"] == "open"
    with Store.open(seeded.url) as store:
        actions = {e.action for e in accounts.audit_entries(store)}
    assert {"dispute.raise", "dispute.upheld", "dispute.undo"} <= actions


def test_an_officer_cannot_dispute_another_councils_passage(
    client: TestClient, seeded: Seeded
) -> None:
    owner = TestClient(client.app, base_url="http://127.0.0.1")
    sign_in(owner, ASHFIELD_OFFICER)
    _, passage_id, target = _a_passage_with_a_code(owner, ASHFIELD)
    token = sign_in(client, EPPING_OFFICER)
    form = client.post(
        f"/workspace/{EPPING}/disputes",
        data={"csrf_token": token, "passage_id": str(passage_id), "target": target, "note": "x"},
    )
    assert form.status_code == 404
    code_type, _, value = target.partition("=")
    api = client.post(
        f"/api/councils/{EPPING}/disputes",
        json={"passage_id": passage_id, "code_type": code_type, "value": value, "note": "x"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 404
    assert client.get("/review/disputes").status_code == 403


def test_officers_cannot_see_the_dispute_queue(client: TestClient) -> None:
    sign_in(client, ASHFIELD_OFFICER)
    assert client.get("/api/disputes").status_code == 403
    assert client.get("/review/disputes").status_code == 403


def _heading_statuses(html: str) -> dict[str, str]:
    """Heading id → the status label its table's first row shows."""
    found = re.findall(
        r'<table class="govuk-table pp-table" id="check-(\w+)">.*?class="govuk-tag[^"]*">([^<]+)<',
        html,
        re.S,
    )
    return dict(found)


def test_the_draft_check_shows_each_heading_and_what_changed_in_a_new_version(
    client: TestClient,
) -> None:
    token = sign_in(client, ASHFIELD_OFFICER)
    documents = client.get("/api/documents", params={"council": ASHFIELD}).json()
    first = documents[0]["id"]
    page = client.get(f"/workspace/{ASHFIELD}/documents/{first}/check")
    assert page.status_code == 200
    for heading in ("check-transformation", "check-technology_data"):
        assert f'id="{heading}"' in page.text
    assert re.search(r"Answered in the council’s own words|Only restated|Missing", page.text)
    assert "3–4 pages" in page.text
    new_version = (
        "Ashfield District Council Productivity Plan, second draft\n\n"
        "We measure productivity through a suite of key performance indicators reported "
        "quarterly to Cabinet, benchmarked against similar councils using LG Inform.\n"
    )
    uploaded = client.post(
        "/upload",
        data={"csrf_token": token, "council": ASHFIELD},
        files={"files": ("ashfield-plan-v2.txt", new_version.encode(), "text/plain")},
    )
    assert uploaded.status_code == 200, uploaded.text
    second = max(d["id"] for d in client.get("/api/documents", params={"council": ASHFIELD}).json())
    compared = client.get(
        f"/workspace/{ASHFIELD}/documents/{second}/check", params={"against": first}
    ).text
    changes = compared[compared.index('id="changes"') :]
    before, after = _heading_statuses(page.text), _heading_statuses(compared)
    assert before.keys() == after.keys() == {h.id for h in FRAMEWORK.headings}
    differ = [h for h in FRAMEWORK.headings if before[h.id] != after[h.id]]
    for heading in differ:
        row = re.search(rf"{re.escape(heading.title)}</th>\s*<td[^>]*>([^<]+)</td>", changes)
        assert row and row.group(1) == before[heading.id], heading.id
    if not differ:
        assert 'id="check-changes"' in changes
    other = TestClient(client.app, base_url="http://127.0.0.1")
    sign_in(other, EPPING_OFFICER)
    assert other.get(f"/workspace/{ASHFIELD}/documents/{first}/check").status_code == 403
    assert other.get(f"/workspace/{EPPING}/documents/{first}/check").status_code == 404
