"""Per-council governance: the trail of dated steps across all of a council's documents, and a
compliance view against the framework's requirements.

Pure functions over stored facts (``StoredFacts``), the steps a council recorded itself
(``RecordedStep``: a decision, the submission, the publication URL) and the council register;
the CLI and the web pages only print what these return. Each claim carries the sentence and
document it rests on, or says it rests on the council's own record. There are statuses per
requirement (``evidenced``, ``not_evidenced``, ``late``, ``no_documents``), never a score or a
rank: the regime itself says plans are not rated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from productivity_plans.councils import Council, Register, load_register
from productivity_plans.extract import submission_to_come
from productivity_plans.extract.governance import body_kind
from productivity_plans.extract.records import MEMBER_KINDS
from productivity_plans.framework import Framework, load_framework
from productivity_plans.sector.plan_steps import StepKind, step_kind
from productivity_plans.store import Store, StoredFacts
from productivity_plans.store.workspace import RecordedStep, recorded_steps

Status = Literal["evidenced", "not_evidenced", "late", "no_documents"]
STATUSES: tuple[Status, ...] = ("evidenced", "not_evidenced", "late", "no_documents")

# What a step did, strongest first: used to pick the decision a claim cites.
_STRENGTH = ["approved", "endorsed", "agreed", "delegated", "noted", "considered", "scrutinised"]
_DECIDED = frozenset({"approved", "endorsed", "agreed", "delegated", "noted"})
PUBLISHED_TYPES = frozenset({"plan", "web_page"})


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A stored document, as a claim cites it."""

    document_id: int
    title: str | None
    source: str | None
    url: str | None
    doc_type: str

    @property
    def label(self) -> str:
        return self.url or self.title or self.source or f"document {self.document_id}"


@dataclass(frozen=True, slots=True)
class TrailEvent:
    """One dated step in a council's governance of its plan, with where it is reported."""

    date: date
    body: str | None
    body_kind: str | None
    action: str  # approved, endorsed, noted, delegated, considered, submitted, ...
    sentence: str | None
    start: int | None
    end: int | None
    document: DocumentRef | None  # None for a step the council recorded itself
    also_in: tuple[DocumentRef, ...] = ()  # other documents reporting the same step
    source: Literal["decision", "timeline", "recorded"] = "timeline"
    url: str | None = None  # a recorded step's link to its paper
    recorded_by: str | None = None
    # Only decisions on the plan count towards compliance; progress reviews and steps before
    # the letter are shown on the trail for what they are (see ``sector.plan_steps``). A step
    # the council recorded itself is a decision on the plan.
    kind: StepKind = "plan_decision"


@dataclass(frozen=True, slots=True)
class Claim:
    """One requirement's status for one council, with the evidence it rests on."""

    requirement: str  # member_oversight, decision_before_deadline, submitted, published
    status: Status
    detail: str
    date: date | None = None
    body: str | None = None
    evidence: str | None = None  # the sentence
    document: DocumentRef | None = None
    recorded: bool = False  # rests on a step the council recorded, not on a document
    url: str | None = None  # the recorded step's link (paper or published plan)


@dataclass(slots=True)
class CouncilGovernance:
    council: Council
    documents: list[DocumentRef] = field(default_factory=list)
    trail: list[TrailEvent] = field(default_factory=list)
    recorded: list[TrailEvent] = field(default_factory=list)  # "recorded by the council"
    publication_urls: list[str] = field(default_factory=list)  # recorded by the council
    claims: list[Claim] = field(default_factory=list)

    def claim(self, requirement: str) -> Claim | None:
        return next((c for c in self.claims if c.requirement == requirement), None)


def _ref(stored: StoredFacts) -> DocumentRef:
    return DocumentRef(
        stored.document_id, stored.title, stored.source, stored.url, stored.facts.doc_type
    )


def _body_key(body: str | None) -> str:
    return re.sub(r"[^a-z]+", " ", (body or "").lower()).strip()


# Papers written before their meeting: their outcome is what they recommend ("That Cabinet
# approves the plan"), which the meeting may not have done. They show the plan put to it.
_PROPOSALS = frozenset({"committee_report", "agenda_item"})


