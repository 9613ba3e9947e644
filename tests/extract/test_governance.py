"""Rules on synthetic papers. Councils are real register entries; phrasing is made up."""

import re
from datetime import date
from pathlib import Path

import pytest

from productivity_plans.extract import extract_facts, governance
from productivity_plans.framework import load_framework

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "docs"
FRAMEWORK = load_framework()


def seed(prefix: str) -> str:
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8")


REPORT = """Melton Borough Council

Cabinet

Date of Meeting 9 July 2024

Productivity Plan

Report Author\tJane Bloggs, Director for Corporate Services

Key Decision: No
Subject to Call-In: Yes

Purpose of Report
On 16 April 2024 the Minister wrote to all councils asking for a plan by 19 July 2024.

Recommendations
1. That Cabinet approves the Productivity Plan at Appendix A.
2. That authority be delegated to the Chief Executive to make minor changes.

Reasons for Recommendations
The draft was considered by the Corporate Leadership Team on 11 June 2024.
"""


def test_a_committee_report_gives_body_date_outcome_author_and_flags():
    facts = extract_facts(REPORT)
    assert facts.council is not None and facts.council.gss_code == "E07000133"
    assert facts.doc_type == "committee_report"
    assert facts.decision.body == "Cabinet" and facts.decision.body_kind == "cabinet"
    assert facts.decision.date == date(2024, 7, 9)
    assert facts.decision.outcome == "approved"
    assert facts.author is not None and facts.author.name == "Jane Bloggs"
    assert facts.author.role == "Director for Corporate Services"
    assert facts.key_decision is False and facts.call_in is True
    assert facts.recommendations[0].startswith("That Cabinet approves")
    assert len(facts.recommendations) == 2


def test_the_letter_date_and_the_deadline_are_never_the_meeting_date():
    text = (
        "Report to Cabinet\n\nOn 16 April 2024 the Minister wrote. Plans are due by 19 July 2024."
        "\n\nRecommendations\nThat Cabinet approves the plan.\n"
    )
    facts = extract_facts(text)
    assert facts.decision.date is None
    assert FRAMEWORK.letter.date == date(2024, 4, 16)
    header_only = "Cabinet 19 July 2024\n\nRecommendations\nThat Cabinet notes the plan.\n"
    assert extract_facts(header_only).decision.date is None


def test_an_earlier_step_becomes_a_dated_timeline_event_with_its_sentence():
    facts = extract_facts(REPORT)
    [event] = [e for e in facts.timeline if e.action == "considered"]
    assert event.date == date(2024, 6, 11)
    assert event.body == "Corporate Leadership Team"
    assert REPORT[event.start : event.end].strip() == event.sentence


def test_noting_beats_nothing_but_approval_beats_noting():
    noted = "Decision:\n(1) That the productivity plan be noted.\n"
    both = "RESOLVED THAT:\n1. The plan be noted.\n2. The plan be approved for submission.\n"
    assert extract_facts(noted).decision.outcome == "noted"
    assert extract_facts(both).decision.outcome == "approved"


def test_delegating_sign_off_is_delegated_even_when_the_delegate_may_agree_changes():
    text = (
        "RESOLVED:\nThat the Executive delegates to the Leader and Chief Executive authority "
        "to agree amendments to the Productivity Plan and to submit it.\n"
    )
    assert extract_facts(text).decision.outcome == "delegated"


def test_approving_and_delegating_updates_is_approved():
    text = (
        "Recommendation(s) to Cabinet\n\nThat the Productivity Plan be approved for submission "
        "and delegated authority be granted to the Chief Executive to update it.\n"
    )
    assert extract_facts(text).decision.outcome == "approved"


def test_a_deferred_item_is_deferred():
    text = "Productivity Plan\n\nRESOLVED: That consideration of the plan be deferred.\n"
    assert extract_facts(text).decision.outcome == "deferred"


def test_a_report_sign_off_line_is_not_the_decision():
    text = (
        "RECOMMENDATIONS\n\n1. To note the Council's Productivity Plan.\n\n"
        "Approved by the Portfolio Holder\n"
    )
    assert extract_facts(text).decision.outcome == "noted"


def test_minutes_cut_before_the_outcome_are_unknown():
    text = (
        "Minutes:\nMeeting of Cabinet, Tuesday, 30th July, 2024 5.00 pm\n"
        "Members considered a report on the Productivity Plan. Approval of the report was not "
        "considered to be a key decision.\n"
    )
    facts = extract_facts(text)
    assert facts.decision.outcome == "unknown"
    assert facts.decision.body == "Cabinet" and facts.decision.date == date(2024, 7, 30)


def test_a_plan_page_that_reports_its_own_sign_off_gives_body_date_and_approval():
    text = (
        "We must publish a productivity plan. Our productivity plan was agreed by the cabinet "
        "on 15 July and submitted to the Ministry.\nWe are transforming our services.\n"
    )
    facts = extract_facts(text, url="https://www.eppingforestdc.gov.uk/productivity-plan")
    assert facts.decision.body == "Cabinet"
    assert facts.decision.date == date(2024, 7, 15)
    assert facts.decision.outcome == "approved"


PLAN_BODY = (
    "\n\n1. Introduction\nOur productivity plan sets out how we are transforming services.\n"
)


@pytest.mark.parametrize(
    ("control", "body", "when", "outcome"),
    [
        (
            "Document control\nVersion Date Author Approved by\n"
            "0.9 20/06/2024 Head of Policy Corporate Leadership Team\n"
            "1.0 27/06/2024 Head of Policy Cabinet, 27 June 2024",
            "Cabinet",
            date(2024, 6, 27),
            "approved",
        ),
        (
            "| Version | Date | Approved by |\n| 1 | 2 July 2024 | Corporate Management Team |\n"
            "| 2 | 9 July 2024 | Executive |",
            "Executive",
            date(2024, 7, 9),
            "approved",
        ),
        ("Approved by: Full Council, 11 July 2024", "Full Council", date(2024, 7, 11), "approved"),
        (
            "Approved by\nCabinet\nDate of approval: 3 July 2024",
            "Cabinet",
            date(2024, 7, 3),
            "approved",
        ),
        (
            "Endorsed by: Policy and Resources Committee",
            "Policy and Resources Committee",
            None,
            "endorsed",
        ),
    ],
)
def test_a_plans_document_control_gives_the_members_sign_off(control, body, when, outcome):
    facts = extract_facts(
        "Productivity Plan 2024\n\n" + control + PLAN_BODY,
        url="https://www.erewash.gov.uk/media/productivity-plan.pdf",
    )
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        body,
        when,
        outcome,
    )


