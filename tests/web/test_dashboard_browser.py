"""The dashboard and downloads in Chromium: render, filter without JavaScript, filter with HTMX,
and no WCAG 2.x A/AA violations (axe-core)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import axe_violations


def test_the_dashboard_renders_with_its_sections(page: Any) -> None:
    page.goto("/")
    page.click(".govuk-service-navigation__link:has-text('Dashboard')")
    page.wait_for_url("**/dashboard")
    assert page.locator("h1").inner_text() == "Sector dashboard"
    for section in ("coverage", "barriers", "governance", "gaps", "exemplars"):
        assert page.locator(f"#{section}").is_visible()
    assert page.locator("svg.pp-timeline circle").count() > 0
    assert page.locator("#coverage-heading-table tbody tr").count() == 4
    assert page.evaluate("window.__pwned === undefined")


def test_the_dashboard_filter_works_without_javascript(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/dashboard")
    page.select_option("#type", "county")
    page.click("button:has-text('Show')")
    page.wait_for_url("**/dashboard?type=county**")
    headers = page.locator("#coverage-heading-table thead th").all_inner_texts()
    assert headers == ["Heading", "County", "All councils"]
    context.close()


def test_the_dashboard_filter_swaps_results_with_htmx(page: Any) -> None:
    page.goto("/dashboard")
    page.wait_for_function("window.htmx !== undefined")
    page.select_option("#type", "county")
    page.click("button:has-text('Show')")
    page.wait_for_url("**/dashboard?type=county**")
    page.wait_for_function(
        "document.querySelectorAll('#coverage-heading-table thead th').length === 3"
    )
    assert page.locator("#dashboard-results").count() == 1


@pytest.mark.parametrize("path", ["/dashboard", "/dashboard?type=county", "/downloads"])
def test_dashboard_pages_have_no_wcag_a_or_aa_violations(axe_page: Any, path: str) -> None:
    axe_page.goto(path)
    assert axe_violations(axe_page) == []


def test_an_evidence_page_has_no_wcag_violations(axe_page: Any) -> None:
    axe_page.goto("/dashboard")
    href = axe_page.locator("#coverage-heading-table a").first.get_attribute("href")
    axe_page.goto(href)
    assert axe_violations(axe_page) == []


def test_the_dashboard_fits_a_phone(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/dashboard", "/downloads"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
