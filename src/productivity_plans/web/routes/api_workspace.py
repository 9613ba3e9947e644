"""The JSON API of the council workspace: recorded governance steps, progress updates with
actions and measure values, and disputes (raised by councils, decided by analysts).

Reading recorded steps and published updates needs no account (``GET …/recorded-steps``,
``GET …/progress``); writing uses its own paths (``POST …/steps``, ``POST …/progress-updates``)
because one path serving GET and POST from two routes answers other methods with a wrong
``Allow`` header. Drafts are for the council's officers, analysts and admins. Changes need a
session and ``X-CSRF-Token``; the store checks who may change what (officers: own council;
admins: any) and writes the audit row. A record the store refuses (a decision dated in the
future, an outcome the framework does not know) is a 422 shaped like FastAPI's own validation
errors, with the field in ``loc`` and the sentence in ``msg``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from productivity_plans.councils import Council
from productivity_plans.store import workspace
from productivity_plans.store.accounts import User
from productivity_plans.store.db import Store
from productivity_plans.store.workspace import WorkspaceError
from productivity_plans.web import auth
from productivity_plans.web.routes.api import Error, GssCode, _Out
from productivity_plans.web.routes.workspace import check_own_passage
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state

router = APIRouter(prefix="/api", tags=["council workspace"])

ItemId = Annotated[int, Path(ge=1, le=2**31 - 1)]
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "No such council"}
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "The body could not be read as JSON"},
    401: {"model": Error, "description": "Not signed in"},
    403: {"model": Error, "description": "Missing CSRF token, or not allowed to change this"},
    404: {"model": Error, "description": "No such council, update, passage or dispute"},
}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StepIn(_In):
    kind: Literal["decision", "submission", "publication"]
    body: str | None = Field(None, max_length=200, description="The deciding body (decisions)")
    date: dt.date | None = Field(None, description="When it happened: never in the future")
    outcome: str | None = Field(None, max_length=20, description="From the framework's outcomes")
    url: str | None = Field(None, max_length=2000, description="Paper, or the published plan")
    note: str | None = Field(None, max_length=2000)


class StepOut(_Out):
    id: int
    council_gss: str
    kind: str
    body: str | None
    date: dt.date | None
    outcome: str | None
    url: str | None
    note: str | None
    recorded_by: str
    recorded_at: dt.datetime


class UpdateIn(_In):
    title: str = Field(min_length=1, max_length=200)


class ActionIn(_In):
    title: str = Field(min_length=1, max_length=500)
    status: Literal["not_started", "in_progress", "done", "delayed"]
    date: dt.date | None = None
    note: str | None = Field(None, max_length=2000)


class ValueIn(_In):
    measure: str = Field(min_length=1, max_length=200)
    date: dt.date
    value: float = Field(allow_inf_nan=False)
    unit: str | None = Field(None, max_length=40)
    period: str | None = Field(None, max_length=40)
    source: str | None = Field(None, max_length=500)
    note: str | None = Field(None, max_length=2000)


class ValuesIn(_In):
    values: list[ValueIn] = Field(min_length=1, max_length=workspace.MAX_CSV_ROWS)


class ActionOut(_Out):
    id: int
    title: str
    status: str
    date: dt.date | None
    note: str | None


class ValueOut(_Out):
    id: int
    measure: str
    date: dt.date
    period: str | None
    value: float
    unit: str | None
    source: str | None
    note: str | None


class UpdateOut(_Out):
    id: int
    council_gss: str
    title: str
    status: Literal["draft", "published"]
    published_at: dt.datetime | None
    actions: list[ActionOut]
    values: list[ValueOut]


class DisputeIn(_In):
    note: str = Field(min_length=1, max_length=2000)
    requirement: (
        Literal["member_oversight", "decision_before_deadline", "submitted", "published"] | None
    ) = None
    passage_id: int | None = Field(None, ge=1, le=2**31 - 1)
    code_type: str | None = Field(None, max_length=20)
    value: str | None = Field(None, max_length=128)


class DisputeOut(_Out):
    id: int
    council_gss: str
    document_id: int | None
    passage_id: int | None
    code_type: str | None
    value: str | None
    requirement: str | None
    note: str
    status: Literal["open", "upheld", "dismissed"]
    raised_by: str
    raised_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str | None


class DisputePageOut(_Out):
    total: int
    offset: int
    disputes: list[DisputeOut]


class DisputeDecisionIn(_In):
    decision: Literal["upheld", "dismissed"]
    note: str | None = Field(None, max_length=2000)


def _council(request: Request, gss: str) -> Council:
    found = app_state(request).catalogue.council(gss.upper())
    if found is None:
        raise HTTPException(status_code=404, detail="no such council")
    return found


def _signed_in(request: Request) -> User:
    user = auth.current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    return user


def _step_out(s: workspace.RecordedStep) -> StepOut:
    return StepOut(
        id=s.id,
        council_gss=s.council_gss,
        kind=s.kind,
        body=s.body,
        date=s.date,
        outcome=s.outcome,
        url=s.url,
        note=s.note,
        recorded_by=s.recorded_by,
        recorded_at=s.recorded_at,
    )


def _update_out(u: workspace.ProgressUpdate) -> UpdateOut:
    return UpdateOut(
        id=u.id,
        council_gss=u.council_gss,
        title=u.title,
        status=u.status,
        published_at=u.published_at,
        actions=[
            ActionOut(id=a.id, title=a.title, status=a.status, date=a.date, note=a.note)
            for a in u.actions
        ],
        values=[
            ValueOut(
                id=v.id,
                measure=v.measure,
                date=v.date,
                period=v.period,
                value=v.value,
                unit=v.unit,
                source=v.source,
                note=v.note,
            )
            for v in u.values
        ],
    )


def _dispute_out(d: workspace.Dispute) -> DisputeOut:
    return DisputeOut(
        id=d.id,
        council_gss=d.council_gss,
        document_id=d.document_id,
        passage_id=d.passage_id,
        code_type=d.code_type,
        value=d.value,
        requirement=d.requirement,
        note=d.note,
        status=d.status,
        raised_by=d.raised_by,
        raised_at=d.raised_at,
        decided_by=d.decided_by,
        decided_at=d.decided_at,
        decision_note=d.decision_note,
    )


def _refused(error: Exception) -> HTTPException:
    """The store's refusals as HTTP: a rule broken (422), not allowed (403), not there (404)."""
    if isinstance(error, WorkspaceError):
        where = ["body", error.field] if error.field else ["body"]
        return HTTPException(
            status_code=422, detail=[{"loc": where, "msg": str(error), "type": "value_error"}]
        )
    if isinstance(error, PermissionError):
        return HTTPException(status_code=403, detail=str(error))
    return HTTPException(status_code=404, detail=str(error))


