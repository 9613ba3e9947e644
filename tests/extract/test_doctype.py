# ruff: noqa: E501  (web pages put each paragraph on one long line; the rule reads that shape)
"""Plan vs web page on a council's own site, from structure. Councils are real register
entries; the page texts are made up."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from productivity_plans.extract import doctype
from productivity_plans.extract.doctype import CUES, DOCTYPE_HEAD, classify_document
from productivity_plans.extract.scan import line_starts
from productivity_plans.lowercase import Lowered

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

SITE = "https://www.rushmoor.gov.uk/your-council/productivity-plan"

BACKGROUND_SECTION = """Background
In April 2024 the Minister for Local Government wrote to every council asking for a productivity plan. The request followed the Local Government Finance Settlement, which said that future settlements would be informed by the plans.
Councils were asked to cover four areas: how services have been transformed, how technology and data are used, how wasteful spend is reduced, and the barriers that Government could remove.
Plans were to be agreed by members and returned by 19 July 2024, and published so that residents could read them.
Government said that the plans would not be scored, and that a panel with the Office for Local Government would consider the themes that emerge across the sector.
A list of suggested topics was also supplied, covering workforce, the use of consultants, shared services, data, and the reporting that councils are asked to do for different departments.
"""

CHAPTER_SECTION = """Improving services
We started a programme of reviews of every service last year, looking at cost, demand and outcomes in each one, and each review ends with an agreed improvement plan.
We have moved our customer contact online where residents prefer it, and kept the telephone and face to face routes for those who need them most.
Our teams now share one case management system. That has removed double keying between housing, benefits and council tax, and freed staff time for casework.
The outputs of these reviews feed our medium term financial strategy and are reported to members each quarter.
Next year we will extend the reviews to the services we commission from partners, starting with leisure and grounds maintenance, where contracts are due for renewal.
We will publish what each review finds, so residents can see what has changed and why.
"""

LANDING_PAGE = """Productivity Plan
Our productivity plan is made up of a set of documents, listed below.
Medium Term Financial Strategy
The strategy sets out how we balance the budget over four years and the savings we have identified.
Transformation Programme
The document sets out our programme of service changes and the efficiencies we expect from them.
We are proud of what we have achieved and we will keep improving our services for residents across the borough in the coming years.
"""


def test_a_plan_background_section_in_running_text_is_a_plan():
    assert classify_document(BACKGROUND_SECTION, url=SITE)[0] == "plan"


def test_a_first_person_plan_chapter_is_a_plan():
    assert classify_document(CHAPTER_SECTION, url=SITE)[0] == "plan"


def test_a_page_presenting_the_plan_as_a_set_of_documents_is_a_web_page():
    assert classify_document(LANDING_PAGE, url=SITE)[0] == "web_page"


def test_a_short_blurb_about_the_plan_is_a_web_page():
    text = "The Government asked every council to publish a productivity plan in 2024."
    assert classify_document(text, url=SITE)[0] == "web_page"


def test_running_text_that_points_to_a_download_is_a_web_page():
    text = BACKGROUND_SECTION + "\nYou can download our productivity plan below.\nDownload\n"
    assert classify_document(text, url=SITE)[0] == "web_page"


# ---------------------------------------------------------------- the pre-checks are exact

# Lines that match the cues anchored at line starts (every such cue has one: checked below).
FURNITURE = [
    "Decision details",
    "Decision Maker: Leader of the Council",
    "Decision status: Recommendations approved",
    "Date of decision: 15 July 2024",
    "Record of Officer Decision Notice",
    "Delegated decision notice",
    "Mayoral Decision Record",
    "Record of an individual Cabinet Member decision",
    "Leader's decision",
    "Decisions taken by the Leader",
    "Decision - Productivity Plan",
    "Decisions: approved",
    "Minutes:",
    "Issue - meetings",
    "Agenda and minutes",
    "It was RESOLVED that the plan be approved",
    "Agreed:",
    "The Cabinet considered the plan",
    "Approved",
    "Report of the Chief Executive",
    "Purpose of the Report",
    "Purpose / summary",
    "Recommendation(s) to Cabinet:",
    "Financial and Legal Implications",
    "Equalities implications",
    "Background papers",
    "Date of meeting 15 July 2024",
    "Meeting of Cabinet on 15 July 2024",
    "Report to: Cabinet",
    "Agenda item",
    "Presented by: the Leader",
    "Report: Productivity Plan",
    "Supporting documents:",
    "Productivity Plan 2024/25",
    "- Download",
    "Skip to main content",
    "The document sets out our approach",
    "News",
    "Published: 15 July 2024",
]
# Text made of the cues' words, with every kind of line break and leading whitespace.
WORDS = sorted(
    {
        w
        for cues in CUES.values()
        for s, _w in cues
        for w in re.findall(r"[A-Za-z']{2,}", s.pattern.pattern)
    }
)
TOKENS = st.one_of(
    st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
    st.sampled_from(
        [" ", "\n", "\r\n", "\n\n", "\t", " \n ", "\x0b", "\xa0", "\u2028", ":", "-", "(s)"]
    ),
    st.sampled_from(FURNITURE),
)
HEAD_FILLER = "Our council has a plan.\n" * (DOCTYPE_HEAD // 24 + 1)


def _variants(line: str) -> list[str]:
    """``line`` where a line-start pre-check could go wrong: at offset 0, at the very end,
    after CRLF, indented, after blank lines, in other cases, straddling the head's end."""
    forms = [line, line.upper(), line.lower(), line.swapcase()]
    out = []
    for form in forms:
        out += [
            form,
            f"Title\n{form}",
            f"Title\r\n{form}\r\nmore",
            f"  \t{form}\n",
            f"Title\n\n \n\t {form}",
            f"{form}\nTitle\n{form}",
            f"\n{form}",
            HEAD_FILLER[: DOCTYPE_HEAD - len(form) - 1] + "\n" + form,  # ends at the head's end
            HEAD_FILLER[: DOCTYPE_HEAD - len(form) // 2] + "\n" + form,  # cut by it
        ]
    return out


def _plain(text: str) -> tuple[str, dict[str, float]]:
    """classify_document without a lowercased copy: every cue scanned with plain finditer."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(doctype, "lowered", lambda t: Lowered(t, None))
        return classify_document(text)


def test_every_anchored_cue_has_furniture_that_matches_it():
    anchored = [s for cues in CUES.values() for s, _w in cues if s.line_keys is not None]
    assert len(anchored) >= 25
    for scanner in anchored:
        assert any(scanner.pattern.search(line) for line in FURNITURE), scanner.pattern.pattern


@pytest.mark.parametrize("line", FURNITURE)
def test_pre_checks_skip_no_cue_that_matches(line):
    for text in _variants(line):
        assert classify_document(text) == _plain(text), repr(text[-80:])


def test_pre_checks_agree_on_the_corpus():
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert classify_document(text) == _plain(text), path.name


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS, max_size=60))
def test_line_starts_holds_a_key_wherever_an_anchored_cue_matches(tokens):
    text = "".join(tokens)
    starts = line_starts(text.lower(), DOCTYPE_HEAD)
    for cues in CUES.values():
        for scanner, _weight in cues:
            keys = scanner.line_keys
            if keys is not None and scanner.pattern.search(text, 0, DOCTYPE_HEAD):
                assert any(key in starts for key in keys), (scanner.pattern.pattern, text)
