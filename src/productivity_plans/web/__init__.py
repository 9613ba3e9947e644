"""The web app: FastAPI + Jinja2 pages styled with the GOV.UK Design System, and a JSON API."""

from productivity_plans.web.app import create_app

__all__ = ["create_app"]
