"""The coder on text written blind to its rules (tests/fixtures/fresh, README there): plans in
house styles the corpus lacks, barrier sentences in many voices, ways of saying how a council
measures. The floors are regression guards a little under today's figures; the blind figures,
taken before any rule was written for these texts, are in docs/coding.md."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import yaml

from productivity_plans.coding.classify import code_text
from productivity_plans.coding.records import DocumentCodes

FRESH = Path(__file__).resolve().parents[1] / "fixtures" / "fresh"


@cache
def coded(text: str) -> DocumentCodes:
    return code_text(text + "\n")


def f1(got: set[str], want: set[str], totals: list[int]) -> None:
    totals[0] += len(got & want)
    totals[1] += len(got - want)
    totals[2] += len(want - got)


def score(totals: list[int]) -> float:
    tp, fp, fn = totals
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_most_fresh_ways_of_saying_how_a_council_measures_are_found_and_near_misses_are_not():
    items = yaml.safe_load((FRESH / "measures.yaml").read_text())
    totals = [0, 0, 0]
    for item in items:
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    assert len(items) == 60
    assert score(totals) >= 0.9, totals


def test_most_fresh_barrier_sentences_are_named_and_neutral_facts_are_not():
    items = yaml.safe_load((FRESH / "barriers.yaml").read_text())
    named = [i for i in items if i["barriers"]]
    neutral = [i for i in items if not i["barriers"]]
    found = sum(set(i["barriers"]) <= set(coded(i["text"]).barrier_ids) for i in named)
    wrongly = sum(bool(coded(i["text"]).barrier_ids) for i in neutral)
    assert (len(named), len(neutral)) == (57, 30)
    assert found >= 50, found
    assert wrongly <= 2, wrongly


@pytest.fixture(scope="module")
def plans() -> list[tuple[dict, DocumentCodes]]:
    labels = (FRESH / "plans" / "labels.jsonl").read_text().splitlines()
    out = []
    for line in filter(None, labels):
        label = json.loads(line)
        out.append((label, code_text((FRESH / "plans" / label["file"]).read_text())))
    return out


def test_fresh_plans_in_unseen_house_styles_have_their_headings_barriers_and_measures(plans):
    themes, barriers, measures = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    for label, codes in plans:
        f1({t.id for t in codes.themes}, set(label["themes"]), themes)
        f1(set(codes.barrier_ids), set(label["barriers"]), barriers)
        f1(
            {"m"} if codes.states_measurement else set(),
            {"m"} if label["measures"] else set(),
            measures,
        )
    assert len(plans) == 8
    assert score(themes) >= 0.95, themes
    assert score(barriers) >= 0.85, barriers
    assert score(measures) >= 0.9, measures


def test_fresh_council_papers_keep_their_facts_barriers_and_measures():
    from productivity_plans.inspect import inspect_files

    papers = FRESH / "papers"
    labels = [json.loads(line) for line in (papers / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((papers / label["file"], label["url"]) for label in labels)
    right: dict[str, int] = {"council": 0, "doc_type": 0, "body": 0, "date": 0, "outcome": 0}
    barriers, measures = [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        decision = record.decision
        right["council"] += record.council.code == label["council_code"]
        right["doc_type"] += record.doc_type == label["doc_type"]
        right["body"] += (decision.body or "").lower() == (label["decision_body"] or "").lower()
        right["date"] += decision.date == label["decision_date"]
        right["outcome"] += decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
    assert len(labels) == 24
    assert right["council"] == 24
    assert min(right.values()) >= 20, right
    assert score(barriers) >= 0.85, barriers
    assert score(measures) >= 0.85, measures


def test_a_second_writers_plans_and_papers_keep_their_facts_and_codes():
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round4"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"council": 0, "outcome": 0}
    barriers, measures, themes = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["council"] += record.council.code == label["council_code"]
        right["outcome"] += record.decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
        if label["doc_type"] == "plan":
            f1({t.id for t in record.themes}, set(label["themes"]), themes)
    assert len(labels) == 24
    assert right["council"] >= 23 and right["outcome"] >= 20, right
    assert score(barriers) >= 0.75, barriers
    assert score(measures) >= 0.85, measures
    assert score(themes) >= 0.9, themes


def test_a_third_writers_plans_keep_their_facts_and_codes():
    """Round 5: 18 plans (PDF-extracted text, real PDFs, DOCX, HTML pages) in structures the
    corpus lacks. The five measurement disagreements left are the writer's stricter call on
    stated intentions and performance frameworks (tests/fixtures/fresh/README.md)."""
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round5"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"doc_type": 0, "body": 0, "date": 0, "outcome": 0}
    barriers, measures, themes = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["doc_type"] += record.doc_type == label["doc_type"]
        right["body"] += (record.decision.body or "").lower() == (
            label["decision_body"] or ""
        ).lower()
        right["date"] += record.decision.date == label["decision_date"]
        right["outcome"] += record.decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
        f1({t.id for t in record.themes}, set(label["themes"]), themes)
    assert len(labels) == 18
    assert min(right.values()) >= 17, right
    assert score(barriers) >= 0.9, barriers
    assert score(measures) >= 0.8, measures
    assert score(themes) >= 0.95, themes


def test_a_third_writers_ways_of_saying_how_a_council_measures_are_found():
    items = yaml.safe_load((FRESH / "round5" / "measures.yaml").read_text())
    totals = [0, 0, 0]
    for item in items:
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    assert len(items) == 80
    assert score(totals) >= 0.88, totals


def test_a_fourth_writers_papers_keep_their_facts_and_codes():
    """Round 6: 26 council papers and pages (minutes, reports, decision records and notices,
    news, landing pages; text, HTML, PDF and DOCX) by a writer who saw none of the rules."""
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round6"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"council": 0, "doc_type": 0, "date": 0, "outcome": 0}
    barriers, measures = [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["council"] += record.council.code == label["council_code"]
        right["doc_type"] += record.doc_type == label["doc_type"]
        right["date"] += record.decision.date == label["decision_date"]
        right["outcome"] += record.decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
    assert len(labels) == 26
    assert right["council"] >= 24 and min(right.values()) >= 19, right
    assert score(barriers) >= 0.82, barriers
    assert score(measures) >= 0.8, measures


def test_a_fourth_writers_barrier_sentences_are_named_and_neutral_ones_are_not():
    items = yaml.safe_load((FRESH / "round6" / "barriers.yaml").read_text())
    named = [i for i in items if i["barriers"]]
    neutral = [i for i in items if not i["barriers"]]
    found = sum(set(i["barriers"]) <= set(coded(i["text"]).barrier_ids) for i in named)
    wrongly = sum(bool(coded(i["text"]).barrier_ids) for i in neutral)
    assert (len(named), len(neutral)) == (40, 20)
    assert found >= 36, found
    assert wrongly <= 1, wrongly


def test_a_fifth_writers_plans_and_papers_keep_their_facts_and_codes():
    """Round 7: 12 plans and 14 papers about councils no earlier set used."""
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round7"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"council": 0, "doc_type": 0, "date": 0, "outcome": 0}
    barriers, measures, themes = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["council"] += record.council.code == label["council_code"]
        right["doc_type"] += record.doc_type == label["doc_type"]
        right["date"] += record.decision.date == label["decision_date"]
        right["outcome"] += record.decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
        if label["doc_type"] == "plan":
            f1({t.id for t in record.themes}, set(label["themes"]), themes)
    assert len(labels) == 26
    assert right["council"] == 26 and min(right.values()) >= 20, right
    assert score(barriers) >= 0.77, barriers
    assert score(measures) >= 0.88, measures
    assert score(themes) >= 0.95, themes


def test_a_fifth_writers_sentences_on_barriers_and_measures_are_read():
    folder = FRESH / "round7"
    items = yaml.safe_load((folder / "barriers.yaml").read_text())
    named = [i for i in items if i["barriers"]]
    neutral = [i for i in items if not i["barriers"]]
    found = sum(set(i["barriers"]) <= set(coded(i["text"]).barrier_ids) for i in named)
    wrongly = sum(bool(coded(i["text"]).barrier_ids) for i in neutral)
    assert (len(named), len(neutral)) == (28, 12)
    assert found >= 25 and wrongly <= 1, (found, wrongly)
    totals = [0, 0, 0]
    for item in yaml.safe_load((folder / "measures.yaml").read_text()):
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    assert score(totals) >= 0.9, totals


def test_a_sixth_writers_plans_and_papers_keep_their_facts_and_codes():
    """Round 8: held out while rounds 5-7 were turned into rules, then its own misses were
    (docs/coding.md, "Round 8")."""
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round8"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"council": 0, "doc_type": 0}
    barriers, measures = [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["council"] += record.council.code == label["council_code"]
        right["doc_type"] += record.doc_type == label["doc_type"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
    assert len(labels) == 18
    assert right["council"] == 18 and right["doc_type"] >= 16, right
    assert score(barriers) >= 0.8, barriers
    assert score(measures) >= 0.75, measures
    totals = [0, 0, 0]
    for item in yaml.safe_load((folder / "measures.yaml").read_text()):
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    assert score(totals) >= 0.85, totals


def test_a_seventh_writers_set_kept_blind_holds_its_blind_figures():
    """Round 9 was scored once with every rule of rounds 5-8 in, and no rule has been written
    from it: the held-out check for the next change. The floors sit just under its blind
    figures (docs/coding.md, "Round 9")."""
    from productivity_plans.inspect import inspect_files

    folder = FRESH / "round9"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((folder / label["file"], label["url"]) for label in labels)
    right = {"council": 0, "doc_type": 0}
    barriers, measures = [0, 0, 0], [0, 0, 0]
    for label, record in zip(labels, records, strict=True):
        right["council"] += record.council.code == label["council_code"]
        right["doc_type"] += record.doc_type == label["doc_type"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), barriers)
        f1({"m"} if record.measures else set(), {"m"} if label["measurement"] else set(), measures)
    assert len(labels) == 18
    assert right["council"] == 18 and right["doc_type"] >= 16, right
    assert score(barriers) >= 0.77, barriers
    assert score(measures) >= 0.75, measures
    totals = [0, 0, 0]
    for item in yaml.safe_load((folder / "measures.yaml").read_text()):
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    assert score(totals) >= 0.75, totals