@pytest.mark.parametrize(
    "control",
    [
        "Approved by: Director of Resources, 27 June 2024",
        "Version Date Author Approved by\n0.3 20/06/2024 Head of Policy Senior Leadership Team",
        "Approved by: Cabinet (pending), 15 July 2024",
        "To be approved by: Cabinet on 15 July 2024",
    ],
)
def test_officers_sign_off_or_a_sign_off_to_come_is_no_decision(control):
    facts = extract_facts(
        "Productivity Plan 2024\n\n" + control + PLAN_BODY,
        url="https://www.erewash.gov.uk/media/productivity-plan.pdf",
    )
    assert facts.decision.outcome == "none"
    assert facts.decision.date is None


def test_a_plan_with_no_decision_has_outcome_none():
    text = "Our productivity plan\nWe are transforming the way we design services.\n"
    assert extract_facts(text, url="https://www.woking.gov.uk/plan").decision.outcome == "none"


def test_a_decision_record_reads_the_decision_maker_and_date_of_decision():
    text = (
        "Decision details\nProductivity Plan\nDecision Maker: Policy and Finance\n"
        "Is Key decision?: No\nIs subject to call in?: No\nDecisions:\nRESOLVED THAT COMMITTEE:\n"
        "Delegate approval and submission of the Productivity Plan to the Director of Resources."
        "\nDate of decision: 18/06/2024\n"
    )
    facts = extract_facts(text, url="https://democracy.ribblevalley.gov.uk/ieDecisionDetails.aspx")
    assert facts.doc_type == "decision_record"
    assert facts.decision.body == "Policy and Finance" and facts.decision.body_kind == "committee"
    assert facts.decision.date == date(2024, 6, 18)
    assert facts.decision.outcome == "delegated"


def test_only_a_past_tense_submission_gives_a_submitted_date():
    past = "The plan was submitted to the Minister on 19th July 2024."
    future = "The plan is to be submitted to the Ministry by 19 July 2024."
    assert extract_facts(past).submitted_date == date(2024, 7, 19)
    assert extract_facts(future).submitted_date is None


# --- the seeds' tricky cases ------------------------------------------------


def test_seed_named_only_by_an_officer_email_is_identified_and_has_no_meeting_date():
    facts = extract_facts(seed("seed_004"))
    assert facts.council is not None and facts.council.gss_code == "E07000134"
    assert any("e-mail" in e for e in facts.council.evidence)
    assert facts.decision.date is None
    assert facts.decision.body == "Cabinet" and facts.decision.outcome == "approved"


def test_seed_report_to_full_council_notes_a_plan_cabinet_endorsed_earlier():
    facts = extract_facts(seed("seed_000"))
    assert facts.council is not None and facts.council.gss_code == "E07000033"
    assert facts.decision.body == "Council" and facts.decision.body_kind == "council"
    assert facts.decision.date == date(2024, 7, 31)
    assert facts.decision.outcome == "noted"
    [earlier] = [e for e in facts.timeline if e.date == date(2024, 7, 15)]
    assert earlier.body is not None and "Cabinet" in earlier.body
    # "submitted … by the deadline of the 19th July" restates the deadline (corpus README).
    assert facts.submitted_date is None


def test_seed_endorsed_by_the_leader_keeps_that_as_a_timeline_event():
    facts = extract_facts(seed("seed_002"))
    assert facts.decision.body == "Cabinet" and facts.decision.date == date(2024, 9, 16)
    assert facts.decision.outcome == "noted"
    assert facts.key_decision is False and facts.call_in is False
    events = [(e.date, e.body, e.action) for e in facts.timeline]
    assert (date(2024, 7, 15), "Leader", "endorsed") in events


def test_seed_district_report_mentioning_the_county_group_is_the_districts():
    facts = extract_facts(seed("seed_001"))
    assert facts.council is not None and facts.council.gss_code == "E07000035"
    assert facts.decision.body == "Governance and Resources Committee"
    assert facts.author is not None and facts.author.name == "Glenn Burton"
    assert any(
        e.date == date(2024, 6, 11) and e.body == "Corporate Leadership Team"
        for e in facts.timeline
    )


def test_seed_cabinet_executive_report_is_approved_despite_delegating_updates():
    facts = extract_facts(seed("seed_003"))
    assert facts.decision.body == "Cabinet Executive"
    assert facts.decision.date == date(2024, 6, 24)
    assert facts.decision.outcome == "approved"
    assert facts.key_decision is False


# ---- bodies named only in running text (the paper's own header is not in the capture)

MINUTE_RECOMMENDING = """14 Productivity Plan PDF 120 KB
Additional documents:
Minutes:
The Head of Finance introduced the draft plan for Wyre Forest District Council. Members asked
about the targets in section 3 and how the Corporate Scrutiny Committee would monitor them.

RECOMMENDED TO CABINET: That Cabinet approves the Productivity Plan, subject to the comments
of the Corporate Scrutiny Committee, and delegates authority to submit it to the Chief Executive.

Reasons for recommendation: to meet the Government's request.
"""


def test_a_recommendation_passed_on_is_the_recommending_committees_not_the_receivers():
    facts = extract_facts(MINUTE_RECOMMENDING)
    assert facts.doc_type == "minutes"
    assert facts.decision.body == "Corporate Scrutiny Committee"
    assert facts.decision.body_kind == "committee"


def test_a_recommendation_passed_on_with_no_other_committee_named_gives_no_body():
    text = MINUTE_RECOMMENDING.replace(
        "RECOMMENDED TO CABINET: That Cabinet approves",
        "RECOMMENDED TO COUNCIL: That Council approves",
    ).replace("Corporate Scrutiny Committee", "members")
    facts = extract_facts(text)
    assert facts.decision.body is None  # not Council: Council only receives it


