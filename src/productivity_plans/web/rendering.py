"""Render a page, or one of its tables as CSV when ``?format=csv`` asks for it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from starlette.responses import Response

from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Table, csv_response


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    tables: list[Table] | None = None,
    status_code: int = 200,
) -> Response:
    tables = tables or []
    if request.query_params.get("format") == "csv":
        wanted = request.query_params.get("table")
        for table in tables:
            if wanted in (None, table.name):
                return csv_response(table)
        raise HTTPException(status_code=404, detail="no such table on this page")
    return app_state(request).templates.TemplateResponse(
        request,
        template,
        {**context, "tables": {t.name: t for t in tables}},
        status_code=status_code,
    )


def csv_href(request: Request, table: Table) -> str:
    """The current page's URL with format=csv and table=<name>."""
    params = {k: v for k, v in request.query_params.items() if k not in ("format", "table")}
    params.update({"format": "csv", "table": table.name})
    return f"{request.url.path}?{urlencode(params)}"
