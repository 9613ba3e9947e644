"""Backup and restore round trips on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from tests.fixtures.make_files import corpus_files

from productivity_plans.pipeline import ingest_files
from productivity_plans.store import Store
from productivity_plans.store.backup import BackupError, backup, restore

TABLES = ("documents", "sources", "blocks", "facts", "passages", "machine_codes", "passage_vectors")


def _ingest(store: Store, folder: Path, paths: list[Path]) -> None:
    folder.mkdir(exist_ok=True)
    copies = [Path(shutil.copy(path, folder / path.name)) for path in paths]
    assert ingest_files([(path, None) for path in copies], store).ok


def _contents(url: str) -> dict[str, object]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found: dict[str, object] = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in TABLES
            }
            found["sha256"] = sorted(
                connection.execute(text("SELECT sha256 FROM documents")).scalars()
            )
    finally:
        engine.dispose()
    with Store.open(url) as store:
        found["search"] = [(h.document_id, h.block_id) for h in store.search("council")]
    return found


@pytest.fixture
def empty_database(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another, empty database of the same kind (on PostgreSQL a new database, as a backup of
    one test's schema recreates that schema)."""
    if make_url(database_url).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}"
        return
    name = f"restore_{uuid.uuid4().hex}"
    admin = create_engine(make_url(database_url).set(query={}), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_backup_restored_into_an_empty_database_holds_the_same_store(
    tmp_path: Path, database_url: str, empty_database: str
) -> None:
    with Store.open(database_url) as store:
        _ingest(store, tmp_path / "papers", corpus_files()[:3])
    copy = tmp_path / "store.backup"
    backup(database_url, copy)
    restore(empty_database, copy)
    original = _contents(database_url)
    assert original["passages"] and original["search"]
    assert _contents(empty_database) == original


def test_a_restore_replaces_what_the_store_held_since_the_backup(
    tmp_path: Path, database_url: str
) -> None:
    with Store.open(database_url) as store:
        _ingest(store, tmp_path / "papers", corpus_files()[:2])
    before = _contents(database_url)
    copy = tmp_path / "store.backup"
    backup(database_url, copy)
    with Store.open(database_url) as store:
        _ingest(store, tmp_path / "later", corpus_files()[2:4])
    assert _contents(database_url) != before
    restore(database_url, copy)
    assert _contents(database_url) == before


def test_a_backup_never_overwrites_a_file_and_a_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, database_url: str
) -> None:
    taken = tmp_path / "taken"
    taken.write_text("keep me")
    with pytest.raises(BackupError, match="already exists"):
        backup(database_url, taken)
    assert taken.read_text() == "keep me"
    with pytest.raises(BackupError, match="not a"):
        restore(database_url, taken)
