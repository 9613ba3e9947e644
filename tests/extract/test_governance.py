"""Rules on synthetic papers. Councils are real register entries; phrasing is made up."""

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from productivity_plans.extract import extract_facts, governance
from productivity_plans.framework import load_framework
from productivity_plans.lowercase import lowered

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
    assert facts.submitted_date == date(2024, 7, 19)


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


NARRATIVE = dict(governance._HEADER_PATTERNS)["narrative"]
NARRATIVE_TOKENS = st.sampled_from(
    [
        *("The", "the", "THE", "Cabinet", "Executive", "Council", "Finance", "R&D", "and"),
        *("Committee", "noted", "Received", "agreed", "a", "an", "the", "-", "\t"),
        *(".", ",", "\n", " ", "  ", "Cabinet noted the", "The Council agreed the "),
        "Audit and Finance Committee received a",
    ]
)


def _narrative_spans(text: str, end: int) -> tuple[list[object], list[object]]:
    doc = lowered(text)
    found = governance._header_matches("narrative", NARRATIVE, doc, end)
    return (
        [(m.span(), m.groups()) for m in found],
        [(m.span(), m.groups()) for m in NARRATIVE.finditer(text, 0, end)],
    )


def test_narrative_stretches_hold_every_match_on_the_corpus() -> None:
    for path in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.parent.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        for end in (len(text), min(len(text), governance.BODY_HEAD), len(text) // 2):
            got, expected = _narrative_spans(text, end)
            assert got == expected, path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(NARRATIVE_TOKENS, max_size=30), st.integers(0, 200))
@example([".", "Cabinet noted the"], 200)
@example(["(", "Cabinet noted the", " ", "Cabinet noted the"], 30)
def test_narrative_stretches_hold_every_match(tokens: list[str], end: int) -> None:
    text = "".join(tokens)
    got, expected = _narrative_spans(text, min(end, len(text)))
    assert got == expected


BODY_LINE_PATTERNS = {
    name: pattern
    for name, pattern in governance._HEADER_PATTERNS
    if name in governance._BODY_LINE_PATTERNS
}
BODY_LINE_TOKENS = st.sampled_from(
    [
        *("the", "The", "THE", "Cabinet", "CABINET", "Leader", "Executive", "Full", "Council"),
        *("Chief", "Corporate", "Senior", "Portfolio", "Holder", "Member", "for", "Audit"),
        *("Committee", "Sub-Committee", "Board", "Panel", "Group", "Team", "and", "&", "R&D"),
        *("Tuesday", "Tues.", "Wed", "16", "3rd", "July", "2024", "18/07/2024", "2024-07-18"),
        *("at", "10am", "Item", ".", ",", ":", "(", "-", "'", "’", "é", "\t", " ", "  "),
        *("\n", "\r\n", "\n\n", "\n  ", "\n\t", "\nthe\n"),
    ]
)
BODY_LINE_EXAMPLES = [
    "Cabinet\n16 July 2024",  # at offset 0, the date on the next line
    "  the CABINET, Tuesday 16 July 2024",  # indented, in capitals, at the end of the text
    "x\r\n\tCabinet 16 July 2024\r\nCabinet 16 July 2024",  # after CRLF
    "Agenda\nAudit and Governance Sub-Committee 5 July 2024",  # a name over two lines
    "the\nthe the Cabinet 1 July 2024",  # "the" over a line start: the match is on line 2
    "Cabinet Tues. 16 July 2024",  # a weekday's "." before the first digit
    "Report\n  The Corporate Portfolio Holder\n\n Wed 3 July 2024 at 10am",
    "FULL\nCOUNCIL 18/07/2024\nExecutive Committee 2024-07-18",
    "Cabinet Member for Finance, Jobs 2024-07-01",
    # A name of each form: its first word or its last word is looked for.
    "Leader of the Council and the Chief Executive 1 July 2024\nChief Executive Officer 2/7/24",
    "Corporate Leadership Team 1 July 2024\n Extended Leadership Team\n\n2 July 2024",
    "Senior Leadership Team 3 July 2024\nCounty Council 4 July 2024\nAudit Board 5 July 2024",
    "Scrutiny Panel 6 July 2024\nThe Working Group\n7 July 2024",
    "ı\nCabinet 16 July 2024",  # a text its lowercase cannot stand for: the plain scan
]


