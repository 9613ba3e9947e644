"""The sector dashboard, its evidence pages, downloads and the sector JSON API.

Pages: ``/dashboard`` (the report's analyses, live, filtered by council type and region),
``/dashboard/evidence/{key}`` (the citations behind one count), ``/downloads``. Files: CSV per
sector table, XLSX, JSON, the report as HTML and PDF, and a zip of the ingested originals
(analysts and admins only: originals include files officers uploaded, which may be drafts never
published). API: ``/api/sector/tables``, ``/api/sector/tables/{name}``, ``/api/sector/coverage``.
All figures come from ``web.dashboard`` (the sector functions, cached per data generation).
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from productivity_plans.sector.groups import ALL, TYPE_LABELS, group_label
from productivity_plans.store.accounts import User
from productivity_plans.web import auth
from productivity_plans.web.dashboard import (
    SMALL_BASE,
    Filters,
    View,
    dashboard,
    shade,
    small_base,
)
from productivity_plans.web.filters import check_api_filters, filter_errors
from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Column, Table, to_csv

router = APIRouter()
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/sector", tags=["sector"])

TABLE_NAME = r"^[a-z_]{1,40}$"
# section.group.item; an item may itself hold dots (a sub-question id: "heading.q1").
EVIDENCE_KEY = r"^[a-z_-]{1,40}\.[a-z_]{1,40}\.[A-Za-z0-9_.-]{1,80}$"
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
CouncilType = Literal[
    "non_metropolitan_district",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "county",
    "city_corporation",
]


def _filters(request: Request, type: str | None, region: str | None) -> Filters:
    """Known values only, regions in the register's spelling; an unknown value is a 422
    (``web.filters``): a typo must not look like the whole sector."""
    catalogue = app_state(request).catalogue
    check_api_filters(catalogue, type=type, region=region)
    known_type = type if type in TYPE_LABELS else None
    regions = {r.lower(): r for r in catalogue.regions()}
    return Filters.of(known_type, regions.get((region or "").lower()))


def _options(request: Request) -> dict[str, Any]:
    catalogue = app_state(request).catalogue
    return {
        "type_options": [(t, group_label(t)) for t in catalogue.council_types()],
        "region_options": catalogue.regions(),
    }


def _view(request: Request, filters: Filters) -> View:
    return dashboard(request).view(filters)


# Pages -----------------------------------------------------------------------------------


@pages.get("/dashboard")
def dashboard_page(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    """Unknown filter values: the whole sector under an error summary (status 400)."""
    errors = filter_errors(app_state(request).catalogue, type=type, region=region)
    filters = Filters() if errors else _filters(request, type, region)
    view = _view(request, filters)
    templates = app_state(request).templates
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "errors": errors,
            "view": view,
            "filters": filters,
            "results_html": view.rendered(
                "results",
                lambda: templates.get_template("dashboard_results.html").render(
                    view=view,
                    filters=filters,
                    shade=shade,
                    small_base=small_base,
                    small_base_size=SMALL_BASE,
                    label=view.label,
                    ALL=ALL,
                ),
            ),
            **_options(request),
        },
        status_code=400 if errors else 200,
    )


@pages.get("/dashboard/evidence/{key}")
def evidence_page(
    request: Request,
    key: Annotated[str, Path(pattern=EVIDENCE_KEY)],
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    view = _view(request, filters)
    if key not in view.evidence:
        raise HTTPException(status_code=404, detail="No such figure on the dashboard.")
    return app_state(request).templates.TemplateResponse(
        request,
        "dashboard_evidence.html",
        {"view": view, "key": key, "cites": view.evidence[key], "filters": filters},
    )


@pages.get("/downloads")
def downloads_page(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    view = _view(request, filters)
    user = auth.current_user(request)
    return app_state(request).templates.TemplateResponse(
        request,
        "dashboard_downloads.html",
        {
            "view": view,
            "filters": filters,
            "can_download_originals": _may_download_originals(user),
            **_options(request),
        },
    )


# Files -----------------------------------------------------------------------------------


def _attachment(
    data: bytes | str, media_type: str, filename: str, *, inline: bool = False
) -> Response:
    disposition = "inline" if inline else "attachment"
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{filename}"'},
    )


def _suffix(filters: Filters) -> str:
    parts = [p for p in (filters.type, filters.region) if p]
    return "".join("-" + "".join(ch if ch.isalnum() else "-" for ch in p.lower()) for p in parts)


def table_csv(rows: list[dict[str, Any]], name: str) -> str:
    """A sector table as CSV through the site's one CSV writer (formula-like cells defused)."""
    keys = list(dict.fromkeys(k for r in rows for k in r)) or ["empty"]
    table = Table(name, name, [Column(k, k) for k in keys])
    for row in rows:
        table.add(
            {
                k: v if v is None or isinstance(v, str | int | float) else str(v)
                for k, v in row.items()
            }
        )
    return to_csv(table)


