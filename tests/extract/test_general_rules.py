# ruff: noqa: E501  (made-up pages print each paragraph on one line, as captures do)
"""General rules for documents the corpus lacks: forward-plan entries, decision boxes, several
decision-makers, articles on news sites, and steps told in the future tense. Every text is made
up, in the way democracy systems (ModernGov, CMIS) and the press print such pages."""

from datetime import date

import pytest

from productivity_plans.extract import extract_facts, submission_to_come
from productivity_plans.extract.makers import decision_makers

DEMOCRACY = "https://democracy.example-borough.gov.uk/mgIssueHistoryHome.aspx?IId=4321"

FORWARD_PLAN_ENTRY = """Issue details
Productivity Plan 2024
To approve the council's productivity plan for submission to government.
Decision type: Key
Decision status: For Determination
Notice of proposed decision first published: 14/06/2024
Anticipated restriction: Open
Decision maker: Cabinet
Decision due: 16 Jul 2024 by Cabinet
Lead member: Leader of the Council
Lead director: Chief Executive
"""

CMIS_FORWARD_PLAN = """Forward Plan reference: FP/2024/031
Title: Productivity Plan
Decision to be taken: To agree the Productivity Plan requested by the Minister.
Decision maker: Executive
Proposed date of decision: 10 July 2024
Key decision: Yes
"""


def test_a_forward_plan_entry_is_an_item_for_a_meeting_to_come_with_no_decision() -> None:
    """As the labelling conventions read a notice: the body and date of the decision planned,
    outcome none, no step taken."""
    expected = {
        FORWARD_PLAN_ENTRY: ("Cabinet", date(2024, 7, 16)),
        CMIS_FORWARD_PLAN: ("Executive", date(2024, 7, 10)),
    }
    for text, (body, when) in expected.items():
        facts = extract_facts(text, url=DEMOCRACY)
        assert facts.doc_type == "agenda_item"
        assert facts.decision.outcome == "none"
        assert (facts.decision.body, facts.decision.date) == (body, when)
        assert facts.timeline == []


def test_a_two_cell_table_row_reads_as_a_labelled_line() -> None:
    text = (
        "Forward Plan of Decisions - Item Details\n\nTitle | Productivity Plan\n\n"
        "Decision to be taken by | Cabinet\n\nExpected date of decision | 17 Jul 2024\n\n"
        "Status | Pending\n\nFirst entered on plan | 05 Jun 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 17))
    assert facts.decision.outcome == "none"


def test_a_forward_plan_entry_once_decided_gives_the_decision() -> None:
    text = (
        FORWARD_PLAN_ENTRY
        + "\nDecided at meeting: 16/07/2024 - Cabinet\nRESOLVED that the plan be approved.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.decision.outcome == "approved"
    assert facts.decision.date == date(2024, 7, 16)


JOINT_RECORD = """Record of Decision
Productivity Plan
Decision taken by: Cabinet Member for Finance and Resources, Leader of the Council
Date decision taken: 12 July 2024
Decision taken:
To approve the Productivity Plan and its submission to the Ministry of Housing, Communities and Local Government.
Reasons for the decision:
The Minister asked every council for a plan.
"""


def test_a_decision_taken_box_gives_body_date_and_outcome() -> None:
    facts = extract_facts(JOINT_RECORD)
    assert facts.doc_type == "decision_record"
    assert facts.decision.body == "Cabinet Member for Finance and Resources, Leader of the Council"
    assert facts.decision.date == date(2024, 7, 12)
    assert facts.decision.outcome == "approved"


def test_several_decision_makers_are_a_list_while_the_body_stays_one_string() -> None:
    decision = extract_facts(JOINT_RECORD).decision
    assert decision.makers == ("Cabinet Member for Finance and Resources", "Leader of the Council")


def test_a_name_holding_and_is_one_decision_maker() -> None:
    assert decision_makers("Portfolio Holder for Finance and Assets") == (
        "Portfolio Holder for Finance and Assets",
    )
    assert decision_makers("Leader of the Council and Chief Executive") == (
        "Leader of the Council",
        "Chief Executive",
    )
    assert decision_makers("Leader in consultation with the Chief Executive") == (
        "Leader in consultation with the Chief Executive",
    )
    assert decision_makers(None) == ()


def test_a_decision_box_in_capitals_gives_the_outcome() -> None:
    text = """Individual Cabinet Member Decision
Subject: Productivity Plan
Decision Maker: Portfolio Holder for Resources
Date of decision: 11 July 2024
DECISION:
To agree the Productivity Plan for submission to the Ministry.
"""
    facts = extract_facts(text)
    assert (facts.doc_type, facts.decision.outcome) == ("decision_record", "approved")
    assert facts.decision.date == date(2024, 7, 11)


def test_a_status_line_gives_the_outcome_when_the_decision_box_has_no_verb() -> None:
    text = """Decision details
Productivity Plan
Decision Maker: Cabinet
Decision status: Recommendations Approved
Decision:
As set out in the report.
"""
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "approved"


NEWS_ARTICLE = """Councils send productivity plans to Whitehall
By Sarah Jones
19 July 2024, 10:32 BST
Councils across England have sent their productivity plans to the government as the deadline passed.
The leader of one district council said: "Our productivity plan shows how we have transformed the way we work." "We are proud of what we have achieved," she said.
A spokesperson for the Local Government Association said councils had already made savings and that the plans should lead to real change from government, including multi-year settlements.
Ministers have said the plans will not be used to rank councils, and that a panel will look at the themes across the sector.
Related articles
"""


def test_an_article_on_a_news_site_is_news_even_when_it_quotes_a_plan() -> None:
    for url in (
        "https://www.example-news.co.uk/politics/councils-send-productivity-plans",
        "https://www.example-trade.com/finance/councils-send-productivity-plans/5012345.article",
        "https://www.example-paper.com/society/2024/jul/19/councils-send-productivity-plans",
    ):
        facts = extract_facts(NEWS_ARTICLE, url=url)
        assert facts.doc_type == "news", url
        assert facts.decision.outcome == "none"


def test_a_council_press_release_is_news() -> None:
    text = """Press release
Council agrees its productivity plan
The council's cabinet agreed its productivity plan on 9 July 2024, said Councillor Amir Khan.
"""
    facts = extract_facts(text, url="https://www.example-borough.gov.uk/press-releases/123")
    assert facts.doc_type == "news"


# ---------------------------------------------------------------- the future tense


def test_a_draft_for_a_cabinet_to_come_records_no_approval() -> None:
    text = """Productivity Plan 2024 - DRAFT
DRAFT - not yet approved, for Cabinet on 15 July 2024.
Our productivity plan sets out how we have transformed our services and what we will do next.
This plan will be approved by Cabinet on 15 July 2024 and then published on our website.
"""
    facts = extract_facts(text, url="https://www.example-borough.gov.uk/productivity-plan")
    assert facts.decision.outcome == "none"
    assert facts.decision.date is None
    assert facts.timeline == []
    assert facts.submitted_date is None


def test_steps_to_come_are_not_timeline_events_but_a_submission_day_to_come_is_its_date() -> None:
    text = """Report to Cabinet
Productivity Plan
1. The plan is to be considered by Council on 24 July 2024.
2. It is due to go to the Overview and Scrutiny Committee on 10 July 2024 for comment.
3. The plan will be submitted on 19 July 2024 and published on the council's website.
4. The plan was endorsed by the Leader on 2 July 2024.
"""
    facts = extract_facts(text)
    assert [(e.date, e.action) for e in facts.timeline] == [(date(2024, 7, 2), "endorsed")]
    # the labelling conventions: "will be submitted on 19 July" states the submission date
    assert facts.submitted_date == date(2024, 7, 19)


def test_a_submission_day_is_stated_in_other_words() -> None:
    for sentence in (
        "We sent our plan to the Department for Levelling Up, Housing and Communities on 17 July 2024.",
        "The response will be sent to DLUHC on 17 July 2024 and placed on the website.",
        "I instruct the Director to submit it to the Department on 17 July 2024.",
    ):
        assert extract_facts("Productivity Plan\n" + sentence).submitted_date == date(2024, 7, 17)
    assert extract_facts("Councils must submit their plans by 19 July 2024.").submitted_date is None


def test_a_meeting_to_come_named_in_running_text_is_not_the_decision_date() -> None:
    text = """Our Productivity Plan
This plan will be considered at a meeting of the Cabinet on 15 July 2024.
We have transformed the way we deliver services and we will keep doing so.
"""
    facts = extract_facts(text, url="https://www.example-borough.gov.uk/plan")
    assert facts.decision.date is None


def test_a_decision_to_come_in_a_resolution_is_not_its_outcome() -> None:
    text = """Productivity Plan
RESOLVED that the Productivity Plan be noted; the final version will be approved at the Council meeting on 24 July 2024.
"""
    assert extract_facts(text).decision.outcome == "noted"


def test_a_step_taken_is_still_an_event() -> None:
    text = "Productivity Plan\nThe plan was approved by Cabinet on 9 July 2024 and submitted on 12 July 2024.\n"
    facts = extract_facts(text)
    assert [(e.date, e.action) for e in facts.timeline] == [
        (date(2024, 7, 9), "approved"),
        (date(2024, 7, 12), "submitted"),
    ]
    assert facts.submitted_date == date(2024, 7, 12)


def test_a_submission_by_the_deadline_restates_the_deadline_and_gives_no_date() -> None:
    for text in (
        "Productivity Plan\nThe plan was then submitted to the Ministry by the deadline of 19 July 2024.\n",
        "Productivity Plan\nThe plan was submitted before 19 July 2024, as required.\n",
    ):
        assert extract_facts(text).submitted_date is None
    text = "Productivity Plan\nThe plan was submitted to the Ministry on 19 July 2024.\n"
    assert extract_facts(text).submitted_date == date(2024, 7, 19)


def test_a_reason_or_an_obligation_met_is_not_the_future_tense() -> None:
    text = (
        "Productivity Plan\n"
        "Due to the timetable, the plan was approved by the Leader on 15 July 2024.\n"
        "The plan, which had to be submitted by 19 July, was endorsed by Cabinet on 9 July 2024.\n"
    )
    events = [(e.date, e.action) for e in extract_facts(text).timeline]
    assert events == [(date(2024, 7, 9), "endorsed"), (date(2024, 7, 15), "approved")]


def test_a_decision_box_that_signs_the_plan_off_is_an_approval() -> None:
    text = """Record of decision
Productivity Plan
Decision Maker: Leader of the Council
Decision:
The Leader signed off the Productivity Plan for submission to government.
"""
    assert extract_facts(text).decision.outcome == "approved"


PLAN_TEXT = """Productivity Plan 2024
Our productivity plan answers the four questions the Minister asked in April 2024.
Services have been reviewed one by one, and the findings are set out below by theme.
"""


def test_a_plan_attached_to_a_meeting_on_a_democracy_site_is_a_plan() -> None:
    url = "https://democracy.example-borough.gov.uk/documents/s12345/Appendix%20A%20Productivity%20Plan.pdf"
    assert extract_facts(PLAN_TEXT, url=url).doc_type == "plan"
    page = "https://democracy.example-borough.gov.uk/ieListMeetings.aspx?CId=123"
    assert extract_facts(PLAN_TEXT, url=page).doc_type != "plan"


def test_a_councillor_and_their_office_are_one_decision_maker_either_way_round() -> None:
    assert decision_makers(
        "Cllr A Smith, Leader of the Council and Cllr B Jones, Cabinet Member for Finance"
    ) == ("Cllr A Smith, Leader of the Council", "Cllr B Jones, Cabinet Member for Finance")
    assert decision_makers("Leader of the Council, Councillor A Smith") == (
        "Leader of the Council, Councillor A Smith",
    )
    assert decision_makers(
        "Leader of the Council, Cllr A Smith; Cabinet Member for Finance, Cllr B Jones"
    ) == ("Leader of the Council, Cllr A Smith", "Cabinet Member for Finance, Cllr B Jones")


MINUTES = """Executive
Minutes of the meeting held on Thursday 11 July 2024

101. Minutes of the previous meeting
RESOLVED that the minutes of the meeting held on 13 June 2024 be approved as a correct record.

102. Productivity Plan
The Executive Member for Finance presented the plan prepared at the request of the Minister for Local Government.
RESOLVED
That the Executive gave its support to the Productivity Plan attached at Appendix A, for submission to Government.

103. Budget Forecast Update
RESOLVED that the Executive deferred consideration of the capital programme to August.
"""


def test_minutes_are_read_within_the_item_about_the_plan() -> None:
    facts = extract_facts(MINUTES, url=DEMOCRACY)
    assert facts.doc_type == "minutes"
    assert facts.decision.outcome == "endorsed"


def test_minutes_that_mention_the_plan_in_an_item_deciding_nothing_record_no_decision() -> None:
    text = MINUTES.replace(
        "102. Productivity Plan\nThe Executive Member for Finance presented the plan prepared at the request of the Minister for Local Government.\nRESOLVED\nThat the Executive gave its support to the Productivity Plan attached at Appendix A, for submission to Government.",
        "102. Reports of the Leader\nThe Leader reported on the garden waste round and on the council's productivity plan, sent to Government in July.",
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "none"


def test_agreeing_that_comments_be_referred_on_is_procedure_not_approval() -> None:
    text = MINUTES.replace(
        "RESOLVED\nThat the Executive gave its support to the Productivity Plan attached at Appendix A, for submission to Government.",
        "RESOLVED that the Committee noted the draft plan and agreed that the comments in 3.3 be referred to Cabinet.",
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "noted"


def test_a_resolution_by_a_majority_gives_the_outcome() -> None:
    text = MINUTES.replace(
        "RESOLVED\nThat the Executive gave its support",
        "It was resolved, by a majority, to:\nendorse",
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "endorsed"


def test_a_reports_recommendation_outranks_an_earlier_step_told_in_prose() -> None:
    text = """Public Report
Cabinet - 22 July 2024
Report Title: Productivity Plan - for information
Report Summary
Because the timetable overlapped with the election period, the Leader approved the plan on 10 July 2024 under the urgency provisions.
Recommendations
That Cabinet:
1. Notes the Productivity Plan attached at Appendix 1, as submitted to Government.
"""
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "noted"


def test_a_decision_put_back_to_a_later_meeting_is_deferred() -> None:
    text = """Decision details
Draft Productivity Plan
Decision Maker: Cabinet
Decision:
Cabinet agreed that consideration of the draft be put back to its next meeting on 16 July 2024.
Date of decision: 25/06/2024
"""
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "deferred"


def test_an_agenda_item_for_a_decision_to_come_records_no_decision() -> None:
    text = """Agenda item
Productivity Plan
Meeting of Cabinet, Monday 8th July, 2024 6.00 pm (Item 7.)
Purpose
To consider the Council's plan in reply to the Minister's letter.
Cabinet will be asked to decide whether to approve the plan for submission to Government.
"""
    facts = extract_facts(text, url=DEMOCRACY.replace("mgIssueHistoryHome", "mgAi"))
    assert facts.decision.outcome == "none"


def test_meeting_headers_in_other_layouts_give_the_body_and_date() -> None:
    one_line = "Report to Cabinet: Productivity\nMeeting: Cabinet   Date: 25 June 2024\nWards affected: All\n"
    held_on = "Overview and Scrutiny Committee\nMinutes of the meeting held on Tuesday, 9 July 2024 at 7.00 pm\n1. Productivity plan\nThe Committee noted the draft.\n"
    at_time = "Minutes of a meeting of the Executive\nAt 10.00 am on Thursday 11th July, 2024 in the Council Chamber\n101. Minutes of the meeting held on 13th June 2024\n"
    for text, when in (
        (one_line, date(2024, 6, 25)),
        (held_on, date(2024, 7, 9)),
        (at_time, date(2024, 7, 11)),
    ):
        facts = extract_facts(text, url=DEMOCRACY)
        assert facts.decision.date == when, text
    assert extract_facts(one_line, url=DEMOCRACY).decision.body == "Cabinet"


def test_joint_decision_makers_are_their_offices_without_names() -> None:
    text = """Decision details
Productivity Plan 2024
Decision Makers:
Leader of the Council (Councillor P. Harkness) and Portfolio Holder for Finance (Councillor J. Ostrowski), acting jointly

Decision:
The Leader and the Portfolio Holder approved the plan for submission.
"""
    body = extract_facts(text, url=DEMOCRACY).decision.body
    assert body == "Leader of the Council and Portfolio Holder for Finance"


def test_a_numbered_decision_form_is_a_decision_taken_not_a_forward_plan() -> None:
    text = """EXAMPLE DISTRICT COUNCIL
RECORD OF EXECUTIVE DECISION

1. Decision taken by (tick one):
[ ] Cabinet      [X] Individual Portfolio Holder

2. Date decision taken: 11 July 2024

3. Subject: Productivity Plan 2024

4. Is this a Key Decision?   [ ] Yes   [X] No
   Included in the Forward Plan?   [X] Yes   [ ] No

5. Decision:
To approve the Productivity Plan attached as Appendix A.
"""
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.date, decision.outcome) == (date(2024, 7, 11), "approved")


def test_an_officer_decision_notice_names_the_officer_and_the_day_the_plan_is_emailed() -> None:
    text = """OFFICER DECISION NOTICE

Officer taking the decision: Chief Executive

Date of decision: 18 July 2024

Subject: Productivity Plan - final version

Decision:
The Chief Executive agreed the final text of the Productivity Plan. The plan will be emailed to the Ministry on 18 July 2024.
"""
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.decision.body == "Chief Executive"
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_plan_approved_by_the_councils_executive_was_approved_by_the_executive() -> None:
    text = """Council sets out how it is making every pound count
Published 10 July 2024
The council has published the plan it is sending to government, after the plan was approved by the Council's Executive on Tuesday 9 July 2024.
"""
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plan").decision
    assert (decision.body, decision.outcome) == ("Executive", "approved")


# Sign-offs, submissions and notices told in further ways (written after blind round 14; every
# text made up).

PLAN_HEAD = "Example Borough Council Productivity Plan 2024\n\n"
# The four headings answered in a line each: enough for a short text to be read as a plan.
FOUR_HEADINGS = (
    "\n\n1. Transformation\nWe have changed how we work.\n\n2. Technology and data\nWe use data "
    "well.\n\n3. Reducing wasteful spend\nWe cut waste.\n\n4. Barriers\nGovernment could help.\n"
)


def test_a_plan_presented_to_a_committee_where_members_agreed_it_is_approved_there() -> None:
    text = PLAN_HEAD + (
        "The plan was presented to the Resources Committee on 4 July 2024, where councillors "
        "agreed it, and it will be sent to the Department on 15 July 2024.\n"
    )
    facts = extract_facts(text)
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Resources Committee",
        date(2024, 7, 4),
        "approved",
    )
    assert facts.submitted_date == date(2024, 7, 15)


def test_a_plan_only_presented_to_a_committee_records_no_decision() -> None:
    text = PLAN_HEAD + "This plan was presented to the Resources Committee on 4 July 2024.\n"
    decision = extract_facts(text).decision
    assert (decision.body, decision.outcome) == ("Resources Committee", "none")


def test_a_plan_to_be_reported_to_a_committee_later_is_a_decision_to_come() -> None:
    text = PLAN_HEAD + (
        "It went to the Ministry on 16 July 2024 and will be reported to the Audit and "
        "Governance Committee at its meeting on 30 July 2024.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Audit and Governance Committee",
        date(2024, 7, 30),
        "none",
    )


def test_an_office_holder_who_approved_it_once_the_plan_is_named() -> None:
    text = PLAN_HEAD + (
        "Councils were asked to explain how they will improve productivity. This is our plan. "
        "The Leader of the Council approved it at an individual decision meeting on 5 July 2024.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 5),
        "approved",
    )


def test_an_it_approved_before_the_ministers_letter_is_another_documents() -> None:
    text = PLAN_HEAD + (
        "Our corporate strategy sets our priorities. This is our plan. The Cabinet approved it "
        "at its meeting on 6 February 2024." + FOUR_HEADINGS
    )
    facts = extract_facts(text)
    assert facts.doc_type == "plan"
    assert (facts.decision.body, facts.decision.outcome) == (None, "none")


def test_a_title_page_approval_label_gives_the_body_without_the_label() -> None:
    text = (
        "EXAMPLE BOROUGH COUNCIL\n\nProductivity Plan\n2024\n\n"
        "Approved by the Strategy and Resources Board, 11 July 2024\n"
        "Submitted to DLUHC: 18 July 2024\n\n1  Introduction\n"
    )
    facts = extract_facts(text)
    assert facts.decision.body == "Strategy and Resources Board"
    assert facts.submitted_date == date(2024, 7, 18)


def test_we_submitted_it_to_the_department_on_a_day_is_the_submission() -> None:
    text = PLAN_HEAD + (
        "Cabinet agreed the plan on 2 July 2024, and we submitted it to the Department for "
        "Levelling Up, Housing and Communities on 11 July 2024.\n"
    )
    assert extract_facts(text).submitted_date == date(2024, 7, 11)


def test_the_press_lead_plans_that_were_approved_takes_the_body_and_day() -> None:
    text = (
        "Published: Thursday, 11 July 2024\n"
        "Plans setting out how Example Council will carry on saving money while protecting "
        "front-line services were approved by Cabinet members on Wednesday (10 July).\n"
        "The plans will be sent to government next week.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plans").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "approved",
    )


def test_the_press_lead_plans_still_to_be_approved_records_no_decision() -> None:
    text = (
        "Published: Thursday, 11 July 2024\n"
        "Plans to save money will be approved by Cabinet on Tuesday (16 July).\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plans").decision
    assert decision.outcome == "none"


def test_a_plan_agreed_unanimously_at_a_meeting_of_the_executive_is_approved() -> None:
    text = (
        "Council agrees its productivity plan\n"
        "Example's plan was approved unanimously at a meeting of the council's executive on "
        "Tuesday (July 9).\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/council/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 9),
        "approved",
    )


def test_a_report_for_information_records_its_recommendation_not_the_earlier_approval() -> None:
    text = """PRODUCTIVITY PLAN

Cabinet - 5 September 2024

Status:            For Information

Executive Summary: This report tells Members about the Productivity Plan, which was approved
by the Chief Executive under delegated authority in July.

Recommendation to Cabinet: That the Productivity Plan at Appendix 1 be noted.

Reason for recommendation: So that Members are aware of the plan.

1   The Chief Executive approved the Plan under delegated powers on 15 July 2024.
"""
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.outcome) == ("Cabinet", "noted")


def test_a_draft_agreed_with_the_final_approval_delegated_is_delegated() -> None:
    text = """Executive
2 July 2024

PRODUCTIVITY PLAN 2024

2.    RECOMMENDATIONS

2.1   That Executive agrees the draft Productivity Plan at Appendix 1.

2.2   That authority to approve the final version for submission be delegated to the Chief
      Executive in consultation with the Leader.

3.    REASONS FOR RECOMMENDATIONS
"""
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "delegated"


def test_a_draft_agreed_with_only_tidying_up_delegated_is_approved() -> None:
    text = """Executive
2 July 2024

PRODUCTIVITY PLAN 2024

2.    RECOMMENDATIONS

2.1   That Executive agrees the draft Productivity Plan at Appendix 1.

2.2   That the correction of typing errors be delegated to the Chief Executive.

3.    REASONS FOR RECOMMENDATIONS
"""
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "approved"


def test_a_notice_of_key_decisions_to_be_taken_is_a_forward_plan() -> None:
    text = """THE FORWARD PLAN OF EXAMPLE BOROUGH COUNCIL

NOTICE OF KEY AND OTHER DECISIONS TO BE TAKEN BY THE CABINET

Publication date: 12 June 2024

Decision taker: Cabinet
Date of meeting: 9 July 2024

Subject matter: Productivity Plan
Key decision: No
Summary: Cabinet will be asked to agree the Council's plan for submission to government.
Lead Officer: Director of Strategy
Documents to be considered: Report and draft Productivity Plan
"""
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "none",
    )


