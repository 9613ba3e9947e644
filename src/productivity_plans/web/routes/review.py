"""The analyst review queue page: accept, reject or recode low-confidence machine codes.

Forms post to ``/review/{code_id}`` (accept or reject) and ``/review/{code_id}/recode``. Without
JavaScript each decision redirects back to the queue (303) with a confirmation; with HTMX the
decided item is swapped for a confirmation in place.
"""

from __future__ import annotations

from typing import Annotated

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
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Response:
    catalogue = app_state(request).catalogue
    items = review.queue(catalogue, threshold=threshold, document_id=document)
    entry = catalogue.document(document) if document else None
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
        },
    )


def _after(request: Request, message: str, code_id: int, threshold: float) -> Response:
    if request.headers.get("HX-Request"):
        return app_state(request).templates.TemplateResponse(
            request, "review_done.html", {"message": message, "code_id": code_id}
        )
    return RedirectResponse(f"/review?threshold={threshold}&done={code_id}", status_code=303)


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
        review.decide(app_state(request).catalogue, user, code_id, decision, note)  # type: ignore[arg-type]
    except ReviewError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    verb = "Accepted" if decision == "accept" else "Rejected"
    return _after(request, f"{verb} code {code_id}.", code_id, threshold)


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
        review.recode(catalogue, user, code_id, value, note)
    except ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return _after(request, f"Recoded code {code_id}.", code_id, threshold)


__all__ = ["HTMLResponse", "router"]
