"""Small things users met: wording, search results, heatmap bases, timeline labels, the API's
description of how it is signed in to."""

from __future__ import annotations

import itertools
import re
from datetime import date

from fastapi.testclient import TestClient

from productivity_plans.sector.coverage import CoverageShare
from productivity_plans.web.dashboard import SMALL_BASE, month_ticks, shade, step_timing


def test_one_day_is_singular_and_other_counts_plural() -> None:
    assert step_timing("by_deadline", 1) == "1 day before the deadline"
    assert step_timing("by_deadline", 2) == "2 days before the deadline"
    assert step_timing("after_deadline", -1) == "1 day after the deadline"
    assert step_timing("after_deadline", -30) == "30 days after the deadline"
    assert step_timing("by_deadline", 0) == "On the deadline"
    assert step_timing(None, None) == "Undated"


def test_search_results_say_the_page_and_show_an_excerpt_not_a_block_id(
    client: TestClient,
) -> None:
    body = client.get("/search?q=productivity").text
    results = re.findall(r'<li class="pp-result">(.*?)</li>', body, re.S)
    assert results
    for result in results:
        assert "page " in result
        assert not re.search(r"\bblock b\d+", result)
        assert re.search(r'class="govuk-body pp-snippet pp-wrap">\s*\S', result)


def _share(answered: int, base: int) -> CoverageShare:
    return CoverageShare(
        group="all",
        item="transformation",
        heading="transformation",
        councils_with_documents=base,
        answered=answered,
        restated=0,
        absent=base - answered,
        share_answered=answered / base,
        evidence=(),
    )


def test_a_small_base_is_never_shaded_dark() -> None:
    assert shade(_share(1, 1)) == 1
    assert shade(_share(SMALL_BASE - 1, SMALL_BASE - 1)) == 1
    assert shade(_share(0, 1)) == 0
    assert shade(_share(SMALL_BASE, SMALL_BASE)) == 4


def test_the_heatmap_marks_each_small_base_with_its_n(client: TestClient) -> None:
    html = client.get("/dashboard").text
    cells = re.findall(r'<td class="([^"]*pp-heat__cell[^"]*)" id="[^"]+">(.*?)</td>', html, re.S)
    small = [(cls, inner) for cls, inner in cells if re.search(r"of [1-4]</span>", inner)]
    assert small, "the seeded corpus has council types with few councils"
    for cls, inner in small:
        base = re.search(r"of (\d)</span>", inner)
        assert base and f"n = {base.group(1)}" in inner
        assert "pp-heat__cell--small" in cls
        assert "pp-shade-4" not in cls and "pp-shade-3" not in cls


def test_timeline_month_labels_never_crowd_each_other() -> None:
    first, last = date(2023, 1, 1), date(2025, 12, 31)

    def x(day: date) -> float:
        return 150 + 560 * (day - first).days / (last - first).days

    ticks = month_ticks(first, last, x)
    assert len(ticks) > 3
    gaps = [b["x"] - a["x"] for a, b in itertools.pairwise(ticks)]
    assert min(gaps) >= 70
    short = (date(2024, 4, 1), date(2024, 8, 1))

    def x_short(day: date) -> float:
        return 150 + 560 * (day - short[0]).days / (short[1] - short[0]).days

    near = month_ticks(*short, x_short)
    assert [t["label"] for t in near] == [
        "Apr 2024",
        "May 2024",
        "Jun 2024",
        "Jul 2024",
        "Aug 2024",
    ]


def test_the_openapi_description_declares_the_session_cookie_and_csrf_header(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["session"] == {**schemes["session"], "type": "apiKey", "in": "cookie"}
    assert schemes["csrf"]["in"] == "header" and schemes["csrf"]["name"] == "X-CSRF-Token"
    upload = schema["paths"]["/api/upload"]["post"]
    assert upload["security"] == [{"session": [], "csrf": []}]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                assert any("csrf" in s for s in operation.get("security", [])), (method, path)
    assert "security" not in schema["paths"]["/api/documents"]["get"]