def _decision_action(stored: StoredFacts) -> str:
    """The step a paper's own decision shows: its outcome when it records one taken, else
    "considered" (a report's or an agenda's recommendation is not a decision taken)."""
    outcome = stored.facts.decision.outcome
    if stored.facts.doc_type in _PROPOSALS or outcome not in _DECIDED:
        return "considered"
    return outcome


def decision_kind(stored: StoredFacts, framework: Framework) -> StepKind:
    """What the paper's own decision is about: its date, and its subject as the title, the
    decision sentence and the recommendations put it."""
    facts = stored.facts
    subjects = (stored.title, facts.decision.evidence, *facts.recommendations)
    return step_kind(facts.decision.date, subjects, framework.letter.date, framework.deadline)


def event_kind(
    stored: StoredFacts, event_date: date, sentence: str | None, framework: Framework
) -> StepKind:
    """What a step a paper mentions is about: its own sentence says so. The paper's subject
    applies too when the step is the paper's own meeting (same date as its decision); a paper
    reviewing progress may still report an earlier decision on the plan."""
    subjects: list[str | None] = [sentence]
    if event_date == stored.facts.decision.date:
        subjects.append(stored.title)
    return step_kind(event_date, subjects, framework.letter.date, framework.deadline)


def governance_trail(
    documents: Iterable[StoredFacts], framework: Framework | None = None
) -> list[TrailEvent]:
    """Every dated step (decisions and timeline events) across the documents, in date order,
    one entry per step: when several papers report the same step (same date, same kind of
    body, or the same action when no body is named) the first report is kept and the others
    are listed in ``also_in``. Each step carries its kind (decision on the plan, progress
    review, before the letter)."""
    fw = framework or load_framework()
    events: list[TrailEvent] = []
    for stored in documents:
        ref, facts = _ref(stored), stored.facts
        decision = facts.decision
        # A document that records no decision ("none": a forward plan, an agenda before its
        # meeting) names the meeting to come, not a step taken.
        if decision.date is not None and decision.outcome != "none":
            action = _decision_action(stored)
            events.append(
                TrailEvent(
                    decision.date,
                    decision.body,
                    decision.body_kind,
                    action,
                    decision.evidence,
                    decision.start,
                    decision.end,
                    ref,
                    source="decision",
                    kind=decision_kind(stored, fw),
                )
            )
        for event in facts.timeline:
            events.append(
                TrailEvent(
                    event.date,
                    event.body,
                    body_kind(event.body),
                    event.action,
                    event.sentence,
                    event.start,
                    event.end,
                    ref,
                    kind=event_kind(stored, event.date, event.sentence, fw),
                )
            )
    # Decisions first within a day: a paper's own decision is better evidence than a mention.
    events.sort(key=lambda e: (e.date, e.source != "decision", _document_id(e)))
    merged: list[TrailEvent] = []
    for step in events:
        for i, kept in enumerate(merged):
            if _same_step(kept, step):
                merged[i] = _with_also(kept, step)
                break
        else:
            merged.append(step)
    return merged


def recorded_events(steps: Iterable[RecordedStep]) -> list[TrailEvent]:
    """The council's recorded decisions and submission as dated steps, kept apart from the
    extracted trail (both are shown) but weighed the same way as evidence."""
    events: list[TrailEvent] = []
    for step in steps:
        if step.date is None or step.kind == "publication":
            continue
        if step.kind == "decision":
            action = step.outcome if step.outcome in _DECIDED else "considered"
            body, kind = step.body, body_kind(step.body)
        else:
            action, body, kind = "submitted", None, None
        events.append(
            TrailEvent(
                step.date,
                body,
                kind,
                action,
                step.note,
                None,
                None,
                None,
                source="recorded",
                url=step.url,
                recorded_by=step.recorded_by,
            )
        )
    events.sort(key=lambda e: e.date)
    return events


