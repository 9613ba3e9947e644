"""The draft check over hand-built coded passages: answered / restated / missing per heading and
sub-question with evidence, measurement, length, barriers, exemplars for gaps, and what changed
between versions. Never a score."""

from __future__ import annotations

from dataclasses import fields

from productivity_plans.framework import load_framework
from productivity_plans.sector.draft_check import DraftCheck, check_draft, compare_checks
from productivity_plans.store.codes import EffectiveCode, EffectivePassage

FRAMEWORK = load_framework()
HEADING = FRAMEWORK.headings[0]
QUESTION = HEADING.questions[0]
OTHER_HEADING = FRAMEWORK.headings[1]
BARRIER_HEADING = next(h for h in FRAMEWORK.headings if h.names_barriers)
BARRIER = FRAMEWORK.barriers[0]


def passage(pid: int, kind: str = "council", document: int = 1, **codes: str) -> EffectivePassage:
    found = [EffectiveCode("kind", kind, 1.0, "machine")]
    for code_type, values in codes.items():
        found += [EffectiveCode(code_type, v, 0.9, "machine") for v in values.split()]
    return EffectivePassage(
        pid,
        document,
        pid,
        1,
        pid * 10,
        pid * 10 + 5,
        f"text {pid}",
        None,
        "paragraph",
        True,
        "m1",
        FRAMEWORK.id,
        found,
    )


def statuses(check: DraftCheck) -> dict[str, str]:
    return {i.id: i.status for i in check.items()}


def test_each_heading_and_question_is_answered_restated_or_missing_with_evidence() -> None:
    passages = [
        passage(1, heading=HEADING.id, question=QUESTION.id),
        passage(2, kind="requirement", heading=OTHER_HEADING.id),
    ]
    check = check_draft(FRAMEWORK, 1, passages, pages=4)
    found = statuses(check)
    assert found[HEADING.id] == "answered" and found[QUESTION.id] == "answered"
    assert found[OTHER_HEADING.id] == "restated"
    assert set(found.values()) == {"answered", "restated", "missing"}
    item = next(i for i in check.items() if i.id == QUESTION.id)
    assert [e.passage_id for e in item.evidence] == [1]
    assert not any(f.name in ("score", "rank", "grade") for f in fields(check))


def test_a_named_barrier_answers_the_barriers_heading_and_is_listed() -> None:
    check = check_draft(FRAMEWORK, 1, [passage(1, barrier=BARRIER.id)], pages=3)
    assert statuses(check)[BARRIER_HEADING.id] == "answered"
    assert [(b[0], [e.passage_id for e in b[2]]) for b in check.barriers] == [(BARRIER.id, [1])]


def test_measurement_and_length_against_the_guidance() -> None:
    low, high = FRAMEWORK.expected_pages.min, FRAMEWORK.expected_pages.max
    measured = check_draft(FRAMEWORK, 1, [passage(1, measure="yes")], pages=low)
    assert [e.passage_id for e in measured.measurement] == [1] and measured.length == "within"
    assert check_draft(FRAMEWORK, 1, [], pages=high + 1).length == "longer"
    assert check_draft(FRAMEWORK, 1, [], pages=low - 1).length == "shorter"
    assert check_draft(FRAMEWORK, 1, [], pages=low).measurement == ()


def test_a_gap_cites_how_other_councils_answered_it_one_passage_per_council() -> None:
    pool = [
        ("E1", passage(10, document=5, question=QUESTION.id)),
        ("E1", passage(11, document=5, question=QUESTION.id)),
        ("E2", passage(12, document=6, kind="requirement", question=QUESTION.id)),
        ("E3", passage(13, document=7, question=QUESTION.id)),
    ]
    check = check_draft(FRAMEWORK, 1, [], pages=3, exemplar_pool=pool)
    item = next(i for i in check.items() if i.id == QUESTION.id)
    assert item.status == "missing"
    assert [(e.council_gss, e.passage_id) for e in item.exemplars] == [("E1", 10), ("E3", 13)]
    answered = check_draft(FRAMEWORK, 1, [passage(1, question=QUESTION.id)], 3, pool)
    assert next(i for i in answered.items() if i.id == QUESTION.id).exemplars == ()


def test_comparing_versions_names_what_changed() -> None:
    before = check_draft(
        FRAMEWORK, 1, [passage(1, kind="requirement", question=QUESTION.id)], pages=6
    )
    after = check_draft(
        FRAMEWORK,
        2,
        [passage(2, document=2, question=QUESTION.id, barrier=BARRIER.id, measure="yes")],
        pages=4,
    )
    changes = {(c.what, c.id): (c.before, c.after) for c in compare_checks(before, after)}
    assert changes[("question", QUESTION.id)] == ("restated", "answered")
    assert changes[("barrier", BARRIER.id)] == ("not named", "named")
    assert changes[("measurement", "measurement")] == ("does not say", "says")
    assert changes[("length", "pages")] == ("6 pages", "4 pages")
    assert compare_checks(after, after) == []


def test_a_document_without_pages_is_not_judged_on_length() -> None:
    check = check_draft(FRAMEWORK, 1, [], pages=None)
    assert check.length == "unknown"
    changes = compare_checks(check, check_draft(FRAMEWORK, 2, [], pages=4))
    assert [(c.before, c.after) for c in changes] == [("no pages (not a PDF)", "4 pages")]
