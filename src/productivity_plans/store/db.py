"""The store: open a database, save parsed documents, search and summarise them.

SQLite (the default, one file) and PostgreSQL (by URL) behave the same through this class; the
few places where SQL differs are in ``search.py`` and the migrations.

Writes are one transaction per document. On SQLite a write transaction starts with
``BEGIN IMMEDIATE`` so concurrent ingest processes queue on the busy timeout instead of failing
when a read lock cannot be upgraded; on PostgreSQL a unique-key race between two processes
saving the same file is retried once, and the second pass sees the other process's row.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from types import TracebackType
from typing import Any, Literal, Self

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import SiteCount, SiteDocument, site_of
from productivity_plans.extract.records import Facts
from productivity_plans.ingest.records import Document, ParsedDocument
from productivity_plans.store.facts import (
    StoredFacts,
    check_fact_offsets,
    insert_facts,
    load_facts,
    replace_facts,
    set_council,
    unsettled_site_documents,
)
from productivity_plans.store.migrations import upgrade_to_head
from productivity_plans.store.models import (
    BlockRow,
    CodedDocumentRow,
    DocumentRow,
    PageRow,
    SourceRow,
    in_chunks,
)
from productivity_plans.store.search import (
    COUNT_CAP,
    FIRST_WINDOW,
    PG_CANDIDATES,
    Marks,
    SearchFilters,
    SearchHit,
    SearchPage,
    SearchTotal,
    council_name,
    count_statement,
    finish_snippet,
    hits_statement,
    query_terms,
    ranked_statement,
)
from productivity_plans.store.site_tally import rebuild as rebuild_site_tally
from productivity_plans.store.site_tally import retally, site_tally, untally
from productivity_plans.store.visibility import is_public, is_public_sql

SaveOutcome = Literal["new", "duplicate", "unchanged"]

# Milliseconds a SQLite writer waits for another to finish before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Any constant works; it only has to be the same for every process migrating one database.
_PG_MIGRATION_LOCK = 0x70726F64  # "prod"
# Execution option that makes the SQLite begin hook take the write lock up front.
_WRITE = "prodplans_write"


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    sources: int
    pages: int
    blocks: int
    by_media_type: dict[str, int]
    no_text_layer: int
    coded_documents: int = 0  # documents with text that some model has coded
    uncoded_documents: int = 0  # documents with text no model has coded (yet)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of a document listing."""

    id: int
    sha256: str
    title: str | None
    media_type: str
    status: str
    page_count: int
    chars: int
    block_count: int
    source: str | None  # first place seen
    source_count: int
    created_at: datetime
    last_seen: datetime | None


@dataclass(frozen=True, slots=True)
class StoredText:
    """A stored document's text and what extraction needs besides it."""

    document_id: int
    text: str
    title: str | None
    url: str | None


class _ConcurrentInsert(Exception):
    """Another writer inserted the same document or source between our read and our insert."""


def make_engine(url: str) -> Engine:
    """An engine with the connection settings the store relies on.

    SQLite: WAL so readers never block the writer, foreign keys on (off by default), a busy
    timeout so a second process waits rather than erroring, and SQLAlchemy in charge of BEGIN
    (the stdlib driver's own transaction handling defers BEGIN and breaks savepoints).
    """
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster commits
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def check_offsets(parsed: ParsedDocument) -> None:
    """Reject pages or blocks that point outside the text before anything is written.

    Every later citation is (page, start, end) into this text; a bad offset is a parser bug
    that should stop the save, not surface as a wrong quotation months later.
    """
    length = len(parsed.text)
    for page in parsed.pages:
        if page.number < 1 or not 0 <= page.start <= page.end <= length:
            raise ValueError(f"page {page.number} has offsets outside the text: {page}")
    for ordinal, block in enumerate(parsed.blocks):
        if block.page < 1 or not 0 <= block.start <= block.end <= length:
            raise ValueError(f"block {ordinal} has offsets outside the text: {block}")


def _insert_document(session: Session, doc: Document, now: datetime, *, collected: bool) -> int:
    parsed, provenance = doc.parsed, doc.provenance
    row = {
        "sha256": provenance.sha256,
        "media_type": provenance.media_type,
        "size": provenance.size,
        "page_count": len(parsed.pages),
        "chars": len(parsed.text),
        "text": parsed.text,
        "title": parsed.title,
        "parser": parsed.parser,
        "parser_version": parsed.parser_version,
        "status": "ok" if parsed.has_text else "no_text_layer",
        "warnings": list(parsed.warnings),
        "created_at": now,
        "collected": collected,
    }
    try:  # Core, as every insert of a new document: no unit of work to build and flush
        return int(
            session.connection()
            .execute(insert(DocumentRow).returning(DocumentRow.id), row)
            .one()[0]
        )
    except IntegrityError as error:
        raise _ConcurrentInsert from error