def _cited(event: TrailEvent, claim: Claim) -> Claim:
    """A claim resting on a recorded step says so and carries the step's link."""
    if event.source != "recorded":
        return claim
    return replace(
        claim, detail=f"{claim.detail} (recorded by the council)", recorded=True, url=event.url
    )


def _document_id(event: TrailEvent) -> int:
    return event.document.document_id if event.document else 0


def _same_step(a: TrailEvent, b: TrailEvent) -> bool:
    """Same day and the same kind of body; or, when either names no body, the same action.
    A progress review is never the same step as a decision on the plan."""
    if a.date != b.date or a.kind != b.kind:
        return False
    if a.body_kind and b.body_kind:
        return a.body_kind == b.body_kind
    return a.action == b.action


def _with_also(kept: TrailEvent, other: TrailEvent) -> TrailEvent:
    if kept.action == "considered" and other.action in _DECIDED and other.document:
        # a report put the plan to the meeting; another paper says what the meeting decided
        kept, other = other, kept
    also = kept.also_in
    for document in (other.document, *other.also_in):
        if document and document != kept.document and document not in also:
            also = (*also, document)
    body = kept.body or other.body
    if also == kept.also_in and body == kept.body:
        return kept
    return TrailEvent(
        kept.date,
        body,
        kept.body_kind or other.body_kind,
        kept.action,
        kept.sentence,
        kept.start,
        kept.end,
        kept.document,
        also,
        kept.source,
        kept.kind,
    )


def _strength(action: str) -> int:
    return _STRENGTH.index(action) if action in _STRENGTH else len(_STRENGTH)


def _oversight(
    documents: Sequence[StoredFacts], trail: Sequence[TrailEvent], fw: Framework
) -> tuple[list[TrailEvent], list[tuple[StoredFacts, str]]]:
    """Dated member decisions on the plan from the trail, and undated member decisions on the
    plan (with their action). Progress reviews and steps before the letter are left out."""
    dated = [
        e
        for e in trail
        if e.body_kind in MEMBER_KINDS and e.action != "submitted" and e.kind == "plan_decision"
    ]
    undated: list[tuple[StoredFacts, str]] = []
    for stored in documents:
        d = stored.facts.decision
        if d.outcome == "none" or (d.date is None and decision_kind(stored, fw) != "plan_decision"):
            continue
        if d.date is None and d.body_kind in MEMBER_KINDS:
            undated.append((stored, _decision_action(stored)))
        elif (
            d.date is None
            and d.body is None
            and d.outcome in _DECIDED
            and stored.facts.doc_type in {"minutes", "decision_record"}
        ):
            # "Approved the Productivity Plan" on a committee paper: a decision, body unnamed.
            undated.append((stored, d.outcome))
    return dated, undated


def assess(
    council: Council,
    documents: Sequence[StoredFacts],
    framework: Framework | None = None,
    recorded: Sequence[RecordedStep] = (),
) -> CouncilGovernance:
    """The trail and the compliance claims for one council from its documents' facts and the
    steps it recorded itself (a recorded decision, submission date or publication URL is
    evidence like a sentence in a paper, and is labelled as the council's own record)."""
    fw = framework or load_framework()
    deadline = fw.deadline
    result = CouncilGovernance(council, [_ref(s) for s in documents])
    result.recorded = recorded_events(recorded)
    result.publication_urls = [s.url for s in recorded if s.kind == "publication" and s.url]
    if not documents and not recorded:
        result.claims = [
            Claim(req, "no_documents", "no documents for this council") for req in _requirements(fw)
        ]
        return result
    trail = governance_trail(documents, fw)
    result.trail = trail
    steps = trail + result.recorded
    dated, undated = _oversight(documents, steps, fw)
    claims: list[Claim] = []
    if fw.requirements.member_oversight:
        claims += _oversight_claims(dated, undated, deadline)
    claims.append(_submission_claim(documents, steps, fw))
    if fw.requirements.publication:
        claims.append(_publication_claim(documents, result.publication_urls))
    result.claims = claims
    return result


def _requirements(fw: Framework) -> list[str]:
    out: list[str] = []
    if fw.requirements.member_oversight:
        out += ["member_oversight", "decision_before_deadline"]
    out.append("submitted")
    if fw.requirements.publication:
        out.append("published")
    return out