def test_a_meeting_named_by_its_month_in_the_minute_gives_the_body():
    text = """9 Productivity Plan PDF 90 KB
Minutes:
Purpose of the Report
To seek approval to submit the Council's Productivity Plan. Because of the election the
Ministry agreed that Tamworth Borough Council could submit it after June's Cabinet.
Decision
1. That the Productivity Plan be approved for submission.
"""
    facts = extract_facts(text)
    assert facts.decision.body == "Cabinet" and facts.decision.outcome == "approved"


def test_meetings_of_different_kinds_named_by_month_give_no_body():
    text = """9 Productivity Plan PDF 90 KB
Minutes:
The plan was discussed at June's Audit Committee and goes to the July Council meeting.
Decision
1. That the Productivity Plan be noted.
"""
    assert extract_facts(text).decision.body is None


def test_a_month_before_council_tax_is_not_a_meeting():
    text = """9 Productivity Plan PDF 90 KB
Minutes:
The plan notes the April Council Tax rise.
Decision
1. That the Productivity Plan be noted.
"""
    assert extract_facts(text).decision.body is None


def test_a_report_put_for_the_consideration_of_a_body_gives_that_body():
    text = """Productivity Plans
This report was pre-scrutinised by the Audit and Standards Committee; its recommendations
will be reported for the consideration of the Policy and Resources Committee.
The Director of Finance presented the Productivity Plan for Huntingdonshire District Council.
Members were asked to note the plan.
RESOLVED that the Productivity Plan be approved.
"""
    facts = extract_facts(text)
    assert facts.decision.body == "Policy and Resources Committee"


def test_publication_is_found_when_the_sentence_refers_back_to_the_plan() -> None:
    from productivity_plans.extract.governance import find_publication

    text = (
        "The Productivity Plan was taken to Cabinet on 15 July 2024. It was then submitted to "
        "the Ministry, and uploaded to the Council's website as required."
    )
    quote = find_publication(text)
    assert quote is not None and quote.sentence.startswith("It was then submitted")
    assert text[quote.start : quote.end] == quote.sentence


def test_publication_needs_the_plan_nearby_and_a_done_verb() -> None:
    from productivity_plans.extract.governance import find_publication

    assert find_publication("The budget was set. It was uploaded to the website.") is None
    assert find_publication("The plan was approved and will be uploaded to the website.") is None


# The look-behind chain _not_a_decision replaced: it must decide every case the same way.
_LOOK_BEHINDS = re.compile(
    r"\b(?:to\s+seek|failure\s+to|not\s+to"
    r"|(?<!Cabinet is )(?<!Council is )(?<!Executive is )(?<!Committee is )(?<!Members are )"
    r"(?<!Board is )(?<!Panel is )asked\s+to)\s*$",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Cabinet is asked to ", False),  # a body asked to decide: its recommendation
        ("The Members are asked to\n", False),
        ("CABINET IS asked to ", False),
        ("Councils were asked to ", True),  # someone else's decision
        ("The Leader is asked to ", True),
        ("Cabinet is  asked to ", True),  # two spaces: not the fixed phrase
        ("It is proposed to seek ", True),
        ("the failure to ", True),
        ("Cabinet decided not to ", True),
        ("Cabinet is asked to note the plan and to ", False),
        ("", False),
    ],
)
def test_not_a_decision_reads_the_words_before_the_verb(before: str, expected: bool) -> None:
    assert governance._not_a_decision(before) is expected
    assert (_LOOK_BEHINDS.search(before) is not None) is expected


def test_word_offsets_find_words_in_any_case_at_the_texts_own_offsets() -> None:
    text = "İstanbul: the plan was SUBMITTED; it was Submitted again."
    found = governance.word_offsets(text, ("submitted",))
    assert [text[at : at + 9].lower() for at in found] == ["submitted", "submitted"]


def test_a_stated_submission_is_found_in_any_stretch_between_full_stops() -> None:
    text = "Cabinet met. The plan; which was then submitted on 12 July 2024. Later it was submitted"
    spans = [m.span() for m in governance._stated_submissions(text)]
    assert spans == [m.span() for m in governance._STATED_SUBMISSION.finditer(text)]
    assert len(spans) == 2


@pytest.mark.parametrize(
    ("sentence", "body", "when"),
    [
        ("It was approved by Cabinet at its meeting on 9 July 2024.", "Cabinet", date(2024, 7, 9)),
        (
            "It was signed off by the Chief Executive under delegated authority, following "
            "consultation with the Leader, on 12 July 2024.",
            "Chief Executive",
            date(2024, 7, 12),
        ),
        (
            "This plan was approved by the Cabinet Member for Corporate Services on 11 July 2024.",
            "Cabinet Member for Corporate Services",
            date(2024, 7, 11),
        ),
    ],
)
def test_a_plan_telling_its_own_sign_off_gives_the_whole_body_and_its_date(sentence, body, when):
    text = (
        "Productivity Plan 2024\n\nThis plan responds to the Minister's request. "
        + sentence
        + "\nReport to Council: Medium Term Financial Strategy\n"
        + PLAN_BODY
    )
    facts = extract_facts(text, url="https://www.erewash.gov.uk/media/productivity-plan.pdf")
    assert (facts.decision.body, facts.decision.date) == (body, when)
    assert facts.decision.outcome == "approved"


def test_it_approved_before_the_letter_is_another_documents_sign_off():
    text = (
        "Productivity Plan 2024\n\nOur Digital Strategy sets our direction. It was approved by "
        "Cabinet on 5 March 2024.\n" + PLAN_BODY
    )
    facts = extract_facts(text, url="https://www.erewash.gov.uk/media/productivity-plan.pdf")
    assert facts.decision.outcome == "none" and facts.decision.date is None


@pytest.mark.parametrize(
    ("tail", "submitted"),
    [
        ("and submitted to government the following day.", date(2024, 7, 16)),
        ("and submitted on the same day.", date(2024, 7, 15)),
        ("and submitted.", None),
    ],
)
def test_a_submission_told_from_the_day_before_it_has_that_days_date(tail, submitted):
    text = "Our productivity plan was agreed by the Leader on 15 July 2024 " + tail + "\n"
    facts = extract_facts(text, url="https://www.erewash.gov.uk/productivity-plan")
    assert facts.submitted_date == submitted


