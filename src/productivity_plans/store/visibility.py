"""Which documents are on the public record: the one rule every public read path uses.

A document is public when ``prodplans ingest`` collected it from a public source
(``documents.collected``) or when at least one council's upload of it is published. Anything
else is a private draft: only the councils that uploaded it (and analysts and admins) may see
it. Listings, search in both modes, extraction facts (so governance and compliance), the sector
snapshot, the report and the exports all read through :func:`public_document_ids`, so a draft
cannot reach them by a path that forgot a filter.

Search is hand-written SQL per dialect; :func:`public_document_ids_sql` renders the same
statement for it, so the rule is still written once.
"""

from __future__ import annotations

from sqlalchemy import Dialect, Select, exists, or_, select

from productivity_plans.store.models import DocumentRow, UploadRow


def public_document_ids() -> Select[int]:
    """``SELECT id FROM documents`` for the documents on the public record."""
    published = exists().where(
        UploadRow.document_id == DocumentRow.id, UploadRow.status == "published"
    )
    return select(DocumentRow.id).where(or_(DocumentRow.collected.is_(True), published))


def public_document_ids_sql(dialect: Dialect) -> str:
    """:func:`public_document_ids` as SQL text for ``dialect`` (it has no parameters)."""
    compiled = public_document_ids().compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}
    )
    return str(compiled)
