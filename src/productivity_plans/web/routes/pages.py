"""Read-only pages: sector overview, councils, a council, documents, a document, search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from markupsafe import Markup
from starlette.responses import Response

from productivity_plans.councils import Council
from productivity_plans.store import ownership, workspace
from productivity_plans.store.search import SearchHit, SearchTotal
from productivity_plans.store.vectors import SemanticHit
from productivity_plans.web import auth
from productivity_plans.web.catalogue import (
    CONTENT_CODES,
    COUNCIL_TYPE_NAMES,
    Catalogue,
    DocumentEntry,
    DocumentFacts,
)
from productivity_plans.web.filters import filter_errors
from productivity_plans.web.highlight import SNIPPET_MARKS, coded_text, highlight, plain
from productivity_plans.web.progress import progress_view
from productivity_plans.web.public_form import public_document_view
from productivity_plans.web.rendering import page
from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Cell, Column, Table
from productivity_plans.web.views import (
    REQUIREMENT_LABELS,
    STATUS_LABELS,
    ClaimView,
    CouncilContent,
    GovernanceView,
    PassageView,
    code_summary,
    council_content,
    governance_view,
    passage_view,
    requirement_label,
)

router = APIRouter(include_in_schema=False)

SEARCH_LIMIT = 50
# Full-text results are paged up to the store's count cap (1,000): 20 pages of 50.
SEARCH_PAGES = 20


def type_name(council_type: str) -> str:
    return COUNCIL_TYPE_NAMES.get(council_type, council_type.replace("_", " ").capitalize())


@router.get("/")
def overview(request: Request) -> Response:
    catalogue = app_state(request).catalogue
    view = catalogue.overview()
    coverage = Table(
        "coverage",
        "Councils with at least one document, by type",
        [
            Column("type", "Council type"),
            Column("covered", "With documents", numeric=True),
            Column("in_scope", "Councils", numeric=True),
        ],
    )
    for council_type, (covered, in_scope) in view.by_council_type.items():
        coverage.add(
            {"type": type_name(council_type), "covered": covered, "in_scope": in_scope},
            {"type": f"/councils?type={council_type}"},
        )
    doc_types = Table(
        "document-types",
        "Documents by type",
        [Column("doc_type", "Document type"), Column("documents", "Documents", numeric=True)],
    )
    for doc_type, n in view.by_doc_type.items():
        label = catalogue.doc_type_label(None if doc_type == "unknown" else doc_type)
        doc_types.add({"doc_type": label, "documents": n})
    return page(
        request,
        "overview.html",
        {"view": view, "scope_date": catalogue.scope_date},
        tables=[coverage, doc_types],
    )


@router.get("/councils")
def councils(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
    documents: Annotated[str | None, Query()] = None,
) -> Response:
    catalogue = app_state(request).catalogue
    errors = filter_errors(catalogue, type=type, region=region, documents=documents)
    with_documents = {"yes": True, "no": False}.get(documents or "")
    entries = (
        []
        if errors
        else catalogue.councils(
            type=type or None, region=region or None, with_documents=with_documents
        )
    )
    table = Table(
        "councils",
        f"{len(entries)} councils",
        [
            Column("name", "Council"),
            Column("gss", "GSS code"),
            Column("type", "Type"),
            Column("region", "Region"),
            Column("documents", "Documents", numeric=True),
        ],
    )
    for entry in entries:
        c = entry.council
        table.add(
            {
                "name": c.nice_name,
                "gss": c.gss_code,
                "type": type_name(c.type),
                "region": c.region,
                "documents": entry.documents,
            },
            {"name": f"/councils/{c.gss_code}"},
        )
    return page(
        request,
        "councils.html",
        {
            "types": [(t, type_name(t)) for t in catalogue.council_types()],
            "regions": catalogue.regions(),
            "selected": {"type": type or "", "region": region or "", "documents": documents or ""},
            "errors": errors,
        },
        tables=[table],
        status_code=400 if errors else 200,
    )


def documents_table(request: Request, entries: list, name: str, caption: str) -> Table:  # type: ignore[type-arg]
    catalogue = app_state(request).catalogue
    table = Table(
        name,
        caption,
        [
            Column("title", "Document"),
            Column("council", "Council"),
            Column("doc_type", "Type"),
            Column("pages", "Pages", numeric=True),
            Column("media_type", "Format"),
            Column("sha256", "SHA-256"),
        ],
    )
    for entry in entries:
        s = entry.summary
        table.add(
            {
                "title": s.title or f"Document {s.id}",
                "council": entry.council.nice_name if entry.council else "Not identified",
                "doc_type": catalogue.doc_type_label(entry.facts.doc_type),
                "pages": s.page_count,
                "media_type": s.media_type,
                "sha256": s.sha256[:12],
            },
            {
                "title": f"/documents/{s.id}",
                **({"council": f"/councils/{entry.council.gss_code}"} if entry.council else {}),
            },
        )
    return table


def requirements_table(name: str, caption: str, claims: list[ClaimView]) -> Table:
    table = Table(
        name,
        caption,
        [
            Column("requirement", "Requirement"),
            Column("status", "Status"),
            Column("date", "Date"),
            Column("body", "Body"),
            Column("detail", "Detail"),
            Column("evidence", "Evidence"),
            Column("document", "Document"),
        ],
    )
    for c in claims:
        table.add(
            {
                "requirement": c.label,
                "status": c.status_label,
                "date": c.date,
                "body": c.body,
                "detail": c.detail,
                "evidence": c.evidence,
                "document": c.document,
            }
        )
    return table


def passages_table(name: str, caption: str, content: CouncilContent) -> Table:
    table = Table(
        name,
        caption,
        [
            Column("heading", "Heading"),
            Column("text", "Passage"),
            Column("barriers", "Barriers named"),
            Column("measure", "Says how it measures"),
            Column("document", "Document"),
            Column("page", "Page", numeric=True),
            Column("anchor", "Anchor"),
        ],
    )
    for group in content.headings:
        for p in group.passages:
            table.add(
                {
                    "heading": group.label,
                    "text": p.text,
                    "barriers": "; ".join(b.label for b in p.barriers),
                    "measure": "yes" if p.measure else "",
                    "document": p.document,
                    "page": p.page,
                    "anchor": p.href,
                }
            )
    return table


@router.get("/councils/{gss}")
def council(request: Request, gss: str) -> Response:
    catalogue = app_state(request).catalogue
    found = catalogue.council(gss)
    if found is None:
        raise HTTPException(status_code=404, detail=f"No council with GSS code {gss}.")
    entries = catalogue.documents(council_gss=found.gss_code)
    table = documents_table(request, entries, "documents", f"Documents from {found.nice_name}")
    governance = governance_view(catalogue, found)
    content = council_content(catalogue, found.gss_code)
    similar = catalogue.similar_councils(found)
    progress = progress_view(
        workspace.progress_updates(app_state(request).store, found.gss_code), prefix="progress"
    )
    similar_table = Table(
        "similar",
        f"{type_name(found.type)} councils in {found.region or 'the same region'}",
        [Column("name", "Council"), Column("documents", "Documents", numeric=True)],
    )
    for e in similar:
        similar_table.add(
            {"name": e.council.nice_name, "documents": e.documents},
            {"name": f"/councils/{e.council.gss_code}"},
        )
    return page(
        request,
        "council.html",
        {
            "council": found,
            "type_label": type_name(found.type),
            "governance": governance,
            "content": content,
            "deadline": catalogue.scope_date,
            "progress": progress,
        },
        tables=[
            table,
            requirements_table("requirements", "Requirements", governance.claims),
            passages_table("coded-passages", "Coded passages", content),
            similar_table,
            *progress.tables,
        ],
    )


@router.get("/documents")
def documents(
    request: Request,
    council: Annotated[str | None, Query(max_length=9)] = None,
    type: Annotated[str | None, Query(max_length=64)] = None,
    doc_type: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """Every public document, or those of one council, council type and document type."""
    catalogue = app_state(request).catalogue
    errors = filter_errors(catalogue, council=council, type=type, doc_type=doc_type)
    council = council.upper() if council else None
    entries = [] if errors else filtered_documents(catalogue, council, type, doc_type)
    table = documents_table(request, entries, "documents", f"{len(entries)} documents")
    return page(
        request,
        "documents.html",
        {
            "errors": errors,
            "council_options": [e.council for e in catalogue.councils(with_documents=True)],
            "types": [(t, type_name(t)) for t in catalogue.council_types()],
            "doc_type_options": [
                (d.id, catalogue.doc_type_label(d.id)) for d in catalogue.framework.document_types
            ],
            "selected": {"council": council or "", "type": type or "", "doc_type": doc_type or ""},
        },
        tables=[table],
        status_code=400 if errors else 200,
    )


def filtered_documents(
    catalogue: Catalogue, council: str | None, type: str | None, doc_type: str | None
) -> list[DocumentEntry]:
    """Public documents of a council (its own and copies it published), of councils of a type,
    of a document type; each filter applies only when given."""
    return [
        e
        for e in catalogue.documents(council_gss=council)
        if (not type or (e.council is not None and e.council.type == type))
        and (not doc_type or e.facts.doc_type == doc_type)
    ]


@router.get("/documents/{document_id}")
def document(request: Request, document_id: int) -> Response:
    from productivity_plans.store.reading import load_document

    state = app_state(request)
    if not 1 <= document_id < 2**31:
        raise HTTPException(status_code=404, detail="No such document.")
    stored = load_document(state.store, document_id)
    entry = visible_entry(request, document_id)
    if stored is None or entry is None:
        raise HTTPException(status_code=404, detail="No such document.")
    view = public_document_view(stored, entry.summary.title or f"Document {document_id}")
    draft = state.catalogue.document(document_id) is None
    blocks = Table(
        "blocks",
        "Blocks",
        [
            Column("page", "Page", numeric=True),
            Column("block", "Block"),
            Column("kind", "Kind"),
            Column("start", "Start", numeric=True),
            Column("end", "End", numeric=True),
            Column("text", "Text"),
        ],
    )
    for p in view.pages:
        for b in p.blocks:
            blocks.add(
                {
                    "page": b.page,
                    "block": f"b{b.id}",
                    "kind": b.kind,
                    "start": b.start,
                    "end": b.end,
                    "text": b.text,
                }
            )
    coded: dict[int, list[PassageView]] = {}
    marked: dict[int, Markup] = {}
    every = state.catalogue.document_passages(document_id)
    passages = [
        passage_view(state.catalogue, entry, p)
        for p in every
        if p.kind == "council" and any(c.code_type in CONTENT_CODES for c in p.codes)
    ]
    coded_ids = {v.passage_id for v in passages}
    for block in (b for pg in view.pages for b in pg.blocks):
        inside = [v for v in passages if v.start < block.end and v.end > block.start]
        plain_spans = [
            (p.start, p.end, p.id, "")
            for p in every
            if p.id not in coded_ids and p.start < block.end and p.end > block.start
        ]
        if inside:
            coded[block.id] = inside
        if inside or plain_spans:
            marked[block.id] = coded_text(
                block.text,
                block.start,
                [(v.start, v.end, v.passage_id, code_summary(v)) for v in inside] + plain_spans,
            )
    return page(
        request,
        "document.html",
        {
            "doc": view,
            "entry": entry,
            "coded": coded,
            "marked": marked,
            "coded_count": len(passages),
            "doc_type_label": state.catalogue.doc_type_label(entry.facts.doc_type),
            "draft": draft,
        },
        tables=[blocks],
    )


def visible_entry(request: Request, document_id: int) -> DocumentEntry | None:
    """The document's entry if the visitor may see it: anyone a public document; a private
    draft only the uploading council's officers, analysts and admins (else None, as for an
    unknown id, so a draft's existence is not told)."""
    state = app_state(request)
    entry = state.catalogue.document(document_id)
    if entry is not None:
        return entry
    if not ownership.may_see(state.store, document_id, auth.current_user(request)):
        return None
    return state.catalogue.draft_entry(document_id)


