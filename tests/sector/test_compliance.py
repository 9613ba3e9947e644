"""The governance trail and compliance view, from documents stored in a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from productivity_plans.councils import load_register
from productivity_plans.extract import extract_facts
from productivity_plans.sector.compliance import (
    compliance,
    compliance_row,
    council_governance,
    find_council,
)
from productivity_plans.store import Store

BLABY_REPORT = (
    "Blaby District Council\n\n"
    "Report to Cabinet Executive - 15 July 2024\n\n"
    "Productivity Plan\n\n"
    "Recommendation to Cabinet Executive\n\n"
    "That Cabinet Executive approves the Productivity Plan for submission to government."
)
BLABY_MINUTES = (
    "Blaby District Council\n\n"
    "Minutes of the Council meeting, 23 July 2024\n\n"
    "Productivity Plan\n\n"
    "Members were informed that the Productivity Plan was approved by Cabinet Executive on "
    "15 July 2024 and was submitted to the Department on 18 July 2024.\n\n"
    "RESOLVED that the report be noted."
)
BLABY_PAGE = (
    "Blaby District Council productivity plan\n\n"
    "Our productivity plan sets out how we have transformed the way we work. "
    "You can read our productivity plan below."
)
BOLSOVER_LATE = (
    "Bolsover District Council\n\n"
    "Meeting of Council, 4 September 2024\n\n"
    "Productivity Plan\n\n"
    "RESOLVED that Council notes the Productivity Plan."
)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened


def _save(store: Store, make_document, text: str, source: str, url: str | None = None) -> None:  # type: ignore[no-untyped-def]
    doc = make_document(text, source=source, url=url, title=None)
    store.save_document(doc, extract_facts(doc.text, url=url))


def test_the_trail_merges_two_papers_in_date_order_and_reports_a_step_once(
    store: Store, make_document
) -> None:
    _save(store, make_document, BLABY_MINUTES, "/minutes.txt")
    _save(store, make_document, BLABY_REPORT, "/report.txt")
    blaby = find_council("Blaby")
    assert blaby is not None

    trail = council_governance(store, blaby).trail

    dates = [e.date.isoformat() for e in trail]
    assert dates == sorted(dates)
    cabinet_15 = [e for e in trail if e.date.isoformat() == "2024-07-15"]
    assert len(cabinet_15) == 1, "the same Cabinet step reported by two papers appears once"
    step = cabinet_15[0]
    assert step.body_kind == "cabinet"
    assert {step.document.source, *(d.source for d in step.also_in)} == {
        "/report.txt",
        "/minutes.txt",
    }
    assert "2024-07-18" in dates  # the submission the minutes report


def test_a_cabinet_approval_on_15_july_and_a_plan_page_are_evidenced_before_the_deadline(
    store: Store, make_document
) -> None:
    _save(store, make_document, BLABY_REPORT, "/report.txt")
    _save(store, make_document, BLABY_PAGE, "/page.html", url="https://www.blaby.gov.uk/plan")
    blaby = find_council("E07000129")
    assert blaby is not None

    result = council_governance(store, blaby)

    oversight = result.claim("member_oversight")
    assert oversight and oversight.status == "evidenced"
    assert oversight.body == "Cabinet Executive"
    assert oversight.evidence and "approves the Productivity Plan" in oversight.evidence
    timing = result.claim("decision_before_deadline")
    assert timing and timing.status == "evidenced"
    assert timing.date and timing.date.isoformat() == "2024-07-15"
    published = result.claim("published")
    assert published and published.status == "evidenced"
    assert published.document and published.document.url == "https://www.blaby.gov.uk/plan"


def test_only_a_noting_report_after_the_deadline_is_shown_as_late(
    store: Store, make_document
) -> None:
    _save(store, make_document, BOLSOVER_LATE, "/bolsover.txt")
    bolsover = find_council("Bolsover")
    assert bolsover is not None

    result = council_governance(store, bolsover)

    oversight = result.claim("member_oversight")
    assert oversight and oversight.status == "evidenced"
    assert "noted" in oversight.detail
    timing = result.claim("decision_before_deadline")
    assert timing and timing.status == "late"
    assert timing.date and timing.date.isoformat() == "2024-09-04"
    submitted = result.claim("submitted")
    assert submitted and submitted.status == "not_evidenced"
    published = result.claim("published")
    assert published and published.status == "not_evidenced"


def test_every_council_is_listed_and_those_without_documents_say_so(
    store: Store, make_document
) -> None:
    _save(store, make_document, BLABY_REPORT, "/report.txt")

    results = compliance(store)

    assert len(results) == 317
    rows = {r.council.gss_code: compliance_row(r) for r in results}
    assert rows["E07000129"]["member_oversight"] == "evidenced"
    assert rows["E07000033"]["member_oversight"] == "no documents"
    assert rows["E07000033"]["documents"] == 0
    assert all("score" not in key and "rank" not in key for key in rows["E07000129"])


def test_the_listing_filters_by_type_region_and_status(store: Store, make_document) -> None:
    _save(store, make_document, BOLSOVER_LATE, "/bolsover.txt")
    register = load_register()

    counties = compliance(store, type_="county")
    assert len(counties) == 21
    east_midlands = compliance(store, region="East Midlands")
    assert len(east_midlands) == 39
    late = compliance(store, status="late")
    assert [r.council.gss_code for r in late] == ["E07000033"]
    assert register.by_gss("E07000033") == late[0].council


BOLSOVER_NOTING_AFTER_CABINET = (
    "Bolsover District Council\n\n"
    "Meeting of Council on 31st July 2024\n\n"
    "Productivity Plan\n\n"
    "1.6 The Council's Productivity Plan was taken to a meeting of Cabinet on 15th July 2024 "
    "for discussion and endorsement. It was then submitted to the Ministry by the deadline of "
    "the 19th July, and uploaded to the Council's website as required.\n\n"
    "RECOMMENDATIONS\n\n1. To note the Council's Productivity Plan."
)


def test_cabinet_considering_the_plan_in_time_counts_although_council_noted_it_later(
    store: Store, make_document
) -> None:
    _save(store, make_document, BOLSOVER_NOTING_AFTER_CABINET, "/council-noting.txt")
    bolsover = find_council("Bolsover")
    assert bolsover is not None

    claims = {c.requirement: c for c in council_governance(store, bolsover).claims}

    timing = claims["decision_before_deadline"]
    assert timing.status == "evidenced"
    assert timing.date is not None and timing.date.isoformat() == "2024-07-15"
    assert "Cabinet" in (timing.body or "")
    published = claims["published"]
    assert published.status == "evidenced"
    assert "uploaded to the Council's website" in (published.evidence or "")