def _header_spans(
    patterns: dict[str, re.Pattern[str]], text: str, end: int
) -> tuple[list[object], list[object]]:
    """(span, groups) of every match of the header ``patterns`` in ``text[:end]``: as
    ``_header_matches`` finds them, and as plain ``finditer`` does."""
    doc = lowered(text)
    got, expected = [], []
    for name, pattern in patterns.items():
        got += [(m.span(), m.groups()) for m in governance._header_matches(name, pattern, doc, end)]
        expected += [(m.span(), m.groups()) for m in pattern.finditer(text, 0, end)]
    return got, expected


@pytest.mark.parametrize("text", BODY_LINE_EXAMPLES)
def test_body_line_starts_hold_every_match_of_the_examples(text: str) -> None:
    for end in range(len(text) + 1):
        got, expected = _header_spans(BODY_LINE_PATTERNS, text, end)
        assert got == expected, end
    assert _header_spans(BODY_LINE_PATTERNS, text, len(text))[1]  # each example has a match


SUBMITTED_TOKENS = st.sampled_from(
    [
        *("was", "Was", "WERE", "has been", "had", "which was", "it was", "then", "already"),
        *("submitted", "Submitted", "SUBMITTED", "submittedly", "resubmitted", "approved"),
        *("formally", "and", "and then", "on 18 July", "the plan", "Cabinet", "ſubmitted"),
        *(".", ";", ",", ". ", ":", "\n", " ", "  ", "\t", "1.2", "x" * 40),
    ]
)
SUBMITTED_EXAMPLES = [
    "Submitted on 18 July. The plan was submitted",  # the word at offset 0 and at the end
    "It was\r\nsubmitted; it was approved by Cabinet and then submitted.\nWAS SUBMITTED",
    "The plan was formally approved on 9 July 2024 and submitted on 12 July 2024.",
    "was agreed in a long meeting of the council " + "x " * 40 + "and submitted",  # too far
]


def _submitted_spans(text: str) -> tuple[list[object], list[object]]:
    return (
        [(m.span(), m.groups()) for m in governance._past_submissions(lowered(text))],
        [(m.span(), m.groups()) for m in governance._PAST_SUBMITTED.finditer(text)],
    )


@pytest.mark.parametrize("text", SUBMITTED_EXAMPLES)
def test_past_submissions_are_every_match_of_the_examples(text: str) -> None:
    for start in range(len(text)):
        got, expected = _submitted_spans(text[start:])
        assert got == expected, start


def test_past_submissions_are_every_match_on_the_corpus() -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        got, expected = _submitted_spans(path.read_text("utf-8"))
        assert got == expected, path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(SUBMITTED_TOKENS, max_size=30))
def test_past_submissions_are_every_match(tokens: list[str]) -> None:
    for text in ("".join(tokens), " ".join(tokens)):
        got, expected = _submitted_spans(text)
        assert got == expected


# _SENTENCE_END as first written, its look-behinds before the line break.
PLAIN_SENTENCE_END = re.compile(r"\.(?=\s)|(?<![\n.:;!?])\n(?![ \t]*[a-z0-9(£])|(?<=[\n.:;!?])\n")
SENTENCE_CHARS = st.sampled_from([*"\n.:;!? \taA1(£", "\r\n"])


def _sentence_ends(text: str, pos: int) -> tuple[list[object], list[object]]:
    return (
        [m.span() for m in governance._SENTENCE_END.finditer(text, pos)],
        [m.span() for m in PLAIN_SENTENCE_END.finditer(text, pos)],
    )


def test_sentence_ends_are_the_plain_patterns_on_the_corpus() -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        got, expected = _sentence_ends(text, 0)
        assert got == expected, path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(SENTENCE_CHARS, max_size=16), st.integers(0, 20))
@example(["\n", "a"], 0)  # a line break at offset 0
@example(["a", "\n"], 1)  # at the search's start, after a letter
@example([".", "\n"], 1)  # at the search's start, after a full stop
def test_sentence_ends_are_the_plain_patterns(chars: list[str], pos: int) -> None:
    got, expected = _sentence_ends("".join(chars), pos)
    assert got == expected


HEADER_LINE = dict(governance._HEADER_PATTERNS)["header_line"]
HEADER_LINE_TOKENS = st.sampled_from(
    [
        *("Cabinet", "CABINET", "Audit Committee", "cabinet", "Item 4", "Tuesday", "16 July"),
        *("2024", "16 July 2024", "18/07/2024", "at 10am", "(", ":", ".", "x" * 30),
        *("-", "–", "—", "a-b", " - ", " – ", "\u00a0", "\t", " ", "  ", "\n", "\n\n", "\n  "),
    ]
)
HEADER_LINE_EXAMPLES = [
    "Cabinet - 16 July 2024",  # at offset 0, at the end of the text
    "Agenda\nGovernance Committee – Tuesday 16 July 2024 at 10am\nCabinet - 1 July 2024",
    "Cabinet\n\n  - 16 July 2024",  # the dash lines below the body
    "Cabinet - draft - 16 July 2024",  # a later dash on the line
    "  - 16 July 2024\n\t– 17 July 2024",  # nothing before the dash: no body
    "Cabinet\u00a0-\u00a016 July 2024",  # other whitespace
]


