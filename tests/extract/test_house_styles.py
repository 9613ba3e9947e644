"""Whole papers in house styles the development corpus does not contain.

Each case is a made-up paper in a layout English councils publish (ModernGov decision and issue
pages, CMIS minutes, officer and portfolio-holder decision records, committee-system reports,
landing pages). They were written before the rules that read them, to test that the extractor
generalises beyond the corpus; the expected values are what a person reading the page would
record under the label schema (tests/fixtures/corpus/README.md).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from productivity_plans.extract import extract_facts
from productivity_plans.extract.evaluate import bodies_match

MODERNGOV_DECISION = """Decision details

Productivity Plan

Decision Maker: Cabinet

Decision status: Recommendations Approved

Is Key decision?: No

Is subject to call in?: Yes

Purpose:
To consider the Council's Productivity Plan in response to the letter of 16 April 2024 from the
Minister for Local Government, which must be submitted by 19 July 2024.

Decision:
RESOLVED that the Productivity Plan attached at Appendix A be approved for submission.

Reasons for the decision:
The Government requires all councils to produce a productivity plan.

Report author: Jane Smith

Publication date: 12/07/2024

Date of decision: 10/07/2024

Decided at meeting: 10/07/2024 - Cabinet

Effective from: 19/07/2024
"""

OFFICER_DECISION = """RECORD OF OFFICER DECISION

Decision taker: Chief Executive

Date of decision: 18 July 2024

Subject: Productivity Plan 2024

Decision:
To approve the Council's Productivity Plan and submit it to the Department for Levelling Up,
Housing and Communities by the deadline of 19 July 2024, in consultation with the Leader.

Reasons: The Minister's letter of 16 April 2024 asked every council for a plan. There was no
scheduled Cabinet meeting before the deadline.
"""

MINUTES_HELD_IN = (
    "MINUTES of a meeting of the CABINET held in the Council Chamber on Thursday, 11th July, "
    "2024 at 6.00 pm\n"
    + """

Present: Councillor A Smith (Chair), Councillors B Jones, C Brown and D White

23. PRODUCTIVITY PLAN

The Cabinet considered a report of the Chief Finance Officer on the Council's Productivity Plan,
requested by the Minister for Local Government in a letter dated 16 April 2024.

RESOLVED that the Productivity Plan be noted and that authority be delegated to the Chief
Executive, in consultation with the Leader, to make final amendments and submit the plan by
19 July 2024.

24. BUDGET MONITORING
The Cabinet noted the report.
"""
)

PORTFOLIO_HOLDER = """Executive Decision Notice

Decision of the Cabinet Member for Finance and Resources

Title: Productivity Plan

Date of decision: 15/07/24

Decision: The Cabinet Member for Finance and Resources approved the Productivity Plan for
submission to government.

Key decision: No

Call-in: This decision is not subject to call-in because of urgency, the deadline for submission
being 19 July 2024.
"""

CMIS_MINUTES = """Cabinet

Tuesday 16 July 2024

Minute 45/24 Productivity Plan

Cabinet considered a report of the Chief Executive presenting the Council's Productivity Plan,
requested by government by 19 July 2024.

Decision: That Cabinet approves the Productivity Plan for submission to the Ministry.

Reason for decision: To meet the government's deadline.
"""

LEADER_DECISION = """Leader's Decision

Subject: Productivity Plan

Decision maker: Leader of the Council

Date: 17 July 2024

The Leader of the Council has approved the Productivity Plan for submission to the Department
for Levelling Up, Housing and Communities.

Reasons: The deadline for submission is 19 July 2024 and no Cabinet meeting is scheduled before
then.
"""

LANDING_PAGE = """Productivity plan

Our productivity plan was approved by Cabinet on 9 July 2024 and submitted to the government on
12 July 2024.

In April 2024 the government asked all councils to produce a productivity plan setting out how
they will improve service performance and reduce wasteful spend.

Download the productivity plan (PDF, 1MB)
"""

COMMITTEE_SYSTEM_REPORT = """Policy, Finance and Development Committee

Wednesday 10 July 2024

Report of the Chief Executive

PRODUCTIVITY PLAN

Purpose of the report
To seek approval of the Council's Productivity Plan for submission to the Ministry of Housing,
Communities and Local Government by 19 July 2024.

Recommendation
That the Committee approves the Productivity Plan at Appendix 1 and delegates authority to the
Chief Executive to make minor amendments before submission.
"""

ISSUE_PAGE = """Issue - items at meetings - Productivity Plan

Issue - meetings
Productivity Plan

Meeting: 09/07/2024 - Policy and Resources Committee (Item 45)

45 Productivity Plan
PDF 210 KB

Minutes:
The Director of Finance introduced the report, which set out the Council's response to the
Government's request for a productivity plan by 19 July 2024.

RESOLVED: That the Productivity Plan be agreed and that the Chief Executive be authorised to
submit it to government.
"""

COUNCIL_NOTES = """Agenda item

Productivity Plan

Meeting: 18/07/2024 - Council (Item 12)

