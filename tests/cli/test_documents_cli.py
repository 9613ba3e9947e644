"""The `prodplans` command end to end: a real subprocess, real files, a real database."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.make_files import (
    make_docx,
    make_html,
    make_image_only_pdf,
    make_pdf,
    make_text,
    make_truncated_pdf,
    make_zip_bomb_docx,
)

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
CONTRACT_KEYS = {
    "path",
    "url",
    "sha256",
    "pages",
    "chars",
    "error",
    "error_detail",
    "doc_type",
    "council",
    "decision",
    "submitted_date",
    "themes",
    "barriers",
    "measures",
}


def prodplans(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = os.environ | {"COLUMNS": "200", "PRODPLANS_DATA_DIR": "/nonexistent-unused"}
    return subprocess.run(
        [sys.executable, "-m", "productivity_plans", *args],
        capture_output=True,
        text=True,
        env=full_env | (env or {}),
        check=False,
        timeout=120,
    )


def good_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        make_pdf(
            folder / "plan.pdf",
            ["Borsetshire productivity plan", "Single year settlements stop us planning ahead."],
        ),
        make_docx(
            folder / "report.docx",
            [("Heading 1", "Report to Cabinet"), ("Normal", "Cabinet approved the plan.")],
        ),
        make_html(folder / "page.html"),
        make_text(folder / "notes.txt", "Productivity plan notes.\n\nThe plan was published."),
    ]


def bad_files(folder: Path) -> dict[str, str]:
    """Each bad input with the error code it must be reported under."""
    folder.mkdir(parents=True, exist_ok=True)
    encrypted = make_pdf(folder / "locked.pdf", ["secret"], user_password="pw")
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    renamed = folder / "actually-html.pdf"
    renamed.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    return {
        str(make_truncated_pdf(folder / "broken.pdf")): "corrupt",
        str(encrypted): "encrypted",
        str(empty): "empty_file",
        str(renamed): "wrong_extension",
        str(make_zip_bomb_docx(folder / "bomb.docx")): "zip_bomb",
    }


def test_inspect_prints_a_contract_line_for_every_corpus_document() -> None:
    docs = sorted((CORPUS / "docs").glob("*.txt"))
    result = prodplans("inspect", "--json", *map(str, docs))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(docs) == 35
    for line in lines:
        assert set(line) == CONTRACT_KEYS
        assert line["error"] is None
        assert len(line["sha256"]) == 64
        assert line["chars"] > 0 and line["pages"] >= 1
        assert set(line["council"]) == {"name", "code", "type"}
        assert set(line["decision"]) == {"body", "date", "outcome"}
        assert isinstance(line["themes"], list)


def test_inspect_names_each_bad_input_instead_of_a_traceback(tmp_path: Path) -> None:
    expected = bad_files(tmp_path)
    scanned = make_image_only_pdf(tmp_path / "scanned.pdf")
    expected[str(scanned)] = "no_text_layer"
    result = prodplans("inspect", "--json", *expected)
    assert "Traceback" not in result.stderr
    got = {line["path"]: line for line in map(json.loads, result.stdout.splitlines())}
    assert {path: line["error"] for path, line in got.items()} == expected
    assert all(line["error_detail"] for line in got.values())


def test_inspect_reads_urls_from_a_manifest(tmp_path: Path) -> None:
    paper = make_text(tmp_path / "paper.txt", "Blaby District Council\n\nCabinet Executive")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,url\npaper.txt,https://www.blaby.gov.uk/plan\n", encoding="utf-8")
    result = prodplans("inspect", "--json", "--manifest", str(manifest))
    line = json.loads(result.stdout)
    assert line["url"] == "https://www.blaby.gov.uk/plan"
    assert Path(line["path"]).resolve() == paper.resolve()


def test_an_article_about_no_council_names_no_barriers_or_measures(tmp_path: Path) -> None:
    text = (
        "Councils warn of funding gap in productivity plans\n\nBy Jane Reporter\n\n"
        "Councils across England used their productivity plans to warn that single-year "
        "settlements and the rising cost of temporary accommodation leave them unable to plan. "
        "Several said they benchmark their costs against their nearest neighbours.\n"
    )
    make_text(tmp_path / "article.txt", text)
    make_text(tmp_path / "ours.txt", "Blaby District Council\n\n" + text)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,url\narticle.txt,https://www.example-news.co.uk/councils/plans\n"
        "ours.txt,https://www.blaby.gov.uk/news/plan\n",
        encoding="utf-8",
    )
    result = prodplans("inspect", "--json", "--manifest", str(manifest))
    lines = {Path(r["path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert lines["article.txt"]["council"]["code"] is None
    assert (lines["article.txt"]["barriers"], lines["article.txt"]["measures"]) == ([], [])
    assert lines["ours.txt"]["council"]["code"] == "E07000129"
    assert lines["ours.txt"]["barriers"] and lines["ours.txt"]["measures"]


def test_ingest_reports_every_failure_by_name_and_still_ingests_the_rest(tmp_path: Path) -> None:
    good_files(tmp_path / "in")
    expected = bad_files(tmp_path / "in" / "bad")
    db = tmp_path / "batch.sqlite"
    result = prodplans("ingest", str(tmp_path / "in"), "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for path, code in expected.items():
        assert Path(path).name in result.stderr
        assert code in result.stderr
    assert "CPU time by stage: parse" in result.stderr
    with sqlite3.connect(db) as connection:
        (documents,) = connection.execute("select count(*) from documents").fetchone()
        (sources,) = connection.execute("select group_concat(source, '|') from sources").fetchone()
    assert documents == 4
    assert not any(Path(p).name in sources for p in expected)


def test_re_running_ingest_skips_unchanged_files_and_merges_a_renamed_copy(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    db = tmp_path / "again.sqlite"
    first = prodplans("ingest", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    second = prodplans("ingest", str(folder), "--db", str(db))
    assert second.returncode == 0
    assert _count(second.stderr, "skipped") == 4
    shutil.copy(folder / "plan.pdf", folder / "plan-copy.pdf")
    third = prodplans("ingest", str(folder), "--db", str(db))
    assert _count(third.stderr, "duplicate") == 1
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from documents").fetchone() == (4,)
        assert connection.execute("select count(*) from sources").fetchone() == (5,)


def _count(summary: str, status: str) -> int:
    """The number in the summary table's row for ``status``."""
    for line in summary.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if cells and cells[0] == status:
            return int(cells[-1])
    raise AssertionError(f"no {status!r} row in:\n{summary}")


