"""What the pages and the API show, gathered from library functions. No analysis happens here.

The web layer needs, per document, the council it belongs to and its document type. Those are
the extract stage's facts. Until the store keeps them (another branch adds ``Store.facts()``),
they are obtained by calling the extract stage on the stored text, once per document per
process; when ``Store.facts`` exists it is used instead and nothing is recomputed.

Everything here is the public record: the store's public read paths leave private drafts out
(``store.visibility``), and a document's council follows the ownership rule of
``store.ownership`` (a published upload's statement; never a draft's). Officers see their drafts
on "My uploads" and the document page, which ask the store directly.

Slots for later stages (governance trail, coded passages) are looked up the same way: a page
shows a section when the library function exists and says "not yet available" when it does not.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam, text

from productivity_plans.councils import Council, Register, load_register
from productivity_plans.extract import extract_facts
from productivity_plans.framework import Framework, load_framework
from productivity_plans.sector.compliance import CouncilGovernance, assess
from productivity_plans.store import codes, ownership, workspace
from productivity_plans.store.codes import EffectivePassage
from productivity_plans.store.db import DocumentSummary, Store
from productivity_plans.store.facts import StoredFacts
from productivity_plans.store.models import in_chunks
from productivity_plans.store.reading import document_texts
from productivity_plans.store.vectors import SemanticIndex
from productivity_plans.web.public_form import display_title, is_site_furniture, public_source
from productivity_plans.web.search_cache import SearchCache

_T = TypeVar("_T")
GENERATION_TTL = 1.0  # seconds a data fingerprint is trusted before it is checked again
CACHE_ENTRIES = 2048
# One query; each part reads an index or a table's rowid bound, so it stays cheap at scale.
GENERATION_SQL = """
SELECT (SELECT count(*) FROM documents), (SELECT max(id) FROM documents),
       (SELECT count(*) FROM facts), (SELECT max(id) FROM uploads),
       (SELECT max(id) FROM audit_log),
       (SELECT count(*) FROM coded_documents), (SELECT max(id) FROM machine_codes),
       (SELECT max(id) FROM human_codes), (SELECT max(id) FROM passages),
       (SELECT count(*) FROM recorded_steps), (SELECT max(id) FROM recorded_steps)
