"""Schema migrations, run from code so users need no alembic.ini.

``upgrade_to_head(connection)`` is what ``Store.open`` calls. Developers make a new revision
with ``python -m productivity_plans.store.migrations revision -m "add facts" --db URL``
(``--autogenerate`` compares the models with that database).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(*, connection: Connection | None = None, url: str | None = None) -> Config:
    """An in-memory Alembic config pointing at this package; ``%`` is escaped for configparser."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest revision this code knows about."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_to_head(connection: Connection) -> None:
    """Bring the database on ``connection`` to the newest schema, inside its open transaction."""
    command.upgrade(alembic_config(connection=connection), "head")


def main(argv: Sequence[str] | None = None) -> int:
    """Tiny developer CLI: revision, upgrade, downgrade, current, history."""
    parser = argparse.ArgumentParser(prog="python -m productivity_plans.store.migrations")
    parser.add_argument("--db", help="database URL (or a SQLite path)")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision", help="create a new revision file")
    rev.add_argument("-m", "--message", required=True)
    rev.add_argument("--autogenerate", action="store_true")
    rev.add_argument("--rev-id", help="e.g. 0002 (default: next number)")
    up = sub.add_parser("upgrade")
    up.add_argument("target", nargs="?", default="head")
    down = sub.add_parser("downgrade")
    down.add_argument("target")
    sub.add_parser("current")
    sub.add_parser("history")
    args = parser.parse_args(argv)

    from productivity_plans.config import database_url

    url = database_url(args.db) if args.db or args.cmd != "revision" or args.autogenerate else None
    config = alembic_config(url=url)
    if args.cmd == "revision":
        command.revision(
            config,
            message=args.message,
            autogenerate=args.autogenerate,
            rev_id=args.rev_id or _next_rev_id(config),
        )
    elif args.cmd == "upgrade":
        command.upgrade(config, args.target)
    elif args.cmd == "downgrade":
        command.downgrade(config, args.target)
    elif args.cmd == "current":
        command.current(config)
    else:
        command.history(config)
    return 0


def _next_rev_id(config: Config) -> str:
    """Sequential ids (0001, 0002, ...) read better than random hex in a small project."""
    head = ScriptDirectory.from_config(config).get_current_head()
    return f"{int(head) + 1:04d}" if head and head.isdigit() else "0001"
