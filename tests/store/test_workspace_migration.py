"""Migration 0007 upgrades an existing database without loss, on both dialects.

The database is made by the application itself (ingest with extraction and coding, accounts,
an upload, a review decision), taken back to revision 0005 and then opened again, which
upgrades it to the head."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from productivity_plans.pipeline import ingest_files
from productivity_plans.store import Store, accounts, codes, workspace
from productivity_plans.store.migrations import alembic_config, head_revision

EXAMPLES = Path(__file__).parents[2] / "src" / "productivity_plans" / "examples"
WORKSPACE_TABLES = {
    "recorded_steps",
    "progress_updates",
    "progress_actions",
    "measure_values",
    "disputes",
}
KEPT_TABLES = (
    "documents",
    "blocks",
    "facts",
    "governance_events",
    "passages",
    "machine_codes",
    "human_codes",
    "users",
    "audit_log",
)


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {t: connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in KEPT_TABLES}


def test_upgrading_a_0005_database_to_0007_keeps_every_row(database_url: str) -> None:
    with Store.open(database_url) as store:
        ingest_files([(EXAMPLES / "seed_000_732c119989e847fc.txt", None)], store)
        officer = accounts.create_user(
            store,
            "o@bolsover.example",
            "a long enough passphrase",
            "officer",
            council_gss="E07000033",
        )
        code = codes.review_queue(store, threshold=1.0, limit=1)[0]
        codes.accept(store, code.code_id, "analyst@example.org")
        before = _counts(store)
        assert all(before.values()), before
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "0005")
            assert not WORKSPACE_TABLES & set(inspect(connection).get_table_names())
    with Store.open(database_url) as store:  # opening upgrades to the head
        with store.engine.connect() as connection:
            version = connection.scalar(text("SELECT version_num FROM alembic_version"))
            assert set(inspect(connection).get_table_names()) >= WORKSPACE_TABLES
        assert version == head_revision()
        assert _counts(store) == before
        officer_again = accounts.get_user(store, officer.id)
        assert officer_again == officer
        step = workspace.record_step(
            store, officer, "E07000033", "submission", day=date(2024, 7, 19)
        )
        assert workspace.recorded_steps(store, "E07000033") == [step]
