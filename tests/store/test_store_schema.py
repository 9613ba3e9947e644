"""Migrations build the same schema on SQLite and PostgreSQL, plus each dialect's FTS."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from productivity_plans.store import Store
from productivity_plans.store.migrations import alembic_config, head_revision


def test_migrations_create_the_tables_on_both_dialects(store: Store) -> None:
    inspector = inspect(store.engine)
    tables = set(inspector.get_table_names())
    assert {"documents", "sources", "pages", "blocks", "alembic_version"} <= tables
    columns = {column["name"] for column in inspector.get_columns("documents")}
    assert {"sha256", "media_type", "page_count", "chars", "text", "status", "warnings"} <= columns
    uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("sources")}
    assert ("document_id", "source") in uniques


def test_migrations_create_full_text_search_for_the_dialect(store: Store) -> None:
    with store.engine.connect() as connection:
        if store.dialect == "sqlite":
            found = connection.scalar(
                text("SELECT sql FROM sqlite_master WHERE name = 'blocks_fts'")
            )
            assert "fts5" in found and "porter unicode61" in found
        else:
            columns = {c["name"]: c for c in inspect(connection).get_columns("blocks")}
            assert "tsv" in columns
            index = connection.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_blocks_tsv'")
            )
            assert "gin" in index.lower()


def test_the_database_is_at_the_head_revision(store: Store) -> None:
    with store.engine.connect() as connection:
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
    assert version == head_revision()


def test_opening_an_existing_store_again_keeps_its_data(
    database_url: str, store: Store, make_document
) -> None:
    store.save_document(make_document("Kept across reopening."))
    with Store.open(database_url) as again:
        assert again.stats().documents == 1


def test_migrations_downgrade_to_nothing_and_back(store: Store) -> None:
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "base")
        assert "documents" not in inspect(connection).get_table_names()
        command.upgrade(alembic_config(connection=connection), "head")
        assert "documents" in inspect(connection).get_table_names()


def test_the_models_match_what_the_migrations_built(store: Store) -> None:
    """A model changed without a migration (or the reverse) shows up here as a diff."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from productivity_plans.store.models import Base
    from productivity_plans.store.search import is_fts_object

    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not is_fts_object(name, type_)

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
