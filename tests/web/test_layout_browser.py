"""Layout a person sees, in Chromium: nothing wider than a 375 px phone outside a scrolling
table, and the API's docs page readable (axe's WCAG A/AA checks, contrast included)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import OFFICER_COUNCIL, Seeded
from tests.web.test_browser import axe_violations

PHONE = {"width": 375, "height": 800}
# Links, code and headings whose right edge passes the viewport, outside a scroll container
# meant for it (a wide table scrolls inside its own box); and the page's own scroll width.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.body.querySelectorAll('a, code, h1, h2, h3, p, dd')) {
    if (el.closest('.pp-table-wrap, svg')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) {
      found.push(el.tagName.toLowerCase() + ': ' + (el.textContent || '').trim().slice(0, 60));
    }
  }
  if (document.documentElement.scrollWidth > width) {
    found.push('page scrolls sideways: ' + document.documentElement.scrollWidth + 'px');
  }
  return found.slice(0, 10);
}"""


@pytest.fixture
def phone(browser: Any, live_server: str) -> Any:
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    tab = context.new_page()
    yield tab
    context.close()


def _pages(seeded: Seeded) -> list[str]:
    return [
        "/documents",
        f"/documents/{seeded.bolsover_id}",
        f"/documents/{seeded.hostile_id}",
        f"/councils/{OFFICER_COUNCIL}",
        "/search?q=productivity+plan",
        "/dashboard",
        f"/compare?a={OFFICER_COUNCIL}&b=E08000025",
    ]


def test_no_link_or_text_overflows_a_phone_screen(
    phone: Any, seeded: Seeded, client: TestClient
) -> None:
    dashboard = client.get("/dashboard").text
    evidence = sorted(set(re.findall(r'href="(/dashboard/evidence/[^"?]+)', dashboard)))
    assert evidence
    # A figure's key is one long unbroken word: the longest, and the longest of a barrier.
    longest = [max(evidence, key=len), max((e for e in evidence if "barrier." in e), key=len)]
    for path in [*_pages(seeded), *longest]:
        phone.goto(path)
        overflowing = phone.evaluate(OVERFLOWING)
        assert overflowing == [], f"{path}: {json.dumps(overflowing, indent=1)}"


def test_the_api_docs_page_has_no_wcag_a_or_aa_violations(axe_page: Any) -> None:
    axe_page.goto("/api/docs")
    axe_page.wait_for_selector(".opblock", timeout=15000)
    violations = axe_violations(axe_page)
    assert violations == [], json.dumps(violations, indent=1)
    axe_page.click("#operations-api-documents_api_documents_get .opblock-summary-control")
    axe_page.wait_for_selector(".parameters")
    violations = axe_violations(axe_page)
    assert violations == [], "an operation opened: " + json.dumps(violations, indent=1)