def test_a_page_that_gives_the_plan_in_full_is_the_plan_despite_a_download() -> None:
    paragraph = (
        "We have brought our housing and benefits teams together so that residents get advice "
        "on money and housing in one conversation, and we have moved our street teams to mobile "
        "working so that jobs are logged where they are done. "
    )
    text = (
        "Productivity plan 2024\n\n"
        "In April 2024 the government asked every council to write a short plan. This page sets "
        "out our plan in full.\n\n" + "\n\n".join([paragraph] * 10) + "\n\nDownloads\n\n"
        "Productivity plan 2024 (PDF, 180KB)\n"
    )
    doc_type = extract_facts(text, url="https://www.example.gov.uk/productivity-plan").doc_type
    assert doc_type == "plan"


# Written after blind round 15 (every text made up).


def test_a_plan_signed_off_as_a_mayoral_decision_is_the_mayors() -> None:
    text = PLAN_HEAD + (
        "Foreword from the Mayor\nThis plan answers the Government's letter. I signed it off as "
        "a Mayoral decision on 11 July 2024 after it was discussed at the Resources Board.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Mayor",
        date(2024, 7, 11),
        "approved",
    )


def test_a_title_page_line_sent_to_the_department_on_a_day_is_the_submission() -> None:
    text = (
        "Example District Council\nProductivity Plan\nJuly 2024\n\n"
        "Approved by the Executive on 9 July 2024\n"
        "Sent to the Department for Levelling Up, Housing and Communities on 12 July 2024\n\n"
        "1. Introduction\n"
    )
    facts = extract_facts(text)
    assert facts.decision.date == date(2024, 7, 9)
    assert facts.submitted_date == date(2024, 7, 12)


def test_a_report_header_of_the_councils_name_and_body_over_the_date() -> None:
    text = (
        "Example City Council Cabinet\n\n10 July 2024\n\nProductivity Plan\n\n"
        "Report by:\nCabinet Member for Resources\n\n"
        "Recommendations\n\n1. That Cabinet approves the Productivity Plan at Appendix 1.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 7, 10))


def test_the_press_lead_a_plan_given_the_go_ahead_at_its_meeting_last_weekday() -> None:
    text = (
        "Published 16 July 2024\n\nPlan sets out how the council will do more with less\n\n"
        "A plan showing how Example District Council has saved money, and what the Government "
        "could do to help, was given the go-ahead by the council's Cabinet at its meeting last "
        "Thursday (11 July).\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 11),
        "approved",
    )


def test_an_article_gives_the_day_of_the_account_that_has_one() -> None:
    text = (
        "Example Gazette\n\nCouncil backs plan\n\nBy Local Democracy Reporter\n"
        "Friday, 12th July 2024\n\n"
        "Example District Council's cabinet has signed off a plan on how it will save money.\n\n"
        "Councillors on the cabinet backed the productivity plan at a meeting in the town hall "
        "on Wednesday (July 10).\n"
    )
    facts = extract_facts(text, url="https://www.example-gazette.co.uk/news/council-backs-plan")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 10))


def test_a_body_in_a_relative_clause_is_not_the_one_that_agreed_the_plan() -> None:
    text = (
        "Example Post\n\nBy Local Democracy Reporter\n08:15, 9 JUL 2024\n\n"
        "Councillors on the committee which replaced the mayor's cabinet backed the plan.\n\n"
        "The council's Strategy and Resources Committee agreed the document at a meeting on "
        "Monday, July 8, 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example-post.co.uk/news/plan")
    assert (facts.decision.body, facts.decision.date) == (
        "Strategy and Resources Committee",
        date(2024, 7, 8),
    )


def test_a_page_saying_this_is_the_councils_plan_with_a_download_is_the_plan() -> None:
    paragraph = (
        "Our transformation programme is rebuilding the council around fewer services done "
        "well, with a single front door for residents and one case system for officers. "
    )
    text = (
        "Productivity plan 2024\n\nThis is Example Borough Council's productivity plan, "
        "prepared in response to the Minister's letter.\n\n"
        + "\n\n".join([paragraph] * 14)
        + "\n\nDownload\n\nProductivity plan 2024 (PDF, 400KB)\n"
    )
    doc_type = extract_facts(text, url="https://www.example.gov.uk/productivity-plan").doc_type
    assert doc_type == "plan"


# Written after blind round 16 (every text made up).


def test_a_response_signed_off_after_a_meeting_has_no_day_of_its_own() -> None:
    text = PLAN_HEAD + (
        "This response has been signed off by the Leader of the Council following discussion "
        "at Cabinet on 9 July 2024.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader of the Council",
        None,
        "approved",
    )


def test_a_sign_off_dated_after_a_clause_about_consultation_keeps_its_day() -> None:
    text = PLAN_HEAD + (
        "It was signed off by the Chief Executive under delegated authority, following "
        "consultation with the Leader, on 12 July 2024.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == ("Chief Executive", date(2024, 7, 12))


def test_agreed_that_a_report_be_noted_is_noted_and_agreed_that_the_panel_lists_the_decision() -> (
    None
):
    minutes = "MINUTES\n4. PRODUCTIVITY PLAN\nThe Panel considered the draft Productivity Plan.\n"
    tail = "5. WORK PROGRAMME\nThe Panel agreed its work programme.\n"
    noted = minutes + "AGREED that the report be noted.\n" + tail
    listed = (
        minutes
        + (
            "It was proposed by Councillor Ahmed, seconded by Councillor Price and AGREED that the "
            "Panel:\n1. Notes the draft Productivity Plan;\n2. Recommends changes to Cabinet.\n"
        )
        + tail
    )
    assert extract_facts(noted, url=DEMOCRACY).decision.outcome == "noted"
    assert extract_facts(listed, url=DEMOCRACY).decision.outcome == "noted"


def test_a_committee_agreeing_that_the_plan_be_submitted_still_approves_it() -> None:
    text = (
        "MINUTES\n4. PRODUCTIVITY PLAN\nThe Committee agreed that the Productivity Plan be "
        "submitted to government.\n5. WORK PROGRAMME\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "approved"


def test_a_panels_name_in_capitals_over_a_blank_line_and_its_minutes_heading() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\n\nOVERVIEW AND SCRUTINY PANEL\n\n"
        "Minutes of the meeting held on Tuesday 25 June 2024 at 7.00 pm.\n\n"
        "4. PRODUCTIVITY PLAN\nAGREED that the Panel notes the draft plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Overview and Scrutiny Panel", date(2024, 6, 25))


def test_a_report_titled_council_over_a_date_label_is_to_council() -> None:
    text = (
        "COUNCIL\n\nDATE: 23 July 2024\n\nSUBJECT: Productivity Plan\n\n"
        "PURPOSE\n1. To ask Council to endorse the plan agreed by the Executive on 8 July 2024.\n\n"
        "RECOMMENDATION\n2. Council is recommended to endorse the plan at Appendix A.\n\n"
        "BACKGROUND\n3. The Executive considered the draft at its meeting on 8 July 2024.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Council",
        date(2024, 7, 23),
        "endorsed",
    )


def test_the_press_at_their_meeting_on_a_weekday_cabinet_members_backed_the_plan() -> None:
    text = (
        "Council sets out how it will save\n\nPublished: 12 July 2024\n\n"
        "Example Council's Cabinet has given the green light to the council's productivity plan.\n\n"
        "At their meeting on Tuesday, Cabinet members backed the plan, which describes the "
        "savings made since 2020.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "approved",
    )


def test_another_plans_dated_approval_before_the_letter_does_not_outrank_the_plans_own() -> None:
    text = PLAN_HEAD + (
        "This productivity plan was approved by the Executive. Our earlier work built on a town "
        "centre strategy; the Cabinet approved the plan for the town centre on 3 March 2023."
        + FOUR_HEADINGS
    )
    facts = extract_facts(text)
    assert facts.doc_type == "plan"
    assert (facts.decision.body, facts.decision.date) == ("Executive", None)


def test_a_plan_approved_before_the_ministers_letter_is_another_plans_approval() -> None:
    text = PLAN_HEAD + (
        "This is our productivity plan. It builds on our town centre work: the Cabinet approved "
        "the plan for the town centre on 3 March 2023." + FOUR_HEADINGS
    )
    facts = extract_facts(text)
    assert facts.doc_type == "plan"
    assert (facts.decision.date, facts.decision.outcome) == (None, "none")


def test_a_cover_line_endorsed_by_a_body_before_a_sentence_on_the_submission_to_come() -> None:
    text = (
        "EXAMPLE BOROUGH COUNCIL\n\nProductivity Plan - July 2024\n\n"
        "Endorsed by the Executive on 1 July 2024. To be submitted to the Department for "
        "Levelling Up, Housing and Communities on 12 July 2024.\n\nAbout this plan\n"
        + FOUR_HEADINGS
    )
    facts = extract_facts(text)
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Executive",
        date(2024, 7, 1),
        "endorsed",
    )
    assert facts.submitted_date == date(2024, 7, 12)


def test_a_plans_approval_told_as_a_noun_gives_the_body_the_day_and_an_approval() -> None:
    text = PLAN_HEAD + (
        "Following its approval by Full Council on 18 July 2024, this plan will be submitted to "
        "the Ministry on 19 July 2024." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body_kind, decision.date, decision.outcome) == (
        "council",
        date(2024, 7, 18),
        "approved",
    )


