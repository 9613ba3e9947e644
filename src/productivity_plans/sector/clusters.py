"""Clustering passages in embedding space, shared by measurement groups and emergent themes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from productivity_plans.sector.snapshot import Cite, Matrix, PassageRow, SectorSnapshot
from productivity_plans.sector.vectors import key_terms


@dataclass(frozen=True, slots=True)
class Cluster:
    id: int
    label: str  # key terms joined with " · "
    terms: tuple[str, ...]
    passages: int
    councils: int
    examples: tuple[Cite, ...]  # nearest the centre, at most one per council
    evidence: tuple[Cite, ...]  # every passage in the cluster


def choose_k(n: int, divisor: float, k_max: int) -> int:
    return max(1, min(k_max, round(math.sqrt(n / divisor)), n))


def cluster_passages(
    snapshot: SectorSnapshot,
    passages: Sequence[PassageRow],
    vectors: Matrix,
    k: int,
    examples: int = 3,
    label_texts: Sequence[str] | None = None,
) -> list[Cluster]:
    """KMeans (seeded) on the vectors; clusters labelled by class-based TF-IDF key terms of
    ``label_texts`` (default: the passages' texts), biggest (by councils, then passages) first."""
    texts = label_texts if label_texts is not None else [p.text for p in passages]
    if not passages:
        return []
    if k <= 1 or len(passages) <= k:
        labels: NDArray[np.int_] = np.zeros(len(passages), dtype=int)
        centres = vectors.mean(axis=0, keepdims=True)
    else:
        from sklearn.cluster import KMeans

        model = KMeans(n_clusters=k, n_init=4, random_state=0).fit(vectors)
        labels = model.labels_
        centres = model.cluster_centers_
    members = [np.flatnonzero(labels == i) for i in range(len(centres))]
    members = [m for m in members if len(m)]
    terms = key_terms([[texts[int(i)] for i in m] for m in members])
    out: list[Cluster] = []
    for m, words in zip(members, terms, strict=True):
        centre = vectors[m].mean(axis=0)
        order = m[np.argsort(-(vectors[m] @ centre))]
        seen: set[str] = set()
        shown: list[Cite] = []
        for i in order:
            p = passages[int(i)]
            if p.council_gss in seen:
                continue
            seen.add(p.council_gss or "")
            shown.append(Cite.of(p))
            if len(shown) == examples:
                break
        councils = {passages[int(i)].council_gss for i in m}
        out.append(
            Cluster(
                0,
                " · ".join(words[:4]) or "(no distinctive terms)",
                tuple(words),
                len(m),
                len(councils),
                tuple(shown),
                tuple(Cite.of(passages[int(i)]) for i in order),
            )
        )
    out.sort(key=lambda c: (-c.councils, -c.passages, c.label))
    return [
        Cluster(i, c.label, c.terms, c.passages, c.councils, c.examples, c.evidence)
        for i, c in enumerate(out, start=1)
    ]