def test_a_news_report_of_a_committees_agreement_gives_the_committee_and_the_day():
    text = (
        "Council plan asks government for fairer deal\n\nThe plan was agreed by councillors on "
        "the Finance and Partnerships Committee on Tuesday evening (July 16) and was sent to the "
        "Ministry of Housing, Communities and Local Government on Thursday, July 18.\n"
    )
    facts = extract_facts(text, url="https://www.localnews.example.co.uk/news/plan-123")
    assert facts.decision.body == "Finance and Partnerships Committee"
    assert facts.decision.date == date(2024, 7, 16)
    assert facts.submitted_date == date(2024, 7, 18)


@pytest.mark.parametrize(
    ("sentence", "submitted"),
    [
        (
            "Noted that officers will send the plan to the Ministry on 17 July 2024.",
            date(2024, 7, 17),
        ),
        (
            "The plan was endorsed on 11 July and went to the Ministry on 18 July 2024.",
            date(2024, 7, 18),
        ),
        ("Officers will return the plan by 19 July 2024.", None),
    ],
)
def test_a_submission_in_other_words_has_its_day(sentence, submitted):
    facts = extract_facts(sentence + "\n", url="https://democracy.erewash.gov.uk/ieDecision")
    assert facts.submitted_date == submitted


def test_the_minutes_of_an_earlier_meeting_put_to_this_one_are_an_item_not_its_heading():
    text = (
        "Executive Cabinet - Wednesday, 17th July, 2024 2.00 pm\n\n"
        "MINUTES OF THE STRATEGIC COMMISSIONING BOARD\n\nRESOLVED\nThat the minutes of the "
        "Strategic Commissioning Board held on 26 June 2024 be noted.\n\nPRODUCTIVITY PLAN\n\n"
        "RESOLVED\nThat the Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://democracy.tameside.gov.uk/ieListDocuments.aspx")
    assert (facts.decision.body, facts.decision.date) == ("Executive Cabinet", date(2024, 7, 17))


def test_minutes_headed_over_two_lines_give_their_committee_and_day():
    text = (
        "SWALE BOROUGH COUNCIL\nMinutes of the Policy and Resources Committee\nMeeting held in "
        "the Council Chamber, Swale House on Wednesday, 10 July 2024 from 7.00pm.\n"
        "191 Productivity Plan\nRESOLVED: That the Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://services.swale.gov.uk/meetings/mgMinutes.aspx")
    assert facts.decision.body == "Policy and Resources Committee"
    assert facts.decision.date == date(2024, 7, 10)


def test_an_officers_decision_notice_gives_the_decision_in_its_details():
    text = (
        "Officer Decision Notice\n\nDecision maker: Chief Executive\nDate of decision: 18 July "
        "2024\n\nDetails of the decision taken:\nI have agreed the final text of the Productivity "
        "Plan 2024, as attached.\n"
    )
    facts = extract_facts(text, url="https://democracy.uttlesford.gov.uk/ieDecisionDetails.aspx")
    assert facts.decision.outcome == "approved"


def test_a_news_report_in_the_active_voice_names_the_committee_not_the_council():
    text = (
        "Council agrees productivity plan\n\nBy Jo Smith, Local Democracy Reporting Service\n\n"
        "STROUD District Council has signed off a plan setting out how it will save money.\n\n"
        "The council's strategy and resources committee agreed the productivity plan at a "
        "meeting on Thursday (July 11).\n\nThe plan will be sent to government ahead of the "
        "19 July deadline.\n"
    )
    facts = extract_facts(text, url="https://www.stroudnewsandjournal.co.uk/news/123/")
    assert (facts.decision.body or "").lower() == "strategy and resources committee"
    assert facts.decision.date == date(2024, 7, 11)
    assert facts.decision.outcome == "approved"
    assert facts.submitted_date is None


def test_a_resolution_noting_a_plan_as_agreed_by_cabinet_is_noted():
    text = (
        "Minutes of the Council, 10 July 2024\n\n330. PRODUCTIVITY PLAN 2024\nMembers debated "
        "the plan.\nRESOLVED: That the Productivity Plan 2024, as agreed by the Cabinet, be "
        "noted.\n\n331. QUESTIONS\nNone.\n"
    )
    facts = extract_facts(text, url="https://democracy.example-borough.gov.uk/mgMinutes.aspx")
    assert facts.decision.outcome == "noted"
    assert facts.decision.evidence is not None and facts.decision.evidence in text


def test_a_recommendation_on_one_line_with_its_clause_is_a_decision_zone():
    text = (
        "REPORT TO: Council\nDATE: 17 July 2024\nSUBJECT: Productivity Plan\n\n"
        "2.0 RECOMMENDATION: That Council endorse the Productivity Plan attached as Appendix 1.\n"
    )
    facts = extract_facts(text, url="https://democracy.example-borough.gov.uk/s123/report.pdf")
    assert facts.decision.outcome == "endorsed"


@pytest.mark.parametrize(
    ("sentence", "body", "when"),
    [
        (
            "This plan was considered by the Cabinet on 15 July 2024 and approved for submission.",
            "Cabinet",
            date(2024, 7, 15),
        ),
        (
            "Cabinet approved this plan at its meeting on 16 July 2024.",
            "Cabinet",
            date(2024, 7, 16),
        ),
        (
            "This plan was agreed by the Executive Cabinet on 17 July 2024.",
            "Executive Cabinet",
            date(2024, 7, 17),
        ),
        (
            "The plan\nwas considered by the Sub-Committee and approved by the Leader.",
            "Leader",
            None,
        ),
    ],
)
def test_a_plans_sign_off_in_more_words_gives_its_body_and_day(sentence, body, when):
    facts = extract_facts(
        "Productivity Plan 2024\n\n" + sentence + PLAN_BODY,
        url="https://www.erewash.gov.uk/media/productivity-plan.pdf",
    )
    assert (facts.decision.body, facts.decision.date) == (body, when)
    assert facts.decision.outcome == "approved"


def test_a_councils_own_cabinet_in_the_possessive_is_the_body():
    text = (
        "Cabinet agrees council's productivity plan\n\nSouth Holland District Council's Cabinet "
        "has approved a plan setting out how the council has become more efficient.\n"
    )
    facts = extract_facts(text, url="https://www.sholland.gov.uk/news/article/1")
    assert facts.decision.body == "Cabinet" and facts.decision.outcome == "approved"


