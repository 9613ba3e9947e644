"""Migration 0009 upgrades a store that already has accounts without losing or locking any."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from productivity_plans.store import Store, accounts
from productivity_plans.store.accounts import SignInLimits
from productivity_plans.store.migrations import alembic_config

PASSWORD = "correct horse battery staple"


def _revision_before_sign_in_attempts() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    before = script.get_revision("0009").down_revision
    assert isinstance(before, str)
    return before


def test_upgrading_keeps_existing_accounts_and_their_sessions(database_url: str) -> None:
    with Store.open(database_url) as store:
        accounts.create_user(store, "kept@example.org", PASSWORD, "analyst")
    engine = create_engine(database_url)
    try:  # take the store back to the schema before 0009: an account made by older code
        with engine.begin() as connection:
            before = _revision_before_sign_in_attempts()
            command.downgrade(alembic_config(connection=connection), before)
            assert "sign_in_attempts" not in inspect(connection).get_table_names()
            assert connection.scalar(text("SELECT count(*) FROM users")) == 1
    finally:
        engine.dispose()
    with Store.open(database_url) as store:  # the upgrade
        check = accounts.sign_in(
            store, "kept@example.org", PASSWORD, address="127.0.0.1", limits=SignInLimits()
        )
        assert check.user is not None
        assert check.user.session_version == 0  # what a session cookie without one means
