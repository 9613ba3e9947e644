"""Whose a document is, and the life of an upload: draft, published, withdrawn, deleted.

Model (see docs/store.md, "Ownership and drafts"): a document is content (one row per sha256);
an upload is one council's link to it (``uploads``: who uploaded it, what they stated, draft or
published). Uploading bytes another council already has adds a second link, it never moves the
document. The council a document is *of* on the public record is:

* for a document collected from a public source with a council extraction identified: that
  council, whatever anyone uploads;
* otherwise, the council of the earliest published upload (an officer's statement wins over the
  machine's guess about their own document).

Every other council with a published upload of it lists it too, as a shared document. Drafts
state nothing publicly. Every change here writes its audit row in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, delete, exists, literal, select, update
from sqlalchemy.orm import Session

from productivity_plans.store import visibility
from productivity_plans.store.accounts import User, UserRow, write_audit
from productivity_plans.store.db import Store
from productivity_plans.store.models import DocumentRow, FactsRow, SourceRow, UploadRow
from productivity_plans.store.site_tally import untally


class UploadNotFound(LookupError):
    """No such upload, or one the user may not see (the two are not told apart)."""


class UploadStateError(ValueError):
    """The change does not apply to the upload's state; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class Statement:
    """What an officer stated about a document, on the public record once published."""

    council_gss: str
    doc_type: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class UploadEntry:
    """One council's link to a document, for "My uploads" and the document page."""

    id: int
    document_id: int
    council_gss: str
    filename: str
    status: str  # draft or published
    doc_type: str | None
    title: str | None  # as stated, else the document's own
    url: str | None
    uploaded_at: datetime
    published_at: datetime | None
    uploaded_by: str | None  # e-mail; None when the account is gone
    public: bool  # the document is on the public record (by this upload or otherwise)
    shared: bool  # another council uploaded it too, or it was collected from a public source