@pytest.mark.parametrize(
    ("header", "body", "when"),
    [
        (
            "MINUTES of a meeting of the COUNCIL held in the Council Chamber, Horncastle on "
            "WEDNESDAY, 17 JULY 2024 at 6.30 pm.",
            "Council",
            date(2024, 7, 17),
        ),
        (
            "MEETING/DECISION MAKER: Cabinet\n\nMEETING/DECISION DATE: 11 July 2024",
            "Cabinet",
            date(2024, 7, 11),
        ),
    ],
)
def test_headers_in_capitals_or_with_a_combined_label_give_body_and_day(header, body, when):
    text = header + "\n\nProductivity Plan\n\nRESOLVED: That the Productivity Plan be noted.\n"
    facts = extract_facts(text, url="https://democracy.example-district.gov.uk/mgMinutes.aspx")
    assert (facts.decision.body, facts.decision.date) == (body, when)


def test_an_undated_it_right_after_the_plan_is_named_is_the_plans_sign_off():
    text = (
        "Productivity Plan 2024\n\nThis document sets out the council's own plan, answering the "
        "four areas in the Minister's letter. It was considered by the Joint Strategic "
        "Sub-Committee and approved by the Leader.\n" + PLAN_BODY
    )
    facts = extract_facts(text, url="https://www.adur-worthing.gov.uk/media/plan.pdf")
    assert (facts.decision.body, facts.decision.outcome) == ("Leader", "approved")


def test_a_councils_plan_in_the_possessive_agreed_and_sent_gives_both_days():
    text = (
        "Cotswold District Council's plan was agreed by Cabinet on 4 July 2024 and sent to the "
        "Government on 15 July 2024.\n"
    )
    facts = extract_facts(text, url="https://www.cotswold.gov.uk/productivity-plan")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 4))
    assert facts.submitted_date == date(2024, 7, 15)


def test_a_committee_in_capitals_over_its_minutes_heading_is_the_body():
    text = (
        "UTTLESFORD DISTRICT COUNCIL\nSCRUTINY COMMITTEE\nMINUTES OF A MEETING held at COUNCIL "
        "CHAMBER, LONDON ROAD, SAFFRON WALDEN, on TUESDAY, 2 JULY 2024 at 7.00 pm\n\n"
        "SC12 PRODUCTIVITY PLAN\nRESOLVED that the draft plan be noted.\n"
    )
    facts = extract_facts(text, url="https://uttlesford.moderngov.co.uk/documents/g1/m.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Scrutiny Committee", date(2024, 7, 2))


@pytest.mark.parametrize(
    ("sentence", "body", "when", "outcome"),
    [
        (
            "This plan was approved by the Cabinet Member for Finance and Asset Management on "
            "11 July 2024.",
            "Cabinet Member for Finance and Asset Management",
            date(2024, 7, 11),
            "approved",
        ),
        (
            "This plan was noted by the Executive Board on 4 July 2024.",
            "Executive Board",
            date(2024, 7, 4),
            "noted",
        ),
        (
            "The plan, which was approved at the Cabinet meeting on Wednesday 10 July 2024, "
            "was requested by the government.",
            "Cabinet",
            date(2024, 7, 10),
            "approved",
        ),
        (
            "Cabinet members at Gedling Borough Council agreed the council's productivity plan at "
            "a meeting on Thursday (July 11).",
            "Cabinet",
            date(2024, 7, 11),
            "approved",
        ),
    ],
)
def test_a_sign_off_told_in_yet_more_words_gives_body_day_and_outcome(
    sentence, body, when, outcome
):
    facts = extract_facts(
        "Productivity Plan 2024\n\n" + sentence + PLAN_BODY,
        url="https://www.erewash.gov.uk/media/productivity-plan.pdf",
    )
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        body,
        when,
        outcome,
    )


def test_a_named_councillor_before_their_office_leaves_the_office_as_the_body():
    text = (
        "Record of decision\nDecision maker: Councillor Paula Hesketh, Cabinet Member for "
        "Resources\nDate of decision: 12 July 2024\nDecision: To approve the Productivity Plan.\n"
    )
    facts = extract_facts(text, url="https://democracy.knowsley.gov.uk/ieDecisionDetails.aspx")
    assert facts.decision.body == "Cabinet Member for Resources"


def test_a_plan_considered_by_a_body_without_a_decision_gives_the_body_and_day_and_no_outcome():
    """ "considered by Cabinet on …" with no approval: the body that considered it and the
    day, outcome none; an approval told later outranks it."""
    plan = (
        "Productivity Plan 2024\n\nThis plan sets out how we are changing our services. It has "
        "been prepared in response to the Minister's letter, was considered by Cabinet on 10 July "
        "2024 and is published on our website.\n"
    )
    facts = extract_facts(plan, url="https://www.sthelens.gov.uk/productivity-plan")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "none",
    )
    approved_later = plan.replace(
        "and is published on our website.",
        "which recommended it to Full Council. Full Council approved the plan on 16 July 2024.",
    )
    decision = extract_facts(approved_later, url="https://www.sthelens.gov.uk/pp").decision
    assert (decision.date, decision.outcome) == (date(2024, 7, 16), "approved")


def test_earlier_minutes_listed_as_a_numbered_item_are_not_the_meetings_heading():
    text = (
        "Cabinet\nThursday 11 July 2024\n\nMinutes\n\n9. Productivity Plan\nResolved: That "
        "Cabinet approves the Productivity Plan.\n\n14. Exempt Minutes of the Cabinet Meeting "
        "held on 13 June 2024\nResolved: That the exempt minutes be agreed.\n"
    )
    facts = extract_facts(text, url="https://democracy.warwickshire.gov.uk/documents/g1/m.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Cabinet", date(2024, 7, 11))


def test_minutes_headed_in_capitals_give_their_body_and_day():
    text = (
        "OADBY AND WIGSTON BOROUGH COUNCIL\n\nMINUTES OF THE MEETING OF THE COUNCIL HELD AT THE "
        "COUNCIL OFFICES, STATION ROAD, WIGSTON ON TUESDAY, 23 JULY 2024 COMMENCING AT 7.00 PM\n\n"
        "37. PRODUCTIVITY PLAN\nRESOLVED: That the Productivity Plan be noted.\n"
    )
    facts = extract_facts(text, url="https://democracy.oadby-wigston.gov.uk/documents/m.pdf")
    assert facts.decision.body is not None and facts.decision.body.lower() == "council"
    assert facts.decision.date == date(2024, 7, 23)