def test_a_running_footer_gives_the_body_without_the_councils_name_before_it() -> None:
    text = (
        "Example Borough Council\n\nFinance and Resources Committee\n\nMinutes\n\n"
        "Members present: Councillors A, B and C.\n\n"
        "12/24 Productivity Plan\n\nThe Committee considered the draft plan.\n\n"
        "RESOLVED that the Productivity Plan be approved.\n\n"
        "Example Borough Council - Finance and Resources Committee - 15 July 2024\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == ("Finance and Resources Committee", date(2024, 7, 15))


def test_the_officer_who_decides_in_consultation_with_members_is_the_body() -> None:
    text = (
        "Decision taken under urgency procedures\n\n"
        "Committee:           Resources Committee\n"
        "Subject:             Productivity Plan\n"
        "Decision taken by:   The Town Clerk and Chief Executive, in consultation with the Chairman\n"
        "                     and Deputy Chairman of the Resources Committee\n"
        "Date of decision:    17 July 2024\n\n"
        "Decision\n\nThe Town Clerk approved the Productivity Plan at Appendix 1.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert decision.body == "Town Clerk and Chief Executive"


def test_a_meeting_label_naming_only_the_body_outranks_a_body_in_the_narrative() -> None:
    text = (
        "Productivity Plan 2024\n\nMeeting:            Council\nDate:               24 July 2024\n\n"
        "1.0   Purpose of the report\n\n1.1   To ask Council to endorse the plan.\n\n"
        "2.0   Recommendations\n\n2.1   That the Productivity Plan, as approved by Cabinet on 16 "
        "July 2024, be endorsed.\n\n3.0   Reasons for recommendations\n\n3.1   Cabinet approved "
        "the Plan at short notice because of the general election.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Council",
        date(2024, 7, 24),
        "endorsed",
    )


def test_a_committee_asked_to_delegate_the_final_version_is_a_delegation() -> None:
    text = (
        "Policy and Resources Committee\n\nDate of meeting | 2 July 2024\n\nSubject | Productivity Plan\n\n"
        "The Committee is asked to:\n\ncomment on the draft Productivity Plan at Appendix 1;\n\n"
        "delegate authority to the Managing Director to finalise the Productivity Plan and submit "
        "it to Government.\n\nThe Minister's letter asked that plans be agreed with members; the "
        "report proposes that the final version is signed off under delegation.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "delegated"


def test_a_decision_that_authorised_the_plans_submission_on_a_day_states_the_submission() -> None:
    text = (
        "Decision\n\nThe Chief Executive approved the Productivity Plan and authorised its "
        "submission to the Ministry of Housing, Communities and Local Government on 18 July 2024.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date == date(2024, 7, 18)


def test_a_plan_e_mailed_to_the_department_after_it_was_finalised_is_submitted() -> None:
    text = (
        "4.1   Following Cabinet's approval, the Plan was finalised by officers and e-mailed to the "
        "Department's productivity plans inbox on 17 July 2024.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date == date(2024, 7, 17)


def test_submitted_today_in_an_article_whose_dateline_gives_the_time_first() -> None:
    text = (
        "Council tells Whitehall what stands in its way\n\nBy Local Democracy Reporter\n"
        "Published: 07:00, 19 July 2024\n\n"
        "The borough council's productivity plan was approved at a meeting of the cabinet on "
        "Wednesday (July 17).\n\nThe plan will be submitted today (Friday), the final day allowed.\n"
    )
    facts = extract_facts(text, url="https://www.example-news.co.uk/news/plan")
    assert facts.submitted_date == date(2024, 7, 19)
    assert facts.decision.date == date(2024, 7, 17)


def test_approved_at_a_meeting_somewhere_on_a_weekday_evening_takes_the_day_before_the_dateline() -> (
    None
):
    text = (
        "News\n\nPlan sets out the council's case for longer-term funding\n\nPublished: 10 July 2024\n\n"
        "The plan was approved by the Executive at its meeting at the Civic Centre on Tuesday "
        "evening and will now be sent to the Government.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == ("Executive", date(2024, 7, 9))


def test_at_a_meeting_on_a_weekday_the_cabinet_also_agreed_the_plan() -> None:
    text = (
        "Depots to close as cabinet backs plan\n\nLocal Democracy Reporting Service\n16 JUL 2024\n\n"
        "Example City Council's cabinet has agreed to close two depots.\n\n"
        "At a meeting at the Civic Centre on Monday, the cabinet also agreed the council's "
        "productivity plan.\n"
    )
    decision = extract_facts(text, url="https://www.example-chronicle.co.uk/news/depots").decision
    assert (decision.body_kind, decision.date, decision.outcome) == (
        "cabinet",
        date(2024, 7, 15),
        "approved",
    )


def test_the_meeting_an_item_is_deferred_to_is_not_the_meetings_own_day() -> None:
    text = (
        "Minutes\n\nExecutive\nThursday, 13th June, 2024 10.00 am\n\nE.12/24 Productivity Plan\n\n"
        "The Executive considered a draft Productivity Plan.\n\nRESOLVED\n\n"
        "That consideration of the Productivity Plan be deferred to the meeting of the Executive "
        "on 18 July 2024.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.date, decision.outcome) == (date(2024, 6, 13), "deferred")


def test_the_elected_mayor_and_cabinet_is_a_cabinet() -> None:
    text = PLAN_HEAD + (
        "The plan was agreed by the Elected Mayor and Cabinet on 8 July 2024." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body_kind, decision.date) == ("cabinet", date(2024, 7, 8))


def test_a_short_council_page_saying_download_the_plan_is_its_landing_page() -> None:
    text = (
        "Productivity plan\n\nAll councils were asked to produce a productivity plan in 2024. Ours "
        "explains how we have changed the way we work.\n\nThe plan was agreed by Cabinet on 8 July "
        "2024.\n\nDownload the plan\n\nWhat the plan covers\n\nOur shared services.\n\nOur asks of "
        "government.\n\nLast updated: 16 July 2024\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/council/productivity-plan")
    assert facts.doc_type == "web_page"


def test_a_meeting_held_on_a_day_under_the_committees_name() -> None:
    text = (
        "EXAMPLE CITY COUNCIL\n\nFinance Policy Committee\n\nMeeting held 10 July 2024\n\n"
        "PRESENT: Councillors A, B and C\n\n8. PRODUCTIVITY PLAN\n\n"
        "8.1 The Committee considered the draft plan.\n\n8.2 RESOLVED: That the plan be approved.\n"
    )
    facts = extract_facts(text)
    assert (facts.doc_type, facts.decision.date) == ("minutes", date(2024, 7, 10))


def test_full_council_minutes_of_a_debate_with_reported_speech_are_minutes() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\n\nMINUTES\n\nCOUNCIL\n\n22nd July 2024\n\n"
        "Present: Councillor A (Chairman) and 40 other Councillors.\n\n15   PRODUCTIVITY PLAN\n\n"
        "Members received a report on the plan, approved by Cabinet on 8th July 2024.\n\n"
        "In the debate that followed:\n\nCouncillor B said that funding had fallen. She said "
        "the plan should say so.\n\nCouncillor C said he agreed.\n\n"
        "DECISION: That the Productivity Plan be noted.\n\n16   MOTIONS\n\n"
        "DECISION: That the Motion be referred to the Cabinet.\n"
    )
    facts = extract_facts(text)
    assert facts.doc_type == "minutes"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Council",
        date(2024, 7, 22),
        "noted",
    )


def test_a_recommendations_zone_ends_at_the_next_numbered_section_in_capitals() -> None:
    text = (
        "COUNCIL - 22 JULY 2024\n\nPRODUCTIVITY PLAN\n\n1. RECOMMENDATIONS\n\n1.1 That Council "
        "endorses the Productivity Plan, as approved by the Cabinet on 3 July 2024.\n\n"
        "2. INTRODUCTION\n\n2.1 The Cabinet considered and approved the plan at its meeting on 3 "
        "July 2024.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "endorsed"


def test_the_officer_taking_the_decision_label_without_the_article() -> None:
    text = (
        "RECORD OF DECISION TAKEN BY AN OFFICER UNDER DELEGATED POWERS\n\n"
        "Officer taking decision: Chief Executive\nDate decision taken: Thursday 18 July 2024\n\n"
        "1. DECISION\nTo approve the final version of the Productivity Plan. On 4 July 2024 the "
        "Policy Committee considered a draft of the plan.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.body == "Chief Executive"


def test_a_release_whose_lead_names_the_plan_after_a_pronoun_takes_its_sign_off() -> None:
    text = (
        "Council agrees plan to make every pound go further\n\nPublished: Friday, 12 July 2024\n\n"
        "Example Council has set out how it will get more from its budget in a new productivity "
        "plan, agreed by Cabinet members at their meeting on Thursday evening.\n\n"
        "The plan will be sent to the Department ahead of the deadline on 19 July.\n"
    )
    facts = extract_facts(text)
    assert (facts.decision.body_kind, facts.decision.date, facts.decision.outcome) == (
        "cabinet",
        date(2024, 7, 11),
        "approved",
    )
    assert facts.submitted_date is None  # the deadline restated, not a day of its own


def test_the_press_on_a_decision_put_off_gives_the_meeting_that_deferred_it() -> None:
    text = (
        "Council puts off productivity plan decision\n\n06:00, 21 JUN 2024\n\n"
        "The council's executive was due to approve its productivity plan on Tuesday (June 18), "
        "but members agreed instead to defer a decision until their next meeting on July 16.\n"
    )
    decision = extract_facts(text, url="https://www.example-live.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 6, 18),
        "deferred",
    )


def test_an_elected_city_mayor_deciding_alone_is_the_body() -> None:
    text = PLAN_HEAD + (
        "The City Mayor approved the plan on 15 July 2024 following discussion with the "
        "Executive, and it was submitted on 19 July 2024." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.body_kind, decision.date) == (
        "City Mayor",
        "mayor",
        date(2024, 7, 15),
    )


def test_the_leader_saying_i_approved_this_plan_as_leader() -> None:
    text = PLAN_HEAD + (
        "Foreword\n\nI approved this plan as Leader on 15 July 2024, after discussing it with "
        "Cabinet colleagues." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader",
        date(2024, 7, 15),
        "approved",
    )


def test_a_running_header_of_the_body_and_a_short_date_with_its_page_number() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\n\nMinutes of the meeting of the Council held in the Council "
        "Chamber\n\nCOUNCIL 23.07.24                                    Page 1\n\n"
        "45   Productivity Plan\n\nCouncil received the report.\n\nRESOLVED that the plan be "
        "noted.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Council", date(2024, 7, 23))


def test_a_report_header_with_its_item_number_and_a_recommended_decision() -> None:
    text = (
        "                                                     Item\n"
        "Cabinet                                                8\n"
        "                                                10 July 2024\n\n"
        "Title        Productivity Plan 2024\n\n"
        "2.    Recommended Decision\n2.1   To approve the Productivity Plan at Appendix A for "
        "submission to government.\n\n3.    Reason for Recommended Decision\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "approved",
    )


def test_a_decision_record_dated_by_its_signature() -> None:
    text = (
        "Cabinet Member Report / Record of Decision\n\n"
        "Decision Maker:        Cabinet Member for Finance\nDate:                  Signed 18 July 2024\n"
        "Title:                 Productivity Plan 2024\n\n"
        "2. Recommendation\n2.1 That the Cabinet Member approves the Productivity Plan.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.date == date(2024, 7, 18)


def test_a_report_for_information_with_a_sign_off_table_and_no_forward_plan_entry() -> None:
    text = (
        "Agenda Item No 9\n\nCabinet\n12 September 2024\n\n"
        "Title: Productivity Plan – submitted to government (for information)\n"
        "Key decision: No\nIncluded in the Forward Plan: No\n\n"
        "Officer/Councillor Approval\nChief Executive – Simon Pryce – 27 August 2024\n"
        "Portfolio Holder – Cllr Ruth Ashworth – 29 August 2024\n\n"
        "2. Recommendation\n2.1 That Cabinet notes the Productivity Plan at Appendix 1, as approved "
        "by the Chief Executive under delegated powers and sent to government.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 9, 12),
        "noted",
    )


def test_a_release_where_the_cabinet_last_night_gave_the_go_ahead() -> None:
    text = (
        "News\n\nPublished: Thursday 11 July 2024\n\n"
        "Example Borough Council's Cabinet last night gave the go-ahead to the council's first "
        "Productivity Plan, which will now be sent to government.\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "approved",
    )


def test_sent_to_whitehall_the_following_day_is_the_submission() -> None:
    text = (
        "City plan signed off\n\nBy Local Democracy Reporter\nPublished: 19 July 2024\n\n"
        "The city's plan was signed off by the council's executive board on Tuesday (July 16) and "
        "sent to Whitehall the following day, a spokesperson confirmed.\n"
    )
    facts = extract_facts(text, url="https://www.example-post.co.uk/news/plan")
    assert facts.submitted_date == date(2024, 7, 17)


def test_the_press_on_an_item_held_over_after_the_board_was_asked_to_agree_it() -> None:
    text = (
        "Thursday 18 July 2024\n\n"
        "Example City Council's executive board was asked on Wednesday (July 17) to agree the "
        'authority\'s "productivity plan".\n\nBut members agreed to hold the item over after '
        "opposition councillors complained about the timing.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive board",
        date(2024, 7, 17),
        "deferred",
    )


def test_a_sign_off_whose_day_is_an_earlier_steps_does_not_outrank_one_with_its_own_day() -> None:
    """The day after "following …" is the earlier step's, both when the day is read and when
    the plan's accounts of its sign-off are ranked by whether they give one."""
    text = PLAN_HEAD + (
        "This plan was signed off by the Leader following discussion at Cabinet on 15 July 2024."
        "\n\nThe Leader approved it on 17 July 2024, and it was submitted on 18 July 2024."
        + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == ("Leader", date(2024, 7, 17))


def test_the_press_names_the_plan_by_its_place_between_the_article_and_productivity_plan() -> None:
    text = (
        "Borough news\n\nBy Local Democracy Reporting Service\nPublished 12th July 2024\n\n"
        "The borough's cabinet endorsed the Exampleton Productivity Plan at a meeting in the "
        "town hall on Thursday (July 11), after the government asked every council for one.\n"
    )
    decision = extract_facts(text, url="https://www.example-telegraph.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 11),
        "endorsed",
    )


def test_it_was_agreed_right_after_the_plan_calls_itself_this_document() -> None:
    text = PLAN_HEAD + (
        "This document is the council's answer to the Minister's request for a short plan on "
        "productivity. It has been approved by\nthe Leader of the Council after discussion with "
        "the Cabinet, and will be published on our website." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.outcome) == ("Leader of the Council", "approved")


def test_an_undated_it_after_another_subject_is_still_not_the_plans_sign_off() -> None:
    text = PLAN_HEAD + (
        "The capital strategy was refreshed last year. It was approved by Cabinet." + FOUR_HEADINGS
    )
    assert extract_facts(text).decision.outcome == "none"


def test_a_text_grid_tables_two_cell_row_reads_as_a_labelled_line() -> None:
    text = (
        "Example Borough Council\n\nAUDIT AND GOVERNANCE COMMITTEE\n\nMINUTES\n\n"
        "+-----------------+--------------------------------+\n"
        "| Date of meeting | Tuesday 16 July 2024 at 7.00pm |\n"
        "| Place           | Committee Room 2, Civic Centre |\n"
        "|                 | (continued)                    |\n"
        "+-----------------+--------------------------------+\n\n"
        "12/24  Productivity Plan\n        The Committee considered the draft plan.\n"
        "        RESOLVED: That the Committee notes the Productivity Plan.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.decision.date == date(2024, 7, 16)
    assert facts.decision.outcome == "noted"


def test_a_meeting_held_on_label_gives_the_meetings_date() -> None:
    text = (
        "Example District Council\n\nCABINET\n\nMINUTES\n\nMeeting held on: Wednesday 10 July "
        "2024\n\n5. Productivity Plan\nRESOLVED: That the Productivity Plan be approved.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "approved",
    )


def test_a_cover_tables_header_row_over_its_values_gives_the_body_and_date() -> None:
    text = (
        "Report No.      Status:      Meeting Date:        Committee:\n"
        "7               Public       16 July 2024         Executive\n\n"
        "Report title: Productivity Plan 2024\n\n"
        "RECOMMENDATIONS\nThat the Executive approves the Productivity Plan at Appendix A.\n\n"
        "BACKGROUND\nOn 16 April 2024 the Minister wrote to all councils. The deadline was "
        "19 July 2024.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 16),
        "approved",
    )


def test_a_forward_plans_table_row_about_the_plan_gives_its_decision_maker_and_date() -> None:
    """Cells joined by " | " (an HTML or DOCX table): the header names the columns, and of the
    rows under it the one about the productivity plan is the entry (not the other items')."""
    text = (
        "Forward Plan of Key Decisions\n\nFor the period 1 July 2024 to 31 October 2024\n\n"
        "Ref | Item | Decision maker | Date of decision | Key decision?\n\n"
        "FP/1 | Fees and charges review | Cabinet Member for Finance | 2 Jul 2024 | No\n\n"
        "FP/2 | Productivity Plan: to agree the council's response to the Minister | "
        "Cabinet | 16 Jul 2024 | No\n\n"
        "FP/3 | Leisure contract award | Cabinet | 10 Sep 2024 | Yes\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 16))
    assert facts.decision.outcome == "none"


def test_a_table_of_several_items_none_about_the_plan_gives_no_body_or_date() -> None:
    text = (
        "Ref | Item | Decision maker | Date of decision\n\n"
        "FP/1 | Fees and charges review | Cabinet Member for Finance | 2 Jul 2024\n\n"
        "FP/3 | Leisure contract award | Council | 10 Sep 2024\n"
    )
    from productivity_plans.extract.governance import _cover_table

    assert _cover_table(text, len(text), 2024) == (None, None)


def test_members_considered_the_plan_at_a_meeting_and_voted_to_adopt_it() -> None:
    text = (
        "Our productivity plan\n\nThe government asked every council for a short plan.\n\n"
        "How it was agreed\n\nMembers discussed the plan at the Cabinet meeting on Tuesday "
        "9 July 2024 and voted to approve it.\n\nDownload the plan (PDF, 300KB)\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/productivity-plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "approved",
    )


def test_the_press_on_members_due_to_approve_the_document_who_deferred_it_on_a_weekday() -> None:
    text = (
        "Plan sent back\n\nPublished: 6th July 2024, 07:00 BST\n\n"
        "Members of the council's Policy and Resources Committee were due to agree the document "
        "at their meeting in the town hall on Thursday evening.\n\nInstead they voted to defer "
        "a decision until a special meeting.\n"
    )
    decision = extract_facts(text, url="https://www.example-mail.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Policy and Resources Committee",
        date(2024, 7, 4),
        "deferred",
    )


def test_a_submission_to_come_to_the_department_under_its_full_name_over_a_line_break() -> None:
    text = PLAN_HEAD + (
        "Cabinet approved this plan on 8 July 2024. We intend to send it to the Department for "
        "Levelling Up,\nHousing and Communities on 15 July 2024." + FOUR_HEADINGS
    )
    assert extract_facts(text).submitted_date == date(2024, 7, 15)


def test_a_version_as_submitted_to_the_department_gives_the_submission_date() -> None:
    text = PLAN_HEAD + (
        "Council endorsed the plan on 8 July 2024. This final version, as submitted to the "
        "Ministry on 17 July 2024, includes the changes members asked for." + FOUR_HEADINGS
    )
    assert extract_facts(text).submitted_date == date(2024, 7, 17)


def test_a_dateline_with_a_release_number_after_a_bar_dates_yesterday() -> None:
    text = (
        "Plan approved\n\nPosted on Friday 12 July 2024 | News release 2024/101\n\n"
        "The council's productivity plan was approved by Cabinet yesterday.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plan").decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 7, 11))


def test_a_forward_plans_decision_due_line_names_the_decision_maker_after_by() -> None:
    """ModernGov prints "Decision due: 16 Jul 2024 by Cabinet"; the entry's list of meetings
    (a scrutiny committee first) is not the decision-maker."""
    text = (
        "Issue details\n\nProductivity Plan\n\nTo consider and approve the council's plan.\n\n"
        "Decision status: | For Determination\n\nDecision due: | 23 Jul 2024 by Executive\n\n"
        "Consultation process: | Pre-decision scrutiny on 15 July 2024.\n\nMeetings\n\n"
        "Resources Scrutiny Committee - 15 July 2024\n\nExecutive - 23 July 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert (facts.decision.body, facts.decision.date) == ("Executive", date(2024, 7, 23))
    assert facts.decision.outcome == "none"


def test_a_flattened_document_control_row_gives_the_submission_date() -> None:
    text = PLAN_HEAD + (
        "Document owner Head of Finance\nAgreed by Cabinet, 9 July 2024\n"
        "Submitted to MHCLG 16 July 2024\nNext review Cabinet, March 2025\n" + FOUR_HEADINGS
    )
    facts = extract_facts(text)
    assert facts.submitted_date == date(2024, 7, 16)
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 9))


def test_the_press_on_a_plan_signed_off_by_council_leader_cllr_named_after_a_clause() -> None:
    text = (
        "Town hall sends its plan\n\nBy Local Democracy Reporter\nPublished: 25 July 2024\n\n"
        "The productivity plan, which every council in England was asked to write by ministers "
        "before the general election, was signed off by council leader Cllr Sam Porter and sent "
        "to Whitehall last week.\n"
    )
    decision = extract_facts(text, url="https://www.example-gazette.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == ("Leader", None, "approved")


def test_an_executive_decision_report_with_a_decision_date_label_is_a_decision_record() -> None:
    """A decision sheet carries report furniture too (Purpose, Recommendations, Alternative
    options); its heading and its "Decision date:" label say what it records."""
    text = (
        "Example County Council\n\nDecision Report - Executive Decision by the Cabinet Member "
        "for Resources\n\nTitle of report: Productivity Plan 2024\n\nDecision maker: Cabinet "
        "Member for Resources\n\nDecision date: Thursday 11 July 2024\n\nReport by: Director of "
        "Resources\n\nPurpose\nTo approve the council's productivity plan.\n\n"
        "Recommendation(s)\nThat:\na) the Productivity Plan at Appendix 1 be approved; and\n"
        "b) the plan be submitted to the Ministry on 17 July 2024.\n\nAlternative options\n"
        "1. Not to submit a plan. This is not recommended.\n\nKey considerations\n2. The plan "
        "follows the four headings.\n\nLegal implications\n3. None.\n\nFinancial implications\n"
        "4. None.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert facts.submitted_date == date(2024, 7, 17)
    assert facts.decision.date == date(2024, 7, 11)


def test_a_committee_named_with_its_remit_after_a_dash_over_the_date() -> None:
    text = (
        "Example Council\n\nScrutiny Committee - Adults and Health\n2 October 2024\n\n"
        "Productivity Plan: report for information\nLead Member: Cllr A Jones, Resources\n"
        "Lead Officer: Director of Resources\nAuthor: Policy Manager\n\nSummary\n"
        "1. In April 2024 the Minister for Local Government wrote to all councils in England\n"
        "   asking each to produce a productivity plan. The letter asked for a short document,\n"
        "   with member oversight, by 19 July 2024.\n\n"
        "Recommendation\nThat the Committee notes the Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert decision.body == "Scrutiny Committee - Adults and Health"
    assert decision.date == date(2024, 10, 2)


def test_the_press_on_a_committee_that_agreed_the_document_on_a_weekday_evening() -> None:
    text = (
        "Council agrees plan\n06:00, 19 July 2024\n\nPolitics\n\n"
        "Councillors on the council's finance and resources committee agreed the document on "
        "Tuesday evening. All councils were asked to write a productivity plan.\n"
    )
    decision = extract_facts(text, url="https://www.example-echo.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Finance and resources committee",
        date(2024, 7, 16),
        "approved",
    )


def test_a_report_for_label_names_the_body_the_report_goes_to() -> None:
    text = (
        "Report for:                 Executive\n\nDate of Meeting:            9 July 2024\n\n"
        "Subject:                    Productivity Plan\n\nKey Decision:               No\n\n"
        "Recommendations\nThat the Executive approves the Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Executive", date(2024, 7, 9))


def test_a_cover_lines_cell_or_a_participle_gives_the_submission_date() -> None:
    cover = PLAN_HEAD + "Version 2.0 | Submitted to MHCLG 17 July 2024\n" + FOUR_HEADINGS
    assert extract_facts(cover).submitted_date == date(2024, 7, 17)
    report = (
        "Report to the Executive\n\n1.1 To report the Productivity Plan submitted to the "
        "Ministry on 16 July 2024 under delegated authority.\n"
    )
    assert extract_facts(report, url=DEMOCRACY).submitted_date == date(2024, 7, 16)


def test_a_title_line_then_submitted_on_the_next_line_is_read_as_its_own_line() -> None:
    text = (
        "EXAMPLE CITY COUNCIL\nProductivity Plan\nSubmitted to the Department for Levelling Up, "
        "Housing and Communities on 18 July 2024\n" + FOUR_HEADINGS
    )
    assert extract_facts(text).submitted_date == date(2024, 7, 18)


def test_a_resolution_to_defer_consideration_is_deferred() -> None:
    text = (
        "Example County Council\n\nResources Committee\n\nMinutes of the meeting held on "
        "Tuesday 2 July 2024\n\n31. Productivity Plan\n\nThe Committee considered the draft plan."
        "\n\nIt was resolved by a majority to:\n\ndefer consideration of the Productivity Plan to "
        "the next meeting; and\n\nset up a cross-party working group.\n\n32. Treasury Report\n\n"
        "It was resolved unanimously to note the report.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "deferred"


def test_a_decision_sheets_numbered_resolution_is_its_row_and_not_the_next_rows() -> None:
    text = (
        "Cabinet decisions – 10 July 2024\n\nDecision sheet\n\nThe following decisions were taken "
        "by the Cabinet at its meeting held on Wednesday 10 July 2024.\n\n"
        "Minute | Subject | Decision\n\n41/24 | Fees and charges | That the fees be approved.\n\n"
        "42/24\n\nProductivity Plan\n\n(1) That the Productivity Plan be approved.\n\n"
        "(2) That the Chief Executive submit it to the Ministry.\n\n"
        "43/24 | Leisure contract | Deferred to the meeting on 4 September 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/cabinet-decisions-10-july-2024")
    assert facts.doc_type == "decision_record"
    assert facts.decision.outcome == "approved"


def test_the_press_on_a_plan_agreed_by_the_executive_mayor_at_a_cabinet_meeting() -> None:
    text = (
        "Borough asks for help\n\nFriday, 19 July 2024, 4:05pm\n\nThe borough's productivity "
        "plan, which was agreed by the Executive Mayor at a cabinet meeting on Wednesday, 17 "
        "July, was sent to Whitehall the following day.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive Mayor",
        date(2024, 7, 17),
        "approved",
    )


@pytest.mark.parametrize(
    ("said", "body"),
    [
        ("approved by the Leader and Cabinet", "Cabinet"),
        ("endorsed by the Executive Leader and Executive Cabinet", "Executive Cabinet"),
        ("agreed by the Leader and the Executive", "Executive"),
        ("agreed by Cabinet and Full Council", "Cabinet and Full Council"),
        ("signed off by the Leader and the Chief Executive", "Leader and the Chief Executive"),
    ],
)
def test_a_plan_signed_off_by_two_bodies_together_names_the_meeting_or_both(
    said: str, body: str
) -> None:
    """The Leader with a collective body is that body's meeting; other pairs are named both."""
    text = f"{PLAN_HEAD}This plan was {said} on 9 October 2024.{FOUR_HEADINGS}"
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == (body, date(2024, 10, 9))


def test_a_sign_offs_day_is_not_a_later_step_to_come_after_and() -> None:
    text = (
        f"{PLAN_HEAD}The plan was approved by Cabinet and the Chief Executive will submit it on "
        f"10 October 2024.{FOUR_HEADINGS}"
    )
    facts = extract_facts(text)
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", None)
    assert facts.submitted_date == date(2024, 10, 10)


def test_a_plans_document_control_date_is_when_it_was_written_not_a_decision() -> None:
    text = (
        "Example District Council\nProductivity Plan\nVersion 2.1\nDate 3 October 2024\n"
        "Owner Director of Resources" + FOUR_HEADINGS
    )
    assert extract_facts(text).decision.date is None


def test_minutes_with_item_numbers_over_their_titles_read_the_plans_own_item() -> None:
    text = (
        "Minutes\n\nResources Committee\nThursday, 5th September, 2024\n\n11.\n\nProductivity "
        "Plan\n\n11.1 The Committee considered the draft plan.\n\n11.2 RESOLVED: That the "
        "Committee delegates authority to the Chief Executive to finalise the plan.\n\n12.\n\n"
        "Capital Programme\n\n12.1 RESOLVED: That the Committee approves the additions to the "
        "capital programme.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "delegated"


def test_a_decision_sheets_table_row_about_the_plan_gives_its_outcome_and_signature_its_maker() -> (
    None
):
    text = (
        "Example County Council\n\nRecord of Executive Member Decisions\n\nDecisions taken on "
        "2 October 2024\n\nRef\tSubject\tDecision\tDecision maker\n"
        "EMD/41\tLibrary fees\tDeferred to a later date.\tExecutive Member for\n"
        "EMD/42\tProductivity Plan\tApproved the Council's plan\tExecutive Member for\n"
        "\t\tfor submission to the Ministry.\tCorporate Services\n\n"
        "Signed: Executive Member for Corporate Services\nDate: 2 October 2024\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.outcome) == (
        "Executive Member for Corporate Services",
        "approved",
    )


def test_a_cover_sheets_for_consideration_by_line_gives_the_body_and_day() -> None:
    text = (
        "Agenda Item 9\nTITLE Productivity Plan\nFOR CONSIDERATION BY The Cabinet on Tuesday, "
        "8 October 2024\nWARD None specific\n\nRECOMMENDATION\nThat the Cabinet approves the "
        "Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 10, 8))


def test_a_bylines_date_tells_the_weekday_of_a_submission_still_to_come() -> None:
    text = (
        "Live: the county's cabinet\n\nBy our Local Democracy Reporter · Thursday 3 October "
        "2024\n\n15:40\n\nCabinet members have approved the productivity plan. Officers say it "
        "will be submitted to the government on Monday.\n"
    )
    facts = extract_facts(text, url="https://www.example-news.co.uk/live/cabinet")
    assert facts.submitted_date == date(2024, 10, 7)


def test_a_cover_label_for_the_submission_wrapped_over_two_lines_gives_its_date() -> None:
    text = (
        "Example Borough Council\nProductivity Plan\nSubmitted to the Ministry of Housing, "
        "Communities and Local\nGovernment: 03/10/2024\nIntroduction\nThis plan sets out how "
        "we work.\n"
    )
    assert extract_facts(text).submitted_date == date(2024, 10, 3)


def test_a_plans_undated_sign_off_takes_its_day_from_the_document_control() -> None:
    text = (
        f"{PLAN_HEAD}Approved by | Leader of the Council\n\nDate approved | 7 October 2024\n\n"
        "Governance\n\nThere was no Cabinet meeting in time, so the plan was agreed by the Leader "
        "after consulting Cabinet members." + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date) == ("Leader", date(2024, 10, 7))


def test_a_status_line_with_its_status_before_the_sign_off_is_read() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\nProductivity Plan\n\nStatus: Final. Endorsed by Full Council "
        "on 14 October 2024 (Minute 12/24).\n" + FOUR_HEADINGS
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Full Council",
        date(2024, 10, 14),
        "endorsed",
    )


@pytest.mark.parametrize(
    ("recommendation", "outcome"),
    [
        (
            "1. That Cabinet notes the Productivity Plan.\n\n2. That Cabinet notes that the Plan "
            "was approved by the Leader on 1 October 2024.",
            "noted",
        ),
        ("Cabinet is asked to note the Plan because it was approved under urgency.", "noted"),
        ("That Cabinet notes the report and approves the Productivity Plan.", "approved"),
    ],
)
def test_an_approval_the_meeting_notes_as_done_is_history_not_its_decision(
    recommendation: str, outcome: str
) -> None:
    text = (
        "Report to Cabinet\n\nDate of meeting: 22 October 2024\n\nProductivity Plan\n\n"
        f"Recommendations\n\n{recommendation}\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == outcome


def test_the_city_council_submitted_the_plan_to_the_ministry_on_a_day() -> None:
    text = (
        "Report to Cabinet\n\nPurpose\n\nTo inform Cabinet of the plan which the City Council "
        "submitted to the Ministry of Housing, Communities and Local Government on 2 October "
        "2024.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date == date(2024, 10, 2)


def test_a_cabinet_decision_sheet_headed_with_its_body_and_a_denied_deferral() -> None:
    text = (
        "Example Borough Council\n\nCABINET – DECISION SHEET\n\nMeeting held on Tuesday 1 "
        "October 2024\n\nItem 4   Productivity Plan\n\n         Cabinet agreed to:\n"
        "         1. approve the Productivity Plan at Appendix A.\n\n         Reason: the "
        "Chair of Scrutiny agreed on 27 September 2024 that the decision could not reasonably "
        "be deferred.\n\nItem 5   Fees and charges\n\n         Cabinet agreed to note the report.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert (facts.decision.body, facts.decision.outcome) == ("Cabinet", "approved")


def test_a_meeting_page_with_its_agenda_published_is_an_agenda() -> None:
    text = (
        "Resources Committee\n\nDate: | Tuesday, 15 October 2024\n\nStatus: | Agenda "
        "published\n\nAgenda\n\n1. | Apologies for absence\n\n2. | Minutes – 10 September 2024"
        "\n\n3. | Productivity Plan Summary: The Committee is asked to approve the plan.\n"
    )
    url = "https://example.cmis.uk.com/live/Meetings/tabid/70/ctl/ViewMeetingPublic/mid/1"
    assert extract_facts(text, url=url).doc_type == "agenda_item"


def test_the_press_on_a_plan_approved_on_a_weekday_and_submitted_yesterday() -> None:
    text = (
        "Plan sent to ministers\n\nPublished: 18 October 2024\n\nThe council's productivity "
        "plan was approved by its executive on Tuesday and submitted to the Government "
        "yesterday.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/news/plan-sent")
    assert facts.submitted_date == date(2024, 10, 17)
    assert facts.decision.date == date(2024, 10, 15)


def test_the_press_on_members_who_agreed_the_plan_at_a_meeting_last_night() -> None:
    text = (
        "Cabinet backs plan\n\nBy Our Reporter · Wednesday, 16 October 2024, 6:45am · Updated "
        "9:12am\n\nAt a meeting at the Civic Centre last night, cabinet members agreed the "
        "authority's productivity plan.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 10, 15))


def test_a_deadline_named_with_its_weekday_is_no_submission_date() -> None:
    text = (
        "Plan agreed\n\nPublished: 10 October 2024\n\nThe plan will be sent to the Ministry "
        "ahead of the deadline of Friday, October 18, and published online.\n"
    )
    assert extract_facts(text, url="https://www.example-news.co.uk/news/x").submitted_date is None


def test_the_press_on_members_who_endorsed_the_plan_yesterday_with_the_day_in_brackets() -> None:
    text = (
        "Plan endorsed\n\nPublished: Thursday, 10 October 2024\n\nCabinet members endorsed the "
        "council's Productivity Plan when they met at the Guildhall yesterday (Wednesday 9 "
        "October).\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 10, 9),
        "endorsed",
    )


def test_minutes_headed_with_the_meetings_place_over_two_centred_lines() -> None:
    text = (
        "                    EXAMPLE DISTRICT COUNCIL\n\n            Minutes of a meeting of "
        "Cabinet held in the\n    Council Chamber, Council Offices, High Street, Exampleton\n"
        "                  on Monday, 7 October 2024 at 6.00 pm\n\nCAB.31  Productivity Plan"
        "\n\n        RESOLVED: That the Productivity Plan be approved.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 10, 7))


def test_a_plan_whose_committee_considered_the_draft_and_then_endorsed_it() -> None:
    text = (
        f"{PLAN_HEAD}Governance\n\nThe Audit, Risk and Resources Committee considered the draft "
        f"at its meeting on 14 October 2024 and endorsed it for submission.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Audit, Risk and Resources Committee",
        date(2024, 10, 14),
        "endorsed",
    )


def test_a_round_up_dated_in_its_byline_dates_a_plan_the_council_sent_on_a_weekday() -> None:
    text = (
        "Town hall week\n\nBy Sam Reporter 18 October 2024 4 min read\n\nExample Borough "
        "Council sent its productivity plan to the Government on Wednesday.\n\nThe council had "
        "the plan approved by its Policy and Resources Committee on Tuesday evening.\n"
    )
    facts = extract_facts(text, url="https://www.example-news.co.uk/round-up")
    assert facts.submitted_date == date(2024, 10, 16)
    assert facts.decision.date == date(2024, 10, 15)


def test_a_letter_the_council_sent_to_the_minister_is_not_the_plans_submission() -> None:
    text = (
        "Report to Cabinet\n\nBackground\n\nThe council sent a letter to the Minister on 3 "
        "October 2024 about the funding settlement.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date is None


def test_a_forward_plan_of_several_entries_gives_the_plans_own_entry() -> None:
    entries = "".join(
        f"{title}\nRef: FP/24/{n}\n\nExecutive\n\n{day}\n\nTo approve the {title.lower()}.\n\n"
        for n, (title, day) in enumerate(
            [("Budget Strategy", "19 Nov 2024"), ("Productivity Plan", "22 Oct 2024")], 60
        )
    )
    text = (
        "Forward Plan - Notice of Key and Executive Decisions\n\nPublished: 20/09/2024\n\n"
        "Item | Decision maker | Decision due | Details\n\n" + entries
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.date, facts.decision.outcome) == (date(2024, 10, 22), "none")


def test_a_page_telling_what_the_plan_says_and_how_it_was_agreed_is_a_web_page() -> None:
    summary = " ".join(["It explains what we have saved and what we would ask of ministers."] * 30)
    text = (
        "Our productivity plan\n\nFind out what our plan says and read it in full.\n\n"
        f"What our plan says\n\n{summary}\n\nHow our plan was agreed\n\nCabinet agreed the plan "
        "at its meeting on 9 October 2024.\n\nRead the plan\n"
    )
    url = "https://www.example.gov.uk/council/strategies/our-productivity-plan"
    assert extract_facts(text, url=url).doc_type == "web_page"


def test_the_press_on_an_executive_that_on_a_weekday_with_its_date_approved_the_plan() -> None:
    text = (
        "Plan approved\n\nPublished 17th Oct 2024, 17:43 BST\n\nThe council's executive on Monday "
        '(October 14) approved the authority\'s "productivity plan", which every council was '
        "asked to write.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 10, 14),
        "approved",
    )


def test_a_decision_forms_boxes_that_lost_their_colons_give_the_maker() -> None:
    text = (
        "Example City Council RECORD OF EXECUTIVE DECISION\nDecision reference ED/2024/0201\n"
        "Title of decision Example City Council Productivity Plan 2024 as presented by officers\n"
        "Decision maker City Mayor\nDate of decision 4 October 2024\n1. Decision taken The City "
        "Mayor approved the Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("City Mayor", date(2024, 10, 4))


def test_a_forward_plans_pdf_with_reports_listed_in_its_rows_is_a_notice_of_its_entries() -> None:
    rows = "".join(
        f"FP/24/{n}\n{title}\nTo consider and approve the {title}.\nCabinet {day} No Open None "
        "Report of the Chief Financial Officer\nCabinet Member with Responsibility for Finance\n"
        for n, (title, day) in enumerate(
            [
                ("Outturn Report", "10 October 2024"),
                ("Productivity Plan", "7 November 2024"),
                ("Budget Strategy", "12 December 2024"),
            ],
            61,
        )
    )
    text = (
        "EXAMPLE COUNTY COUNCIL\nFORWARD PLAN: 1 October 2024 to 31 January 2025\nThis Forward "
        "Plan gives at least 28 clear days' notice of key decisions.\nRef Matter for decision "
        "Decision maker Date of decision\n" + rows
    )
    facts = extract_facts(
        text, url="https://example.moderngov.co.uk/documents/s1/Forward%20Plan.pdf"
    )
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 11, 7))


def test_a_draft_plan_discussed_by_a_body_that_delegated_its_sign_off() -> None:
    text = (
        f"{PLAN_HEAD}How the plan was agreed\n\nThe draft plan was discussed by the Executive at "
        "its meeting on 10 October 2024, which delegated final sign-off to the Chief Operating "
        f"Officer in consultation with the Leader.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 10, 10),
        "delegated",
    )


def test_a_news_release_on_a_cabinet_that_approved_the_plan_last_night_with_its_date() -> None:
    text = (
        "EXAMPLE COUNCIL\nNEWS RELEASE\nDate: 15 October 2024\nFOR IMMEDIATE RELEASE\nExample "
        "Council's Cabinet last night (Monday 14 October) approved the authority's Productivity "
        "Plan, which shows how the council has saved money.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/media/news-release.pdf")
    assert facts.doc_type == "news"
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 10, 14))


def test_a_cmis_cover_table_without_colons_gives_the_body_and_day() -> None:
    text = (
        "Report for:\nINFORMATION\nTitle Productivity Plan 2024\nPortfolio(s) Leader of the "
        "Council; Cabinet Member for Finance and Resources\nFor Consideration By Overview and "
        "Scrutiny Committee\nDate to be Considered 22 October 2024\nAffected Wards All\n\n1. "
        "Recommendations\n1.1 That the Overview and Scrutiny Committee notes the Productivity "
        "Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Overview and Scrutiny Committee",
        date(2024, 10, 22),
        "noted",
    )


def test_a_plan_approved_for_submission_to_the_ministry_on_a_day_is_a_submission_to_come() -> None:
    text = (
        "Report to Cabinet\n\nRecommendation\n\nCabinet is asked to approve the Productivity Plan "
        "at Appendix A for submission to the Ministry of Housing, Communities and Local "
        "Government on 11 October 2024.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.submitted_date == date(2024, 10, 11)
    assert submission_to_come(facts.submission.sentence if facts.submission else None)


def test_the_press_on_a_committee_that_voted_to_endorse_the_plan() -> None:
    text = (
        "Plan endorsed\n\nPublished: 10 October 2024\n\nThe Policy and Resources Committee voted "
        "to endorse the productivity plan on Tuesday.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Policy and Resources Committee",
        date(2024, 10, 8),
        "endorsed",
    )


def test_a_decision_sheet_row_whose_cell_notes_that_something_was_done_does_not_break_reading() -> (
    None
):
    """A cell opening with "Noted that …" records no noting of its own (the verb patterns say
    so): the row gives no outcome, the next row's approval is not the plan's, and reading the
    sheet does not fail."""
    text = (
        "Record of Decisions\n\nRef\tSubject\tDecision\tDecision maker\nD/1\tProductivity Plan\t"
        "Noted that the plan was agreed\tLeader\nD/2\tFees\tApproved\tLeader\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.outcome, decision.evidence) == ("unknown", None)


def test_a_report_cover_table_whose_meeting_box_lost_its_colon_gives_the_body() -> None:
    text = (
        "Example County Council\nMeeting Finance and Assets Cabinet Panel\nDate Thursday 24 "
        "October 2024\nReport of Director of Resources\n\n1. Recommendations\nThe Panel is "
        "invited to note the Productivity Plan at Appendix A.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Finance and Assets Cabinet Panel",
        date(2024, 10, 24),
        "noted",
    )


def test_a_decision_forms_boxes_without_colons_each_keep_their_line_and_give_the_decision() -> None:
    """A PDF form's boxes as lines of nearly the same width: each label opens its own line
    (they are not one wrapped paragraph), so the maker is the maker's box and the "Decision"
    box gives the outcome."""
    text = (
        "Example Borough Council - Record of Decision\nRECORD OF A PORTFOLIO HOLDER DECISION\n"
        "Decision reference PH/24/077 issued by Democratic Services\n"
        "Decision maker Portfolio Holder for Corporate Resources\n"
        "Subject Example Borough Council Productivity Plan for 2024-25\n"
        "Decision To approve the Productivity Plan and its submission to government.\n"
        "Reasons The Minister asked for a plan from each council in England.\n"
        "Date of decision 3 October 2024\nCall-in expires 5pm, 10 October 2024\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Portfolio Holder for Corporate Resources",
        date(2024, 10, 3),
        "approved",
    )


def test_a_forward_plans_table_row_naming_the_plan_gives_its_maker_and_day() -> None:
    """A forward plan set out as a table with no reference numbers: the row naming the plan
    holds its maker and day; the other rows' are other decisions."""
    text = (
        "Example District Council\nForward Plan - Notice of Key Decisions 1 October 2024 to 31 "
        "January 2025\nSubject Decision maker Date of decision Documents\n"
        "Leisure Centre Refurbishment Cabinet 6 November 2024 Report\n"
        "Productivity Plan Cabinet 9 October 2024 Report of the Chief Executive\n"
        "Waste Contract Extension Cabinet 4 December 2024 Report\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 10, 9),
        "none",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Subject to Executive approval on 8 October 2024, the plan will be published.",
        "The plan is final subject to approval by the Executive on 8 October 2024.",
    ],
)
def test_a_plan_subject_to_a_bodys_approval_on_a_day_awaits_that_meeting(sentence: str) -> None:
    decision = extract_facts(f"{PLAN_HEAD}{sentence}{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 10, 8),
        "none",
    )


def test_a_plan_shared_with_a_body_for_information_was_noted_there() -> None:
    text = (
        f"{PLAN_HEAD}Governance\n\nThis plan was shared with the Executive at its meeting on 15 "
        f"October 2024 for information and will then be sent to the Ministry.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 10, 15),
        "noted",
    )


def test_the_press_on_a_plan_called_by_its_page_count_signed_off_by_the_leader() -> None:
    text = (
        "Council sends plan to ministers\n\nPublished: 18 October 2024\n\nThe 12-page document "
        "was signed off by the council's Leader in a formal decision on Tuesday (15 October) and "
        "sent to the government the next day.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader",
        date(2024, 10, 15),
        "approved",
    )


def test_a_news_round_up_about_councils_in_general_asserts_no_councils_decision() -> None:
    """An article naming several councils and about none of them (the conventions give it no
    council) tells of their decisions: none is the article's, and it states no submission."""
    text = (
        "Councils file their plans - LIVE\n\nWe followed deadline day as it happened.\n\n"
        "Rushmoor Borough Council has published its plan. It was approved by its Cabinet on 8 "
        "October and submitted this morning.\n\nMelton Borough Council's cabinet agreed its "
        "plan on 2 October.\n"
    )
    facts = extract_facts(text, url="https://www.example-trade-weekly.co.uk/live/plans")
    assert facts.council is None and facts.doc_type == "news"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        None,
        None,
        "none",
    )
    assert facts.submitted_date is None


def test_a_short_council_page_telling_of_the_plans_sign_off_and_contents_is_a_web_page() -> None:
    text = (
        "Productivity plan\n\nEvery council was asked to produce a productivity plan. Our plan "
        "was agreed by Cabinet on 8 October 2024 and sent to the Ministry on 10 October 2024.\n\n"
        "In our plan we explain that planning fees do not cover the cost of applications.\n\n"
        "Documents\n\nPage last updated: 11 October 2024\n"
    )
    url = "https://www.example.gov.uk/council/finance/productivity-plan/"
    assert extract_facts(text, url=url).doc_type == "web_page"


def test_a_plans_control_table_whose_submission_label_wraps_gives_the_day_under_it() -> None:
    text = (
        f"{PLAN_HEAD}Document control\nVersion 1.0\nApproved by Cabinet\nSubmitted to DLUHC /\n"
        f"MHCLG\n11 October 2024, by email to the plans mailbox\nPublished 14 October 2024\n"
        f"{FOUR_HEADINGS}"
    )
    assert extract_facts(text).submitted_date == date(2024, 10, 11)


def test_a_scrutiny_committees_look_at_a_draft_gives_way_to_the_executives_meeting_to_come() -> (
    None
):
    text = (
        f"{PLAN_HEAD}It was discussed by the Corporate Overview and Scrutiny Committee on 1 "
        "October 2024, whose comments have been taken into account.\n\nThis plan will be "
        f"presented to Cabinet on 15 October 2024 and will then be sent to the Ministry.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 10, 15),
        "none",
    )


def test_a_plans_sign_off_on_the_deadline_day_keeps_its_day() -> None:
    """The deadline is mostly restated ("by 19 July"), but a meeting told as held (or to be
    held) on that day is the plan's own step."""
    text = f"{PLAN_HEAD}This plan will be presented to Cabinet on 19 July 2024.{FOUR_HEADINGS}"
    assert extract_facts(text).decision.date == date(2024, 7, 19)


def test_a_record_of_decisions_dated_by_its_decision_day() -> None:
    text = (
        "EXAMPLE COUNTY COUNCIL\nRecord of Decisions\nDecision Maker: Executive Member for "
        "Resources\nDecision Day: Monday, 14 October 2024\nDate of publication: 15 October 2024\n"
        "1. Productivity Plan Reference: 9901\n1. The decision:\nThat the Productivity Plan be "
        "approved for submission to the Ministry.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive Member for Resources",
        date(2024, 10, 14),
        "approved",
    )


def test_a_submission_told_as_yesterday_before_an_earlier_steps_date_is_the_days_before() -> None:
    text = (
        "EXAMPLE COUNCIL NEWS RELEASE\nDate: 11 October 2024\n\nThe plan was submitted to the "
        "Ministry of Housing, Communities and Local Government yesterday, after being signed off "
        "by the Council's Cabinet on Monday 7 October.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/news/plan-sent")
    assert facts.submitted_date == date(2024, 10, 10)


def test_the_press_on_a_plan_approved_by_the_county_councils_cabinet_on_a_weekday() -> None:
    text = (
        "Plan goes to Whitehall\n\nBy A Reporter, Local Democracy Reporting Service 06:00, 11 OCT "
        "2024\n\nThe authority's \"productivity plan\" was approved by the county council's cabinet "
        "on Thursday and will now be sent to the Ministry.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 10, 10),
        "approved",
    )


def test_a_blog_posted_on_a_day_by_its_author_dates_a_cabinet_that_noted_the_plan() -> None:
    text = (
        "Town Hall Week\nPosted on 11 October 2024 by Sam Writer\n\nExample's cabinet on Tuesday "
        "noted the council's productivity plan. Officers told us it was sent to the government on "
        "Wednesday.\n"
    )
    facts = extract_facts(text, url="https://www.example-dispatch.co.uk/2024/10/11/week/")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 10, 8),
        "noted",
    )
    assert facts.submitted_date == date(2024, 10, 9)


@pytest.mark.parametrize(
    ("dateline", "entry"),
    [
        (
            "Tuesday 8 October 2024, 9:30am (updated 2:05pm)",
            "Cabinet has approved the council's productivity plan, which will now be sent to "
            "government.",
        ),
        (
            "By Jo Writer · Council reporter · 8 October 2024 · Last updated 21:14",
            "After half an hour of debate, the Resources Committee has voted to endorse Barnsley "
            "Metropolitan Borough Council's productivity plan.",
        ),
    ],
)
def test_a_live_blogs_sign_off_told_as_just_done_takes_the_blogs_day(
    dateline: str, entry: str
) -> None:
    """A live blog of a meeting tells the decision as it happens ("has approved"): its day is
    the blog's dateline, and the body is the one named, not the words of the clause before."""
    text = (
        f"LIVE: council meeting\n\n{dateline}\n\nFollow our live coverage from the town hall.\n\n"
        f"Plan agreed (11:42)\n\n{entry}\n\nThe meeting has started.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/live/meeting").decision
    assert decision.date == date(2024, 10, 8)
    assert decision.body in {"Cabinet", "Resources Committee"}
    assert decision.outcome in {"approved", "endorsed"}


def test_a_news_story_telling_a_sign_off_as_just_done_is_not_dated_by_its_dateline() -> None:
    """Only a live blog reports as the meeting happens: an ordinary story's "has approved" may
    tell of a meeting days before it was published."""
    text = (
        "Plan approved\n\nPublished: 11 October 2024\n\nCabinet has approved the council's "
        "productivity plan, which will now be sent to government.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/plan").decision
    assert (decision.body, decision.date) == ("Cabinet", None)


@pytest.mark.parametrize(
    "entry",
    [
        "The productivity plan has been noted, with 30 in favour and 2 abstentions. The plan "
        "itself was approved by the council's Cabinet last Wednesday and will be sent on Friday.",
        "Councillors have voted to note the council's productivity plan.",
    ],
)
def test_a_live_blogs_meeting_that_has_just_noted_the_plan_is_the_meeting_its_title_names(
    entry: str,
) -> None:
    """The entry names no body: the blog follows the meeting its title names, on its
    dateline's day; an undated earlier step it recalls is not the decision."""
    text = (
        "LIVE: Example City Council full council meeting - as it happened\n\n"
        "By A Reporter · 16 October 2024 · Last updated 21:02\n\n"
        f"Follow our live coverage from the Guildhall.\n\nPlan noted (20:14)\n\n{entry}\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/live/council").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Full Council",
        date(2024, 10, 16),
        "noted",
    )


def test_a_plans_member_sign_off_row_outranks_a_council_decision_in_its_prose() -> None:
    text = (
        f"{PLAN_HEAD}Member sign-off:  Agreed by the Cabinet Member for Finance and Resources on "
        "14 October 2024 (Cabinet Member decision CMD/2024/044), following discussion at Cabinet "
        "Briefing on 1 October 2024\n\nIn February 2024 Council agreed a balanced budget."
        f"{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet Member for Finance and Resources",
        date(2024, 10, 14),
        "approved",
    )


def test_a_reports_running_header_of_cells_gives_its_meetings_day() -> None:
    text = (
        "Example City Council | Cabinet | 15 October 2024 Page 1\nCABINET\nProductivity Plan 2024\n"
        "Report of Chief Officer - Resources\nRECOMMENDATIONS\n(1) That Cabinet approves the "
        "Productivity Plan attached at Appendix A.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 10, 15),
        "approved",
    )


def test_a_scrutiny_report_agreeing_its_work_programme_items_notes_the_plan() -> None:
    text = (
        "Scrutiny Committee\nDate of Meeting: 16 October 2024\nReport Title: Productivity Plan\n"
        "Recommendations:\nThe Scrutiny Committee is asked to:\n1. Note the Productivity Plan "
        "submitted to Government, attached at Appendix A.\n2. Consider whether it wishes to "
        "receive further information, and agree any items for its forward work programme.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "noted"


def test_another_bodys_recommendation_reported_in_a_report_is_not_its_own() -> None:
    """ "Recommendation from Cabinet Advisory Board" reports that board's support: the report's
    own recommendations (note the draft, delegate the final sign-off) decide."""
    text = (
        "Cabinet\nDate of Meeting: 10 October 2024\nRecommendations\n1. That Cabinet notes the "
        "draft Productivity Plan set out in Appendix A;\n2. That Cabinet delegates authority to "
        "the Chief Executive to agree the final version of the Productivity Plan and to submit "
        "it.\n\n2. Background\n" + "The Minister asked every council for a plan. " * 20 + "\n\n"
        "6. Recommendation from Cabinet Advisory Board\n6.1 The Finance Cabinet Advisory "
        "Board considered the report and agreed the following: that the recommendations to "
        "Cabinet be supported.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.outcome == "delegated"


def test_a_list_of_forthcoming_executive_decisions_gives_the_plans_entry() -> None:
    entries = "".join(
        f"24/000{n} {title}\nTo agree the {title.lower()}.\nCabinet Cabinet {day} No Report\n"
        for n, (title, day) in enumerate(
            [
                ("Waste Strategy", "3 October 2024"),
                ("Productivity Plan", "14 November 2024"),
                ("Library Review", "12 December 2024"),
            ],
            61,
        )
    )
    text = (
        "EXAMPLE COUNTY COUNCIL\nFORTHCOMING EXECUTIVE DECISIONS\nList of decisions to be taken "
        "by the Cabinet, the Leader or Cabinet Members\nPublished: 6 September 2024.\n"
        "Ref Decision and summary Decision maker Expected date of decision\n" + entries
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s1/Forthcoming.pdf")
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 11, 14),
        "none",
    )


def test_a_live_blog_names_the_committee_it_follows_in_its_standfirst() -> None:
    text = (
        "Council committee debates plan - live updates\nBy A Reporter · 09:15, 14 OCT 2024 · "
        "Updated 15:48, 14 OCT 2024\n\nLIVE\n\nFollow live as councillors on Example City "
        "Council's Strategy and Resources Policy Committee meet at City Hall\n\nCommittee endorses "
        "plan\n\nCouncillors have voted to endorse the draft productivity plan, by nine votes to "
        "two.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/live/plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Strategy and Resources Policy Committee",
        date(2024, 10, 14),
        "endorsed",
    )


def test_a_minutes_running_header_names_the_committee_not_its_minutes() -> None:
    text = (
        "Finance and Performance Committee Minutes – 15 October 2024 Page 1\nFinance and "
        "Performance Committee: Minutes\nDate: Tuesday 15 October 2024\n\n7. Productivity Plan\n"
        "Resolved: to approve the Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == (
        "Finance and Performance Committee",
        date(2024, 10, 15),
    )


def test_a_wrapped_line_of_prose_opening_with_an_earlier_approval_is_not_document_control() -> None:
    """A two-column page wraps "The Medium Term Financial Strategy" / "approved by Council on
    28 February 2024": an approval from before the Minister asked for plans is another
    document's, not the plan's sign-off."""
    full_width = (
        "This page runs across the full width of the page, as the foreword does above. " * 6
    )
    text = (
        f"{PLAN_HEAD}{full_width}\n\n1.5 The council's net revenue budget\nfor 2024/25 is £283.6 "
        "million. The\nMedium Term Financial Strategy\napproved by Council on 28 February\n2024 "
        f"identified savings of £9.8 million.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (None, None, "none")


def test_a_plan_considered_and_endorsed_on_a_day_then_submitted_has_no_submission_day() -> None:
    text = (
        f"{PLAN_HEAD}Cabinet considered and endorsed it on 9 October 2024 and it was submitted "
        "to the Ministry of Housing, Communities and Local Government ahead of the deadline."
        f"{FOUR_HEADINGS}"
    )
    facts = extract_facts(text)
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 10, 9),
        "endorsed",
    )
    assert facts.submitted_date is None


def test_web_minutes_numbered_in_thousands_with_attachment_lines_read_the_plans_own_item() -> None:
    """Minute numbers run on through the years ("2087", "2088"), and a web page lists each
    item's attachment ("PDF 208 KB (Agenda item 4)"): the attachment line is no item, so the
    item before the plan's, with its own approval, stays other business."""
    text = (
        "Meeting of Executive, Wednesday, 10th July, 2024 2.00 pm\n\nItems\n\n"
        "2087 Housing Allocations Policy Review\n\nPDF 208 KB (Agenda item 4)\n\nMinutes:\n\n"
        "The Executive considered the revised policy.\n\nRESOLVED that:\n\n(1) the consultation "
        "responses be noted; and\n\n(2) the revised Housing Allocations Policy be approved.\n\n"
        "2088 Productivity Plan\n\nPDF 416 KB (Agenda item 5)\n\nMinutes:\n\nThe Executive "
        "considered the draft plan requested by the Minister.\n\nRESOLVED that:\n\n(1) the "
        "draft Productivity Plan be noted; and\n\n(2) authority to approve the final plan be "
        "delegated to the Director of Resources in consultation with the Leader.\n\n"
        "2089 Leisure Centre Contract\n\nPDF 98 KB (Agenda item 6)\n\nMinutes:\n\nRESOLVED "
        "that the contract be awarded as set out in the exempt appendix.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 10),
        "delegated",
    )


def test_an_individual_member_decision_form_with_wrapped_boxes_names_the_office_deciding() -> None:
    """A form of boxes from a PDF: its label ("Responsible Executive" / "Member") and the
    office after the member's name wrap over lines; the record is a decision record, and the
    maker is the office, whole."""
    text = (
        "Example Borough Council – Record of Individual Executive Member Decision Page 1 of 1\n"
        "Record of Individual Executive Member Decision\n"
        "Reference\nIEMD/2024/031\n"
        "Subject Productivity Plan\n"
        "Responsible Executive\nMember\n"
        "Councillor Priya Shah, Deputy Leader and Executive Member for Finance\nand Assets\n"
        "Background The Executive on 4 June 2024 asked that the final plan be agreed by the\n"
        "Executive Member.\n"
        "Decision To approve the Productivity Plan for submission to the Ministry.\n"
        "Date of decision 12 July 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Deputy Leader and Executive Member for Finance and Assets",
        date(2024, 7, 12),
        "approved",
    )


def test_a_reports_cover_naming_its_cabinet_member_keeps_the_cabinet_as_the_body() -> None:
    text = (
        "Report to Cabinet\n\n9 July 2024\n\nTitle Productivity Plan\n"
        "Cabinet Member: Councillor Tom Reed, Cabinet Member for Resources\n\n"
        "Recommendation\nThat Cabinet approves the Productivity Plan for submission.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 7, 9))


def test_an_executive_decision_form_with_colon_less_boxes_is_a_record_of_its_maker() -> None:
    """A form printed as boxes: "Decision maker" beside the office and the member's name,
    "Date of decision" beside its day, with a report-like template around them (author,
    implications, appendices): a decision record, decided by the office."""
    text = (
        "EXECUTIVE DECISION\nmade by a Cabinet Member\n1. Decision details\n"
        "Title of decision Productivity Plan 2024\n"
        "Decision maker Cabinet Member for Resources, Councillor Ann Hale\n"
        "Report author and contact details Sam Ode, Head of Policy\nKey decision? No\n"
        "2. Decision\nSummary of decision To approve the Productivity Plan at Appendix A.\n"
        "Financial implications None.\nLegal implications None.\nRisk implications None.\n"
        "Date of decision 11 July 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet Member for Resources",
        date(2024, 7, 11),
        "approved",
    )


def test_a_forward_plan_rows_subject_wrapped_over_lines_still_gives_its_maker_and_day() -> None:
    """A forward plan set out as a table: the plan's subject cell wraps over several lines of
    the PDF's text before its row's maker and day; other rows' makers and days are other
    business."""
    text = (
        "Forward Plan of Key Decisions\nPublished: 3 June 2024\n"
        "Decision Decision maker Date of decision Key decision? Lead officer\n"
        "Library opening hours review Cabinet 1 July 2024 Yes Director of Culture\n"
        "Productivity Plan: to agree the Council's\nplan for submission to Government,\n"
        "as the Minister asked in his letter\nof 16 April 2024\n"
        "Executive 15 July 2024 No Director of Resources\n"
        "Waste collection contract Cabinet 9 September 2024 Yes Director of Environment\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Executive",
        date(2024, 7, 15),
        "none",
    )


def test_the_press_telling_a_deferral_first_and_the_meeting_after_gives_its_body_and_night() -> (
    None
):
    """A reporter leads with the deferral ("X's executive has put off approving …") and tells
    the meeting in the next sentence ("… on Monday night"); the day is told from a byline
    that carries the time posted, an update and a count of comments."""
    text = (
        "Executive delays productivity plan sign-off\n\n"
        "By Priya Naidoo, Local Democracy Reporter 07:30, 10 JUL 2024 Updated 09:05, 10 JUL "
        "2024 6 comments\n\n"
        "Example Borough Council's executive has put off approving the productivity plan it "
        "owes the government.\n\nMembers had been expected to agree it at the town hall last "
        "night, but asked officers for a fuller account of care costs first.\n\n"
        "It will now return to the executive on July 23.\n"
    )
    facts = extract_facts(text, url="https://www.example-gazette.co.uk/news/council-123")
    assert facts.doc_type == "news"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Executive",
        date(2024, 7, 9),
        "deferred",
    )


def test_a_plans_document_control_with_bare_labels_beside_their_cells_gives_its_sign_off() -> None:
    """A document-control table flattened to lines: "Approved" beside "Cabinet, 9 July 2024"
    (no "by", no colon) records the sign-off; "Consulted" beside officers does not."""
    text = (
        f"{PLAN_HEAD}Document control\nItem Detail\nVersion 2.0 (final)\n"
        "Consulted Senior Leadership Team, 11 June 2024\n"
        "Approved Cabinet, 9 July 2024\nSubmitted to MHCLG 12 July 2024\n\n"
        f"{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "approved",
    )


def test_a_line_of_prose_opening_with_approved_is_no_document_control() -> None:
    text = (
        f"{PLAN_HEAD}Our capital programme for 2024/25 includes schemes\nApproved Council "
        f"projects carried forward from last year, agreed at Council, 27 February 2024.\n\n"
        f"{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (None, None, "none")


@pytest.mark.parametrize(
    "maker",
    [
        "Deputy Leader of the Council, Councillor Mia Stone",
        "Cllr Mia Stone (Deputy Leader of the Council)",
        "Councillor Mia Stone, Deputy Leader of the Council",
    ],
)
def test_a_decision_makers_name_beside_the_office_leaves_the_office(maker: str) -> None:
    text = (
        f"Record of Decision\nDecision maker: {maker}\nSubject: Productivity Plan\n"
        "Decision: To approve the Productivity Plan.\nDate of decision: 12 July 2024\n"
    )
    assert extract_facts(text, url=DEMOCRACY).decision.body == "Deputy Leader of the Council"


def test_a_decision_makers_label_giving_the_day_too_gives_body_and_day() -> None:
    text = (
        "Decision details\nProductivity Plan\nDecision taken by: Executive on 16 July 2024\n"
        "Decision: That the Productivity Plan be endorsed for submission.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 16),
        "endorsed",
    )


def test_a_portfolio_holders_decision_form_names_the_portfolio_holder() -> None:
    text = (
        "Portfolio Holder Decision\nPortfolio Holder: Cllr Ravi Patel, Portfolio Holder for "
        "Corporate Resources\nSubject: Productivity Plan\nDecision: To approve the "
        "Productivity Plan.\nDate of decision: 11 July 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert facts.decision.body == "Portfolio Holder for Corporate Resources"


@pytest.mark.parametrize(
    ("sentence", "body", "day"),
    [
        (
            "Riverside Borough Council's cabinet rubber-stamped its productivity plan on "
            "Wednesday.",
            "Cabinet",
            date(2024, 7, 10),
        ),
        (
            "The productivity plan was backed by Riverside Borough Council's executive on "
            "Tuesday night, with members voting 7-2.",
            "Executive",
            date(2024, 7, 9),
        ),
        (
            "The productivity plan was ratified by full council last night.",
            "Full council",
            date(2024, 7, 11),
        ),
    ],
)
def test_the_press_words_for_an_approval_give_its_body_and_day(
    sentence: str, body: str, day: date
) -> None:
    text = f"Plan approved\n\nPublished: Friday 12 July 2024\n\n{sentence}\n"
    decision = extract_facts(text, url="https://www.example-gazette.co.uk/news/4567").decision
    assert (decision.body, decision.date, decision.outcome) == (body, day, "approved")


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 July 2024 the Cabinet endorsed this plan for submission to the government.",
        "This plan was endorsed by the Cabinet at its meeting of 3 July 2024.",
    ],
)
def test_a_plans_sign_off_with_its_day_told_first_or_as_the_meetings_of(sentence: str) -> None:
    decision = extract_facts(f"{PLAN_HEAD}{sentence}{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 3),
        "endorsed",
    )


def test_a_plans_draft_to_be_considered_later_is_a_decision_to_come() -> None:
    text = (
        f"{PLAN_HEAD}This draft will be considered by the Executive on 23 July 2024.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 23),
        "none",
    )


def test_minutes_of_a_joint_committee_named_with_its_councils_name_the_committee() -> None:
    text = (
        "Joint Strategic Committee of Northmoor District Council and Eastvale Borough Council\n"
        "Minutes of the meeting held on 9 July 2024\n6. Productivity Plans\nRESOLVED: That "
        "the joint Productivity Plan be approved and submitted by each council.\n7. Close\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Joint Strategic Committee",
        date(2024, 7, 9),
        "approved",
    )


def test_a_submission_told_day_first_keeps_its_day_not_the_approval_told_after() -> None:
    text = (
        f"{PLAN_HEAD}On 17 July 2024 we submitted this plan to the Ministry, after it was "
        f"agreed by the Cabinet on 10 July.{FOUR_HEADINGS}"
    )
    facts = extract_facts(text)
    assert facts.submitted_date == date(2024, 7, 17)
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 10))


def test_following_approval_by_a_body_with_the_plan_named_after_is_its_sign_off() -> None:
    text = (
        f"{PLAN_HEAD}Following endorsement by the Executive on 4 July 2024, this plan was sent "
        f"to government.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 4),
        "endorsed",
    )


def test_minutes_recording_a_decision_as_decided_in_capitals_give_its_outcome() -> None:
    text = (
        "Executive\nMinutes of the meeting held on 16 July 2024\n4. Budget monitoring\nThe "
        "Executive noted the forecast.\n5. Productivity Plan\nThe Executive DECIDED to endorse "
        "the Productivity Plan for submission.\n6. Close\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 16),
        "endorsed",
    )


def test_a_plan_recommended_for_approval_at_a_meeting_asserts_no_approval() -> None:
    """ "Recommended for approval by the Executive on 16 July" tells a recommendation made and
    an approval still to take: no timeline event says the Executive approved it."""
    text = (
        f"{PLAN_HEAD}This plan has been recommended for endorsement by the Executive on 16 July "
        f"2024.{FOUR_HEADINGS}"
    )
    facts = extract_facts(text)
    assert all(e.action not in {"approved", "endorsed"} for e in facts.timeline)
    assert facts.decision.outcome == "none"


def test_a_plan_seeking_approval_at_a_meeting_asserts_no_approval() -> None:
    text = (
        f"{PLAN_HEAD}We are seeking endorsement from the Executive on 23 July 2024.{FOUR_HEADINGS}"
    )
    facts = extract_facts(text)
    assert all(e.action not in {"approved", "endorsed"} for e in facts.timeline)
    assert facts.decision.outcome == "none"


def test_a_plan_agreed_in_principle_with_final_approval_to_follow_is_delegated() -> None:
    text = (
        f"{PLAN_HEAD}Cabinet agreed this plan in principle on 2 July 2024, with final "
        f"sign-off by the Leader to follow.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 2),
        "delegated",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "It builds on our Customer Strategy and the Digital Strategy agreed by the Executive on "
        "12 June 2024, and it will be published on our website.",
        "This plan draws on the Medium Term Financial Plan, which was approved by Council on 27 "
        "June 2024, and on our workforce review.",
    ],
)
def test_another_documents_approval_named_before_the_verb_is_not_the_plans(sentence: str) -> None:
    """A plan that names the strategy it draws on, and that strategy's approval: the verb
    describes the strategy, so the plan's own sign-off is not stated."""
    decision = extract_facts(f"{PLAN_HEAD}{sentence}{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == (None, None, "none")


def test_the_plan_named_before_the_verb_is_still_its_own_sign_off() -> None:
    text = f"{PLAN_HEAD}This document is our Productivity Plan agreed by Cabinet on 10 July 2024.{FOUR_HEADINGS}"
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "approved",
    )


def test_a_borderless_document_control_table_gives_the_approving_body_and_day() -> None:
    """A plan's last page: a two-column table without rules, each label and value on a line,
    the PDF's text running the title's value on into the next label unless it opens a line."""
    text = (
        f"{PLAN_HEAD}The plan was approved by Cabinet.{FOUR_HEADINGS}\nDocument information\n"
        "Item Detail\nTitle Example Borough Council Productivity Plan 2024\nApproved by Cabinet\n"
        "Date approved 9 July 2024\nOwner Chief Executive\nPublished 15 July 2024\n"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "approved",
    )


def test_minutes_opening_a_meeting_of_the_body_was_held_on_a_day_give_that_day() -> None:
    text = (
        "EXAMPLE BOROUGH COUNCIL\nEXECUTIVE\nA meeting of the Executive was held on Wednesday "
        "10 July 2024 at 7.00 pm in the Town Hall.\nPresent: Councillors A, B and C.\n"
        "EX 31/24 Productivity Plan\nThe Executive considered the draft productivity plan.\n"
        "AGREED that the plan be approved for submission.\nEX 32/24 Leisure contract\nNoted.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 10),
        "approved",
    )


def test_the_minutes_of_a_meeting_submitted_to_the_next_are_no_submission_of_the_plan() -> None:
    text = (
        "Example Borough Council\nMinutes of the meeting of the Cabinet held on 9 July 2024\n"
        "1. Minutes\nThe minutes of the meeting held on 11 June 2024 were submitted.\nAGREED that "
        "the minutes be confirmed.\n2. Productivity Plan\nAGREED that the productivity plan be "
        "approved.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date is None


def test_an_individual_decision_forms_colonless_boxes_give_its_maker_and_decision() -> None:
    """An individual cabinet member decision form printed from a two-column table: "Decision
    taken by" then the member's name and office, a "Portfolio" box, and a "Decision" box whose
    value says what the member has done in a lettered list."""
    text = (
        "EXAMPLE COUNTY COUNCIL\nRecord of Decision taken by an Individual Cabinet Member\n"
        "Decision reference ICM/2024/012\nTitle Productivity Plan 2024\nDecision taken by "
        "Councillor Jo Bloggs, Leader of the Council\nPortfolio Strategy and Finance\n"
        "Date of decision 15 July 2024\nDecision The Leader of the Council has:\n(a) approved the "
        "Productivity Plan 2024 attached to the report; and\n(b) asked that progress be reported "
        "to Cabinet.\nReasons for the decision The Minister asked every council for a plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 15),
        "approved",
    )


def test_a_forward_plans_tall_row_with_the_day_before_the_maker_gives_both() -> None:
    """A landscape forward plan whose "Date of decision" column comes before "Decision maker":
    PDF text gives a tall row's cells a line each, the plan's day and maker after its subject."""
    text = (
        "Example Borough Council\nFORWARD PLAN OF KEY DECISIONS\nDate of publication: 14 June "
        "2024\nDate entered Subject Date of decision Decision maker Responsible officer\n"
        "May 2024 Leisure Centre Contract\n10/07/24\nCabinet\nDirector of Communities\n"
        "June 2024 Productivity Plan 2024 - response to the Minister's letter\n17/07/24\n"
        "Mayor and Cabinet\nExecutive Director for Resources\n"
        "June 2024 Local Plan - submission version\n24/07/24\nCouncil\nDirector of Planning\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Mayor and Cabinet",
        date(2024, 7, 17),
        "none",
    )


def test_a_cabinet_its_council_calls_council_cabinet_is_named_so() -> None:
    text = f"{PLAN_HEAD}Our plan was agreed by Council Cabinet on 17 July 2024.{FOUR_HEADINGS}"
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Council Cabinet",
        date(2024, 7, 17),
        "approved",
    )


def test_a_wrapped_line_of_prose_opening_report_to_is_no_report_cover() -> None:
    """In a plan's two-column page a line can open "report to Cabinet …" mid-sentence: that is
    no "Report to:" box naming a body."""
    text = (
        f"{PLAN_HEAD}Measuring progress. We are building\na framework to bring together cost\n"
        "and outcome figures. In the meantime\nour monthly performance\nreport to Cabinet "
        f"sets out the key\nindicators for each service.{FOUR_HEADINGS}"
    )
    assert extract_facts(text).decision.body is None


NEWS_HEAD = "Savings plan agreed\n\nBy A Reporter\n\nPublished: Friday, 19 July 2024\n\n"
NEWS_TAIL = (
    "\n\nThe plan says how Example Borough Council will save money and use more technology. "
    "Example Borough Council's leader said it was a realistic plan.\n"
)
NEWS = "https://www.example-gazette.co.uk/news/savings-plan"


@pytest.mark.parametrize(
    ("sentence", "body", "outcome"),
    [
        (
            "Councillors voted through the productivity plan at a full council meeting on "
            "Wednesday.",
            "Full council",
            "approved",
        ),
        ("Members endorsed the plan at Wednesday's executive meeting.", "Executive", "endorsed"),
        (
            "Councillors agreed the productivity plan at a meeting of the cabinet on Wednesday "
            "evening.",
            "Cabinet",
            "approved",
        ),
        ("The productivity plan received cabinet approval on Wednesday.", "Cabinet", "approved"),
        ("The plan won the backing of the executive on Wednesday.", "Executive", "approved"),
    ],
)
def test_the_press_naming_the_body_after_the_verb_or_as_its_backing_gives_the_decision(
    sentence: str, body: str, outcome: str
) -> None:
    """The press puts the meeting after the vote ("… at a full council meeting on Wednesday")
    or tells the approval as a noun ("received cabinet approval"): the body, the day (from the
    dateline) and the outcome all stand."""
    decision = extract_facts(f"{NEWS_HEAD}{sentence}{NEWS_TAIL}", url=NEWS).decision
    assert (decision.body, decision.date, decision.outcome) == (body, date(2024, 7, 17), outcome)


@pytest.mark.parametrize(
    "sentence",
    [
        "The productivity plan is expected to receive cabinet approval on 23 July.",
        "Councillors will be asked to approve the plan at a full council meeting on 25 July.",
        "Members agreed the budget at a full council meeting on Wednesday, and the productivity "
        "plan goes to cabinet next week.",
    ],
)
def test_the_press_telling_an_approval_to_come_or_another_items_asserts_none(
    sentence: str,
) -> None:
    facts = extract_facts(f"{NEWS_HEAD}{sentence}{NEWS_TAIL}", url=NEWS)
    assert facts.decision.outcome == "none"
    assert all(e.action not in {"approved", "endorsed"} for e in facts.timeline)


MINUTES_HEAD = (
    "Example District Council\nMinutes of the meeting of the Executive held on Wednesday 10 "
    "July 2024\n\n14. Apologies\nNone.\n\n15. Productivity Plan\nThe Director of Resources "
    "introduced the productivity plan.\n"
)
MINUTES_TAIL = "\n\n16. Car parking charges\nNoted.\n"


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("The recommendation was put to the vote and CARRIED.", "approved"),
        (
            "On being put to the vote the recommendation to adopt the plan was carried "
            "unanimously.",
            "approved",
        ),
        ("Members voted unanimously to endorse the plan.", "endorsed"),
        ("It was moved, seconded and agreed that the plan be approved.", "approved"),
        ("The recommendations set out in the report were agreed.", "approved"),
        ("Members agreed to defer the item to the September meeting.", "deferred"),
        ("Members asked about the plan's savings and officers replied.", "none"),
        ("The motion was put to the vote and was lost.", "none"),
    ],
)
def test_minutes_telling_the_decision_in_running_words_give_its_outcome(
    sentence: str, outcome: str
) -> None:
    """Minutes that record the vote in prose, with no "RESOLVED": members voting, a
    recommendation put to the vote and carried, moved, seconded and agreed."""
    decision = extract_facts(f"{MINUTES_HEAD}{sentence}{MINUTES_TAIL}", url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 10),
        outcome,
    )


DECISION_PAGE = "https://democracy.example-borough.gov.uk/ieDecisionDetails.aspx?ID=812"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notice of Decision\nMeeting: Executive, 11 July 2024\nItem: Productivity Plan\n"
            "Decision: RESOLVED - That the Productivity Plan be endorsed.\nCall-in deadline: 18 "
            "July 2024\n",
            ("Executive", date(2024, 7, 11), "endorsed"),
        ),
        (
            "Leader's Decision\nDecision ref: LD/24/09\nTitle: Productivity Plan\nI, Councillor "
            "Pat Jones, Leader of the Council, approve the Productivity Plan for submission.\n"
            "Signed: Leader of the Council\nDate: 15 July 2024\n",
            ("Leader of the Council", date(2024, 7, 15), "approved"),
        ),
        (
            "Executive Decision Record\nPortfolio Holder for Finance\nDecision made on 16 July "
            "2024\nThe Portfolio Holder agreed the Productivity Plan for submission.\n",
            ("Portfolio Holder", date(2024, 7, 16), "approved"),
        ),
        (
            "Decision Notice\nThe Executive at its meeting on 10 July 2024 made the following "
            "decision:\nProductivity Plan\nThat the plan be approved for submission.\n",
            ("Executive", date(2024, 7, 10), "approved"),
        ),
    ],
)
def test_decision_notices_in_common_shapes_give_the_maker_day_and_outcome(
    text: str, expected: tuple[str, date, str]
) -> None:
    """A notice's "Meeting: Executive, 11 July 2024"; a maker's own "I … approve"; an office
    deciding alone ("The Portfolio Holder agreed the …"); "The Executive at its meeting on …
    made the following decision:"."""
    decision = extract_facts(text, url=DECISION_PAGE).decision
    assert (decision.body, decision.date, decision.outcome) == expected


def test_a_report_recalling_a_meeting_at_which_the_body_agreed_is_not_its_own_meeting() -> None:
    text = (
        "Report to: Council\nDate of meeting: 18 July 2024\nSubject: Productivity Plan\n"
        "Background\nThe Cabinet at its meeting on 9 July 2024 agreed the draft plan.\n"
        "Recommendation\nThat Council notes the Productivity Plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Council", date(2024, 7, 18))


@pytest.mark.parametrize(
    ("control", "expected"),
    [
        (
            "Version history\nVersion 1.2 | Final | Approved by Executive 16 July 2024",
            ("Executive", date(2024, 7, 16), "approved"),
        ),
        ("Approval: Full Council, 25 July 2024", ("Full Council", date(2024, 7, 25), "approved")),
        (
            "Sign-off: Leader of the Council (17 July 2024)",
            ("Leader of the Council", date(2024, 7, 17), "approved"),
        ),
        ("Date of Executive approval: 16 July 2024", ("Executive", date(2024, 7, 16), "approved")),
        (
            "Status: Approved by Corporate Resources Committee 15/07/2024",
            ("Corporate Resources Committee", date(2024, 7, 15), "approved"),
        ),
    ],
)
def test_a_plans_control_line_in_common_shapes_gives_its_sign_off(
    control: str, expected: tuple[str, date, str]
) -> None:
    """A version row whose last cell is the approval; bare "Approval:" and "Sign-off:" labels;
    the body in the label ("Date of Executive approval:"); a body with its day right after."""
    decision = extract_facts(f"{PLAN_HEAD}{control}{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == expected


@pytest.mark.parametrize(
    "control",
    [
        "Approval: Executive, 30 July 2024 (due)",
        "Sign-off: Executive, 30 July 2024 (scheduled)",
        "Approval: the Executive will consider this plan on 30 July 2024.",
    ],
)
def test_a_plans_control_line_for_a_sign_off_to_come_asserts_no_approval(control: str) -> None:
    facts = extract_facts(f"{PLAN_HEAD}{control}{FOUR_HEADINGS}")
    assert facts.decision.outcome == "none"
    assert all(e.action not in {"approved", "endorsed"} for e in facts.timeline)


def test_a_body_named_first_with_its_approval_in_a_clause_after_is_the_sign_off() -> None:
    text = (
        f"{PLAN_HEAD}Member oversight of the plan is through the Executive, which endorsed it on "
        f"16 July 2024.{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 16),
        "endorsed",
    )


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        (
            "Executive\n\nMinutes of a meeting held at the Civic Centre on Monday 15 July 2024",
            "Executive",
        ),
        ("Minutes of Executive\nDate: Monday 15th July 2024\nTime: 7.00 pm", "Executive"),
        ("Proceedings of the Resources Committee held on 15 July 2024", "Resources Committee"),
        (
            "Minutes of the proceedings of the Executive at its meeting on 15 July 2024",
            "Executive",
        ),
    ],
)
def test_minutes_headings_in_other_house_styles_give_the_meeting(heading: str, body: str) -> None:
    text = (
        f"{heading}\n\n5. Productivity Plan\nThe Chief Executive presented the plan.\nRESOLVED "
        "that the productivity plan be approved.\n\n6. Any other business\nNone.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        body,
        date(2024, 7, 15),
        "approved",
    )


COUNCIL_PAGE = "https://www.example-borough.gov.uk/your-council/productivity-plan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Productivity plan 2024\n\nWe sent our productivity plan to government in July. The "
            "plan was approved under delegated powers by the Chief Executive, after consultation "
            "with the Leader, on 18 July 2024.\n",
            ("Chief Executive", date(2024, 7, 18), "approved"),
        ),
        (
            "Productivity plan\n\nOn 11 July 2024, our Cabinet agreed the productivity plan for "
            "submission to government.\n",
            ("Cabinet", date(2024, 7, 11), "approved"),
        ),
        (
            "Productivity plan\n\nThe productivity plan was sent to the Ministry on 19 July 2024 "
            "following endorsement at the Executive on 15 July 2024.\n",
            ("Executive", date(2024, 7, 15), "endorsed"),
        ),
    ],
)
def test_a_council_page_telling_the_sign_off_in_other_words_gives_it(
    text: str, expected: tuple[str, date, str]
) -> None:
    """ "approved under delegated powers by …"; the day first before "our Cabinet"; the plan
    as the sentence's subject, its approval told as a noun after the submission."""
    decision = extract_facts(text, url=COUNCIL_PAGE).decision
    assert (decision.body, decision.date, decision.outcome) == expected