def record_upload(
    store: Store,
    *,
    document_id: int,
    council_gss: str,
    filename: str,
    by: User,
    outcome: str,
    publish: bool = False,
    doc_type: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> UploadEntry:
    """Link an uploaded document to ``council_gss``: a draft unless ``publish``.

    A council uploading the same content again refreshes its one link (the file name and what
    was stated) and never withdraws it; another council's links are not touched.
    """
    council = council_gss.upper()
    now = datetime.now(UTC)
    with store._writing() as session:
        row = session.scalar(
            select(UploadRow)
            .where(UploadRow.document_id == document_id, UploadRow.council_gss == council)
            .order_by(UploadRow.id)
            .limit(1)
        )
        if row is None:
            row = UploadRow(
                document_id=document_id,
                council_gss=council,
                user_id=by.id,
                filename=filename,
                uploaded_at=now,
                status="draft",
            )
            session.add(row)
        row.filename = filename
        row.doc_type = doc_type or row.doc_type
        row.title = title or row.title
        row.url = url or row.url
        session.flush()
        write_audit(
            session,
            by,
            "document.upload",
            f"document:{document_id}",
            {"council": council, "filename": filename, "outcome": outcome, "upload": row.id},
        )
        if publish and row.status != "published":
            _set_status(session, row, "published", by)
        upload_id = row.id
    found = upload_entry(store, upload_id)
    assert found is not None
    return found


def _pair(row: UploadRow) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The conditions for every row of the council's link to the document."""
    return UploadRow.document_id == row.document_id, UploadRow.council_gss == row.council_gss


def _set_status(session: Session, row: UploadRow, status: str, by: User) -> None:
    """Set the status of the council's link (every row of it: databases from before revision
    0006 may hold one row per upload of the same content)."""
    published_at = datetime.now(UTC) if status == "published" else None
    session.execute(
        update(UploadRow)
        .where(*_pair(row))
        .values(status=status, published_at=published_at)
        .execution_options(synchronize_session=False)
    )
    action = "document.publish" if status == "published" else "document.withdraw"
    write_audit(
        session,
        by,
        action,
        f"document:{row.document_id}",
        {"council": row.council_gss, "upload": row.id, "filename": row.filename},
    )


def _managed_row(session: Session, upload_id: int, by: User) -> UploadRow:
    row = session.get(UploadRow, upload_id)
    if row is None or not by.can_upload_for(row.council_gss):
        raise UploadNotFound(upload_id)
    return row


def publish(store: Store, upload_id: int, by: User) -> None:
    """Put the council's upload on the public record (officer: own council; admin: any)."""
    with store._writing() as session:
        row = _managed_row(session, upload_id, by)
        if row.status == "published":
            raise UploadStateError("This document is already published.")
        _set_status(session, row, "published", by)


def withdraw(store: Store, upload_id: int, by: User) -> None:
    """Take the council's upload back to a private draft. The document stays public if it was
    collected from a public source or another council has published it."""
    with store._writing() as session:
        row = _managed_row(session, upload_id, by)
        if row.status != "published":
            raise UploadStateError("This document is a draft already.")
        _set_status(session, row, "draft", by)


def delete_draft(store: Store, upload_id: int, by: User) -> list[str]:
    """Remove the council's draft link. When nothing else holds the document (no other
    council's upload, not collected from a public source) the document goes too, with its
    pages, facts and codes; its sources (the stored files to remove) are returned."""
    with store._writing() as session:
        row = _managed_row(session, upload_id, by)
        if row.status != "draft":
            raise UploadStateError("Withdraw the document before deleting it.")
        document_id, council, filename = row.document_id, row.council_gss, row.filename
        session.execute(delete(UploadRow).where(*_pair(row)))
        others = session.scalar(select(exists().where(UploadRow.document_id == document_id)))
        collected = session.scalar(
            select(DocumentRow.collected).where(DocumentRow.id == document_id)
        )
        removed: list[str] = []
        document_deleted = not others and not collected
        if document_deleted:
            removed = list(
                session.scalars(
                    select(SourceRow.source).where(SourceRow.document_id == document_id)
                )
            )
            untally(session, document_id)
            session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
        write_audit(
            session,
            by,
            "document.delete",
            f"document:{document_id}",
            {
                "council": council,
                "upload": upload_id,
                "filename": filename,
                "document_deleted": document_deleted,
            },
        )
        return removed


def stated_councils(store: Store) -> dict[int, Statement]:
    """Public document id → the published statement that says whose it is, for documents
    whose council comes from an upload (see the module's rule); drafts state nothing."""
    with Session(store.engine) as session:
        rows = session.execute(
            select(
                UploadRow.document_id,
                UploadRow.council_gss,
                UploadRow.doc_type,
                UploadRow.title,
                UploadRow.url,
                DocumentRow.collected,
                FactsRow.council_gss.label("extracted"),
            )
            .join(DocumentRow, DocumentRow.id == UploadRow.document_id)
            .outerjoin(FactsRow, FactsRow.document_id == UploadRow.document_id)
            .where(UploadRow.status == "published")
            .order_by(UploadRow.published_at, UploadRow.id)
        ).all()
    stated: dict[int, Statement] = {}
    for r in rows:
        if r.document_id in stated or (r.collected and r.extracted is not None):
            continue
        stated[r.document_id] = Statement(r.council_gss, r.doc_type, r.title, r.url)
    return stated


def published_links(store: Store) -> dict[int, frozenset[str]]:
    """Document id → every council with a published upload of it (shared documents)."""
    links: dict[int, set[str]] = {}
    with Session(store.engine) as session:
        for document_id, council in session.execute(
            select(UploadRow.document_id, UploadRow.council_gss).where(
                UploadRow.status == "published"
            )
        ):
            links.setdefault(document_id, set()).add(council)
    return {document_id: frozenset(councils) for document_id, councils in links.items()}


def _entries(session: Session, *conditions: ColumnElement[bool]) -> list[UploadEntry]:
    rows = session.execute(
        select(
            UploadRow,
            DocumentRow.title,
            DocumentRow.collected,
            UserRow.email,
            visibility.is_public(UploadRow.document_id).label("public"),
        )
        .join(DocumentRow, DocumentRow.id == UploadRow.document_id)
        .outerjoin(UserRow, UserRow.id == UploadRow.user_id)
        .where(*conditions)
        .order_by(UploadRow.uploaded_at.desc(), UploadRow.id.desc())
    ).all()
    councils_of: dict[int, set[str]] = {}
    for document_id, council in session.execute(
        select(UploadRow.document_id, UploadRow.council_gss).where(
            UploadRow.document_id.in_({r.UploadRow.document_id for r in rows})
        )
    ):
        councils_of.setdefault(document_id, set()).add(council)
    return [
        UploadEntry(
            id=u.id,
            document_id=u.document_id,
            council_gss=u.council_gss,
            filename=u.filename,
            status=u.status,
            doc_type=u.doc_type,
            title=u.title or r.title,
            url=u.url,
            uploaded_at=u.uploaded_at,
            published_at=u.published_at,
            uploaded_by=r.email,
            public=bool(r.public),
            shared=bool(r.collected) or len(councils_of.get(u.document_id, ())) > 1,
        )
        for r in rows
        for u in (r.UploadRow,)
    ]


def council_uploads(store: Store, council_gss: str | None = None) -> list[UploadEntry]:
    """A council's uploads (every council's when None), newest first, drafts included."""
    with Session(store.engine) as session:
        if council_gss is None:
            return _entries(session)
        return _entries(session, UploadRow.council_gss == council_gss.upper())


def upload_entry(store: Store, upload_id: int) -> UploadEntry | None:
    with Session(store.engine) as session:
        found = _entries(session, UploadRow.id == upload_id)
    return found[0] if found else None


def document_uploads(store: Store, document_id: int) -> list[UploadEntry]:
    """Every council's upload of one document, newest first."""
    with Session(store.engine) as session:
        return _entries(session, UploadRow.document_id == document_id)


def is_public(store: Store, document_id: int) -> bool:
    with Session(store.engine) as session:
        return bool(session.scalar(select(visibility.is_public(literal(document_id)))))


def may_see(store: Store, document_id: int, user: User | None) -> bool:
    """Public documents: anyone. A draft: analysts, admins, and officers of a council that
    uploaded it."""
    if is_public(store, document_id):
        return True
    if user is None or not user.active:
        return False
    if user.role in ("analyst", "admin"):
        return True
    return user.role == "officer" and any(
        u.council_gss == user.council_gss for u in document_uploads(store, document_id)
    )
