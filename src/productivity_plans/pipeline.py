"""Runs the pure stages over a batch of files and hands each result to the store.

One file's failure never stops the batch, and each document is written in one transaction by the
store, so a failure leaves no partial rows. The report says what happened to every file by name.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from productivity_plans.config import Limits
from productivity_plans.extract import Facts, extract_facts
from productivity_plans.ingest import read_document
from productivity_plans.ingest.errors import IngestError
from productivity_plans.store.db import Store

Status = Literal["ingested", "duplicate", "unchanged", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: str
    status: Status
    reason: str | None = None  # error code, or a warning such as "no_text_layer"
    detail: str | None = None


@dataclass(slots=True)
class BatchReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest_files(
    items: Iterable[tuple[Path, str | None]],
    store: Store,
    *,
    limits: Limits | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    extract: bool = True,
) -> BatchReport:
    """Ingest (path, published-url) pairs. Unchanged sources are skipped without parsing.

    Each document's facts (council, type, decision, timeline) are extracted from its text and
    saved with it in the same transaction; ``extract=False`` skips that (the benchmark uses it
    to measure extraction's share of ingest time).
    """
    report = BatchReport()
    for path, url in items:
        outcome = _ingest_one(path, url, store, limits or Limits(), extract)
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return report


def _ingest_one(
    path: Path, url: str | None, store: Store, limits: Limits, extract: bool = True
) -> FileOutcome:
    name = str(path)
    try:
        stat = os.stat(path)
    except OSError as exc:
        return FileOutcome(name, "failed", "unreadable", exc.strerror or str(exc))
    if store.source_unchanged(str(path.resolve()), stat.st_size, stat.st_mtime):
        return FileOutcome(name, "skipped", None, "unchanged since the last ingest")
    try:
        document = read_document(path, url=url, limits=limits)
    except IngestError as exc:
        return FileOutcome(name, "failed", exc.code, exc.message)
    parsed = document.parsed
    facts = (
        extract_facts(parsed.text, url=url, title=parsed.title)
        if extract and parsed.has_text
        else None
    )
    saved = store.save_document(document, facts)
    warning = None if document.parsed.has_text else "no_text_layer"
    return FileOutcome(name, _STATUS_OF_SAVE[saved], warning, _WARNING_DETAIL.get(warning or ""))


def reextract(store: Store, on_document: Callable[[int], None] | None = None) -> int:
    """Run the current extractor over every stored document and replace its machine facts
    (one transaction per document). Returns how many documents were re-extracted."""
    count = 0
    for stored in store.texts():
        facts: Facts = extract_facts(stored.text, url=stored.url, title=stored.title)
        store.save_facts(stored.document_id, facts)
        count += 1
        if on_document:
            on_document(stored.document_id)
    return count


_STATUS_OF_SAVE: dict[str, Status] = {
    "new": "ingested",
    "duplicate": "duplicate",
    "unchanged": "unchanged",
}
_WARNING_DETAIL = {"no_text_layer": "stored without text: no text layer (scanned without OCR?)"}