def test_a_committees_name_does_not_run_back_over_the_headline_above_it() -> None:
    """A headline over the lead: "Council backs plan" / "Example City Council's executive
    board has approved …" is the board, not a committee named from the headline's words on;
    the evidence is the lead's sentence."""
    text = (
        "Council backs plan\n\nExample City Council's executive board has approved a "
        "productivity plan.\n\nThe plan says the council will save £5m.\n"
    )
    decision = extract_facts(text, url=NEWS).decision
    assert (decision.body, decision.outcome) == ("Executive board", "approved")
    assert decision.evidence is not None and decision.evidence.startswith("Example City")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "NOTICE OF MEETING\nYou are summoned to attend a meeting of the EXECUTIVE to be held "
            "on MONDAY 22 JULY 2024 at 7.00 pm\nAGENDA\n6. PRODUCTIVITY PLAN 2024\n(Pages 9-30)\n",
            "Executive",
        ),
        (
            "Agenda for Resources Committee on Monday, 22nd July, 2024, 7.00 pm\nItem 4: "
            "Productivity Plan\nItem 5: Treasury management\n",
            "Resources Committee",
        ),
    ],
)
def test_an_agenda_before_its_meeting_names_the_meeting_and_no_decision(
    text: str, body: str
) -> None:
    """A summons ("You are summoned to attend a meeting of … to be held on …") or an "Agenda
    for …" page: the meeting to come, its body and day, and no decision yet."""
    facts = extract_facts(
        text, url="https://democracy.example-borough.gov.uk/ieListDocuments.aspx?CId=140&MId=2201"
    )
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        body,
        date(2024, 7, 22),
        "none",
    )
    assert facts.timeline == []