def _insert_pages(session: Session, document_id: int, parsed: ParsedDocument) -> None:
    if parsed.pages:
        session.connection().execute(  # Core executemany: no ORM overhead
            insert(PageRow),
            [
                {"document_id": document_id, "number": p.number, "start": p.start, "end": p.end}
                for p in parsed.pages
            ],
        )


def _insert_blocks(session: Session, document_id: int, parsed: ParsedDocument) -> None:
    if parsed.blocks:
        session.connection().execute(  # Core executemany: no ORM overhead
            insert(BlockRow),
            [
                {
                    "document_id": document_id,
                    "ordinal": ordinal,
                    "kind": str(block.kind),
                    "page": block.page,
                    "start": block.start,
                    "end": block.end,
                    "text": parsed.block_text(block),
                }
                for ordinal, block in enumerate(parsed.blocks)
            ],
        )


def _add_source(session: Session, document_id: int, doc: Document, seen: datetime) -> None:
    provenance = doc.provenance
    row = {
        "document_id": document_id,
        "source": provenance.source,
        "url": provenance.url,
        "size": provenance.size,
        "mtime": provenance.mtime,
        "first_seen": seen,
        "last_seen": seen,
    }
    try:
        session.connection().execute(insert(SourceRow), [row])
    except IntegrityError as error:
        raise _ConcurrentInsert from error


def _refresh_source(row: SourceRow, doc: Document, seen: datetime) -> None:
    """Same file seen again: remember its current stat so the next run can skip it."""
    provenance = doc.provenance
    row.last_seen = max(row.last_seen, seen)
    row.size = provenance.size
    row.mtime = provenance.mtime
    if provenance.url is not None:
        row.url = provenance.url


def _find_document(session: Session, sha256: str) -> int | None:
    return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))


def _text_of(session: Session, document_id: int) -> str:
    text_of = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
    if text_of is None:
        raise KeyError(f"no document with id {document_id}")
    return text_of


def _save(
    session: Session,
    doc: Document,
    facts: Facts | None,
    collected: bool,
    with_new: Callable[[Session, int], object] | None,
) -> SaveOutcome:
    outcome, document_id = _save_document(session, doc, collected)
    if with_new is not None and outcome == "new":
        with_new(session, document_id)
    # Facts last: counting the council locks its site's tally row until the commit, and
    # concurrent writers on PostgreSQL publishing on the same site queue on that row.
    if facts is not None and outcome == "new":
        # nothing to replace: one write, not three; its one source's URL places it
        insert_facts(session, document_id, facts, site_of(doc.provenance.url))
    elif facts is not None:
        replace_facts(session, document_id, facts)
    elif outcome != "new":  # a URL seen for a stored document can move it to another site
        untally(session, document_id)
        retally(session, document_id)
    return outcome


def _save_document(session: Session, doc: Document, collected: bool) -> tuple[SaveOutcome, int]:
    provenance = doc.provenance
    seen = _utc(provenance.ingested_at)
    document_id = _find_document(session, provenance.sha256)
    if document_id is None:
        document_id = _insert_document(session, doc, datetime.now(UTC), collected=collected)
        _insert_pages(session, document_id, doc.parsed)
        _insert_blocks(session, document_id, doc.parsed)
        _add_source(session, document_id, doc, seen)
        return "new", document_id
    if collected:  # found at a public source: public whatever any upload's status
        session.execute(
            update(DocumentRow).where(DocumentRow.id == document_id).values(collected=True)
        )
    source = session.scalar(
        select(SourceRow).where(
            SourceRow.document_id == document_id, SourceRow.source == provenance.source
        )
    )
    if source is None:
        _add_source(session, document_id, doc, seen)
        return "duplicate", document_id
    _refresh_source(source, doc, seen)
    return "unchanged", document_id


