"""The governance trail and compliance view, from documents stored in a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from productivity_plans.councils import load_register
from productivity_plans.extract import extract_facts
from productivity_plans.sector.compliance import (
    CouncilGovernance,
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


# Made-up papers of one council about its plan, and about progress on it a year later.
UNDATED_APPROVAL = (
    "Harborough District Council\n\n"
    "Minutes of the Cabinet meeting\n\n"
    "Productivity Plan\n\n"
    "RESOLVED that the Productivity Plan be approved for submission to government."
)
TIMELY_APPROVAL = (
    "Harborough District Council\n\n"
    "Report to Cabinet - 8 July 2024\n\n"
    "Productivity Plan\n\n"
    "That Cabinet approves the Productivity Plan for submission to government."
)
END_OF_YEAR_REVIEW = (
    "Harborough District Council\n\n"
    "Cabinet, 3 June 2025\n\n"
    "Corporate Plan 2024-27 & Productivity Plan 2024/25 - End of Year Review 2024/25\n\n"
    "To present a review of the Council's performance against the Corporate Plan 2024-27 and "
    "Productivity Plan 2024/25.\n\n"
    "Decision\n\n"
    "Cabinet noted the review of the delivery of the Corporate Plan 2024-27."
)
SIX_MONTH_UPDATE = (
    "Harborough District Council\n\n"
    "Minutes of the Cabinet meeting, 20 January 2025\n\n"
    "Productivity Plan: six-month update\n\n"
    "Members were reminded that Cabinet approved the Productivity Plan on 15 July 2024.\n\n"
    "RESOLVED that Cabinet notes the update."
)
UPDATE_SENT_LATER = (
    "Harborough District Council\n\n"
    "Productivity Plan\n\n"
    "The progress update on the productivity plan was submitted to the Ministry on "
    "30 January 2025."
)
BEFORE_THE_LETTER = (
    "Harborough District Council\n\n"
    "Meeting of Council, 22 February 2024\n\n"
    "Corporate Plan\n\n"
    "RESOLVED that Council approves the Corporate Plan 2024-27."
)


def _harborough(store: Store) -> CouncilGovernance:
    council = find_council("Harborough")
    assert council is not None
    return council_governance(store, council)


def test_a_council_with_a_timely_decision_and_a_later_review_paper_is_not_late(
    store: Store, make_document
) -> None:
    _save(store, make_document, UNDATED_APPROVAL, "/approval.txt")
    _save(store, make_document, END_OF_YEAR_REVIEW, "/review.txt")

    result = _harborough(store)

    timing = result.claim("decision_before_deadline")
    assert timing is not None and timing.status != "late", timing
    assert timing.status == "not_evidenced"
    assert "without a date" in timing.detail
    oversight = result.claim("member_oversight")
    assert oversight is not None and oversight.status == "evidenced"
    assert oversight.document is not None and oversight.document.source == "/approval.txt"


def test_a_dated_timely_decision_is_cited_and_the_later_review_is_not(
    store: Store, make_document
) -> None:
    _save(store, make_document, TIMELY_APPROVAL, "/approval.txt")
    _save(store, make_document, END_OF_YEAR_REVIEW, "/review.txt")

    result = _harborough(store)

    timing = result.claim("decision_before_deadline")
    assert timing is not None and timing.status == "evidenced"
    assert timing.date is not None and timing.date.isoformat() == "2024-07-08"
    assert all(c.document is None or c.document.source != "/review.txt" for c in result.claims)


def test_a_progress_review_is_on_the_trail_as_its_own_kind_and_evidences_nothing(
    store: Store, make_document
) -> None:
    _save(store, make_document, END_OF_YEAR_REVIEW, "/review.txt")

    result = _harborough(store)

    [step] = result.trail
    assert step.date.isoformat() == "2025-06-03"
    assert step.kind == "progress_review"
    statuses = {c.requirement: c.status for c in result.claims}
    assert statuses["member_oversight"] == "not_evidenced"
    assert statuses["decision_before_deadline"] == "not_evidenced"


def test_an_update_paper_still_evidences_the_earlier_decision_it_reports(
    store: Store, make_document
) -> None:
    _save(store, make_document, SIX_MONTH_UPDATE, "/update.txt")

    result = _harborough(store)

    kinds = {e.date.isoformat(): e.kind for e in result.trail}
    assert kinds == {"2024-07-15": "plan_decision", "2025-01-20": "progress_review"}
    timing = result.claim("decision_before_deadline")
    assert timing is not None and timing.status == "evidenced"
    assert timing.date is not None and timing.date.isoformat() == "2024-07-15"


def test_an_update_sent_to_the_department_after_the_deadline_is_not_a_late_submission(
    store: Store, make_document
) -> None:
    _save(store, make_document, UPDATE_SENT_LATER, "/sent.txt")

    submitted = _harborough(store).claim("submitted")

    assert submitted is not None and submitted.status == "not_evidenced"


def test_a_decision_before_the_letter_is_not_a_decision_on_the_plan(
    store: Store, make_document
) -> None:
    _save(store, make_document, BEFORE_THE_LETTER, "/earlier.txt")

    result = _harborough(store)

    assert [e.kind for e in result.trail] == ["before_letter"]
    timing = result.claim("decision_before_deadline")
    assert timing is not None and timing.status == "not_evidenced"


def test_a_late_decision_on_the_plan_itself_is_still_late_beside_a_review(
    store: Store, make_document
) -> None:
    _save(store, make_document, BOLSOVER_LATE, "/late.txt")
    _save(
        store,
        make_document,
        END_OF_YEAR_REVIEW.replace("Harborough", "Bolsover"),
        "/review.txt",
    )
    bolsover = find_council("Bolsover")
    assert bolsover is not None

    timing = council_governance(store, bolsover).claim("decision_before_deadline")

    assert timing is not None and timing.status == "late"
    assert timing.date is not None and timing.date.isoformat() == "2024-09-04"


def test_a_submission_still_to_come_is_not_evidence_that_the_plan_was_submitted(
    store: Store, make_document
) -> None:
    """ "The plan will be submitted on 19 July" gives the inspect contract its submission date,
    but the public record says nothing was submitted until a paper says it was."""
    text = (
        "Blaby District Council\n\nReport to Cabinet Executive, 15 July 2024\n\n"
        "Productivity Plan\n\nThe plan will be submitted on 19 July 2024.\n"
    )
    doc = make_document(text, source="/to-come.txt", url=None, title=None)
    facts = extract_facts(doc.text)
    assert facts.submitted_date is not None and facts.submitted_date.isoformat() == "2024-07-19"
    store.save_document(doc, facts)
    blaby = find_council("E07000129")
    assert blaby is not None

    submitted = council_governance(store, blaby).claim("submitted")

    assert submitted is not None and submitted.status == "not_evidenced"
    done = text.replace("will be submitted", "was submitted")
    _save(store, make_document, done, "/done.txt")
    submitted = council_governance(store, blaby).claim("submitted")
    assert submitted is not None and submitted.status == "evidenced"


def test_a_notice_of_a_decision_to_come_is_no_step_and_no_oversight(
    store: Store, make_document
) -> None:
    """A forward-plan entry gives the inspect contract the meeting to come (body and date, as
    the labelling conventions read it), but the public record shows no step taken."""
    notice = (
        "Blaby District Council\n\nForward Plan of Decisions - Item Details\n\n"
        "Title | Productivity Plan\n\nDecision to be taken by | Cabinet Executive\n\n"
        "Expected date of decision | 15 Jul 2024\n\nStatus | Pending\n\n"
        "First entered on plan | 05 Jun 2024\n"
    )
    url = "https://democracy.blaby.gov.uk/mgIssueHistoryHome.aspx?IId=1"
    facts = extract_facts(notice, url=url)
    assert facts.decision.outcome == "none" and facts.decision.date is not None
    _save(store, make_document, notice, "/notice.txt", url=url)
    blaby = find_council("E07000129")
    assert blaby is not None

    result = council_governance(store, blaby)

    assert result.trail == []
    oversight = result.claim("member_oversight")
    assert oversight is not None and oversight.status == "not_evidenced"


def test_a_reports_recommendation_is_shown_as_the_plan_put_to_the_meeting_not_as_approved(
    store: Store, make_document
) -> None:
    """A report's outcome is what it recommends (the inspect contract reads it so), written
    before the meeting, which may defer instead: the public record shows the plan considered
    by that meeting, and an approval only from a record of the meeting."""
    facts = extract_facts(BLABY_REPORT)
    assert (facts.doc_type, facts.decision.outcome) == ("committee_report", "approved")
    _save(store, make_document, BLABY_REPORT, "/report.txt")
    blaby = find_council("E07000129")
    assert blaby is not None

    trail = council_governance(store, blaby).trail

    assert [(e.date.isoformat(), e.action) for e in trail] == [("2024-07-15", "considered")]
    _save(store, make_document, BLABY_MINUTES, "/minutes.txt")
    actions = {(e.date.isoformat(), e.action) for e in council_governance(store, blaby).trail}
    assert ("2024-07-15", "approved") in actions