def _oversight_claims(
    dated: list[TrailEvent], undated: list[tuple[StoredFacts, str]], deadline: date
) -> list[Claim]:
    decided = [e for e in dated if e.action in _DECIDED]
    # Members considering the plan before the deadline is oversight in time even when the paper
    # does not say what they resolved ("taken to Cabinet on 15 July for endorsement"); a decision
    # is still preferred where there is one.
    on_time = [e for e in decided if e.date <= deadline] or [e for e in dated if e.date <= deadline]
    # The cited decision: the strongest before the deadline, else the strongest at all.
    pool = on_time or decided or dated
    best = min(pool, key=lambda e: (_strength(e.action), e.date)) if pool else None
    if best is not None:
        oversight = _cited(
            best,
            Claim(
                "member_oversight",
                "evidenced",
                f"{best.body or 'members'} {best.action} the plan on {best.date.isoformat()}",
                best.date,
                best.body,
                best.sentence,
                best.document,
            ),
        )
    elif undated:
        stored, action = min(undated, key=lambda u: _strength(u[1]))
        d = stored.facts.decision
        oversight = Claim(
            "member_oversight",
            "evidenced",
            f"{d.body or 'a member body (not named)'} {action} the plan (date not stated)",
            None,
            d.body,
            d.evidence,
            _ref(stored),
        )
    else:
        oversight = Claim(
            "member_oversight",
            "not_evidenced",
            "no decision by a member body found in the council's documents",
        )
    if on_time:
        first = min(on_time, key=lambda e: (e.date, _strength(e.action)))
        timing = _cited(
            first,
            Claim(
                "decision_before_deadline",
                "evidenced",
                f"{first.body or 'members'} {first.action} on {first.date.isoformat()}, "
                f"by the {deadline.isoformat()} deadline",
                first.date,
                first.body,
                first.sentence,
                first.document,
            ),
        )
    elif decided:
        first = min(decided, key=lambda e: e.date)
        timing = _cited(
            first,
            Claim(
                "decision_before_deadline",
                "late",
                f"the first member decision found is {first.body or 'members'} {first.action} "
                f"on {first.date.isoformat()}, after the {deadline.isoformat()} deadline",
                first.date,
                first.body,
                first.sentence,
                first.document,
            ),
        )
    else:
        timing = Claim(
            "decision_before_deadline",
            "not_evidenced",
            "no dated member decision found"
            + (" (a decision is reported without a date)" if undated else ""),
        )
    return [oversight, timing]


def _submission_claim(
    documents: Sequence[StoredFacts], trail: Sequence[TrailEvent], fw: Framework
) -> Claim:
    """The earliest submission of the plan; an update sent to the department later is not it."""
    deadline = fw.deadline
    found: list[tuple[date, str | None, DocumentRef | None, TrailEvent | None]] = []
    for stored in documents:
        facts = stored.facts
        sentence = facts.submission.sentence if facts.submission else None
        # "will be submitted on 19 July" dates a submission still to come: no evidence of one
        if facts.submitted_date is not None and not submission_to_come(sentence):
            kind = step_kind(facts.submitted_date, [sentence], fw.letter.date, deadline)
            if kind == "plan_decision":
                found.append((facts.submitted_date, sentence, _ref(stored), None))
    for event in trail:
        if event.action == "submitted" and event.kind == "plan_decision":
            found.append((event.date, event.sentence, event.document, event))
    if not found:
        return Claim("submitted", "not_evidenced", "no statement that the plan was submitted")
    when, sentence, ref, cited = min(found, key=lambda f: f[0])
    status: Status = "evidenced" if when <= deadline else "late"
    tail = "by" if status == "evidenced" else "after"
    claim = Claim(
        "submitted",
        status,
        f"submitted on {when.isoformat()}, {tail} the {deadline.isoformat()} deadline",
        when,
        None,
        sentence,
        ref,
    )
    return _cited(cited, claim) if cited else claim


