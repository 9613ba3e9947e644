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
    assert page.locator("#governance").count() == 1
    page.locator("#documents table a").first.click()
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
    page.wait_for_url(f"**{href}")
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
    page.check("#visibility-final")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-results table")
    results = page.locator("#upload-results").inner_text()
    assert "broken-minutes.pdf" in results and "damaged" in results
    assert page.locator(".pp-upload-error").count() == 1
    page.click("#upload-results a:has-text('bolsover-productivity-plan-browser.pdf')")
    page.wait_for_url("**/documents/*")
    assert "browser journey upload" in page.locator(".pp-document-text").inner_text()
    page.goto(f"/councils/{OFFICER_COUNCIL}")
    assert (
        page.locator("text=Productivity Plan, July 2024").count() + page.locator("table a").count()
        >= 2
    )


def test_an_officer_uploads_a_draft_sees_it_in_my_uploads_and_publishes_it(
    page: Any, browser: Any, live_server: str, tmp_path: Path
) -> None:
    draft = tmp_path / "bolsover-draft-plan-browser.pdf"
    draft.write_bytes(
        _pdf("Bolsover District Council\nDraft productivity plan: the ferret-mapping pilot.")
    )
    public = browser.new_context(base_url=live_server).new_page()
    sign_in(page, "officer@example.org")
    page.goto("/upload")
    page.set_input_files("#files", [str(draft)])
    page.fill("#title", "Draft plan (browser journey)")
    page.select_option("#doc_type", "plan")
    page.click("#upload-form button[type=submit]")  # a draft is the default
    page.wait_for_selector("#upload-results table")
    assert "Private draft" in page.locator("#upload-results").inner_text()
    page.click("#upload-results a:has-text('My uploads')")
    page.wait_for_url("**/uploads")
    row = page.locator("#my-uploads tr:has-text('Draft plan (browser journey)')")
    assert "Private draft" in row.inner_text()
    href = row.locator("a").first.get_attribute("href")
    assert href and href.startswith("/documents/")
    assert public.goto(href).status == 404  # the public cannot see a draft
    public.goto(f"/councils/{OFFICER_COUNCIL}")
    assert public.locator(f"a[href='{href}']").count() == 0

    row.locator("button:has-text('Publish')").click()
    page.wait_for_selector("text=it is now on the public record")
    row = page.locator("#my-uploads tr:has-text('Draft plan (browser journey)')")
    assert "Published" in row.inner_text()
    assert public.goto(href).status == 200
    public.goto(f"/councils/{OFFICER_COUNCIL}")
    assert public.locator(f"a[href='{href}']").count() >= 1
    public.goto("/search?q=ferret+mapping")
    assert public.locator(f".pp-result a[href^='{href}#']").count() >= 1
    public.context.close()


def test_my_uploads_and_a_drafts_page_have_no_wcag_violations(
    axe_page: Any, tmp_path: Path
) -> None:
    page = axe_page
    draft = tmp_path / "bolsover-draft-for-axe.pdf"
    draft.write_bytes(_pdf("Bolsover District Council\nA draft checked for accessibility."))
    sign_in(page, "officer@example.org")
    page.goto("/upload")
    page.fill("#url", "not a web address")
    page.click("#upload-form button[type=submit]")  # no files, a bad URL: the error state
    page.wait_for_selector(".govuk-error-summary")
    assert axe_violations(page) == []
    page.set_input_files("#files", [str(draft)])
    page.fill("#url", "")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-results table")
    assert axe_violations(page) == []
    page.click("#upload-results a:has-text('bolsover-draft-for-axe.pdf')")
    page.wait_for_url("**/documents/*")
    assert page.locator("#draft-warning").count() == 1
    assert axe_violations(page) == []
    page.goto("/uploads")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1)


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
    for path in ("/", "/upload", "/uploads", "/audit"):
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


# -- coded passages, review, compare, compliance, search by meaning ---------------------------

PLAN_TEXT = (
    "Bolsover District Council\n"
    "Productivity Plan, July 2024: the review journey\n"
    "Technology and data\n"
    "We have introduced a new digital customer portal and automated our revenues\n"
    "and benefits processes using robotic process automation, saving staff time.\n"
    "Barriers\n"
    "The biggest barrier to productivity is short-term funding: single-year settlements\n"
    "make medium-term planning difficult for the council.\n"
)


def sign_out(page: Any) -> None:
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/")