def test_a_minute_reference_over_its_title_ends_the_item_before_it() -> None:
    """Minutes on a web page print each minute's reference ("EX41") in a cell over its title:
    the plan's item ends there, so a later item's motion "carried" is not its outcome."""
    text = (
        "Committee | Executive\n\nDate | Monday, 22nd July, 2024\n\nEX40\n\nProductivity Plan\n\n"
        "Members discussed the productivity plan.\n\nResolved, that the Productivity Plan be "
        "noted.\n\nEX41\n\nMotion - Street Lighting\n\nThe motion, moved by Councillor Ash and "
        "seconded by Councillor Birch, was put to the vote and carried.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert decision.outcome == "noted"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("We submitted this plan on Tuesday 16 July 2024.", date(2024, 7, 16)),
        ("Submission date: 16 July 2024", date(2024, 7, 16)),
        ("Plans were due on 19 July 2024; ours was submitted a few days early.", None),
    ],
)
def test_a_submission_told_by_we_or_a_label_gives_its_day_and_a_due_day_is_none(
    line: str, expected: date | None
) -> None:
    """ "We submitted this plan on …" names no government and still tells the day; a cover's
    "Submission date:" label; "Plans were due on 19 July" restates the deadline."""
    assert extract_facts(f"{PLAN_HEAD}{line}{FOUR_HEADINGS}").submitted_date == expected