@router.get(
    "/councils/{gss}/recorded-steps",
    response_model=list[StepOut],
    responses=READ_ERRORS,
    summary="Governance steps, submission and publication the council recorded itself",
)
def recorded_steps(request: Request, gss: GssCode) -> list[StepOut]:
    council = _council(request, gss)
    store = app_state(request).store
    return [_step_out(s) for s in workspace.recorded_steps(store, council.gss_code)]


@router.post(
    "/councils/{gss}/steps",
    response_model=StepOut,
    status_code=201,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Record a decision, the submission or the publication (the council's officers)",
)
def record_step(request: Request, gss: GssCode, body: Annotated[StepIn, Body()]) -> StepOut:
    council = _council(request, gss)
    user = _signed_in(request)
    state = app_state(request)
    try:
        step = workspace.record_step(
            state.store,
            user,
            council.gss_code,
            body.kind,
            body=body.body,
            day=body.date,
            outcome=body.outcome,
            url=body.url,
            note=body.note,
            framework=state.catalogue.framework,
        )
    except (WorkspaceError, PermissionError) as error:
        raise _refused(error) from error
    state.catalogue.invalidate()
    return _step_out(step)


@router.get(
    "/councils/{gss}/progress",
    response_model=list[UpdateOut],
    responses=READ_ERRORS,
    summary="Progress updates: published ones for everyone, drafts too for the council",
)
def progress(request: Request, gss: GssCode) -> list[UpdateOut]:
    council = _council(request, gss)
    insider = auth.may_read_workspace(auth.current_user(request), council.gss_code)
    found = workspace.progress_updates(
        app_state(request).store, council.gss_code, published_only=not insider
    )
    return [_update_out(u) for u in found]


@router.post(
    "/councils/{gss}/progress-updates",
    response_model=UpdateOut,
    status_code=201,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Start a draft progress update",
)
def create_update(request: Request, gss: GssCode, body: Annotated[UpdateIn, Body()]) -> UpdateOut:
    council = _council(request, gss)
    user = _signed_in(request)
    store = app_state(request).store
    try:
        update_id = workspace.create_update(store, user, council.gss_code, body.title)
    except (WorkspaceError, PermissionError) as error:
        raise _refused(error) from error
    return _update_out(_found_update(store, update_id))


def _found_update(store: Store, update_id: int) -> workspace.ProgressUpdate:
    found = workspace.progress_update(store, update_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no progress update {update_id}")
    return found


@router.post(
    "/progress/{update_id}/actions",
    response_model=UpdateOut,
    status_code=201,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Add an action or milestone, with its status, to a progress update",
)
def add_action(request: Request, update_id: ItemId, body: Annotated[ActionIn, Body()]) -> UpdateOut:
    user = _signed_in(request)
    store = app_state(request).store
    try:
        workspace.add_action(store, user, update_id, body.title, body.status, body.date, body.note)
    except (WorkspaceError, PermissionError, LookupError) as error:
        raise _refused(error) from error
    return _update_out(_found_update(store, update_id))


@router.post(
    "/progress/{update_id}/values",
    response_model=UpdateOut,
    status_code=201,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Add measure (KPI) values to a progress update: all of them or none",
)
def add_values(request: Request, update_id: ItemId, body: Annotated[ValuesIn, Body()]) -> UpdateOut:
    user = _signed_in(request)
    store = app_state(request).store
    try:
        checked = [
            workspace.check_measure(
                v.measure,
                v.date,
                v.value,
                unit=v.unit,
                period=v.period,
                source=v.source,
                note=v.note,
            )
            for v in body.values
        ]
        workspace.add_values(store, user, update_id, checked, how="api")
    except (WorkspaceError, PermissionError, LookupError) as error:
        raise _refused(error) from error
    return _update_out(_found_update(store, update_id))


@router.post(
    "/progress/{update_id}/publish",
    response_model=UpdateOut,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Publish a progress update (shown on the council's page and in exports)",
)
def publish(request: Request, update_id: ItemId) -> UpdateOut:
    user = _signed_in(request)
    state = app_state(request)
    try:
        workspace.publish_update(state.store, user, update_id)
    except (PermissionError, LookupError) as error:
        raise _refused(error) from error
    state.catalogue.invalidate()
    return _update_out(_found_update(state.store, update_id))


@router.post(
    "/councils/{gss}/disputes",
    response_model=DisputeOut,
    status_code=201,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Dispute a code on one of the council's passages, or a requirement's status",
)
def raise_dispute(request: Request, gss: GssCode, body: Annotated[DisputeIn, Body()]) -> DisputeOut:
    council = _council(request, gss)
    user = _signed_in(request)
    state = app_state(request)
    if body.requirement is None and body.passage_id is not None:
        check_own_passage(request, council, body.passage_id)
    try:
        dispute_id = workspace.raise_dispute(
            state.store,
            user,
            council.gss_code,
            body.note,
            passage_id=body.passage_id,
            code_type=body.code_type,
            value=body.value,
            requirement=body.requirement,
        )
    except (WorkspaceError, PermissionError, LookupError) as error:
        raise _refused(error) from error
    return _dispute_out(workspace.dispute(state.store, dispute_id))


@router.get(
    "/disputes",
    response_model=DisputePageOut,
    responses={k: v for k, v in WRITE_ERRORS.items() if k in (401, 403)},
    summary="Disputes from councils, oldest first (analysts and admins)",
)
def list_disputes(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    council: Annotated[str | None, Query(max_length=9)] = None,
    status: Annotated[Literal["open", "upheld", "dismissed"] | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> DisputePageOut:
    found = workspace.disputes(
        app_state(request).store, council_gss=council, status=status, offset=offset, limit=limit
    )
    return DisputePageOut(
        total=found.total, offset=offset, disputes=[_dispute_out(d) for d in found.disputes]
    )


@router.post(
    "/disputes/{dispute_id}",
    response_model=DisputeOut,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Uphold or dismiss a dispute, with a note (analysts and admins)",
)
def decide_dispute(
    request: Request,
    dispute_id: ItemId,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    body: Annotated[DisputeDecisionIn, Body()],
) -> DisputeOut:
    try:
        found = workspace.decide_dispute(
            app_state(request).store, user, dispute_id, body.decision, body.note
        )
    except (WorkspaceError, PermissionError, LookupError) as error:
        raise _refused(error) from error
    return _dispute_out(found)


@router.post(
    "/disputes/{dispute_id}/undo",
    response_model=DisputeOut,
    dependencies=[Depends(require_csrf)],
    responses=WRITE_ERRORS,
    summary="Undo the decision on a dispute: it is open again (analysts and admins)",
)
def undo_dispute(
    request: Request,
    dispute_id: ItemId,
    user: Annotated[User, Depends(auth.require_analyst_api)],
) -> DisputeOut:
    try:
        found = workspace.undo_dispute_decision(app_state(request).store, user, dispute_id)
    except (WorkspaceError, PermissionError, LookupError) as error:
        raise _refused(error) from error
    return _dispute_out(found)
