"""The council workspace in Chromium: an officer records Cabinet's decision and the submission,
adds two measure values and publishes the update; the public page then shows the recorded trail
and the chart with its table; another council's officer sees none of it before; axe finds no
WCAG A/AA violation on the workspace pages."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from productivity_plans.store import Store, accounts
from productivity_plans.store.accounts import AccountError
from tests.web.conftest import PASSWORD, Seeded
from tests.web.test_browser import _pdf, axe_violations, sign_in

OLDHAM = "E08000004"  # one of the bundled examples is its plan page
OLDHAM_OFFICER = "officer@oldham.example"
SECOND_OFFICER = "officer@epping.example"
EPPING = "E07000072"


@pytest.fixture(scope="module", autouse=True)
def officers(seeded: Seeded) -> None:
    with Store.open(seeded.url) as store:
        for email, council in ((OLDHAM_OFFICER, OLDHAM), (SECOND_OFFICER, EPPING)):
            with contextlib.suppress(AccountError):  # made by another module this session
                accounts.create_user(store, email, PASSWORD, "officer", council_gss=council)


def _record(page: Any, kind: str, gss: str = OLDHAM, **fields: str) -> None:
    page.select_option("#kind", kind)
    for name, value in fields.items():
        if name == "outcome":
            page.select_option("#outcome", value)
        else:
            page.fill(f"#{name}", value)
    page.click("#step-form button[type=submit]")
    page.wait_for_url(f"**/workspace/{gss}#governance")


def _add_value(page: Any, day: str, value: str) -> None:
    page.fill("#measure", "Residents served online")
    page.fill("#value_date", day)
    page.fill("#value", value)
    page.fill("#unit", "%")
    page.click("#value-form button[type=submit]")
    page.wait_for_url("**#measures")


def test_an_officer_records_governance_and_publishes_progress_for_the_public_page(
    browser: Any, live_server: str, page: Any
) -> None:
    sign_in(page, OLDHAM_OFFICER)
    page.click(".govuk-service-navigation__link:has-text('Your council')")
    page.wait_for_url(f"**/workspace/{OLDHAM}")
    _record(
        page,
        "decision",
        body="Cabinet",
        date="2024-07-15",
        outcome="approved",
        url="https://www.oldham.gov.uk/cabinet-15-july-2024",
    )
    _record(page, "submission", date="2024-07-18")
    steps = page.locator("#recorded-steps").inner_text()
    assert "Cabinet" in steps and "2024-07-18" in steps
    page.fill("#title", "Autumn 2024")
    page.click("#update-form button[type=submit]")
    page.wait_for_url(f"**/workspace/{OLDHAM}/progress/*")
    update_url = page.url
    _add_value(page, "2024-06-30", "38")
    _add_value(page, "2024-09-30", "46.5")
    assert page.locator("svg[role=img] circle").count() == 2

    other = browser.new_context(base_url=live_server)
    intruder = other.new_page()
    sign_in(intruder, SECOND_OFFICER)
    assert intruder.goto(update_url).status == 403
    assert intruder.goto(f"/workspace/{OLDHAM}").status == 403
    assert "Residents served online" not in intruder.goto(f"/councils/{OLDHAM}").text()

    page.goto(update_url)
    page.click("#publish")
    page.wait_for_url(update_url)
    assert "Published" in page.locator("#update-status").inner_text()

    public = browser.new_context(base_url=live_server).new_page()
    public.goto(f"/councils/{OLDHAM}")
    trail = public.locator("#recorded-trail").inner_text()
    assert "Approved by Cabinet" in trail and "2024-07-15" in trail
    assert "Submitted" in trail and "2024-07-18" in trail
    chart = public.locator("#progress ~ section svg[role=img]").first
    assert chart.locator("circle").count() == 2
    assert "Residents served online" in (chart.locator("title").first.text_content() or "")
    table = public.locator("#progress ~ section table").first.inner_text()
    assert "2024-06-30" in table and "46.5" in table
    intruder.goto(update_url)
    assert intruder.locator("#publish").count() == 0  # still cannot change it
    other.close()


def _extracted_trail(page: Any) -> str:
    """The governance trail read from the council's documents (not what it recorded)."""
    return str(page.locator("h3#trail + *").inner_text())


