"""The web app: ``create_app(database_url)`` returns a FastAPI application.

Server-rendered pages (Jinja2 + GOV.UK Frontend macros), every one working without JavaScript;
HTMX and a little script of ours only enhance them. The JSON API lives under ``/api``.
All assets are served from ``static/`` (vendored by ``scripts/vendor-assets.sh``); nothing is
fetched from anywhere else at run time.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from productivity_plans import __version__
from productivity_plans.config import Limits, data_dir
from productivity_plans.store.db import Store
from productivity_plans.web import auth
from productivity_plans.web.catalogue import Catalogue
from productivity_plans.web.dashboard import REFRESH_AFTER
from productivity_plans.web.filters import describe_known_values
from productivity_plans.web.rendering import csv_href
from productivity_plans.web.routes import (
    accounts,
    api,
    api_coded,
    api_workspace,
    disputes,
    pages,
    review,
    upload,
    workspace,
)
from productivity_plans.web.routes import dashboard as dashboard_routes
from productivity_plans.web.security import (
    SESSION_COOKIE,
    SecurityHeadersMiddleware,
    SessionMiddleware,
    csrf_token,
)
from productivity_plans.web.state import AppState, app_state

STATIC_DIR = Path(__file__).resolve().parent / "static"
SECRET_KEY_ENV = "PRODPLANS_SECRET_KEY"
SERVICE_NAME = "Productivity plans"


def _secret_key(explicit: str | None) -> str:
    """Explicit, else $PRODPLANS_SECRET_KEY, else a random key kept in the data directory."""
    if explicit:
        return explicit
    if from_env := os.environ.get(SECRET_KEY_ENV):
        return from_env
    path = data_dir() / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def _context(request: Request) -> dict[str, Any]:
    user = auth.current_user(request)
    return {
        "current_user": user,
        "csrf_token": csrf_token(request.session),
        "csp_nonce": getattr(request.state, "csp_nonce", ""),
        "service_name": SERVICE_NAME,
        "path": request.url.path,
        "csv_href": lambda table: csv_href(request, table),
    }


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("productivity_plans.web", "templates"),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env, context_processors=[_context])


SECURE_COOKIES_ENV = "PRODPLANS_SECURE_COOKIES"


def _one_thread_per_request() -> None:
    """Requests already run in parallel threads; BLAS and the tokenizer each starting a thread
    per core inside every request oversubscribes the CPUs (search by meaning fell from 18 ms
    alone to ~80 ms of CPU per request under 20 clients). One thread each, per request."""
    from threadpoolctl import threadpool_limits

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    threadpool_limits(1)


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` with several worker processes: each worker builds its
    own from the environment (database URL, cookie policy), sharing the persisted secret key."""
    from productivity_plans.config import Settings

    settings = Settings.load(None)
    secure = os.environ.get(SECURE_COOKIES_ENV)
    return create_app(
        settings.database_url,
        limits=settings.limits,
        secure_cookies=None if secure is None else secure == "1",
    )


def create_app(
    database_url: str,
    *,
    secret_key: str | None = None,
    uploads_dir: Path | None = None,
    limits: Limits | None = None,
    secure_cookies: bool | None = None,
    dashboard_refresh: float = REFRESH_AFTER,
) -> FastAPI:
    """The app over the store at ``database_url`` (migrated on open, closed on shutdown).

    ``secure_cookies``: None marks the session cookie Secure except for http on a loopback
    host; True or False forces it. ``dashboard_refresh``: seconds the dashboard serves a
    snapshot before a change to the data rebuilds it in the background (``web/dashboard.py``).
    """
    _one_thread_per_request()
    store = Store.open(database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title=f"{SERVICE_NAME} API",
        version=__version__,
        description="English councils' 2024 productivity plans: councils, documents, search. "
        "Coverage and evidence only: plans are never rated or scored.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.prodplans = AppState(
        store=store,
        catalogue=Catalogue(store),
        templates=make_templates(),
        uploads_dir=uploads_dir or data_dir() / "uploads",
        limits=limits or Limits.from_env(),
        dashboard_refresh=dashboard_refresh,
    )
    app.add_middleware(SessionMiddleware, secret_key=_secret_key(secret_key), secure=secure_cookies)
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: headers on every response
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(pages.router)
    app.include_router(upload.router)
    app.include_router(review.router)
    app.include_router(workspace.router)
    app.include_router(disputes.router)
    app.include_router(accounts.router)
    app.include_router(api.router)
    app.include_router(api_coded.router)
    app.include_router(api_workspace.router)
    app.include_router(dashboard_routes.router)
    _add_health(app)
    _add_docs(app)
    _declare_security(app)
    _add_error_handlers(app)
    return app


def _add_health(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """Liveness, and the benchmark's baseline: routing and middleware, no store access."""
        return {"status": "ok"}


def _add_docs(app: FastAPI) -> None:
    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return app_state(request).templates.TemplateResponse(request, "api_docs.html", {})


def _declare_security(app: FastAPI) -> None:
    """Say in the OpenAPI description what the routes' own signatures do not: how the API is
    signed in to (the session cookie set by ``POST /login`` on every operation that answers
    401, the CSRF header on every unsafe one: every unsafe route checks it), and the values
    each filter accepts."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
            describe_known_values(schema, app.state.prodplans.catalogue)
            for operations in schema.get("paths", {}).values():
                for method, operation in operations.items():
                    _add_operation_security(method, operation)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


SECURITY_SCHEMES = {
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": "The signed session cookie set by signing in (POST /login).",
    },
    "csrf": {
        "type": "apiKey",
        "in": "header",
        "name": "X-CSRF-Token",
        "description": "The session's CSRF token (the csrf_token field of any signed-in page), "
        "required on every unsafe request.",
    },
}


def _add_operation_security(method: str, operation: dict[str, Any]) -> None:
    needs = []
    if "401" in operation.get("responses", {}):
        needs.append("session")
    if method.upper() not in ("GET", "HEAD", "OPTIONS"):
        needs.append("csrf")
    if needs:
        operation["security"] = [{name: [] for name in needs}]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(auth.LoginRequired)
    async def login_required(request: Request, exc: auth.LoginRequired) -> Response:
        return RedirectResponse(exc.next_url, status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        return app_state(request).templates.TemplateResponse(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        detail = exc.detail if isinstance(exc, HTTPException) else "Not found"
        return await http_error(request, HTTPException(status_code=404, detail=detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            from fastapi.encoders import jsonable_encoder

            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return HTMLResponse(
            app_state(request)
            .templates.get_template("error.html")
            .render(
                status=422,
                detail="Some of what was sent could not be understood.",
                **_context(request),
            ),
            status_code=422,
        )
