import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from productivity_plans.framework import (
    FrameworkError,
    bundled_frameworks,
    load_framework,
    load_framework_file,
    load_regime,
)

TINY = """
id: borsetshire-waste-2031
version: 1
title: Borsetshire waste plans 2031
letter: {date: 2031-01-10, from: Borsetshire Minister, title: Waste}
deadline: 2031-03-31
expected_pages: {min: 1, max: 2}
requirements:
  member_oversight: false
  publication: true
  progress_updates: false
  rated_or_scored: false
purpose: Find out how councils collect bins.
headings:
  - id: bins
    number: 1
    title: Bins
    text: How do you collect bins?
    source: verbatim
    questions:
      - {id: bins.frequency, text: "How often are bins emptied?", source: verbatim}
barriers:
  - {id: lorries, label: Lorries, description: Not enough lorries.}
outcomes:
  - {id: approved, description: Approved.}
document_types:
  - {id: plan, description: A plan.}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_2024_regime_has_its_letter_deadline_and_four_headings() -> None:
    framework = load_framework()
    assert framework.letter.date == date(2024, 4, 16)
    assert framework.deadline == date(2024, 7, 19)
    assert (framework.expected_pages.min, framework.expected_pages.max) == (3, 4)
    assert framework.requirements.member_oversight
    assert framework.requirements.publication
    assert framework.requirements.progress_updates
    assert not framework.requirements.rated_or_scored
    assert [h.id for h in framework.headings] == [
        "transformation",
        "technology_data",
        "wasteful_spend",
        "barriers",
    ]


def test_every_heading_has_questions_and_the_verbatim_ones_are_marked() -> None:
    framework = load_framework()
    assert all(h.questions for h in framework.headings)
    verbatim = [q.id for q in framework.questions if q.source == "verbatim"]
    assert "transformation.measuring_productivity" in verbatim
    assert framework.heading_of("technology_data.future_plans").id == "technology_data"


def test_the_barrier_taxonomy_keeps_the_corpus_ids() -> None:
    ids = set(load_framework().barrier_ids)
    assert {"single_year_settlements", "send_costs", "recruitment_retention", "other"} <= ids
    assert len(ids) == 19


def test_outcomes_cover_the_decision_vocabulary() -> None:
    assert load_framework().outcome_ids == [
        "approved",
        "endorsed",
        "noted",
        "delegated",
        "deferred",
        "none",
        "unknown",
    ]


def test_a_second_framework_loads_from_a_file_without_code_changes(tmp_path: Path) -> None:
    framework = load_framework(str(write(tmp_path, TINY)))
    assert framework.id == "borsetshire-waste-2031"
    assert [q.id for q in framework.questions] == ["bins.frequency"]
    assert framework.barrier_ids == ["lorries"]


def test_duplicate_ids_are_rejected_with_the_file_name(tmp_path: Path) -> None:
    text = TINY.replace("id: lorries", "id: x").replace(
        "barriers:\n", "barriers:\n  - {id: x, label: X, description: X.}\n", 1
    )
    with pytest.raises(FrameworkError, match=r"(?s)tiny\.yaml.*duplicate barrier id"):
        load_framework_file(write(tmp_path, text))


def test_a_barriers_setting_must_be_a_barrier_of_the_framework(tmp_path: Path) -> None:
    text = TINY.replace(
        "{id: lorries, label: Lorries, description: Not enough lorries.}",
        "{id: lorries, label: Lorries, description: Not enough lorries., settings: [crews]}",
    )
    with pytest.raises(FrameworkError, match="unknown setting"):
        load_framework_file(write(tmp_path, text))


@pytest.mark.parametrize("absorbs", ["[crews]", "[lorries]"])
def test_a_barrier_absorbs_only_other_barriers_of_the_framework(
    tmp_path: Path, absorbs: str
) -> None:
    text = TINY.replace(
        "{id: lorries, label: Lorries, description: Not enough lorries.}",
        f"{{id: lorries, label: Lorries, description: Not enough lorries., absorbs: {absorbs}}}",
    )
    with pytest.raises(FrameworkError, match="absorbs unknown or its own"):
        load_framework_file(write(tmp_path, text))


def test_a_question_outside_its_heading_is_rejected(tmp_path: Path) -> None:
    text = TINY.replace("id: bins.frequency", "id: lorries.frequency")
    with pytest.raises(FrameworkError, match="prefixed with its heading"):
        load_framework_file(write(tmp_path, text))


def test_unknown_keys_and_missing_fields_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError, match="colour"):
        load_framework_file(write(tmp_path, TINY + "colour: blue\n"))
    with pytest.raises(FrameworkError, match="deadline"):
        load_framework_file(write(tmp_path, TINY.replace("deadline: 2031-03-31\n", "")))


def test_an_unknown_bundled_name_lists_what_is_bundled() -> None:
    assert "productivity-2024" in bundled_frameworks()
    with pytest.raises(FrameworkError, match="productivity-2024"):
        load_framework("no-such-regime")


@pytest.mark.parametrize("name", bundled_frameworks())
def test_the_light_regime_reader_agrees_with_the_validated_framework(name: str) -> None:
    regime, framework = load_regime(name), load_framework(name)
    assert regime.letter_date == framework.letter.date
    assert regime.deadline == framework.deadline
    assert list(regime.outcome_ids) == framework.outcome_ids
    assert list(regime.document_type_ids) == framework.document_type_ids


def test_the_regime_of_a_file_is_read_from_that_file(tmp_path: Path) -> None:
    regime = load_regime(str(write(tmp_path, TINY)))
    assert (regime.letter_date, regime.deadline) == (date(2031, 1, 10), date(2031, 3, 31))
    assert regime.outcome_ids == ("approved",)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("deadline: 2031-03-31\n", "", "deadline must be a date"),
        ("deadline: 2031-03-31", "deadline: soon", "deadline must be a date"),
        ("letter: {date: 2031-01-10,", "letter: {", "letter.date must be a date"),
        ("{id: approved, description: Approved.}", "{description: Approved.}", "needs an id"),
    ],
)
def test_the_regime_reader_names_the_file_and_the_problem(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    assert old in TINY
    with pytest.raises(FrameworkError, match=rf"(?s)tiny\.yaml.*{problem}"):
        load_regime(str(write(tmp_path, TINY.replace(old, new))))


def test_extraction_never_imports_the_validated_schema() -> None:
    """Ingest workers import the extract stage; pydantic would cost each of them ≈ 0.14 s."""
    code = (
        "import sys\n"
        "from productivity_plans.prepare import prepare\n"
        "from productivity_plans.extract import extract_facts\n"
        "facts = extract_facts('Report to Cabinet, 9 July 2024. RESOLVED: plan approved.')\n"
        "assert facts.decision.body is not None, facts\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_framework_document_is_generated_from_the_current_yaml() -> None:
    script = Path(__file__).parents[2] / "scripts" / "framework_doc.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    doc = (Path(__file__).parents[2] / "docs" / "framework.md").read_text(encoding="utf-8")
    assert all(f"`{q.id}`" in doc for q in load_framework().questions)