def search_scope(
    facts: dict[int, DocumentFacts], council: str | None, doc_type: str | None
) -> list[int] | None:
    """The public documents a council / type filter keeps (None: no filter). A council's
    documents are those listed for it (its own and those shared with it), as on its page."""
    if not council and not doc_type:
        return None
    return [
        d
        for d, f in facts.items()
        if (not council or f.belongs_to(council)) and (not doc_type or f.doc_type == doc_type)
    ]


def semantic_hits(
    request: Request, q: str, council: str | None, doc_type: str | None, limit: int
) -> list[tuple[SemanticHit, DocumentFacts | None]]:
    """Passages nearest in meaning, within the council's / type's documents when asked."""
    catalogue = app_state(request).catalogue
    facts = catalogue.document_facts()

    def nearest() -> list[SemanticHit]:
        keep = search_scope(facts, council, doc_type)
        return catalogue.semantic.search(q, limit=limit, document_ids=keep)

    # The matrix is refreshed on its own clock (``SemanticIndex``): a result ranked against
    # an older matrix must not outlive it under a newer generation.
    key = ("meaning", q, council, doc_type, limit, catalogue.semantic.version())
    hits = catalogue.search_results.get(key, nearest, fresh=wants_fresh(request))
    return [(h, facts.get(h.document_id)) for h in hits]


