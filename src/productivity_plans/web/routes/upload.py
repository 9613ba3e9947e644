"""Upload page and "My uploads": officers for their own council, admins for any.

An upload is a private draft unless the officer chooses "final" (publish now). "My uploads"
lists the council's uploads with their status, and is where a draft is published, a published
upload withdrawn (back to draft) or a draft deleted; analysts see the list but change nothing.
Another council's upload is "not found" to an officer, whether it exists or not. Plain forms;
HTMX enhances the upload form.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from starlette.responses import RedirectResponse, Response

from productivity_plans.store import ownership
from productivity_plans.store.accounts import User
from productivity_plans.store.ownership import UploadEntry, UploadNotFound, UploadStateError
from productivity_plans.web import auth
from productivity_plans.web.rendering import page
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Column, Table
from productivity_plans.web.uploads import (
    UploadAction,
    UploadBatch,
    UploadOptions,
    UploadResult,
    change_upload,
    handle_upload,
    load_batch,
)

router = APIRouter(include_in_schema=False)
UploadId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]

MAX_TITLE = 300
MAX_URL = 2000
DONE_MESSAGES = {
    "publish": "The document is published: it is now on the public record.",
    "withdraw": "The document is withdrawn: it is a private draft again.",
    "delete": "The draft is deleted.",
}


def _context(request: Request, user: User, council: str = "") -> dict[str, object]:
    catalogue = app_state(request).catalogue
    if user.role == "admin":
        options = catalogue.councils_in_scope()
    else:
        own = catalogue.council(user.council_gss or "")
        options = [own] if own else []
    return {
        "council_options": options,
        "selected_council": council,
        "doc_type_options": [
            (c.id, catalogue.doc_type_label(c.id)) for c in catalogue.framework.document_types
        ],
        "form": {"doc_type": "", "title": "", "url": "", "visibility": "draft"},
        "errors": {},
    }


def results_table(results: list[UploadResult]) -> Table:
    table = Table(
        "upload-results",
        "What happened to each file",
        [
            Column("filename", "File"),
            Column("status", "Result"),
            Column("visibility", "Visibility"),
            Column("message", "Error or warning"),
            Column("detail", "Detail"),
        ],
    )
    for r in results:
        table.add(
            {
                "filename": r.filename,
                "status": r.status,
                "visibility": _visibility_label(r.visibility),
                "message": r.message,
                "detail": r.detail,
            },
            {"filename": f"/documents/{r.document_id}"} if r.document_id else None,
        )
    return table


def _visibility_label(status: str | None) -> str:
    return {"draft": "Private draft", "published": "Published"}.get(status or "", "")


def results_href(batch: UploadBatch) -> str:
    return f"/upload/results/{batch.name}?format=csv&table=upload-results"


def upload_options(
    request: Request, doc_type: str, title: str, url: str, visibility: str
) -> tuple[UploadOptions, dict[str, str]]:
    """The officer's statements, checked: a known document type, a short title, a web URL."""
    catalogue = app_state(request).catalogue
    errors: dict[str, str] = {}
    if doc_type and doc_type not in {c.id for c in catalogue.framework.document_types}:
        errors["doc_type"] = "Choose a document type from the list"
    if len(title) > MAX_TITLE:
        errors["title"] = f"The title must be {MAX_TITLE} characters or fewer"
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc or len(url) > MAX_URL):
        errors["url"] = "Enter the web address where the document is published, like https://…"
    if visibility not in ("draft", "final"):
        errors["visibility"] = "Choose whether this is a draft or the final version"
    options = UploadOptions(
        publish=visibility == "final",
        doc_type=doc_type or None,
        title=title or None,
        url=url or None,
    )
    return options, errors


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
    doc_type: Annotated[str, Form(max_length=64)] = "",
    title: Annotated[str, Form(max_length=MAX_TITLE + 1)] = "",
    url: Annotated[str, Form(max_length=MAX_URL + 1)] = "",
    visibility: Annotated[str, Form(max_length=10)] = "draft",
) -> Response:
    state = app_state(request)
    title, url = title.strip(), url.strip()
    context = _context(request, user, council)
    context["form"] = {"doc_type": doc_type, "title": title, "url": url, "visibility": visibility}
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
    options, option_errors = upload_options(request, doc_type, title, url, visibility)
    errors |= option_errors
    if errors:
        return page(request, "upload.html", {**context, "errors": errors}, status_code=400)
    batch = await handle_upload(
        state.store,
        chosen,
        council_gss=council.upper(),
        user=user,
        uploads_dir=state.uploads_dir,
        limits=state.limits,
        options=options,
    )
    state.catalogue.invalidate()  # new documents, facts and codes: no stale view
    return _results_page(request, context, batch)


