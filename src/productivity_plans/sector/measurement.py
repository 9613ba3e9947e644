"""Measurement: how councils say they measure productivity, grouped by what they describe.

Passages in the council's own words that the coder flags as saying how the council measures
productivity are embedded and clustered (KMeans, k ≈ √(n/2), at most 8); each group is labelled
by its key terms (class-based TF-IDF) and shown with examples from different councils.
"""

from __future__ import annotations

from productivity_plans.sector.clusters import Cluster, choose_k, cluster_passages
from productivity_plans.sector.snapshot import SectorSnapshot


def measurement_groups(snapshot: SectorSnapshot, k: int | None = None) -> list[Cluster]:
    passages = [p for p in snapshot.council_passages() if p.is_measure]
    if not passages:
        return []
    k = k or choose_k(len(passages), 2.0, 8)
    return cluster_passages(snapshot, passages, snapshot.vectors_for(passages), k)
