"""Read one stored document whole: text by page, blocks with their ids, and provenance.

The store's ``documents()`` lists summaries; viewers (web page, API, a future export) need a
single document with everything needed to cite a passage: block ids (stable anchors), pages,
offsets, and where the file came from (sources, sha256, parser and version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from productivity_plans.store.db import Store
from productivity_plans.store.models import BlockRow, DocumentRow, PageRow, SourceRow


@dataclass(frozen=True, slots=True)
class BlockView:
    id: int
    ordinal: int
    kind: str
    page: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PageView:
    number: int
    start: int
    end: int
    blocks: tuple[BlockView, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    source: str
    url: str | None
    size: int
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: int
    sha256: str
    title: str | None
    media_type: str
    size: int
    page_count: int
    chars: int
    parser: str
    parser_version: str
    status: str
    warnings: tuple[str, ...]
    created_at: datetime
    text: str
    pages: tuple[PageView, ...]
    sources: tuple[SourceView, ...]

    @property
    def url(self) -> str | None:
        """The first published URL any source gives."""
        return next((s.url for s in self.sources if s.url), None)


def load_document(store: Store, document_id: int) -> DocumentView | None:
    """One document with its pages, blocks (in reading order) and sources; None if unknown."""
    with Session(store.engine) as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            return None
        pages = session.scalars(
            select(PageRow).where(PageRow.document_id == document_id).order_by(PageRow.number)
        ).all()
        blocks = session.scalars(
            select(BlockRow).where(BlockRow.document_id == document_id).order_by(BlockRow.ordinal)
        ).all()
        sources = session.scalars(
            select(SourceRow).where(SourceRow.document_id == document_id).order_by(SourceRow.id)
        ).all()
        by_page: dict[int, list[BlockView]] = {}
        for b in blocks:
            by_page.setdefault(b.page, []).append(
                BlockView(b.id, b.ordinal, b.kind, b.page, b.start, b.end, b.text)
            )
        return DocumentView(
            id=row.id,
            sha256=row.sha256,
            title=row.title,
            media_type=row.media_type,
            size=row.size,
            page_count=row.page_count,
            chars=row.chars,
            parser=row.parser,
            parser_version=row.parser_version,
            status=row.status,
            warnings=tuple(row.warnings or ()),
            created_at=row.created_at,
            text=row.text,
            pages=tuple(
                PageView(p.number, p.start, p.end, tuple(by_page.get(p.number, ()))) for p in pages
            ),
            sources=tuple(
                SourceView(s.source, s.url, s.size, s.first_seen, s.last_seen) for s in sources
            ),
        )


def document_id_for_sha256(store: Store, sha256: str) -> int | None:
    with Session(store.engine) as session:
        return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))


def document_texts(store: Store) -> list[tuple[int, str, str | None, str | None]]:
    """(id, text, title, first published url) for every document with text."""
    url_of = (
        select(SourceRow.url)
        .where(SourceRow.document_id == DocumentRow.id, SourceRow.url.is_not(None))
        .order_by(SourceRow.id)
        .limit(1)
        .scalar_subquery()
    )
    with Session(store.engine) as session:
        rows = session.execute(
            select(DocumentRow.id, DocumentRow.text, DocumentRow.title, url_of)
            .where(DocumentRow.status == "ok")
            .order_by(DocumentRow.id)
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]