def _results_page(request: Request, context: dict[str, object], batch: UploadBatch) -> Response:
    results = batch.results
    return page(
        request,
        "upload.html",
        {
            **context,
            "results": results,
            "failed": sum(r.status == "failed" for r in results),
            "results_csv_href": lambda _table: results_href(batch),
        },
        tables=[results_table(results)],
    )


@router.get("/upload/results/{batch}")
def upload_results(
    request: Request, batch: str, user: Annotated[User, Depends(auth.require_uploader_page)]
) -> Response:
    """An upload's results again (and, with ``?format=csv``, as the CSV the page links to)."""
    found = load_batch(app_state(request).uploads_dir, batch)
    if found is None or not user.can_upload_for(found.council_gss):
        raise HTTPException(status_code=404, detail="No such upload.")
    return _results_page(request, _context(request, user, found.council_gss), found)


# My uploads -------------------------------------------------------------------------------


def uploads_table(entries: list[UploadEntry], council_name: dict[str, str]) -> Table:
    table = Table(
        "uploads",
        f"{len(entries)} upload{'s' if len(entries) != 1 else ''}",
        [
            Column("title", "Document"),
            Column("council", "Council"),
            Column("status", "Status"),
            Column("public", "On the public record"),
            Column("uploaded", "Uploaded"),
            Column("by", "By"),
            Column("filename", "File"),
        ],
    )
    for e in entries:
        table.add(
            {
                "title": e.title or e.filename,
                "council": council_name.get(e.council_gss, e.council_gss),
                "status": _visibility_label(e.status),
                "public": "Yes" if e.public else "No",
                "uploaded": f"{e.uploaded_at:%Y-%m-%d %H:%M}",
                "by": e.uploaded_by or "",
                "filename": e.filename,
            },
            {"title": f"/documents/{e.document_id}"},
        )
    return table


@router.get("/uploads")
def my_uploads(
    request: Request,
    user: Annotated[User, Depends(auth.require_uploads_page)],
    done: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    """Officers: their council's uploads. Admins and analysts: every council's."""
    state = app_state(request)
    council = user.council_gss if user.role == "officer" else None
    entries = ownership.council_uploads(state.store, council)
    names = {c.gss_code: c.nice_name for c in state.catalogue.councils_in_scope()}
    return page(
        request,
        "my_uploads.html",
        {
            "entries": entries,
            "council": state.catalogue.council(council) if council else None,
            "may_change": {e.id for e in entries if user.can_upload_for(e.council_gss)},
            "done": DONE_MESSAGES.get(done or ""),
            "names": names,
        },
        tables=[uploads_table(entries, names)],
    )


def _change(request: Request, user: User, upload_id: int, action: UploadAction) -> Response:
    """Publish, withdraw or delete; back to "My uploads" (303) with what was done."""
    state = app_state(request)
    try:
        change_upload(state.store, state.uploads_dir, upload_id, user, action)
    except UploadNotFound:
        raise HTTPException(status_code=404, detail="No such upload.") from None
    except UploadStateError as error:
        raise HTTPException(status_code=409, detail=str(error)) from None
    state.catalogue.invalidate()
    return RedirectResponse(f"/uploads?done={action}", status_code=303)


@router.post("/uploads/{upload_id}/publish", dependencies=[Depends(require_csrf)])
def publish(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_page)],
) -> Response:
    return _change(request, user, upload_id, "publish")


@router.post("/uploads/{upload_id}/withdraw", dependencies=[Depends(require_csrf)])
def withdraw(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_page)],
) -> Response:
    return _change(request, user, upload_id, "withdraw")


@router.post("/uploads/{upload_id}/delete", dependencies=[Depends(require_csrf)])
def delete(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_page)],
) -> Response:
    return _change(request, user, upload_id, "delete")
