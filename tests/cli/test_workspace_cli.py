"""`prodplans workspace record-step`, `progress-import` and `disputes` as a user runs them (a real
subprocess on a SQLite file), acting as a named account."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from productivity_plans.councils import load_register
from productivity_plans.sector.compliance import council_governance
from productivity_plans.store import Store, accounts, workspace
from tests.cli.test_governance_cli import prodplans

COUNCIL = "E07000033"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "workspace.sqlite"
    with Store.open(f"sqlite:///{path}") as store:
        accounts.create_user(
            store, "o@bolsover.example", "a long enough passphrase", "officer", council_gss=COUNCIL
        )
        accounts.create_user(
            store, "o@blaby.example", "a long enough passphrase", "officer", council_gss="E07000129"
        )
    return str(path)


def test_a_recorded_step_is_evidence_for_compliance(db: str) -> None:
    done = prodplans(
        "workspace",
        "record-step",
        COUNCIL,
        "--kind",
        "decision",
        "--body",
        "Executive",
        "--date",
        "2024-07-08",
        "--outcome",
        "approved",
        "--as",
        "o@bolsover.example",
        "--db",
        db,
    )
    assert done.returncode == 0, done.stderr
    with Store.open(f"sqlite:///{db}") as store:
        council = load_register().by_gss(COUNCIL)
        assert council is not None
        result = council_governance(store, council)
        assert any(e.actor == "o@bolsover.example" for e in accounts.audit_entries(store))
    oversight = result.claim("member_oversight")
    assert oversight is not None and oversight.status == "evidenced" and oversight.recorded


def test_a_future_date_or_another_councils_officer_is_refused(db: str) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    future = prodplans(
        "workspace",
        "record-step",
        COUNCIL,
        "--kind",
        "submission",
        "--date",
        tomorrow,
        "--as",
        "o@bolsover.example",
        "--db",
        db,
    )
    assert future.returncode == 1 and "today or in the past" in future.stderr
    other = prodplans(
        "workspace",
        "record-step",
        COUNCIL,
        "--kind",
        "submission",
        "--date",
        "2024-07-19",
        "--as",
        "o@blaby.example",
        "--db",
        db,
    )
    assert other.returncode == 1
    with Store.open(f"sqlite:///{db}") as store:
        assert workspace.recorded_steps(store, COUNCIL) == []


def test_a_csv_imports_and_publishes_or_names_its_bad_lines(db: str, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("measure,date,value,unit\nAgency spend,2024-06-30,1.2,£m\n", encoding="utf-8")
    done = prodplans(
        "workspace",
        "progress-import",
        COUNCIL,
        str(good),
        "--title",
        "Q1",
        "--publish",
        "--as",
        "o@bolsover.example",
        "--db",
        db,
    )
    assert done.returncode == 0, done.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("measure,date,value\nAgency spend,2024-06-30,x\n", encoding="utf-8")
    refused = prodplans(
        "workspace",
        "progress-import",
        COUNCIL,
        str(bad),
        "--title",
        "Q2",
        "--as",
        "o@bolsover.example",
        "--db",
        db,
    )
    assert refused.returncode == 1 and "line 2" in refused.stderr
    with Store.open(f"sqlite:///{db}") as store:
        [update] = workspace.progress_updates(store, COUNCIL, published_only=False)
    assert update.title == "Q1" and update.status == "published" and len(update.values) == 1


def test_disputes_are_listed_as_json(db: str) -> None:
    with Store.open(f"sqlite:///{db}") as store:
        officer = accounts.find_user(store, "o@bolsover.example")
        assert officer is not None
        workspace.raise_dispute(
            store, officer, COUNCIL, "Submitted on time", requirement="submitted"
        )
    done = prodplans("workspace", "disputes", "--council", COUNCIL, "--format", "json", "--db", db)
    assert done.returncode == 0, done.stderr
    [row] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (row["disputed"], row["status"]) == ("submitted", "open")
