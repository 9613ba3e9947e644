"""Similar councils by what their plans say: cosine between the centroids of each council's
passages in its own words. Like-for-like restricts the comparison to the same council type
(and optionally region). A neighbour list per council, never a national ordering of councils."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from productivity_plans.sector.snapshot import Matrix, SectorSnapshot


@dataclass(frozen=True, slots=True)
class SimilarCouncil:
    council_gss: str
    council: str
    other_gss: str
    other: str
    similarity: float  # cosine of the two centroids, symmetric
    same_type: bool
    same_region: bool
    shared_headings: tuple[str, ...]
    shared_barriers: tuple[str, ...]


def council_centroids(snapshot: SectorSnapshot) -> tuple[list[str], Matrix]:
    passages = snapshot.council_passages()
    by: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        by.setdefault(p.council_gss or "", []).append(i)
    vectors = snapshot.vectors_for(passages)
    ids = sorted(by)
    if not ids:
        return [], np.zeros((0, vectors.shape[1]), dtype=np.float32)
    rows = np.vstack([vectors[by[g]].mean(axis=0) for g in ids])
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return ids, (rows / norms).astype(np.float32)


def similar_councils(
    snapshot: SectorSnapshot,
    k: int = 3,
    *,
    same_type: bool = False,
    same_region: bool = False,
) -> list[SimilarCouncil]:
    """For each council with content, its k nearest other councils (never itself)."""
    ids, centroids = council_centroids(snapshot)
    index = snapshot.council_index
    sims = centroids @ centroids.T
    headings: dict[str, set[str]] = {}
    barriers: dict[str, set[str]] = {}
    for p in snapshot.council_passages():
        headings.setdefault(p.council_gss or "", set()).update(p.headings)
        barriers.setdefault(p.council_gss or "", set()).update(p.barriers)
    out: list[SimilarCouncil] = []
    for i, g in enumerate(ids):
        me = index[g]
        options = []
        for j, h in enumerate(ids):
            other = index[h]
            if j == i or (same_type and other.type != me.type):
                continue
            if same_region and other.region != me.region:
                continue
            options.append((float(sims[i, j]), h))
        options.sort(key=lambda t: (-t[0], t[1]))
        for sim, h in options[:k]:
            other = index[h]
            out.append(
                SimilarCouncil(
                    g,
                    me.name,
                    h,
                    other.name,
                    round(sim, 4),
                    other.type == me.type,
                    other.region == me.region,
                    tuple(sorted(headings.get(g, set()) & headings.get(h, set()))),
                    tuple(sorted(barriers.get(g, set()) & barriers.get(h, set()))),
                )
            )
    out.sort(key=lambda r: (r.council, -r.similarity, r.other))
    return out
