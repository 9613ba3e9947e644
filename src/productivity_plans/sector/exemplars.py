"""Exemplars: representative and diverse passages per sub-question, from several councils.

Candidates are council passages coded to the sub-question. Relevance is the cosine to the
question's prototype (its text and exemplar phrases) times the coder's confidence. Maximal
marginal relevance then picks passages that are relevant but unlike each other, taking at most
one passage per council.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from productivity_plans.sector.snapshot import Cite, PassageRow, SectorSnapshot
from productivity_plans.sector.vectors import mmr, question_prototypes


@dataclass(frozen=True, slots=True)
class Exemplar:
    question: str
    heading: str
    order: int  # 1-based pick order within the question
    council_gss: str
    council: str
    council_type: str
    relevance: float
    evidence: Cite


def exemplars(
    snapshot: SectorSnapshot, per_question: int = 4, lambda_: float = 0.7
) -> list[Exemplar]:
    fw = snapshot.framework
    index = snapshot.council_index
    ids, protos = question_prototypes(fw)
    proto = dict(zip(ids, protos, strict=True))
    passages = snapshot.council_passages()
    out: list[Exemplar] = []
    for q in fw.questions:
        candidates = [p for p in passages if q.id in p.questions]
        if not candidates:
            continue
        vectors = snapshot.vectors_for(candidates)
        relevance = (vectors @ proto[q.id]) * np.array(
            [max(p.confidence_of(q.id), 0.05) for p in candidates]
        )
        # At most one per council: keep each council's most relevant passage, then MMR.
        best: dict[str, int] = {}
        for i, p in enumerate(candidates):
            gss = p.council_gss or ""
            if gss not in best or relevance[i] > relevance[best[gss]]:
                best[gss] = i
        # The same wording from two councils (shared templates) is offered once.
        by_text: dict[str, int] = {}
        for i in sorted(best.values(), key=lambda i: -relevance[i]):
            by_text.setdefault(" ".join(candidates[i].text.lower().split()), i)
        best = {str(i): i for i in by_text.values()}
        keep = sorted(best.values())
        picks = mmr(vectors[keep], [float(relevance[i]) for i in keep], per_question, lambda_)
        for order, pick in enumerate(picks, start=1):
            chosen: PassageRow = candidates[keep[pick]]
            c = index[chosen.council_gss or ""]
            out.append(
                Exemplar(
                    q.id,
                    fw.heading_of(q.id).id,
                    order,
                    c.gss_code,
                    c.name,
                    c.type,
                    round(float(relevance[keep[pick]]), 4),
                    Cite.of(chosen),
                )
            )
    return out
