"""Extraction facts are stored with their document, in one transaction, and replaced whole."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from productivity_plans.extract import extract_facts
from productivity_plans.extract.records import Decision, Facts, GovernanceEvent
from productivity_plans.store import Store
from productivity_plans.store.models import BlockRow, DocumentRow, FactsRow, GovernanceEventRow

REPORT = (
    "Blaby District Council\n\n"
    "Report to Cabinet Executive - 15 July 2024\n\n"
    "Productivity Plan\n\n"
    "The plan was endorsed by the Leader on 10 July 2024 before this meeting of Cabinet.\n\n"
    "RESOLVED that Cabinet Executive approves the Productivity Plan for submission."
)
OTHER = "Oadby and Wigston Borough Council\n\nOur productivity plan sets out how we work."


def _count(store: Store, model: type) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model)) or 0


def _facts_for(doc) -> Facts:  # type: ignore[no-untyped-def]
    return extract_facts(doc.text, url="https://www.blaby.gov.uk/x", title=doc.parsed.title)


def test_facts_are_saved_with_the_document(store: Store, make_document) -> None:
    doc = make_document(REPORT)
    facts = _facts_for(doc)

    assert store.save_document(doc, facts) == "new"

    [stored] = store.facts()
    assert stored.facts.council_code == "E07000129"
    assert stored.facts.decision.body == facts.decision.body
    assert stored.facts.decision.date == facts.decision.date
    assert stored.facts.decision.outcome == "approved"
    assert stored.facts.timeline == facts.timeline
    assert stored.facts.version == facts.version
    assert stored.title == doc.parsed.title
    assert _count(store, GovernanceEventRow) == len(facts.timeline) >= 1


def test_a_failure_while_saving_facts_leaves_no_document_either(
    store: Store, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = make_document(REPORT)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full while writing facts")

    # A new document's facts are inserted; a known one's replaced: break both writers.
    monkeypatch.setattr("productivity_plans.store.db.insert_facts", broken)
    monkeypatch.setattr("productivity_plans.store.db.replace_facts", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save_document(doc, _facts_for(doc))

    for model in (DocumentRow, BlockRow, FactsRow, GovernanceEventRow):
        assert _count(store, model) == 0


def test_facts_with_offsets_outside_the_text_are_refused_before_writing(
    store: Store, make_document
) -> None:
    doc = make_document(REPORT)
    bad = Facts(
        council=None,
        doc_type="minutes",
        decision=Decision(None, None, None, "unknown"),
        timeline=[GovernanceEvent(date(2024, 7, 1), "Cabinet", "approved", "x", 5, 10**6)],
    )
    with pytest.raises(ValueError, match="outside the text"):
        store.save_document(doc, bad)
    assert _count(store, DocumentRow) == 0


def test_re_extraction_replaces_the_machine_facts_of_a_document(
    store: Store, make_document
) -> None:
    doc = make_document(REPORT)
    store.save_document(doc, _facts_for(doc))
    [before] = store.facts()

    replacement = Facts(
        council=None,
        doc_type="other",
        decision=Decision(None, None, None, "none"),
        version="test-9",
    )
    store.save_facts(before.document_id, replacement)

    [after] = store.facts()
    assert after.facts.version == "test-9"
    assert after.facts.council is None
    assert after.facts.timeline == []
    assert _count(store, FactsRow) == 1
    assert _count(store, GovernanceEventRow) == 0


def test_saving_the_same_document_again_replaces_rather_than_adds_facts(
    store: Store, make_document
) -> None:
    doc = make_document(REPORT)
    store.save_document(doc, _facts_for(doc))
    assert store.save_document(doc, _facts_for(doc)) == "unchanged"
    assert _count(store, FactsRow) == 1


def test_search_hits_carry_the_council_and_can_be_filtered_by_it(
    store: Store, make_document
) -> None:
    blaby = make_document(REPORT, source="/a.txt")
    oadby = make_document(OTHER, source="/b.txt")
    store.save_document(blaby, _facts_for(blaby))
    store.save_document(oadby, extract_facts(oadby.text))

    hits = store.search("productivity plan")
    assert {h.council for h in hits} == {
        "Blaby District Council",
        "Oadby and Wigston Borough Council",
    }
    only = store.search("productivity plan", council="E07000129")
    assert only and {h.council_gss for h in only} == {"E07000129"}


def test_stored_text_is_offered_for_re_extraction(store: Store, make_document) -> None:
    doc = make_document(REPORT, url="https://www.blaby.gov.uk/plan")
    store.save_document(doc)
    [stored] = list(store.texts())
    assert stored.text == doc.text
    assert stored.url == "https://www.blaby.gov.uk/plan"
