"""The JSON API for governance, coded passages, the review queue, compare and compliance.

Reading needs no account, except the review queue (analysts and admins). Decisions need an
analyst or admin session and the CSRF token in ``X-CSRF-Token``; they are recorded under the
user's e-mail and written to the audit log. No endpoint returns a score or a rank of a plan.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from productivity_plans.councils import Council
from productivity_plans.store.accounts import User
from productivity_plans.store.codes import ReviewError
from productivity_plans.web import auth, review
from productivity_plans.web.catalogue import Catalogue
from productivity_plans.web.filters import check_api_filters
from productivity_plans.web.routes.api import NOT_FOUND, Error, GssCode, _Out
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.views import (
    ClaimView,
    CouncilContent,
    EventView,
    PassageView,
    council_content,
    governance_view,
    passage_view,
)

router = APIRouter(prefix="/api", tags=["api"])

DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Document id")]
CodeId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Machine code id")]
Status = Literal["evidenced", "not_evidenced", "late", "no_documents"]
REVIEW_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "Not a value the framework allows"},
    401: {"model": Error, "description": "Not signed in"},
    403: {"model": Error, "description": "Missing CSRF token, or not an analyst or admin"},
    404: {"model": Error, "description": "No such machine code"},
}


class LabelOut(_Out):
    id: str
    label: str


class PassageOut(_Out):
    passage_id: int
    document_id: int
    document: str
    page: int
    start: int
    end: int
    anchor: str
    text: str
    section: str | None
    headings: list[LabelOut]
    questions: list[LabelOut]
    barriers: list[LabelOut]
    measure: bool
    initiative: bool
    reviewed: bool


class GroupOut(_Out):
    id: str
    label: str
    passages: list[PassageOut]


class CodesOut(_Out):
    headings: list[GroupOut]
    barriers: list[GroupOut]
    measures: list[PassageOut]


class ClaimOut(_Out):
    requirement: str
    label: str
    status: Status
    detail: str
    date: str | None
    body: str | None
    evidence: str | None
    document_id: int | None
    link: str | None
    recorded_by_council: bool = Field(
        description="True when the status rests on a step the council recorded itself"
    )


class EventOut(_Out):
    date: str
    action: str
    kind: str  # plan_decision, progress_review (never counted), before_letter (never counted)
    body: str | None
    sentence: str | None
    document_id: int | None
    link: str | None
    recorded_by_council: bool


class GovernanceOut(_Out):
    council_gss: str
    council: str
    requirements: list[ClaimOut]
    trail: list[EventOut]
    recorded: list[EventOut] = Field(
        description="Steps recorded by the council, kept beside the extracted trail"
    )
    publication_urls: list[str]


class DocumentCodesOut(_Out):
    document_id: int
    passages: list[PassageOut]


class CompareSideOut(_Out):
    council_gss: str
    council: str
    type: str
    region: str
    governance: GovernanceOut
    codes: CodesOut


class CompareOut(_Out):
    councils: list[CompareSideOut]


class ComplianceOut(_Out):
    council_gss: str
    council: str
    type: str
    region: str
    documents: int
    requirements: list[ClaimOut]


class ReviewItemOut(_Out):
    code_id: int
    passage_id: int
    document_id: int
    document: str
    page: int
    start: int
    end: int
    code_type: str
    value: str
    value_label: str
    confidence: float
    model_version: str
    text: str
    before: str | None
    after: str | None
    link: str


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["accept", "reject"]
    note: str | None = Field(default=None, max_length=1000)


class RecodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=128)
    note: str | None = Field(default=None, max_length=1000)


class DecisionOut(_Out):
    code_id: int
    decision: Literal["accept", "reject", "recode"]
    decision_ids: list[int]
    analyst: str


def passage_out(p: PassageView) -> PassageOut:
    return PassageOut(
        passage_id=p.passage_id,
        document_id=p.document_id,
        document=p.document,
        page=p.page,
        start=p.start,
        end=p.end,
        anchor=f"p{p.passage_id}",
        text=p.text,
        section=p.section,
        headings=[LabelOut(id=x.id, label=x.label) for x in p.headings],
        questions=[LabelOut(id=x.id, label=x.label) for x in p.questions],
        barriers=[LabelOut(id=x.id, label=x.label) for x in p.barriers],
        measure=p.measure,
        initiative=p.initiative,
        reviewed=p.human,
    )


def codes_out(content: CouncilContent) -> CodesOut:
    return CodesOut(
        headings=[
            GroupOut(id=g.id, label=g.label, passages=[passage_out(p) for p in g.passages])
            for g in content.headings
        ],
        barriers=[
            GroupOut(id=g.id, label=g.label, passages=[passage_out(p) for p in g.passages])
            for g in content.barriers
        ],
        measures=[passage_out(p) for p in content.measures],
    )


def claim_out(c: ClaimView) -> ClaimOut:
    return ClaimOut(
        requirement=c.requirement,
        label=c.label,
        status=c.status,  # type: ignore[arg-type]
        detail=c.detail,
        date=c.date,
        body=c.body,
        evidence=c.evidence,
        document_id=c.document_id,
        link=c.href or c.url,
        recorded_by_council=c.recorded,
    )


def event_out(e: EventView) -> EventOut:
    return EventOut(
        date=e.date,
        action=e.action,
        kind=e.kind,
        body=e.body,
        sentence=e.sentence,
        document_id=e.document_id,
        link=e.href,
        recorded_by_council=e.recorded,
    )


def governance_out(catalogue: Catalogue, council: Council) -> GovernanceOut:
    view = governance_view(catalogue, council)
    return GovernanceOut(
        council_gss=council.gss_code,
        council=council.nice_name,
        requirements=[claim_out(c) for c in view.claims],
        trail=[event_out(e) for e in view.trail],
        recorded=[event_out(e) for e in view.recorded],
        publication_urls=view.publication_urls,
    )


def _council(catalogue: Catalogue, gss: str) -> Council:
    found = catalogue.council(gss)
    if found is None:
        raise HTTPException(status_code=404, detail="no such council")
    return found


@router.get(
    "/councils/{gss}/governance",
    response_model=GovernanceOut,
    responses=NOT_FOUND,
    summary="A council's governance trail and requirement statuses, with evidence",
)
def council_governance(request: Request, gss: GssCode) -> GovernanceOut:
    catalogue = app_state(request).catalogue
    return governance_out(catalogue, _council(catalogue, gss))


@router.get(
    "/councils/{gss}/codes",
    response_model=CodesOut,
    responses=NOT_FOUND,
    summary="A council's coded passages by heading and barrier, and its measurement passages",
)
def council_codes(request: Request, gss: GssCode) -> CodesOut:
    catalogue = app_state(request).catalogue
    found = _council(catalogue, gss)
    return codes_out(council_content(catalogue, found.gss_code))


@router.get(
    "/documents/{document_id}/codes",
    response_model=DocumentCodesOut,
    responses=NOT_FOUND,
    summary="A document's coded passages (the council's own words) with effective codes",
)
def document_codes(request: Request, document_id: DocumentId) -> DocumentCodesOut:
    catalogue = app_state(request).catalogue
    entry = catalogue.document(document_id)
    if entry is None:
        raise HTTPException(status_code=404, detail="no such document")
    from productivity_plans.web.catalogue import CONTENT_CODES

    passages = [
        passage_out(passage_view(catalogue, entry, p))
        for p in catalogue.document_passages(document_id)
        if p.kind == "council" and any(c.code_type in CONTENT_CODES for c in p.codes)
    ]
    return DocumentCodesOut(document_id=document_id, passages=passages)


@router.get(
    "/compare",
    response_model=CompareOut,
    responses={**NOT_FOUND},
    summary="Two councils side by side: governance and coded content (no scores)",
)
def compare(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=9, description="GSS code")],
    b: Annotated[str, Query(min_length=1, max_length=9, description="GSS code")],
) -> CompareOut:
    catalogue = app_state(request).catalogue
    sides = []
    for gss in (a, b):
        found = _council(catalogue, gss)
        sides.append(
            CompareSideOut(
                council_gss=found.gss_code,
                council=found.nice_name,
                type=found.type,
                region=found.region,
                governance=governance_out(catalogue, found),
                codes=codes_out(council_content(catalogue, found.gss_code)),
            )
        )
    return CompareOut(councils=sides)


@router.get(
    "/compliance",
    response_model=list[ComplianceOut],
    summary="Every council asked for a plan with its requirement statuses (by name)",
)
def compliance(
    request: Request,
    type: Annotated[str | None, Query(max_length=64)] = None,
    region: Annotated[str | None, Query(max_length=128)] = None,
    status: Status | None = None,
) -> list[ComplianceOut]:
    catalogue = app_state(request).catalogue
    check_api_filters(catalogue, type=type, region=region)
    out = []
    for g in catalogue.compliance(type=type, region=region, status=status):
        view = governance_view(catalogue, g.council)
        out.append(
            ComplianceOut(
                council_gss=g.council.gss_code,
                council=g.council.nice_name,
                type=g.council.type,
                region=g.council.region,
                documents=len(g.documents),
                requirements=[claim_out(c) for c in view.claims],
            )
        )
    return out


@router.get(
    "/review",
    response_model=list[ReviewItemOut],
    responses={k: v for k, v in REVIEW_ERRORS.items() if k in (401, 403)},
    summary="Low-confidence machine codes awaiting review (analysts and admins)",
)
def review_queue(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    threshold: Annotated[float, Query(ge=0, le=1)] = review.DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    council: Annotated[str | None, Query(max_length=9, description="Only this council")] = None,
) -> list[ReviewItemOut]:
    catalogue = app_state(request).catalogue
    check_api_filters(catalogue, council=council)
    narrow = review.queue(
        catalogue, threshold=threshold, limit=limit, offset=offset, council_gss=council
    )
    return [
        ReviewItemOut(
            code_id=q.item.code_id,
            passage_id=q.item.passage_id,
            document_id=q.item.document_id,
            document=q.item.document,
            page=q.item.page,
            start=q.item.start,
            end=q.item.end,
            code_type=q.item.code_type,
            value=q.item.value,
            value_label=q.value_label,
            confidence=q.item.confidence,
            model_version=q.item.model_version,
            text=q.item.text,
            before=q.before,
            after=q.after,
            link=q.href,
        )
        for q in narrow
    ]


class UndoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision_ids: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(
        min_length=1, max_length=50, description="The ids a decision or recode returned"
    )


class UndoOut(_Out):
    undone: list[int]


@router.post(
    "/review/decisions/undo",
    response_model=UndoOut,
    dependencies=[Depends(require_csrf)],
    responses=REVIEW_ERRORS,
    summary="Undo your own decisions (an accept, a reject, or a recode's rows)",
)
def undo_decisions(
    request: Request,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    body: Annotated[UndoIn, Body()],
) -> UndoOut:
    try:
        review.undo(app_state(request).catalogue, user, body.decision_ids, None)
    except ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return UndoOut(undone=body.decision_ids)


@router.post(
    "/review/{code_id}",
    response_model=DecisionOut,
    dependencies=[Depends(require_csrf)],
    responses=REVIEW_ERRORS,
    summary="Accept or reject a machine code (analysts and admins)",
)
def decide(
    request: Request,
    code_id: CodeId,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    body: Annotated[DecisionIn, Body()],
) -> DecisionOut:
    try:
        decision_id = review.decide(
            app_state(request).catalogue, user, code_id, body.decision, body.note
        )
    except ReviewError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return DecisionOut(
        code_id=code_id, decision=body.decision, decision_ids=[decision_id], analyst=user.email
    )


@router.post(
    "/review/{code_id}/recode",
    response_model=DecisionOut,
    dependencies=[Depends(require_csrf)],
    responses=REVIEW_ERRORS,
    summary="Replace a machine code's value on its passage (analysts and admins)",
)
def recode(
    request: Request,
    code_id: CodeId,
    user: Annotated[User, Depends(auth.require_analyst_api)],
    body: Annotated[RecodeIn, Body()],
) -> DecisionOut:
    try:
        ids = review.recode(app_state(request).catalogue, user, code_id, body.value, body.note)
    except ReviewError as exc:
        status = 404 if str(exc).startswith("no machine code") else 400
        raise HTTPException(status_code=status, detail=str(exc)) from exc
    return DecisionOut(code_id=code_id, decision="recode", decision_ids=ids, analyst=user.email)