def text_hits(
    request: Request, q: str, council: str | None, doc_type: str | None, limit: int, offset: int
) -> tuple[list[SearchHit], SearchTotal]:
    """A page of full-text hits within the council's / type's documents when asked, and how
    many blocks match in all: told by the search when it can (a short page, a ranking window
    that held every match or more than the cap), else counted and kept apart (every page of
    a query shares its total)."""
    state = app_state(request)
    results = state.catalogue.search_results
    keep = search_scope(state.catalogue.document_facts(), council, doc_type)
    fresh = wants_fresh(request)
    page = results.get(
        ("text", q, council, doc_type, limit, offset),
        lambda: state.store.search_page(
            q, limit=limit, offset=offset, marks=SNIPPET_MARKS, document_ids=keep
        ),
        fresh=fresh,
    )
    if page.total is not None:
        return page.hits, page.total
    total = results.get(
        ("total", q, council, doc_type),
        lambda: state.store.count_matches(q, document_ids=keep),
        fresh=fresh,
    )
    return page.hits, total


def wants_fresh(request: Request) -> bool:
    """Whether the client asked not to be served a kept result (``Cache-Control: no-cache``,
    as a browser's hard reload sends)."""
    return "no-cache" in request.headers.get("cache-control", "").lower()


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    council: Annotated[str | None, Query()] = None,
    doc_type: Annotated[str | None, Query()] = None,
    mode: Annotated[str, Query(max_length=10)] = "text",
    page_number: Annotated[int, Query(alias="page", ge=1, le=SEARCH_PAGES)] = 1,
) -> Response:
    state = app_state(request)
    catalogue = state.catalogue
    facts = catalogue.document_facts()
    mode = "meaning" if mode == "meaning" else "text"
    errors = filter_errors(catalogue, council=council, doc_type=doc_type)
    council = council.upper() if council else None
    hits = []
    meaning: list[tuple[SemanticHit, DocumentFacts | None]] = []
    total: SearchTotal | None = None
    searching = bool(q.strip()) and not errors
    if searching and mode == "meaning":
        meaning = semantic_hits(request, q, council, doc_type, SEARCH_LIMIT)
    elif searching:
        offset = (page_number - 1) * SEARCH_LIMIT
        shown, total = text_hits(request, q, council, doc_type, SEARCH_LIMIT, offset)
        hits = [(hit, facts.get(hit.document_id)) for hit in shown]
    table = Table(
        "results",
        f"{len(hits) + len(meaning)} results",
        [
            Column("document", "Document"),
            Column("council", "Council"),
            Column("page", "Page", numeric=True),
            Column("anchor", "Anchor"),
            Column("snippet", "Text"),
        ],
    )
    results = []
    for hit, fact in hits:
        gss = fact.council_gss if fact else None
        found = catalogue.register.by_gss(gss) if gss else None
        text, _spans = plain(hit.snippet)
        title = catalogue.document_title(hit.document_id)
        table.add(
            {
                "document": title,
                "council": found.nice_name if found else "",
                "page": hit.page,
                "anchor": f"b{hit.block_id}",
                "snippet": text,
            }
        )
        results.append(
            {
                "href": f"/documents/{hit.document_id}#b{hit.block_id}",
                "title": title,
                "where": f"page {hit.page}",
                "council": found,
                "snippet": highlight(hit.snippet),
            }
        )
    for semantic, fact in meaning:
        gss = fact.council_gss if fact else None
        found = catalogue.register.by_gss(gss) if gss else None
        title = catalogue.document_title(semantic.document_id)
        table.add(
            {
                "document": title,
                "council": found.nice_name if found else "",
                "page": semantic.page,
                "anchor": f"p{semantic.passage_id}",
                "snippet": semantic.text,
            }
        )
        results.append(
            {
                "href": f"/documents/{semantic.document_id}#p{semantic.passage_id}",
                "title": title,
                "where": f"page {semantic.page} · similarity {semantic.score:.2f}",
                "council": found,
                "snippet": semantic.text,
            }
        )
    return page(
        request,
        "search.html",
        {
            "q": q,
            "mode": mode,
            "results": results,
            "council_options": catalogue.councils_with_documents(),
            "doc_type_options": [
                (d.id, catalogue.doc_type_label(d.id)) for d in catalogue.framework.document_types
            ],
            "selected": {"council": council or "", "doc_type": doc_type or ""},
            "errors": errors,
            "total": total,
            "first": (page_number - 1) * SEARCH_LIMIT + 1,
            "previous": _search_page_href(request, page_number - 1) if page_number > 1 else None,
            "next": _search_page_href(request, page_number + 1)
            if total is not None
            and page_number < SEARCH_PAGES
            and (total.more or total.count > page_number * SEARCH_LIMIT)
            else None,
        },
        tables=[table],
        status_code=400 if errors else 200,
    )


