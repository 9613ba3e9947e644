"""Which documents are on the public record: the one rule every public read path uses.

A document is public when ``prodplans ingest`` collected it from a public source
(``documents.collected``) or when at least one council's upload of it is published. Anything
else is a private draft: only the councils that uploaded it (and analysts and admins) may see
it. Listings, search in both modes, extraction facts (so governance and compliance), the sector
snapshot, the report and the exports all filter with :func:`is_public`, so a draft cannot reach
them by a path that forgot a filter.

The rule is a condition on a document id (two index lookups per row), not a set of ids, so a
search that matches twenty blocks checks twenty documents rather than every document in the
store. Search is hand-written SQL per dialect; :func:`is_public_sql` renders the same condition
for it (the store compiles it once), so the rule is still written once.
"""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Dialect,
    SQLColumnExpression,
    exists,
    literal_column,
    or_,
)
from sqlalchemy.orm import aliased

from productivity_plans.store.models import DocumentRow, UploadRow


def is_public(document_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
    """True where the document ``document_id`` is on the public record."""
    # Aliases of their own, so the checks never correlate with a query's own documents/uploads.
    documents, uploads = aliased(DocumentRow), aliased(UploadRow)
    collected = exists().where(documents.id == document_id, documents.collected.is_(True))
    published = exists().where(uploads.document_id == document_id, uploads.status == "published")
    return or_(collected, published)


def is_public_sql(dialect: Dialect, document_id: str) -> str:
    """:func:`is_public` as SQL text for ``dialect``, on the SQL expression ``document_id``
    (``"b.document_id"``); it has no parameters."""
    condition = is_public(literal_column(document_id))
    return str(condition.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