def test_a_news_article_agreeing_the_document_gives_the_body_and_the_day():
    text = (
        "Council's productivity plan approved\n\nBy Local Democracy Reporting Service\n"
        "Wednesday, 17th July 2024, 4:30pm\n\nCalderdale Council's plan for making its services "
        "more productive has been approved.\n\nThe council's Cabinet agreed the document at its "
        "meeting on Monday (July 15), ahead of a government deadline of this Friday.\n"
    )
    facts = extract_facts(text, url="https://www.halifaxcourier.co.uk/news/politics/plan-123")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 15),
        "approved",
    )


@pytest.mark.parametrize(
    ("sentence", "submitted"),
    [
        ("The plan will be submitted to the department on Thursday.", date(2024, 7, 18)),
        ("The plan was submitted to the department on Monday.", date(2024, 7, 15)),
        ("The plan will be submitted on Thursday 18 July.", date(2024, 7, 18)),
    ],
)
def test_a_weekday_without_a_date_is_read_from_the_articles_dateline(sentence, submitted):
    """The press writes "on Thursday": the day next after the dateline for a step to come,
    the last one before it for a step taken."""
    text = "Plan approved\n\nWednesday, 17th July 2024, 4:30pm\n\nThe Cabinet met. " + sentence
    facts = extract_facts(text + "\n", url="https://www.examplecourier.co.uk/news/plan")
    assert facts.submitted_date == submitted


def test_a_weekday_without_a_dateline_gives_no_submission_date():
    text = "The plan will be submitted to the department on Thursday.\n"
    assert extract_facts(text, url="https://www.examplecourier.co.uk/news/p").submitted_date is None


def test_agreeing_that_the_plan_is_published_is_procedure_not_approval():
    text = REPORT.replace(
        "1. That Cabinet approves the Productivity Plan at Appendix A.\n"
        "2. That authority be delegated to the Chief Executive to make minor changes.",
        "2.1 That Cabinet:\na) notes the draft Productivity Plan at Appendix A;\nb) delegates "
        "authority to the Chief Executive, in consultation with the Leader, to finalise and "
        "approve the plan and submit it; and\nc) agrees that the final plan is published on the "
        "Council's website.",
    )
    assert extract_facts(text).decision.outcome == "delegated"


@pytest.mark.parametrize(
    ("line", "body", "when"),
    [
        (
            "July 2024          Approved by the Executive, 11 July 2024",
            "Executive",
            date(2024, 7, 11),
        ),
        ("Status: approved by Cabinet on 17 July 2024.", "Cabinet", date(2024, 7, 17)),
        (
            "Approved by the Lead Member for Resources and Climate Change at a decision meeting "
            "on 15 July 2024.",
            "Lead Member for Resources and Climate Change",
            date(2024, 7, 15),
        ),
        ("The plan was approved by our Executive on 9 July 2024.", "Executive", date(2024, 7, 9)),
    ],
)
def test_a_plans_own_sign_off_in_other_layouts_gives_its_body_and_day(line, body, when):
    text = f"EXAMPLE COUNCIL\nPRODUCTIVITY PLAN\n{line}\n\n1 About us\nWe are a council.\n"
    facts = extract_facts(text, url="https://www.example.gov.uk/files/productivity-plan.pdf")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (body, when, "approved")


def test_a_body_that_considered_the_plan_and_handed_on_its_sign_off_delegated_it():
    text = (
        "Productivity Plan 2024\n\nGovernance: Cabinet considered the draft of this plan on 16 "
        "July 2024 and agreed that the final version be signed off by the Leader of the Council "
        "and the Chief Executive. The signed-off plan was submitted to DLUHC on 18 July 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/files/productivity-plan.docx")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "delegated",
    )
    assert facts.submitted_date == date(2024, 7, 18)


def test_a_report_submitted_to_a_meeting_is_not_the_plans_submission():
    text = (
        "Overview and Scrutiny Committee\n\nA report of the Chief Executive was submitted "
        "presenting the Council's draft Productivity Plan for comment before its consideration "
        "by Cabinet on 11 July 2024.\n\nRESOLVED: That the draft plan be noted.\n"
    )
    url = "https://democracy.example.gov.uk/ieListDocuments.aspx?MId=1"
    assert extract_facts(text, url=url).submitted_date is None


def test_a_submission_told_after_a_long_sign_off_clause_keeps_its_day():
    text = (
        "This is the full text of the council's productivity plan. It was agreed by the Leader "
        "of the Council under his delegated powers on 12 July 2024, after consultation with the "
        "Cabinet, and sent to the Department for Levelling Up, Housing and Communities on 15 "
        "July 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/productivity-plan")
    assert facts.submitted_date == date(2024, 7, 15)


def test_a_news_article_dated_with_its_time_and_a_meeting_of_the_cabinet():
    text = (
        "Council sets out its case\n\nBy Local Democracy Reporter\n16:45, 16 JUL 2024\n\n"
        "The productivity plan was agreed at a meeting of the authority's cabinet at the "
        "civic centre on\nMonday (July 15). It will be submitted on Thursday.\n"
    )
    facts = extract_facts(text, url="https://www.examplechronicle.co.uk/news/plan-1")
    assert (facts.decision.body or "").lower() == "cabinet"
    assert facts.decision.date == date(2024, 7, 15)
    assert facts.submitted_date == date(2024, 7, 18)


def test_agreeing_a_plan_in_principle_and_delegating_its_sign_off_is_delegated():
    text = REPORT.replace(
        "1. That Cabinet approves the Productivity Plan at Appendix A.\n"
        "2. That authority be delegated to the Chief Executive to make minor changes.",
        "(A) the draft Productivity Plan at Appendix A be agreed in principle; and\n(B) "
        "authority be delegated to the Chief Executive, in consultation with the Leader, to "
        "sign it off and to submit it.",
    )
    assert extract_facts(text).decision.outcome == "delegated"


