"""Who is asking, and may they? Roles are checked here, once, for pages and the API alike.

public   – no account: reads the public record: documents collected from public sources
           (council web pages, committee papers) and uploads a council has published.
analyst  – reads (every council's drafts too), and reviews coded passages (accept, reject,
           recode machine codes).
officer  – uploads documents for their own council (GSS code on the account) only, as private
           drafts it may publish, withdraw or delete; sees its own council's drafts; keeps its
           workspace: recorded governance steps, progress updates, disputes.
admin    – everything, including uploads for any council and the audit log.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import HTTPException, Request

from productivity_plans.store import accounts
from productivity_plans.store.accounts import User
from productivity_plans.web.state import app_state

USER_KEY = "uid"
SESSION_VERSION_KEY = "sv"  # the user's session version when this session began


class LoginRequired(Exception):
    """Raised by page dependencies; the app turns it into a redirect to the login page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def current_user(request: Request) -> User | None:
    """The signed-in, active user, read fresh from the store once per request."""
    if "user" in request.state._state:
        cached: User | None = request.state.user
        return cached
    user: User | None = None
    user_id = request.session.get(USER_KEY)
    if isinstance(user_id, int):
        found = accounts.get_user(app_state(request).store, user_id)
        version = request.session.get(SESSION_VERSION_KEY, 0)
        if found and found.active and version == found.session_version:
            user = found
        else:  # gone, deactivated, or its password changed since this session began
            request.session.pop(USER_KEY, None)
            request.session.pop(SESSION_VERSION_KEY, None)
    request.state.user = user
    return user


def login(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` (a new CSRF token too: no fixation)."""
    request.session.clear()
    request.session[USER_KEY] = user.id
    request.session[SESSION_VERSION_KEY] = user.session_version
    request.state.user = user


def logout(request: Request) -> None:
    request.session.clear()
    request.state.user = None


def safe_next(next_url: str | None) -> str:
    """Only same-site paths: never ``//evil.example`` or ``https://…``."""
    if next_url and next_url.startswith("/") and not next_url.startswith(("//", "/\\")):
        return next_url
    return "/"


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='/')}"


def client_address(request: Request) -> str:
    """The peer's address: behind a reverse proxy, the proxy's (forwarded headers are not
    trusted, since anyone can send them)."""
    return request.client.host if request.client else "unknown"


def require_user_page(request: Request) -> User:
    """Page dependency: anyone signed in."""
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    return user


def require_uploader_page(request: Request) -> User:
    """Page dependency: officers and admins; others are sent to log in or refused."""
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    if not user.can_upload:
        raise HTTPException(status_code=403, detail="Only council officers and admins can upload.")
    return user


WORKSPACE_ROLES = frozenset({"officer", "analyst", "admin"})


def require_uploads_page(request: Request) -> User:
    """Page dependency for "My uploads": any signed-in role (officers see their own council's,
    analysts and admins every council's)."""
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    if user.role not in WORKSPACE_ROLES:
        raise HTTPException(status_code=403, detail="Sign in as a council officer to see uploads.")
    return user


def require_admin_page(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="Only admins can see this page.")
    return user


def require_uploader_api(request: Request) -> User:
    """API dependency: 401 without a session, 403 for a role that cannot upload."""
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    if not user.can_upload:
        raise HTTPException(status_code=403, detail="only council officers and admins can upload")
    return user


def require_signed_in_api(request: Request) -> User:
    """API dependency: any signed-in user (401 without a session)."""
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    return user


REVIEWER_ROLES = frozenset({"analyst", "admin"})


def require_analyst_page(request: Request) -> User:
    """Page dependency for the review queue: analysts and admins."""
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    if user.role not in REVIEWER_ROLES:
        raise HTTPException(status_code=403, detail="Only analysts and admins can review codes.")
    return user


def require_analyst_api(request: Request) -> User:
    """API dependency: 401 without a session, 403 for officers."""
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    if user.role not in REVIEWER_ROLES:
        raise HTTPException(status_code=403, detail="only analysts and admins can review codes")
    return user


WORKSPACE_READERS = frozenset({"analyst", "admin"})


def may_read_workspace(user: User | None, council_gss: str) -> bool:
    """A council's workspace (drafts, disputes): its officers, analysts and admins."""
    if user is None or not user.active:
        return False
    return user.role in WORKSPACE_READERS or user.council_gss == council_gss.upper()


def require_workspace_page(request: Request, gss: str) -> User:
    """Page guard: sign in first; another council's officer is refused."""
    user = current_user(request)
    if user is None:
        raise LoginRequired(login_url(request))
    if not may_read_workspace(user, gss):
        raise HTTPException(status_code=403, detail="This is another council's workspace.")
    return user


def require_workspace_api(request: Request, gss: str) -> User:
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    if not may_read_workspace(user, gss):
        raise HTTPException(status_code=403, detail="this is another council's workspace")
    return user
