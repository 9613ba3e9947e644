"""Upload page: officers for their own council, admins for any. Plain form; HTMX enhances."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from starlette.responses import Response

from productivity_plans.store.accounts import User
from productivity_plans.web import auth
from productivity_plans.web.rendering import page
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Column, Table
from productivity_plans.web.uploads import UploadResult, handle_upload

router = APIRouter(include_in_schema=False)


def _context(request: Request, user: User, council: str = "") -> dict[str, object]:
    catalogue = app_state(request).catalogue
    if user.role == "admin":
        options = catalogue.councils_in_scope()
    else:
        own = catalogue.council(user.council_gss or "")
        options = [own] if own else []
    return {"council_options": options, "selected_council": council, "errors": {}}


def results_table(results: list[UploadResult]) -> Table:
    table = Table(
        "upload-results",
        "What happened to each file",
        [
            Column("filename", "File"),
            Column("status", "Result"),
            Column("reason", "Error or warning"),
            Column("detail", "Detail"),
        ],
    )
    for r in results:
        table.add(
            {"filename": r.filename, "status": r.status, "reason": r.reason, "detail": r.detail},
            {"filename": f"/documents/{r.document_id}"} if r.document_id else None,
        )
    return table


@router.get("/upload")
def upload_form(
    request: Request, user: Annotated[User, Depends(auth.require_uploader_page)]
) -> Response:
    return page(request, "upload.html", _context(request, user, user.council_gss or ""))


@router.post("/upload", dependencies=[Depends(require_csrf)])
async def upload(
    request: Request,
    user: Annotated[User, Depends(auth.require_uploader_page)],
    council: Annotated[str, Form(max_length=9)] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    state = app_state(request)
    context = _context(request, user, council)
    chosen = [f for f in files or [] if f.filename]
    errors: dict[str, str] = {}
    if state.catalogue.council(council) is None:
        errors["council"] = "Choose the council the documents belong to"
    elif not user.can_upload_for(council):
        raise HTTPException(status_code=403, detail="You can only upload for your own council.")
    if not chosen:
        errors["files"] = "Choose one or more files to upload"
    elif len(chosen) > state.max_files_per_upload:
        errors["files"] = f"Upload at most {state.max_files_per_upload} files at a time"
    if errors:
        return page(request, "upload.html", {**context, "errors": errors}, status_code=400)
    results = await handle_upload(
        state.store,
        chosen,
        council_gss=council.upper(),
        user=user,
        uploads_dir=state.uploads_dir,
        limits=state.limits,
    )
    state.catalogue.invalidate()  # new documents, facts and codes: no stale view
    table = results_table(results)
    failed = sum(r.status == "failed" for r in results)
    return page(
        request,
        "upload.html",
        {**context, "results": results, "failed": failed},
        tables=[table],
    )