def test_upload_then_coded_then_analyst_accepts_then_the_council_page_changes(
    page: Any, tmp_path: Path
) -> None:
    plan = tmp_path / "bolsover-productivity-plan-review-journey.pdf"
    plan.write_bytes(_pdf(PLAN_TEXT))
    sign_in(page, "officer@example.org")
    page.goto("/upload")
    page.set_input_files("#files", [str(plan)])
    page.check("#visibility-final")  # the council page below is the public record
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-results table")
    page.click(f"#upload-results a:has-text('{plan.name}')")
    page.wait_for_url("**/documents/*")
    document_id = int(page.url.rsplit("/", 1)[1].split("#")[0])
    assert page.locator("mark.pp-coded").count() >= 1, "the uploaded plan was coded"
    assert page.locator(".pp-block__codes .pp-label").count() >= 1
    sign_out(page)

    sign_in(page, "analyst@example.org")
    page.goto(f"/review?document={document_id}&threshold=1.0")
    items = page.locator("[data-pp-review-item]")
    assert items.count() >= 1
    types = [items.nth(i).get_attribute("data-code-type") for i in range(items.count())]
    target = next((i for i, t in enumerate(types) if t in ("heading", "barrier")), None)
    assert target is not None, types
    code_id = items.nth(target).get_attribute("id")
    page.locator("h1").click()  # focus outside any field: shortcuts are live
    for _ in range(target):
        page.keyboard.press("j")
    assert "pp-review-item--current" in (items.nth(target).get_attribute("class") or "")
    # Typing "a" in a field is not a shortcut.
    page.focus(f"#{code_id} select")
    page.keyboard.press("a")
    assert page.locator(f"#{code_id} [data-pp-accept]").count() == 1
    page.locator("h1").click()
    page.keyboard.press("a")
    page.wait_for_selector(f"#{code_id}.pp-review-item--done")
    assert "Accepted" in page.locator(f"#{code_id}").inner_text()

    page.goto(f"/councils/{OFFICER_COUNCIL}")
    reviewed = page.locator(
        f".pp-passage:has(a[href^='/documents/{document_id}#p']) .pp-label--human"
    )
    assert reviewed.count() >= 1, "the accepted code shows as reviewed on the council page"


def test_search_by_meaning_in_the_browser(page: Any) -> None:
    page.goto("/search")
    page.fill("#q", "money comes one year at a time")
    page.check("#mode-meaning")
    page.click("button:has-text('Search')")
    page.wait_for_selector(".pp-result")
    text = page.locator("#results").inner_text().lower()
    assert "single year settlement" in text or "single-year" in text
    href = page.locator(".pp-result a").first.get_attribute("href")
    assert href and "#p" in href
    page.locator(".pp-result a").first.click()
    page.wait_for_url(f"**{href}")
    assert page.locator(f"#{href.split('#', 1)[1]}").is_visible()


def test_compare_two_councils_in_the_browser(page: Any) -> None:
    page.goto(f"/councils/{OFFICER_COUNCIL}")
    page.click("a:has-text('Compare with another council')")
    page.select_option("#b", "E08000025")
    page.click("button:has-text('Compare')")
    page.wait_for_url("**/compare?a=E07000033&b=E08000025")
    headings = page.locator(".pp-column h2").all_inner_texts()
    assert headings == ["Bolsover", "Birmingham"]


def test_download_the_compliance_csv(page: Any) -> None:
    page.goto("/compliance")
    with page.expect_download() as info:
        page.click("a:has-text('Download this table as CSV')")
    download = info.value
    assert download.suggested_filename == "compliance.csv"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("Council,GSS code,Type,Region,Documents,Member oversight")
    assert len(content.splitlines()) == 318


def test_hostile_text_is_inert_in_the_new_views(page: Any, seeded: Seeded) -> None:
    sign_in(page, "analyst@example.org")
    for path in (
        f"/documents/{seeded.hostile_id}",
        f"/review?document={seeded.hostile_id}&threshold=1.0",
        "/search?q=hostile+script+image+wording&mode=meaning",
        f"/compare?a={OFFICER_COUNCIL}&b=E08000025",
    ):
        page.goto(path)
        assert page.evaluate("window.__pwned === undefined"), path
        assert page.locator("img[src=x]").count() == 0, path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path


NEW_PUBLIC_PAGES = [
    "/compliance",
    "/compliance?type=county&status=no_documents",
    f"/compare?a={OFFICER_COUNCIL}&b=E08000025",
    "/compare?a=E99",
    "/search?q=money+comes+one+year+at+a+time&mode=meaning",
    "/councils/E09000016",
]


@pytest.mark.parametrize("path", NEW_PUBLIC_PAGES)
def test_new_pages_have_no_wcag_a_or_aa_violations(axe_page: Any, path: str) -> None:
    axe_page.goto(path)
    violations = axe_violations(axe_page)
    assert violations == [], json.dumps(violations, indent=1)


def test_review_and_coded_document_pages_have_no_wcag_violations(
    axe_page: Any, seeded: Seeded
) -> None:
    page = axe_page
    sign_in(page, "analyst@example.org")
    for path in (
        "/review",
        f"/review?document={seeded.bolsover_id}&threshold=1.0",
        f"/documents/{seeded.bolsover_id}",
        f"/councils/{OFFICER_COUNCIL}",
    ):
        page.goto(path)
        violations = axe_violations(page)
        assert violations == [], f"{path}: {json.dumps(violations, indent=1)}"


def test_new_pages_work_at_mobile_width(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for path in NEW_PUBLIC_PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
