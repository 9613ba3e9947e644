"""Soft line wraps are undone in place, so PDF-like text reads like the paragraph it was."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from productivity_plans.extract import extract_facts
from productivity_plans.extract.layout import (
    _COLUMNS,
    _NEW_ITEM,
    _PAGE_NUMBER_END,
    _RULE,
    FULL_LINE,
    MAX_WRAP_WIDTH,
    MIN_WRAP_WIDTH,
    normalise,
    unwrap,
)

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
LABELS = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text().splitlines()]

WRAPPED = """Productivity Plan

Report to Cabinet

1. Background
1.1 The draft productivity plan was considered by the Corporate Leadership Team on
11 June 2024 and was approved by the Leader of the Council following consultation with
Cabinet on 15 July 2024, before it was submitted to the Ministry.
1.2 The plan sets out how the Council has transformed its services.

Recommendations
- approve the productivity plan at Appendix A for submission to the government by the
deadline
- note the barriers it describes
"""


def test_unwrapping_keeps_every_offset() -> None:
    assert len(unwrap(WRAPPED)) == len(WRAPPED)
    assert unwrap(WRAPPED) != WRAPPED
    assert all(
        a == b or (a == "\n" and b == " ") for a, b in zip(WRAPPED, unwrap(WRAPPED), strict=True)
    )


def test_a_wrapped_paragraph_becomes_one_line_and_structure_stays() -> None:
    lines = unwrap(WRAPPED).split("\n")
    assert any(
        line.startswith("1.1 The draft") and "before it was submitted" in line for line in lines
    )
    assert "Report to Cabinet" in lines and "1. Background" in lines and "Recommendations" in lines
    assert any(line.startswith("1.2 The plan") for line in lines)  # a new numbered item
    assert any(line.startswith("- note the barriers") for line in lines)  # a new bullet


def test_paragraph_per_line_text_is_left_alone() -> None:
    text = "\n".join(["A heading"] + ["A long paragraph of running text without a stop " * 6] * 8)
    assert unwrap(text) == text


def test_a_sentence_split_across_lines_yields_its_facts() -> None:
    facts = extract_facts(WRAPPED)
    assert (facts.submitted_date, facts.decision.body) == (None, "Cabinet")
    steps = {(e.date.isoformat(), e.body, e.action) for e in facts.timeline}
    assert ("2024-06-11", "Corporate Leadership Team", "considered") in steps


def _wrap(text: str, width: int) -> str:
    def wrap_line(line: str) -> str:
        if len(line) <= width:
            return line
        return "\n".join(textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False))

    return "\n".join(wrap_line(line) for line in text.split("\n"))


@pytest.mark.parametrize("width", [60, 90])
def test_the_corpus_hard_wrapped_like_pdf_text_gives_the_same_facts(width: int) -> None:
    changed = []
    for label in LABELS:
        text = (CORPUS / label["file"]).read_text("utf-8")
        a = extract_facts(text, url=label["url"])
        b = extract_facts(_wrap(text, width), url=label["url"])
        seen_a = (a.council_code, a.doc_type, a.decision.body, a.decision.date, a.decision.outcome)
        seen_b = (b.council_code, b.doc_type, b.decision.body, b.decision.date, b.decision.outcome)
        if seen_a != seen_b or a.submitted_date != b.submitted_date:
            changed.append((label["file"], seen_a, seen_b))
    assert changed == []


def test_no_break_spaces_and_windows_line_ends_read_as_plain_text() -> None:
    from productivity_plans.extract.layout import normalise

    text = (
        "Cabinet\r\n\r\nDate of Meeting\u00a016\u00a0July\u00a02024\r\n"
        "RESOLVED that the plan be approved."
    )
    assert len(normalise(text)) == len(text)
    facts = extract_facts(text)
    assert facts.decision.date is not None and facts.decision.date.isoformat() == "2024-07-16"
    assert facts.decision.outcome == "approved"


# ------------------------------------------ unwrap is exactly the plain line-by-line reading


def _plain_unwrap(text: str) -> str:
    """unwrap as first written, line by line: the reference the faster one must equal."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else 0
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return text
    pieces: list[str] = []
    carried = lines[0]  # a line, less the start a hyphenated word took from it
    for line, following in pairwise(lines):
        stripped = line.rstrip()
        soft = (
            len(stripped) >= FULL_LINE * width
            and stripped[-1] not in ".:;!?"
            and following.strip()
            and not _NEW_ITEM.match(following)
            and not _RULE.fullmatch(line)
            and not _RULE.fullmatch(following)
            and not _COLUMNS.search(line)
            and not _PAGE_NUMBER_END.search(line)
        )
        broken = re.search(r"(?<![\w-])([A-Za-z]+)[-\u00ad]$", carried) if soft else None
        rest = re.match(r"([ \t]*)([a-z]+)", following) if broken else None
        if broken and rest:
            # "was ap-" / "  proved by": "was " + " " + "approved" + "   " + " by"
            pieces += [carried[: broken.start()] + " ", broken.group(1) + rest.group(2)]
            carried = " " * (1 + len(rest.group(1))) + following[rest.end() :]
        else:
            pieces += [carried, " " if soft else "\n"]
            carried = following
    return "".join([*pieces, carried])


