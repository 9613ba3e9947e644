"""Extraction facts in the store: ``Facts`` records to rows and back.

Machine output only. ``replace_facts`` deletes a document's facts and events and writes the new
ones inside the caller's transaction, so a re-extraction is all or nothing and never leaves a
mixture of two extractor versions for one document. ``insert_facts`` writes the facts of a
document just inserted, which has none to delete.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from productivity_plans.councils import load_register
from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import SiteDocument, is_inferred
from productivity_plans.extract.records import (
    Author,
    Decision,
    Facts,
    GovernanceEvent,
    Quote,
)
from productivity_plans.store.models import (
    UNSETTLED,
    DocumentRow,
    FactsRow,
    GovernanceEventRow,
    SourceRow,
    in_chunks,
)
from productivity_plans.store.site_tally import count, document_site, retally, untally
from productivity_plans.store.visibility import is_public


@dataclass(frozen=True, slots=True)
class StoredFacts:
    """A document's facts as stored, with enough about the document to cite it."""

    document_id: int
    title: str | None
    source: str | None  # first place the document was seen
    url: str | None  # a published URL, when any source has one
    facts: Facts


def check_fact_offsets(facts: Facts, length: int) -> None:
    """Reject evidence offsets outside the document's text before anything is written."""
    spans: list[tuple[str, int | None, int | None]] = [
        ("decision", facts.decision.start, facts.decision.end),
    ]
    for name, quote in (("submission", facts.submission), ("publication", facts.publication)):
        if quote is not None:
            spans.append((name, quote.start, quote.end))
    spans += [(f"event {i}", e.start, e.end) for i, e in enumerate(facts.timeline)]
    for name, start, end in spans:
        if start is None and end is None:
            continue
        if start is None or end is None or not 0 <= start <= end <= length:
            raise ValueError(f"{name} evidence has offsets outside the text: {start}..{end}")


def replace_facts(session: Session, document_id: int, facts: Facts) -> None:
    """Delete the document's machine facts and events, then write ``facts``."""
    untally(session, document_id)
    session.execute(delete(GovernanceEventRow).where(GovernanceEventRow.document_id == document_id))
    session.execute(delete(FactsRow).where(FactsRow.document_id == document_id))
    insert_facts(session, document_id, facts, document_site(session, document_id))


def insert_facts(session: Session, document_id: int, facts: Facts, site: str | None) -> None:
    """Write ``facts`` for a document that has no machine facts yet, on ``site`` (that of the
    least of its sources' URLs: ``site_tally.document_site``, or for a document just stored
    with one source, that source's), and count its council in its site's tally
    (``store.site_tally``)."""
    decision, author = facts.decision, facts.author
    council = facts.council
    session.connection().execute(  # Core executemany: no ORM overhead
        insert(FactsRow),
        [
            {
                "document_id": document_id,
                **_council_columns(council),
                "site": site,
                "doc_type": facts.doc_type,
                "decision_body": decision.body,
                "decision_body_kind": decision.body_kind,
                "decision_date": decision.date,
                "decision_outcome": decision.outcome,
                "decision_evidence": decision.evidence,
                "decision_start": decision.start,
                "decision_end": decision.end,
                "author_name": author.name if author else None,
                "author_role": author.role if author else None,
                "recommendations": list(facts.recommendations),
                "key_decision": facts.key_decision,
                "call_in": facts.call_in,
                "submitted_date": facts.submitted_date,
                "submitted_evidence": facts.submission.sentence if facts.submission else None,
                "submitted_start": facts.submission.start if facts.submission else None,
                "submitted_end": facts.submission.end if facts.submission else None,
                "published_evidence": facts.publication.sentence if facts.publication else None,
                "published_start": facts.publication.start if facts.publication else None,
                "published_end": facts.publication.end if facts.publication else None,
                "extractor_version": facts.version,
                "extracted_at": datetime.now(UTC),
            }
        ],
    )
    if facts.timeline:
        session.connection().execute(  # Core too: the ORM's bulk insert costs ≈ 0.3 ms more
            insert(GovernanceEventRow),
            [
                {
                    "document_id": document_id,
                    "ordinal": ordinal,
                    "date": event.date,  # the column's name (the attribute is `day`)
                    "body": event.body,
                    "action": event.action,
                    "sentence": event.sentence,
                    "start": event.start,
                    "end": event.end,
                }
                for ordinal, event in enumerate(facts.timeline)
            ],
        )
    if site is not None and council is not None and not is_inferred(council):
        count(session, site, council.gss_code)


def _quote(sentence: str | None, start: int | None, end: int | None) -> Quote | None:
    if sentence is None or start is None or end is None:
        return None
    return Quote(sentence, start, end)


def _council_columns(council: CouncilMatch | None) -> dict[str, Any]:
    return {
        "council_gss": council.gss_code if council else None,
        "council_confidence": council.confidence if council else None,
        "council_evidence": list(council.evidence) if council else [],
        "council_inferred": is_inferred(council),
    }