@pytest.mark.parametrize(
    ("text", "body", "when"),
    [
        (
            "Forward Plan\nDecision title: Productivity Plan 2024\nDecision maker: Leader of the "
            "Council\nDate decision to be taken: 12 July 2024\nKey decision: No\n",
            "Leader of the Council",
            date(2024, 7, 12),
        ),
        (
            "KEY DECISION NOTICE\nSubject: Productivity Plan\nDecision to be made by: Executive\n"
            "Date of meeting: 10 July 2024\nReports: Report of the Director of Resources\n",
            "Executive",
            date(2024, 7, 10),
        ),
        (
            "Plan of Key Decisions 1 July 2024 - 31 October 2024\nRef | Decision | Decision maker "
            "| Date\nKD/24/11 | Productivity Plan | Executive | 10 July 2024\nKD/24/12 | Waste "
            "contract | Executive | 11 September 2024\n",
            "Executive",
            date(2024, 7, 10),
        ),
    ],
)
def test_forward_plan_notices_in_other_words_are_decisions_to_come(
    text: str, body: str, when: date
) -> None:
    """ "KEY DECISION NOTICE", "Plan of Key Decisions", "Decision to be made by:", "Date
    decision to be taken:": a notice of a decision still to take, with its maker and day."""
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        body,
        when,
        "none",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Executive delegated approval of this plan to the Chief Executive, in "
            "consultation with the Leader, on 10 July 2024.",
            ("Executive", date(2024, 7, 10), "delegated"),
        ),
        (
            "This plan has been approved by the Executive (10 July 2024).",
            ("Executive", date(2024, 7, 10), "approved"),
        ),
        (
            "The plan was presented to the Executive on 10 July 2024 for approval.",
            ("Executive", date(2024, 7, 10), "none"),
        ),
        (
            "Member oversight: the Executive approved the submission of this plan on 10 July 2024.",
            ("Executive", date(2024, 7, 10), "approved"),
        ),
    ],
)
def test_a_plans_sign_off_in_further_common_shapes(
    sentence: str, expected: tuple[str, date, str]
) -> None:
    """A body handing the sign-off on ("delegated approval of this plan to …"); the day in
    brackets; a plan put to a meeting "for approval" (its decision not told); "approved the
    submission of this plan"."""
    decision = extract_facts(f"{PLAN_HEAD}{sentence}{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == expected


def test_minutes_deferring_to_a_meeting_to_be_held_keep_their_own_meetings_day() -> None:
    text = (
        "Minutes\n\nExecutive\nTuesday, 9th July, 2024 7.00 pm\n\n21.\n\nProductivity Plan\n\n"
        "RESOLVED that consideration of the Productivity Plan be deferred to a special meeting "
        "of the Executive to be held on 17 July 2024.\n\n22.\n\nAny other business\n\nNone.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 9),
        "deferred",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Approved for submission by the Leader of the Council on 11 July 2024.",
        "Approved for submission by the Leader of the Council, after consultation with the "
        "group leaders, on 11 July 2024.",
    ],
)
def test_a_plans_line_approving_it_for_submission_gives_its_sign_off(sentence: str) -> None:
    """A plan's closing line "Approved for submission by …", perhaps with whom was consulted
    between the maker and the day."""
    decision = extract_facts(f"{PLAN_HEAD}{FOUR_HEADINGS}\n{sentence}\n").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 11),
        "approved",
    )


@pytest.mark.parametrize(
    "other_business",
    [
        "The Director reported that the developer had submitted a planning application, which "
        "was expected to be decided by the Planning Committee on 4 September 2024.",
        "Members heard that the council has submitted a bid to the Towns Fund on 12 August 2024.",
    ],
)
def test_another_thing_submitted_is_no_submission_of_the_plan(other_business: str) -> None:
    """An active "has submitted" whose object is an application, a bid or the like, not the
    plan: its day is no submission date."""
    text = (
        "Minutes of the Resources Committee held on 9 July 2024\n\n5. Productivity Plan\n"
        "RESOLVED to approve the Productivity Plan.\n\n6. Other business\n"
        f"{other_business}\n"
    )
    assert extract_facts(text, url=DEMOCRACY).submitted_date is None


def test_the_plan_submitted_in_the_active_voice_still_gives_its_day() -> None:
    text = f"{PLAN_HEAD}{FOUR_HEADINGS}\nThe council had submitted its plan to the Department on 18 July 2024.\n"
    assert extract_facts(text).submitted_date == date(2024, 7, 18)


def test_a_committees_name_wrapped_before_its_last_word_over_its_day_is_the_meeting() -> None:
    """A report's header in capitals, the committee's name broken before "COMMITTEE", its day
    on the next line."""
    text = (
        "AUDIT, GOVERNANCE AND STANDARDS\nCOMMITTEE\n19 SEPTEMBER 2024\nPRODUCTIVITY PLAN\n"
        "Report by the Director of Finance\nRECOMMENDATION\n1. The Committee is RECOMMENDED to "
        "note the Productivity Plan submitted to government in July 2024 (Annex 1).\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Audit, Governance and Standards Committee",
        date(2024, 9, 19),
        "noted",
    )


@pytest.mark.parametrize(
    "resolution",
    [
        "RESOLVED: That the Productivity Plan agreed by the Executive in July be noted.",
        "RESOLVED: That the Committee note the Productivity Plan approved in July 2024.",
    ],
)
def test_an_earlier_step_named_inside_a_resolution_is_not_its_outcome(resolution: str) -> None:
    """A scrutiny body noting a plan "agreed by the Executive" or "approved in July": the
    approval is an earlier step, the noting this meeting's decision."""
    text = (
        "Scrutiny Committee\nMinutes of the meeting held on 12 September 2024\n"
        f"5. Productivity Plan\n{resolution}\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert decision.outcome == "noted"


def test_a_decision_forms_numbered_boxes_give_its_maker_and_outcome() -> None:
    """A decision form printed as numbered boxes whose colons the PDF lost: "2 Decision maker"
    over the maker, "4 Decision to be taken" over "4.1 To approve …"."""
    text = (
        "EXECUTIVE DECISION\nmade by a Cabinet Member\nReference number: L12 24/25\n"
        "1 Title of decision\nProductivity Plan 2024\n2 Decision maker\n"
        "Councillor Anne Example, Leader of the Council\n3 Report author and contact details\n"
        "Head of Policy\n4 Decision to be taken\n4.1 To approve the Council's Productivity "
        "Plan 2024 attached as Appendix A.\n5 Reasons for decision\n"
        "The Minister for Local Government wrote to all councils in England on 16 April 2024 asking\n"
        "each to prepare a productivity plan, with appropriate member oversight, and to return it to the\n"
        "Department by 19 July 2024. The Cabinet meeting planned for early July was cancelled because\n"
        "of the general election, and the decision is therefore being taken by the Leader under the\n"
        "Executive scheme of delegation, as the Council's constitution provides for such a case.\n"
        "6 Financial implications\nNone.\nSigned\n"
        "Date of decision 15 July 2024\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.doc_type == "decision_record"
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 15),
        "approved",
    )


