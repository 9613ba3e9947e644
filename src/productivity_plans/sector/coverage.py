"""Coverage: which headings and sub-questions each council answers in its own words.

Status of a council × heading (or × sub-question) cell:
- ``answered``: at least one passage in the council's own words is coded to it;
- ``restated``: the council's documents only restate what government asked under it;
- ``absent``: the council has documents, but none touches it;
- ``no_documents``: no document from the council is in the snapshot (not the same as absent).
Shares are of councils *with documents* in a group; nothing is scored per council.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from productivity_plans.sector.groups import GroupBy, group_of, keep, ordered_groups
from productivity_plans.sector.snapshot import Cite, PassageRow, SectorSnapshot

Level = Literal["heading", "question"]
Status = Literal["answered", "restated", "absent", "no_documents"]
STATUSES: tuple[Status, ...] = ("answered", "restated", "absent", "no_documents")
MAX_CITES = 3


@dataclass(frozen=True, slots=True)
class CoverageCell:
    council_gss: str
    council: str
    council_type: str
    region: str
    item: str  # heading id or question id
    heading: str
    status: Status
    passages: int  # council passages coded to the item
    evidence: tuple[Cite, ...]  # strongest council passages (or restating ones), ≤ 3


@dataclass(frozen=True, slots=True)
class CoverageShare:
    group: str
    item: str
    heading: str
    councils_with_documents: int
    answered: int
    restated: int
    absent: int
    share_answered: float  # answered / councils_with_documents (0 when none)
    evidence: tuple[Cite, ...]  # one strongest passage per answering council


def _items(snapshot: SectorSnapshot, level: Level) -> list[tuple[str, str]]:
    fw = snapshot.framework
    if level == "heading":
        return [(h.id, h.id) for h in fw.headings]
    return [(q.id, fw.heading_of(q.id).id) for q in fw.questions]


def _codes(p: PassageRow, level: Level) -> tuple[str, ...]:
    return p.headings if level == "heading" else p.questions


def coverage_cells(
    snapshot: SectorSnapshot,
    level: Level = "heading",
    *,
    type: str | None = None,
    region: str | None = None,
    include_without_documents: bool = True,
) -> list[CoverageCell]:
    """One row per council × heading (or sub-question), councils in name order."""
    answered: dict[tuple[str, str], list[PassageRow]] = defaultdict(list)
    restated: dict[tuple[str, str], list[PassageRow]] = defaultdict(list)
    for p in snapshot.passages:
        if p.council_gss is None:
            continue
        target = answered if p.kind == "council" else restated
        for item in _codes(p, level):
            target[(p.council_gss, item)].append(p)
    with_docs = {c.gss_code for c in snapshot.councils_with_documents()}
    rows: list[CoverageCell] = []
    for c in sorted(snapshot.councils, key=lambda c: c.name):
        if not keep(c, type, region):
            continue
        has_docs = c.gss_code in with_docs
        if not has_docs and not include_without_documents:
            continue
        for item, heading in _items(snapshot, level):
            key = (c.gss_code, item)
            own, echo = answered.get(key, []), restated.get(key, [])
            status: Status
            if own:
                status, shown = "answered", own
            elif echo:
                status, shown = "restated", echo
            else:
                status, shown = ("absent" if has_docs else "no_documents"), []
            best = sorted(shown, key=lambda p: -p.confidence_of(item))[:MAX_CITES]
            rows.append(
                CoverageCell(
                    c.gss_code,
                    c.name,
                    c.type,
                    c.region,
                    item,
                    heading,
                    status,
                    len(own),
                    tuple(Cite.of(p) for p in best),
                )
            )
    return rows


def coverage_shares(cells: list[CoverageCell], by: GroupBy = "type") -> list[CoverageShare]:
    """Aggregate cells into shares per group (council type, region or all) × item."""
    from productivity_plans.sector.snapshot import CouncilRow

    councils = {
        c.council_gss: CouncilRow(c.council_gss, c.council, c.council_type, c.region) for c in cells
    }
    items = list(dict.fromkeys((c.item, c.heading) for c in cells))
    buckets: dict[tuple[str, str], list[CoverageCell]] = defaultdict(list)
    for cell in cells:
        buckets[(group_of(councils[cell.council_gss], by), cell.item)].append(cell)
    out: list[CoverageShare] = []
    for group in ordered_groups(councils.values(), by):
        for item, heading in items:
            bucket = [c for c in buckets.get((group, item), []) if c.status != "no_documents"]
            n = len(bucket)
            count = {s: sum(1 for c in bucket if c.status == s) for s in STATUSES}
            out.append(
                CoverageShare(
                    group,
                    item,
                    heading,
                    n,
                    count["answered"],
                    count["restated"],
                    count["absent"],
                    round(count["answered"] / n, 4) if n else 0.0,
                    tuple(c.evidence[0] for c in bucket if c.status == "answered" and c.evidence),
                )
            )
    return out
