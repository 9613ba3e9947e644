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

# The coding rules give a heading found by content cues 0.5-0.7 and a passage of mixed kind
# 0.7-0.8: the codes an analyst should look at first.
DEFAULT_THRESHOLD = 0.8
PAGE_SIZE = 20
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


def _document_ids(
    catalogue: Catalogue, document_id: int | None, council_gss: str | None
) -> list[int] | None:
    """The documents a narrowed queue covers: one document, a council's, or all (None)."""
    if document_id is not None:
        return [document_id]
    if council_gss:
        return [e.summary.id for e in catalogue.documents(council_gss=council_gss.upper())]
    return None


def queue_total(
    catalogue: Catalogue,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    document_id: int | None = None,
    council_gss: str | None = None,
) -> int:
    """How many codes the queue holds, narrowed the same way as ``queue``."""
    return codes.review_queue_total(
        catalogue.store,
        threshold=threshold,
        document_ids=_document_ids(catalogue, document_id, council_gss),
    )


def queue(
    catalogue: Catalogue,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = PAGE_SIZE,
    document_id: int | None = None,
    council_gss: str | None = None,
    offset: int = 0,
) -> list[QueueItem]:
    """One page of the queue, least confident first; narrowed to a document or a council."""
    out = []
    found = codes.review_queue(
        catalogue.store,
        threshold=threshold,
        limit=limit,
        document_ids=_document_ids(catalogue, document_id, council_gss),
        offset=offset,
    )
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


def undo(catalogue: Catalogue, user: User, decision_ids: list[int], code_id: int | None) -> None:
    """Take back the signed-in analyst's own decisions (one accept or reject, or one recode's
    rows); the audit row keeps what each said. Raises ``codes.ReviewError``."""
    undone = codes.undo_decisions(catalogue.store, decision_ids, user.email)
    accounts.record(
        catalogue.store,
        user,
        "review.undo",
        f"machine_code:{code_id}" if code_id else "human_codes",
        {
            "undone": [
                {
                    "id": d.id,
                    "passage_id": d.passage_id,
                    "code_type": d.code_type,
                    "value": d.value,
                    "decision": d.decision,
                    "note": d.note,
                }
                for d in undone
            ]
        },
    )
    catalogue.invalidate()


def _machine_code(catalogue: Catalogue, code_id: int) -> tuple[int, str, str] | None:
    from sqlalchemy.orm import Session

    from productivity_plans.store.models import MachineCodeRow

    with Session(catalogue.store.engine) as session:
        row = session.get(MachineCodeRow, code_id)
        return (row.passage_id, row.code_type, row.value) if row else None