def test_an_agenda_front_sheets_meeting_and_date_lines_give_the_meeting() -> None:
    """ "MEETING: CABINET" over "DATE: Thursday 11th July, 2024": the meeting, not the day of
    the previous minutes listed among the items."""
    text = (
        "Public Document Pack\nExample Borough Council\nMEETING: CABINET\n"
        "DATE: Thursday 11th July, 2024\nTIME: 10.00 am\nVENUE: Town Hall\n\nA G E N D A\n"
        "1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of the Previous "
        "Meeting\nMinutes of the meeting held on 6 June 2024\n4. Productivity Plan\n"
        "Report of the Chief Executive\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 7, 11))


@pytest.mark.parametrize(
    "sentence",
    [
        "The executive has agreed to delegate sign-off of the council's productivity plan to "
        "the chief executive, so that it can be sent to government by Friday's deadline.",
        "Cabinet members voted to delegate approval of the productivity plan to the chief "
        "executive.",
    ],
)
def test_the_press_telling_a_delegated_sign_off_gives_delegated(sentence: str) -> None:
    text = f"Council hands plan sign-off to chief executive\nBy A Reporter · Tuesday 16 July 2024\n{sentence}\n"
    decision = extract_facts(text, url="https://www.example-news.co.uk/news/123").decision
    assert decision.outcome == "delegated"


def test_a_cover_tables_submitted_row_after_a_full_line_keeps_its_day() -> None:
    """A plan's cover table ("Prepared by …" then "Submitted to DLUHC 18 July 2024"): the row is
    not a wrapped line of the one above."""
    text = (
        "Example Borough Council\nProductivity Plan 2024/25\nDocument status Final\n"
        "Prepared by Strategy and Policy Team, Chief Executive's Directorate and Finance\n"
        "Submitted to DLUHC 18 July 2024\nNext review March 2025\n"
        "We have changed how we work across all services, and the plan below sets out how we\n"
        "have transformed our services, how we use technology and data, how we cut waste, and\n"
        "the barriers that government could help us remove, with the figures we use to judge it.\n"
        f"{FOUR_HEADINGS}"
    )
    assert extract_facts(text).submitted_date == date(2024, 7, 18)


def test_a_submission_told_in_the_present_for_what_is_to_come_is_dated_but_no_event() -> None:
    """ "… minor amendments before it is submitted to the Department on 18 July 2024": the
    conventions' submission date, but a step to come: no submission on the timeline, and the
    sector's record treats it as to come."""
    text = (
        "Cabinet - Tuesday, 16th July, 2024\n\n6. Productivity Plan\n"
        "RESOLVED – (1) That the Productivity Plan be approved.\n"
        "(2) That the Chief Executive be authorised to make any minor amendments to the plan "
        "before it is submitted to the Department for Levelling Up, Housing and Communities on "
        "18 July 2024.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.submitted_date == date(2024, 7, 18)
    assert submission_to_come(facts.submission.sentence if facts.submission else None)
    assert not [e for e in facts.timeline if e.action == "submitted"]


def test_a_report_referred_to_a_later_meeting_puts_no_step_on_that_day() -> None:
    text = (
        "Cabinet - Tuesday, 16th July, 2024\n\n7. Annual report\n"
        "RESOLVED – That the report be noted and referred to the Council Meeting on 19 "
        "September 2024.\n"
    )
    timeline = extract_facts(text, url=DEMOCRACY).timeline
    assert not [e for e in timeline if e.date == date(2024, 9, 19)]


def test_a_paragraph_naming_an_owner_and_an_approval_is_no_version_table() -> None:
    """Prose run into one line ("… approved by the Executive in 2022. The programme … each with
    a senior responsible owner …") is not a document-control header: the plan records no
    sign-off of its own."""
    text = (
        f"{PLAN_HEAD}Transformation. Our work is led through the Transformation Programme "
        "approved by the Executive in 2022. The programme is organised into nine projects, each "
        "with a senior responsible owner, and is overseen by the Corporate Leadership Team.\n"
        "Highways. Our pothole repairs cost less.\n• Fire and rescue. The fire service is part "
        "of the County Council. Sharing its stations with the police has cut costs.\n"
        f"{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert (decision.body, decision.outcome) == (None, "none")


def test_minutes_listed_among_a_reports_background_papers_are_not_its_meeting() -> None:
    text = (
        "Example Borough Council\nProductivity Plan\nReport to Cabinet\n"
        "Date of meeting 9 July 2024\nReport of Executive Director\n1. Summary\n"
        "1.1 This report asks Cabinet to approve the plan.\n2. Recommendations\n"
        "Cabinet is recommended to approve the Productivity Plan at Appendix 1.\n"
        "Background papers\nLetter from the Minister for Local Government, 16 April 2024.\n"
        "Minutes of the Performance and Resources Committee, 27 June 2024.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Cabinet", date(2024, 7, 9))


def test_a_live_blogs_standfirst_names_the_meeting_whose_vote_it_reports() -> None:
    """ "Follow our live coverage of the last full council meeting …" and, later, "Councillors
    have voted to note the council's productivity plan": the full council's noting, on the
    blog's day, not the cabinet's sign-off it recalls."""
    text = (
        "That's all from us\n\nBy A Reporter · LIVE · Last updated 15:48, 16 JUL 2024\n\n"
        "Follow our live coverage of the last full council meeting before the summer recess\n\n"
        "Councillors have voted to note the council's productivity plan, by 50 votes to 9.\n\n"
        "The plan was signed off by the cabinet last week and will be sent to government "
        "before Friday's deadline.\n"
    )
    decision = extract_facts(text, url="https://www.example-herald.co.uk/news/live-123").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Full Council",
        date(2024, 7, 16),
        "noted",
    )


def test_a_decision_notices_lead_in_gives_the_maker_day_and_outcome() -> None:
    text = (
        "DECISION NOTICE\nThe following decision was taken by the Cabinet Member for Finance and "
        "Resources on 15 July 2024:\nProductivity Plan 2024\nTo approve the Council's "
        "Productivity Plan for submission to the Ministry.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet Member for Finance and Resources",
        date(2024, 7, 15),
        "approved",
    )


def test_a_decision_sheets_items_keep_their_own_outcomes() -> None:
    """ "Item 7: Productivity Plan / Decision: Approved" then "Item 8: … / Decision: Deferred":
    the plan's item decides, not the next item's deferral."""
    text = (
        "CABINET MEETING – 16 JULY 2024\nDECISION SHEET\nItem 7: Productivity Plan\n"
        "Decision: Approved\nItem 8: Car parking charges\nDecision: Deferred\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "approved",
    )


def test_a_record_of_decisions_taken_at_a_meeting_held_on_gives_its_day() -> None:
    text = (
        "Executive\nRecord of decisions taken at the meeting held on Wednesday 17 July 2024\n"
        "Item 5 Productivity Plan\nDecision: The Executive approved the Productivity Plan for "
        "submission to government.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 17),
        "approved",
    )


def test_a_panel_noting_a_plan_and_sending_its_comments_on_notes_it_and_submits_nothing() -> None:
    """Pre-decision scrutiny: "The Panel noted the draft plan and agreed to send its comments
    to Cabinet, which will consider the plan on 16 July": noted; the comments sent are no
    approval and no submission of the plan."""
    text = (
        "Corporate Resources Scrutiny Panel, 4 July 2024\nItem 5: Productivity Plan "
        "(pre-decision scrutiny)\nThe Panel noted the draft plan and agreed to send its comments "
        "to Cabinet, which will consider the plan on 16 July 2024.\n"
    )
    facts = extract_facts(text, url=DEMOCRACY)
    assert facts.decision.outcome == "noted"
    assert facts.submitted_date is None


@pytest.mark.parametrize(
    ("text", "body", "when"),
    [
        (
            "Report of the Director of Resources to the Executive on 9 July 2024\n"
            "Productivity Plan\nRecommendation: That the Executive approves the plan.\n",
            "Executive",
            date(2024, 7, 9),
        ),
        (
            "To: Cabinet\nFrom: Chief Executive\nDate: 16 July 2024\nSubject: Productivity Plan\n"
            "Recommendation: That Cabinet approves the Productivity Plan.\n",
            "Cabinet",
            date(2024, 7, 16),
        ),
        (
            "Committee: Policy and Resources Committee | Date: 11 July 2024\n"
            "Title: Productivity Plan\nRecommendation: That the Committee approves the plan.\n",
            "Policy and Resources Committee",
            date(2024, 7, 11),
        ),
    ],
)
def test_a_reports_cover_in_other_house_styles_gives_its_meeting(
    text: str, body: str, when: date
) -> None:
    """ "Report of … to the Executive on 9 July 2024"; a memorandum's "To: Cabinet" over
    "Date: …"; "Committee: … | Date: …" in one row."""
    facts = extract_facts(
        text, url="https://democracy.example-borough.gov.uk/documents/s1/Report.pdf"
    )
    assert facts.doc_type == "committee_report"
    assert (facts.decision.body, facts.decision.date) == (body, when)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "I am pleased to present this plan, which Cabinet agreed on 9 July 2024.",
            ("Cabinet", date(2024, 7, 9), "approved"),
        ),
        ("Agreed at Full Council 18/07/2024", ("Full Council", date(2024, 7, 18), "approved")),
        ("Approved at Cabinet, 9 July 2024", ("Cabinet", date(2024, 7, 9), "approved")),
    ],
)
def test_a_plans_sign_off_as_a_relative_clause_or_an_agreed_at_line(
    line: str, expected: tuple[str, date, str]
) -> None:
    """The body as the subject of a clause about the plan ("this plan, which Cabinet agreed on
    …"); a control line "Agreed at Full Council 18/07/2024"."""
    decision = extract_facts(f"{PLAN_HEAD}{line}\n{FOUR_HEADINGS}").decision
    assert (decision.body, decision.date, decision.outcome) == expected


def test_a_decision_forms_sign_off_row_gives_the_day_after_the_signature() -> None:
    """A form's last box flattened into one row: "Signature  Cllr A. Name  Date of decision
    16 July 2024"; earlier days in the form (a call-in exemption agreed the day before, the
    publication the day after) are other steps."""
    text = (
        "EXECUTIVE DECISION\nmade by the Leader of the Council\n1 Title of decision\n"
        "Productivity Plan 2024\n2 Decision maker\nLeader of the Council\n4 Decision to be taken\n"
        "To approve the Productivity Plan and authorise its submission.\n7 Urgency\n"
        "The Chair of the Scrutiny Committee agreed on 11 July 2024 that this decision is "
        "exempt from call-in.\n15 Sign-off\nSignature Councillor A. Person Date of decision "
        "12 July 2024\nDate published 15 July 2024\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Leader of the Council", date(2024, 7, 12))


def test_a_forward_plans_row_with_the_day_and_maker_before_its_subject() -> None:
    """A forward plan printed as a table whose columns run day, maker, subject: the plan's
    row gives its day and maker, not the rows before or after it."""
    text = (
        "Exampleshire Council\nFORWARD PLAN\nNotice of key decisions to be taken by the "
        "Executive from 1 July 2024 to 31 October 2024.\nPublished: 14 June 2024.\n"
        "Date of\ndecision\nDecision maker Title and description\n"
        "3 July 2024 Executive Bus service improvement plan. To approve the\n"
        "plan for consultation.\nYes Report\n"
        "10 July 2024 Cabinet Member for Finance Award of a cleaning contract.\nYes Report\n"
        "17 July 2024 Executive Productivity Plan. To approve the Council's\n"
        "Productivity Plan for submission to the Department.\nNo Report\n"
        "24 July 2024 Executive Q1 Performance Monitoring.\nNo Report\n"
    )
    facts = extract_facts(text, url="https://democracy.exampleshire.gov.uk/mgListPlans.aspx")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Executive",
        date(2024, 7, 17),
        "none",
    )


def test_minutes_print_the_committee_under_the_heading_and_the_council_over_it() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\nMINUTES of the Meeting held in the Council Chamber, Civic "
        "Offices, Market Street,\nExampleton, EX1 2AB on Thursday, 11 July 2024 from 7.00 pm.\n"
        "STRATEGY AND RESOURCES COMMITTEE\nPRESENT: Councillor A (Chair), Councillors B, C.\n"
        "45 Minutes\nThe Minutes of the Meeting held on 6 June 2024 were approved.\n"
        "46 Productivity Plan\nRESOLVED: That the Productivity Plan be approved for submission.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date) == ("Strategy and Resources Committee", date(2024, 7, 11))


@pytest.mark.parametrize(
    "story",
    [
        "Exampleton District Council's cabinet met at the council offices in Station Road on "
        "Wednesday (July 10) to consider the authority's 'productivity plan'. The minister "
        "wrote to councils in April asking for the plans. But instead of approving the draft, "
        "cabinet members voted to defer the item to a special meeting next week.",
        "Exampleton District Council's cabinet met on Wednesday, July 10, to consider the "
        "authority's productivity plan. Members voted to defer it to a special meeting.",
    ],
)
def test_the_press_on_a_meeting_that_met_to_consider_the_plan_and_deferred_it(story: str) -> None:
    """ "The cabinet met … on Wednesday (July 10) to consider the plan", the deferral told one
    or two sentences later: deferred, by the cabinet, that day (not the special meeting's)."""
    text = f"Plan put off\n\nBy A Reporter Thursday, 11 July 2024, 4:12pm\n\n{story}\n"
    decision = extract_facts(text, url="https://www.example-gazette.co.uk/news/1").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "deferred",
    )


def test_the_press_on_a_cabinet_that_has_deferred_its_plan_itself() -> None:
    text = (
        "Plan put off\n\nBy A Reporter Thursday, 11 July 2024\n\nExampleton Borough Council's "
        "cabinet has deferred its productivity plan to a special meeting next week.\n"
    )
    decision = extract_facts(text, url="https://www.example-gazette.co.uk/news/2").decision
    assert (decision.body, decision.outcome) == ("Cabinet", "deferred")


def test_a_month_first_day_before_a_preposition_is_a_date() -> None:
    """The press's "submitted on July 18 by the managing director": the day is read though no
    mark follows it ("in March 12 members …" stays no date)."""
    text = (
        "Plan sent\n\nBy A Reporter Wednesday, 14 August 2024\n\nThe council's productivity "
        "plan was submitted on July 18 by the managing director.\n"
    )
    facts = extract_facts(text, url="https://www.example-courier.co.uk/news/3")
    assert facts.submitted_date == date(2024, 7, 18)


def test_the_press_noting_a_plan_dates_it_by_the_meeting_it_was_brought_back_to() -> None:
    """ "A plan … has been formally noted by the council's cabinet" (no day), then "It was
    brought back to cabinet at its meeting at … on Tuesday (August 13)": noted that day; the
    submission weeks before is its own step."""
    text = (
        "Plan noted\n\nBy A Reporter Wednesday, 14 August 2024, 7:00am\n\nA plan setting out how "
        "Exampleton Borough Council gets the most from every pound has been formally noted by "
        "the council's cabinet, weeks after it was sent to the government. The plan was "
        "submitted on 18 July by the chief executive. It was brought back to cabinet at its "
        "meeting at the Civic Centre on Tuesday (August 13) so that members could note it.\n"
    )
    facts = extract_facts(text, url="https://www.example-courier.co.uk/news/4")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 8, 13),
        "noted",
    )
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_committees_name_after_and_starts_at_its_first_word() -> None:
    """ "… briefed at its informal meeting on 2 July 2024 and the Overview and Scrutiny Board
    considered the draft on 27 June 2024": the board, not "and the Overview …"."""
    text = (
        f"{PLAN_HEAD}The Executive was briefed on this plan at its informal meeting on 2 July "
        "2024 and the Overview and Scrutiny Board considered the draft on 27 June 2024.\n"
        f"{FOUR_HEADINGS}"
    )
    decision = extract_facts(text).decision
    assert decision.body == "Overview and Scrutiny Board"


def test_minutes_submitted_for_approval_and_a_step_that_would_come_are_not_on_the_timeline() -> (
    None
):
    """ "The minutes of the meeting held on 16 May 2024 were submitted for approval" is a paper
    put to the meeting, not a submission that day; "a report would be considered by the
    Executive on 26 September" is a step to come, not one taken."""
    text = (
        "Minutes of the meeting of the Council held on 18 July 2024\n12 Minutes\nThe minutes of "
        "the annual meeting of the Council held on 16 May 2024 were submitted for approval.\n"
        "13 Questions\nThe Leader replied that a report would be considered by the Executive on "
        "26 September 2024.\n"
    )
    assert extract_facts(text, url=DEMOCRACY).timeline == []


def test_committee_minutes_with_letter_spaced_resolutions_and_a_report_to_council_heading() -> None:
    """A committee-system council's minutes: the committee's name over "Minutes and report to
    Council of the meeting of the Committee held in … on the 27th June 2024" (wrapped), and
    "R E S O L V E D – that:" letter-spaced as such minutes print it."""
    text = (
        "S&R 27.06.24 - 1 -\nEXAMPLE DISTRICT COUNCIL\nSTRATEGY & RESOURCES COMMITTEE\n"
        "Minutes and report to Council of the meeting of the Committee held in the Council "
        "Chamber,\nCouncil Offices, High Street, Exampleton on the 27th June 2024 at 7.30pm.\n"
        "PRESENT: Councillors A (Chair), B, C and D.\n88. MINUTES OF THE MEETING HELD ON THE "
        "28TH MARCH 2024\nThese minutes were approved as a correct record.\n92. PRODUCTIVITY "
        "PLAN\nA report was presented setting out the Council's draft Productivity Plan.\n"
        "R E S O L V E D – that:\nA. the Productivity Plan at Appendix A be endorsed;\n"
        "B. the Chief Executive be authorised to submit the plan.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Strategy & Resources Committee",
        date(2024, 6, 27),
        "endorsed",
    )


def test_an_earlier_meetings_minutes_listed_under_an_item_number_of_their_own_are_not_the_day() -> (
    None
):
    """A democracy page lists its items with the number on a line of its own ("3." over
    "Minutes of the meeting held on 11 June 2024 PDF 188 KB"): the page's meeting is the one in
    its heading."""
    text = (
        "Cabinet - Tuesday, 9th July, 2024 10.30 am\n\nItems\n\n1.\n\nApologies for absence\n\n"
        "3.\n\nMinutes of the meeting held on 11 June 2024 PDF 188 KB\n\nMinutes:\n\n"
        "RESOLVED – That the minutes be approved as a correct record.\n\n8.\n\n"
        "Productivity Plan\n\nMinutes:\n\nRESOLVED – (1) That the Productivity Plan be approved.\n"
    )
    decision = extract_facts(text, url=DEMOCRACY).decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "approved",
    )


def test_a_reports_meeting_date_rows_give_the_last_meeting_on_its_route() -> None:
    """A cover table's "Meeting/Date" with the report's route, scrutiny first and then the
    deciding meeting: the last row is the report's meeting."""
    text = (
        "Example District Council\nTitle/Subject Matter Productivity Plan 2024\n"
        "Meeting/Date Overview and Scrutiny Panel (Performance) – 4 September 2024\n"
        "Cabinet – 17 September 2024\nReport by Chief Executive\nProductivity Plan 2024\n"
        "Recommendations\nCabinet is recommended to note the Productivity Plan.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s1/Report.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 9, 17))


def test_an_agenda_packs_front_sheet_is_an_agenda_not_a_decision_record() -> None:
    """ "Cabinet Agenda – 11 July 2024" as its running header, "Agenda published: …", "Item
    Page" over its contents, "KEY DECISIONS" and "NON-KEY DECISIONS" as its sections and
    "Decisions taken at this meeting will be published on …": each is also a record's or
    minutes' cue, together they are an agenda."""
    text = (
        "Cabinet Agenda – 11 July 2024 – Page 1\nExample Borough Council\nCabinet\n"
        "Date: Thursday, 11th July, 2024\nAgenda published: Wednesday 3 July 2024.\nAGENDA\n"
        "Item Page\n1 Evacuation Procedure 5 - 6\n2 Apologies for Absence\n"
        "3 Minutes of the meeting held on 13 June 2024 7 - 14\nKEY DECISIONS\n"
        "4 Town Centre Regeneration 41 - 62\nNON-KEY DECISIONS\n5 Productivity Plan\n"
        "Report of the Director of Finance. Cabinet is asked to approve the Council's "
        "Productivity Plan.\n99 - 118\nDecisions taken at this meeting will be published on "
        "12 July 2024.\n"
    )
    facts = extract_facts(
        text, url="https://example.moderngov.co.uk/documents/g1/Public%20reports%20pack.pdf"
    )
    assert facts.doc_type == "agenda_item"


def test_a_release_that_has_today_sent_the_government_its_plan_dates_the_submission() -> None:
    """ "… has today sent the government its plan", the release dated in a row of cells
    ("Release date: Friday 19 July 2024 | Reference: … | For immediate release")."""
    text = (
        "Example County Council\nNEWS RELEASE\nRelease date: Friday 19 July 2024 | Reference: "
        "PR/24/0417 | For immediate release Council sets out how it will keep improving\n"
        "productivity\nExample County Council has today sent the government its plan for making "
        "services more productive.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/news/release.pdf")
    assert facts.submitted_date == date(2024, 7, 19)


def test_a_dateline_with_the_time_first_and_an_update_after_it_dates_a_weekday() -> None:
    text = (
        "Council sets out plan\nBy A Reporter, Local Democracy Reporting Service\n"
        "6:00am Friday 12 July 2024 · Updated 9:41am\nThe council's Executive approved the plan "
        "at a meeting in the town hall on Tuesday.\n"
    )
    decision = extract_facts(text, url="https://www.example-courier.co.uk/news/5").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Executive",
        date(2024, 7, 9),
        "approved",
    )