@pages.get("/downloads/tables/{name}.csv")
def download_table(
    request: Request,
    name: Annotated[str, Path(pattern=TABLE_NAME)],
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    view = _view(request, filters)
    if name not in view.tables:
        raise HTTPException(status_code=404, detail="No such table.")
    data = table_csv(view.tables[name], name)
    return _attachment(data, "text/csv; charset=utf-8", f"{name}{_suffix(filters)}.csv")


def _xlsx(view: View, tmp: FilePath) -> bytes:
    from productivity_plans.export import write_xlsx

    return write_xlsx(view.tables, tmp / "sector.xlsx").read_bytes()


def _json(view: View, tmp: FilePath) -> bytes:
    from productivity_plans.export import write_json

    meta = {
        "source": view.snapshot.source_line,
        "model_version": view.snapshot.model_version,
        "type": view.filters.type,
        "region": view.filters.region,
    }
    return write_json(view.tables, tmp / "sector.json", meta).read_bytes()


def _report_html(view: View, tmp: FilePath) -> bytes:
    from productivity_plans.report import render_html

    return render_html(view.results).encode("utf-8")


def _report_pdf(view: View, tmp: FilePath) -> bytes:
    from productivity_plans.report import build_report

    paths = build_report(view.snapshot, tmp, pdf=True, results=view.results)
    assert paths.pdf is not None
    return paths.pdf.read_bytes()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pages.get("/downloads/sector.xlsx")
def download_xlsx(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    data = dashboard(request).file("xlsx", filters, _xlsx)
    return _attachment(data, XLSX, f"sector{_suffix(filters)}.xlsx")


@pages.get("/downloads/sector.json")
def download_json(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    data = dashboard(request).file("json", filters, _json)
    return _attachment(data, "application/json", f"sector{_suffix(filters)}.json")


@pages.get("/downloads/sector-report.html")
def download_report_html(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    data = dashboard(request).file("report.html", filters, _report_html)
    response = _attachment(
        data, "text/html; charset=utf-8", f"sector-report{_suffix(filters)}.html", inline=True
    )
    # The report is self-contained: inline CSS, inline SVG, no scripts. Its own policy lets
    # that CSS apply and still forbids every script and every fetch.
    response.headers["Content-Security-Policy"] = REPORT_CSP
    return response


@pages.get("/downloads/sector-report.pdf")
def download_report_pdf(
    request: Request,
    type: Annotated[str | None, Query()] = None,
    region: Annotated[str | None, Query()] = None,
) -> Response:
    filters = _filters(request, type, region)
    data = dashboard(request).file("report.pdf", filters, _report_pdf)
    return _attachment(data, "application/pdf", f"sector-report{_suffix(filters)}.pdf")


def _may_download_originals(user: User | None) -> bool:
    return user is not None and user.role in ("analyst", "admin")


def require_originals(request: Request) -> User:
    """Analysts and admins: the zip holds the files as stored (public documents only)."""
    user = auth.current_user(request)
    if user is None:
        raise auth.LoginRequired(auth.login_url(request))
    if not _may_download_originals(user):
        raise HTTPException(
            status_code=403, detail="Only analysts and admins can download the original files."
        )
    return user


@pages.get("/downloads/originals.zip")
def download_originals(
    request: Request, user: Annotated[User, Depends(require_originals)]
) -> Response:
    import tempfile

    from productivity_plans.export import write_originals_zip

    originals = dashboard(request).originals()
    with tempfile.TemporaryDirectory(prefix="prodplans-zip-") as tmp:
        data = write_originals_zip(originals, FilePath(tmp) / "originals.zip").read_bytes()
    return _attachment(data, "application/zip", "originals.zip")


# API -------------------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiError(_Out):
    detail: str


class TableInfoOut(_Out):
    name: str
    rows: int
    columns: list[str]
    csv: str


Value = str | int | float | bool | None


class TableOut(_Out):
    name: str
    type: str | None
    region: str | None
    columns: list[str]
    rows: list[dict[str, Value]]


class CoverageOut(_Out):
    level: Literal["heading", "question"]
    group: str
    group_label: str
    item: str
    heading: str
    councils_with_documents: int
    answered: int
    restated: int
    absent: int
    share_answered: float
    evidence: list[str]


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ApiError, "description": "Not found"}}
ApiType = Annotated[CouncilType | None, Query(description="Council type")]
ApiRegion = Annotated[
    str | None, Query(max_length=60, description="Region, e.g. London (422 if unknown)")
]


def _api_filters(request: Request, type: str | None, region: str | None) -> Filters:
    return _filters(request, type, region)


@api.get("/tables", response_model=list[TableInfoOut], summary="The sector tables")
def api_tables(request: Request) -> list[TableInfoOut]:
    view = _view(request, Filters())
    return [
        TableInfoOut(
            name=name,
            rows=len(rows),
            columns=list(dict.fromkeys(k for r in rows for k in r)),
            csv=f"/downloads/tables/{name}.csv",
        )
        for name, rows in view.tables.items()
    ]


@api.get(
    "/tables/{name}",
    response_model=TableOut,
    responses=NOT_FOUND,
    summary="One sector table's rows",
)
def api_table(
    request: Request,
    name: Annotated[str, Path(pattern=TABLE_NAME, description="Table name")],
    type: ApiType = None,
    region: ApiRegion = None,
) -> TableOut:
    filters = _api_filters(request, type, region)
    view = _view(request, filters)
    if name not in view.tables:
        raise HTTPException(status_code=404, detail="no such table")
    rows = view.tables[name]
    return TableOut(
        name=name,
        type=filters.type,
        region=filters.region,
        columns=list(dict.fromkeys(k for r in rows for k in r)),
        rows=[{k: v if isinstance(v, Value) else str(v) for k, v in r.items()} for r in rows],
    )


@api.get(
    "/coverage",
    response_model=list[CoverageOut],
    responses=NOT_FOUND,
    summary="Coverage of headings and sub-questions by council type, and across all councils",
)
def api_coverage(
    request: Request, type: ApiType = None, region: ApiRegion = None
) -> list[CoverageOut]:
    filters = _api_filters(request, type, region)
    view = _view(request, filters)
    out: list[CoverageOut] = []
    for level, shares in (
        ("heading", [*view.results.coverage_by_type, *view.heading_all]),
        ("question", [*view.results.coverage_questions_by_type, *view.question_all]),
    ):
        for s in shares:
            out.append(
                CoverageOut(
                    level=level,  # type: ignore[arg-type]
                    group="all" if s.group == ALL else s.group,
                    group_label=view.label(s.group),
                    item=s.item,
                    heading=s.heading,
                    councils_with_documents=s.councils_with_documents,
                    answered=s.answered,
                    restated=s.restated,
                    absent=s.absent,
                    share_answered=s.share_answered,
                    evidence=[c.ref for c in s.evidence],
                )
            )
    return out


router.include_router(pages)
router.include_router(api)
