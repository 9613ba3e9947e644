"""Governance: when plans went to which bodies, against the letter date and the deadline; which
kinds of body oversaw them; councils with no evidence of oversight or publication.

Every step is on the timeline with its kind (``sector.plan_steps``); only decisions on the plan
itself are counted as oversight or by body, never a later progress review of it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from productivity_plans.extract.governance import body_kind
from productivity_plans.sector.plan_steps import StepKind, step_kind
from productivity_plans.sector.snapshot import Cite, SectorSnapshot

When = Literal["before_letter", "by_deadline", "after_deadline", "undated"]
OVERSIGHT_OUTCOMES = frozenset({"approved", "endorsed", "noted", "delegated"})
PUBLISHED_TYPES = frozenset({"plan", "web_page", "news"})
BODY_LABELS = {
    "cabinet": "Cabinet",
    "executive": "Executive",
    "council": "Full council",
    "committee": "Committee",
    "leader": "Leader",
    "mayor": "Mayor",
    "portfolio_holder": "Portfolio holder",
    "officer": "Officer (delegated)",
    "other": "Other body",
    "unknown": "Body not stated",
}


@dataclass(frozen=True, slots=True)
class TimelineRow:
    council_gss: str | None
    council: str | None
    date: date | None
    when: When
    days_after_letter: int | None
    days_to_deadline: int | None  # positive: before the deadline
    source: Literal["decision", "event"]
    action: str  # decision outcome, or event action
    body: str | None
    body_kind: str
    evidence: Cite
    kind: StepKind = "plan_decision"


@dataclass(frozen=True, slots=True)
class BodyCount:
    body_kind: str
    label: str
    councils: int  # councils with at least one decision by this kind of body
    decisions: int
    evidence: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class OversightRow:
    council_gss: str
    council: str
    council_type: str
    region: str
    documents: int
    oversight: bool  # a recorded decision (approved/endorsed/noted/delegated) about the plan
    published: bool  # the plan, a web page or news item about it is in the snapshot
    evidence: tuple[Cite, ...]


def _when(day: date | None, letter: date, deadline: date) -> When:
    if day is None:
        return "undated"
    if day < letter:
        return "before_letter"
    return "by_deadline" if day <= deadline else "after_deadline"


def decision_timeline(snapshot: SectorSnapshot) -> list[TimelineRow]:
    """Every dated (and undated) decision and governance event, oldest first."""
    fw = snapshot.framework
    index = snapshot.council_index
    documents = snapshot.document_index
    decided_on = {d.document_id: d.date for d in snapshot.decisions}
    rows: list[TimelineRow] = []

    def title(document_id: str) -> str | None:
        doc = documents.get(document_id)
        return doc.title if doc else None

    def kind(day: date | None, subjects: Sequence[str | None]) -> StepKind:
        return step_kind(day, subjects, fw.letter.date, fw.deadline)

    def name(gss: str | None) -> str | None:
        c = index.get(gss or "")
        return c.name if c else None

    for d in snapshot.decisions:
        start = d.start or 0
        cite = Cite(
            d.document_id,
            d.council_gss,
            d.page,
            start,
            d.end or start,
            d.evidence_sentence or "",
        )
        rows.append(
            TimelineRow(
                d.council_gss,
                name(d.council_gss),
                d.date,
                _when(d.date, fw.letter.date, fw.deadline),
                (d.date - fw.letter.date).days if d.date else None,
                (fw.deadline - d.date).days if d.date else None,
                "decision",
                d.outcome,
                d.body,
                d.body_kind or "unknown",
                cite,
                kind(d.date, [title(d.document_id), d.evidence_sentence]),
            )
        )
    for e in snapshot.events:
        cite = Cite(e.document_id, e.council_gss, e.page, e.start, e.end, e.sentence)
        rows.append(
            TimelineRow(
                e.council_gss,
                name(e.council_gss),
                e.date,
                _when(e.date, fw.letter.date, fw.deadline),
                (e.date - fw.letter.date).days,
                (fw.deadline - e.date).days,
                "event",
                e.action,
                e.body,
                body_kind(e.body) or "unknown",
                cite,
                # The paper's subject applies only to its own meeting (see compliance).
                kind(
                    e.date,
                    [e.sentence]
                    + ([title(e.document_id)] if decided_on.get(e.document_id) == e.date else []),
                ),
            )
        )
    rows.sort(key=lambda r: (r.date is None, r.date or date.max, r.council or "", r.action))
    return rows


def body_counts(snapshot: SectorSnapshot) -> list[BodyCount]:
    """Kinds of body that took decisions on plans (not on progress reviews): councils and
    decisions per kind."""
    councils: dict[str, set[str]] = defaultdict(set)
    cites: dict[str, list[Cite]] = defaultdict(list)
    for row in decision_timeline(snapshot):
        if row.source != "decision" or row.council_gss is None or row.kind != "plan_decision":
            continue
        kind = row.body_kind
        if row.action == "delegated" and kind == "unknown":
            kind = "officer"
        councils[kind].add(row.council_gss)
        cites[kind].append(row.evidence)
    order = [k for k in BODY_LABELS if k in councils]
    return [
        BodyCount(k, BODY_LABELS[k], len(councils[k]), len(cites[k]), tuple(cites[k]))
        for k in order
    ]


def oversight(snapshot: SectorSnapshot, *, with_documents_only: bool = False) -> list[OversightRow]:
    """Per council: is there evidence of member oversight, and of publication? Name order."""
    docs: dict[str, list[str]] = defaultdict(list)
    published: dict[str, list[Cite]] = defaultdict(list)
    for d in snapshot.documents:
        if d.council_gss is None:
            continue
        docs[d.council_gss].append(d.id)
        if d.published or d.doc_type in PUBLISHED_TYPES:
            published[d.council_gss].append(
                Cite(d.id, d.council_gss, 1, 0, 0, d.title or d.url or d.source)
            )
    decided: dict[str, list[Cite]] = defaultdict(list)
    for row in decision_timeline(snapshot):
        if (
            row.source == "decision"
            and row.council_gss
            and row.action in OVERSIGHT_OUTCOMES
            and row.kind == "plan_decision"
        ):
            decided[row.council_gss].append(row.evidence)
    out: list[OversightRow] = []
    for c in sorted(snapshot.councils, key=lambda c: c.name):
        if with_documents_only and c.gss_code not in docs:
            continue
        g = c.gss_code
        out.append(
            OversightRow(
                g,
                c.name,
                c.type,
                c.region,
                len(docs.get(g, [])),
                bool(decided.get(g)),
                bool(published.get(g)),
                tuple(decided.get(g, [])[:2] + published.get(g, [])[:1]),
            )
        )
    return out
