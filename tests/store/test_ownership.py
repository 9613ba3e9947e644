"""Ownership and private drafts in the store, on both dialects: one visibility rule for every
public read, uploads as per-council links that never move a document, and the draft's life."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.extract.records import Decision, Facts, GovernanceEvent
from productivity_plans.ingest.records import Document
from productivity_plans.store import Store, accounts, ownership
from productivity_plans.store.accounts import AuditRow, User
from productivity_plans.store.models import DocumentRow

BOLSOVER = "E07000033"
BLABY = "E07000129"
PASSWORD = "correct horse battery staple"
APPROVAL = "The plan was approved by Cabinet on 15 July 2024."

MakeDocument = Callable[..., Document]  # the store conftest's make_document fixture


def _officer(store: Store, council: str) -> User:
    return accounts.create_user(
        store, f"officer-{council.lower()}@example.org", PASSWORD, "officer", council_gss=council
    )


def _facts(council: str | None, text: str) -> Facts:
    start = text.index(APPROVAL) if APPROVAL in text else 0
    match = CouncilMatch(council, council, "district", 0.9, ("test",)) if council else None
    timeline = []
    if APPROVAL in text:
        timeline = [
            GovernanceEvent(
                date(2024, 7, 15), "Cabinet", "approved", APPROVAL, start, start + len(APPROVAL)
            )
        ]
    return Facts(
        council=match,
        doc_type="plan",
        decision=Decision(None, None, None, "unknown", None, None, None),
        timeline=timeline,
    )


def _document_id(store: Store, sha256: str) -> int:
    with Session(store.engine) as session:
        found = session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))
    assert found is not None
    return found


def _upload(
    store: Store, make_document: MakeDocument, text: str, officer: User, **kwargs: object
) -> int:
    doc = make_document(text, source=f"/uploads/batch/000-{officer.council_gss}.txt")
    store.save_document(doc, _facts(None, text), collected=False)
    document_id = _document_id(store, doc.provenance.sha256)
    entry = ownership.record_upload(
        store,
        document_id=document_id,
        council_gss=officer.council_gss or "",
        filename="plan.txt",
        by=officer,
        outcome="ingested",
        **kwargs,  # type: ignore[arg-type]
    )
    return entry.id


def test_a_draft_is_in_no_public_read_until_published(
    store: Store, make_document: MakeDocument
) -> None:
    blaby = _officer(store, BLABY)
    text = f"Blaby draft productivity plan about quokkas.\n\n{APPROVAL}"
    upload_id = _upload(store, make_document, text, blaby)
    entry = ownership.upload_entry(store, upload_id)
    assert entry is not None and entry.status == "draft" and not entry.public

    assert store.documents() == []
    assert store.facts() == []  # so no governance event, compliance status or sector figure
    assert store.search("quokkas") == []
    assert len(store.documents(public_only=False)) == 1
    assert len(store.facts(public_only=False)) == 1
    assert len(store.search("quokkas", public_only=False)) == 1

    ownership.publish(store, upload_id, blaby)
    assert [d.id for d in store.documents()] == [entry.document_id]
    assert [f.document_id for f in store.facts()] == [entry.document_id]
    assert [h.document_id for h in store.search("quokkas")] == [entry.document_id]

    ownership.withdraw(store, upload_id, blaby)
    assert store.documents() == [] and store.facts() == [] and store.search("quokkas") == []


def test_an_upload_never_moves_another_councils_document(
    store: Store, make_document: MakeDocument
) -> None:
    text = "Bolsover committee report on the productivity plan."
    collected = make_document(text, source="/collected/bolsover/report.pdf")
    store.save_document(collected, _facts(BOLSOVER, text))
    document_id = _document_id(store, collected.provenance.sha256)

    blaby = _officer(store, BLABY)
    copy = make_document(text, source="/uploads/batch/000-report.pdf")
    assert store.save_document(copy, _facts(BOLSOVER, text), collected=False) == "duplicate"
    upload = ownership.record_upload(
        store,
        document_id=document_id,
        council_gss=BLABY,
        filename="report.pdf",
        by=blaby,
        outcome="duplicate",
        publish=True,
    )
    assert upload.shared and upload.public
    assert ownership.stated_councils(store) == {}  # extraction's council stands
    assert ownership.published_links(store) == {document_id: frozenset({BLABY})}
    assert [f.facts.council_code for f in store.facts()] == [BOLSOVER]
    # Deleting or withdrawing Blaby's link never takes the document off the public record.
    ownership.withdraw(store, upload.id, blaby)
    assert ownership.delete_draft(store, upload.id, blaby) == []
    assert [d.id for d in store.documents()] == [document_id]


def test_an_uploaded_document_is_the_first_publishing_councils(
    store: Store, make_document: MakeDocument
) -> None:
    blaby, bolsover = _officer(store, BLABY), _officer(store, BOLSOVER)
    text = "A plan with no council named in it."
    first = _upload(store, make_document, text, blaby, publish=True, doc_type="plan")
    second = _upload(store, make_document, text, bolsover, publish=True)
    document_id = ownership.upload_entry(store, first).document_id  # type: ignore[union-attr]
    assert ownership.stated_councils(store)[document_id].council_gss == BLABY
    assert ownership.stated_councils(store)[document_id].doc_type == "plan"
    ownership.withdraw(store, first, blaby)
    assert ownership.stated_councils(store)[document_id].council_gss == BOLSOVER
    assert second != first


def test_only_the_councils_officers_or_an_admin_may_change_an_upload(
    store: Store, make_document: MakeDocument
) -> None:
    blaby, bolsover = _officer(store, BLABY), _officer(store, BOLSOVER)
    admin = accounts.create_user(store, "admin@example.org", PASSWORD, "admin")
    analyst = accounts.create_user(store, "analyst@example.org", PASSWORD, "analyst")
    upload_id = _upload(store, make_document, "Blaby's private draft.", blaby)
    document_id = ownership.upload_entry(store, upload_id).document_id  # type: ignore[union-attr]
    for change in (ownership.publish, ownership.delete_draft):
        for who in (bolsover, analyst):
            with pytest.raises(ownership.UploadNotFound):
                change(store, upload_id, who)
    assert not ownership.may_see(store, document_id, bolsover)
    assert not ownership.may_see(store, document_id, None)
    assert ownership.may_see(store, document_id, blaby)
    assert ownership.may_see(store, document_id, analyst)
    ownership.publish(store, upload_id, admin)
    assert ownership.may_see(store, document_id, None)


def test_deleting_a_draft_removes_the_document_and_every_change_is_audited(
    store: Store, make_document: MakeDocument
) -> None:
    blaby = _officer(store, BLABY)
    upload_id = _upload(store, make_document, "A draft to delete.", blaby, publish=True)
    with pytest.raises(ownership.UploadStateError):
        ownership.delete_draft(store, upload_id, blaby)  # published: withdraw first
    ownership.withdraw(store, upload_id, blaby)
    removed = ownership.delete_draft(store, upload_id, blaby)
    assert removed == [f"/uploads/batch/000-{BLABY}.txt"]
    assert store.documents(public_only=False) == []
    assert ownership.council_uploads(store, BLABY) == []
    with Session(store.engine) as session:
        actions = dict(
            session.execute(select(AuditRow.action, func.count()).group_by(AuditRow.action)).all()
        )
    assert {k: actions.get(k) for k in ("document.upload", "document.publish")} == {
        "document.upload": 1,
        "document.publish": 1,
    }
    assert actions["document.withdraw"] == 1 and actions["document.delete"] == 1


def test_collecting_a_drafts_content_from_a_public_source_makes_it_public(
    store: Store, make_document: MakeDocument
) -> None:
    blaby = _officer(store, BLABY)
    _upload(store, make_document, "Later published on the council's website.", blaby)
    assert store.documents() == []
    found = make_document("Later published on the council's website.", source="/web/plan.html")
    assert store.save_document(found) == "duplicate"
    assert len(store.documents()) == 1
