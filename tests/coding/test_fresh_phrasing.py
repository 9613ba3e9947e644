"""The coder on text written blind to its rules (tests/fixtures/fresh, README there): plans in
house styles the corpus lacks, barrier sentences in many voices, ways of saying how a council
measures. The floors are regression guards a little under today's figures; the blind figures,
taken before any rule was written for these texts, are in docs/coding.md."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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


FACTS = ("council", "doc_type", "body", "date", "outcome")


@dataclass
class SetScores:
    """One blind set through ``inspect``: documents right per fact, F1 totals per code."""

    n: int
    right: dict[str, int]
    barriers: list[int] = field(default_factory=lambda: [0, 0, 0])
    measures: list[int] = field(default_factory=lambda: [0, 0, 0])
    themes: list[int] = field(default_factory=lambda: [0, 0, 0])  # plans only


def inspected(folder: str) -> SetScores:
    from productivity_plans.inspect import inspect_files

    root = FRESH / folder
    labels = [json.loads(line) for line in (root / "labels.jsonl").read_text().splitlines()]
    records = inspect_files((root / label["file"], label["url"]) for label in labels)
    scores = SetScores(len(labels), dict.fromkeys(FACTS, 0))
    for label, record in zip(labels, records, strict=True):
        decision = record.decision
        scores.right["council"] += record.council.code == label["council_code"]
        scores.right["doc_type"] += record.doc_type == label["doc_type"]
        scores.right["body"] += (decision.body or "").lower() == (
            label["decision_body"] or ""
        ).lower()
        scores.right["date"] += decision.date == label["decision_date"]
        scores.right["outcome"] += decision.outcome == label["decision"]
        f1({b.id for b in record.barriers}, set(label["barriers"]), scores.barriers)
        measured = {"m"} if record.measures else set()
        f1(measured, {"m"} if label["measurement"] else set(), scores.measures)
        if label["doc_type"] == "plan":
            f1({t.id for t in record.themes}, set(label["themes"]), scores.themes)
    return scores


def sentences_named(path: Path) -> tuple[int, int, int, int]:
    """(barrier sentences, of them named in full, neutral sentences, of them naming one)."""
    items = yaml.safe_load(path.read_text())
    named = [i for i in items if i["barriers"]]
    neutral = [i for i in items if not i["barriers"]]
    found = sum(set(i["barriers"]) <= set(coded(i["text"]).barrier_ids) for i in named)
    wrongly = sum(bool(coded(i["text"]).barrier_ids) for i in neutral)
    return len(named), found, len(neutral), wrongly


def measurement_passages(path: Path) -> tuple[int, list[int]]:
    """(passages, F1 totals for "says how the council measures")."""
    items = yaml.safe_load(path.read_text())
    totals = [0, 0, 0]
    for item in items:
        got = {"m"} if coded(item["text"]).states_measurement else set()
        f1(got, {"m"} if item["measure"] else set(), totals)
    return len(items), totals


def test_most_fresh_ways_of_saying_how_a_council_measures_are_found_and_near_misses_are_not():
    n, totals = measurement_passages(FRESH / "measures.yaml")
    assert n == 60
    assert score(totals) >= 0.9, totals


def test_most_fresh_barrier_sentences_are_named_and_neutral_facts_are_not():
    named, found, neutral, wrongly = sentences_named(FRESH / "barriers.yaml")
    assert (named, neutral) == (57, 30)
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
    scores = inspected("papers")
    assert scores.n == 24
    assert scores.right["council"] == 24
    assert min(scores.right.values()) >= 20, scores.right
    assert score(scores.barriers) >= 0.85, scores.barriers
    assert score(scores.measures) >= 0.85, scores.measures


def test_a_second_writers_plans_and_papers_keep_their_facts_and_codes():
    scores = inspected("round4")
    assert scores.n == 24
    assert scores.right["council"] >= 23 and scores.right["outcome"] >= 20, scores.right
    assert score(scores.barriers) >= 0.75, scores.barriers
    assert score(scores.measures) >= 0.85, scores.measures
    assert score(scores.themes) >= 0.9, scores.themes


def test_a_third_writers_plans_keep_their_facts_and_codes():
    """Round 5: 18 plans (PDF-extracted text, real PDFs, DOCX, HTML pages) in structures the
    corpus lacks. The five measurement disagreements left are the writer's stricter call on
    stated intentions and performance frameworks (tests/fixtures/fresh/README.md)."""
    scores = inspected("round5")
    assert scores.n == 18
    facts = {k: scores.right[k] for k in ("doc_type", "body", "date", "outcome")}
    assert min(facts.values()) >= 17, facts
    assert score(scores.barriers) >= 0.9, scores.barriers
    assert score(scores.measures) >= 0.8, scores.measures
    assert score(scores.themes) >= 0.95, scores.themes


def test_a_third_writers_ways_of_saying_how_a_council_measures_are_found():
    n, totals = measurement_passages(FRESH / "round5" / "measures.yaml")
    assert n == 80
    assert score(totals) >= 0.88, totals


def test_a_fourth_writers_papers_keep_their_facts_and_codes():
    """Round 6: 26 council papers and pages (minutes, reports, decision records and notices,
    news, landing pages; text, HTML, PDF and DOCX) by a writer who saw none of the rules."""
    scores = inspected("round6")
    assert scores.n == 26
    facts = {k: scores.right[k] for k in ("council", "doc_type", "date", "outcome")}
    assert facts["council"] >= 24 and min(facts.values()) >= 19, facts
    assert score(scores.barriers) >= 0.82, scores.barriers
    assert score(scores.measures) >= 0.8, scores.measures


def test_a_fourth_writers_barrier_sentences_are_named_and_neutral_ones_are_not():
    named, found, neutral, wrongly = sentences_named(FRESH / "round6" / "barriers.yaml")
    assert (named, neutral) == (40, 20)
    assert found >= 36, found
    assert wrongly <= 1, wrongly


def test_a_fifth_writers_plans_and_papers_keep_their_facts_and_codes():
    """Round 7: 12 plans and 14 papers about councils no earlier set used."""
    scores = inspected("round7")
    assert scores.n == 26
    facts = {k: scores.right[k] for k in ("council", "doc_type", "date", "outcome")}
    assert facts["council"] == 26 and min(facts.values()) >= 20, facts
    assert score(scores.barriers) >= 0.77, scores.barriers
    assert score(scores.measures) >= 0.88, scores.measures
    assert score(scores.themes) >= 0.95, scores.themes


def test_a_fifth_writers_sentences_on_barriers_and_measures_are_read():
    named, found, neutral, wrongly = sentences_named(FRESH / "round7" / "barriers.yaml")
    assert (named, neutral) == (28, 12)
    assert found >= 25 and wrongly <= 1, (found, wrongly)
    _, totals = measurement_passages(FRESH / "round7" / "measures.yaml")
    assert score(totals) >= 0.9, totals


def test_a_sixth_writers_plans_and_papers_keep_their_facts_and_codes():
    """Round 8: held out while rounds 5-7 were turned into rules, then its own misses were
    (docs/coding.md, "Round 8")."""
    scores = inspected("round8")
    assert scores.n == 18
    assert scores.right["council"] == 18 and scores.right["doc_type"] >= 16, scores.right
    assert score(scores.barriers) >= 0.8, scores.barriers
    assert score(scores.measures) >= 0.75, scores.measures
    _, totals = measurement_passages(FRESH / "round8" / "measures.yaml")
    assert score(totals) >= 0.85, totals


@dataclass(frozen=True)
class RoundFloors:
    """What one blind round is held to once its misses became rules: the documents' facts
    right (of 18), documents' F1 floors, barrier sentences found (of 28) and the measurement
    passages' F1."""

    council: int
    doc_type: int
    facts: int  # body, date and outcome each
    barriers: float
    measures: float
    themes: float
    sentences: int
    passages: float
    neutral_named: int = 1  # neutral sentences named as barriers, at most


