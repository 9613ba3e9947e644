"""Extract facts from a council document: council, document type, decision, timeline.

Pure: takes text (and the publication URL/title when known), returns plain records.
"""

from __future__ import annotations

from productivity_plans.councils.identify import CouncilMatch, identify_council
from productivity_plans.extract.doctype import classify_document
from productivity_plans.extract.governance import (
    extract_decision,
    find_author,
    find_call_in,
    find_key_decision,
    find_recommendations,
    find_submitted_date,
    find_timeline,
)
from productivity_plans.extract.records import Author, Decision, Facts, GovernanceEvent

_PAPERS = {"committee_report", "decision_record", "minutes", "agenda_item"}


def extract_facts(text: str, *, url: str | None = None, title: str | None = None) -> Facts:
    """Everything the extract stage finds in one document's text."""
    council = identify_council(text, url=url, title=title)
    doc_type, _scores = classify_document(text, url=url, title=title)
    decision, year = extract_decision(text, doc_type)
    is_paper = doc_type in _PAPERS
    return Facts(
        council=council,
        doc_type=doc_type,
        decision=decision,
        author=find_author(text) if is_paper else None,
        recommendations=find_recommendations(text) if is_paper else [],
        key_decision=find_key_decision(text) if is_paper else None,
        call_in=find_call_in(text) if is_paper else None,
        submitted_date=find_submitted_date(text, year),
        timeline=find_timeline(text, year),
    )


__all__ = [
    "Author",
    "CouncilMatch",
    "Decision",
    "Facts",
    "GovernanceEvent",
    "extract_facts",
]
