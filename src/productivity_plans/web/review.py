"""The analyst review queue, shared by the page and the API: items with their passage in
context, and decisions recorded under the signed-in user's e-mail and written to the audit log.

A decision is recorded by ``store.codes`` (its own transaction) and the audit row follows in a
second one; the audit row says what was decided and the decision ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from productivity_plans.store import accounts, codes
from productivity_plans.store.accounts import User
from productivity_plans.store.codes import ReviewItem
from productivity_plans.web.catalogue import Catalogue

DEFAULT_THRESHOLD = 0.6
DOCUMENT_SCAN = 100_000  # codes scanned when the queue is narrowed to one document
CODE_TYPE_LABELS = {
    "heading": "Heading",
    "question": "Question",
    "barrier": "Barrier",
    "measure": "Says how it measures productivity",
    "initiative": "Initiative",
    "kind": "Whose words",
}
KIND_LABELS = {
    "requirement": "Restates what government asked",
    "council": "The council’s own words",
}


@dataclass(frozen=True, slots=True)
class QueueItem:
    item: ReviewItem
    type_label: str
    value_label: str
    before: str | None  # the passage before, for context
    after: str | None
    choices: list[tuple[str, str]]  # (value, label) a recode may choose
    href: str


def value_label(catalogue: Catalogue, code_type: str, value: str) -> str:
    if code_type == "heading":
        return catalogue.heading_title(value)
    if code_type == "question":
        return catalogue.question_text(value)
    if code_type == "barrier":
        return catalogue.barrier_label(value)
    if code_type == "kind":
        return KIND_LABELS.get(value, value)
    if code_type in ("measure", "initiative"):
        return "Yes" if value == codes.YES else "No"
    return value


def choices(catalogue: Catalogue, code_type: str) -> list[tuple[str, str]]:
    if code_type in ("measure", "initiative"):
        return [(codes.YES, "Yes"), ("no", "No")]
    return [
        (v, value_label(catalogue, code_type, v))
        for v in codes.allowed_values(catalogue.framework, code_type)
    ]


def queue(
    catalogue: Catalogue,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 20,
    document_id: int | None = None,
) -> list[QueueItem]:
    """The queue, least confident first; with ``document_id``, that document's codes only."""
    out = []
    found = codes.review_queue(
        catalogue.store, threshold=threshold, limit=limit if document_id is None else DOCUMENT_SCAN
    )
    if document_id is not None:
        found = [i for i in found if i.document_id == document_id][:limit]
    for item in found:
        passages = codes.effective_passages(
            catalogue.store, document_ids=[item.document_id], include_retired=False
        )
        index = next((i for i, p in enumerate(passages) if p.id == item.passage_id), None)
        before = passages[index - 1].text if index else None
        after = (
            passages[index + 1].text if index is not None and index + 1 < len(passages) else None
        )
        out.append(
            QueueItem(
                item,
                CODE_TYPE_LABELS.get(item.code_type, item.code_type),
                value_label(catalogue, item.code_type, item.value),
                before,
                after,
                choices(catalogue, item.code_type),
                f"/documents/{item.document_id}#p{item.passage_id}",
            )
        )
    return out


def decide(
    catalogue: Catalogue,
    user: User,
    code_id: int,
    decision: Literal["accept", "reject"],
    note: str | None = None,
) -> int:
    """Accept or reject one machine code; raises ``codes.ReviewError`` for an unknown id."""
    decision_id = codes.record_decision(
        catalogue.store, analyst=user.email, decision=decision, code_id=code_id, note=note or None
    )
    accounts.record(
        catalogue.store,
        user,
        f"review.{decision}",
        f"machine_code:{code_id}",
        {"decision_id": decision_id, **({"note": note} if note else {})},
    )
    catalogue.invalidate()
    return decision_id


def recode(
    catalogue: Catalogue,
    user: User,
    code_id: int,
    value: str,
    note: str | None = None,
) -> list[int]:
    """Replace a machine code's value by ``value`` (same code type) on its passage."""
    found = _machine_code(catalogue, code_id)
    if found is None:
        raise codes.ReviewError(f"no machine code {code_id}")
    passage_id, code_type, old = found
    kwargs: dict[str, object] = {}
    if code_type in ("heading", "question", "barrier"):
        current = next(
            iter(codes.effective_passages(catalogue.store, passage_ids=[passage_id])), None
        )
        have = set(current.values(code_type)) if current else set()
        kwargs[f"{code_type}s" if code_type != "barrier" else "barriers"] = sorted(
            (have - {old}) | {value}
        )
    elif code_type == "kind":
        kwargs["kind"] = value
    elif code_type in ("measure", "initiative"):
        if value not in (codes.YES, "no"):
            raise codes.ReviewError(f"{value!r} is not yes or no")
        kwargs[code_type] = value == codes.YES
    ids = codes.recode(
        catalogue.store,
        passage_id,
        user.email,
        note=note or None,
        framework=catalogue.framework,
        **kwargs,  # type: ignore[arg-type]
    )
    accounts.record(
        catalogue.store,
        user,
        "review.recode",
        f"machine_code:{code_id}",
        {
            "passage_id": passage_id,
            "code_type": code_type,
            "from": old,
            "to": value,
            "decision_ids": ids,
        },
    )
    catalogue.invalidate()
    return ids


def _machine_code(catalogue: Catalogue, code_id: int) -> tuple[int, str, str] | None:
    from sqlalchemy.orm import Session

    from productivity_plans.store.models import MachineCodeRow

    with Session(catalogue.store.engine) as session:
        row = session.get(MachineCodeRow, code_id)
        return (row.passage_id, row.code_type, row.value) if row else None
