"""`prodplans council`, `compliance`, `extract` and `evaluate` as a user runs them: a real
subprocess on a SQLite database ingested from the bundled example manifest."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import productivity_plans

SRC = Path(productivity_plans.__file__).resolve().parents[1]
MANIFEST = SRC / "productivity_plans" / "examples" / "manifest.jsonl"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def prodplans(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(SRC), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "productivity_plans", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "prodplans.sqlite"
    done = prodplans("ingest", "--manifest", str(MANIFEST), "--db", str(path))
    assert done.returncode == 0, done.stderr
    return str(path)


def test_council_prints_the_trail_and_the_compliance_view(db: str) -> None:
    done = prodplans("council", "Ashfield", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Ashfield District Council" in done.stdout
    assert "Governance trail" in done.stdout
    assert "2024-07-15" in done.stdout and "Leader" in done.stdout
    assert "member_oversight" in done.stdout and "evidenced" in done.stdout


def test_council_accepts_a_gss_code_and_prints_json_claims(db: str) -> None:
    done = prodplans("council", "E10000025", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    claims = {c["requirement"]: c for c in map(json.loads, done.stdout.splitlines())}
    assert claims["member_oversight"]["status"] == "evidenced"
    assert claims["member_oversight"]["body"] == "Cabinet"
    assert claims["decision_before_deadline"]["date"] == "2024-06-18"


def test_an_unknown_council_is_a_clear_error(db: str) -> None:
    done = prodplans("council", "Borsetshire Xyzzy", "--db", db)
    assert done.returncode == 2
    assert "No council" in done.stdout + done.stderr


def test_compliance_lists_all_317_councils_and_the_csv_export_parses(
    db: str, tmp_path: Path
) -> None:
    out = tmp_path / "compliance.csv"
    done = prodplans("compliance", "--db", db, "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 317
    by_code = {r["gss_code"]: r for r in rows}
    assert by_code["E07000170"]["member_oversight"] == "evidenced"
    assert by_code["E08000001"]["member_oversight"] == "no documents"  # Bolton: none held
    assert list(csv.DictReader(done.stdout.splitlines())) == rows


def test_compliance_filters_by_region_type_and_status(db: str) -> None:
    done = prodplans(
        "compliance", "--db", db, "--region", "East Midlands", "--type", "county", "-f", "json"
    )
    assert done.returncode == 0, done.stderr
    names = {json.loads(line)["council"] for line in done.stdout.splitlines()}
    assert names == {
        "Derbyshire County Council",
        "Leicestershire County Council",
        "Lincolnshire County Council",
        "Nottinghamshire County Council",
    }
    late = prodplans("compliance", "--db", db, "--status", "no_documents", "-f", "json")
    assert late.returncode == 0, late.stderr
    assert len(late.stdout.splitlines()) < 317


def test_extract_re_extracts_every_stored_document(db: str) -> None:
    done = prodplans("extract", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "13 document" in done.stderr


def test_evaluate_prints_the_extraction_table() -> None:
    done = prodplans("evaluate", str(CORPUS / "labels.jsonl"), str(CORPUS))
    assert done.returncode == 0, done.stderr
    assert "extraction" in done.stdout
    assert "decision_body" in done.stdout and "council_code" in done.stdout
    bad = prodplans("evaluate", str(CORPUS / "labels.jsonl"), str(CORPUS), "--part", "x")
    assert bad.returncode == 2