def _council(
    gss: str | None, confidence: float | None, evidence: list[str] | None
) -> CouncilMatch | None:
    if gss is None:
        return None
    council = load_register().by_gss(gss)
    return CouncilMatch(
        gss_code=gss,
        name=council.official_name if council else gss,
        type=council.type if council else "unknown",
        confidence=confidence or 0.0,
        evidence=tuple(evidence or ()),
    )


def facts_from_row(row: FactsRow, events: list[GovernanceEventRow]) -> Facts:
    return Facts(
        council=_council(row.council_gss, row.council_confidence, row.council_evidence),
        doc_type=row.doc_type,
        decision=Decision(
            body=row.decision_body,
            body_kind=row.decision_body_kind,
            date=row.decision_date,
            outcome=row.decision_outcome,
            evidence=row.decision_evidence,
            start=row.decision_start,
            end=row.decision_end,
        ),
        author=(
            Author(row.author_name, row.author_role) if row.author_name or row.author_role else None
        ),
        recommendations=list(row.recommendations or []),
        key_decision=row.key_decision,
        call_in=row.call_in,
        submitted_date=row.submitted_date,
        timeline=[
            GovernanceEvent(
                date=e.day,
                body=e.body,
                action=e.action,
                sentence=e.sentence,
                start=e.start,
                end=e.end,
            )
            for e in sorted(events, key=lambda e: e.ordinal)
        ],
        submission=_quote(row.submitted_evidence, row.submitted_start, row.submitted_end),
        publication=_quote(row.published_evidence, row.published_start, row.published_end),
        version=row.extractor_version,
    )


def load_facts(
    session: Session, council_gss: str | None = None, *, public_only: bool = True
) -> list[StoredFacts]:
    """Stored facts (all, or one council's), oldest document first, with citation details;
    public documents' only unless ``public_only`` is False."""
    statement = (
        select(FactsRow, DocumentRow.title)
        .join(DocumentRow, DocumentRow.id == FactsRow.document_id)
        .order_by(FactsRow.document_id)
    )
    if council_gss is not None:
        statement = statement.where(FactsRow.council_gss == council_gss)
    if public_only:
        statement = statement.where(is_public(FactsRow.document_id))
    rows = session.execute(statement).all()
    ids = [row.FactsRow.document_id for row in rows]
    events: dict[int, list[GovernanceEventRow]] = {i: [] for i in ids}
    sources: dict[int, tuple[str | None, str | None]] = {}
    for chunk in in_chunks(ids):
        for event in session.scalars(
            select(GovernanceEventRow).where(GovernanceEventRow.document_id.in_(chunk))
        ):
            events[event.document_id].append(event)
        for src in session.execute(
            select(SourceRow.document_id, SourceRow.source, SourceRow.url)
            .where(SourceRow.document_id.in_(chunk))
            .order_by(SourceRow.id)
        ):
            first, url = sources.get(src.document_id, (None, None))
            sources[src.document_id] = (first or src.source, url or src.url)
    out: list[StoredFacts] = []
    for row in rows:
        facts_row: FactsRow = row.FactsRow
        source, url = sources.get(facts_row.document_id, (None, None))
        out.append(
            StoredFacts(
                document_id=facts_row.document_id,
                title=row.title,
                source=source,
                url=url,
                facts=facts_from_row(facts_row, events[facts_row.document_id]),
            )
        )
    return out


def unsettled_site_documents(
    session: Session, sites: Collection[str] | None = None
) -> list[SiteDocument]:
    """Documents on ``sites`` (every site when None) whose council the site pass may settle
    or take back: none, or one inferred from the site; oldest first. Read through the partial
    index on ``facts.site``, so what this costs follows those documents, not the sites' size."""
    url = (
        select(func.min(SourceRow.url))
        .where(SourceRow.document_id == FactsRow.document_id)
        .scalar_subquery()
        .label("url")
    )
    query = select(
        FactsRow.document_id,
        FactsRow.council_gss,
        FactsRow.council_confidence,
        FactsRow.council_evidence,
        url,
    ).where(FactsRow.site.is_not(None), text(UNSETTLED))
    if sites is None:
        rows = list(session.execute(query))
    else:
        rows = []
        for chunk in in_chunks(sorted(sites)):
            rows += session.execute(query.where(FactsRow.site.in_(chunk)))
    return [
        SiteDocument(
            row.document_id,
            row.url,
            _council(row.council_gss, row.council_confidence, row.council_evidence),
        )
        for row in sorted(rows, key=lambda row: row.document_id)
    ]


def set_council(session: Session, document_id: int, council: CouncilMatch | None) -> None:
    """Replace only the council of a document's machine facts (collection-level inference, or
    a correction), keeping its site's tally right."""
    untally(session, document_id)
    session.execute(
        update(FactsRow)
        .where(FactsRow.document_id == document_id)
        .values(**_council_columns(council))
    )
    retally(session, document_id)