"""
# Headings looked at, per document, for a title when the stored one is site furniture.
TITLE_HEADINGS = 5
# Code types that say what a passage is about (kind, requirement vs council, is not one).
CONTENT_CODES = frozenset({"heading", "question", "barrier", "measure", "initiative"})

COUNCIL_TYPE_NAMES = {
    "non_metropolitan_district": "District",
    "unitary": "Unitary",
    "metropolitan_district": "Metropolitan district",
    "london_borough": "London borough",
    "city_corporation": "City corporation",
    "county": "County",
}


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """The facts a listing needs about one document. None where nothing was found."""

    council_gss: str | None
    council_source: str | None  # "upload" (an officer said so) or "extracted" (the machine)
    doc_type: str | None
    # Other councils that published an upload of the same content: it is listed for them too.
    shared_with: frozenset[str] = frozenset()

    def belongs_to(self, council_gss: str) -> bool:
        return council_gss == self.council_gss or council_gss in self.shared_with


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    summary: DocumentSummary
    facts: DocumentFacts
    council: Council | None


@dataclass(frozen=True, slots=True)
class Overview:
    documents: int
    pages: int
    blocks: int
    no_text_layer: int
    councils_in_scope: int
    councils_covered: int
    by_doc_type: dict[str, int]
    by_media_type: dict[str, int]
    by_council_type: dict[str, tuple[int, int]]  # type → (covered, in scope)


@dataclass(frozen=True, slots=True)
class CouncilEntry:
    council: Council
    documents: int


class Catalogue:
    """One per app. Thread-safe; cheap to call per request once facts are cached."""

    def __init__(self, store: Store, *, framework: Framework | None = None) -> None:
        self.store = store
        self.framework = framework or load_framework()
        self._facts: dict[int, tuple[str | None, str | None]] = {}
        self._lock = threading.Lock()
        self._generation: tuple[int, ...] | None = None
        self._generation_at = 0.0
        self._reading_generation = threading.Lock()  # one fingerprint query at a time
        self._invalidations = 0  # a fingerprint read before a write must not outlive it
        self._cache: dict[Hashable, tuple[tuple[int, ...], Any]] = {}
        self._computing: dict[Hashable, threading.Lock] = {}  # one computation per key
        self.semantic = SemanticIndex(store)
        self.search_results = SearchCache(self.generation)

    @cached_property
    def register(self) -> Register:
        return load_register()

    @property
    def scope_date(self) -> date:
        """Councils in force on the submission deadline are the ones asked for a plan."""
        return self.framework.deadline

    def councils_in_scope(self) -> list[Council]:
        """Every English council asked for a plan (317 for the 2024 regime), by name."""
        councils = self.register.in_force(self.scope_date, nation="England")
        return sorted(councils, key=lambda c: c.nice_name.lower())

    def council(self, gss_code: str) -> Council | None:
        council = self.register.by_gss(gss_code)
        return council if council and council.in_force(self.scope_date) else None

    def doc_type_label(self, doc_type: str | None) -> str:
        if doc_type is None:
            return "Not identified"
        for choice in self.framework.document_types:
            if choice.id == doc_type:
                return choice.id.replace("_", " ").capitalize()
        return doc_type

    # Facts per document ---------------------------------------------------------------

    def _extracted(self) -> dict[int, tuple[str | None, str | None]]:
        """Document id → (council GSS, doc type) from the extract stage."""
        stored_facts: Callable[[], list[Any]] | None = getattr(self.store, "facts", None)
        if stored_facts is not None:
            return {
                item.document_id: (item.facts.council_code, item.facts.doc_type)
                for item in stored_facts()
            }
        with self._lock:
            known = set(self._facts)
            for document_id, text, title, url in document_texts(self.store):
                if document_id in known:
                    continue
                facts = extract_facts(text, url=url, title=title)
                self._facts[document_id] = (facts.council_code, facts.doc_type)
            return dict(self._facts)

    def summaries(self) -> list[DocumentSummary]:
        """Every public document in its public form (see :func:`public_summaries`)."""
        return self._cached("summaries", lambda: public_summaries(self.store))

    def document_facts(self) -> dict[int, DocumentFacts]:
        return self._cached("document_facts", self._document_facts)

    def _document_facts(self) -> dict[int, DocumentFacts]:
        extracted = self._extracted()
        stated = ownership.stated_councils(self.store)
        links = ownership.published_links(self.store)
        result: dict[int, DocumentFacts] = {}
        for document in self.summaries():
            council, doc_type = extracted.get(document.id, (None, None))
            source = "extracted" if council else None
            if document.id in stated:
                statement = stated[document.id]
                council, source = statement.council_gss, "upload"
                doc_type = statement.doc_type or doc_type
            shared = links.get(document.id, frozenset()) - {council}
            result[document.id] = DocumentFacts(council, source, doc_type, shared)
        return result

    def documents(self, *, council_gss: str | None = None) -> list[DocumentEntry]:
        return self._cached(("documents", council_gss), lambda: self._documents(council_gss))

    def _documents(self, council_gss: str | None) -> list[DocumentEntry]:
        facts = self.document_facts()
        entries = []
        for summary in self.summaries():
            fact = facts.get(summary.id, DocumentFacts(None, None, None))
            if council_gss is not None and not fact.belongs_to(council_gss):
                continue
            council = self.register.by_gss(fact.council_gss) if fact.council_gss else None
            entries.append(DocumentEntry(summary, fact, council))
        return entries

    def document(self, document_id: int) -> DocumentEntry | None:
        """A public document's entry; None for an unknown id or a private draft."""
        by_id = self._cached("documents_by_id", lambda: {e.summary.id: e for e in self.documents()})
        return by_id.get(document_id)

    def document_title(self, document_id: int) -> str:
        """A public document's title in its public form (search hits carry the stored one)."""
        entry = self.document(document_id)
        return (entry.summary.title if entry else None) or f"Document {document_id}"

    def draft_entry(self, document_id: int) -> DocumentEntry | None:
        """A private draft's entry, for the few who may see it (the caller checks who): its
        council and type as the earliest upload stated them. Never cached: it is no one's
        public view."""
        summaries = public_summaries(self.store, public_only=False, ids=[document_id])
        uploads = ownership.document_uploads(self.store, document_id)
        if not summaries or not uploads:
            return None
        first = uploads[-1]  # newest first
        with self.store.engine.connect() as connection:
            extracted = connection.execute(
                text("SELECT doc_type FROM facts WHERE document_id = :d"), {"d": document_id}
            ).scalar()
        facts = DocumentFacts(first.council_gss, "upload", first.doc_type or extracted)
        return DocumentEntry(summaries[0], facts, self.register.by_gss(first.council_gss))

    def workspace_documents(self, council_gss: str) -> list[DocumentEntry]:
        """A council's documents as its own officers see them: its public documents and its
        private drafts (never cached, like a draft's entry)."""
        entries = self.documents(council_gss=council_gss)
        listed = {e.summary.id for e in entries}
        for upload in ownership.council_uploads(self.store, council_gss):
            if upload.public or upload.document_id in listed:
                continue
            draft = self.draft_entry(upload.document_id)
            if draft is not None:
                entries.append(draft)
                listed.add(upload.document_id)
        return entries

    def workspace_document(self, council_gss: str, document_id: int) -> DocumentEntry | None:
        """One of :meth:`workspace_documents`."""
        entry = self.document(document_id)
        if entry is None:
            entry = self.draft_entry(document_id)
        if entry is None or entry.facts.council_gss != council_gss:
            return None
        return entry

    # Sector -----------------------------------------------------------------------------

    def councils(
        self,
        *,
        type: str | None = None,
        region: str | None = None,
        with_documents: bool | None = None,
    ) -> list[CouncilEntry]:
        counts = self._cached(
            "council_counts",
            lambda: Counter(
                gss
                for f in self.document_facts().values()
                for gss in {f.council_gss, *f.shared_with}
                if gss is not None
            ),
        )
        entries = []
        for council in self.councils_in_scope():
            if type and council.type != type:
                continue
            if region and council.region.lower() != region.lower():
                continue
            n = counts.get(council.gss_code, 0)
            if with_documents is not None and (n > 0) != with_documents:
                continue
            entries.append(CouncilEntry(council, n))
        return entries

    def councils_with_documents(self) -> list[Council]:
        """Councils some public document is attributed to, by name (the search filter's
        choices)."""

        def compute() -> list[Council]:
            codes = {f.council_gss for f in self.document_facts().values() if f.council_gss}
            found = {c.gss_code: c for g in codes if (c := self.register.by_gss(g))}
            return sorted(found.values(), key=lambda c: c.nice_name)

        return self._cached("councils_with_documents", compute)

    def regions(self) -> list[str]:
        return sorted({c.region for c in self.councils_in_scope() if c.region})

    def council_types(self) -> list[str]:
        present = {c.type for c in self.councils_in_scope()}
        return [t for t in COUNCIL_TYPE_NAMES if t in present]

    def overview(self) -> Overview:
        return self._cached("overview", self._overview)

    def _overview(self) -> Overview:
        """Counts of the public record (the store's own stats count private drafts too)."""
        summaries = self.summaries()
        facts = self.document_facts()
        in_scope = self.councils_in_scope()
        scope_codes = {c.gss_code for c in in_scope}
        covered = {f.council_gss for f in facts.values() if f.council_gss in scope_codes}
        by_type: dict[str, tuple[int, int]] = {}
        for council_type in self.council_types():
            of_type = [c for c in in_scope if c.type == council_type]
            by_type[council_type] = (
                sum(c.gss_code in covered for c in of_type),
                len(of_type),
            )
        doc_types = Counter(f.doc_type or "unknown" for f in facts.values())
        return Overview(
            documents=len(summaries),
            pages=sum(s.page_count for s in summaries),
            blocks=sum(s.block_count for s in summaries),
            no_text_layer=sum(s.status == "no_text_layer" for s in summaries),
            councils_in_scope=len(in_scope),
            councils_covered=len(covered),
            by_doc_type=dict(sorted(doc_types.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_media_type=dict(sorted(Counter(s.media_type for s in summaries).items())),
            by_council_type=by_type,
        )

    # Caching per data generation ------------------------------------------------------

    def generation(self) -> tuple[int, ...]:
        """A cheap fingerprint of what pages derive from (documents, facts, uploads, codes and
        decisions): checked at most once a second; any write changes it.

        One request reads it when it is due; requests arriving meanwhile keep the last one
        rather than each running the query too (≈ 80 ms on a 100,000-document archive, where
        every request of the second that found it stale used to run it: most of search's p95
        at 20 clients, docs/scale.md). After a write in this process (``invalidate``) there is
        no last one: they wait for the read."""
        with self._lock:
            known, at = self._generation, self._generation_at
        if known is not None and time.monotonic() - at < GENERATION_TTL:
            return known
        if known is not None and not self._reading_generation.acquire(blocking=False):
            return known  # another request is reading it now
        if known is None:
            self._reading_generation.acquire()
        try:
            with self._lock:
                known, at, invalidations = (
                    self._generation,
                    self._generation_at,
                    self._invalidations,
                )
            if known is not None and time.monotonic() - at < GENERATION_TTL:
                return known  # read by the request this one waited for
            now = time.monotonic()
            with self.store.engine.connect() as connection:
                row = connection.execute(text(GENERATION_SQL)).one()
            generation = tuple(int(v or 0) for v in row)
            with self._lock:
                if self._invalidations == invalidations:
                    self._generation, self._generation_at = generation, now
            return generation
        finally:
            self._reading_generation.release()

    def invalidate(self) -> None:
        """After a write in this process: forget cached views at once."""
        with self._lock:
            self._generation = None
            self._invalidations += 1
            self._cache.clear()
        self.search_results.clear()
        self.semantic.invalidate()

    def _cached(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """``compute()`` once per data generation and key. Concurrent requests that find it
        stale wait for one computation rather than each running their own: during an ingest
        the generation moves every second, and twenty requests each recomputing the document
        facts starved the whole server."""
        generation = self.generation()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == generation:
                return cast(_T, hit[1])
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None and hit[0] == generation:
                    return cast(_T, hit[1])  # another request computed it meanwhile
            value = compute()
            with self._lock:
                if len(self._cache) > CACHE_ENTRIES:
                    self._cache.clear()
                self._cache[key] = (generation, value)
            return value

    # Governance and compliance (sector.compliance) -------------------------------------

    def stored_facts(self) -> dict[int, StoredFacts]:
        return self._cached("stored_facts", lambda: {s.document_id: s for s in self.store.facts()})

    def governance(self, council: Council) -> CouncilGovernance:
        """The council's trail and requirement statuses from its public documents' stored facts
        and the steps it recorded. The documents are the ones of the council by the ownership
        rule: a copy another council also published is listed for both, but its facts count for
        its own council only."""

        def compute() -> CouncilGovernance:
            facts = self.stored_facts()
            ids = [
                e.summary.id
                for e in self.documents(council_gss=council.gss_code)
                if e.facts.council_gss == council.gss_code
            ]
            recorded = workspace.recorded_steps(self.store, council.gss_code)
            return assess(council, [facts[i] for i in ids if i in facts], self.framework, recorded)

        return self._cached(("governance", council.gss_code), compute)

    def compliance(
        self, *, type: str | None = None, region: str | None = None, status: str | None = None
    ) -> list[CouncilGovernance]:
        """Every council in scope with its requirement statuses, filtered; a council is kept by
        ``status`` when any requirement has it."""
        everyone = self._cached(
            "compliance", lambda: [self.governance(c) for c in self.councils_in_scope()]
        )
        return [
            g
            for g in everyone
            if (not type or g.council.type == type)
            and (not region or g.council.region.lower() == region.lower())
            and (not status or any(c.status == status for c in g.claims))
        ]

    # Coded passages (store.codes) --------------------------------------------------------

    def document_passages(self, document_id: int) -> list[EffectivePassage]:
        """A document's current passages with effective codes (human decisions win)."""
        return self._cached(
            ("passages", document_id),
            lambda: codes.effective_passages(
                self.store, document_ids=[document_id], include_retired=False
            ),
        )

    def council_passages(self, gss_code: str) -> list[tuple[DocumentEntry, EffectivePassage]]:
        """Every current passage of the council's documents in the council's own words (not a
        restatement of what government asked) that carries a code, in document order."""

        def compute() -> list[tuple[DocumentEntry, EffectivePassage]]:
            entries = self.documents(council_gss=gss_code)
            # A shared copy of another council's document is listed, but its words are not ours.
            by_id = {e.summary.id: e for e in entries if e.facts.council_gss == gss_code}
            found = codes.effective_passages(
                self.store, document_ids=list(by_id), include_retired=False
            )
            return [
                (by_id[p.document_id], p)
                for p in found
                if p.kind == "council" and any(c.code_type in CONTENT_CODES for c in p.codes)
            ]

        return self._cached(("council_passages", gss_code), compute)

    def similar_councils(self, council: Council) -> list[CouncilEntry]:
        """Like-for-like: councils of the same type in the same region, by name."""
        return [
            e
            for e in self.councils(type=council.type, region=council.region)
            if e.council.gss_code != council.gss_code
        ]

    def heading_title(self, heading_id: str) -> str:
        return next((h.title for h in self.framework.headings if h.id == heading_id), heading_id)

    def barrier_label(self, barrier_id: str) -> str:
        return next((b.label for b in self.framework.barriers if b.id == barrier_id), barrier_id)

    def question_text(self, question_id: str) -> str:
        return next((q.text for q in self.framework.questions if q.id == question_id), question_id)

    def document_text_find(self, document_id: int, sentence: str) -> int | None:
        """Where ``sentence`` first occurs in the stored text of a document, if it does."""
        with self.store.engine.connect() as connection:
            found = connection.execute(
                text("SELECT text FROM documents WHERE id = :d"), {"d": document_id}
            ).scalar()
        if not found:
            return None
        at = str(found).find(sentence)
        return at if at >= 0 else None


# Public form of a document ------------------------------------------------------------------


def public_summaries(
    store: Store, *, public_only: bool = True, ids: list[int] | None = None
) -> list[DocumentSummary]:
    """The store's document summaries as the public may see them: ``source`` is the URL the
    document was published at or the file's base name (never a server path) and ``title`` is
    never site furniture (``web.public_form``)."""
    summaries = store.documents(public_only=public_only, ids=ids)
    urls = published_urls(store, [s.id for s in summaries])
    untitled = [s.id for s in summaries if is_site_furniture(s.title)]
    headings = first_headings(store, untitled)
    return [
        replace(
            s,
            title=display_title(
                s.title,
                headings=headings.get(s.id, ()),
                url=urls.get(s.id),
                source=s.source,
                document_id=s.id,
            ),
            source=public_source(s.source, urls.get(s.id)),
        )
        for s in summaries
    ]


def published_urls(store: Store, document_ids: list[int]) -> dict[int, str]:
    """Document id → the URL it was first seen published at (a manifest's ``url``)."""
    if not document_ids:
        return {}
    statement = text(
        "SELECT document_id, url FROM sources WHERE url IS NOT NULL "
        "AND document_id IN :ids ORDER BY id"
    ).bindparams(bindparam("ids", expanding=True))
    found: dict[int, str] = {}
    with store.engine.connect() as connection:
        for ids in in_chunks(document_ids, IN_LIST_MAX):
            for document_id, url in connection.execute(statement, {"ids": ids}):
                found.setdefault(document_id, url)
    return found


# Ids bound into one IN list at most: PostgreSQL's protocol takes at most 65,535 parameters a
# statement and SQLite 32,766, and a national archive lists more documents than either.
IN_LIST_MAX = 10_000


def first_headings(store: Store, document_ids: list[int]) -> dict[int, list[str]]:
    """Document id → its first few heading blocks' text, in document order."""
    found: dict[int, list[str]] = {}
    if not document_ids:
        return found
    statement = text(
        "SELECT document_id, text FROM blocks WHERE kind = 'heading' "
        "AND document_id IN :ids ORDER BY document_id, start"
    ).bindparams(bindparam("ids", expanding=True))
    with store.engine.connect() as connection:
        for ids in in_chunks(document_ids, IN_LIST_MAX):
            for document_id, heading in connection.execute(statement, {"ids": ids}):
                texts = found.setdefault(document_id, [])
                if len(texts) < TITLE_HEADINGS:
                    texts.append(heading)
    return found
