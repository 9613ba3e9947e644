"""Coded passages in the store: versions, re-runs, human decisions, review, training, kappa."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from productivity_plans.coding import CodingModel, load_model
from productivity_plans.coding_jobs import code_documents, train_from_store
from productivity_plans.framework.loader import load_framework
from productivity_plans.prepare import code_with
from productivity_plans.store import Store
from productivity_plans.store import codes as C
from productivity_plans.store.agreement import agreement, kappa
from productivity_plans.store.models import (
    CodedDocumentRow,
    HumanCodeRow,
    MachineCodeRow,
    PassageRow,
    PassageVectorRow,
)

PLAN = (
    "Borsetshire productivity plan\n\n"
    "We have transformed the way we design and deliver services through a new operating model "
    "and shared services with our neighbouring councils.\n\n"
    "Single year funding settlements and ringfenced grants are the biggest barriers to our "
    "productivity, along with insufficient funding for social care.\n\n"
    "We measure productivity through a suite of key performance indicators reported quarterly "
    "to Cabinet and benchmarked against Oflog data.",
    "Technology and data\n\n"
    "We are replacing legacy IT systems with cloud platforms and using data dashboards to "
    "target services at the residents who need them most.\n\n"
    "We have reduced spending on agency staff and consultants by a third and cut wasteful "
    "procurement through a shared procurement service.\n\n"
    "The Government asked councils to set out how they will improve productivity and to "
    "describe the barriers preventing progress that government could remove.\n\n"
    "Our residents told us they want to report problems online at any time of day, so we "
    "launched a new customer portal that now handles most of the routine requests.",
)


@pytest.fixture(scope="module")
def model() -> CodingModel:
    return load_model()


def renamed(model: CodingModel, version: str) -> CodingModel:
    """The same classifiers under another version: what a retrained model looks like."""
    other = copy.copy(model)
    other.version = version
    return other


@pytest.fixture
def coded(store: Store, make_document, model: CodingModel) -> int:  # type: ignore[no-untyped-def]
    store.save_document(make_document(*PLAN))
    report = code_documents(store, model=model)
    assert report.ok and len(report.coded) == 1
    return report.coded[0]


def machine_rows(store: Store) -> list[MachineCodeRow]:
    with Session(store.engine) as session:
        return list(session.scalars(select(MachineCodeRow).order_by(MachineCodeRow.id)))


def passage_rows(store: Store) -> list[PassageRow]:
    with Session(store.engine) as session:
        return list(session.scalars(select(PassageRow).order_by(PassageRow.id)))


def count(store: Store, model: type) -> int:
    with Session(store.engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_coding_stores_passages_and_codes_with_model_and_framework_versions(
    store: Store, coded: int, model: CodingModel
) -> None:
    text = C.load_parsed(store, coded).text
    passages = passage_rows(store)
    assert len(passages) >= 7
    for p in passages:
        assert text[p.start : p.end] == p.text and p.current and p.page in (1, 2)
    assert {p.heading for p in passages} >= {"Technology and data"}
    codes = machine_rows(store)
    assert codes and {c.model_version for c in codes} == {model.version}
    assert {c.framework_id for c in codes} == {"productivity-2024"}
    assert all(isinstance(c.created_at, datetime) and c.created_at.tzinfo for c in codes)
    assert all(0.0 <= c.confidence <= 1.0 for c in codes)
    kinds = [c for c in codes if c.code_type == "kind"]
    assert len(kinds) == len(passages)  # every scored passage says requirement or council
    assert C.coded_versions(store)[coded] == (model.version, "productivity-2024")


def stored_coding(store: Store, document_id: int) -> tuple[object, ...]:
    """Everything a coding wrote for a document, without ids and times: its passages, their
    machine codes and vectors (by passage span), and its marker."""
    with Session(store.engine) as session:
        rows = session.scalars(select(PassageRow).where(PassageRow.document_id == document_id))
        passages = {
            p.id: (
                p.ordinal,
                p.page,
                p.start,
                p.end,
                p.text,
                p.text_hash,
                p.heading,
                p.block_kind,
                p.current,
            )
            for p in rows
        }
        codes = sorted(
            (
                passages[m.passage_id],
                m.code_type,
                m.value,
                m.confidence,
                m.model_version,
                m.framework_id,
            )
            for m in session.scalars(
                select(MachineCodeRow).where(MachineCodeRow.passage_id.in_(passages))
            )
        )
        vectors = sorted(
            (passages[v.passage_id], v.embedder, v.dim, v.vector)
            for v in session.scalars(
                select(PassageVectorRow).where(PassageVectorRow.passage_id.in_(passages))
            )
        )
        marker = session.get(CodedDocumentRow, document_id)
        assert marker is not None
        mark = (marker.model_version, marker.framework_id, marker.passages, marker.codes)
    return sorted(passages.values()), codes, vectors, mark


def test_a_document_coded_as_it_is_stored_has_what_coding_it_afterwards_writes(
    store: Store,
    make_document,
    model: CodingModel,  # type: ignore[no-untyped-def]
) -> None:
    """The ingest writer's path (the document and its coding in one transaction, nothing read
    back) and the path of ``prodplans code`` (a stored document coded later) store the same."""
    document = make_document(*PLAN)
    coded = code_with(document.parsed, model, load_framework())
    written: list[int] = []

    def with_coding(session: Session, document_id: int) -> None:
        coded.write(session, document_id, new=True)
        written.append(document_id)

    assert store.save_document(document, with_new=with_coding) == "new"
    twin = replace(document, provenance=replace(document.provenance, sha256="0" * 64))
    assert store.save_document(twin) == "new"
    report = code_documents(store, model=model)
    assert report.ok and len(report.coded) == 1 and report.coded != written
    with_it, after = stored_coding(store, written[0]), stored_coding(store, report.coded[0])
    assert with_it == after
    passages, codes, vectors, _marker = with_it
    assert len(passages) == len(vectors) >= 7 and len(codes) >= len(passages)


def test_re_running_with_the_same_model_does_nothing(
    store: Store, coded: int, model: CodingModel
) -> None:
    before = [(c.id, c.created_at) for c in machine_rows(store)]
    again = code_documents(store, model=model)
    assert again.coded == [] and again.skipped == [coded]
    assert [(c.id, c.created_at) for c in machine_rows(store)] == before


def test_a_new_model_version_replaces_the_machine_codes(
    store: Store, coded: int, model: CodingModel
) -> None:
    passages = [p.id for p in passage_rows(store)]
    report = code_documents(store, model=renamed(model, "test-v2"))
    assert report.coded == [coded]
    assert {c.model_version for c in machine_rows(store)} == {"test-v2"}
    assert [p.id for p in passage_rows(store)] == passages


def test_human_decisions_survive_re_coding_with_a_new_model_version(
    store: Store, coded: int, model: CodingModel
) -> None:
    codes = machine_rows(store)
    kind = next(c for c in codes if c.code_type == "kind")
    heading = next(c for c in codes if c.code_type == "heading")
    C.accept(store, kind.id, "alice")
    C.reject(store, heading.id, "alice", note="a contents line")
    target = next(p for p in passage_rows(store) if "legacy IT" in p.text)
    C.recode(store, target.id, "bob", barriers=["legacy_it_systems"], measure=False)
    decisions = [(h.id, h.passage_id, h.decision) for h in C.human_decisions(store)]

    code_documents(store, model=renamed(model, "test-v2"), only_missing=True)

    assert [(h.id, h.passage_id, h.decision) for h in C.human_decisions(store)] == decisions
    assert {h.model_version for h in C.human_decisions(store)} == {model.version}
    effective = {p.id: p for p in C.effective_passages(store, document_ids=[coded])}
    assert heading.value not in effective[heading.passage_id].values("heading")
    assert effective[target.id].values("barrier") == ("legacy_it_systems",)
    human = [c for c in effective[target.id].codes if c.source == "human"]
    assert {(c.code_type, c.value, c.analyst) for c in human} >= {
        ("barrier", "legacy_it_systems", "bob")
    }


def test_a_passage_no_longer_yielded_is_kept_only_for_its_human_decisions(
    store: Store, coded: int, model: CodingModel
) -> None:
    parsed = C.load_parsed(store, coded)
    from productivity_plans.coding import code_document

    all_codes = code_document(parsed, model=model).passages
    rows = passage_rows(store)
    decided, undecided = rows[0], rows[1]
    C.recode(store, decided.id, "alice", kind="requirement")
    kept = [c for c in all_codes if c.passage.start not in (decided.start, undecided.start)]

    saved = C.save_passage_codes(
        store, coded, kept, model_version="test-v3", framework_id="productivity-2024"
    )

    assert (saved.retired, saved.removed) == (1, 1)
    by_id = {p.id: p for p in passage_rows(store)}
    assert by_id[decided.id].current is False and undecided.id not in by_id
    effective = {p.id: p for p in C.effective_passages(store, document_ids=[coded])}
    assert effective[decided.id].kind == "requirement"


def test_human_decisions_win_in_a_documents_effective_codes(store: Store, coded: int) -> None:
    before = C.document_codes(store, coded)
    barrier = "procurement_rules"
    assert barrier not in before.barrier_ids
    target = next(p for p in passage_rows(store) if "agency staff" in p.text)
    C.recode(store, target.id, "alice", kind="council", barriers=[barrier])
    for theme in before.themes:  # reject every piece of evidence for the first theme
        if theme.id == before.themes[0].id:
            for code in machine_rows(store):
                if code.code_type == "heading" and code.value == theme.id:
                    C.reject(store, code.id, "alice")

    after = C.document_codes(store, coded)

    assert before.themes[0].id not in after.theme_ids
    found = next(b for b in after.barriers if b.id == barrier)
    assert found.evidence[0].confidence == 1.0
    assert found.evidence[0].text == target.text and found.evidence[0].start == target.start
    assert C.council_codes(store, document_ids=[coded])[coded].barrier_ids == after.barrier_ids


def test_council_codes_of_a_council_without_documents_is_empty(store: Store) -> None:
    assert C.council_codes(store, "E06000001") == {}


def test_the_review_queue_lists_undecided_codes_below_the_threshold_least_confident_first(
    store: Store, coded: int
) -> None:
    queue = C.review_queue(store, threshold=1.0, limit=100)
    confidences = [i.confidence for i in queue]
    assert confidences == sorted(confidences) and all(c < 1.0 for c in confidences)
    assert len(queue) == len([c for c in machine_rows(store) if c.confidence < 1.0])
    low = C.review_queue(store, threshold=0.7, limit=100)
    assert all(i.confidence < 0.7 for i in low) and len(low) <= len(queue)
    assert len(C.review_queue(store, threshold=1.0, limit=3)) == min(3, len(queue))
    assert C.review_queue(store, threshold=0.0) == []

    first = queue[0]
    C.accept(store, first.code_id, "alice")
    assert first.code_id not in {i.code_id for i in C.review_queue(store, 1.0, 100)}
    for_bob = C.review_queue(store, 1.0, 100, analyst="bob")
    assert first.code_id in {i.code_id for i in for_bob}
    kinds = C.review_queue(store, 1.0, 100, code_types=["kind"])
    assert kinds and {i.code_type for i in kinds} == {"kind"}


def test_decisions_are_validated_against_the_store_and_the_framework(
    store: Store, coded: int
) -> None:
    passage = passage_rows(store)[0]
    with pytest.raises(C.ReviewError, match="no machine code 999999"):
        C.accept(store, 999999, "alice")
    with pytest.raises(C.ReviewError, match="not a heading"):
        C.recode(store, passage.id, "alice", headings=["transformation", "made_up"])
    with pytest.raises(C.ReviewError, match="not a barrier"):
        C.record_decision(
            store,
            analyst="alice",
            decision="add",
            passage_id=passage.id,
            code_type="barrier",
            value="weather",
        )
    with pytest.raises(C.ReviewError, match="not a kind"):
        C.recode(store, passage.id, "alice", kind="neither")
    with pytest.raises(C.ReviewError, match="no passage"):
        C.recode(store, 999999, "alice", headings=["transformation"])
    with pytest.raises(C.ReviewError, match="analyst"):
        C.recode(store, passage.id, "  ", headings=["transformation"])
    with pytest.raises(C.ReviewError, match="nothing to recode"):
        C.recode(store, passage.id, "alice")
    assert count(store, HumanCodeRow) == 0  # nothing half-written


def test_recode_sets_exactly_the_given_codes_of_each_type(store: Store, coded: int) -> None:
    target = next(p for p in passage_rows(store) if "legacy IT" in p.text)
    C.recode(store, target.id, "alice", headings=["technology_data", "wasteful_spend"])
    C.recode(store, target.id, "alice", headings=["wasteful_spend"], questions=[])
    (passage,) = C.effective_passages(store, passage_ids=[target.id])
    assert passage.values("heading") == ("wasteful_spend",)
    assert passage.values("question") == ()


def test_rejecting_the_machines_kind_gives_the_other_kind() -> None:
    machine = [C.EffectiveCode("kind", "council", 0.55, "machine", 1)]
    decision = HumanCodeRow(
        id=1, passage_id=1, code_type="kind", value="council", decision="reject", analyst="a"
    )
    (result,) = C.apply_decisions(machine, [decision])
    assert (result.value, result.source) == ("requirement", "human")


def test_corrections_change_the_next_training(
    store: Store, coded: int, model: CodingModel, tmp_path: Path
) -> None:
    target = next(p for p in passage_rows(store) if "agency staff" in p.text)
    (before,) = C.effective_passages(store, passage_ids=[target.id])
    wanted = {
        "kind": "council",
        "headings": ("wasteful_spend",),
        "barriers": ("procurement_rules",),
    }
    assert (before.values("heading"), before.values("barrier")) != (
        wanted["headings"],
        wanted["barriers"],
    )
    C.recode(
        store,
        target.id,
        "alice",
        kind="council",
        headings=["wasteful_spend"],
        barriers=["procurement_rules"],
    )

    run = train_from_store(store, out=tmp_path / "models")
    assert run.human_examples == 1 and run.base_examples > 100
    assert run.model.version != model.version
    assert run.path == tmp_path / "models" / run.model.version
    code_documents(store, model=load_model(run.path))

    machine = [c for c in machine_rows(store) if c.passage_id == target.id]
    assert {c.model_version for c in machine} == {run.model.version}
    assert {c.value for c in machine if c.code_type == "heading"} == {"wasteful_spend"}
    assert {c.value for c in machine if c.code_type == "barrier"} == {"procurement_rules"}


def test_training_needs_human_decisions(store: Store, coded: int) -> None:
    with pytest.raises(ValueError, match="no human decisions"):
        train_from_store(store)


def test_kappa_matches_a_hand_computed_example(store: Store, coded: int) -> None:
    """Six passages. alice: R R C C C C; bob: R C C C C R.

    p_o = 4/6; each coder says R twice and C four times, so p_e = (2/6)² + (4/6)² = 5/9;
    κ = (2/3 − 5/9) / (1 − 5/9) = (1/9) / (4/9) = 0.25.
    """
    ids = [p.id for p in passage_rows(store)][:6]
    alice = ["requirement", "requirement", "council", "council", "council", "council"]
    bob = ["requirement", "council", "council", "council", "council", "requirement"]
    for pid, a, b in zip(ids, alice, bob, strict=True):
        C.recode(store, pid, "alice", kind=a)
        C.recode(store, pid, "bob", kind=b)
    C.recode(store, passage_rows(store)[6].id, "alice", kind="council")  # alice only: ignored

    rows = {r.code_type: r for r in agreement(store, "alice", "bob")}

    assert rows["kind"].passages == 6 and rows["kind"].items == 6
    assert rows["kind"].observed == pytest.approx(4 / 6)
    assert rows["kind"].kappa == pytest.approx(0.25)
    assert rows["heading"].passages == 0 and rows["heading"].kappa is None
    versus_model = {r.code_type: r for r in agreement(store, "alice", "model")}
    assert versus_model["kind"].passages == 7


def test_kappa_is_undefined_when_both_coders_use_one_label() -> None:
    assert kappa(["no", "no"], ["no", "no"]) is None
    assert kappa(["yes", "no", "no", "no"], ["yes", "no", "no", "yes"]) == pytest.approx(0.5)


def test_the_framework_decides_which_values_a_code_may_take() -> None:
    framework = load_framework()
    assert C.allowed_values(framework, "heading") == [h.id for h in framework.headings]
    assert "legacy_it_systems" in C.allowed_values(framework, "barrier")
    with pytest.raises(C.ReviewError):
        C.allowed_values(framework, "colour")
