"""The council workspace ("Your council"): record governance steps, submission and publication;
keep progress updates (actions, measures, CSV import) and publish them; dispute codes and
statuses. Officers see and change their own council only, admins any council; analysts read.

Thin: every rule is in ``store.workspace`` (validation, permission, audit); these routes turn
its errors into an error summary (422), a 403 or a 404, and redirect after each change.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from productivity_plans.councils import Council
from productivity_plans.sector.draft_check import DraftCheck, check_draft, compare_checks
from productivity_plans.store import codes, workspace
from productivity_plans.store.accounts import User
from productivity_plans.store.codes import EffectivePassage
from productivity_plans.store.workspace import WorkspaceError
from productivity_plans.web import auth
from productivity_plans.web.catalogue import CONTENT_CODES
from productivity_plans.web.progress import ACTION_STATUS_LABELS, progress_view
from productivity_plans.web.rendering import page
from productivity_plans.web.review import CODE_TYPE_LABELS, value_label
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.views import REQUIREMENT_LABELS, governance_view

router = APIRouter(include_in_schema=False)

MAX_CSV_BYTES = 1_000_000
OUTCOME_LABELS = {
    "approved": "Approved",
    "endorsed": "Endorsed",
    "noted": "Noted",
    "delegated": "Delegated to an officer or member",
    "deferred": "Deferred or withdrawn",
    "none": "No decision",
    "unknown": "Not known",
}
STEP_LABELS = {
    "decision": "Decision",
    "submission": "Submitted to government",
    "publication": "Published",
}


def _council(request: Request, gss: str) -> Council:
    found = app_state(request).catalogue.council(gss.upper())
    if found is None:
        raise HTTPException(status_code=404, detail=f"No council with GSS code {gss}.")
    return found


def _parse_date(value: str, field: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise WorkspaceError("Enter a real date, like 2024-07-15", field=field) from None


def _home(gss: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/workspace/{gss}{anchor}", status_code=303)


def _home_context(request: Request, council: Council, user: User) -> dict[str, Any]:
    store = app_state(request).store
    catalogue = app_state(request).catalogue
    gss = council.gss_code
    return {
        "council": council,
        "can_change": user.can_upload_for(gss),
        "steps": workspace.recorded_steps(store, gss),
        "governance": governance_view(catalogue, council),
        "updates": workspace.progress_updates(store, gss, published_only=False),
        "disputes": workspace.disputes(store, council_gss=gss, limit=200).disputes,
        "documents": catalogue.workspace_documents(gss),
        "outcomes": [(o, OUTCOME_LABELS.get(o, o)) for o in catalogue.framework.outcome_ids],
        "step_labels": STEP_LABELS,
        "requirements": REQUIREMENT_LABELS,
        "errors": {},
        "form": {},
        "today": date.today().isoformat(),
    }


def _home_page(
    request: Request,
    council: Council,
    user: User,
    *,
    error: WorkspaceError | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    context = _home_context(request, council, user)
    if error is not None:
        context["errors"] = {error.field or "kind": str(error)}
        context["form"] = form or {}
    return page(request, "workspace.html", context, status_code=422 if error else 200)


@router.get("/workspace")
def workspace_start(
    request: Request, council: Annotated[str | None, Query(max_length=9)] = None
) -> Response:
    """Officers go straight to their council; admins and analysts choose one."""
    user = auth.current_user(request)
    if user is None:
        raise auth.LoginRequired(auth.login_url(request))
    if user.role == "officer" and user.council_gss:
        return _home(user.council_gss)
    if council and app_state(request).catalogue.council(council.upper()):
        return _home(council.upper())
    if user.role not in auth.WORKSPACE_READERS:
        raise HTTPException(status_code=403, detail="Only council officers have a workspace.")
    options = app_state(request).catalogue.councils_in_scope()
    return page(request, "workspace_choose.html", {"council_options": options})


@router.get("/workspace/{gss}")
def workspace_home(request: Request, gss: str) -> Response:
    council = _council(request, gss)
    user = auth.require_workspace_page(request, council.gss_code)
    return _home_page(request, council, user)


def _change(request: Request, gss: str) -> tuple[Council, User]:
    council = _council(request, gss)
    user = auth.require_workspace_page(request, council.gss_code)
    if not user.can_upload_for(council.gss_code):
        raise HTTPException(status_code=403, detail="Only this council's officers can change it.")
    return council, user


@router.post("/workspace/{gss}/steps", dependencies=[Depends(require_csrf)])
def record_step(
    request: Request,
    gss: str,
    kind: Annotated[str, Form(max_length=20)] = "",
    body: Annotated[str, Form(max_length=200)] = "",
    step_date: Annotated[str, Form(alias="date", max_length=20)] = "",
    outcome: Annotated[str, Form(max_length=20)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    council, user = _change(request, gss)
    form = {"kind": kind, "body": body, "date": step_date, "outcome": outcome, "url": url}
    try:
        workspace.record_step(
            app_state(request).store,
            user,
            council.gss_code,
            kind,
            body=body,
            day=_parse_date(step_date, "date"),
            outcome=outcome or None,
            url=url,
            note=note,
            framework=app_state(request).catalogue.framework,
        )
    except WorkspaceError as error:
        return _home_page(request, council, user, error=error, form=form)
    app_state(request).catalogue.invalidate()
    return _home(council.gss_code, "#governance")


@router.post("/workspace/{gss}/steps/{step_id}/remove", dependencies=[Depends(require_csrf)])
def remove_step(request: Request, gss: str, step_id: int) -> Response:
    council, user = _change(request, gss)
    if not any(s.id == step_id for s in workspace.recorded_steps(app_state(request).store, gss)):
        raise HTTPException(status_code=404, detail="No such recorded step for this council.")
    workspace.remove_step(app_state(request).store, user, step_id)
    app_state(request).catalogue.invalidate()
    return _home(council.gss_code, "#governance")


@router.post("/workspace/{gss}/progress", dependencies=[Depends(require_csrf)])
def create_update(
    request: Request, gss: str, title: Annotated[str, Form(max_length=200)] = ""
) -> Response:
    council, user = _change(request, gss)
    try:
        update_id = workspace.create_update(app_state(request).store, user, council.gss_code, title)
    except WorkspaceError as error:
        return _home_page(request, council, user, error=error, form={"title": title})
    return RedirectResponse(f"/workspace/{council.gss_code}/progress/{update_id}", status_code=303)


def _update(request: Request, council: Council, update_id: int) -> workspace.ProgressUpdate:
    found = workspace.progress_update(app_state(request).store, update_id)
    if found is None or found.council_gss != council.gss_code:
        raise HTTPException(status_code=404, detail="No such progress update for this council.")
    return found


def _update_page(
    request: Request,
    council: Council,
    user: User,
    update_id: int,
    *,
    errors: dict[str, str] | None = None,
    problems: list[tuple[int, str]] | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    update = _update(request, council, update_id)
    view = progress_view([update], prefix="update")
    return page(
        request,
        "workspace_update.html",
        {
            "council": council,
            "update": update,
            "view": view,
            "can_change": user.can_upload_for(council.gss_code),
            "statuses": list(ACTION_STATUS_LABELS.items()),
            "errors": errors or {},
            "problems": problems or [],
            "form": form or {},
            "today": date.today().isoformat(),
        },
        tables=view.tables,
        status_code=422 if errors else 200,
    )


@router.get("/workspace/{gss}/progress/{update_id}")
def update_page(request: Request, gss: str, update_id: int) -> Response:
    council = _council(request, gss)
    user = auth.require_workspace_page(request, council.gss_code)
    return _update_page(request, council, user, update_id)


def _after_update(council: Council, update_id: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(
        f"/workspace/{council.gss_code}/progress/{update_id}{anchor}", status_code=303
    )


@router.post("/workspace/{gss}/progress/{update_id}/actions", dependencies=[Depends(require_csrf)])
def add_action(
    request: Request,
    gss: str,
    update_id: int,
    action: Annotated[str, Form(max_length=500)] = "",
    action_status: Annotated[str, Form(max_length=20)] = "",
    action_date: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    council, user = _change(request, gss)
    _update(request, council, update_id)
    form = {"action": action, "action_status": action_status, "action_date": action_date}
    try:
        workspace.add_action(
            app_state(request).store,
            user,
            update_id,
            action,
            action_status,
            _parse_date(action_date, "action_date"),
            note,
        )
    except WorkspaceError as error:
        errors = {error.field or "action": str(error)}
        return _update_page(request, council, user, update_id, errors=errors, form=form)
    return _after_update(council, update_id, "#actions")


@router.post("/workspace/{gss}/progress/{update_id}/values", dependencies=[Depends(require_csrf)])
def add_value(
    request: Request,
    gss: str,
    update_id: int,
    measure: Annotated[str, Form(max_length=200)] = "",
    value_date: Annotated[str, Form(max_length=20)] = "",
    value: Annotated[str, Form(max_length=40)] = "",
    unit: Annotated[str, Form(max_length=40)] = "",
    period: Annotated[str, Form(max_length=40)] = "",
    source: Annotated[str, Form(max_length=500)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    council, user = _change(request, gss)
    _update(request, council, update_id)
    form = {
        "measure": measure,
        "value_date": value_date,
        "value": value,
        "unit": unit,
        "period": period,
        "source": source,
    }
    try:
        checked = workspace.check_measure(
            measure,
            value_date or None,
            value or None,
            unit=unit,
            period=period,
            source=source,
            note=note,
        )
        workspace.add_values(app_state(request).store, user, update_id, [checked])
    except WorkspaceError as error:
        errors = {error.field or "measure": str(error)}
        return _update_page(request, council, user, update_id, errors=errors, form=form)
    return _after_update(council, update_id, "#measures")


@router.post("/workspace/{gss}/progress/{update_id}/csv", dependencies=[Depends(require_csrf)])
async def import_csv(
    request: Request,
    gss: str,
    update_id: int,
    csv_file: Annotated[UploadFile | None, File(alias="csv")] = None,
) -> Response:
    council, user = _change(request, gss)
    _update(request, council, update_id)
    raw = await csv_file.read(MAX_CSV_BYTES + 1) if csv_file and csv_file.filename else b""
    try:
        if not raw:
            raise WorkspaceError("Choose a CSV file of measure values", field="csv")
        if len(raw) > MAX_CSV_BYTES:
            raise WorkspaceError("The CSV file must be smaller than 1 MB", field="csv")
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise WorkspaceError("Save the CSV file as UTF-8 text", field="csv") from None
        values = workspace.parse_measures_csv(content)
        workspace.add_values(app_state(request).store, user, update_id, values, how="csv")
    except workspace.CsvImportError as error:
        return _update_page(
            request,
            council,
            user,
            update_id,
            errors={"csv": f"{len(error.problems)} row(s) are wrong; nothing was imported"},
            problems=error.problems,
        )
    except WorkspaceError as error:
        return _update_page(request, council, user, update_id, errors={"csv": str(error)})
    return _after_update(council, update_id, "#measures")


@router.post("/workspace/{gss}/progress/{update_id}/publish", dependencies=[Depends(require_csrf)])
def publish(request: Request, gss: str, update_id: int) -> Response:
    council, user = _change(request, gss)
    _update(request, council, update_id)
    workspace.publish_update(app_state(request).store, user, update_id)
    app_state(request).catalogue.invalidate()
    return _after_update(council, update_id)


@router.post("/workspace/{gss}/progress/{update_id}/delete", dependencies=[Depends(require_csrf)])
def delete(request: Request, gss: str, update_id: int) -> Response:
    council, user = _change(request, gss)
    _update(request, council, update_id)
    try:
        workspace.delete_update(app_state(request).store, user, update_id)
    except WorkspaceError as error:
        return _update_page(request, council, user, update_id, errors={"update": str(error)})
    return _home(council.gss_code, "#progress")


PAGED_MEDIA = frozenset({"pdf"})  # other formats are stored as one page, whatever their length
CHECK_LABELS = {
    "answered": "Answered in the council’s own words",
    "restated": "Only restated",
    "missing": "Missing",
}
CHECK_TAGS = {"answered": "govuk-tag--green", "restated": "govuk-tag--yellow", "missing": ""}


def _exemplar_pool(request: Request, council: Council) -> list[tuple[str, EffectivePassage]]:
    """Other councils' coded passages, the most similar first: same type and region, then the
    same type elsewhere."""
    catalogue = app_state(request).catalogue
    near = [e.council for e in catalogue.similar_councils(council) if e.documents]
    far = [
        e.council
        for e in catalogue.councils(type=council.type, with_documents=True)
        if e.council.gss_code != council.gss_code and e.council not in near
    ]
    return [(c.gss_code, p) for c in near + far for _, p in catalogue.council_passages(c.gss_code)]


def _draft_check(request: Request, council: Council, document_id: int) -> DraftCheck:
    catalogue = app_state(request).catalogue
    entry = catalogue.workspace_document(council.gss_code, document_id)
    if entry is None:  # another council's document, or no such document
        raise HTTPException(status_code=404, detail="No such document for this council.")
    return check_draft(
        catalogue.framework,
        document_id,
        catalogue.document_passages(document_id),
        entry.summary.page_count if entry.summary.media_type in PAGED_MEDIA else None,
        _exemplar_pool(request, council),
    )


@router.get("/workspace/{gss}/documents/{document_id}/check")
def draft_check(
    request: Request,
    gss: str,
    document_id: int,
    against: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Response:
    """The draft check of one of the council's documents, and what changed since another."""
    council = _council(request, gss)
    auth.require_workspace_page(request, council.gss_code)
    catalogue = app_state(request).catalogue
    check = _draft_check(request, council, document_id)
    changes = None
    if against is not None and against != document_id:
        changes = compare_checks(_draft_check(request, council, against), check)
    names = {c.gss_code: c.nice_name for c in catalogue.councils_in_scope()}
    return page(
        request,
        "workspace_check.html",
        {
            "council": council,
            "entry": catalogue.workspace_document(council.gss_code, document_id),
            "check": check,
            "changes": changes,
            "against": against,
            "others": [
                e
                for e in catalogue.workspace_documents(council.gss_code)
                if e.summary.id != document_id
            ],
            "labels": CHECK_LABELS,
            "tags": CHECK_TAGS,
            "council_names": names,
        },
    )