class Store:
    """The system of record. Open with ``Store.open(url)``; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and bring the schema to the newest migration."""
        store = cls(make_engine(url))
        try:
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @cached_property
    def _public_block_filter(self) -> str:
        """The visibility rule as SQL on a search's ``b.document_id``, compiled once: compiling
        it cost ≈ 8 ms, five times a selective search."""
        return is_public_sql(self._engine.dialect, "b.document_id")

    @property
    def engine(self) -> Engine:
        """For later stages' own queries and for tests; prefer the methods here."""
        return self._engine

    def _migrate(self) -> None:
        with self._engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                if self.dialect == "postgresql":
                    # Two processes opening a new database at once must not both create tables.
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                    )
                upgrade_to_head(connection)

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A session whose single transaction commits on success and rolls back on any error."""
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            session.connection(execution_options={_WRITE: True})
            yield session

    def unchanged_sources(self, stats: Mapping[str, tuple[int, float | None]]) -> set[str]:
        """The paths, of ``stats`` ({path: (size, mtime)}), last ingested with the same size and
        mtime, so they can be skipped. One query per 500 paths: checking a batch path by path
        cost the writer ≈ 0.5 ms a file before any parsing started.

        Only the most recent record for a path counts (the file may have held other content
        before). Without an mtime (a URL, say) nothing can be vouched for, so it is re-read.
        """
        wanted = [path for path, (_size, mtime) in stats.items() if mtime is not None]
        latest: dict[str, tuple[int, float | None]] = {}
        with Session(self._engine) as session:
            for chunk in in_chunks(wanted):
                rows = session.execute(
                    select(SourceRow.source, SourceRow.size, SourceRow.mtime)
                    .where(SourceRow.source.in_(chunk))
                    .order_by(SourceRow.last_seen, SourceRow.id)  # the latest comes last
                )
                latest.update((row.source, (row.size, row.mtime)) for row in rows)
        return {path for path in wanted if latest.get(path) == stats[path]}

    def save_document(
        self,
        doc: Document,
        facts: Facts | None = None,
        *,
        collected: bool = True,
        with_new: Callable[[Session, int], object] | None = None,
    ) -> SaveOutcome:
        """Record a parsed document, where it came from and (optionally) its extracted facts,
        all or nothing: one transaction, so a failure leaves no partial rows.

        ``collected`` says the file came from a public source (``prodplans ingest``), which
        puts the document on the public record; an upload passes False, so new content stays
        private until an upload of it is published (``store.visibility``).

        ``"new"``: first time this content is seen. ``"duplicate"``: the content was already
        stored (from another path); this path is added as a source. ``"unchanged"``: this path
        with this content was already recorded; only last_seen and the stat are refreshed.
        Given ``facts``, the document's machine facts are replaced by them in every case.
        ``with_new(session, document_id)`` writes more of a new document in the same
        transaction (the ingest writer: its coding, made in the workers).
        """
        check_offsets(doc.parsed)
        if facts is not None:
            check_fact_offsets(facts, len(doc.parsed.text))
        try:
            with self._writing() as session:
                return _save(session, doc, facts, collected, with_new)
        except _ConcurrentInsert:
            pass
        with self._writing() as session:
            try:
                return _save(session, doc, facts, collected, with_new)
            except _ConcurrentInsert as again:
                raise again.__cause__ or again from None

    def save_facts(self, document_id: int, facts: Facts) -> None:
        """Replace one stored document's machine facts (a re-extraction), in one transaction."""
        with self._writing() as session:
            check_fact_offsets(facts, len(_text_of(session, document_id)))
            replace_facts(session, document_id, facts)

    def unsettled_site_documents(self, sites: Collection[str] | None = None) -> list[SiteDocument]:
        """Documents on ``sites`` (every site when None) whose council is unknown or was
        inferred from their site: those the site pass may change
        (``facts.unsettled_site_documents``)."""
        with Session(self._engine) as session:
            return unsettled_site_documents(session, sites)

    def site_tally(self, sites: Collection[str]) -> dict[str, list[SiteCount]]:
        """The councils that documents on each of ``sites`` name from their own evidence, with
        how many name each (``store.site_tally``)."""
        with Session(self._engine) as session:
            return site_tally(session, sites)

    def rebuild_site_tally(self) -> None:
        """Place every document on its site again and recount the sites' tallies."""
        with self._writing() as session:
            rebuild_site_tally(session)

    def set_councils(self, councils: dict[int, CouncilMatch | None]) -> None:
        """Set the council of several documents' machine facts, all in one transaction."""
        with self._writing() as session:
            for document_id, council in councils.items():
                set_council(session, document_id, council)

    def text(self, document_id: int) -> str:
        with Session(self._engine) as session:
            return _text_of(session, document_id)

    def texts(self) -> Iterator[StoredText]:
        """Every document with text, for re-extraction: id, text, title and a published URL."""
        url_of = (
            select(SourceRow.url)
            .where(SourceRow.document_id == DocumentRow.id, SourceRow.url.is_not(None))
            .order_by(SourceRow.id)
            .limit(1)
            .scalar_subquery()
        )
        with Session(self._engine) as session:
            ids = session.scalars(
                select(DocumentRow.id).where(DocumentRow.status == "ok").order_by(DocumentRow.id)
            ).all()
            for document_id in ids:
                row = session.execute(
                    select(DocumentRow.text, DocumentRow.title, url_of.label("url")).where(
                        DocumentRow.id == document_id
                    )
                ).one()
                yield StoredText(document_id, row.text, row.title, row.url)

    def facts(self, council: str | None = None, *, public_only: bool = True) -> list[StoredFacts]:
        """Stored extraction facts, for every document or one council's (GSS code). Only public
        documents' unless ``public_only`` is False: a draft adds no facts to the public record.
        """
        with Session(self._engine) as session:
            return load_facts(session, council, public_only=public_only)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        marks: Marks | None = None,
        council: str | None = None,
        document_ids: Collection[int] | None = None,
        public_only: bool = True,
    ) -> list[SearchHit]:
        """Blocks matching every word of ``query``, best first, with highlighted snippets:
        the ``limit`` hits after the first ``offset``.

        Any string is accepted; one with no searchable words returns no hits. ``council`` (a
        GSS code) keeps only documents the extract stage attributed to that council,
        ``document_ids`` only those documents. Private drafts are never searched unless
        ``public_only`` is False. On PostgreSQL a query matching more than ``PG_CANDIDATES``
        blocks is ranked among its first ``PG_CANDIDATES`` matches (``store/search.py``).
        """
        return self.search_page(
            query,
            limit=limit,
            offset=offset,
            marks=marks,
            council=council,
            document_ids=document_ids,
            public_only=public_only,
        ).hits

    def search_page(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        marks: Marks | None = None,
        council: str | None = None,
        document_ids: Collection[int] | None = None,
        public_only: bool = True,
        cap: int = COUNT_CAP,
    ) -> SearchPage:
        """:meth:`search`'s page, with the total :meth:`count_matches` would give (up to
        ``cap``) when the search told it for free: a page shorter than asked ends the matches,
        and a ranking window that was not full, or held more than ``cap`` matches, counted
        them. A broad query on PostgreSQL needs no count statement."""
        terms = query_terms(query)
        if not terms:
            return SearchPage([], SearchTotal(0))
        if limit <= 0 or offset < 0:
            return SearchPage([], None)
        marks = marks or Marks()
        filters = self._search_filters(council, document_ids, public_only)
        with self._engine.connect() as connection:
            ranked, kept, whole = self._ranked(connection, terms, filters, limit, offset)
            rows = {}
            if ranked:
                statement, params = hits_statement(self.dialect, terms, list(ranked), marks)
                rows = {r["block_id"]: r for r in connection.execute(statement, params).mappings()}
        hits = [
            SearchHit(
                block_id=block_id,
                document_id=row["document_id"],
                title=row["title"],
                source=row["source"],
                page=row["page"],
                kind=row["kind"],
                text=row["text"],
                snippet=finish_snippet(self.dialect, row["snippet"], marks),
                score=score,
                council_gss=row["council_gss"],
                council=council_name(row["council_gss"]),
            )
            for block_id, score in ranked.items()
            if (row := rows.get(block_id)) is not None  # deleted between the two reads
        ]
        if len(hits) < limit and (hits or offset == 0):
            kept, whole = offset + len(hits), True  # a short page: no match is left after it
        if whole or kept > cap:
            return SearchPage(hits, SearchTotal(min(kept, cap), more=kept > cap))
        return SearchPage(hits, None)

    def count_matches(
        self,
        query: str,
        *,
        cap: int = COUNT_CAP,
        council: str | None = None,
        document_ids: Collection[int] | None = None,
        public_only: bool = True,
    ) -> SearchTotal:
        """How many blocks :meth:`search` would find for the same arguments, counted no
        further than ``cap``: an exact total of a broad query costs as much as ranking it."""
        terms = query_terms(query)
        if not terms:
            return SearchTotal(0)
        filters = self._search_filters(council, document_ids, public_only)
        window: int | None = cap + 1
        with self._engine.connect() as connection:
            while True:
                statement, params = count_statement(self.dialect, terms, filters, window=window)
                found, window_rows = connection.execute(statement, params).one()
                if found > cap or window is None or window_rows < window:
                    break
                # Drafts took places in a full window (PostgreSQL): count further.
                window = self._wider(window, found)
        return SearchTotal(cap, more=True) if found > cap else SearchTotal(found)

    def _search_filters(
        self, council: str | None, document_ids: Collection[int] | None, public_only: bool
    ) -> SearchFilters:
        return SearchFilters(
            council=council,
            document_ids=tuple(sorted(document_ids)) if document_ids is not None else None,
            public=self._public_block_filter if public_only else None,
        )

    def _ranked(
        self,
        connection: Connection,
        terms: list[tuple[str, ...]],
        filters: SearchFilters,
        limit: int,
        offset: int,
    ) -> tuple[dict[int, float], int, bool]:
        """Block id → score for one page, best first; how many matches in the window passed
        the filters, and whether the window held every match. The visibility rule (and on
        SQLite the council filter) looks at a window of matches, widened while it was full and
        left the page short: on SQLite the best matches by ``bm25``, on PostgreSQL the first
        ``PG_CANDIDATES`` matches, ranked with ``ts_rank`` (``store/search.py``)."""
        postgres = self.dialect == "postgresql"
        window: int | None = PG_CANDIDATES if postgres else max(FIRST_WINDOW, 2 * (offset + limit))
        while True:
            statement, params = ranked_statement(
                self.dialect, terms, filters, limit=limit, offset=offset, window=window
            )
            rows = connection.execute(statement, params).all()
            if window is None or len(rows) == limit:
                break
            if rows and rows[0].window_rows < window:
                break  # the window held every match
            window = self._wider(window, len(rows))
        scores = {row.block_id: float(row.score) for row in rows}
        if not rows:  # past the last match, or none at all: the page says which
            return scores, 0, False
        return scores, rows[0].kept_rows, window is None or rows[0].window_rows < window

    @staticmethod
    def _wider(window: int, kept: int) -> int | None:
        """The window after a full one that left too few matches: four times wider, or
        (nothing kept at all) every match (None)."""
        return window * 4 if kept else None

    def stats(self) -> StoreStats:
        """Counts for a status line: how much is stored and how much of it has no text."""
        with Session(self._engine) as session:

            def count(model: type[Any]) -> int:
                return session.scalar(select(func.count()).select_from(model)) or 0

            by_media_type = session.execute(
                select(DocumentRow.media_type, func.count())
                .group_by(DocumentRow.media_type)
                .order_by(DocumentRow.media_type)
            ).all()
            no_text_layer = session.scalar(
                select(func.count()).where(DocumentRow.status == "no_text_layer")
            )
            with_text = session.scalar(select(func.count()).where(DocumentRow.status == "ok"))
            coded = session.scalar(
                select(func.count())
                .select_from(CodedDocumentRow)
                .join(DocumentRow, DocumentRow.id == CodedDocumentRow.document_id)
                .where(DocumentRow.status == "ok")
            )
            return StoreStats(
                documents=count(DocumentRow),
                sources=count(SourceRow),
                pages=count(PageRow),
                blocks=count(BlockRow),
                by_media_type={media_type: n for media_type, n in by_media_type},
                no_text_layer=no_text_layer or 0,
                coded_documents=coded or 0,
                uncoded_documents=(with_text or 0) - (coded or 0),
            )

    def documents(
        self, *, public_only: bool = True, ids: Collection[int] | None = None
    ) -> list[DocumentSummary]:
        """Every public document (every document, private drafts too, unless ``public_only``),
        or those of ``ids``, oldest first, with its first source and counts for a listing."""
        of_document = SourceRow.document_id == DocumentRow.id
        first_source = (
            select(SourceRow.source).where(of_document).order_by(SourceRow.id).limit(1)
        ).scalar_subquery()
        source_count = select(func.count(SourceRow.id)).where(of_document).scalar_subquery()
        last_seen = select(func.max(SourceRow.last_seen)).where(of_document).scalar_subquery()
        block_count = (
            select(func.count(BlockRow.id))
            .where(BlockRow.document_id == DocumentRow.id)
            .scalar_subquery()
        )
        statement = select(
            DocumentRow.id,
            DocumentRow.sha256,
            DocumentRow.title,
            DocumentRow.media_type,
            DocumentRow.status,
            DocumentRow.page_count,
            DocumentRow.chars,
            block_count.label("block_count"),
            first_source.label("source"),
            source_count.label("source_count"),
            DocumentRow.created_at,
            last_seen.label("last_seen"),
        ).order_by(DocumentRow.created_at, DocumentRow.id)
        if public_only:
            statement = statement.where(is_public(DocumentRow.id))
        if ids is not None:
            statement = statement.where(DocumentRow.id.in_(list(ids)))
        with Session(self._engine) as session:
            rows = session.execute(statement).all()
        return [DocumentSummary(**row._asdict()) for row in rows]
