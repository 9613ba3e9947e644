"""Tables of the system of record: documents, where they were seen, their pages and blocks.

Identity is content: one row in ``documents`` per sha256. The same file seen twice, or the same
bytes under two names, is one document with several ``sources``. Pages and blocks hold
character offsets into ``documents.text``; later stages cite evidence as (page, start, end)
against that text, so it is stored once, verbatim, and never re-normalised.

Full-text search is dialect-specific and lives outside these models (see ``search.py`` and the
first migration): an FTS5 table ``blocks_fts`` on SQLite, a generated ``tsv`` column on
PostgreSQL. Neither is mapped here so the ORM never writes them.

Later stages (extraction facts, coded passages, human decisions) add their own tables through
new migrations and reference ``documents.id`` / ``blocks.id``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DocumentStatus = Literal["ok", "no_text_layer"]

# A facts row the site pass may settle or unsettle: no council, or one inferred from its site.
UNSETTLED = "(council_gss IS NULL OR council_inferred)"
DOCUMENT_STATUSES: tuple[DocumentStatus, ...] = ("ok", "no_text_layer")

# Explicit constraint names so later migrations can drop or alter them on both dialects
# (SQLite batch mode needs names to find constraints).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on both dialects.

    SQLite has no timezone type and hands back naive values; PostgreSQL returns them in the
    session's zone. Normalising here means callers always compare aware UTC datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    """One distinct file content (by sha256) and the text its parser produced."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint("status IN ('ok', 'no_text_layer')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(BigInteger)
    page_count: Mapped[int] = mapped_column(Integer)
    chars: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    parser: Mapped[str] = mapped_column(String(64))
    parser_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    warnings: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # True when ``prodplans ingest`` read it from a public source (revision 0006); an upload
    # alone leaves it False, and the document is public only through a published upload.
    collected: Mapped[bool] = mapped_column(Boolean)


