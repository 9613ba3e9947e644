"""The council workspace in the store: recorded steps, progress updates, disputes; on both
dialects, with their audit rows and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from productivity_plans.councils import load_register
from productivity_plans.sector.compliance import assess
from productivity_plans.store import Store, accounts, workspace
from productivity_plans.store.accounts import User
from productivity_plans.store.workspace import CsvImportError, WorkspaceError

COUNCIL = "E07000170"  # Ashfield
OTHER = "E07000072"  # Epping Forest
PASSWORD = "a long enough passphrase"


@pytest.fixture
def people(store: Store) -> dict[str, User]:
    return {
        "officer": accounts.create_user(
            store, "officer@ashfield.example", PASSWORD, "officer", council_gss=COUNCIL
        ),
        "other": accounts.create_user(
            store, "officer@epping.example", PASSWORD, "officer", council_gss=OTHER
        ),
        "analyst": accounts.create_user(store, "analyst@panel.example", PASSWORD, "analyst"),
        "admin": accounts.create_user(store, "admin@panel.example", PASSWORD, "admin"),
    }


def _actions(store: Store) -> list[str]:
    return [e.action for e in accounts.audit_entries(store)]


def test_a_recorded_decision_is_kept_and_audited(store: Store, people: dict[str, User]) -> None:
    step = workspace.record_step(
        store,
        people["officer"],
        COUNCIL,
        "decision",
        body="Cabinet",
        day=date(2024, 7, 15),
        outcome="approved",
        url="https://ashfield.example/cabinet-15-july",
    )
    [kept] = workspace.recorded_steps(store, COUNCIL)
    assert kept == step and kept.recorded_by == "officer@ashfield.example"
    assert "governance.record" in _actions(store)
    assert workspace.recorded_steps(store, OTHER) == []


def test_a_decision_dated_in_the_future_is_refused(store: Store, people: dict[str, User]) -> None:
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(WorkspaceError, match="today or in the past") as caught:
        workspace.record_step(
            store,
            people["officer"],
            COUNCIL,
            "decision",
            body="Cabinet",
            day=tomorrow,
            outcome="approved",
        )
    assert caught.value.field == "date"
    assert workspace.recorded_steps(store, COUNCIL) == []


def test_an_outcome_outside_the_framework_is_refused(store: Store, people: dict[str, User]) -> None:
    with pytest.raises(WorkspaceError, match="Choose an outcome") as caught:
        workspace.record_step(
            store,
            people["officer"],
            COUNCIL,
            "decision",
            body="Cabinet",
            day=date(2024, 7, 1),
            outcome="rubber-stamped",
        )
    assert caught.value.field == "outcome"


def test_a_publication_needs_a_web_address_and_only_http_ones(
    store: Store, people: dict[str, User]
) -> None:
    with pytest.raises(WorkspaceError, match="web address"):
        workspace.record_step(store, people["officer"], COUNCIL, "publication")
    with pytest.raises(WorkspaceError, match="https://"):
        workspace.record_step(
            store, people["officer"], COUNCIL, "publication", url="javascript:alert(1)"
        )


def test_an_officer_cannot_record_or_remove_for_another_council(
    store: Store, people: dict[str, User]
) -> None:
    with pytest.raises(PermissionError):
        workspace.record_step(store, people["other"], COUNCIL, "submission", day=date(2024, 7, 19))
    step = workspace.record_step(
        store, people["officer"], COUNCIL, "submission", day=date(2024, 7, 19)
    )
    with pytest.raises(PermissionError):
        workspace.remove_step(store, people["other"], step.id)
    with pytest.raises(PermissionError):
        workspace.record_step(store, people["analyst"], COUNCIL, "submission", day=date(2024, 7, 1))
    workspace.record_step(store, people["admin"], COUNCIL, "submission", day=date(2024, 7, 18))
    assert len(workspace.recorded_steps(store, COUNCIL)) == 2


def test_compliance_takes_recorded_steps_as_evidence_and_says_so(
    store: Store, people: dict[str, User]
) -> None:
    officer = people["officer"]
    workspace.record_step(
        store,
        officer,
        COUNCIL,
        "decision",
        body="Cabinet",
        day=date(2024, 7, 15),
        outcome="approved",
        url="https://ashfield.example/minutes",
    )
    workspace.record_step(store, officer, COUNCIL, "submission", day=date(2024, 7, 19))
    workspace.record_step(
        store, officer, COUNCIL, "publication", url="https://ashfield.example/plan"
    )
    council = load_register().by_gss(COUNCIL)
    assert council is not None
    result = assess(council, [], recorded=workspace.recorded_steps(store, COUNCIL))
    claims = {c.requirement: c for c in result.claims}
    assert {r: c.status for r, c in claims.items()} == {
        "member_oversight": "evidenced",
        "decision_before_deadline": "evidenced",
        "submitted": "evidenced",
        "published": "evidenced",
    }
    assert all(c.recorded for c in claims.values())
    assert claims["member_oversight"].url == "https://ashfield.example/minutes"
    assert "recorded by the council" in claims["submitted"].detail
    assert result.trail == [] and [e.action for e in result.recorded] == ["approved", "submitted"]


def test_a_recorded_decision_after_the_deadline_is_late(
    store: Store, people: dict[str, User]
) -> None:
    workspace.record_step(
        store,
        people["officer"],
        COUNCIL,
        "decision",
        body="Full Council",
        day=date(2024, 9, 10),
        outcome="approved",
    )
    council = load_register().by_gss(COUNCIL)
    assert council is not None
    result = assess(council, [], recorded=workspace.recorded_steps(store, COUNCIL))
    assert result.claim("decision_before_deadline").status == "late"  # type: ignore[union-attr]
    assert result.claim("submitted").status == "not_evidenced"  # type: ignore[union-attr]


def test_an_update_is_a_draft_until_published(store: Store, people: dict[str, User]) -> None:
    officer = people["officer"]
    update_id = workspace.create_update(store, officer, COUNCIL, "Autumn 2024")
    workspace.add_action(store, officer, update_id, "Digital front door", "in_progress")
    values = [
        workspace.check_measure("Calls answered online", "2024-06-30", "41.5", unit="%"),
        workspace.check_measure("Calls answered online", date(2024, 9, 30), 47.0, unit="%"),
    ]
    workspace.add_values(store, officer, update_id, values)
    assert workspace.progress_updates(store, COUNCIL) == []
    [draft] = workspace.progress_updates(store, COUNCIL, published_only=False)
    assert draft.status == "draft" and len(draft.values) == 2
    workspace.publish_update(store, officer, update_id)
    [public] = workspace.progress_updates(store, COUNCIL)
    assert public.status == "published" and public.published_at is not None
    [series] = workspace.measure_series([public])
    assert series.unit == "%" and [v.value for v in series.values] == [41.5, 47.0]
    assert {"progress.create", "progress.action", "progress.values", "progress.publish"} <= set(
        _actions(store)
    )
    with pytest.raises(WorkspaceError, match="stays on the record"):
        workspace.delete_update(store, officer, update_id)


def test_another_councils_officer_cannot_touch_an_update(
    store: Store, people: dict[str, User]
) -> None:
    update_id = workspace.create_update(store, people["officer"], COUNCIL, "Draft")
    for change in (
        lambda u: workspace.add_action(store, u, update_id, "x", "done"),
        lambda u: workspace.publish_update(store, u, update_id),
        lambda u: workspace.delete_update(store, u, update_id),
    ):
        with pytest.raises(PermissionError):
            change(people["other"])
    [draft] = workspace.progress_updates(store, COUNCIL, published_only=False)
    assert draft.status == "draft" and draft.actions == ()


def test_a_csv_with_bad_rows_names_each_by_line_and_imports_nothing(
    store: Store, people: dict[str, User]
) -> None:
    content = (
        "measure,date,value,unit\n"
        "Sickness days,2024-06-30,9.1,days\n"
        "Sickness days,30/09/2024,8.7,days\n"
        ",2024-09-30,3,days\n"
        "Sickness days,2024-12-31,lots,days\n"
    )
    with pytest.raises(CsvImportError) as caught:
        workspace.parse_measures_csv(content)
    assert [line for line, _ in caught.value.problems] == [3, 4, 5]
    assert "not a date" in caught.value.problems[0][1]
    assert "not a number" in caught.value.problems[2][1]


def test_a_good_csv_imports_every_row(store: Store, people: dict[str, User]) -> None:
    update_id = workspace.create_update(store, people["officer"], COUNCIL, "Q2")
    rows = workspace.parse_measures_csv(
        "\ufeffMeasure,Date,Value,Unit,Source\n"
        'Agency spend,2024-06-30,"1,200,000",£,Finance report\n'
        "Agency spend,2024-09-30,950000,£,Finance report\n"
    )
    workspace.add_values(store, people["officer"], update_id, rows, how="csv")
    [draft] = workspace.progress_updates(store, COUNCIL, published_only=False)
    assert [v.value for v in draft.values] == [1_200_000.0, 950_000.0]
    assert draft.values[0].source == "Finance report"


def test_a_csv_without_the_needed_columns_is_refused() -> None:
    with pytest.raises(CsvImportError, match="line 1"):
        workspace.parse_measures_csv("name,when,amount\nx,2024-01-01,1\n")


def test_disputes_are_listed_with_a_total_and_pages_and_decisions_can_be_undone(
    store: Store, people: dict[str, User]
) -> None:
    officer, analyst = people["officer"], people["analyst"]
    ids = [
        workspace.raise_dispute(
            store, officer, COUNCIL, f"Wrong status {i}", requirement="submitted"
        )
        for i in range(3)
    ]
    workspace.raise_dispute(store, people["other"], OTHER, "Not us", requirement="published")
    first = workspace.disputes(store, council_gss=COUNCIL, limit=2)
    assert first.total == 3 and [d.id for d in first.disputes] == ids[:2]
    second = workspace.disputes(store, council_gss=COUNCIL, offset=2, limit=2)
    assert [d.id for d in second.disputes] == ids[2:]
    assert workspace.disputes(store).total == 4
    decided = workspace.decide_dispute(store, analyst, ids[0], "upheld", "Agreed: submitted")
    assert decided.status == "upheld" and decided.decision_note == "Agreed: submitted"
    assert workspace.disputes(store, status="open").total == 3
    reopened = workspace.undo_dispute_decision(store, analyst, ids[0])
    assert reopened.status == "open" and reopened.decided_by is None
    assert {"dispute.raise", "dispute.upheld", "dispute.undo"} <= set(_actions(store))


def test_only_analysts_and_admins_decide_disputes(store: Store, people: dict[str, User]) -> None:
    dispute_id = workspace.raise_dispute(
        store, people["officer"], COUNCIL, "Wrong", requirement="member_oversight"
    )
    with pytest.raises(PermissionError):
        workspace.decide_dispute(store, people["officer"], dispute_id, "upheld")
    with pytest.raises(PermissionError):
        workspace.raise_dispute(store, people["other"], COUNCIL, "x", requirement="submitted")
    with pytest.raises(WorkspaceError, match="note"):
        workspace.raise_dispute(store, people["officer"], COUNCIL, "  ", requirement="submitted")
