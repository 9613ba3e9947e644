"""A crash at any point of an ingest, then the same command again: every document stored and
coded exactly once. Real processes killed with SIGKILL, real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from productivity_plans.store import Store
from tests.fixtures.make_files import corpus_files

FIXTURES = Path(__file__).parent / "fixtures"
KILL_AT = 10  # the document whose coding is cut short


def _run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = os.environ | {"COLUMNS": "200", "PRODPLANS_DATA_DIR": "/nonexistent-unused"}
    return subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        env=full_env | (env or {}),
        check=False,
        timeout=300,
    )


def _prodplans(*args: str) -> subprocess.CompletedProcess[str]:
    return _run("-m", "productivity_plans", *args)


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    queries = {
        "documents": "SELECT count(*) FROM documents",
        "sources": "SELECT count(*) FROM sources",
        "passages": "SELECT count(*) FROM passages",
        "machine codes": "SELECT count(*) FROM machine_codes",
        "vectors": "SELECT count(*) FROM passage_vectors",
        "coded": "SELECT count(*) FROM coded_documents",
        "passages without a vector": (
            "SELECT count(*) FROM passages p WHERE p.current AND NOT EXISTS "
            "(SELECT 1 FROM passage_vectors v WHERE v.passage_id = p.id)"
        ),
        "passages of uncoded documents": (
            "SELECT count(*) FROM passages p WHERE NOT EXISTS "
            "(SELECT 1 FROM coded_documents c WHERE c.document_id = p.document_id)"
        ),
    }
    try:
        with engine.connect() as connection:
            run = connection.execute
            found = {name: run(text(sql)).scalar_one() for name, sql in queries.items()}
            return found
    finally:
        engine.dispose()


def _stats(url: str) -> dict[str, int]:
    shown = _prodplans("stats", "--db", url, "--format", "json").stdout.splitlines()
    return {row["measure"]: row["value"] for row in map(json.loads, shown)}


def _papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for path in corpus_files():
        shutil.copy(path, folder / path.name)
    return folder


def _killed_ingest(folder: Path, database_url: str) -> None:
    killed = _run(
        str(FIXTURES / "die_while_coding.py"),
        *("ingest", str(folder), "--db", database_url),
        env={"PRODPLANS_TEST_KILL_AT": str(KILL_AT)},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr


def _finished_like_an_uninterrupted_run(tmp_path: Path, folder: Path, database_url: str) -> None:
    again = _prodplans("ingest", str(folder), "--db", database_url)
    assert again.returncode == 0, again.stdout + again.stderr

    reference = f"sqlite:///{tmp_path / 'uninterrupted.sqlite'}"
    assert _prodplans("ingest", str(folder), "--db", reference).returncode == 0
    finished = _counts(database_url)
    assert finished == _counts(reference)
    assert finished["coded"] == finished["documents"]
    assert finished["passages without a vector"] == 0
    shown = _stats(database_url)
    assert (shown["coded documents"], shown["uncoded documents"]) == (finished["documents"], 0)


def test_an_ingest_killed_while_storing_is_finished_by_the_same_command(
    tmp_path: Path, database_url: str
) -> None:
    folder = _papers(tmp_path)
    _killed_ingest(folder, database_url)
    cut_short = _counts(database_url)
    # A new document is stored with its coding in one transaction: the killed one is gone
    # whole, and no document is left stored but uncoded.
    assert cut_short["documents"] == cut_short["coded"] == KILL_AT - 1
    assert cut_short["passages of uncoded documents"] == 0
    assert _stats(database_url)["uncoded documents"] == 0
    _finished_like_an_uninterrupted_run(tmp_path, folder, database_url)


def test_an_ingest_killed_while_coding_stored_documents_is_finished_by_the_same_command(
    tmp_path: Path, database_url: str
) -> None:
    folder = _papers(tmp_path)
    stored = _prodplans("ingest", str(folder), "--db", database_url, "--no-code")
    assert stored.returncode == 0, stored.stdout + stored.stderr
    _killed_ingest(folder, database_url)
    cut_short = _counts(database_url)
    assert cut_short["documents"] == len(corpus_files())
    assert cut_short["coded"] == KILL_AT - 1  # the killed document's transaction is gone
    assert cut_short["passages of uncoded documents"] == 0
    assert _stats(database_url)["uncoded documents"] == len(corpus_files()) - KILL_AT + 1
    _finished_like_an_uninterrupted_run(tmp_path, folder, database_url)


def test_a_rerun_with_everything_coded_never_reads_passage_vectors(tmp_path: Path) -> None:
    from sqlalchemy import event

    from productivity_plans.pipeline import ingest_files

    folder = tmp_path / "papers"
    folder.mkdir()
    items = [(shutil.copy(path, folder / path.name), None) for path in corpus_files()[:4]]
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store:
        first = ingest_files([(Path(p), u) for p, u in items], store)
        assert first.coding is not None and len(first.coding.coded) == 4
        statements: list[str] = []
        event.listen(
            store.engine, "before_cursor_execute", lambda *a: statements.append(a[2].lower())
        )
        second = ingest_files([(Path(p), u) for p, u in items], store)
    assert second.coding is not None and not second.coding.coded
    assert len(second.coding.skipped) == 4
    assert statements and not [s for s in statements if "passage_vectors" in s]
