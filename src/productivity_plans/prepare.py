"""The pure part of the pipeline: parse a file, or a pool task's files, extract their facts
and code their passages (with each passage's vector for search by meaning).

It runs in worker processes (a process pool's or a Dask cluster's), so this module imports only
the ingest stage, and the extract and coding stages when it first extracts or codes. Readying
the extract stage (importing it, building the council matcher and compiling the rules) costs
≈ 0.15 s of CPU, the coding stage (numpy, scikit-learn, the model and the embedder) seconds:
the pool's forkserver does both once for a batch that needs them (``pipeline._pool_context``),
and a process without one pays them on its first document. Either way the ingest benchmark's
run without extraction does not pay for it.

The writer gets everything a document needs stored, so it stores the document, its facts,
passages, codes and vectors in one transaction and does no work of its own but writing.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from productivity_plans.config import Limits
from productivity_plans.ingest import read_document
from productivity_plans.ingest.errors import IngestError
from productivity_plans.ingest.records import Document, ParsedDocument

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from sqlalchemy.orm import Session

    from productivity_plans.coding.records import PassageCode
    from productivity_plans.coding.train import CodingModel
    from productivity_plans.extract import Facts
    from productivity_plans.framework.schema import Framework
    from productivity_plans.store.codes import SavedCodes


@dataclass(frozen=True, slots=True)
class Coding:
    """Which model the workers code with: its directory, which every worker must be able to
    read (None: the model shipped with the package). The writer chooses it once per run, so
    every document of a run is coded by the same model wherever it was prepared."""

    model_dir: str | None = None


@dataclass(frozen=True, slots=True)
class Coded:
    """A document's coding, ready to store: its passages' codes, their vectors (row i is
    ``passages[i]``'s), and what made them."""

    passages: list[PassageCode]
    vectors: NDArray[np.float16]
    model_version: str
    framework_id: str
    embedder_id: str

    def write(
        self, session: Session, document_id: int, *, new: bool = False
    ) -> tuple[SavedCodes, int]:
        """Store this coding as ``document_id``'s inside the caller's transaction: (what was
        saved, how many vectors). ``new``: the document was inserted in that transaction."""
        # imported here: the workers that make a Coded never write one, nor load the store
        from productivity_plans.store.codes import write_coded_document

        return write_coded_document(
            session,
            document_id,
            self.passages,
            self.vectors,
            model_version=self.model_version,
            framework_id=self.framework_id,
            embedder_id=self.embedder_id,
            new=new,
        )


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
    coded: Coded | None = None  # None: not coded here (not asked, no text, or failed)
    code_cpu: float = 0.0
    code_error: str | None = None  # coding failed: stored uncoded, coded again after the batch


# The writer (the ingesting process, which stores every file) is the pipeline's bottleneck.
# At equal priority on 2 cores, with both workers runnable, the scheduler gives it about 2/3
# of a core, and what the workers gain only fills the window of files it has not stored yet.
# Niced, they run in the time the writer leaves (docs/ingest.md has the figures).
WORKER_NICENESS = 10


def start_worker(writer: int) -> None:
    """Pool initializer: yield the CPU to the writer, and end with it."""
    lower_priority()
    _end_with(writer)


def lower_priority() -> None:
    """Make a worker yield the CPU to the writer (and to anything else on the machine, such as
    the web app) whenever both want it."""
    # No nice() on this platform, or not allowed: run at the writer's priority.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)


def _end_with(writer: int) -> None:
    """End this worker as soon as the writer process ends. A writer killed (SIGKILL, the
    machine's memory killer) never shuts its pool down: the workers would wait for tasks for
    ever, and with them the pool's forkserver and whatever pipes they inherited (a caller
    waiting for the ingest's output would wait too)."""
    try:
        handle = os.pidfd_open(writer)
    except (AttributeError, OSError):
        return  # no pidfd (not Linux 5.3+): the worker lives until the pool is shut down

    def watch() -> None:
        select.select([handle], [], [])  # readable once the writer has ended
        os._exit(1)

    threading.Thread(target=watch, name="end-with-writer", daemon=True).start()


def prepare(
    path: Path, url: str | None, limits: Limits, extract: bool, coding: Coding | None = None
) -> Prepared:
    """Parse, extract and code one file: runs in a worker process, so it must not touch the
    store."""
    return prepare_batch([(path, url)], limits, extract, coding)[0]


def prepare_batch(
    items: list[tuple[Path, str | None]],
    limits: Limits,
    extract: bool,
    coding: Coding | None = None,
) -> list[Prepared]:
    """Parse every file, then extract from each, then code each (given ``coding``): one stage
    at a time keeps its code and data in the CPU caches (see pipeline._BATCH_FILES)."""
    prepared = [_parse(path, url, limits) for path, url in items]
    if extract:
        prepared = [_extract(p, url) for p, (_path, url) in zip(prepared, items, strict=True)]
    if coding is not None:
        prepared = [_code(p, coding) for p in prepared]
    return prepared


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


def _code(prepared: Prepared, coding: Coding) -> Prepared:
    document = prepared.document
    if document is None or not document.parsed.has_text:
        return prepared  # nothing to code: the store never codes a document without text
    started = time.process_time()
    coded = code_parsed(document.parsed, coding)
    cpu = time.process_time() - started
    if isinstance(coded, str):
        return replace(prepared, code_cpu=cpu, code_error=coded)
    return replace(prepared, coded=coded, code_cpu=cpu)


def code_parsed(parsed: ParsedDocument, coding: Coding) -> Coded | str:
    """A parsed (or stored) document's coding, or the error the stage raised on it, named: a
    bug meeting an unusual text must not stop a batch."""
    from productivity_plans.framework.loader import load_framework

    try:
        return code_with(parsed, coding_model(coding.model_dir), load_framework())
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def code_with(parsed: ParsedDocument, model: CodingModel, framework: Framework) -> Coded:
    """Code a document's passages with this model and encode each passage for search by
    meaning."""
    from productivity_plans.coding.classify import code_document
    from productivity_plans.store.vectors import encode_passages

    passages = code_document(parsed, framework=framework, model=model).passages
    embedder_id, vectors = encode_passages([code.passage.text for code in passages])
    return Coded(passages, vectors, model.version, framework.id, embedder_id)


def code_stored(
    documents: list[tuple[int, ParsedDocument]], coding: Coding
) -> list[tuple[int, Coded | str]]:
    """Code stored documents (``prodplans code`` on a cluster): a task's worth, read back from
    the store by the writer, each with its coding or its error."""
    return [(document_id, code_parsed(parsed, coding)) for document_id, parsed in documents]


@lru_cache(maxsize=2)
def coding_model(model_dir: str | None) -> CodingModel:
    """The model of ``model_dir`` (None: the shipped one), loaded once per worker process."""
    from productivity_plans.coding.classify import default_model
    from productivity_plans.coding.train import load_model

    return load_model(Path(model_dir)) if model_dir else default_model()


def extract_or_error(text: str, url: str | None, title: str | None) -> Facts | str:
    """The text's facts, or the error the extractor raised on it, named ("ValueError: …"): a
    bug meeting an unusual text must not stop a batch or a re-extraction."""
    from productivity_plans.extract import extract_facts  # see the module docstring

    try:
        return extract_facts(text, url=url, title=title)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