def _edge_texts() -> list[str]:
    """Wrapped text with lines at the edges of every test: exactly at and one short of the
    threshold, trailing spaces and unicode whitespace, clause ends, blank and whitespace-only
    lines, list items of every kind, CRLF, and the first and last lines."""
    full = "x" * 59 + "y"  # the typical width is 60: the threshold is 45
    bodies = ["w" * 45, "w" * 44, "w" * 44 + " ", "w" * 45 + "  \t", "w" * 44 + "\u3000", "w" * 80]
    ends = ["", ".", ":", ";", "!", "?", ",", ")", "\u2003"]
    followers = [
        "next words",
        "",
        "   ",
        "\t",
        "\u2028",
        "- item",
        "• item",
        "  * item",
        "1. item",
        "(12) item",
        "1.2.3) item",
        "a) item",
        "(iv) item",
        "iv) item",
        "ab) no item",
        "123. no item",
        "-item",
        "1.",
    ]
    texts = []
    for body in bodies:
        for end in ends:
            for follower in followers:
                line = body + end
                texts += [
                    "\n".join([full] * 6 + [line, follower]),
                    "\n".join([line, follower] + [full] * 6),
                    "\n".join([full] * 6 + [follower, line]),
                    "\n".join([full] * 3 + [line, follower] * 3 + [full] * 3) + "\n",
                    "\r\n".join([full] * 6 + [line, follower]),
                ]
    texts += ["\n".join([full] * n) for n in range(0, 8)] + ["", "\n", "\n\n\n\n\n\n"]
    texts += ["\n".join(["x" * n] * 6) for n in (39, 40, 41, 159, 160, 161)]
    return texts


def test_unwrap_matches_the_plain_reading_on_edge_cases() -> None:
    texts = _edge_texts()
    assert len(texts) > 4800
    changed = 0
    for text in texts:
        assert unwrap(text) == _plain_unwrap(text), repr(text)
        changed += unwrap(text) != text
    assert changed > 1000  # the edges are wrapped text, not all left alone


def test_unwrap_matches_the_plain_reading_on_the_corpus() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text("utf-8")
        for version in (text, _wrap(text, 60), _wrap(text, 90), _wrap(text, 150)):
            assert unwrap(version) == _plain_unwrap(version), path.name


LINE_PARTS = st.sampled_from(
    ["word ", "x" * 30, "x" * 45, ". ", ":", " ", "\t", "\u3000", "- ", "1. ", "(a) ", "iv) "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(LINE_PARTS, max_size=4).map("".join), max_size=16))
def test_unwrap_matches_the_plain_reading_on_generated_texts(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert unwrap(text) == _plain_unwrap(text)


def test_a_word_hyphenated_over_a_wrapped_line_is_read_whole() -> None:
    """Typeset PDFs hyphenate words at a line's end ("en-" / "dorsed"; a text file may keep a
    soft hyphen, U+00AD, and indent the next line); the rules read the word whole, and the
    text keeps its length."""
    text = (
        "Example Borough Council Productivity Plan\n\n"
        "Our plan was considered in draft by members over the summer and en-\n"
        "dorsed by the Executive on 2 October 2024. It was then sent to the\n"
        "Ministry of Housing, Communities and Local Government on 4 Oc\u00ad\n"
        "   tober 2024 with a covering letter from the Leader of the Coun-\n"
        "cil, as members had asked at the meeting, and it is published here.\n"
    )
    assert len(normalise(text)) == len(text)
    facts = extract_facts(text)
    assert (facts.decision.body, facts.decision.outcome) == ("Executive", "endorsed")
    assert facts.submitted_date == date(2024, 10, 4)


def test_a_forms_field_after_a_long_line_keeps_its_own_line():
    lines = [
        "Reference: FP/24/089",
        "Subject: Productivity Plan - response to the Minister for Local Government on the plan",
        "Decision to be taken by: Cabinet",
        "Date of decision: 9 July 2024",
        "Summary: In April 2024 the Government asked councils to prepare a short plan explaining",
        "how they will improve service performance and reduce wasteful expenditure, and to",
        "identify barriers to greater productivity that Government could address in future.",
    ]
    text = "\n".join(lines) + "\n"
    unwrapped = unwrap(text)
    assert "\nDecision to be taken by: Cabinet\nDate of decision: 9 July 2024\n" in unwrapped
    assert "explaining how they will improve" in unwrapped


@pytest.mark.parametrize(
    "box",
    [
        "Approved Cabinet, 9 July 2024",
        "Endorsed Full Council, 18 July 2024",
        "Key decision? No",
        "Report author and contact details Sam Ode, Head of Policy",
        "Minutes of the meeting held on 9 July 2024",
    ],
)
def test_a_colon_less_box_after_a_full_line_keeps_its_own_line(box: str) -> None:
    """A form's or document control's box whose colon the PDF's text lost opens its own line,
    even after a line as long as the text's full lines."""
    lines = [
        "Prepared by the Policy and Performance Team of the Resources Directorate, with the",
        "help of service directors and the Corporate Leadership Team over the spring months",
        "Consulted Corporate Leadership Team on 11 June 2024 and the Overview and Scrutiny",
        "Management Board on 27 June 2024, whose comments were reflected in the final text",
        box,
        "Next review June 2025, when progress against the actions will be reported to members",
    ]
    unwrapped = unwrap("\n".join(lines) + "\n")
    assert f"\n{box}\n" in unwrapped


def test_a_form_label_over_its_value_reads_as_a_labelled_line():
    """Pages built from headings or definition lists print "Decision taker" on one line and
    the name under it: the record's fields are read as if written "Decision taker: …"."""
    text = (
        "Officer Delegated Decision\n\nDecision taker\n\nJane Smith, Chief Executive\n\n"
        "Date of decision\n\n18 July 2024\n\nDecision\n\nTo approve the Productivity Plan 2024 "
        "and to submit it to the Department.\n"
    )
    url = "https://www.example-district.gov.uk/your-council/decisions/officer-decisions/odd-1/"
    facts = extract_facts(text, url=url)
    assert facts.doc_type == "decision_record"
    decision = facts.decision
    assert (decision.body, decision.date, decision.outcome) == (
        "Chief Executive",
        date(2024, 7, 18),
        "approved",
    )
