"""Sessions, CSRF and response headers.

Sessions are a signed cookie (itsdangerous, HMAC-SHA1 over a JSON payload with a timestamp):
the server keeps no session table, and a cookie older than ``SESSION_MAX_AGE`` or signed with
another key is ignored. It holds only the user id and the CSRF token; the user is re-read from
the store on every request, so deactivating an account takes effect at once.

Cookie flags: HttpOnly and SameSite=Lax always; Secure unless the request is plain http to a
loopback host (``localhost``, ``127.0.0.1``, ``::1``), so local development works over http while
anything else only ever sends the cookie over TLS. Behind a proxy that talks to the app over
loopback, force it with ``secure_cookies=True`` (``prodplans serve --secure-cookies``).

CSRF: a synchroniser token, random per session, rendered into every form as a hidden field
``csrf_token`` (or sent as the ``X-CSRF-Token`` header by scripts and the API) and compared in
constant time on every unsafe request. A missing or wrong token is a 403.

Headers: a Content-Security-Policy with a per-request nonce (the only inline script is the GOV.UK
template's one-line ``js-enabled`` switch), no framing, no sniffing, same-origin referrers.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "pp_session"
SESSION_MAX_AGE = 8 * 60 * 60  # seconds: a working day
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def _host(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"host":
            host: str = value.decode("latin-1")
            if host.startswith("["):
                return host[: host.find("]") + 1]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    server = scope.get("server")
    return str(server[0]) if server else ""


def cookie_is_secure(scope: Scope, forced: bool | None) -> bool:
    if forced is not None:
        return forced
    return scope.get("scheme") == "https" or _host(scope) not in LOOPBACK_HOSTS


class SessionMiddleware:
    """Signed-cookie sessions in ``scope["session"]`` (what ``request.session`` reads)."""

    def __init__(self, app: ASGIApp, secret_key: str, *, secure: bool | None = None) -> None:
        self.app = app
        self.serializer = URLSafeTimedSerializer(secret_key, salt="prodplans.session")
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        initial = self._load(scope)
        scope["session"] = dict(initial)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                session: dict[str, Any] = scope["session"]
                if session != initial:
                    headers = MutableHeaders(scope=message)
                    headers.append("Set-Cookie", self._cookie(scope, session))
                    headers.append("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _load(self, scope: Scope) -> dict[str, Any]:
        for name, value in scope.get("headers", []):
            if name != b"cookie":
                continue
            cookie: SimpleCookie = SimpleCookie()
            try:
                cookie.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header is just no session
                return {}
            if SESSION_COOKIE in cookie:
                try:
                    data = self.serializer.loads(
                        cookie[SESSION_COOKIE].value, max_age=SESSION_MAX_AGE
                    )
                except (BadSignature, json.JSONDecodeError, UnicodeDecodeError):
                    return {}
                return data if isinstance(data, dict) else {}
        return {}

    def _cookie(self, scope: Scope, session: dict[str, Any]) -> str:
        flags = "Path=/; HttpOnly; SameSite=Lax"
        if cookie_is_secure(scope, self.secure):
            flags += "; Secure"
        if not session:
            return f"{SESSION_COOKIE}=; Max-Age=0; {flags}"
        value = self.serializer.dumps(session)
        return f"{SESSION_COOKIE}={value}; Max-Age={SESSION_MAX_AGE}; {flags}"


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """This session's token, made on first use."""
    token = session.get("csrf")
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def rotate_csrf_token(session: MutableMapping[str, Any]) -> str:
    session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


async def require_csrf(request: Request) -> None:
    """FastAPI dependency on every unsafe route: 403 unless the token matches the session's."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not (
        isinstance(expected, str)
        and sent
        and hmac.compare_digest(expected.encode(), sent.encode("utf-8", "replace"))
    ):
        raise HTTPException(status_code=403, detail="missing or invalid CSRF token")


def content_security_policy(nonce: str, *, relaxed_styles: bool = False) -> str:
    style = "'self' 'unsafe-inline'" if relaxed_styles else "'self'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src {style}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """A CSP nonce per request (``request.state.csp_nonce``) and the headers that use it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        relaxed = scope.get("path", "") == "/api/docs"  # Swagger UI sets inline styles

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault(
                    "Content-Security-Policy",
                    content_security_policy(nonce, relaxed_styles=relaxed),
                )
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)
