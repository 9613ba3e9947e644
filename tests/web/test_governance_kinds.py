"""The council page and API show a later progress review for what it is, and never as the
decision on the plan."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from productivity_plans.pipeline import ingest_files
from productivity_plans.store.db import Store
from productivity_plans.web import create_app
from tests.web.conftest import SECRET

COUNCIL = "E07000131"  # a district with no bundled example; the papers below are made up
APPROVAL = (
    "Harborough District Council\n\n"
    "Minutes of the Cabinet meeting\n\n"
    "Productivity Plan\n\n"
    "RESOLVED that the Productivity Plan be approved for submission to government."
)
REVIEW = (
    "Harborough District Council\n\n"
    "Cabinet, 3 June 2025\n\n"
    "Productivity Plan 2024/25 - End of Year Review\n\n"
    "Decision\n\n"
    "Cabinet noted the review of the delivery of the Productivity Plan."
)


def test_a_later_review_is_labelled_on_the_trail_and_the_decision_is_not_late(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'kinds.sqlite'}"
    files = []
    for name, text in (("approval.txt", APPROVAL), ("review.txt", REVIEW)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append((path, None))
    with Store.open(url) as store:
        assert ingest_files(files, store).ok
    app = create_app(url, secret_key=SECRET, uploads_dir=tmp_path / "uploads")

    with TestClient(app) as client:
        data = client.get(f"/api/councils/{COUNCIL}/governance").json()
        html = client.get(f"/councils/{COUNCIL}").text

    statuses = {c["requirement"]: c["status"] for c in data["requirements"]}
    assert statuses["decision_before_deadline"] != "late"
    assert statuses["member_oversight"] == "evidenced"
    assert [(e["date"], e["kind"]) for e in data["trail"]] == [("2025-06-03", "progress_review")]
    assert "progress review" in html
