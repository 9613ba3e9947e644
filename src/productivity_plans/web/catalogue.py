"""What the pages and the API show, gathered from library functions. No analysis happens here.

The web layer needs, per document, the council it belongs to and its document type. Those are
the extract stage's facts. Until the store keeps them (another branch adds ``Store.facts()``),
they are obtained by calling the extract stage on the stored text, once per document per
process; when ``Store.facts`` exists it is used instead and nothing is recomputed. An officer's
statement at upload time (``uploads``) wins over the machine's identification of the council.

Slots for later stages (governance trail, coded passages) are looked up the same way: a page
shows a section when the library function exists and says "not yet available" when it does not.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from productivity_plans.councils import Council, Register, load_register
from productivity_plans.extract import extract_facts
from productivity_plans.framework import Framework, load_framework
from productivity_plans.store import accounts
from productivity_plans.store.db import DocumentSummary, Store
from productivity_plans.store.reading import document_texts

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

    def document_facts(self) -> dict[int, DocumentFacts]:
        extracted = self._extracted()
        uploaded = accounts.upload_councils(self.store)
        result: dict[int, DocumentFacts] = {}
        for document in self.store.documents():
            council, doc_type = extracted.get(document.id, (None, None))
            if document.id in uploaded:
                result[document.id] = DocumentFacts(uploaded[document.id], "upload", doc_type)
            else:
                source = "extracted" if council else None
                result[document.id] = DocumentFacts(council, source, doc_type)
        return result

    def documents(self, *, council_gss: str | None = None) -> list[DocumentEntry]:
        facts = self.document_facts()
        entries = []
        for summary in self.store.documents():
            fact = facts.get(summary.id, DocumentFacts(None, None, None))
            if council_gss is not None and fact.council_gss != council_gss:
                continue
            council = self.register.by_gss(fact.council_gss) if fact.council_gss else None
            entries.append(DocumentEntry(summary, fact, council))
        return entries

    def document(self, document_id: int) -> DocumentEntry | None:
        return next((e for e in self.documents() if e.summary.id == document_id), None)

    # Sector -----------------------------------------------------------------------------

    def councils(
        self,
        *,
        type: str | None = None,
        region: str | None = None,
        with_documents: bool | None = None,
    ) -> list[CouncilEntry]:
        counts = Counter(
            f.council_gss for f in self.document_facts().values() if f.council_gss is not None
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

    def regions(self) -> list[str]:
        return sorted({c.region for c in self.councils_in_scope() if c.region})

    def council_types(self) -> list[str]:
        present = {c.type for c in self.councils_in_scope()}
        return [t for t in COUNCIL_TYPE_NAMES if t in present]

    def overview(self) -> Overview:
        stats = self.store.stats()
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
            documents=stats.documents,
            pages=stats.pages,
            blocks=stats.blocks,
            no_text_layer=stats.no_text_layer,
            councils_in_scope=len(in_scope),
            councils_covered=len(covered),
            by_doc_type=dict(sorted(doc_types.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_media_type=stats.by_media_type,
            by_council_type=by_type,
        )

    # Slots for stages still being built -------------------------------------------------

    def governance_trail(self, gss_code: str) -> list[Any] | None:
        """The council's governance trail, or None while the library has no such function."""
        trail: Callable[[str], list[Any]] | None = getattr(self.store, "governance_trail", None)
        return trail(gss_code) if trail is not None else None

    def coded_passages(self, gss_code: str) -> list[Any] | None:
        """The council's coded passages, or None while the library has no such function."""
        passages: Callable[..., list[Any]] | None = getattr(self.store, "coded_passages", None)
        return passages(council=gss_code) if passages is not None else None
