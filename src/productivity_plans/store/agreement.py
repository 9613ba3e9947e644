"""Inter-coder agreement: Cohen's κ between two analysts, or an analyst and the model.

Per code type, over the passages both coders coded:

- an analyst has coded a passage for a code type when they recorded any decision of that type
  on it; their labels are the machine's suggestions with *their own* decisions applied (what
  they saw and left standing counts as agreed). The model has coded every passage it scored;
  its labels are its current suggestions, untouched by anyone.
- ``kind`` is one label per passage (requirement / council). ``measure`` and ``initiative`` are
  yes/no per passage. ``heading``, ``question`` and ``barrier`` are multi-label, so each
  (passage, framework value) pair is one yes/no item: a passage the coders agree is about
  transformation only contributes agreements on the other headings too, as it should.

κ = (p_o − p_e) / (1 − p_e), computed by scikit-learn's ``cohen_kappa_score``. Where both
coders used a single, identical label throughout, κ is undefined (``None``); the observed
agreement is still reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.metrics import cohen_kappa_score
from sqlalchemy import select
from sqlalchemy.orm import Session

from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.store.codes import (
    EffectivePassage,
    allowed_values,
    effective_passages,
)
from productivity_plans.store.db import Store
from productivity_plans.store.models import CODE_TYPES, HumanCodeRow, MachineCodeRow, PassageRow

MODEL = "model"  # the name that stands for the machine as a coder
SINGLE_LABEL = {"kind"}


@dataclass(frozen=True, slots=True)
class Agreement:
    code_type: str
    passages: int  # coded by both
    items: int  # labels compared (passages, or passage × value for multi-label types)
    observed: float | None  # proportion of items with the same label
    kappa: float | None

    def to_dict(self) -> dict[str, object]:
        return {
            "code_type": self.code_type,
            "passages": self.passages,
            "items": self.items,
            "observed": None if self.observed is None else round(self.observed, 4),
            "kappa": None if self.kappa is None else round(self.kappa, 4),
        }


def _coded(store: Store, coder: str, code_type: str) -> set[int]:
    with Session(store.engine) as session:
        if coder == MODEL:
            query = (
                select(MachineCodeRow.passage_id)
                .join(PassageRow, PassageRow.id == MachineCodeRow.passage_id)
                .where(PassageRow.current.is_(True))
            )
        else:
            query = select(HumanCodeRow.passage_id).where(
                HumanCodeRow.analyst == coder, HumanCodeRow.code_type == code_type
            )
        return set(session.scalars(query.distinct()))


def _views(store: Store, coder: str, passage_ids: list[int]) -> dict[int, EffectivePassage]:
    analysts: list[str] = [] if coder == MODEL else [coder]
    found = effective_passages(store, passage_ids=passage_ids, analysts=analysts)
    return {p.id: p for p in found}


def labels(view: EffectivePassage, code_type: str, framework: Framework) -> list[tuple[str, str]]:
    """(item, label) pairs one coder gives a passage for one code type."""
    if code_type in SINGLE_LABEL:
        return [("", view.kind)]
    present = set(view.values(code_type))
    return [
        (value, "yes" if value in present else "no")
        for value in allowed_values(framework, code_type)
    ]


def kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's κ, or None where it is undefined (one label used throughout by both)."""
    if not first or len(set(first) | set(second)) < 2:
        return None
    return float(cohen_kappa_score(first, second))


def agreement(
    store: Store,
    a: str,
    b: str,
    *,
    code_types: tuple[str, ...] = CODE_TYPES,
    framework: Framework | None = None,
) -> list[Agreement]:
    """κ between coders ``a`` and ``b`` (an analyst name, or ``"model"``) per code type."""
    if a == b:
        raise ValueError("compare two different coders")
    framework = framework or load_framework()
    out: list[Agreement] = []
    for code_type in code_types:
        both = sorted(_coded(store, a, code_type) & _coded(store, b, code_type))
        if not both:
            out.append(Agreement(code_type, 0, 0, None, None))
            continue
        view_a, view_b = _views(store, a, both), _views(store, b, both)
        first: list[str] = []
        second: list[str] = []
        for pid in both:
            if pid not in view_a or pid not in view_b:
                continue
            first += [label for _, label in labels(view_a[pid], code_type, framework)]
            second += [label for _, label in labels(view_b[pid], code_type, framework)]
        same = sum(x == y for x, y in zip(first, second, strict=True))
        observed = same / len(first) if first else None
        out.append(Agreement(code_type, len(both), len(first), observed, kappa(first, second)))
    return out
