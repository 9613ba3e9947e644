"""The analysts' queue of council disputes: a total, pages, a council and status filter, a note
with each decision, and undo. Councils raise disputes from their workspace."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from starlette.responses import RedirectResponse, Response

from productivity_plans.store import workspace
from productivity_plans.store.accounts import User
from productivity_plans.store.workspace import WorkspaceError
from productivity_plans.web import auth
from productivity_plans.web.rendering import page
from productivity_plans.web.review import value_label
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.views import requirement_label

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
STATUS_LABELS = {"open": "Open", "upheld": "Upheld", "dismissed": "Dismissed"}


def target_label(request: Request, d: workspace.Dispute) -> str:
    """What is disputed, in words: a requirement's status or a code on a passage."""
    if d.requirement:
        return f"Status of “{requirement_label(d.requirement)}”"
    catalogue = app_state(request).catalogue
    return f"Code “{value_label(catalogue, d.code_type or '', d.value or '')}” ({d.code_type})"


def _queue_url(council: str, status: str, page_number: int) -> str:
    query = {k: v for k, v in (("council", council), ("status", status)) if v}
    if page_number > 1:
        query["page"] = str(page_number)
    return "/review/disputes" + (f"?{urlencode(query)}" if query else "")


@router.get("/review/disputes")
def disputes_page(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    council: Annotated[str, Query(max_length=9)] = "",
    status: Annotated[str, Query(max_length=20)] = "open",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    catalogue = app_state(request).catalogue
    if status and status not in STATUS_LABELS:
        raise HTTPException(status_code=400, detail="The status is open, upheld or dismissed.")
    found = workspace.disputes(
        app_state(request).store,
        council_gss=council or None,
        status=status or None,
        offset=(page_number - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    pages = max(1, -(-found.total // PAGE_SIZE))
    items = [
        (d, target_label(request, d), catalogue.council(d.council_gss)) for d in found.disputes
    ]
    return page(
        request,
        "disputes.html",
        {
            "items": items,
            "total": found.total,
            "page_number": page_number,
            "pages": pages,
            "previous": _queue_url(council, status, page_number - 1) if page_number > 1 else None,
            "next": _queue_url(council, status, page_number + 1) if page_number < pages else None,
            "council": council.upper(),
            "status": status,
            "statuses": STATUS_LABELS,
            "council_options": catalogue.councils_in_scope(),
            "here": _queue_url(council, status, page_number),
        },
    )


@router.post("/review/disputes/{dispute_id}", dependencies=[Depends(require_csrf)])
def decide(
    request: Request,
    dispute_id: int,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    decision: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=2000)] = "",
    back: Annotated[str, Form(max_length=300)] = "/review/disputes",
) -> Response:
    try:
        workspace.decide_dispute(app_state(request).store, user, dispute_id, decision, note)
    except WorkspaceError as error:
        raise HTTPException(status_code=400, detail=str(error)) from error
    except LookupError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    return RedirectResponse(auth.safe_next(back), status_code=303)


@router.post("/review/disputes/{dispute_id}/undo", dependencies=[Depends(require_csrf)])
def undo(
    request: Request,
    dispute_id: int,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    back: Annotated[str, Form(max_length=300)] = "/review/disputes",
) -> Response:
    try:
        workspace.undo_dispute_decision(app_state(request).store, user, dispute_id)
    except WorkspaceError as error:
        raise HTTPException(status_code=400, detail=str(error)) from error
    except LookupError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    return RedirectResponse(auth.safe_next(back), status_code=303)
