"""Barrier ids from a council passage: its clauses are matched to the framework's barrier
phrases (label + exemplars), gated by the model's "names a barrier" score or a barrier cue."""

from __future__ import annotations

import re

from productivity_plans.coding.embeddings import Embedder
from productivity_plans.coding.features import Prototypes

_SPLIT = re.compile(r"[,;:()\n\t.–—]+|\s+(?:and|or|as well as|including|such as|through)\s+")


def clauses(text: str, window: int = 5, windows: bool = True) -> list[str]:
    """Clauses of a passage plus (if ``windows``) short word windows inside long clauses."""
    out: list[str] = []
    for part in _SPLIT.split(text):
        words = part.split()
        if len(words) < 2:
            continue
        out.append(" ".join(words))
        if windows and len(words) > window + 1:
            for i in range(0, len(words) - window + 1, 2):
                out.append(" ".join(words[i : i + window]))
    return out


def match_barriers(
    texts: list[str],
    protos: Prototypes,
    embedder: Embedder,
    threshold: float,
    *,
    windows: bool = True,
) -> list[dict[str, float]]:
    """For each text, {barrier id: best similarity} for ids whose best clause reaches threshold.
    A verbatim exemplar phrase inside the text counts as similarity 1. ``windows=False`` matches
    whole clauses only (cheaper; enough when only strong matches matter)."""
    all_clauses: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(texts):
        cs = clauses(text, windows=windows)
        all_clauses.extend(cs)
        owner.extend([i] * len(cs))
    results: list[dict[str, float]] = [{} for _ in texts]
    if all_clauses and len(protos.barrier_phrases):
        sims = embedder.encode(all_clauses) @ protos.barrier_matrix.T
        ids = [b for b, _ in protos.barrier_phrases]
        best = sims.argmax(axis=1)
        for row, col in enumerate(best):
            score = float(sims[row, col])
            if score >= threshold:
                found = results[owner[row]]
                found[ids[col]] = max(found.get(ids[col], 0.0), score)
    for i, text in enumerate(texts):
        low = text.lower()
        for bid, phrase in protos.barrier_phrases:
            if len(phrase) > 8 and phrase.lower() in low:
                results[i][bid] = 1.0
    return [dict(sorted(r.items(), key=lambda kv: -kv[1])) for r in results]