class SourceRow(Base):
    """A place a document was seen: a file path or a URL, with the stat used to skip re-reads."""

    __tablename__ = "sources"
    __table_args__ = (
        UniqueConstraint("document_id", "source"),
        # unchanged_sources() looks paths up without knowing their documents.
        Index("ix_sources_source", "source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    mtime: Mapped[float | None] = mapped_column(Float)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)


class PageRow(Base):
    """Page boundaries as offsets into ``documents.text`` (one page for unpaged formats)."""

    __tablename__ = "pages"
    __table_args__ = (
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),
    )

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class BlockRow(Base):
    """A heading, paragraph, list item or table row: the unit that search returns and coding codes.

    ``text`` duplicates ``documents.text[start:end]`` so search and FTS need no slicing.
    """

    __tablename__ = "blocks"
    __table_args__ = (
        UniqueConstraint("document_id", "ordinal"),
        CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),
        CheckConstraint("page >= 1", name="page_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class FactsRow(Base):
    """What the extract stage found in one document (revision 0002): one row per document.

    Machine output, versioned by ``extractor_version``; re-extraction replaces the row and its
    events in one transaction. Offsets are into ``documents.text``.
    """

    __tablename__ = "facts"
    __table_args__ = (
        UniqueConstraint("document_id"),
        CheckConstraint(
            "decision_start IS NULL OR (decision_start >= 0 AND decision_end >= decision_start)",
            name="decision_offsets",
        ),
        # The site pass's documents: those on a site whose council is unknown or was inferred.
        Index(
            "ix_facts_unsettled_site",
            "site",
            sqlite_where=text(UNSETTLED),
            postgresql_where=text(UNSETTLED),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    council_gss: Mapped[str | None] = mapped_column(String(9), index=True)
    council_confidence: Mapped[float | None] = mapped_column(Float)
    council_evidence: Mapped[list[str]] = mapped_column(JSON)
    doc_type: Mapped[str] = mapped_column(String(32))
    decision_body: Mapped[str | None] = mapped_column(Text)
    decision_body_kind: Mapped[str | None] = mapped_column(String(32))
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_outcome: Mapped[str] = mapped_column(String(20))
    decision_evidence: Mapped[str | None] = mapped_column(Text)
    decision_start: Mapped[int | None] = mapped_column(Integer)
    decision_end: Mapped[int | None] = mapped_column(Integer)
    author_name: Mapped[str | None] = mapped_column(Text)
    author_role: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[list[str]] = mapped_column(JSON)
    key_decision: Mapped[bool | None] = mapped_column(Boolean)
    call_in: Mapped[bool | None] = mapped_column(Boolean)
    submitted_date: Mapped[date | None] = mapped_column(Date)
    submitted_evidence: Mapped[str | None] = mapped_column(Text)
    submitted_start: Mapped[int | None] = mapped_column(Integer)
    submitted_end: Mapped[int | None] = mapped_column(Integer)
    published_evidence: Mapped[str | None] = mapped_column(Text)
    published_start: Mapped[int | None] = mapped_column(Integer)
    published_end: Mapped[int | None] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(32))
    extracted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Revision 0012, for the site pass (``store.site_tally``): the site the document was
    # published on (``councils.sites.site_of`` of its first URL; None for no URL or a shared
    # host), and whether ``council_gss`` was inferred from that site rather than identified
    # from the document's own evidence (the evidence says so too; this is that, indexable).
    site: Mapped[str | None] = mapped_column(Text)
    council_inferred: Mapped[bool] = mapped_column(Boolean, default=False)


class SiteTallyRow(Base):
    """How many documents on a site name each council from their own evidence (revision 0012):
    what the site pass checks an unidentified document against, instead of reading every
    document of its site. Kept by the paths that write facts and sources
    (``store.site_tally``), in the same transaction; a council no document names any longer
    has no row."""

    __tablename__ = "site_tally"

    site: Mapped[str] = mapped_column(Text, primary_key=True)
    council_gss: Mapped[str] = mapped_column(String(9), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class GovernanceEventRow(Base):
    """A dated governance step a document mentions ("approved by Cabinet on 15 July")."""

    __tablename__ = "governance_events"
    __table_args__ = (
        UniqueConstraint("document_id", "ordinal"),
        CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column("date", Date)  # attribute renamed: `date` is the type
    body: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


# --- Coded passages, machine suggestions and human decisions (revision 0004) -------------------

CODE_TYPES: tuple[str, ...] = ("heading", "question", "barrier", "measure", "initiative", "kind")
DECISIONS: tuple[str, ...] = ("accept", "reject", "add")
_CODE_TYPE_CHECK = (
    "code_type IN ('heading', 'question', 'barrier', 'measure', 'initiative', 'kind')"
)


class PassageRow(Base):
    """A passage the coding stage cut from a document: the unit machine and human codes attach to.

    Identity across re-runs is (document, start, end, text hash): a new model or splitter keeps
    the row, and so the human decisions on it, whenever it yields the same span. A passage the
    current splitter no longer yields is kept (``current`` false) if a human decided on it.
    ``block_kind`` is the block it came from (paragraph, list_item, table_row); whether it
    restates a requirement or is the council's own text is a code (``code_type = 'kind'``).
    """

    __tablename__ = "passages"
    __table_args__ = (
        UniqueConstraint("document_id", "start", "end", "text_hash"),
        CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),
        CheckConstraint("page >= 1", name="page_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    heading: Mapped[str | None] = mapped_column(Text)
    block_kind: Mapped[str] = mapped_column(String(20))
    current: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MachineCodeRow(Base):
    """One suggestion by one model version: a heading, question, barrier, measure, initiative or
    kind on a passage, with its confidence. Replaced wholesale when a new model codes the
    document; human decisions live in ``human_codes`` and are never touched by a run."""

    __tablename__ = "machine_codes"
    __table_args__ = (
        UniqueConstraint("passage_id", "code_type", "value", "model_version"),
        CheckConstraint(_CODE_TYPE_CHECK, name="code_type"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        Index("ix_machine_codes_confidence", "confidence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    code_type: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(128))
    confidence: Mapped[float] = mapped_column(Float)
    model_version: Mapped[str] = mapped_column(String(128))
    framework_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class HumanCodeRow(Base):
    """An analyst's decision on a passage: accept or reject a machine suggestion, or add a code.

    Append-only: a later decision on the same (passage, code type, value) wins over an earlier
    one, and any human decision wins over the machine's.
    """

    __tablename__ = "human_codes"
    __table_args__ = (
        CheckConstraint(_CODE_TYPE_CHECK, name="code_type"),
        CheckConstraint("decision IN ('accept', 'reject', 'add')", name="decision"),
        Index("ix_human_codes_passage_id", "passage_id"),
        Index("ix_human_codes_analyst", "analyst"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    code_type: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(128))
    decision: Mapped[str] = mapped_column(String(10))
    analyst: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    model_version: Mapped[str | None] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)


class CodedDocumentRow(Base):
    """Which model and framework version last coded a document, so a re-run can skip it."""

    __tablename__ = "coded_documents"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    model_version: Mapped[str] = mapped_column(String(128))
    framework_id: Mapped[str] = mapped_column(String(64))
    passages: Mapped[int] = mapped_column(Integer)
    codes: Mapped[int] = mapped_column(Integer)
    coded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PassageVectorRow(Base):
    """A passage's embedding (float16 bytes, L2-normalised) for search by meaning (revision 0005).

    Written when a document is coded; a passage kept across re-runs keeps its vector (same text),
    and deleting a passage deletes its vector. ``embedder`` names the model that made it, so a
    new embedder re-encodes.
    """

    __tablename__ = "passage_vectors"
    __table_args__ = (CheckConstraint("dim > 0", name="dim_positive"),)

    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passages.id", ondelete="CASCADE"), primary_key=True
    )
    embedder: Mapped[str] = mapped_column(String(64))
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


UploadStatus = Literal["draft", "published"]
UPLOAD_STATUSES: tuple[UploadStatus, ...] = ("draft", "published")


class UploadRow(Base):
    """One council's link to a document, made by an officer's upload (revisions 0003, 0006).

    The same bytes uploaded by two councils are one document with two uploads: each council's
    link has its own status, and neither moves the document from the other. ``draft`` is
    private to the council (and analysts and admins); ``published`` puts the document, and the
    council's link to it, on the public record. ``doc_type``, ``title`` and ``url`` are what the
    officer stated, beside what extraction found.
    """

    __tablename__ = "uploads"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'published')", name="status"),
        Index("ix_uploads_council_gss", "council_gss"),
        Index("ix_uploads_document_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    council_gss: Mapped[str] = mapped_column(String(9))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(Text)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10))
    doc_type: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


_Key = TypeVar("_Key")


def in_chunks(keys: Sequence[_Key], size: int = 500) -> Iterator[list[_Key]]:
    """``keys`` in lists of at most ``size``, one ``IN (…)`` query each: well under the bound
    parameters SQLite and PostgreSQL accept in one statement."""
    for start in range(0, len(keys), size):
        yield list(keys[start : start + size])
