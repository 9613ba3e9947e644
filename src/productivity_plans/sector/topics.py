"""Emergent themes: what councils write about that the framework does not name.

Council passages (own words, at least 12 words) whose highest cosine to any framework prototype
(heading, sub-question or barrier text with its exemplar phrases) is below ``max_similarity``
are clustered (KMeans, k ≈ √(n/4), at most 12) and labelled by key terms (class-based TF-IDF).
Themes named by a single council are kept but flagged by their council count.
"""

from __future__ import annotations

import numpy as np

from productivity_plans.sector.clusters import Cluster, choose_k, cluster_passages
from productivity_plans.sector.snapshot import SectorSnapshot
from productivity_plans.sector.vectors import framework_prototypes

MAX_FRAMEWORK_SIMILARITY = 0.5
MIN_WORDS = 12


def emergent_themes(
    snapshot: SectorSnapshot,
    *,
    k: int | None = None,
    max_similarity: float = MAX_FRAMEWORK_SIMILARITY,
) -> list[Cluster]:
    passages = [p for p in snapshot.council_passages() if len(p.text.split()) >= MIN_WORDS]
    if not passages:
        return []
    vectors = snapshot.vectors_for(passages)
    nearest = (vectors @ framework_prototypes(snapshot.framework).T).max(axis=1)
    keep = np.flatnonzero(nearest < max_similarity)
    if not len(keep):
        return []
    chosen = [passages[int(i)] for i in keep]
    k = k or choose_k(len(chosen), 4.0, 12)
    return cluster_passages(snapshot, chosen, vectors[keep], k)