def _publication_claim(
    documents: Sequence[StoredFacts], recorded_urls: Sequence[str] = ()
) -> Claim:
    for stored in documents:
        if stored.facts.doc_type in PUBLISHED_TYPES:
            ref = _ref(stored)
            what = "the plan" if ref.doc_type == "plan" else "a web page about the plan"
            return Claim(
                "published",
                "evidenced",
                f"{what} is held for the council ({ref.label}); publication date not known",
                document=ref,
            )
    if recorded_urls:
        return Claim(
            "published",
            "evidenced",
            f"the council records the plan is published at {recorded_urls[0]}",
            recorded=True,
            url=recorded_urls[0],
        )
    for stored in documents:
        if stored.facts.publication is not None:
            return Claim(
                "published",
                "evidenced",
                "a paper states the plan was published on the council's website",
                evidence=stored.facts.publication.sentence,
                document=_ref(stored),
            )
    return Claim(
        "published", "not_evidenced", "no plan or web page held, and no sentence saying so"
    )


# ---------------------------------------------------------------- over the store


def find_council(query: str, register: Register | None = None) -> Council | None:
    """A council in force on the deadline by GSS code or (fuzzy) name; None when nothing fits."""
    register = register or load_register()
    on = load_framework().deadline
    exact = register.by_gss(query.strip())
    if exact is not None:
        return exact
    in_force = {c.code for c in register.in_force(on)}
    for council in register.search(query, limit=10, on=on):
        if council.code in in_force:
            return council
    return None


def council_governance(store: Store, council: Council) -> CouncilGovernance:
    """One council's trail and compliance view from the store (its papers and its record)."""
    return assess(
        council,
        store.facts(council=council.gss_code),
        recorded=recorded_steps(store, council.gss_code),
    )


def compliance(
    store: Store,
    *,
    type_: str | None = None,
    region: str | None = None,
    status: str | None = None,
    register: Register | None = None,
) -> list[CouncilGovernance]:
    """Every council in force on the deadline (317 in England), filtered by type and region,
    and by ``status`` (kept when any requirement has it)."""
    register = register or load_register()
    fw = load_framework()
    by_council: dict[str, list[StoredFacts]] = defaultdict(list)
    for stored in store.facts():
        if stored.facts.council_code:
            by_council[stored.facts.council_code].append(stored)
    recorded: dict[str, list[RecordedStep]] = defaultdict(list)
    for step in recorded_steps(store):
        recorded[step.council_gss].append(step)
    out: list[CouncilGovernance] = []
    for council in sorted(register.in_force(fw.deadline), key=lambda c: c.official_name):
        if type_ is not None and council.type != type_:
            continue
        if region is not None and council.region.lower() != region.lower():
            continue
        result = assess(
            council, by_council.get(council.gss_code, []), fw, recorded.get(council.gss_code, [])
        )
        if status is not None and all(c.status != status for c in result.claims):
            continue
        out.append(result)
    return out


def compliance_row(result: CouncilGovernance) -> dict[str, object]:
    """One flat row per council for tables and CSV: status, date and body per requirement."""
    c = result.council
    row: dict[str, object] = {
        "gss_code": c.gss_code,
        "council": c.official_name,
        "type": c.type,
        "region": c.region,
        "documents": len(result.documents),
    }
    for claim in result.claims:
        status = "no documents" if claim.status == "no_documents" else claim.status
        row[claim.requirement] = status
        if claim.requirement == "member_oversight":
            row["body"] = claim.body
        if claim.requirement == "decision_before_deadline":
            row["decision_date"] = claim.date.isoformat() if claim.date else None
        if claim.requirement == "submitted":
            row["submitted_date"] = claim.date.isoformat() if claim.date else None
        row[f"{claim.requirement}_evidence"] = claim.evidence
        row[f"{claim.requirement}_document"] = claim.document.label if claim.document else None
    return row


COMPLIANCE_COLUMNS = (
    "gss_code",
    "council",
    "type",
    "region",
    "documents",
    "member_oversight",
    "body",
    "decision_before_deadline",
    "decision_date",
    "submitted",
    "submitted_date",
    "published",
)
