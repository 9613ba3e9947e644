"""The sector analyses on a hand-built snapshot whose right answers are known in advance."""

from __future__ import annotations

from datetime import date

import pytest

from productivity_plans.sector import (
    barrier_counts,
    barrier_examples,
    barrier_pairs,
    body_counts,
    coverage_cells,
    coverage_shares,
    decision_timeline,
    emergent_themes,
    exemplars,
    measurement_groups,
    oversight,
    question_gaps,
    similar_councils,
)
from productivity_plans.sector.snapshot import DecisionRow, DocumentRow, SectorSnapshot
from tests.sector.hand_built import (
    ADUR,
    BLABY,
    BOLSOVER,
    DIGITAL,
    OLDHAM,
    ORG,
    OXON,
    SYS,
    hand_built,
)


@pytest.fixture(scope="module")
def snap() -> SectorSnapshot:
    return hand_built()


def test_coverage_cells_answered_restated_absent_and_no_documents(snap: SectorSnapshot) -> None:
    cells = {(c.council_gss, c.item): c for c in coverage_cells(snap)}
    assert cells[(BOLSOVER, "transformation")].status == "answered"
    assert cells[(BOLSOVER, "transformation")].passages == 3
    assert cells[(BOLSOVER, "technology_data")].status == "restated"
    assert cells[(BOLSOVER, "wasteful_spend")].status == "absent"
    assert cells[(ADUR, "transformation")].status == "no_documents"
    assert cells[(OLDHAM, "technology_data")].status == "answered"
    # strongest passage first, evidence carries document, page and offsets
    best = cells[(BOLSOVER, "transformation")].evidence[0]
    assert (best.document_id, best.page, best.start) == ("D1", 1, 10)
    assert len(cells) == 5 * 4


def test_coverage_filters_by_type_and_region(snap: SectorSnapshot) -> None:
    districts = {c.council_gss for c in coverage_cells(snap, type="non_metropolitan_district")}
    assert districts == {BOLSOVER, BLABY, ADUR}
    south_east = {c.council_gss for c in coverage_cells(snap, region="south east")}
    assert south_east == {OXON, ADUR}


def test_coverage_shares_count_councils_with_documents_only(snap: SectorSnapshot) -> None:
    shares = {(r.group, r.item): r for r in coverage_shares(coverage_cells(snap), "type")}
    district = shares[("non_metropolitan_district", "transformation")]
    assert (district.councils_with_documents, district.answered, district.share_answered) == (
        2,
        2,
        1.0,
    )
    assert len(district.evidence) == 2  # one passage per answering council
    tech = shares[("non_metropolitan_district", "technology_data")]
    assert (tech.answered, tech.restated, tech.absent) == (0, 1, 1)
    assert shares[("county", "barriers")].share_answered == 1.0


def test_question_level_coverage(snap: SectorSnapshot) -> None:
    cells = {(c.council_gss, c.item): c.status for c in coverage_cells(snap, "question")}
    assert cells[(BOLSOVER, DIGITAL)] == "restated"
    assert cells[(OLDHAM, DIGITAL)] == "answered"
    assert cells[(OXON, ORG)] == "absent"


def test_barriers_count_councils_not_passages(snap: SectorSnapshot) -> None:
    overall = {r.barrier: r for r in barrier_counts(snap)}
    assert overall[SYS].councils == 3  # Bolsover names it in two passages: counted once
    assert overall[SYS].councils_with_documents == 4
    assert overall[SYS].share == 0.75
    assert overall["competitive_bidding"].councils == 1
    assert overall["send_costs"].councils == 0
    by_type = {(r.barrier, r.group): r.councils for r in barrier_counts(snap, "type")}
    assert by_type[(SYS, "non_metropolitan_district")] == 2
    assert by_type[(SYS, "county")] == 1
    assert by_type[(SYS, "metropolitan_district")] == 0
    by_region = {(r.barrier, r.group): r.councils for r in barrier_counts(snap, "region")}
    assert by_region[(SYS, "East Midlands")] == 2
    # each council's evidence is its strongest passage
    bolsover = next(c for c in overall[SYS].evidence if c.council_gss == BOLSOVER)
    assert bolsover.passage_id == "D1:4"


def test_barrier_examples_strongest_and_one_per_council(snap: SectorSnapshot) -> None:
    examples = [e for e in barrier_examples(snap) if e.barrier == SYS]
    assert [e.council_gss for e in examples] == [BOLSOVER, OXON, BLABY]  # 0.95, 0.92, 0.9
    assert len({e.council_gss for e in examples}) == len(examples)


def test_barrier_cooccurrence(snap: SectorSnapshot) -> None:
    pairs = {(p.barrier_a, p.barrier_b): p for p in barrier_pairs(snap)}
    pair = pairs[(SYS, "competitive_bidding")]
    assert pair.councils == 1
    assert pair.jaccard == pytest.approx(1 / 3, abs=1e-4)
    assert (SYS, "funding_uncertainty") in pairs and (SYS, "recruitment_retention") in pairs
    assert all(p.councils >= 1 for p in pairs.values())