def test_minutes_in_a_table_with_earlier_minutes_approved_as_an_item_keep_their_own_day():
    """A CMIS minute table: "22<tab>Minutes of the Council Meeting held on 16 May 2024" is an
    item, and "Council" over "Thursday 25 July 2024, 2.00 pm" is the meeting."""
    text = (
        "Meeting Minutes\nCouncil\nThursday 25 July 2024, 2.00 pm\nCouncil Chamber\n\n"
        "Minute No.\tItem\n22\tMinutes of the Council Meeting held on 16 May 2024\n\tRESOLVED "
        "that the minutes be approved as a correct record.\n\n26\tProductivity Plan\n\tThe "
        "Council received the Productivity Plan which had been agreed by the Mayor and Cabinet "
        "and submitted to Government on 18 July 2024.\n\tRESOLVED that the plan be noted.\n"
    )
    facts = extract_facts(text, url="https://doncaster.moderngov.co.uk/ieListDocuments.aspx")
    assert (facts.decision.body, facts.decision.date) == ("Council", date(2024, 7, 25))
    assert facts.submitted_date == date(2024, 7, 18)


def test_approving_earlier_minutes_named_after_the_verb_is_an_item_not_the_heading():
    text = (
        "FYLDE COUNCIL\n\nFINANCE AND DEMOCRACY COMMITTEE\n\nMINUTES\n\nDate: Monday, 8 July "
        "2024\n\n1. Confirmation of minutes\nRESOLVED: To approve the minutes of the Finance and "
        "Democracy Committee meeting held on 3 June 2024 as a correct record.\n\n4. Productivity "
        "Plan\nRESOLVED: That the Productivity Plan be approved.\n"
    )
    facts = extract_facts(text, url="https://fylde.cmis.uk.com/fylde/Document.ashx?czJKcaeAi=1")
    assert (facts.decision.body or "").lower() == "finance and democracy committee"
    assert facts.decision.date == date(2024, 7, 8)


@pytest.mark.parametrize(
    ("text", "body", "when", "outcome"),
    [
        (
            "The plan was signed off by the Leader of the Council, following a discussion at "
            "Cabinet briefing, and it was submitted on 17 July 2024.",
            "Leader of the Council",
            None,
            "approved",
        ),
        (
            "Decision: approved by the Executive Member for Finance and Governance on 15 July "
            "2024 (key decision reference KD/2024/031).",
            "Executive Member for Finance and Governance",
            date(2024, 7, 15),
            "approved",
        ),
        (
            "Devon County Council agreed a draft of this plan at Cabinet on 10 July 2024 and "
            "authorised the Chief Executive to make any final changes before it was sent.",
            "Cabinet",
            date(2024, 7, 10),
            "delegated",
        ),
        (
            "Approved by the Cabinet of South Tyneside Council on 17 July 2024.",
            "Cabinet",
            date(2024, 7, 17),
            "approved",
        ),
    ],
)
def test_a_plans_sign_off_keeps_its_own_body_day_and_outcome(text, body, when, outcome):
    """A later step's date is not the sign-off's; a draft agreed with the final changes handed
    on is delegated; a body "of" its council is the body."""
    facts = extract_facts(
        "Productivity Plan 2024\n\n" + text + "\n", url="https://www.example.gov.uk/pp"
    )
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (body, when, outcome)


def test_a_release_saying_the_cabinet_met_last_night_dates_the_decision_from_its_dateline():
    text = (
        "Council sets out how it is getting more from every pound\n\nPublished: Friday, 12 July "
        "2024\n\nRichmond Council's Cabinet last night approved the borough's productivity plan.\n"
    )
    facts = extract_facts(text, url="https://www.richmond.gov.uk/news/july_2024/plan")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 11),
        "approved",
    )


def test_a_decision_to_come_that_will_hand_on_its_sign_off_records_no_decision():
    """Public record: a plan saying Cabinet will consider it and is expected to delegate its
    sign-off asserts no delegation that has not happened."""
    text = (
        "Productivity Plan 2024\n\nCabinet will consider it on 16 July 2024 and is expected to "
        "delegate the final sign-off to the Chief Executive.\n"
    )
    decision = extract_facts(text, url="https://www.example.gov.uk/files/plan.docx").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "none",
    )


@pytest.mark.parametrize(
    "after",
    [
        " and final sign-off will be delegated to the Leader.",
        ", which will delegate the final sign-off to the Leader.",
    ],
)
def test_a_delegation_still_to_come_after_a_consideration_records_no_delegation(after):
    """Public record: the body considered the plan; the delegation has not happened."""
    text = f"Productivity Plan 2024\n\nIt was considered by Cabinet on 10 July 2024{after}\n"
    decision = extract_facts(text, url="https://www.example.gov.uk/files/plan.docx").decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 10),
        "none",
    )


def test_a_plan_saying_a_body_will_consider_it_gives_that_body_and_day_and_no_decision():
    text = (
        "Productivity Plan 2024\n\nThis document is our plan. Cabinet will consider it on 16 July "
        "2024 and, subject to any changes Cabinet asks for, it will be submitted on 18 July 2024.\n"
    )
    facts = extract_facts(text, url="https://www.example.gov.uk/files/plan.docx")
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Cabinet",
        date(2024, 7, 16),
        "none",
    )
    assert facts.timeline == [] or all(e.action != "approved" for e in facts.timeline)


@pytest.mark.parametrize(
    ("text", "url", "body", "when", "outcome"),
    [
        (
            "Our productivity plan\n\nAgreed by the Policy and Resources Committee on 25 June "
            "2024.\n\nWe are a small district council.\n",
            "https://www.example.gov.uk/productivity-plan",
            "Policy and Resources Committee",
            date(2024, 6, 25),
            "approved",
        ),
        (
            "Councillors agree plan\n\nPublished: Tuesday 9 July 2024\n\nThe plan was approved at "
            "Monday evening's meeting of the Corporate Policy and Resources Committee.\n",
            "https://www.example.gov.uk/news/plan",
            "Corporate Policy and Resources Committee",
            date(2024, 7, 8),
            "approved",
        ),
        (
            "Plan signed off\n\nFriday, 19th July 2024, 6:00am\n\nThe authority's cabinet signed "
            'off its "productivity plan" at a meeting at County Hall on Thursday (July 18).\n',
            "https://www.examplepaper.co.uk/news/plan",
            "cabinet",
            date(2024, 7, 18),
            "approved",
        ),
    ],
)
def test_a_sign_off_told_by_a_label_a_weekday_or_in_quotes_gives_body_day_and_outcome(
    text, url, body, when, outcome
):
    decision = extract_facts(text, url=url).decision
    assert ((decision.body or "").lower(), decision.date, decision.outcome) == (
        body.lower(),
        when,
        outcome,
    )


