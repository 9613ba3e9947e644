"""Emergent themes: what councils write about that the framework does not name.

Council passages (own words, at least 12 words once page furniture is taken out) whose highest
cosine to any framework prototype (heading, sub-question or barrier text with its exemplar
phrases) is below ``max_similarity`` are clustered (KMeans, k ≈ √(n/4), at most 12) and labelled
by key terms (class-based TF-IDF) of their text without furniture. Furniture is far from the
framework too, so without the filter it became the themes ("checkbox · input · type ·
appendix"); a passage that is mostly furniture is left out, and when fewer than
``MIN_PASSAGES`` passages are left the section says nothing. Themes named by a single council
are kept but flagged by their council count.
"""

from __future__ import annotations

import numpy as np

from productivity_plans.sector.clusters import Cluster, choose_k, cluster_passages
from productivity_plans.sector.page_furniture import without_furniture
from productivity_plans.sector.snapshot import PassageRow, SectorSnapshot
from productivity_plans.sector.vectors import framework_prototypes

MAX_FRAMEWORK_SIMILARITY = 0.5
MIN_WORDS = 12
# A passage is the council's own words when at least this share of its words is not furniture;
# its stored vector then still says what the council wrote.
MIN_OWN_SHARE = 0.5
MIN_PASSAGES = 2  # fewer: too little to group


def own_words(passages: list[PassageRow]) -> tuple[list[PassageRow], list[str]]:
    """The passages long enough in the council's own words, with their text without furniture."""
    kept: list[PassageRow] = []
    texts: list[str] = []
    for p in passages:
        clean = without_furniture(p.text)
        words = len(clean.split())
        if words >= MIN_WORDS and words >= MIN_OWN_SHARE * len(p.text.split()):
            kept.append(p)
            texts.append(clean)
    return kept, texts


def emergent_themes(
    snapshot: SectorSnapshot,
    *,
    k: int | None = None,
    max_similarity: float = MAX_FRAMEWORK_SIMILARITY,
) -> list[Cluster]:
    passages, texts = own_words(snapshot.council_passages())
    if len(passages) < MIN_PASSAGES:
        return []
    vectors = snapshot.vectors_for(passages)
    nearest = (vectors @ framework_prototypes(snapshot.framework).T).max(axis=1)
    keep = np.flatnonzero(nearest < max_similarity)
    if len(keep) < MIN_PASSAGES:
        return []
    chosen = [passages[int(i)] for i in keep]
    k = k or choose_k(len(chosen), 4.0, 12)
    return cluster_passages(
        snapshot, chosen, vectors[keep], k, label_texts=[texts[int(i)] for i in keep]
    )