# Rounds 9-40: each held out while the round before it was turned into rules, scored once,
# then its own misses became rules once the next round was in hand to hold out instead
# (docs/coding.md, "Round 9" to "Round 40"). The floors sit just under the figures after.
USED_ROUNDS = {
    "round9": RoundFloors(18, 17, 17, 0.85, 0.85, 0.95, 26, 0.9),
    "round10": RoundFloors(18, 17, 17, 0.87, 0.9, 0.95, 26, 0.9),
    "round11": RoundFloors(18, 17, 17, 0.82, 0.9, 0.95, 25, 0.9),
    "round12": RoundFloors(18, 17, 17, 0.86, 0.9, 0.95, 26, 0.9),
    "round13": RoundFloors(17, 17, 17, 0.78, 0.85, 0.95, 26, 0.9),
    "round14": RoundFloors(18, 17, 17, 0.9, 0.95, 0.95, 27, 0.95),
    "round15": RoundFloors(18, 17, 16, 0.9, 0.95, 0.95, 27, 0.95),
    "round16": RoundFloors(17, 18, 15, 0.9, 0.9, 0.95, 27, 0.95),
    "round17": RoundFloors(17, 18, 15, 0.9, 0.95, 0.95, 24, 0.95),
    "round18": RoundFloors(18, 18, 16, 0.94, 0.9, 0.95, 26, 0.95),
    # round 19's writer counts a settlement received, a grant towards a deficit, preventions
    # rising and a commentator's view as neutral; the rules still name them
    "round19": RoundFloors(18, 17, 16, 0.86, 0.85, 0.95, 26, 0.95, neutral_named=4),
    # round 20's writer types a forward plan as a decision record, and dates a plan "discussed
    # by Cabinet on 10 July and approved by the Leader" on that day; neither is a rule's call.
    # Bodies are compared as written here ("Full Council" is not "Council"): 14 of 18
    "round20": RoundFloors(18, 16, 14, 0.92, 0.95, 0.95, 24, 0.95),
    "round21": RoundFloors(18, 18, 16, 0.95, 0.95, 0.95, 26, 0.95),
    "round22": RoundFloors(18, 18, 15, 0.94, 0.95, 0.95, 24, 0.95),
    "round23": RoundFloors(18, 17, 16, 0.93, 0.85, 0.95, 25, 0.95),
    # round 24's live blog dates its cabinet's approval from the byline alone
    "round24": RoundFloors(18, 18, 17, 0.95, 0.95, 0.95, 26, 0.95),
    # round 25's live blog of a full council notes the plan by a vote count alone; bodies as
    # written ("Full Council")
    "round25": RoundFloors(18, 18, 16, 0.93, 0.95, 0.95, 27, 0.95),
    # round 26's writer labels a forward plan's decision to come `unknown` (round 27's and the
    # rules read `none`), and counts some benchmarking and indicator frameworks as measures
    "round26": RoundFloors(18, 18, 17, 0.89, 0.9, 0.95, 26, 0.9),
    # round 27's live blog of a committee is dated only by its byline and post times
    "round27": RoundFloors(18, 18, 17, 0.88, 0.95, 0.95, 25, 0.95),
    # round 28's writer leaves a plan's later report to a scrutiny panel without a body and day
    "round28": RoundFloors(18, 18, 17, 0.95, 0.95, 0.95, 24, 0.95),
    "round29": RoundFloors(18, 18, 18, 0.89, 0.95, 0.93, 26, 0.95),
    "round30": RoundFloors(18, 18, 18, 0.93, 0.95, 0.95, 26, 0.95),
    "round31": RoundFloors(18, 18, 18, 0.9, 0.95, 0.95, 24, 0.95),
    # round 32's writer, as round 28's, leaves a plan's later report to scrutiny without a body
    # and day; bodies as written ("Full Council")
    "round32": RoundFloors(18, 18, 16, 0.9, 0.9, 0.95, 26, 0.95),
    "round33": RoundFloors(18, 18, 18, 0.92, 0.95, 0.95, 24, 0.95, neutral_named=0),
    # round 34's writer labels two reports recommending approval or delegation "none" (the
    # corpus keeps a report's recommendation as its outcome) and a scrutiny report for noting
    # with the plan's earlier approval
    "round34": RoundFloors(18, 17, 15, 0.95, 0.9, 0.95, 27, 0.95, neutral_named=0),
    # round 35's bodies as written: its live blog's "Full Council" is labelled "Council"
    "round35": RoundFloors(18, 18, 16, 0.9, 0.85, 0.95, 24, 0.95, neutral_named=0),
    # round 36's writer, as round 34's, labels its three reports "none"
    "round36": RoundFloors(18, 18, 15, 0.92, 0.9, 0.95, 26, 0.95, neutral_named=0),
    # round 37's writer labels its three reports and an agenda for a meeting to come "none"
    "round37": RoundFloors(18, 18, 14, 0.92, 0.95, 0.95, 25, 0.95, neutral_named=0),
    # round 38's bodies as written: a plan's "Leader of the Council and Chief Executive"
    "round38": RoundFloors(18, 18, 17, 0.95, 0.95, 0.95, 25, 0.95, neutral_named=0),
    "round39": RoundFloors(18, 18, 18, 0.92, 0.9, 0.95, 23, 0.95, neutral_named=0),
    # round 40's writer labels a report before its meeting and a forward-plan entry `unknown`
    "round40": RoundFloors(18, 18, 16, 0.95, 0.85, 0.95, 27, 0.9, neutral_named=0),
}


