"""The stable JSON contract printed by ``prodplans inspect --json``: one object per file.

Keys and types are fixed; later stages fill the analysis fields. Every field is always present
(null or empty when unknown), so consumers never need to test for a missing key.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from productivity_plans.coding import code_document
from productivity_plans.coding.records import DocumentCodes
from productivity_plans.config import Limits
from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import SiteDocument, infer_site_councils
from productivity_plans.extract import Facts, extract_facts
from productivity_plans.ingest import read_document
from productivity_plans.ingest.errors import IngestError
from productivity_plans.ingest.files import readable


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Out):
    text: str
    page: int
    start: int
    end: int
    confidence: float


class CouncilOut(_Out):
    name: str | None = None
    code: str | None = None  # GSS code, e.g. E07000033
    type: str | None = None


class DecisionOut(_Out):
    body: str | None = None
    date: str | None = None  # YYYY-MM-DD
    outcome: str | None = None


class ThemeOut(_Out):
    id: str
    questions: list[str]
    evidence: list[Evidence]


class BarrierOut(_Out):
    id: str
    evidence: list[Evidence]


class MeasureOut(_Out):
    text: str
    evidence: list[Evidence]


class InspectRecord(_Out):
    path: str
    url: str | None = None
    sha256: str | None = None
    pages: int | None = None
    chars: int | None = None
    error: str | None = None  # a stable error code (e.g. "encrypted"), or null
    error_detail: str | None = None  # the sentence behind the code
    doc_type: str | None = None
    council: CouncilOut = CouncilOut()
    decision: DecisionOut = DecisionOut()
    submitted_date: str | None = None
    themes: list[ThemeOut] = []
    barriers: list[BarrierOut] = []
    measures: list[MeasureOut] = []


def inspect_file(
    path: Path, *, url: str | None = None, limits: Limits | None = None
) -> InspectRecord:
    """Parse one file and describe it, without a database. Never raises for bad input."""
    return _inspect(path, url, limits)[0]


def inspect_files(
    items: Iterable[tuple[Path, str | None]], *, limits: Limits | None = None
) -> list[InspectRecord]:
    """Describe several files as one collection: each as :func:`inspect_file` does, then a file
    that names no council takes its publication site's council when the site's other files
    agree (``councils.sites``), as ingest does for a batch."""
    records: list[InspectRecord] = []
    found: dict[int, CouncilMatch | None] = {}
    unnamed: dict[int, str] = {}  # texts of files without a council, for the candidates check
    for key, (path, url) in enumerate(items):
        record, facts, text = _inspect(path, url, limits)
        records.append(record)
        if facts is not None:
            found[key] = facts.council
            if facts.council is None and url:
                unnamed[key] = text
    inferred = infer_site_councils(
        (SiteDocument(key, records[key].url, council) for key, council in found.items()),
        unnamed.__getitem__,
    )
    for key, council in inferred.items():
        records[key].council = CouncilOut(
            name=council.name, code=council.gss_code, type=council.type
        )
    for record in records:
        if record.error is None and record.council.code is None:
            # Barriers and measures are a council's: a page about no council (a national
            # paper's article, a commentator's) names none of its own (docs/coding.md).
            record.barriers, record.measures = [], []
    return records


def _inspect(
    path: Path, url: str | None, limits: Limits | None
) -> tuple[InspectRecord, Facts | None, str]:
    try:
        document = read_document(path, url=url, limits=limits)
    except IngestError as exc:
        record = InspectRecord(
            path=readable(path), url=url, error=exc.code, error_detail=readable(exc.message)
        )
        return record, None, ""
    parsed = document.parsed
    record = InspectRecord(
        path=readable(path),
        url=url,
        sha256=document.provenance.sha256,
        pages=len(parsed.pages),
        chars=len(parsed.text),
    )
    if not parsed.has_text:
        record.error = "no_text_layer"
        record.error_detail = "the file has no extractable text (scanned without OCR?)"
        return record, None, ""
    facts = extract_facts(parsed.text, url=url, title=parsed.title)
    _fill_facts(record, facts)
    _fill_codes(record, code_document(parsed))
    return record, facts, parsed.text


def _fill_codes(record: InspectRecord, codes: DocumentCodes) -> None:
    shape = codes.to_dict()
    record.themes = [ThemeOut.model_validate(t) for t in shape["themes"]]
    record.barriers = [BarrierOut.model_validate(b) for b in shape["barriers"]]
    record.measures = [MeasureOut.model_validate(m) for m in shape["measures"]]


def _fill_facts(record: InspectRecord, facts: Facts) -> None:
    record.doc_type = facts.doc_type
    if facts.council:
        record.council = CouncilOut(
            name=facts.council.name, code=facts.council.gss_code, type=facts.council.type
        )
    decision = facts.decision
    record.decision = DecisionOut(
        body=decision.body,
        date=decision.date.isoformat() if decision.date else None,
        outcome=decision.outcome,
    )
    record.submitted_date = facts.submitted_date.isoformat() if facts.submitted_date else None
