"""The draft check: how one document covers the framework, for the council before committee.

For each heading and sub-question: ``answered`` (a passage in the council's own words is coded
to it), ``restated`` (the document only restates what government asked) or ``missing``, with
the passages as evidence, as ``sector.coverage`` decides it for the sector; whether the
document says how productivity is measured; its length against the regime's 3–4 page
guidance; the barriers it names; for each gap a few passages where similar councils answered
it; and, against an earlier version, what changed. Statuses and evidence, never a score.

Pure: it takes coded passages (``store.codes.EffectivePassage``, human decisions applied) and
returns records; the web layer chooses the passages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from productivity_plans.framework import Framework
from productivity_plans.store.codes import EffectivePassage

CheckStatus = Literal["answered", "restated", "missing"]
Length = Literal["shorter", "within", "longer", "unknown"]
MAX_EVIDENCE = 3
MAX_EXEMPLARS = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage cited by the check, with where it sits."""

    passage_id: int
    document_id: int
    page: int
    text: str
    council_gss: str | None = None  # set for exemplars from other councils


@dataclass(frozen=True, slots=True)
class ItemCheck:
    """One heading or sub-question."""

    id: str
    label: str
    status: CheckStatus
    evidence: tuple[Evidence, ...]  # the document's own passages (or restating ones)
    exemplars: tuple[Evidence, ...] = ()  # for a gap: where similar councils answered it


@dataclass(frozen=True, slots=True)
class HeadingCheck:
    heading: ItemCheck
    questions: tuple[ItemCheck, ...]


@dataclass(frozen=True, slots=True)
class DraftCheck:
    document_id: int
    pages: int | None  # None for a format without pages (text, web page, Word)
    expected_pages: tuple[int, int]
    length: Length
    headings: tuple[HeadingCheck, ...]
    measurement: tuple[Evidence, ...]  # passages saying how productivity is measured
    barriers: tuple[tuple[str, str, tuple[Evidence, ...]], ...]  # (id, label, evidence)

    def items(self) -> list[ItemCheck]:
        return [i for h in self.headings for i in (h.heading, *h.questions)]


@dataclass(frozen=True, slots=True)
class Change:
    """What changed for one item between two versions."""

    what: str  # "heading", "question", "barrier", "measurement", "length"
    id: str
    label: str
    before: str
    after: str


def _evidence(p: EffectivePassage, council_gss: str | None = None) -> Evidence:
    return Evidence(p.id, p.document_id, p.page, p.text, council_gss)


def _status(answering: list[EffectivePassage], restating: list[EffectivePassage]) -> CheckStatus:
    if answering:
        return "answered"
    return "restated" if restating else "missing"


def _item(
    item_id: str,
    label: str,
    answering: list[EffectivePassage],
    restating: list[EffectivePassage],
    exemplars: Sequence[tuple[str, EffectivePassage]],
    code_type: str,
) -> ItemCheck:
    status = _status(answering, restating)
    cited = answering or restating
    found: tuple[Evidence, ...] = ()
    if status != "answered":
        found = _exemplars(item_id, exemplars, code_type)
    return ItemCheck(
        item_id, label, status, tuple(_evidence(p) for p in cited[:MAX_EVIDENCE]), found
    )


def _exemplars(
    item_id: str, pool: Sequence[tuple[str, EffectivePassage]], code_type: str
) -> tuple[Evidence, ...]:
    """Passages in other councils' own words coded to the item, one per council, in the
    order the pool gives (the caller puts the most similar councils first)."""
    picked: list[Evidence] = []
    seen: set[str] = set()
    for council_gss, p in pool:
        if council_gss in seen or p.kind != "council" or item_id not in p.values(code_type):
            continue
        seen.add(council_gss)
        picked.append(_evidence(p, council_gss))
        if len(picked) == MAX_EXEMPLARS:
            break
    return tuple(picked)


def check_draft(
    framework: Framework,
    document_id: int,
    passages: Sequence[EffectivePassage],
    pages: int | None,
    exemplar_pool: Sequence[tuple[str, EffectivePassage]] = (),
) -> DraftCheck:
    """The check of one document from its coded passages. ``pages`` is None when the format has
    no pages (a text or web page counts as one page, which says nothing about its length).
    ``exemplar_pool`` holds (council, passage) pairs from similar councils' documents, most
    similar first."""
    own = [p for p in passages if p.kind == "council"]
    restating = [p for p in passages if p.kind == "requirement"]
    headings = []
    for heading in framework.headings:
        answering = [p for p in own if heading.id in p.values("heading")]
        if heading.names_barriers:
            answering += [p for p in own if p.values("barrier") and p not in answering]
        heading_check = _item(
            heading.id,
            heading.title,
            answering,
            [p for p in restating if heading.id in p.values("heading")],
            exemplar_pool,
            "heading",
        )
        questions = tuple(
            _item(
                q.id,
                q.text,
                [p for p in own if q.id in p.values("question")],
                [p for p in restating if q.id in p.values("question")],
                exemplar_pool,
                "question",
            )
            for q in heading.questions
        )
        headings.append(HeadingCheck(heading_check, questions))
    low, high = framework.expected_pages.min, framework.expected_pages.max
    length: Length = (
        "unknown"
        if pages is None
        else "shorter"
        if pages < low
        else "longer"
        if pages > high
        else "within"
    )
    barriers = tuple(
        (b.id, b.label, tuple(_evidence(p) for p in own if b.id in p.values("barrier")))
        for b in framework.barriers
        if any(b.id in p.values("barrier") for p in own)
    )
    return DraftCheck(
        document_id,
        pages,
        (low, high),
        length,
        tuple(headings),
        tuple(_evidence(p) for p in own if p.values("measure")),
        barriers,
    )


def _pages(check: DraftCheck) -> str:
    return "no pages (not a PDF)" if check.pages is None else f"{check.pages} pages"


def compare_checks(before: DraftCheck, after: DraftCheck) -> list[Change]:
    """What changed from an earlier version to this one: statuses of headings and
    sub-questions, barriers named or dropped, measurement, length."""
    changes: list[Change] = []
    old = {i.id: i for i in before.items()}
    for heading in after.headings:
        for item in (heading.heading, *heading.questions):
            was = old.get(item.id)
            if was is not None and was.status != item.status:
                what = "heading" if item is heading.heading else "question"
                changes.append(Change(what, item.id, item.label, was.status, item.status))
    old_barriers = {b[0]: b[1] for b in before.barriers}
    new_barriers = {b[0]: b[1] for b in after.barriers}
    for barrier_id, label in {**old_barriers, **new_barriers}.items():
        if (barrier_id in old_barriers) != (barrier_id in new_barriers):
            named = barrier_id in new_barriers
            then, now = ("not named", "named") if named else ("named", "not named")
            changes.append(Change("barrier", barrier_id, label, then, now))
    if bool(before.measurement) != bool(after.measurement):
        says = ("does not say", "says") if after.measurement else ("says", "does not say")
        changes.append(Change("measurement", "measurement", "How productivity is measured", *says))
    if before.pages != after.pages:
        changes.append(Change("length", "pages", "Length", _pages(before), _pages(after)))
    return changes
