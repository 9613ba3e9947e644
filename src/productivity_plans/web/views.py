"""Plain view objects for the council, compare and document pages and their API twins.

Built from the catalogue (library functions) only: grouping and labelling, no analysis and
never a score. Every claim and every passage carries a link to where it sits in its document:
``/documents/{id}#p{passage id}`` for a coded passage, ``#b{block id}`` for a sentence cited by
the governance trail.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sqlalchemy import text

from productivity_plans.councils import Council
from productivity_plans.sector.compliance import Claim, CouncilGovernance, DocumentRef, TrailEvent
from productivity_plans.sector.plan_steps import STEP_KIND_LABELS, StepKind
from productivity_plans.store.codes import EffectivePassage
from productivity_plans.web.catalogue import Catalogue, DocumentEntry

REQUIREMENT_LABELS = {
    "member_oversight": "Member oversight",
    "decision_before_deadline": "Decision before the deadline",
    "submitted": "Submitted to government",
    "published": "Published",
}
STATUS_LABELS = {
    "evidenced": "Evidenced",
    "not_evidenced": "Not evidenced",
    "late": "Late",
    "no_documents": "No documents",
}
# GOV.UK tag colours for statuses: descriptive, not a grade.
STATUS_TAGS = {
    "evidenced": "govuk-tag--green",
    "not_evidenced": "govuk-tag--grey",
    "late": "govuk-tag--orange",
    "no_documents": "govuk-tag--blue",
}


def requirement_label(requirement: str) -> str:
    return REQUIREMENT_LABELS.get(requirement, requirement.replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class PassageView:
    passage_id: int
    document_id: int
    document: str
    page: int
    start: int
    end: int
    text: str
    section: str | None  # the heading in the document the passage sits under
    headings: tuple[Label, ...]
    questions: tuple[Label, ...]
    barriers: tuple[Label, ...]
    measure: bool
    initiative: bool
    human: bool  # an analyst decided on at least one of its codes
    href: str


@dataclass(slots=True)
class Group:
    id: str
    label: str
    passages: list[PassageView] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len({p.document_id for p in self.passages})


@dataclass(slots=True)
class CouncilContent:
    headings: list[Group]  # every framework heading, in framework order (empty when not covered)
    barriers: list[Group]
    measures: list[PassageView]


@dataclass(frozen=True, slots=True)
class ClaimView:
    requirement: str
    label: str
    status: str
    status_label: str
    tag: str
    detail: str
    date: str | None
    body: str | None
    evidence: str | None
    document_id: int | None
    document: str | None
    href: str | None
    recorded: bool = False  # rests on the council's own record, not a document
    url: str | None = None  # the recorded step's link


@dataclass(frozen=True, slots=True)
class EventView:
    date: str
    body: str | None
    action: str
    sentence: str | None
    document_id: int | None  # None for a step the council recorded
    document: str | None
    href: str | None  # the document block, or the recorded step's link to its paper
    also_in: tuple[tuple[str, str], ...]  # (label, href)
    recorded: bool = False
    kind: StepKind = "plan_decision"

    @property
    def kind_label(self) -> str:
        return STEP_KIND_LABELS[self.kind]


def document_title(entry: DocumentEntry | None, document_id: int) -> str:
    if entry is None:
        return f"Document {document_id}"
    s = entry.summary
    return s.title or f"Document {s.id}"


def passage_view(
    catalogue: Catalogue, entry: DocumentEntry | None, p: EffectivePassage
) -> PassageView:
    return PassageView(
        passage_id=p.id,
        document_id=p.document_id,
        document=document_title(entry, p.document_id),
        page=p.page,
        start=p.start,
        end=p.end,
        text=p.text,
        section=p.heading,
        headings=tuple(Label(h, catalogue.heading_title(h)) for h in p.values("heading")),
        questions=tuple(Label(q, catalogue.question_text(q)) for q in p.values("question")),
        barriers=tuple(Label(b, catalogue.barrier_label(b)) for b in p.values("barrier")),
        measure=bool(p.values("measure")),
        initiative=bool(p.values("initiative")),
        human=p.human,
        href=f"/documents/{p.document_id}#p{p.id}",
    )


def code_summary(p: PassageView) -> str:
    """The passage's codes as one line of plain text (a tooltip, a CSV cell)."""
    parts = [h.label for h in p.headings] + [f"Barrier: {b.label}" for b in p.barriers]
    if p.measure:
        parts.append("Measures productivity")
    return "; ".join(parts)


