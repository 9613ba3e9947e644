"""Store fixtures; ``database_url`` (both dialects) comes from the top-level conftest."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from productivity_plans.ingest.records import (
    Block,
    BlockKind,
    Document,
    Page,
    ParsedDocument,
    Provenance,
)
from productivity_plans.store import Store


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened


MakeDocument = Callable[..., Document]


@pytest.fixture
def make_document() -> MakeDocument:
    """Build a Document from page texts: each page's paragraphs (split on blank lines) are blocks.

    Content decides the sha256, as in ingest, so equal pages give equal documents.
    """

    def build(
        *pages: str,
        source: str = "/data/borsetshire/productivity-plan.pdf",
        size: int | None = None,
        mtime: float | None = 1_717_000_000.0,
        media_type: str = "pdf",
        title: str | None = "Borsetshire Council productivity plan",
        ingested_at: datetime | None = None,
        url: str | None = None,
    ) -> Document:
        text, page_records, blocks = "", [], []
        for number, page_text in enumerate(pages, start=1):
            page_start = len(text)
            for paragraph in page_text.split("\n\n"):
                start = len(text)
                text += paragraph
                kind = BlockKind.HEADING if len(paragraph) < 40 else BlockKind.PARAGRAPH
                if paragraph.strip():
                    blocks.append(Block(kind, number, start, len(text)))
                text += "\n\n"
            page_records.append(Page(number, page_start, len(text)))
        data = text.encode()
        parsed = ParsedDocument(
            text=text,
            pages=page_records,
            blocks=blocks,
            parser="test",
            parser_version="1",
            title=title,
            warnings=["made in a test"],
        )
        provenance = Provenance(
            source=source,
            url=url,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data) if size is None else size,
            mtime=mtime,
            media_type=media_type,
            ingested_at=ingested_at or datetime.now(UTC),
        )
        return Document(parsed=parsed, provenance=provenance)

    return build
