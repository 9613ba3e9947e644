"""Alembic environment for the store.

``Store.open`` runs migrations on its own connection, already inside a transaction, and hands it
over through ``config.attributes["connection"]``; so the whole upgrade commits or rolls back as
one. The command-line helper (``python -m productivity_plans.store.migrations``) comes in with a
URL instead.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from productivity_plans.store.models import Base
from productivity_plans.store.search import is_fts_object
from productivity_plans.store.vectors import is_pgvector_object

config = context.config


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Hide the dialect-specific FTS and pgvector objects from autogenerate: they are created
    by hand."""
    return not (is_fts_object(name, type_) or is_pgvector_object(name, type_))


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=include_object,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=Base.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    shared = config.attributes.get("connection")
    if shared is not None:
        run_with(shared)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass a connection or set sqlalchemy.url")
    # Same engine set-up as Store.open (SQLite pragmas, BEGIN IMMEDIATE), imported late because
    # db.py imports this package to find the migrations.
    from productivity_plans.store.db import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            run_with(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