To receive the Productivity Plan, approved by the Executive on 2 July 2024.

Minutes:
Council received the Productivity Plan, which the Executive had approved on 2 July 2024. Members
noted the plan.

Resolved: That the Productivity Plan be noted.
"""

CASES = {
    "moderngov decision": (
        MODERNGOV_DECISION,
        ("decision_record", "Cabinet", date(2024, 7, 10), "approved"),
    ),
    "officer decision": (
        OFFICER_DECISION,
        ("decision_record", "Chief Executive", date(2024, 7, 18), "approved"),
    ),
    "minutes held in a room": (
        MINUTES_HELD_IN,
        ("minutes", "Cabinet", date(2024, 7, 11), "delegated"),
    ),
    "portfolio holder": (
        PORTFOLIO_HOLDER,
        (
            "decision_record",
            "Cabinet Member for Finance and Resources",
            date(2024, 7, 15),
            "approved",
        ),
    ),
    "cmis minutes": (CMIS_MINUTES, ("minutes", "Cabinet", date(2024, 7, 16), "approved")),
    "leader decision": (
        LEADER_DECISION,
        ("decision_record", "Leader of the Council", date(2024, 7, 17), "approved"),
    ),
    "landing page": (LANDING_PAGE, ("web_page", "Cabinet", date(2024, 7, 9), "approved")),
    "committee system report": (
        COMMITTEE_SYSTEM_REPORT,
        (
            "committee_report",
            "Policy, Finance and Development Committee",
            date(2024, 7, 10),
            "approved",
        ),
    ),
    "issue page": (
        ISSUE_PAGE,
        ("minutes", "Policy and Resources Committee", date(2024, 7, 9), "approved"),
    ),
    "council notes": (COUNCIL_NOTES, ("minutes", "Council", date(2024, 7, 18), "noted")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_house_style_decisions(name: str) -> None:
    text, expected = CASES[name]
    facts = extract_facts(text)
    found = (facts.doc_type, facts.decision.body, facts.decision.date, facts.decision.outcome)
    assert found == expected


def test_a_landing_page_states_when_the_plan_was_submitted() -> None:
    facts = extract_facts(LANDING_PAGE)
    assert facts.submitted_date == date(2024, 7, 12)
    assert [(e.date, e.action) for e in facts.timeline] == [
        (date(2024, 7, 9), "approved"),
        (date(2024, 7, 12), "submitted"),
    ]


@pytest.mark.parametrize("text", [MINUTES_HELD_IN, CMIS_MINUTES, OFFICER_DECISION])
def test_a_deadline_the_plan_is_due_by_is_not_a_governance_event(text: str) -> None:
    assert all(e.date != date(2024, 7, 19) for e in extract_facts(text).timeline)


def test_one_step_told_twice_is_one_timeline_event() -> None:
    timeline = extract_facts(COUNCIL_NOTES).timeline
    assert [(e.date, e.body, e.action) for e in timeline] == [
        (date(2024, 7, 2), "Executive", "approved")
    ]


def test_decision_flags_on_a_moderngov_decision_page() -> None:
    facts = extract_facts(MODERNGOV_DECISION)
    assert (facts.key_decision, facts.call_in) == (False, True)
    assert facts.author is not None and facts.author.name == "Jane Smith"


def test_a_plan_agreed_on_a_date_and_submitted_undated_has_no_submission_date() -> None:
    text = (
        "Our productivity plan was agreed by the cabinet on 15 July and submitted to the "
        "Ministry of Housing, Communities and Local Government."
    )
    facts = extract_facts(text)
    assert facts.submitted_date is None
    assert [(e.date, e.action) for e in facts.timeline] == [(date(2024, 7, 15), "agreed")]


def test_a_sentence_wrapped_across_lines_is_still_one_sentence() -> None:
    text = (
        "Background\n\nThe draft plan was considered by the Corporate Leadership Team on\n"
        "11 June 2024 and\nwas submitted to the Ministry on 17 July 2024.\n\nNext steps\n"
    )
    facts = extract_facts(text)
    assert facts.submitted_date == date(2024, 7, 17)
    assert (date(2024, 6, 11), "Corporate Leadership Team", "considered") in [
        (e.date, e.body, e.action) for e in facts.timeline
    ]


BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "house_styles"
BLIND_LABELS = [json.loads(line) for line in (BLIND / "expected.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("label", BLIND_LABELS, ids=[label["file"] for label in BLIND_LABELS])
def test_blind_house_style_papers(label: dict[str, Any]) -> None:
    facts = extract_facts((BLIND / label["file"]).read_text("utf-8"))
    decision = facts.decision
    if label["doc_type"] is not None:
        assert facts.doc_type == label["doc_type"]
    assert bodies_match(decision.body, label["decision_body"])
    assert (decision.date.isoformat() if decision.date else None) == label["decision_date"]
    assert decision.outcome == label["decision"]
    submitted = facts.submitted_date.isoformat() if facts.submitted_date else None
    assert submitted == label["submitted_date"]