def test_timeline_against_letter_and_deadline(snap: SectorSnapshot) -> None:
    rows = decision_timeline(snap)
    assert [r.date for r in rows] == [date(2024, 6, 18), date(2024, 7, 19), date(2024, 7, 31)]
    oxon, submitted, bolsover = rows
    assert (oxon.when, oxon.body_kind, oxon.action) == ("by_deadline", "cabinet", "approved")
    assert oxon.days_after_letter == 63 and oxon.days_to_deadline == 31
    assert submitted.when == "by_deadline" and submitted.source == "event"
    assert (bolsover.when, bolsover.days_to_deadline) == ("after_deadline", -12)
    assert bolsover.evidence.document_id == "D2"


def test_bodies_and_oversight(snap: SectorSnapshot) -> None:
    bodies = {b.body_kind: b for b in body_counts(snap)}
    assert set(bodies) == {"cabinet", "council"}
    assert bodies["council"].label == "Full council" and bodies["council"].councils == 1
    rows = {o.council_gss: o for o in oversight(snap)}
    assert (rows[BOLSOVER].oversight, rows[BOLSOVER].published) == (True, True)
    assert (rows[BLABY].oversight, rows[BLABY].published) == (False, True)
    assert (rows[OXON].oversight, rows[OXON].published) == (True, False)
    assert rows[ADUR].documents == 0 and not rows[ADUR].oversight
    assert len(oversight(snap, with_documents_only=True)) == 4


def test_gaps(snap: SectorSnapshot) -> None:
    gaps = {g.question: g for g in question_gaps(snap)}
    org = gaps[ORG]
    assert (org.answered, org.councils_with_documents, org.share_answered) == (3, 4, 0.75)
    assert not org.rare
    assert org.answered_by == (
        "Blaby District Council",
        "Bolsover District Council",
        "Oldham Metropolitan Borough Council",
    )
    assert org.answered_by_type == "District 2, Metropolitan district 1"
    assert gaps["wasteful_spend.consultants_and_agency"].rare
    assert gaps["wasteful_spend.consultants_and_agency"].answered == 0
    assert gaps[DIGITAL].restated_only == 1 and gaps[DIGITAL].answered == 1
    shares = [g.share_answered for g in question_gaps(snap)]
    assert shares == sorted(shares)  # least answered first


def test_exemplars_come_from_distinct_councils(snap: SectorSnapshot) -> None:
    rows = [e for e in exemplars(snap, per_question=4) if e.question == ORG]
    assert len(rows) == 3  # three councils answer it; Bolsover's two passages give one
    assert len({e.council_gss for e in rows}) == 3
    assert [e.order for e in rows] == [1, 2, 3]
    bolsover = next(e for e in rows if e.council_gss == BOLSOVER)
    assert bolsover.evidence.passage_id == "D1:1"  # its more relevant passage
    assert all(e.question in {q.id for q in snap.framework.questions} for e in exemplars(snap))


def test_measurement_groups(snap: SectorSnapshot) -> None:
    groups = measurement_groups(snap)
    assert sum(g.passages for g in groups) == 2
    assert {c.passage_id for g in groups for c in g.evidence} == {"D1:3", "D4:3"}
    assert all(g.label for g in groups)


def test_similar_councils_symmetric_and_never_self(snap: SectorSnapshot) -> None:
    rows = similar_councils(snap, k=3)
    assert rows and all(r.council_gss != r.other_gss for r in rows)
    sims = {(r.council_gss, r.other_gss): r.similarity for r in rows}
    for (a, b), value in sims.items():
        if (b, a) in sims:
            assert sims[(b, a)] == pytest.approx(value)
    assert {r.council_gss for r in rows} == {BOLSOVER, BLABY, OLDHAM, OXON}
    like = similar_councils(snap, k=3, same_type=True)
    assert all(r.same_type for r in like)
    assert {(r.council_gss, r.other_gss) for r in like} == {(BOLSOVER, BLABY), (BLABY, BOLSOVER)}


def test_emergent_themes_find_content_the_framework_does_not_name(snap: SectorSnapshot) -> None:
    themes = emergent_themes(snap)
    festival = [t for t in themes if {"D4:4", "D3:3"} & {c.passage_id for c in t.evidence}]
    assert festival, [t.label for t in themes]
    passage_ids = {c.passage_id for t in themes for c in t.evidence}
    assert "D1:4" not in passage_ids  # a framework barrier passage is not "emergent"
    assert all(t.passages >= 1 and t.councils >= 1 and t.terms for t in themes)


def test_a_later_progress_review_is_on_the_timeline_but_never_counted_as_oversight() -> None:
    snap = hand_built()
    cabinet_councils = {b.body_kind: b.councils for b in body_counts(snap)}["cabinet"]
    snap.documents.append(
        DocumentRow("R1", ADUR, "minutes", "Productivity Plan: six-month update", "r1.pdf")
    )
    snap.decisions.append(
        DecisionRow(
            "R1",
            ADUR,
            "Cabinet",
            "cabinet",
            date(2025, 1, 20),
            "noted",
            "RESOLVED that Cabinet notes the update.",
            0,
            10,
        )
    )

    [review] = [r for r in decision_timeline(snap) if r.evidence.document_id == "R1"]

    assert review.kind == "progress_review" and review.when == "after_deadline"
    assert {b.body_kind: b.councils for b in body_counts(snap)}["cabinet"] == cabinet_councils
    rows = {o.council_gss: o for o in oversight(snap)}
    assert rows[ADUR].documents == 1 and not rows[ADUR].oversight
