"""What councils record in their workspace reaches the sector exports: recorded steps and
published progress, never a draft update."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from productivity_plans.pipeline import ingest_files
from productivity_plans.sector.load import load_snapshot
from productivity_plans.sector.results import run_analyses, tables
from productivity_plans.store import Store, accounts, workspace

EXAMPLES = Path(__file__).parents[2] / "src" / "productivity_plans" / "examples"
BOLSOVER = "E07000033"


def test_published_progress_and_recorded_steps_are_exported_and_drafts_are_not(
    database_url: str,
) -> None:
    with Store.open(database_url) as store:
        ingest_files([(EXAMPLES / "seed_000_732c119989e847fc.txt", None)], store)
        officer = accounts.create_user(
            store, "o@bolsover.example", "a long enough passphrase", "officer", council_gss=BOLSOVER
        )
        workspace.record_step(store, officer, BOLSOVER, "submission", day=date(2024, 7, 18))
        published = workspace.create_update(store, officer, BOLSOVER, "Autumn 2024")
        workspace.add_action(store, officer, published, "Shared HR service", "done")
        value = workspace.check_measure("Agency spend", "2024-09-30", "950000", unit="£")
        workspace.add_values(store, officer, published, [value])
        workspace.publish_update(store, officer, published)
        draft = workspace.create_update(store, officer, BOLSOVER, "Not yet")
        secret = workspace.check_measure("Secret draft measure", "2024-10-31", "1")
        workspace.add_values(store, officer, draft, [secret])
        named = tables(run_analyses(load_snapshot(store)))
    assert [r["measure"] for r in named["progress_measures"]] == ["Agency spend"]
    assert named["progress_measures"][0]["value"] == 950000.0
    assert named["progress_measures"][0]["date"] == "2024-09-30"
    assert [r["title"] for r in named["progress_actions"]] == ["Shared HR service"]
    assert [(r["kind"], r["date"]) for r in named["recorded_steps"]] == [
        ("submission", "2024-07-18")
    ]
