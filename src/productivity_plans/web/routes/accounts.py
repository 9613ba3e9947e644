"""Log in, log out, and the audit log (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from productivity_plans.store import accounts
from productivity_plans.store.accounts import User
from productivity_plans.web import auth
from productivity_plans.web.rendering import page
from productivity_plans.web.security import require_csrf
from productivity_plans.web.state import app_state
from productivity_plans.web.tables import Column, Table

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "login.html", {"next": auth.safe_next(next), "errors": {}, "email": ""})


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(
    request: Request,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    errors: dict[str, str] = {}
    if not email.strip():
        errors["email"] = "Enter your e-mail address"
    if not password:
        errors["password"] = "Enter your password"
    user = None
    if not errors:
        user = accounts.authenticate(app_state(request).store, email, password)
        if user is None:
            errors["email"] = "The e-mail address or password is not right"
    if user is None:
        context = {"next": auth.safe_next(next), "errors": errors, "email": email}
        return page(request, "login.html", context, status_code=401 if email else 400)
    auth.login(request, user)
    return RedirectResponse(auth.safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request) -> Response:
    user = auth.current_user(request)
    if user is not None:
        accounts.record(app_state(request).store, user, "user.logout", f"user:{user.email}", {})
    auth.logout(request)
    return RedirectResponse("/", status_code=303)


@router.get("/audit")
def audit(request: Request, user: Annotated[User, Depends(auth.require_admin_page)]) -> Response:
    table = Table(
        "audit",
        "Audit log, newest first",
        [
            Column("at", "When (UTC)"),
            Column("actor", "Who"),
            Column("action", "What"),
            Column("target", "Target"),
            Column("detail", "Detail"),
        ],
    )
    for entry in accounts.audit_entries(app_state(request).store):
        table.add(
            {
                "at": entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                "actor": entry.actor,
                "action": entry.action,
                "target": entry.target,
                "detail": ", ".join(f"{k}={v}" for k, v in sorted(entry.detail.items())),
            }
        )
    return page(request, "audit.html", {}, tables=[table])
