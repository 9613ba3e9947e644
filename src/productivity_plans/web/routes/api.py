"""The JSON API: what the pages show, as data. OpenAPI at /openapi.json, docs at /api/docs.

Reading needs no account. Uploading needs a signed-in officer (own council) or admin session and
the session's CSRF token in the ``X-CSRF-Token`` header (or the ``csrf_token`` form field).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict

from productivity_plans.councils import Council
from productivity_plans.store import ownership
from productivity_plans.store.accounts import User
from productivity_plans.store.ownership import UploadEntry
from productivity_plans.store.reading import load_document
from productivity_plans.store.search import COUNT_CAP
from productivity_plans.web import auth
from productivity_plans.web.catalogue import DocumentEntry
from productivity_plans.web.filters import check_api_filters
from productivity_plans.web.highlight import plain
from productivity_plans.web.public_form import public_document_view
from productivity_plans.web.routes.pages import (
    filtered_documents,
    semantic_hits,
    text_hits,
    type_name,
    visible_entry,
)
from productivity_plans.web.routes.upload import (
    MAX_TITLE,
    MAX_URL,
    results_href,
    upload_options,
)
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.uploads import UploadAction, change_upload, handle_upload

router = APIRouter(prefix="/api", tags=["api"])

DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Document id")]
GssCode = Annotated[str, Path(min_length=1, max_length=9, description="GSS code, e.g. E07000033")]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Error(_Out):
    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Error, "description": "Not found"}}


class CouncilOut(_Out):
    gss_code: str
    name: str
    official_name: str
    type: str
    type_label: str
    region: str
    documents: int


class CoverageOut(_Out):
    council_type: str
    covered: int
    councils: int


class StatsOut(_Out):
    documents: int
    pages: int
    blocks: int
    no_text_layer: int
    councils_in_scope: int
    councils_covered: int
    scope_date: date
    by_doc_type: dict[str, int]
    by_media_type: dict[str, int]
    coverage_by_council_type: list[CoverageOut]


class DocumentOut(_Out):
    id: int
    title: str | None
    sha256: str
    media_type: str
    status: str
    page_count: int
    chars: int
    source: str | None
    council_gss: str | None
    council_source: Literal["upload", "extracted"] | None
    doc_type: str | None
    created_at: datetime


class BlockOut(_Out):
    id: int
    anchor: str
    kind: str
    page: int
    start: int
    end: int
    text: str


class PageOut(_Out):
    number: int
    start: int
    end: int
    blocks: list[BlockOut]


class SourceOut(_Out):
    source: str
    url: str | None
    size: int
    first_seen: datetime
    last_seen: datetime


class DocumentDetailOut(DocumentOut):
    size: int
    parser: str
    parser_version: str
    warnings: list[str]
    sources: list[SourceOut]
    pages: list[PageOut]


class CouncilDetailOut(CouncilOut):
    document_list: list[DocumentOut]
    governance_trail_available: bool
    coded_passages_available: bool


class SearchHitOut(_Out):
    block_id: int | None  # full text: the matching block
    passage_id: int | None  # by meaning: the nearest passage
    anchor: str
    document_id: int
    title: str | None
    page: int
    kind: str
    council_gss: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # (start, end) character ranges of matches in snippet
    score: float


class SearchOut(_Out):
    query: str
    mode: Literal["text", "semantic"]
    hits: list[SearchHitOut]
    # Full text: how many blocks match, counted up to 1,000 (total_more: there are more).
    total: int | None = None
    total_more: bool = False


class UploadFileOut(_Out):
    filename: str
    status: str
    reason: str | None
    message: str | None  # the reason as a sentence
    detail: str | None
    document_id: int | None
    visibility: Literal["draft", "published"] | None  # the council's upload of the document


class UploadOut(_Out):
    council_gss: str
    files: list[UploadFileOut]
    results_csv: str  # the same results as CSV


class UploadEntryOut(_Out):
    upload_id: int
    document_id: int
    council_gss: str
    filename: str
    status: Literal["draft", "published"]
    doc_type: str | None
    title: str | None
    url: str | None
    uploaded_at: datetime
    published_at: datetime | None
    public: bool
    shared: bool


def _council_out(council: Council, documents: int) -> CouncilOut:
    return CouncilOut(
        gss_code=council.gss_code,
        name=council.nice_name,
        official_name=council.official_name,
        type=council.type,
        type_label=type_name(council.type),
        region=council.region,
        documents=documents,
    )


def _document_out(entry: DocumentEntry) -> DocumentOut:
    s = entry.summary
    return DocumentOut(
        id=s.id,
        title=s.title,
        sha256=s.sha256,
        media_type=s.media_type,
        status=s.status,
        page_count=s.page_count,
        chars=s.chars,
        source=s.source,
        council_gss=entry.facts.council_gss,
        council_source=entry.facts.council_source,  # type: ignore[arg-type]
        doc_type=entry.facts.doc_type,
        created_at=s.created_at,
    )


@router.get("/stats", response_model=StatsOut, summary="Sector overview counts")
def stats(request: Request) -> StatsOut:
    catalogue = app_state(request).catalogue
    view = catalogue.overview()
    return StatsOut(
        documents=view.documents,
        pages=view.pages,
        blocks=view.blocks,
        no_text_layer=view.no_text_layer,
        councils_in_scope=view.councils_in_scope,
        councils_covered=view.councils_covered,
        scope_date=catalogue.scope_date,
        by_doc_type=view.by_doc_type,
        by_media_type=view.by_media_type,
        coverage_by_council_type=[
            CoverageOut(council_type=t, covered=c, councils=n)
            for t, (c, n) in view.by_council_type.items()
        ],
    )


@router.get("/councils", response_model=list[CouncilOut], summary="Councils asked for a plan")
def councils(
    request: Request,
    type: Annotated[str | None, Query(max_length=64)] = None,
    region: Annotated[str | None, Query(max_length=128)] = None,
    with_documents: bool | None = None,
) -> list[CouncilOut]:
    catalogue = app_state(request).catalogue
    check_api_filters(catalogue, type=type, region=region)
    entries = catalogue.councils(type=type, region=region, with_documents=with_documents)
    return [_council_out(e.council, e.documents) for e in entries]


@router.get(
    "/councils/{gss}", response_model=CouncilDetailOut, responses=NOT_FOUND, summary="A council"
)
def council(request: Request, gss: GssCode) -> CouncilDetailOut:
    catalogue = app_state(request).catalogue
    found = catalogue.council(gss)
    if found is None:
        raise HTTPException(status_code=404, detail="no such council")
    entries = catalogue.documents(council_gss=found.gss_code)
    return CouncilDetailOut(
        **_council_out(found, len(entries)).model_dump(),
        document_list=[_document_out(e) for e in entries],
        governance_trail_available=True,
        coded_passages_available=True,
    )


@router.get("/documents", response_model=list[DocumentOut], summary="Stored documents")
def documents(
    request: Request,
    council: Annotated[str | None, Query(max_length=9, description="GSS code")] = None,
    type: Annotated[str | None, Query(max_length=64, description="Council type")] = None,
    doc_type: Annotated[str | None, Query(max_length=64, description="Document type")] = None,
) -> list[DocumentOut]:
    catalogue = app_state(request).catalogue
    check_api_filters(catalogue, council=council, type=type, doc_type=doc_type)
    entries = filtered_documents(catalogue, council.upper() if council else None, type, doc_type)
    return [_document_out(e) for e in entries]


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetailOut,
    responses=NOT_FOUND,
    summary="A document: text by page and block, with provenance",
)
def document(request: Request, document_id: DocumentId) -> DocumentDetailOut:
    state = app_state(request)
    stored = load_document(state.store, document_id)
    entry = visible_entry(request, document_id)  # a draft: 404 unless the session may see it
    if stored is None or entry is None:
        raise HTTPException(status_code=404, detail="no such document")
    view = public_document_view(stored, entry.summary.title or f"Document {document_id}")
    return DocumentDetailOut(
        **_document_out(entry).model_dump(),
        size=view.size,
        parser=view.parser,
        parser_version=view.parser_version,
        warnings=list(view.warnings),
        sources=[
            SourceOut(
                source=s.source,
                url=s.url,
                size=s.size,
                first_seen=s.first_seen,
                last_seen=s.last_seen,
            )
            for s in view.sources
        ],
        pages=[
            PageOut(
                number=p.number,
                start=p.start,
                end=p.end,
                blocks=[
                    BlockOut(
                        id=b.id,
                        anchor=f"b{b.id}",
                        kind=b.kind,
                        page=b.page,
                        start=b.start,
                        end=b.end,
                        text=b.text,
                    )
                    for b in p.blocks
                ],
            )
            for p in view.pages
        ],
    )


@router.get(
    "/search",
    response_model=SearchOut,
    summary="Search: full text over blocks, or by meaning over coded passages",
)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="Words to find (all must match)")],
    council: Annotated[str | None, Query(max_length=9, description="GSS code")] = None,
    doc_type: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[
        int, Query(ge=0, le=COUNT_CAP, description="Full text: hits to skip (paging)")
    ] = 0,
    mode: Annotated[
        Literal["text", "semantic"],
        Query(description="text: every word must match; semantic: nearest passages in meaning"),
    ] = "text",
) -> SearchOut:
    state = app_state(request)
    check_api_filters(state.catalogue, council=council, doc_type=doc_type)
    council = council.upper() if council else None
    facts = state.catalogue.document_facts()
    hits: list[SearchHitOut] = []
    if mode == "semantic":
        for found, fact in semantic_hits(request, q, council, doc_type, limit):
            hits.append(
                SearchHitOut(
                    block_id=None,
                    passage_id=found.passage_id,
                    anchor=f"p{found.passage_id}",
                    document_id=found.document_id,
                    title=state.catalogue.document_title(found.document_id),
                    page=found.page,
                    kind="passage",
                    council_gss=fact.council_gss if fact else None,
                    snippet=found.text,
                    highlights=[],
                    score=found.score,
                )
            )
        return SearchOut(query=q, mode=mode, hits=hits)
    found_hits, total = text_hits(request, q, council, doc_type, limit, offset)
    for hit in found_hits:
        fact = facts.get(hit.document_id)
        text, spans = plain(hit.snippet)
        hits.append(
            SearchHitOut(
                block_id=hit.block_id,
                passage_id=None,
                anchor=f"b{hit.block_id}",
                document_id=hit.document_id,
                title=state.catalogue.document_title(hit.document_id),
                page=hit.page,
                kind=hit.kind,
                council_gss=fact.council_gss if fact else None,
                snippet=text,
                highlights=spans,
                score=hit.score,
            )
        )
    return SearchOut(query=q, mode=mode, hits=hits, total=total.count, total_more=total.more)


@router.post(
    "/upload",
    response_model=UploadOut,
    dependencies=[Depends(require_csrf)],
    responses={
        400: {"model": Error, "description": "No files, or not a council in scope"},
        401: {"model": Error, "description": "Not signed in"},
        403: {"model": Error, "description": "Missing CSRF token, or not allowed for the council"},
    },
    summary="Upload files for a council (officer: own council; admin: any)",
)
async def upload(
    request: Request,
    user: Annotated[User, Depends(auth.require_uploader_api)],
    council: Annotated[str, Form(max_length=9, description="GSS code")],
    files: Annotated[list[UploadFile], File(description="One or more documents")],
    publish: Annotated[
        bool, Form(description="Publish at once (default: a private draft)")
    ] = False,
    doc_type: Annotated[str, Form(max_length=64, description="Document type id")] = "",
    title: Annotated[str, Form(max_length=MAX_TITLE + 1)] = "",
    url: Annotated[str, Form(max_length=MAX_URL + 1, description="Where it is published")] = "",
) -> UploadOut:
    state = app_state(request)
    if state.catalogue.council(council) is None:
        raise HTTPException(status_code=400, detail="not a council asked for a plan")
    if not user.can_upload_for(council):
        raise HTTPException(status_code=403, detail="you can only upload for your own council")
    chosen = [f for f in files if f.filename]
    if not chosen or len(chosen) > state.max_files_per_upload:
        raise HTTPException(status_code=400, detail=f"send 1 to {state.max_files_per_upload} files")
    visibility = "final" if publish else "draft"
    options, errors = upload_options(request, doc_type, title.strip(), url.strip(), visibility)
    if errors:
        raise HTTPException(status_code=400, detail="; ".join(errors.values()))
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
    return UploadOut(
        council_gss=council.upper(),
        files=[
            UploadFileOut(
                filename=r.filename,
                status=r.status,
                reason=r.reason,
                message=r.message,
                detail=r.detail,
                document_id=r.document_id,
                visibility=r.visibility,  # type: ignore[arg-type]
            )
            for r in batch.results
        ],
        results_csv=results_href(batch),
    )


def _entry_out(e: UploadEntry) -> UploadEntryOut:
    return UploadEntryOut(
        upload_id=e.id,
        document_id=e.document_id,
        council_gss=e.council_gss,
        filename=e.filename,
        status=e.status,  # type: ignore[arg-type]
        doc_type=e.doc_type,
        title=e.title,
        url=e.url,
        uploaded_at=e.uploaded_at,
        published_at=e.published_at,
        public=e.public,
        shared=e.shared,
    )


@router.get(
    "/uploads",
    response_model=list[UploadEntryOut],
    responses={401: {"model": Error, "description": "Not signed in"}},
    summary="Uploads with their status (officer: own council; analyst, admin: every council)",
)
def uploads(
    request: Request, user: Annotated[User, Depends(auth.require_signed_in_api)]
) -> list[UploadEntryOut]:
    council = user.council_gss if user.role == "officer" else None
    return [_entry_out(e) for e in ownership.council_uploads(app_state(request).store, council)]


UploadId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Upload id")]
CHANGE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Error, "description": "Not signed in"},
    403: {"model": Error, "description": "Missing CSRF token, or not an officer or admin"},
    404: {"model": Error, "description": "No such upload for your council"},
    409: {"model": Error, "description": "Not in a state this applies to"},
}


def _change(
    request: Request, user: User, upload_id: int, action: UploadAction
) -> UploadEntryOut | None:
    state = app_state(request)
    try:
        change_upload(state.store, state.uploads_dir, upload_id, user, action)
    except ownership.UploadNotFound:
        raise HTTPException(status_code=404, detail="no such upload") from None
    except ownership.UploadStateError as error:
        raise HTTPException(status_code=409, detail=str(error)) from None
    state.catalogue.invalidate()
    found = ownership.upload_entry(state.store, upload_id)
    return _entry_out(found) if found else None


@router.post(
    "/uploads/{upload_id}/publish",
    response_model=UploadEntryOut,
    dependencies=[Depends(require_csrf)],
    responses=CHANGE_ERRORS,
    summary="Publish a draft upload (officer: own council; admin: any)",
)
def publish_upload(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_api)],
) -> UploadEntryOut | None:
    return _change(request, user, upload_id, "publish")


@router.post(
    "/uploads/{upload_id}/withdraw",
    response_model=UploadEntryOut,
    dependencies=[Depends(require_csrf)],
    responses=CHANGE_ERRORS,
    summary="Withdraw a published upload back to a private draft",
)
def withdraw_upload(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_api)],
) -> UploadEntryOut | None:
    return _change(request, user, upload_id, "withdraw")


@router.delete(
    "/uploads/{upload_id}",
    status_code=204,
    dependencies=[Depends(require_csrf)],
    responses=CHANGE_ERRORS,
    summary="Delete a draft upload (and the document, if nothing else holds it)",
)
def delete_upload(
    request: Request,
    upload_id: UploadId,
    user: Annotated[User, Depends(auth.require_uploader_api)],
) -> None:
    _change(request, user, upload_id, "delete")