# Rounds held out now, each scored once, blind, with every earlier round's rules in; no rule
# has been written from them (docs/coding.md, "Round 41" and "Round 42"): round 41 with the
# rules of rounds 5-38, round 42 (drafted ahead, to take round 41's place when round 41 is used)
# with those of rounds 5-39. The floors sit just under their blind figures (facts counted as
# exactly as the labels write them).
HELD_OUT_ROUNDS = {
    "round41": RoundFloors(18, 18, 12, 0.92, 0.7, 0.95, 23, 0.85, neutral_named=0),
    "round42": RoundFloors(18, 16, 13, 0.8, 0.85, 0.95, 22, 0.85, neutral_named=1),
}


def assert_floors(folder: str, floors: RoundFloors) -> None:
    scores = inspected(folder)
    assert scores.n == 18
    assert scores.right["council"] >= floors.council, scores.right
    assert scores.right["doc_type"] >= floors.doc_type, scores.right
    assert min(scores.right[k] for k in ("body", "date", "outcome")) >= floors.facts, scores.right
    assert score(scores.barriers) >= floors.barriers, scores.barriers
    assert score(scores.measures) >= floors.measures, scores.measures
    assert score(scores.themes) >= floors.themes, scores.themes
    named, found, neutral, wrongly = sentences_named(FRESH / folder / "barriers.yaml")
    assert (named, neutral) == (28, 12)
    assert found >= floors.sentences and wrongly <= floors.neutral_named, (found, wrongly)
    _, totals = measurement_passages(FRESH / folder / "measures.yaml")
    assert score(totals) >= floors.passages, totals


@pytest.mark.parametrize("folder", sorted(USED_ROUNDS))
def test_a_used_blind_rounds_documents_and_sentences_keep_their_figures(folder):
    assert_floors(folder, USED_ROUNDS[folder])


@pytest.mark.parametrize("folder", sorted(HELD_OUT_ROUNDS))
def test_a_held_out_blind_round_holds_its_blind_figures(folder):
    assert_floors(folder, HELD_OUT_ROUNDS[folder])