def council_content(catalogue: Catalogue, gss_code: str) -> CouncilContent:
    """The council's coded passages grouped by framework heading, by barrier, and its
    measurement statements."""
    headings = {h.id: Group(h.id, h.title) for h in catalogue.framework.headings}
    barriers: dict[str, Group] = {}
    measures: list[PassageView] = []
    for entry, passage in catalogue.council_passages(gss_code):
        view = passage_view(catalogue, entry, passage)
        for h in view.headings:
            headings.setdefault(h.id, Group(h.id, h.label)).passages.append(view)
        for b in view.barriers:
            barriers.setdefault(b.id, Group(b.id, b.label)).passages.append(view)
        if view.measure:
            measures.append(view)
    order = {b.id: i for i, b in enumerate(catalogue.framework.barriers)}
    return CouncilContent(
        headings=list(headings.values()),
        barriers=sorted(barriers.values(), key=lambda g: order.get(g.id, len(order))),
        measures=measures,
    )


# -- governance -----------------------------------------------------------------------------


def block_href(catalogue: Catalogue, document_id: int, offset: int | None) -> str:
    """A link to the block holding ``offset`` in the document (or to the document)."""
    if offset is None:
        return f"/documents/{document_id}"

    def load() -> tuple[list[int], list[int]]:
        with catalogue.store.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT start, id FROM blocks WHERE document_id = :d ORDER BY start"),
                {"d": document_id},
            ).all()
        return [r[0] for r in rows], [r[1] for r in rows]

    starts, ids = catalogue._cached(("blocks", document_id), load)
    i = bisect.bisect_right(starts, offset) - 1
    return f"/documents/{document_id}#b{ids[i]}" if i >= 0 else f"/documents/{document_id}"


def _ref_label(catalogue: Catalogue, ref: DocumentRef) -> str:
    entry = catalogue.document(ref.document_id)
    return document_title(entry, ref.document_id) if entry else ref.label


def _evidence_start(catalogue: Catalogue, claim: Claim) -> int | None:
    """Where the claim's sentence starts in its document, from the stored facts."""
    if claim.document is None or not claim.evidence:
        return None
    stored = catalogue.stored_facts().get(claim.document.document_id)
    if stored is None:
        return None
    facts = stored.facts
    if facts.decision.evidence == claim.evidence:
        return facts.decision.start
    for event in facts.timeline:
        if event.sentence == claim.evidence:
            return event.start
    found = catalogue.document_text_find(claim.document.document_id, claim.evidence)
    return found


def claim_view(catalogue: Catalogue, claim: Claim) -> ClaimView:
    doc = claim.document
    href = None
    if doc is not None:
        href = block_href(catalogue, doc.document_id, _evidence_start(catalogue, claim))
    return ClaimView(
        requirement=claim.requirement,
        label=requirement_label(claim.requirement),
        status=claim.status,
        status_label=STATUS_LABELS.get(claim.status, claim.status),
        tag=STATUS_TAGS.get(claim.status, ""),
        detail=claim.detail,
        date=claim.date.isoformat() if claim.date else None,
        body=claim.body,
        evidence=claim.evidence,
        document_id=doc.document_id if doc else None,
        document=_ref_label(catalogue, doc) if doc else None,
        href=href,
        recorded=claim.recorded,
        url=claim.url,
    )


def event_view(catalogue: Catalogue, event: TrailEvent) -> EventView:
    if event.document is None:  # recorded by the council
        return EventView(
            event.date.isoformat(),
            event.body,
            event.action,
            event.sentence,
            None,
            None,
            event.url,
            (),
            recorded=True,
        )
    return EventView(
        date=event.date.isoformat(),
        body=event.body,
        action=event.action,
        sentence=event.sentence,
        document_id=event.document.document_id,
        document=_ref_label(catalogue, event.document),
        href=block_href(catalogue, event.document.document_id, event.start),
        also_in=tuple(
            (_ref_label(catalogue, r), f"/documents/{r.document_id}") for r in event.also_in
        ),
        kind=event.kind,
    )


@dataclass(frozen=True, slots=True)
class GovernanceView:
    council: Council
    claims: list[ClaimView]
    trail: list[EventView]
    recorded: list[EventView]  # steps recorded by the council, beside the extracted trail
    publication_urls: list[str]


def governance_view(catalogue: Catalogue, council: Council) -> GovernanceView:
    def build() -> GovernanceView:
        result: CouncilGovernance = catalogue.governance(council)
        return GovernanceView(
            council,
            [claim_view(catalogue, c) for c in result.claims],
            [event_view(catalogue, e) for e in result.trail],
            [event_view(catalogue, e) for e in result.recorded],
            result.publication_urls,
        )

    return catalogue._cached(("governance_view", council.gss_code), build)
