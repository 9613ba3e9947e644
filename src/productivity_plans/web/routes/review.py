"""The analyst review queue page: accept, reject or recode low-confidence machine codes.

Forms post to ``/review/{code_id}`` (accept or reject) and ``/review/{code_id}/recode``. Without
JavaScript each decision redirects back to the queue (303) with a confirmation and an Undo
button (``/review/decisions/undo``); with HTMX the decided item is swapped for the same
confirmation in place. The queue shows its total, pages of 20, and narrows to a council or a
document.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from productivity_plans.store.accounts import User
from productivity_plans.store.codes import ReviewError
from productivity_plans.web import auth, review
from productivity_plans.web.rendering import page
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state

router = APIRouter(include_in_schema=False)

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


@router.get("/review")
def review_page(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    threshold: Annotated[float, Query(ge=0, le=1)] = review.DEFAULT_THRESHOLD,
    done: Annotated[str | None, Query(max_length=40)] = None,
    undo: Annotated[str | None, Query(max_length=200, pattern=r"^\d+(,\d+)*$")] = None,
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    council: Annotated[str, Query(max_length=9)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    catalogue = app_state(request).catalogue
    gss = council.upper() or None
    total = review.queue_total(
        catalogue, threshold=threshold, document_id=document, council_gss=gss
    )
    offset = (page_number - 1) * review.PAGE_SIZE
    items = review.queue(
        catalogue, threshold=threshold, offset=offset, document_id=document, council_gss=gss
    )
    entry = catalogue.document(document) if document else None
    pages = max(1, -(-total // review.PAGE_SIZE))

    def page_url(n: int) -> str:
        query = {"threshold": str(threshold), "council": council, "page": str(n)}
        if document:
            query["document"] = str(document)
        return "/review?" + urlencode({k: v for k, v in query.items() if v})

    return page(
        request,
        "review.html",
        {
            "items": items,
            "threshold": threshold,
            "thresholds": THRESHOLDS,
            "done": done,
            "analyst": user.email,
            "document": entry,
            "undo": undo,
            "total": total,
            "page_number": page_number,
            "pages": pages,
            "previous": page_url(page_number - 1) if page_number > 1 else None,
            "next": page_url(page_number + 1) if page_number < pages else None,
            "council": council.upper(),
            "council_options": catalogue.councils(with_documents=True),
        },
    )


def _after(
    request: Request, message: str, code_id: int, threshold: float, decision_ids: list[int]
) -> Response:
    undo = ",".join(map(str, decision_ids))
    if request.headers.get("HX-Request"):
        return app_state(request).templates.TemplateResponse(
            request,
            "review_done.html",
            {"message": message, "code_id": code_id, "undo": undo, "threshold": threshold},
        )
    query = urlencode({"threshold": threshold, "done": code_id, "undo": undo})
    return RedirectResponse(f"/review?{query}", status_code=303)


@router.post("/review/{code_id}", dependencies=[Depends(require_csrf)])
def decide(
    request: Request,
    code_id: int,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    decision: Annotated[str, Form(max_length=10)],
    note: Annotated[str, Form(max_length=1000)] = "",
    threshold: Annotated[float, Form(ge=0, le=1)] = review.DEFAULT_THRESHOLD,
) -> Response:
    if decision not in ("accept", "reject"):
        raise HTTPException(status_code=400, detail="The decision must be accept or reject.")
    try:
        decision_id = review.decide(app_state(request).catalogue, user, code_id, decision, note)  # type: ignore[arg-type]
    except ReviewError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    verb = "Accepted" if decision == "accept" else "Rejected"
    return _after(request, f"{verb} code {code_id}.", code_id, threshold, [decision_id])


@router.post("/review/{code_id}/recode", dependencies=[Depends(require_csrf)])
def recode(
    request: Request,
    code_id: int,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    value: Annotated[str, Form(max_length=128)],
    note: Annotated[str, Form(max_length=1000)] = "",
    threshold: Annotated[float, Form(ge=0, le=1)] = review.DEFAULT_THRESHOLD,
) -> Response:
    catalogue = app_state(request).catalogue
    try:
        ids = review.recode(catalogue, user, code_id, value, note)
    except ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return _after(request, f"Recoded code {code_id}.", code_id, threshold, ids)


@router.post("/review/decisions/undo", dependencies=[Depends(require_csrf)])
def undo_decision(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_page)],
    decisions: Annotated[str, Form(max_length=200, pattern=r"^\d+(,\d+)*$")],
    code_id: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    threshold: Annotated[float, Form(ge=0, le=1)] = review.DEFAULT_THRESHOLD,
) -> Response:
    """Take back a decision just made: the code is back in the queue."""
    try:
        review.undo(
            app_state(request).catalogue, user, [int(i) for i in decisions.split(",")], code_id
        )
    except ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    anchor = f"#item-{code_id}" if code_id else ""
    return RedirectResponse(f"/review?threshold={threshold}{anchor}", status_code=303)


__all__ = ["HTMLResponse", "router"]