@router.get("/workspace/{gss}/documents/{document_id}")
def document_codes(request: Request, gss: str, document_id: int) -> Response:
    """A council document's coded passages, each code with a form to dispute it."""
    council = _council(request, gss)
    user = auth.require_workspace_page(request, council.gss_code)
    catalogue = app_state(request).catalogue
    entry = catalogue.workspace_document(council.gss_code, document_id)
    if entry is None:  # another council's document, or no such document
        raise HTTPException(status_code=404, detail="No such document for this council.")
    passages = []
    for p in catalogue.document_passages(document_id):
        found = [
            (c.code_type, c.value, CODE_TYPE_LABELS.get(c.code_type, c.code_type))
            for c in p.codes
            if c.code_type in CONTENT_CODES
        ]
        if found:
            labelled = [(t, v, f"{label}: {value_label(catalogue, t, v)}") for t, v, label in found]
            passages.append((p, labelled))
    return page(
        request,
        "workspace_document.html",
        {
            "council": council,
            "entry": entry,
            "passages": passages,
            "can_change": user.can_upload_for(council.gss_code),
        },
    )


def check_own_passage(request: Request, council: Council, passage_id: int) -> None:
    """A council disputes codes on its own documents only: 404 for anyone else's passage."""
    catalogue = app_state(request).catalogue
    found = codes.effective_passages(catalogue.store, passage_ids=[passage_id])
    own = {e.summary.id for e in catalogue.documents(council_gss=council.gss_code)}
    if not found or found[0].document_id not in own:
        raise HTTPException(status_code=404, detail="No such passage in this council's documents.")


@router.post("/workspace/{gss}/disputes", dependencies=[Depends(require_csrf)])
def dispute(
    request: Request,
    gss: str,
    note: Annotated[str, Form(max_length=2000)] = "",
    target: Annotated[str, Form(max_length=200)] = "",
    passage_id: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    back: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """``target`` is a requirement (``member_oversight``…) or ``code_type=value`` on a passage."""
    council, user = _change(request, gss)
    code_type, _, value = target.partition("=")
    requirement = target if target in workspace.REQUIREMENTS else None
    if requirement is None and passage_id is not None:
        check_own_passage(request, council, passage_id)
    try:
        workspace.raise_dispute(
            app_state(request).store,
            user,
            council.gss_code,
            note,
            passage_id=passage_id if requirement is None else None,
            code_type=code_type if requirement is None else None,
            value=value if requirement is None else None,
            requirement=requirement,
        )
    except WorkspaceError as error:
        return _home_page(request, council, user, error=error, form={"note": note})
    except LookupError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    return RedirectResponse(auth.safe_next(back) if back else f"/workspace/{gss}#disputes", 303)