def _search_page_href(request: Request, number: int) -> str:
    """The same search, another page of it."""
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    if number > 1:
        params["page"] = str(number)
    return f"/search?{urlencode(params)}"


STATUS_CHOICES = [
    ("evidenced", "Evidenced"),
    ("not_evidenced", "Not evidenced"),
    ("late", "Late"),
    ("no_documents", "No documents"),
]


@router.get("/compliance")
def compliance(
    request: Request,
    type: Annotated[str | None, Query(max_length=64)] = None,
    region: Annotated[str | None, Query(max_length=128)] = None,
    status: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    catalogue = app_state(request).catalogue
    errors = filter_errors(catalogue, type=type, region=region, status=status)
    results = (
        []
        if errors
        else catalogue.compliance(type=type or None, region=region or None, status=status or None)
    )
    requirements = [
        r
        for r in REQUIREMENT_LABELS
        if any(c.requirement == r for g in results[:1] for c in g.claims)
    ] or list(REQUIREMENT_LABELS)
    table = Table(
        "compliance",
        f"{len(results)} councils",
        [
            Column("council", "Council"),
            Column("gss", "GSS code"),
            Column("type", "Type"),
            Column("region", "Region"),
            Column("documents", "Documents", numeric=True),
            *[Column(r, requirement_label(r)) for r in requirements],
            Column("decision_date", "Decision date"),
            Column("body", "Body"),
        ],
    )
    for g in results:
        c = g.council
        row: dict[str, str | int | float | None] = {
            "council": c.nice_name,
            "gss": c.gss_code,
            "type": type_name(c.type),
            "region": c.region,
            "documents": len(g.documents),
        }
        for claim in g.claims:
            row[claim.requirement] = STATUS_LABELS.get(claim.status, claim.status)
            if claim.requirement == "decision_before_deadline" and claim.date:
                row["decision_date"] = claim.date.isoformat()
            if claim.requirement == "member_oversight":
                row["body"] = claim.body
        table.add(row, {"council": f"/councils/{c.gss_code}#governance"})
    return page(
        request,
        "compliance.html",
        {
            "types": [(t, type_name(t)) for t in catalogue.council_types()],
            "regions": catalogue.regions(),
            "statuses": STATUS_CHOICES,
            "selected": {"type": type or "", "region": region or "", "status": status or ""},
            "deadline": catalogue.scope_date,
            "errors": errors,
        },
        tables=[table],
        status_code=400 if errors else 200,
    )


@dataclass(frozen=True, slots=True)
class CompareSide:
    key: str
    council: Council
    type_label: str
    documents: int
    governance: GovernanceView
    content: CouncilContent


def comparison_rows(sides: list[CompareSide]) -> list[tuple[str, list[Cell]]]:
    """One row per requirement, heading, barriers and measures: statuses and counts only."""
    rows: list[tuple[str, list[Cell]]] = []
    for i, claim in enumerate(sides[0].governance.claims):
        rows.append(
            (
                claim.label,
                [
                    s.governance.claims[i].status_label if i < len(s.governance.claims) else None
                    for s in sides
                ],
            )
        )
    for i, group in enumerate(sides[0].content.headings):
        rows.append(
            (f"Passages: {group.label}", [len(s.content.headings[i].passages) for s in sides])
        )
    rows.append(("Barriers named", ["; ".join(g.label for g in s.content.barriers) for s in sides]))
    rows.append(("Measurement passages", [len(s.content.measures) for s in sides]))
    return rows


@router.get("/compare")
def compare(
    request: Request,
    a: Annotated[str | None, Query(max_length=9)] = None,
    b: Annotated[str | None, Query(max_length=9)] = None,
) -> Response:
    catalogue = app_state(request).catalogue
    sides: list[CompareSide] = []
    errors = {}
    for key, gss in (("a", a), ("b", b)):
        if not gss:
            continue
        found = catalogue.council(gss)
        if found is None:
            errors[key] = f"No council with GSS code {gss}."
            continue
        sides.append(
            CompareSide(
                key=key,
                council=found,
                type_label=type_name(found.type),
                documents=len(catalogue.documents(council_gss=found.gss_code)),
                governance=governance_view(catalogue, found),
                content=council_content(catalogue, found.gss_code),
            )
        )
    table = Table(
        "comparison",
        "Side by side",
        [Column("row", "What"), *[Column(side.key, side.council.nice_name) for side in sides]],
    )
    if len(sides) == 2:
        for row_label, values in comparison_rows(sides):
            table.add({"row": row_label, **dict(zip([x.key for x in sides], values, strict=True))})
    options = [(c.gss_code, c.nice_name) for c in catalogue.councils_in_scope()]
    return page(
        request,
        "compare.html",
        {
            "sides": sides,
            "errors": errors,
            "options": options,
            "selected": {"a": (a or "").upper(), "b": (b or "").upper()},
            "with_documents": {e.council.gss_code for e in catalogue.councils(with_documents=True)},
        },
        tables=[table],
    )
