"""Gaps: sub-questions few councils answer in their own words, and who does answer them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from productivity_plans.sector.coverage import coverage_cells
from productivity_plans.sector.groups import group_label
from productivity_plans.sector.snapshot import Cite, SectorSnapshot

RARE_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class QuestionGap:
    question: str
    heading: str
    text: str
    councils_with_documents: int
    answered: int
    restated_only: int
    share_answered: float
    rare: bool  # answered by fewer than RARE_SHARE of councils with documents
    answered_by_type: str  # e.g. "District 3, Unitary 1"
    answered_by: tuple[str, ...]  # council names, alphabetical
    evidence: tuple[Cite, ...]  # one passage per answering council


def question_gaps(snapshot: SectorSnapshot, rare_share: float = RARE_SHARE) -> list[QuestionGap]:
    """Every sub-question with how many councils answer it; least-answered first."""
    cells = coverage_cells(snapshot, "question", include_without_documents=False)
    fw = snapshot.framework
    out: list[QuestionGap] = []
    for q in fw.questions:
        mine = [c for c in cells if c.item == q.id]
        answered = [c for c in mine if c.status == "answered"]
        n = len(mine)
        share = round(len(answered) / n, 4) if n else 0.0
        by_type = Counter(group_label(c.council_type) for c in answered)
        out.append(
            QuestionGap(
                q.id,
                fw.heading_of(q.id).id,
                q.text,
                n,
                len(answered),
                sum(1 for c in mine if c.status == "restated"),
                share,
                share < rare_share,
                ", ".join(f"{t} {k}" for t, k in sorted(by_type.items())),
                tuple(c.council for c in answered),
                tuple(c.evidence[0] for c in answered if c.evidence),
            )
        )
    out.sort(key=lambda g: (g.share_answered, g.question))
    return out