def test_a_round_up_on_a_cabinet_that_put_off_a_decision_on_the_plan() -> None:
    """A weekly round-up: "… cabinet has put off a decision on the plan every council has been
    told to send the government", its day in the next sentence ("At a meeting on Wednesday
    evening (July 10) …"); another council's item after it is no part of it."""
    text = (
        "Town hall round-up\nBy A Reporter · Thursday, 11 July 2024, 5:30pm\nExampleton cabinet "
        "puts off decision on 'productivity plan'\nExampleton District Council's cabinet has put "
        "off a decision on the plan every council has been told to send the government, after "
        "members said it did not say enough.\nAt a meeting on Wednesday evening (July 10), "
        "cabinet members agreed to defer the item to a special meeting next week.\nOtherton: "
        "homes approved\nOtherton District Council's planning committee on Wednesday approved "
        "60 council homes.\n"
    )
    decision = extract_facts(text, url="https://www.example-gazette.co.uk/news/6").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "deferred",
    )


def test_earlier_minutes_under_an_item_number_and_title_are_not_the_meetings_date() -> None:
    """A democracy page lists its items as a number, a short title and the linked paper ("4."
    over "Minutes" over "Minutes of the meeting held on 12 June 2024"): the earlier meeting's
    minutes, not this meeting's heading."""
    text = (
        "Minutes:\n\nExecutive\n\nTuesday, 16th July, 2024 7.00 pm\n\nVenue: Town Hall\n\n"
        "Present: Councillors A, B and C.\n\n3.\n\nApologies\n\nNone.\n\n4.\n\nMinutes\n\n"
        "Minutes of the meeting held on 12 June 2024 (PDF 150 KB)\n\nResolved\n\nThat the "
        "minutes be signed as a correct record.\n\n5.\n\nProductivity Plan\n\nResolved\n\n"
        "That the Productivity Plan be approved for submission to the government.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/ieListDocuments.aspx")
    assert facts.decision.date == date(2024, 7, 16)


def test_a_page_number_over_a_councils_name_does_not_make_the_minutes_heading_an_item() -> None:
    text = (
        "1\nEXAMPLE DISTRICT COUNCIL\nMinutes of the meeting of the CABINET held at the Council "
        "Offices on Monday, 8 July 2024 at 10.00 am.\nPresent: Councillors A and B.\n"
        "12 PRODUCTIVITY PLAN\nRESOLVED: That the Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/minutes.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 8))


def test_another_bodys_recommendation_accepted_does_not_outrank_the_plans_own_outcome() -> None:
    """ "(a) That the plan, as amended at the meeting, be endorsed … (c) That the
    recommendation of the Overview and Scrutiny Committee be accepted": the plan is endorsed;
    accepting the scrutiny body's point approves nothing about the plan."""
    text = (
        "Minutes of the meeting of the Cabinet held on Monday, 8 July 2024.\n"
        "7 PRODUCTIVITY PLAN\nThe Cabinet considered the draft Productivity Plan.\n"
        "RESOLVED: (a) That the Productivity Plan, as set out at Appendix 1 and amended at the "
        "meeting, be endorsed.\n(b) That the Chief Executive be authorised to submit it.\n"
        "(c) That the recommendation of the Overview and Scrutiny Committee be accepted.\n"
        "8 LEISURE CENTRE\nRESOLVED: That the report be noted.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/minutes.pdf")
    assert facts.decision.outcome == "endorsed"


def test_a_covers_labelled_to_line_gives_the_body_without_its_label() -> None:
    text = (
        "EXAMPLE COUNTY COUNCIL\nFrom: A Person, Leader of the Council\n"
        "To: Policy and Resources Cabinet Committee – 19 September 2024\n"
        "Subject: Productivity Plan\nRecommendation: The Committee is asked to NOTE the "
        "Productivity Plan.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s2/Report.pdf")
    assert facts.decision.body == "Policy and Resources Cabinet Committee"


def test_a_decision_makers_office_wrapped_in_a_forms_cell_is_read_whole() -> None:
    """A form's narrow cell breaks "County Councillor A Name, Leader of the County Council"
    before "the": the office is the whole of it, not "County Council"."""
    text = (
        "Example County Council\nRecord of Decision by a Cabinet Member\n"
        "Decision maker Date of decision\nCounty Councillor Jo Bloggs-Smith, Leader of\n"
        "the County Council\n15 July 2024\nTitle of decision\nProductivity Plan 2024\n"
        "Decision\nThe Leader of the County Council approved the Productivity Plan.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/decision.pdf")
    assert (facts.decision.body, facts.decision.date) == (
        "Leader of the County Council",
        date(2024, 7, 15),
    )


def test_a_release_dated_under_a_row_of_column_labels_dates_today() -> None:
    """A release's header row flattened: "Date Reference Embargo" over "Thursday 18 July 2024
    PR/24/117 For immediate release"; "has today submitted its plan" is that day."""
    text = (
        "Example Borough Council\nNEWS RELEASE\nDate Reference Embargo\nThursday 18 July 2024 "
        "PR/24/117 For immediate release\nCouncil sends plan to government\nExample Council "
        "has today submitted its productivity plan to government.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/news/release.pdf")
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_live_blog_of_a_cabinet_meeting_that_put_the_plan_off() -> None:
    """A live blog titled "LIVE: Exampleton Cabinet – …", whose standfirst has "… Council's
    Cabinet is meeting this afternoon", recaps "the productivity plan has been put off until
    next week": the cabinet deferred it on the dateline's day."""
    text = (
        "By A Reporter · Tuesday 9 July 2024, 1:45pm · Last updated 4:52pm\n\nThat's it from "
        "us. To recap: parking charges will rise and the productivity plan has been put off "
        "until next week.\n\nLIVE: Exampleton Cabinet – parking and productivity plan\n\nWe're "
        "live from the chamber, where Exampleton District Council's Cabinet is meeting this "
        "afternoon.\n\nThe Leader proposes the plan is deferred to an extra meeting on Tuesday "
        "16 July. Agreed.\n"
    )
    decision = extract_facts(text, url="https://www.example-news.co.uk/live/1").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 9),
        "deferred",
    )


def test_a_meetings_papers_tell_no_step_dated_after_the_meeting_as_done() -> None:
    """Minutes of 17 July cannot record a step of 16 October as taken: "… be approved, with
    the outcome reported to Cabinet on 16 October 2024" is to come. A decision record may be
    written after the steps it tells, so its later submission stays."""
    minutes = (
        "Minutes of the meeting of the Cabinet held on Wednesday, 17 July 2024.\n"
        "8. Productivity Plan\nRESOLVED: That the Productivity Plan be approved.\n"
        "9. School places\nRESOLVED: That consultation on two school expansions be approved, "
        "with the outcome reported to Cabinet on 16 October 2024.\n"
    )
    facts = extract_facts(minutes, url="https://www.example.gov.uk/minutes.pdf")
    assert facts.decision.date == date(2024, 7, 17)
    assert all(event.date <= date(2024, 7, 17) for event in facts.timeline)
    record = (
        "Record of Decision\nDecision maker: Leader of the Council\nDate of decision: 12 July "
        "2024\nDecision: The Leader approved the Productivity Plan.\nThe plan was submitted by "
        "e-mail on 16 July 2024.\n"
    )
    facts = extract_facts(record, url="https://www.example.gov.uk/decision.pdf")
    assert facts.doc_type == "decision_record"
    assert (date(2024, 7, 16), "submitted") in [(e.date, e.action) for e in facts.timeline]


def test_an_earlier_meetings_minutes_confirmed_are_no_step_on_that_day() -> None:
    """ "The minutes of the meeting held on 3 June 2024 were approved as a correct record":
    the approval is the later meeting's, of a record, and no step of 3 June."""
    text = (
        "Minutes of the meeting of the Cabinet held on Monday, 8 July 2024.\n"
        "1 MINUTES\nThe minutes of the meeting of the Cabinet held on 3 June 2024 were approved "
        "as a correct record and signed by the Chairman.\n2 PRODUCTIVITY PLAN\nRESOLVED: That "
        "the Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/minutes.pdf")
    assert date(2024, 6, 3) not in [event.date for event in facts.timeline]


def test_a_plan_answering_the_ministers_letter_under_his_themes_is_a_plan() -> None:
    """A plan that calls itself the council's response to the minister's letter and lists its
    parts as "Theme 1: Transformation of services" … is a plan, though residents "told us"
    things in it, as the press says."""
    text = (
        "Exampleton District Council – Productivity Plan 2024 example.gov.uk\n1\n"
        "Exampleton District Council\nProductivity Plan 2024\nThis document is Exampleton "
        "District Council's response to the letter from the Minister for Local Government "
        "dated 16 April 2024.\nContents\n• Foreword\n• Theme 1: Transformation of services\n"
        "• Theme 2: Technology and data\n• Theme 3: Reducing wasteful spend\n• Theme 4: "
        "Barriers\nForeword\nResidents told us they wanted to do more online. Tenants told us "
        "repairs took too long.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/files/productivity-plan.pdf")
    assert facts.doc_type == "plan"


def test_a_plans_final_version_agreed_after_a_cabinet_discussion_is_the_sign_off() -> None:
    text = (
        "Our Productivity Plan\nThe plan was discussed by Cabinet on 9 July 2024. Cabinet asked "
        "for two changes and this final version was agreed by the Leader of the Council on 15 "
        "July 2024 under the executive procedure rules.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/plan.docx").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 15),
        "approved",
    )


def test_a_reports_dated_list_of_earlier_steps_is_not_its_outcome() -> None:
    """A report for noting with a "Timeline" list ("• 10 July 2024 – Cabinet agreed the plan
    for submission"): the report's outcome is its own recommendation, to note."""
    text = (
        "Scrutiny Committee\nReport title: Productivity Plan 2024\nDate: 18 September 2024\n"
        "Report author: Director of Finance\nPurpose of report\nThe Committee is recommended "
        "to note the Productivity "
        "Plan at Appendix 1.\nTimeline of engagement and decision-making\n• 12 June 2024 – "
        "draft headings discussed\n• 10 July 2024 – Cabinet agreed the plan for submission\n"
        "• 18 July 2024 – plan submitted to the Ministry\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s3/Report.pdf")
    assert facts.doc_type == "committee_report"
    assert facts.decision.outcome == "noted"


def test_a_reports_header_names_its_presenter_between_the_meeting_and_its_day() -> None:
    """ "CABINET" / "COUNCILLOR A NAME" / "LEADER OF THE COUNCIL" / "9 JULY 2024": the office
    under the councillor's name presents the report; the meeting is the Cabinet's."""
    text = (
        "CABINET\nCOUNCILLOR JO BLOGGS\nLEADER OF THE COUNCIL\n9 JULY 2024 KEY DECISION? NO\n"
        "REPORT NO. ACE1\nPRODUCTIVITY PLAN\nSUMMARY AND RECOMMENDATIONS:\nCabinet is "
        "recommended to note the productivity plan and delegate its submission to the Chief "
        "Executive.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s4/Report.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 9))


def test_a_decision_maker_box_with_the_name_after_a_dash_gives_the_office() -> None:
    text = (
        "Example Council Record of Decision\nTitle Productivity Plan 2024\nDecision Maker "
        "Leader of the Council – Councillor Jo Bloggs\nDecision Date 16 July 2024\nDecision "
        "That the Productivity Plan 2024 be approved.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/decision.pdf")
    assert (facts.decision.body, facts.decision.date) == (
        "Leader of the Council",
        date(2024, 7, 16),
    )


def test_a_forward_plan_titled_after_its_council_is_a_notice_of_decisions_to_come() -> None:
    """ "EXAMPLE COUNCIL FORWARD PLAN" over entries with "Details of Decision to be taken" and
    "Decision Expected": an agenda item for a meeting to come, with the plan's row."""
    text = (
        "Example Council Forward Plan – July to October 2024 Page 1\nEXAMPLE COUNCIL FORWARD "
        "PLAN\nFOR THE FOUR MONTH PERIOD 1 JULY 2024 – 31 OCTOBER 2024\nKey Decisions\nDecision "
        "Decision Maker Expected\nProductivity Plan Cabinet 11 July 2024\nLibrary Review Cabinet "
        "5 September\n2024\nProductivity Plan\nDetails of Decision to be taken To approve the "
        "Council's Productivity Plan.\nDecision Maker Cabinet\nDecision Expected 11 Jul 2024\n"
    )
    facts = extract_facts(text, url="https://modgov.example.gov.uk/mgListPlanItems.aspx?PlanId=1")
    assert facts.doc_type == "agenda_item"
    assert (facts.decision.date, facts.decision.outcome) == (date(2024, 7, 11), "none")


def test_a_cabinet_that_considered_a_draft_and_asked_the_leader_to_approve_it_delegated() -> None:
    text = (
        "Productivity plan\nOur Cabinet considered a draft of Exampleshire's plan at its meeting "
        "on 10 July 2024. Cabinet asked the Leader of the Council, in consultation with the "
        "Director of Finance, to approve the final version.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/productivity-plan").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "delegated",
    )


def test_a_live_blog_dated_only_in_its_title_dates_the_cabinets_approval() -> None:
    """A live blog with no dateline in its text: "Cabinet has unanimously approved Exampleton's
    productivity plan" on the day its title names, and "will be submitted tomorrow" the day
    after; another item's "starts on July 24" is no step taken."""
    text = (
        "That's all from us\n\nThanks for following along.\n\nLIVE LIVE: Exampleton Council "
        "cabinet meeting – parking and productivity planKey points\n\nA quick one: cabinet noted "
        "the plans for the summer holiday clubs, which start on July 24.\n\nCabinet has "
        "unanimously approved Exampleton's productivity plan – the document every council was "
        "asked to send to government.\n\nThe leader confirmed the plan will be submitted to "
        "government tomorrow.\n\nWelcome to our live coverage of this morning's "
        "meeting of Exampleton Council's cabinet.\n"
    )
    facts = extract_facts(
        text,
        url="https://www.example-star.co.uk/news/live-1",
        title="LIVE: Exampleton Council cabinet meeting, July 17 2024 - parking | Example Star",
    )
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 7, 17),
        "approved",
    )
    assert all(event.date <= date(2024, 7, 17) for event in facts.timeline)
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_step_named_as_a_condition_after_anothers_day_is_not_on_that_day() -> None:
    text = (
        "Productivity Plan\n1.1 The plan was agreed by Cabinet on 10 July 2024. The Committee "
        "asked, when agreeing its work programme on 24 April 2024, to see the plan once it had "
        "been submitted.\n"
    )
    facts = extract_facts(text)
    assert date(2024, 4, 24) not in [event.date for event in facts.timeline]


def test_a_timeline_steps_body_is_not_one_named_in_the_clause_it_agreed() -> None:
    """ "… agreed on 15 July 2024 that … would prevent the Council from meeting the deadline",
    "Cabinet considered the draft on 16 July 2024 and agreed that the final version be signed
    off by the Leader": what was agreed names other bodies; the step is the one named first."""
    text = (
        "Record of Decision\nProductivity Plan\nThe Chair of the Overview and Scrutiny Committee "
        "agreed on 15 July 2024 that this decision should be exempt from call-in because any "
        "delay would prevent the Council from meeting the deadline.\nGovernance: Cabinet "
        "considered the draft of this plan on 16 July 2024 and agreed that the final version be "
        "signed off by the Leader of the Council.\n"
    )
    steps = {(e.date, e.body) for e in extract_facts(text).timeline}
    assert (date(2024, 7, 15), "Overview and Scrutiny Committee") in steps
    assert (date(2024, 7, 16), "Cabinet") in steps


def test_a_plan_as_a_letter_considered_and_its_submission_endorsed() -> None:
    """A plan written as a letter: "Cabinet considered this plan on 16 July 2024 and endorsed
    its submission. This letter and its annex are being submitted on 18 July 2024." """
    text = (
        "Dear Minister\nProductivity plan\nWe set out below how we are improving productivity.\n"
        "How this plan was agreed\nCabinet considered this plan on 16 July 2024 and endorsed its "
        "submission. This letter and its annex are being submitted on 18 July 2024.\n"
        "Yours sincerely\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/productivity-plan-letter.pdf")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "endorsed",
    )
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_plans_sign_off_table_with_a_label_cell_per_row() -> None:
    """A plan's "Approval and submission" table, each row a label cell and its detail, rows
    long enough to look wrapped: "Approval  Approved by the Leader of the Council, Councillor
    A. Name, on 15 July 2024" over "Submission  Submitted to the Ministry … on 16 July 2024"
    over "Scrutiny  To be considered by the Overview and Scrutiny Board on 4 September 2024"."""
    filler = "We will keep improving the way we work and report on our progress to members. " * 3
    text = (
        "Example Council Productivity Plan\n"
        + "\n".join(filler[i : i + 92].strip() for i in range(0, len(filler), 92))
        + "\nApproval and submission\nStage Detail\nConsultation Informal Cabinet, 9 July 2024\n"
        "Approval Approved by the Leader of the Council, Councillor Jo Bloggs, on 15 July 2024\n"
        "Submission Submitted to the Ministry of Housing, Communities and Local Government on 16 July 2024\n"
        "Scrutiny To be considered by the Overview and Scrutiny Board on 4 September 2024\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/productivity-plan.pdf")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Leader of the Council",
        date(2024, 7, 15),
        "approved",
    )
    assert facts.submitted_date == date(2024, 7, 16)


def test_minutes_headed_by_the_body_the_venue_and_the_day() -> None:
    text = (
        "EXAMPLE DISTRICT COUNCIL\nCABINET\nCOUNCIL CHAMBER, EXAMPLE HOUSE, HIGH STREET\n"
        "TUESDAY, 9TH JULY 2024 (6.00PM)\nPresent:\nCouncillors: A Person (Chairman), B Person "
        "(Vice-Chairman), C Person, D Person, E Person\nand F Person.\nCAB.14 Outturn\nA report "
        "was considered from the Corporate Director: Resources which set out the provisional\n"
        "revenue and capital outturn for 2023-24, and the Cabinet Member for Finance presented it.\n"
        "CAB.15 Productivity Plan\nDecision: The Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/minutes.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 9))


def test_a_reports_meeting_to_be_held_gives_its_day() -> None:
    text = (
        "Report to the Cabinet\nMeeting to be held on Thursday, 11 July 2024\nReport of the "
        "Director of Finance\nProductivity Plan\nRecommendation\nCabinet is asked to approve the "
        "Productivity Plan.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s5/Report.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 11))


def test_an_officer_decision_taken_by_a_named_officer_gives_the_office() -> None:
    text = (
        "RECORD OF OFFICER DECISION\nSubject Productivity Plan 2024\nDecision taken by Jo "
        "Bloggs, Chief Executive\nDate of decision 16 July 2024\nDecision\nTo approve the "
        "Productivity Plan 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/officer-decision.pdf")
    assert facts.decision.body == "Chief Executive"


def test_a_news_release_dated_after_its_kind_dates_today_and_monday() -> None:
    """ "News release · 18 July 2024": "submitted … today" is that day, and "agreed by the
    council's Cabinet on Monday" the Monday before."""
    text = (
        "Council sets out its plan\n\nNews release · 18 July 2024\n\nThe plan, which was agreed "
        "by the council's Cabinet on Monday, was submitted to the Ministry of Housing, "
        "Communities and Local Government today.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/news/plan")
    assert facts.submitted_date == date(2024, 7, 18)
    assert facts.decision.date == date(2024, 7, 15)


def test_councillors_on_the_cabinet_approved_it_at_their_meeting_on_a_weekday() -> None:
    text = (
        "By A Reporter · Tuesday 23 July 2024, 6:00am\n\nCouncil tells Government it cannot "
        "balance its books alone\n\nCouncillors on the cabinet approved the plan at their meeting "
        "last Tuesday (July 16) and it was sent to the Ministry on Thursday, July 18.\n"
    )
    decision = extract_facts(text, url="https://www.example-echo.co.uk/news/7").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "approved",
    )


def test_a_resolution_after_a_dash_is_the_minutes_decision() -> None:
    text = (
        "Minutes of the meeting of the Policy and Resources Committee held on 10 July 2024.\n"
        "18 PRODUCTIVITY PLAN\nThe Director introduced the report. The substantive "
        "recommendations were put and carried (11:4). It was\nResolved – That\n(1) the "
        "Productivity Plan attached at Appendix 1 to the report be approved; and\n(2) the "
        "Director be authorised to submit it.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/minutes.pdf")
    assert facts.decision.outcome == "approved"


def test_a_page_telling_whats_in_the_plan_is_a_page_about_it() -> None:
    text = (
        "Productivity Plan\n\nIn April 2024 the Government asked every council to write a short "
        "productivity plan.\n\nOur plan was approved by Cabinet on 2 July 2024.\n\nWhat's in the "
        "plan\n\nHow we have changed our services\n\nWe rebuilt our waste service in 2022.\n\n"
        "What's holding us back\n\nThe plan tells the Government about three things that get in "
        "the way.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/council/productivity-plan/")
    assert facts.doc_type == "web_page"
