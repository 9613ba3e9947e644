"""Changing a password in Chromium, with axe-core's WCAG 2.x A/AA checks on each state of the
change and reset forms."""

from __future__ import annotations

import json
from typing import Any

from productivity_plans.store import Store, accounts
from tests.web.conftest import PASSWORD, Seeded
from tests.web.test_browser import axe_violations, sign_in

NEW_PASSWORD = "a different long passphrase"


def _no_violations(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {json.dumps(violations, indent=1)}"


def test_a_user_changes_their_password_in_the_browser(axe_page: Any, seeded: Seeded) -> None:
    email = "changes-in-browser@example.org"
    with Store.open(seeded.url) as store:
        accounts.create_user(store, email, PASSWORD, "analyst")
    page = axe_page
    sign_in(page, email)
    page.click("a:has-text('Password')")
    page.wait_for_url("**/account/password")
    _no_violations(page)
    page.fill("#current_password", PASSWORD)
    page.fill("#new_password", NEW_PASSWORD)
    page.fill("#confirm_password", NEW_PASSWORD + " typo")
    page.click("button:has-text('Change password')")
    page.wait_for_selector(".govuk-error-summary")
    assert "are not the same" in page.inner_text(".govuk-error-summary")
    assert page.title().startswith("Error:")
    _no_violations(page)
    page.fill("#current_password", PASSWORD)
    page.fill("#new_password", NEW_PASSWORD)
    page.fill("#confirm_password", NEW_PASSWORD)
    page.click("button:has-text('Change password')")
    page.wait_for_selector(".govuk-notification-banner--success")
    _no_violations(page)
    page.click("button:has-text('Sign out')")
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", NEW_PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/")
    assert email in page.inner_text("body")


def test_the_admin_reset_form_has_no_wcag_violations(axe_page: Any) -> None:
    page = axe_page
    sign_in(page, "admin@example.org")
    page.goto("/users/password")
    _no_violations(page)
    page.click("button:has-text('Set password')")  # empty form: the error state
    page.wait_for_selector(".govuk-error-summary")
    _no_violations(page)
