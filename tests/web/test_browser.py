"""Journeys in a real browser (Debian's Chromium driven by Playwright) against a live server,
and axe-core's WCAG 2.x A/AA checks on every page."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import OFFICER_COUNCIL, PASSWORD, Seeded

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def sign_in(page: Any, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/")


def test_browse_councils_then_a_council_then_a_document(page: Any) -> None:
    page.goto("/")
    page.click(".govuk-service-navigation__link:has-text('Councils')")
    page.select_option("#documents", "yes")
    page.click("button:has-text('Filter')")
    page.wait_for_selector("#councils-table")
    page.click("#councils-table a:has-text('Bolsover')")
    page.wait_for_url(f"**/councils/{OFFICER_COUNCIL}")
    assert page.locator("h1").inner_text() == "Bolsover District Council"
    assert page.locator(".pp-not-yet").count() == 2
    page.locator("table a").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("text=SHA-256").count() >= 1
    first_block = page.locator(".pp-block").first
    anchor = first_block.get_attribute("id")
    assert anchor and anchor.startswith("b")


def test_the_councils_filters_work_without_javascript(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/councils")
    page.select_option("#type", "london_borough")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**/councils?type=london_borough**")
    assert page.locator("#councils-table tbody tr").count() == 32
    context.close()


def test_search_shows_highlighted_snippets_linking_to_block_anchors(page: Any) -> None:
    page.goto("/search")
    page.fill("#q", "productivity plan")
    page.click("button:has-text('Search')")
    page.wait_for_selector(".pp-result")
    marks = page.locator(".pp-snippet mark")
    assert marks.count() >= 1
    assert marks.first.inner_text().lower().startswith(("productiv", "plan"))
    href = page.locator(".pp-result a").first.get_attribute("href")
    assert href and "#b" in href
    page.locator(".pp-result a").first.click()
    block = href.split("#", 1)[1]
    assert page.locator(f"#{block}").is_visible()


def test_hostile_document_text_is_inert_and_wraps(page: Any, seeded: Seeded) -> None:
    page.goto(f"/documents/{seeded.hostile_id}")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img[src=x]").count() == 0
    assert "<script>" in page.locator(".pp-document-text").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert overflow, "a 10,000-character line made the page scroll sideways"
    page.goto("/search?q=wording")
    assert page.evaluate("window.__pwned === undefined")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/documents/{seeded.hostile_id}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in text.splitlines():
        pdf.drawString(72, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_an_officer_uploads_a_pdf_and_sees_it_listed_with_a_bad_files_named_error(
    page: Any, tmp_path: Path
) -> None:
    good = tmp_path / "bolsover-productivity-plan-browser.pdf"
    good.write_bytes(
        _pdf(
            "Bolsover District Council\nProductivity Plan, July 2024\n"
            "Transformation of services: the browser journey upload."
        )
    )
    bad = tmp_path / "broken-minutes.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis file was cut short")
    sign_in(page, "officer@example.org")
    page.click(".govuk-service-navigation__link:has-text('Upload')")
    page.set_input_files("#files", [str(good), str(bad)])
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-results table")
    results = page.locator("#upload-results").inner_text()
    assert "broken-minutes.pdf" in results and "corrupt" in results
    assert page.locator(".pp-upload-error").count() == 1
    page.click("#upload-results a:has-text('bolsover-productivity-plan-browser.pdf')")
    page.wait_for_url("**/documents/*")
    assert "browser journey upload" in page.locator(".pp-document-text").inner_text()
    page.goto(f"/councils/{OFFICER_COUNCIL}")
    assert (
        page.locator("text=Productivity Plan, July 2024").count() + page.locator("table a").count()
        >= 2
    )


def test_download_a_table_as_csv(page: Any) -> None:
    page.goto("/councils")
    with page.expect_download() as info:
        page.click("a:has-text('Download this table as CSV')")
    download = info.value
    assert download.suggested_filename == "councils.csv"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("Council,GSS code,Type,Region,Documents")
    assert len(content.splitlines()) == 318


PUBLIC_PAGES = [
    "/",
    "/councils",
    f"/councils/{OFFICER_COUNCIL}",
    "/documents",
    "/search",
    "/search?q=productivity+plan",
    "/login",
    "/no-such-page",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_wcag_a_or_aa_violations(axe_page: Any, path: str) -> None:
    page = axe_page
    page.goto(path)
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)


def test_document_pages_have_no_wcag_a_or_aa_violations(axe_page: Any, seeded: Seeded) -> None:
    page = axe_page
    for document_id in (seeded.bolsover_id, seeded.hostile_id):
        page.goto(f"/documents/{document_id}")
        violations = axe_violations(page)
        assert violations == [], json.dumps(violations, indent=1)


def test_signed_in_pages_have_no_wcag_a_or_aa_violations(axe_page: Any) -> None:
    page = axe_page
    page.goto("/login")
    page.click("button:has-text('Sign in')")  # empty form: the error state
    assert axe_violations(page) == []
    sign_in(page, "admin@example.org")
    for path in ("/", "/upload", "/audit"):
        page.goto(path)
        violations = axe_violations(page)
        assert violations == [], f"{path}: {json.dumps(violations, indent=1)}"
    page.goto("/upload")
    page.click("#upload-form button[type=submit]")  # no files chosen: the error state
    page.wait_for_selector(".govuk-error-summary")
    assert axe_violations(page) == []


def test_pages_work_at_mobile_width_without_sideways_scrolling(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PUBLIC_PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
