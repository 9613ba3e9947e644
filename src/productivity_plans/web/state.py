"""What every request can reach: the store, the catalogue, templates and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from productivity_plans.config import Limits
from productivity_plans.store.accounts import SignInLimits
from productivity_plans.store.db import Store
from productivity_plans.web.catalogue import Catalogue


@dataclass(slots=True)
class AppState:
    store: Store
    catalogue: Catalogue
    templates: Jinja2Templates
    uploads_dir: Path
    limits: Limits
    dashboard_refresh: float  # seconds (web.dashboard.REFRESH_AFTER by default)
    max_files_per_upload: int = 20
    sign_in_limits: SignInLimits = field(default_factory=SignInLimits.from_env)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.prodplans
    return state