HEADER_LINE_PATTERNS = {"header_line": HEADER_LINE}


@pytest.mark.parametrize("text", HEADER_LINE_EXAMPLES)
def test_header_line_starts_hold_every_match_of_the_examples(text: str) -> None:
    for end in range(len(text) + 1):
        got, expected = _header_spans(HEADER_LINE_PATTERNS, text, end)
        assert got == expected, end


@pytest.mark.parametrize(
    "patterns", [BODY_LINE_PATTERNS, HEADER_LINE_PATTERNS], ids=["body_line", "header_line"]
)
def test_fast_header_starts_hold_every_match_on_the_corpus(
    patterns: dict[str, re.Pattern[str]],
) -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        for end in (len(text), min(len(text), governance.BODY_HEAD), len(text) // 2):
            got, expected = _header_spans(patterns, text, end)
            assert got == expected, path.name


@pytest.mark.parametrize(
    ("tokens", "patterns"),
    [(BODY_LINE_TOKENS, BODY_LINE_PATTERNS), (HEADER_LINE_TOKENS, HEADER_LINE_PATTERNS)],
    ids=["body_line", "header_line"],
)
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_fast_header_starts_hold_every_match(
    tokens: st.SearchStrategy[str], patterns: dict[str, re.Pattern[str]], data: st.DataObject
) -> None:
    parts = data.draw(st.lists(tokens, max_size=30))
    end = data.draw(st.integers(0, 200))
    # Tokens joined by nothing and by spaces: names run into each other and stand apart.
    for text in ("".join(parts), " ".join(parts)):
        got, expected = _header_spans(patterns, text, min(end, len(text)))
        assert got == expected


VERB_TOKENS = st.sampled_from(
    [
        *("approved", "APPROVE", "Approves", "agreed", "AGREE", "adopted", "disagreed"),
        *("delegated", "Delegating", "delegated authority", "endorsed", "ENDORSES", "noted"),
        *("Notes", "noting", "noted that", "NOTED THAT", "deferred", "Withdrawn", "postponed"),
        *("notably", "agreement", "approval", "K", "ſ", "ı", "x", " ", "\n", ".", "-", "_"),
    ]
)


def _verbs_lack_a_stem(text: str) -> list[str]:
    """Matches of the verb patterns in ``text`` whose lowercase holds none of their stems."""
    return [
        m.group(0)
        for outcome, pattern in governance._VERBS
        for m in pattern.finditer(text)
        if not any(stem in m.group(0).lower() for stem in governance._VERB_STEMS[outcome])
    ]


def test_every_verb_match_holds_a_stem_on_the_corpus() -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        assert not _verbs_lack_a_stem(path.read_text("utf-8")), path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(VERB_TOKENS, max_size=20))
def test_every_verb_match_holds_a_stem(tokens: list[str]) -> None:
    for text in ("".join(tokens), " ".join(tokens)):
        if governance.lowered(text).low is not None:  # else every verb is searched for
            assert not _verbs_lack_a_stem(text)


ANY_VERB = re.compile("|".join(f"(?:{p.pattern})" for _o, p in governance._VERBS), re.I)


def _plain_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    """find_outcome as first written: every sentence of a zone searched for every verb."""
    doc = lowered(text)
    first = re.search("productivity", text, re.IGNORECASE)
    offset = text.rfind("\n", 0, first.start()) + 1 if first else 0
    hits: dict[str, tuple[int, int, str]] = {}
    zones = governance._zones(doc, max(0, offset - governance._ZONE_MAX), governance.OUTCOME_HEAD)
    for z_start, z_end in zones:
        if z_end <= offset:
            continue
        for sentence_m in re.finditer(r"[^.\n;]+(?:[.;]|\n|$)", text[z_start:z_end]):
            sentence = sentence_m.group(0)
            if not ANY_VERB.search(sentence):
                continue
            if governance._SIGNOFF.search(sentence):
                sentence = governance._SIGNOFF.split(sentence)[0]
            delegation = governance._VERBS[1][1].search(sentence)
            for outcome, pattern in governance._VERBS:
                for vm in pattern.finditer(sentence):
                    if outcome == "approved" and delegation and delegation.start() < vm.start():
                        continue
                    if outcome == "approved" and _LOOK_BEHINDS.search(sentence[: vm.start()]):
                        continue
                    if outcome not in hits:
                        s = z_start + sentence_m.start()
                        hits[outcome] = (s, z_start + sentence_m.end(), sentence.strip())
                    break
    for outcome in governance._PRECEDENCE:
        if outcome in hits:
            start, end, evidence = hits[outcome]
            return outcome, evidence, start, end
    return None, None, None, None


