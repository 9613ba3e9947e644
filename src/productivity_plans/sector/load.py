"""Load a :class:`SectorSnapshot` from the store: what the report, exports and web dashboard read.

Only public documents are loaded (``store.visibility``): a private draft adds nothing to the
sector figures, the report or the exports. Everything comes with human decisions applied: the
effective codes of each passage (an analyst's decision beats the machine's), and the council a
published upload states for a document, by the ownership rule of ``store.ownership``. Councils'
own records (recorded governance steps, published progress updates) ride along for the exports.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from productivity_plans.councils import load_register
from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.extract.records import Facts
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.sector.build import DocumentResult, snapshot_from_results
from productivity_plans.sector.snapshot import (
    MeasureValueRow,
    ProgressActionRow,
    RecordedStepRow,
    SectorSnapshot,
)
from productivity_plans.store import workspace
from productivity_plans.store.codes import document_codes
from productivity_plans.store.db import Store
from productivity_plans.store.models import DocumentRow, PageRow
from productivity_plans.store.ownership import stated_councils


def load_snapshot(store: Store, *, framework: Framework | None = None) -> SectorSnapshot:
    """Every public stored document with facts, as the sector analyses' input."""
    framework = framework or load_framework()
    declared = {i: s.council_gss for i, s in stated_councils(store).items()}
    results = []
    with Session(store.engine) as session:
        for stored in store.facts(public_only=True):
            document = session.get(DocumentRow, stored.document_id)
            if document is None:  # deleted between the two reads
                continue
            page_starts = tuple(
                session.scalars(
                    select(PageRow.start)
                    .where(PageRow.document_id == stored.document_id)
                    .order_by(PageRow.number)
                )
            )
            results.append(
                DocumentResult(
                    id=str(stored.document_id),
                    source=stored.source or "",
                    url=stored.url,
                    title=stored.title,
                    text=document.text,
                    page_starts=page_starts or (0,),
                    sha256=document.sha256,
                    facts=_with_declared_council(stored.facts, declared.get(stored.document_id)),
                    codes=document_codes(store, stored.document_id, framework=framework),
                )
            )
    snapshot = snapshot_from_results(results, framework=framework)
    _add_council_records(store, snapshot)
    return snapshot


def _add_council_records(store: Store, snapshot: SectorSnapshot) -> None:
    """What councils recorded themselves: every recorded step, and published progress only
    (a draft update is the council's until it publishes it)."""
    snapshot.recorded_steps = [
        RecordedStepRow(s.council_gss, s.kind, s.body, s.date, s.outcome, s.url)
        for s in workspace.recorded_steps(store)
    ]
    for update in workspace.progress_updates(store, published_only=True):
        snapshot.progress_actions += [
            ProgressActionRow(update.council_gss, update.title, a.title, a.status, a.date, a.note)
            for a in update.actions
        ]
        snapshot.measure_values += [
            MeasureValueRow(
                update.council_gss,
                update.title,
                v.measure,
                v.date,
                v.period,
                v.value,
                v.unit,
                v.source,
                v.note,
            )
            for v in update.values
        ]


def _with_declared_council(facts: Facts, gss: str | None) -> Facts:
    """An uploader's statement of whose document it is wins over extraction's guess."""
    if gss is None or (facts.council and facts.council.gss_code == gss):
        return facts
    council = load_register().by_gss(gss)
    if council is None:
        return facts
    declared = CouncilMatch(
        gss, council.official_name, council.type, 1.0, ("declared by uploader",)
    )
    return replace(facts, council=declared)
