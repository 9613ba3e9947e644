"""`prodplans code / review / train / agreement / codes` end to end, in a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "src" / "productivity_plans" / "examples"


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200", "PRODPLANS_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "productivity_plans", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "plans.sqlite")
    ingest = run(
        "ingest",
        "--no-code",
        "--manifest",
        str(EXAMPLES / "manifest.jsonl"),
        "--db",
        path,
        data_dir=tmp_path,
    )
    assert ingest.returncode == 0, ingest.stderr
    return path


def figure(stdout: str, label: str) -> str:
    """The value beside ``label`` in a two-column summary table."""
    found = re.search(rf"│ {re.escape(label)}\s*│ (\S+)", stdout)
    assert found, stdout
    return found.group(1)


def json_lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_code_review_train_and_agreement_from_the_command_line(db: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run("code", "--db", db, data_dir=data)
    assert first.returncode == 0, first.stderr
    assert figure(first.stdout, "documents coded") == "13"
    again = run("code", "--db", db, data_dir=data)
    assert figure(again.stdout, "already coded (skipped)") == "13"

    listed = run(
        "review", "--db", db, "--threshold", "0.7", "--limit", "5", "-f", "json", data_dir=data
    )
    assert listed.returncode == 0, listed.stderr
    queue = json_lines(listed.stdout)
    assert 0 < len(queue) <= 5
    assert all(float(str(q["confidence"])) < 0.7 for q in queue)
    assert {"code_id", "passage_id", "page", "start", "end", "model_version"} <= set(queue[0])
    table = run("review", "--db", db, "--limit", "3", data_dir=data)
    assert table.returncode == 0 and "Machine codes below 0.8" in table.stdout

    accepted = run(
        "review",
        "accept",
        str(queue[0]["code_id"]),
        "--db",
        db,
        "--analyst",
        "alice",
        data_dir=data,
    )
    assert accepted.returncode == 0, accepted.stderr
    rejected = run(
        "review",
        "reject",
        str(queue[1]["code_id"]),
        "--db",
        db,
        "--analyst",
        "alice",
        "--note",
        "not about technology",
        data_dir=data,
    )
    assert rejected.returncode == 0, rejected.stderr
    passage = str(queue[2]["passage_id"])
    recoded = run(
        "review",
        "recode",
        passage,
        "--kind",
        "council",
        "--heading",
        "wasteful_spend",
        "--barrier",
        "procurement_rules",
        "--db",
        db,
        "--analyst",
        "bob",
        data_dir=data,
    )
    assert recoded.returncode == 0, recoded.stderr
    after = json_lines(
        run(
            "review",
            "--db",
            db,
            "--threshold",
            "0.7",
            "--limit",
            "100",
            "-f",
            "json",
            data_dir=data,
        ).stdout
    )
    assert not {queue[0]["code_id"], queue[1]["code_id"]} & {q["code_id"] for q in after}

    unknown = run("review", "accept", "999999", "--db", db, data_dir=data)
    assert unknown.returncode == 2 and "no machine code 999999" in unknown.stderr
    bad = run("review", "recode", passage, "--barrier", "weather", "--db", db, data_dir=data)
    assert bad.returncode == 2 and "not a barrier" in bad.stderr
    assert "Traceback" not in unknown.stderr + bad.stderr

    kappa = run("agreement", "--a", "bob", "--b", "model", "--db", db, "-f", "json", data_dir=data)
    assert kappa.returncode == 0, kappa.stderr
    rows = {r["code_type"]: r for r in json_lines(kappa.stdout)}
    assert rows["barrier"]["passages"] == 1 and rows["heading"]["passages"] == 1

    trained = run("train", "--db", db, data_dir=data)
    assert trained.returncode == 0, trained.stderr
    assert figure(trained.stdout, "human-decided passages") == str(
        len({q["passage_id"] for q in queue[:3]})
    )
    assert any((data / "models").iterdir())
    recoding = run("code", "--db", db, data_dir=data)  # picks the newest trained model
    assert figure(recoding.stdout, "documents coded") == "13"

    codes = run("codes", "1", "--db", db, "--json", data_dir=data)
    assert codes.returncode == 0, codes.stderr
    assert {"themes", "barriers", "measures", "model_version"} <= set(json.loads(codes.stdout))


def test_train_without_decisions_is_a_clear_error(db: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("code", "--db", db, data_dir=data).returncode == 0
    result = run("train", "--db", db, data_dir=data)
    assert result.returncode == 2 and "no human decisions" in result.stderr
