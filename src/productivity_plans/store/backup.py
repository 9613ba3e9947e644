"""Backing a store up to one file and restoring it, while the store is in use.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot page
by page while other processes read and write; a restore copies the backup over the store the
same way, so readers never see a half-written file. PostgreSQL: ``pg_dump --format=custom``
(a consistent snapshot from one transaction) and ``pg_restore --clean``, the server's own
tools, which must be on the PATH (the ``postgresql-client`` package).

A backup holds the schema version (Alembic's table); ``Store.open`` after a restore brings an
older backup up to the current schema.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL, make_url

BACKUP_TABLES = ("alembic_version", "documents")  # what a file must hold to be one of ours


class BackupError(Exception):
    """A backup or restore that could not be done, with a sentence saying why."""


def backup(database_url: str, destination: Path) -> None:
    """Write a consistent copy of the store at ``database_url`` to ``destination``."""
    if destination.exists():
        raise BackupError(f"{destination} already exists: choose a new file name")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with closing(_sqlite(url)) as source, closing(sqlite3.connect(destination)) as copy:
            source.backup(copy)
        return
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(destination)], url)


def restore(database_url: str, source: Path) -> None:
    """Replace the contents of the store at ``database_url`` by the backup in ``source``."""
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with closing(sqlite3.connect(source)) as backup_file:
            _check_sqlite_backup(backup_file, source)
            with closing(_sqlite(url)) as target:
                backup_file.backup(target)
        return
    _check_pg_backup(source)
    replace = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run(["pg_restore", *replace], url, source)


def _sqlite(url: URL) -> sqlite3.Connection:
    path = url.database
    if not path or path == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return sqlite3.connect(path)


def _check_sqlite_backup(connection: sqlite3.Connection, source: Path) -> None:
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source} is not a SQLite backup ({exc})") from exc
    if not set(BACKUP_TABLES) <= tables:
        raise BackupError(f"{source} is not a backup of a prodplans store")


def _check_pg_backup(source: Path) -> None:
    listing = _tool(["pg_restore", "--list", str(source)], f"{source} is not a pg_dump backup")
    # One line per table's data: "3377; 0 16390 TABLE DATA public documents prodplans".
    if not all(re.search(rf"TABLE DATA \S+ {table}\b", listing) for table in BACKUP_TABLES):
        raise BackupError(f"{source} is not a backup of a prodplans store")


def _run(command: list[str], url: URL, source: Path | None = None) -> None:
    """Run a PostgreSQL client tool against the database at ``url``; libpq reads the URL
    without SQLAlchemy's driver name."""
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    _tool([*command, "--dbname", libpq, *([str(source)] if source else [])], command[0])


def _tool(command: list[str], failure: str) -> str:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{failure}: {done.stderr.strip() or done.returncode}")
    return done.stdout
