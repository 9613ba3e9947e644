"""Barriers councils name: how many councils (not passages) name each, by group; the strongest
passages; and which barriers councils name together."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from productivity_plans.sector.groups import GroupBy, group_of, ordered_groups
from productivity_plans.sector.snapshot import Cite, PassageRow, SectorSnapshot


@dataclass(frozen=True, slots=True)
class BarrierCount:
    barrier: str
    label: str
    group: str
    councils: int  # councils in the group naming the barrier at least once
    councils_with_documents: int  # councils in the group with any document
    share: float
    evidence: tuple[Cite, ...]  # the strongest passage of each council counted


@dataclass(frozen=True, slots=True)
class BarrierExample:
    barrier: str
    label: str
    council_gss: str
    council: str
    confidence: float
    evidence: Cite


@dataclass(frozen=True, slots=True)
class BarrierPair:
    barrier_a: str
    barrier_b: str
    councils: int  # councils naming both
    jaccard: float  # councils naming both / councils naming either
    evidence: tuple[Cite, ...]  # one passage per council for each of the two barriers


def _best_by_council(snapshot: SectorSnapshot) -> dict[str, dict[str, PassageRow]]:
    """barrier → council → that council's strongest passage naming it."""
    best: dict[str, dict[str, PassageRow]] = defaultdict(dict)
    for p in snapshot.council_passages():
        assert p.council_gss is not None
        for b in p.barriers:
            key = f"barrier:{b}"
            held = best[b].get(p.council_gss)
            if held is None or p.confidence_of(key) > held.confidence_of(key):
                best[b][p.council_gss] = p
    return best


def barrier_counts(snapshot: SectorSnapshot, by: GroupBy = "all") -> list[BarrierCount]:
    """Councils naming each framework barrier, per group. Rows in framework order × group."""
    best = _best_by_council(snapshot)
    index = snapshot.council_index
    with_docs = snapshot.councils_with_documents()
    groups = ordered_groups(with_docs, by)
    n_in = {g: sum(1 for c in with_docs if group_of(c, by) == g) for g in groups}
    out: list[BarrierCount] = []
    for barrier in snapshot.framework.barriers:
        held = best.get(barrier.id, {})
        for g in groups:
            mine = sorted(
                (p for gss, p in held.items() if group_of(index[gss], by) == g),
                key=lambda p: index[p.council_gss or ""].name,
            )
            n = n_in[g]
            out.append(
                BarrierCount(
                    barrier.id,
                    barrier.label,
                    g,
                    len(mine),
                    n,
                    round(len(mine) / n, 4) if n else 0.0,
                    tuple(Cite.of(p) for p in mine),
                )
            )
    return out


def barrier_examples(snapshot: SectorSnapshot, per_barrier: int = 3) -> list[BarrierExample]:
    """The strongest passages for each barrier, at most one per council."""
    best = _best_by_council(snapshot)
    index = snapshot.council_index
    out: list[BarrierExample] = []
    for barrier in snapshot.framework.barriers:
        key = f"barrier:{barrier.id}"
        ordered = sorted(
            best.get(barrier.id, {}).values(),
            key=lambda p: (-p.confidence_of(key), p.id),
        )
        seen: set[str] = set()
        chosen = []
        for p in ordered:  # the same wording from two councils is shown once
            text = " ".join(p.text.lower().split())
            if text not in seen:
                seen.add(text)
                chosen.append(p)
        for p in chosen[:per_barrier]:
            gss = p.council_gss or ""
            out.append(
                BarrierExample(
                    barrier.id,
                    barrier.label,
                    gss,
                    index[gss].name,
                    round(p.confidence_of(key), 4),
                    Cite.of(p),
                )
            )
    return out


def barrier_pairs(snapshot: SectorSnapshot, min_councils: int = 1) -> list[BarrierPair]:
    """Pairs of barriers named by the same councils, most councils first."""
    best = _best_by_council(snapshot)
    named = {b: set(held) for b, held in best.items()}
    order = [b.id for b in snapshot.framework.barriers if b.id in named]
    out: list[BarrierPair] = []
    for a, b in combinations(order, 2):
        both = named[a] & named[b]
        if len(both) < min_councils:
            continue
        either = named[a] | named[b]
        cites = tuple(Cite.of(best[x][g]) for g in sorted(both) for x in (a, b))
        out.append(BarrierPair(a, b, len(both), round(len(both) / len(either), 4), cites))
    out.sort(key=lambda r: (-r.councils, -r.jaccard, r.barrier_a, r.barrier_b))
    return out