OUTCOME_EXAMPLES = [
    REPORT,
    "Productivity Plan\nRESOLVED that Cabinet noted the plan; agreed it; deferred the rest.",
    "Productivity Plan\nRESOLVED: the plan be APPROVED and delegated authority to agree changes.",
    "Productivity Plan\nDecision:\nApproved by the Leader. Noted that it was late. Noted it.",
    "Productivity Plan\nRESOLVED that Cabinet is asked to approve; failure to agree; ſ noted.",
]


def test_outcomes_are_the_plain_searches_on_the_corpus_and_examples() -> None:
    paths = sorted(CORPUS.parent.parent.rglob("*.txt"))
    texts = [path.read_text("utf-8") for path in paths] + OUTCOME_EXAMPLES
    for text in texts:
        for part in (text, text[: len(text) // 2], text[len(text) // 2 :]):
            assert governance.find_outcome(part) == _plain_outcome(part), part[:80]


ZONE_TOKENS = st.sampled_from(
    [
        *("Decision", "Decisions:", "RECOMMENDATION", "Recommendations", "recommendation"),
        *("That", "the", "Cabinet", "Council", "Portfolio Holder", "Mayor", "Leader", "has"),
        *("APPROVED", "Approved", "noted", "approved", "agreed", "endorsed", "is", "to", "TO"),
        *("RECOMMENDED", "RESOLVED", "Resolved", "unanimously", "ORDERED", "for", "that", ":"),
        *("1.", "2)", "(3)", "a)", "(b)", "-", "•", "·", "x" * 30, "ı", "\t", " ", "  "),
        *("\n", "\n\n", "\n  ", " \n \n"),
    ]
)
ZONE_EXAMPLES = [
    "Decision:\nThat Cabinet approves",  # at offset 0
    "\n\n  Decisions\n1. RECOMMENDATIONS to note\n(a) That the Council notes",
    "It is\nRECOMMENDED to approve. RECOMMENDED TO Council. Recommendations approved.",
    "The Cabinet has\n noted it; Portfolio Holder approved it; Council agreed; Leader endorsed",
    "x\n \n\t2) APPROVED\n  Agreed the plan\n-That Executive\nRESOLVED that\nORDERED",
    "is RECOMMENDED to",  # "is" at offset 0
]


def _zone_anchor_spans(text: str, begin: int, end: int) -> tuple[list[object], list[object]]:
    starts = governance._zone_starts(text, begin, end)
    return (
        [m.span() for m in governance._matches_at(governance._ZONE_ANCHOR, text, starts, end)],
        [m.span() for m in governance._ZONE_ANCHOR.finditer(text, begin, end)],
    )


@pytest.mark.parametrize("text", ZONE_EXAMPLES)
def test_zone_starts_hold_every_anchor_of_the_examples(text: str) -> None:
    for begin in range(len(text) + 1):
        for end in {begin, (begin + len(text)) // 2, len(text)}:
            got, expected = _zone_anchor_spans(text, begin, end)
            assert got == expected, (begin, end)
    assert _zone_anchor_spans(text, 0, len(text))[1]  # each example has an anchor


def test_zone_starts_hold_every_anchor_on_the_corpus() -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        n = len(text)
        for begin, end in ((0, n), (0, governance.OUTCOME_HEAD), (n // 3, n), (1, n // 2)):
            got, expected = _zone_anchor_spans(text, begin, min(end, n))
            assert got == expected, path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(ZONE_TOKENS, max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_zone_starts_hold_every_anchor(tokens: list[str], begin: int, end: int) -> None:
    for text in ("".join(tokens), " ".join(tokens)):
        end = min(end, len(text))
        got, expected = _zone_anchor_spans(text, min(begin, end), end)
        assert got == expected


def test_narrative_verbs_are_the_plain_search_on_the_corpus() -> None:
    for path in sorted(CORPUS.parent.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        for end in (len(text), min(len(text), governance.BODY_HEAD), len(text) // 2):
            got = governance._narrative_verbs(lowered(text), end)
            expected = governance._NARRATIVE_VERB.finditer(text, 0, end)
            assert [m.span() for m in got] == [m.span() for m in expected], path.name


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
