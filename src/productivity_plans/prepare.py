"""The pure part of the pipeline: parse a file, or a pool task's files, and extract their facts.

It runs in worker processes, so this module imports only the ingest stage, and the extract
stage when it first extracts (never the store or the coding models, which would cost each
worker seconds to import). Readying the extract stage (importing it, building the council
matcher and compiling the rules) costs ≈ 0.15 s of CPU: the pool's forkserver does it once for
a batch that extracts (``pipeline._pool_context``), and a process without one pays it on its
first document, counted as extraction's. Either way the ingest benchmark's run without
extraction does not pay it.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from productivity_plans.config import Limits
from productivity_plans.ingest import read_document
from productivity_plans.ingest.errors import IngestError
from productivity_plans.ingest.records import Document

if TYPE_CHECKING:
    from productivity_plans.extract import Facts


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a worker hands back: a parsed document and its facts, or the named error, with the
    CPU seconds parsing and extraction took (the ingest report's split by stage)."""

    document: Document | None = None
    facts: Facts | None = None
    error: IngestError | None = None
    parse_cpu: float = 0.0
    extract_cpu: float = 0.0
    extract_error: str | None = None  # extraction failed on this text: stored without facts


# The writer (the ingesting process, which stores every file) is the pipeline's bottleneck.
# At equal priority on 2 cores, with both workers runnable, the scheduler gives it about 2/3
# of a core, and what the workers gain only fills the window of files it has not stored yet.
# Niced, they run in the time the writer leaves (docs/ingest.md has the figures).
WORKER_NICENESS = 10


def lower_priority() -> None:
    """Pool initializer: make a worker yield the CPU to the writer (and to anything else on the
    machine, such as the web app) whenever both want it."""
    # No nice() on this platform, or not allowed: run at the writer's priority.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)


def prepare(path: Path, url: str | None, limits: Limits, extract: bool) -> Prepared:
    """Parse and extract one file: runs in a worker process, so it must not touch the store."""
    return prepare_batch([(path, url)], limits, extract)[0]


def prepare_batch(
    items: list[tuple[Path, str | None]], limits: Limits, extract: bool
) -> list[Prepared]:
    """Parse every file, then extract from each: one stage at a time keeps its code and data
    in the CPU caches (see pipeline._BATCH_FILES)."""
    parsed = [_parse(path, url, limits) for path, url in items]
    if not extract:
        return parsed
    return [_extract(prepared, url) for prepared, (_path, url) in zip(parsed, items, strict=True)]


def _parse(path: Path, url: str | None, limits: Limits) -> Prepared:
    started = time.process_time()
    try:
        document = read_document(path, url=url, limits=limits)
    except IngestError as exc:
        return Prepared(error=exc, parse_cpu=time.process_time() - started)
    return Prepared(document=document, parse_cpu=time.process_time() - started)


def _extract(prepared: Prepared, url: str | None) -> Prepared:
    document = prepared.document
    if document is None or not document.parsed.has_text:
        return prepared
    started = time.process_time()
    facts = extract_or_error(document.parsed.text, url, document.parsed.title)
    cpu = time.process_time() - started
    if isinstance(facts, str):
        return Prepared(
            document=document, parse_cpu=prepared.parse_cpu, extract_cpu=cpu, extract_error=facts
        )
    return Prepared(document=document, facts=facts, parse_cpu=prepared.parse_cpu, extract_cpu=cpu)


def extract_or_error(text: str, url: str | None, title: str | None) -> Facts | str:
    """The text's facts, or the error the extractor raised on it, named ("ValueError: …"): a
    bug meeting an unusual text must not stop a batch or a re-extraction."""
    from productivity_plans.extract import extract_facts  # see the module docstring

    try:
        return extract_facts(text, url=url, title=title)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
