"""Extract facts from a council document: council, document type, decision, timeline.

Pure: takes text (and the publication URL/title when known), returns plain records.
"""

from __future__ import annotations

from dataclasses import replace

from productivity_plans.councils.identify import (
    CouncilMatch,
    councils_named_in_full,
    identify_council,
)
from productivity_plans.extract.dates import scan_dates
from productivity_plans.extract.doctype import classify_document
from productivity_plans.extract.governance import (
    body_kind,
    extract_decision,
    find_author,
    find_call_in,
    find_key_decision,
    find_publication,
    find_recommendations,
    find_submission,
    find_timeline,
    is_live_blog,
    live_blog_day,
    meeting_in_title,
    submission_to_come,
)
from productivity_plans.extract.layout import normalise
from productivity_plans.extract.records import (
    EXTRACTOR_VERSION,
    Author,
    Decision,
    Facts,
    GovernanceEvent,
    Quote,
)
from productivity_plans.framework import load_regime

_PAPERS = {"committee_report", "decision_record", "minutes", "agenda_item"}


def extract_facts(text: str, *, url: str | None = None, title: str | None = None) -> Facts:
    """Everything the extract stage finds in one document's text."""
    text = normalise(text)  # same length: offsets still point into the stored text
    council = identify_council(text, url=url, title=title)
    doc_type, _scores = classify_document(text, url=url, title=title)
    # One date scan, shared by the decision, the timeline and the submission date.
    scan = scan_dates(text, load_regime().deadline.year)
    decision, year = extract_decision(text, doc_type, scan)
    if title and doc_type in _PAPERS and (decision.body is None or decision.date is None):
        # a democracy page whose text starts below its heading: the meeting is in its title
        body, when = meeting_in_title(title, year)
        decision = replace(
            decision,
            body=decision.body or body,
            body_kind=body_kind(decision.body or body),
            date=decision.date or when,
        )
    # a live blog dated only in its page title
    live_day = live_blog_day(text, title, scan) if title and doc_type == "news" else None
    if decision.outcome != "none" and decision.date is None and live_day is not None:
        decision = replace(decision, date=live_day)
    submitted, submission = find_submission(text, scan, published=live_day)
    if (
        council is None
        and doc_type == "news"
        and len(councils_named_in_full(text, url=url, title=title)) > 1
    ):
        # A round-up about councils in general, naming several in full (the conventions give
        # it no council): a decision or submission it tells of is one of theirs, not its own.
        decision = Decision(body=None, body_kind=None, date=None, outcome="none")
        submitted, submission = None, None
    is_paper = doc_type in _PAPERS
    return Facts(
        council=council,
        doc_type=doc_type,
        decision=decision,
        author=find_author(text) if is_paper else None,
        recommendations=find_recommendations(text) if is_paper else [],
        key_decision=find_key_decision(text) if is_paper else None,
        call_in=find_call_in(text) if is_paper else None,
        submitted_date=submitted,
        timeline=_done_by_the_meeting(
            find_timeline(text, year, scan), doc_type, decision, live=is_live_blog(text)
        ),
        submission=submission,
        publication=find_publication(text),
    )


# Papers written for or at a meeting: nothing they tell can have been done after it.
_MEETING_PAPERS = {"committee_report", "minutes", "agenda_item"}


def _done_by_the_meeting(
    events: list[GovernanceEvent], doc_type: str, decision: Decision, *, live: bool
) -> list[GovernanceEvent]:
    """The steps a meeting's paper (or a live blog of the meeting) tells that can have been
    taken by its meeting's day: a step dated later ("with the outcome reported to Cabinet on
    16 October", another item's consultation "from 22 July") is to come, and the public record
    shows no step before it happens. Other documents (decision records, news written later)
    may be written after the steps they tell."""
    if not (doc_type in _MEETING_PAPERS or (live and doc_type == "news")) or decision.date is None:
        return events
    meeting = decision.date
    return [event for event in events if event.date <= meeting]


__all__ = [
    "EXTRACTOR_VERSION",
    "Author",
    "CouncilMatch",
    "Decision",
    "Facts",
    "GovernanceEvent",
    "Quote",
    "extract_facts",
    "submission_to_come",
]