def test_an_officers_draft_goes_from_private_check_to_the_public_record(
    browser: Any, live_server: str, page: Any, tmp_path: Path
) -> None:
    """The whole journey: upload a draft, see its check, publish it, record Cabinet's decision
    and the submission, add two measure values; the public page then shows the plan, the
    recorded trail and the chart. Another council's officer can see or change none of it
    before publication, and the draft's own future-tense words add no event."""
    draft = tmp_path / "epping-draft-productivity-plan.pdf"
    draft.write_bytes(
        _pdf(
            "Epping Forest District Council\n"
            "DRAFT Productivity Plan 2024: not yet approved, for Cabinet on 10 July 2024\n"
            "Technology and data\n"
            "Residents can now report and pay for most services online, day or night.\n"
            "A new data warehouse gives managers live figures on demand and cost.\n"
            "Barriers\n"
            "We ask government to return to multi-year settlements for councils.\n"
        )
    )
    public = browser.new_context(base_url=live_server).new_page()
    public.goto(f"/councils/{EPPING}")
    assert "2024-07-10" not in _extracted_trail(public)

    sign_in(page, SECOND_OFFICER)
    page.goto("/upload")
    page.set_input_files("#files", [str(draft)])
    page.fill("#title", "Draft productivity plan (journey)")
    page.select_option("#doc_type", "plan")
    page.click("#upload-form button[type=submit]")  # a private draft by default
    page.wait_for_selector("#upload-results table")
    page.goto("/uploads")
    row = page.locator("#my-uploads tr:has-text('Draft productivity plan (journey)')")
    href = row.locator("a").first.get_attribute("href")
    assert href and href.startswith("/documents/")
    check_url = f"/workspace/{EPPING}/documents/{href.rsplit('/', 1)[1]}/check"

    page.goto(f"/workspace/{EPPING}")
    page.click(f"#workspace-documents a[href='{check_url}']")
    page.wait_for_url(f"**{check_url}")
    summary = page.locator("#check-summary").inner_text()
    assert "single_year_settlements" in summary or "Single-year settlements" in summary
    assert (
        "Answered in the council’s own words" in page.locator("#check-technology_data").inner_text()
    )
    assert "Missing" in page.locator("#check-wasteful_spend").inner_text()

    other = browser.new_context(base_url=live_server)
    intruder = other.new_page()
    sign_in(intruder, OLDHAM_OFFICER)
    assert intruder.goto(href).status == 404
    assert intruder.goto(check_url).status == 403
    assert public.goto(href).status == 404
    public.goto(f"/councils/{EPPING}")
    assert public.locator(f"a[href='{href}']").count() == 0

    page.goto("/uploads")
    row = page.locator("#my-uploads tr:has-text('Draft productivity plan (journey)')")
    row.locator("button:has-text('Publish')").click()
    page.wait_for_selector("text=it is now on the public record")
    page.goto(f"/workspace/{EPPING}")
    _record(page, "decision", gss=EPPING, body="Cabinet", date="2024-07-10", outcome="approved")
    _record(page, "submission", gss=EPPING, date="2024-07-18")
    page.fill("#title", "Journey update")
    page.click("#update-form button[type=submit]")
    page.wait_for_url(f"**/workspace/{EPPING}/progress/*")
    update_url = page.url
    _add_value(page, "2024-06-30", "21")
    _add_value(page, "2024-12-31", "27")
    assert intruder.goto(update_url).status == 403
    page.click("#publish")
    page.wait_for_url(update_url)

    public.goto(f"/councils/{EPPING}")
    assert public.locator(f"a[href='{href}']").count() >= 1  # the plan, now public
    assert "2024-07-10" not in _extracted_trail(public)  # "for Cabinet on 10 July" is no event
    recorded = public.locator("#recorded-trail").inner_text()
    assert "Approved by Cabinet" in recorded and "2024-07-18" in recorded
    chart = public.locator("#progress ~ section svg[role=img]").first
    assert chart.locator("circle").count() == 2
    other.close()


@pytest.mark.parametrize(
    "path",
    [f"/workspace/{OLDHAM}", "/review/disputes", f"/councils/{OLDHAM}"],
)
def test_workspace_pages_have_no_axe_violations(axe_page: Any, path: str) -> None:
    email = "analyst@example.org" if path.startswith("/review") else OLDHAM_OFFICER
    sign_in(axe_page, email)
    axe_page.goto(path)
    assert axe_violations(axe_page) == []


def test_the_update_page_and_its_error_summary_have_no_axe_violations(axe_page: Any) -> None:
    sign_in(axe_page, OLDHAM_OFFICER)
    axe_page.goto(f"/workspace/{OLDHAM}")
    axe_page.fill("#title", "Winter 2024")
    axe_page.click("#update-form button[type=submit]")
    axe_page.wait_for_url(f"**/workspace/{OLDHAM}/progress/*")
    axe_page.fill("#measure", "Days lost to sickness")
    axe_page.fill("#value", "not a number")
    axe_page.fill("#value_date", "2024-10-31")
    axe_page.click("#value-form button[type=submit]")
    assert axe_page.locator(".govuk-error-summary").count() == 1
    assert axe_violations(axe_page) == []


def test_the_draft_check_opens_from_the_workspace_with_no_axe_violations(axe_page: Any) -> None:
    sign_in(axe_page, OLDHAM_OFFICER)
    axe_page.goto(f"/workspace/{OLDHAM}")
    axe_page.click("#workspace-documents a:has-text('draft check')")
    axe_page.wait_for_url(f"**/workspace/{OLDHAM}/documents/*/check")
    assert axe_page.locator("table[id^=check-]").count() == 4  # the four headings
    assert "3–4 pages" in axe_page.locator("#check-summary").inner_text()
    assert axe_violations(axe_page) == []
