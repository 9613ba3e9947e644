"""Sign in and out, change or reset a password, and the audit log (admins)."""

from __future__ import annotations

import math
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


def wait_message(retry_after: int) -> str:
    """What a refused person reads: when to try again, not which limit was reached (that would
    say whether the account exists)."""
    minutes = math.ceil(retry_after / 60)
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed attempts. Wait {minutes} {unit}, then try again"


def _refused(response: Response, retry_after: int) -> Response:
    """HTTP's way of saying when to come back, for scripts and browsers alike."""
    response.headers["Retry-After"] = str(retry_after)
    return response


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
    if errors:
        context = {"next": auth.safe_next(next), "errors": errors, "email": email}
        return page(request, "login.html", context, status_code=400)
    state = app_state(request)
    check = accounts.sign_in(
        state.store,
        email,
        password,
        address=auth.client_address(request),
        limits=state.sign_in_limits,
    )
    context = {"next": auth.safe_next(next), "email": email}
    if check.retry_after is not None:
        context["errors"] = {"email": wait_message(check.retry_after)}
        response = page(request, "login.html", context, status_code=429)
        return _refused(response, check.retry_after)
    if check.user is None:
        context["errors"] = {"email": "The e-mail address or password is not right"}
        return page(request, "login.html", context, status_code=401)
    auth.login(request, check.user)
    return RedirectResponse(auth.safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request) -> Response:
    user = auth.current_user(request)
    if user is not None:
        accounts.record(app_state(request).store, user, "user.logout", f"user:{user.email}", {})
    auth.logout(request)
    return RedirectResponse("/", status_code=303)


def _new_password_errors(new: str, confirm: str) -> dict[str, str]:
    if not new:
        return {"new_password": "Enter a new password"}
    try:
        accounts.check_new_password(new)
    except accounts.AccountError as error:
        return {"new_password": str(error).capitalize()}
    if confirm != new:
        return {"confirm_password": "The two new passwords are not the same"}
    return {}


def _password_page(
    request: Request, errors: dict[str, str], *, changed: bool = False, status: int = 200
) -> Response:
    context = {"errors": errors, "changed": changed}
    return page(request, "password.html", context, status_code=status)


def _reset_page(
    request: Request, errors: dict[str, str], *, email: str = "", reset: str | None = None
) -> Response:
    context = {"errors": errors, "email": email, "reset": reset}
    return page(request, "password_reset.html", context, status_code=400 if errors else 200)


@router.get("/account/password")
def password_form(
    request: Request, user: Annotated[User, Depends(auth.require_user_page)]
) -> Response:
    return _password_page(request, {})


@router.post("/account/password", dependencies=[Depends(require_csrf)])
def change_password(
    request: Request,
    user: Annotated[User, Depends(auth.require_user_page)],
    current_password: Annotated[str, Form(max_length=1024)] = "",
    new_password: Annotated[str, Form(max_length=1024)] = "",
    confirm_password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    """The signed-in user's own password; their other sessions end, this one goes on."""
    errors = {} if current_password else {"current_password": "Enter your current password"}
    errors |= _new_password_errors(new_password, confirm_password)
    if errors:
        return _password_page(request, errors, status=400)
    state = app_state(request)
    check = accounts.change_password(
        state.store,
        user,
        current_password,
        new_password,
        address=auth.client_address(request),
        limits=state.sign_in_limits,
    )
    if check.retry_after is not None:
        errors = {"current_password": wait_message(check.retry_after)}
        return _refused(_password_page(request, errors, status=429), check.retry_after)
    if check.user is None:
        errors = {"current_password": "Your current password is not right"}
        return _password_page(request, errors, status=400)
    auth.login(request, check.user)
    return _password_page(request, {}, changed=True)


@router.get("/users/password")
def reset_form(
    request: Request, user: Annotated[User, Depends(auth.require_admin_page)]
) -> Response:
    return _reset_page(request, {})


@router.post("/users/password", dependencies=[Depends(require_csrf)])
def reset_password(
    request: Request,
    user: Annotated[User, Depends(auth.require_admin_page)],
    email: Annotated[str, Form(max_length=320)] = "",
    new_password: Annotated[str, Form(max_length=1024)] = "",
    confirm_password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    """An admin sets someone's password; all of that person's sessions end."""
    errors = {} if email.strip() else {"email": "Enter the e-mail address of the account"}
    errors |= _new_password_errors(new_password, confirm_password)
    if errors:
        return _reset_page(request, errors, email=email)
    try:
        changed = accounts.reset_password(app_state(request).store, email, new_password, by=user)
    except accounts.AccountError as error:
        return _reset_page(request, {"email": str(error).capitalize()}, email=email)
    if changed.id == user.id:
        auth.login(request, changed)  # an admin resetting their own password stays signed in
    return _reset_page(request, {}, reset=changed.email)


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