def test_search_finds_an_ingested_passage_with_its_page(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    db = str(tmp_path / "search.sqlite")
    assert prodplans("ingest", str(folder), "--db", db).returncode == 0
    result = prodplans("search", "single year settlements", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and hits[0]["page"] == 2
    assert "[Single]" in hits[0]["snippet"] or "[single]" in hits[0]["snippet"].lower()


def test_hostile_text_in_a_passage_is_printed_not_interpreted(tmp_path: Path) -> None:
    text = "Settlement [bold red]markup[/] and [/nonsense] <script>alert(1)</script> settlement"
    (tmp_path / "in").mkdir()
    make_text(tmp_path / "in" / "hostile.txt", text)
    db = str(tmp_path / "hostile.sqlite")
    assert prodplans("ingest", str(tmp_path / "in"), "--db", db).returncode == 0
    result = prodplans("search", "markup", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "[bold red]" in result.stdout and "[/nonsense]" in result.stdout


def test_the_database_url_can_come_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good_files(folder)
    db = tmp_path / "env.sqlite"
    env = {"PRODPLANS_DATABASE_URL": f"sqlite:///{db}"}
    assert prodplans("ingest", str(folder), env=env).returncode == 0
    assert db.exists()
    stats = prodplans("stats", "--format", "json", env=env)
    figures = {row["measure"]: row["value"] for row in map(json.loads, stats.stdout.splitlines())}
    assert figures["documents"] == 4


@pytest.mark.postgres
def test_ingest_and_search_work_against_postgresql(tmp_path: Path, postgres_server) -> None:  # type: ignore[no-untyped-def]
    url = postgres_server.create_namespace()
    try:
        good_files(tmp_path / "in")
        assert prodplans("ingest", str(tmp_path / "in"), "--db", url).returncode == 0
        result = prodplans("search", "settlements", "--db", url, "--format", "json")
        assert [json.loads(line)["page"] for line in result.stdout.splitlines()] == [2]
    finally:
        postgres_server.drop_namespace(url)


def test_demo_ingests_the_bundled_examples_and_shows_a_search(tmp_path: Path) -> None:
    result = prodplans("demo", "--db", str(tmp_path / "demo.sqlite"))
    assert result.returncode == 0, result.stderr
    assert "single year settlement" in result.stdout
    assert "Blaby District Council" in result.stdout


def test_councils_lists_the_317_in_force_at_the_deadline() -> None:
    result = prodplans("councils", "--format", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 317
    counties = prodplans("councils", "--type", "county", "--format", "csv")
    assert len(counties.stdout.strip().splitlines()) == 1 + 21


def test_a_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = prodplans("ingest", str(tmp_path / "nope.pdf"), "--db", str(tmp_path / "x.sqlite"))
    assert result.returncode == 2
    assert "nope.pdf" in result.stderr and "Traceback" not in result.stderr


def test_inspect_gives_a_page_naming_no_council_its_sites_council(tmp_path: Path) -> None:
    """The corpus's Stockton-on-Tees plan page (d013) never names the council; its site's
    other page (d052) does. Inspected together, as an ingest batch is, both carry it."""
    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
    labels = {
        json.loads(line)["file"]: json.loads(line)["url"]
        for line in (corpus / "labels.jsonl").read_text().splitlines()
    }
    manifest = tmp_path / "manifest.csv"
    rows = [f"{corpus / name},{labels[name]}" for name in ("docs/d013.txt", "docs/d052.txt")]
    manifest.write_text("path,url\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = prodplans("inspect", "--json", "--manifest", str(manifest))
    assert result.returncode == 0, result.stderr
    codes = [json.loads(line)["council"]["code"] for line in result.stdout.splitlines()]
    assert codes == ["E06000004", "E06000004"]
    alone = prodplans("inspect", "--json", str(corpus / "docs" / "d013.txt"))
    assert json.loads(alone.stdout)["council"]["code"] is None


def test_the_installed_script_is_light_to_run_again_in_each_pool_worker() -> None:
    """The ingest pool's forkserver (and, without one, every "spawn" worker) runs the parent's
    main script again: the `prodplans` script must not import the whole CLI (≈ 0.7 s) when it
    is not the main module."""
    script = Path(sys.executable).parent / "prodplans"
    as_a_worker = (
        "import runpy, sys; runpy.run_path(sys.argv[1], run_name='__mp_main__'); "
        "print(sorted(m for m in sys.modules if m.startswith('productivity_plans')))"
    )
    worker = subprocess.run(
        [sys.executable, "-c", as_a_worker, str(script)], capture_output=True, text=True, check=True
    )
    assert worker.stdout.strip() == "['productivity_plans', 'productivity_plans.__main__']"
    command = subprocess.run(
        [str(script), "councils", "--name", "Blaby"], capture_output=True, text=True
    )
    assert command.returncode == 0 and "E07000129" in command.stdout


def _stored_sources(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT source FROM sources ORDER BY id")]


def test_a_file_whose_name_is_not_utf8_is_stored_under_an_escaped_name(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    make_text(folder / os.fsdecode(b"r\xe9sum\xe9.txt"), "Cabinet approved the plan.")
    make_text(folder / "notes.txt", "Productivity plan notes.")
    db = tmp_path / "store.sqlite"
    first = prodplans("ingest", str(folder), "--db", str(db), "--no-code")
    assert first.returncode == 0, first.stdout + first.stderr
    assert _stored_sources(db) == [str(folder / "notes.txt"), str(folder / "r\\xe9sum\\xe9.txt")]
    again = prodplans("ingest", str(folder), "--db", str(db), "--no-code")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "skipped │ 2 │" in " ".join((again.stdout + again.stderr).split())


def test_ingest_reports_link_loops_and_fifos_by_name_and_ingests_the_rest(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    make_text(folder / "notes.txt", "Productivity plan notes.")
    (folder / "again").symlink_to(".")
    (folder / "also").symlink_to(".")
    os.mkfifo(folder / "pipe.txt")
    db = tmp_path / "store.sqlite"
    result = prodplans("ingest", str(folder), "--db", str(db), "--no-code")
    assert result.returncode == 0, result.stdout + result.stderr
    output = " ".join((result.stdout + result.stderr).split())
    for name, code in (("again", "link_loop"), ("also", "link_loop"), ("pipe.txt", "special_file")):
        assert f"{folder / name} │ skipped │ {code}" in output
    assert _stored_sources(db) == [str(folder / "notes.txt")]


def test_more_files_than_the_limit_refuses_the_batch_with_too_many_files(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    for i in range(3):
        make_text(folder / f"{i}.txt", f"Paper {i}.")
    db = tmp_path / "store.sqlite"
    result = prodplans("ingest", str(folder), "--db", str(db), env={"PRODPLANS_MAX_FILES": "2"})
    assert result.returncode == 2
    assert "too_many_files" in result.stdout + result.stderr
    assert "PRODPLANS_MAX_FILES" in result.stdout + result.stderr
    assert not db.exists() or not _stored_sources(db)


def test_ingest_shows_a_text_stored_with_an_unknown_encoding(tmp_path: Path) -> None:
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(b"Council plan text. " * 30 + bytes(range(0x80, 0xA0)) * 5)
    db = tmp_path / "store.sqlite"
    result = prodplans("ingest", str(garbled), "--db", str(db), "--no-code")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{garbled} │ ingested │ encoding_unknown" in " ".join(
        (result.stdout + result.stderr).split()
    )
    with sqlite3.connect(db) as connection:
        (warnings,) = connection.execute("SELECT warnings FROM documents").fetchone()
    assert "encoding_unknown" in warnings


def test_backup_and_restore_round_trip_and_restore_asks_before_replacing(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    good_files(folder)
    db, copy, other = tmp_path / "store.sqlite", tmp_path / "store.backup", tmp_path / "new.sqlite"
    assert prodplans("ingest", str(folder), "--db", str(db), "--no-code").returncode == 0
    assert prodplans("backup", str(copy), "--db", str(db)).returncode == 0
    restored = prodplans("restore", str(copy), "--db", str(other))
    assert restored.returncode == 0, restored.stderr
    assert "Restored 4 documents" in restored.stderr
    stats = [prodplans("stats", "--db", str(d), "--format", "json").stdout for d in (db, other)]
    assert stats[0] == stats[1]
    refused = prodplans("restore", str(copy), "--db", str(db))
    assert refused.returncode == 2 and "--replace" in refused.stderr
    assert prodplans("restore", str(copy), "--db", str(db), "--replace").returncode == 0
