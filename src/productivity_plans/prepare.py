"""The pure part of the pipeline for one file: parse it and extract its facts.

It runs in worker processes, so this module imports only the ingest and extract stages (never
the store or the coding models, which would cost each worker seconds to import).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.extract import Facts, extract_facts
from productivity_plans.ingest import read_document
from productivity_plans.ingest.errors import IngestError
from productivity_plans.ingest.records import Document


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a worker hands back: a parsed document and its facts, or the named error."""

    document: Document | None = None
    facts: Facts | None = None
    error: IngestError | None = None


def prepare(path: Path, url: str | None, limits: Limits, extract: bool) -> Prepared:
    """Parse and extract one file: runs in a worker process, so it must not touch the store."""
    try:
        document = read_document(path, url=url, limits=limits)
    except IngestError as exc:
        return Prepared(error=exc)
    parsed = document.parsed
    facts = (
        extract_facts(parsed.text, url=url, title=parsed.title)
        if extract and parsed.has_text
        else None
    )
    return Prepared(document=document, facts=facts)