def test_a_submission_officers_said_would_happen_on_a_day_is_that_day():
    text = (
        "Council officers said the document would be submitted to the Department on Friday "
        "(July 19).\n"
    )
    facts = extract_facts(text, url="https://www.examplepaper.co.uk/news/p")
    assert facts.submitted_date == date(2024, 7, 19)


def test_resolved_followed_by_a_comma_records_the_outcome():
    text = (
        "Council\nThursday 18 July 2024\n\nCL23 Productivity Plan\nMembers debated the plan.\n\n"
        "Resolved, that the Productivity Plan be noted.\n"
    )
    url = "https://democracy.example.gov.uk/ieListDocuments.aspx?MId=2"
    assert extract_facts(text, url=url).decision.outcome == "noted"


def test_authority_to_approve_the_plan_delegated_is_a_delegation_not_an_approval():
    text = REPORT.replace(
        "1. That Cabinet approves the Productivity Plan at Appendix A.\n"
        "2. That authority be delegated to the Chief Executive to make minor changes.",
        "2. That Cabinet notes the draft Productivity Plan at Appendix A.\n3. That authority to "
        "make final amendments to the plan and to approve it for submission be delegated to the "
        "Chief Executive in consultation with the Leader.",
    )
    assert extract_facts(text).decision.outcome == "delegated"


def test_a_report_header_set_out_in_columns_gives_the_body_and_day():
    text = (
        "Report of                    Meeting                    Date\n"
        "Director of Change and       Executive Cabinet          Thursday, 11 July 2024\n"
        "Delivery\n\nProductivity Plan\n\nPurpose of the Report\n1. To present the draft plan "
        "for approval by members before it is submitted to government in July.\n"
    )
    facts = extract_facts(text, url="https://democracy.example.gov.uk/documents/s1/report.pdf")
    assert (facts.decision.body, facts.decision.date) == ("Executive Cabinet", date(2024, 7, 11))


def test_a_forward_plan_between_rules_gives_the_meeting_it_lists():
    rule = "-" * 83
    text = (
        "THE CABINET'S FORWARD PLAN\n\nThis Forward Plan gives at least 28 clear days' notice of "
        "the key decisions that the Cabinet expects to take in the period set out below, and of "
        f"any meeting at which the public may be excluded.\n{rule}\nCabinet meeting - Thursday 27 "
        f"June 2024\n{rule}\n1187      Productivity Plan 2024      Cabinet will be asked to "
        "agree the plan.\n"
    )
    facts = extract_facts(text, url="https://modgov.example.gov.uk/mgListPlanItems.aspx?PlanId=1")
    assert (facts.decision.body, facts.decision.date, facts.decision.outcome) == (
        "Cabinet",
        date(2024, 6, 27),
        "none",
    )


@pytest.mark.parametrize(
    ("text", "url", "body", "when", "outcome"),
    [
        (
            "This plan has been prepared by the Chief Executive. Following the Executive's "
            "discussion on 9 July 2024 it was signed off by the Leader of the Council.",
            "https://www.example.gov.uk/files/plan.docx",
            "Leader of the Council",
            None,
            "approved",
        ),
        (
            "This plan was agreed at the Executive meeting held on 3 July 2024.",
            "https://www.example.gov.uk/productivity-plan",
            "Executive",
            date(2024, 7, 3),
            "approved",
        ),
        (
            "It was considered by Cabinet on 11 July 2024, which endorsed its content and asked "
            "the Leader to finalise the wording.",
            "https://www.example.gov.uk/files/plan.pdf",
            "Cabinet",
            date(2024, 7, 11),
            "endorsed",
        ),
    ],
)
def test_a_plans_sign_off_in_further_words(text, url, body, when, outcome):
    facts = extract_facts("Productivity Plan 2024\n\n" + text + "\n", url=url)
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (body, when, outcome)


@pytest.mark.parametrize(
    ("text", "body", "when"),
    [
        (
            "Plan given the go-ahead\n\nPublished: 17 July 2024\n\nThe council's plan was given "
            "the green light by Cabinet at its meeting last night.\n",
            "Cabinet",
            date(2024, 7, 16),
        ),
        (
            "Council chiefs set out plan\n\n11:03, 11 JUL 2024\n\nThe comments are in the "
            "borough council's productivity plan, which was signed off by cabinet members at "
            "Castle House yesterday.\n",
            "cabinet",
            date(2024, 7, 10),
        ),
    ],
)
def test_the_press_telling_an_approval_by_last_night_or_yesterday_dates_it(text, body, when):
    decision = extract_facts(text, url="https://www.examplepaper.co.uk/news/plan").decision
    assert ((decision.body or "").lower(), decision.date, decision.outcome) == (
        body.lower(),
        when,
        "approved",
    )


def test_a_submission_still_to_come_without_a_day_takes_no_earlier_steps_day():
    text = (
        "The document was approved by the council's cabinet on Monday (July 15) and will be "
        "sent to Whitehall before Friday's deadline.\n"
    )
    facts = extract_facts(text, url="https://www.examplepaper.co.uk/news/plan")
    assert facts.submitted_date is None
    assert facts.decision.date == date(2024, 7, 15)


def test_officers_will_email_the_plan_on_a_day_is_its_submission_date():
    text = (
        "Subject to Council's endorsement, officers will e-mail the plan to the Department's "
        "productivity plans mailbox on 19 July 2024.\n"
    )
    url = "https://democracy.example.gov.uk/documents/s1/report.pdf"
    assert extract_facts(text, url=url).submitted_date == date(2024, 7, 19)


def test_a_democracy_page_whose_meeting_is_only_in_its_title_takes_it_from_there():
    text = (
        "Venue: Council Chamber. Contact: Democratic Services\n\n18.\n\nProductivity Plan\n\n"
        "The Chief Executive presented the report.\n\nResolved - That the plan be approved.\n"
    )
    facts = extract_facts(
        text,
        url="https://democracy.wirral.gov.uk/ieListDocuments.aspx?CId=921&MId=11214",
        title="Minutes - Policy and Resources Committee, Wednesday, 10th July, 2024 6.00 p.m.",
    )
    assert (facts.decision.body, facts.decision.date) == (
        "Policy and Resources Committee",
        date(2024, 7, 10),
    )
