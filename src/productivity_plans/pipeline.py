"""Runs the pure stages over a batch of files and hands each result to the store.

One file's failure never stops the batch, and each document is written in one transaction by the
store, so a failure leaves no partial rows. The report says what happened to every file by name.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy.orm import Session

from productivity_plans.cluster import dask_cluster, in_order
from productivity_plans.config import Limits
from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import infer_from_tally, is_inferred, site_of
from productivity_plans.ingest.errors import CorruptFile
from productivity_plans.ingest.files import readable
from productivity_plans.prepare import (
    Coded,
    Coding,
    Prepared,
    extract_or_error,
    prepare,
    prepare_batch,
    start_worker,
)
from productivity_plans.store.codes import SavedCodes
from productivity_plans.store.db import Store
from productivity_plans.trained_models import latest_model_dir

if TYPE_CHECKING:
    from productivity_plans.coding_jobs import CodingRunReport

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
    coding: CodingRunReport | None = None  # set when the batch was coded
    site_councils: int = 0  # documents whose council the site settled (or unsettled)
    # CPU seconds by stage: "parse", "extract" and "code" in the workers, "store" (documents,
    # their facts and their coding written) and "sites" (the site pass) here. Documents left
    # uncoded by earlier runs are coded after the batch, reported in ``coding``.
    cpu: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))

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
    code: bool = True,
    workers: int | None = None,
    collected: bool = True,
    cluster: str | None = None,
) -> BatchReport:
    """Ingest (path, published-url) pairs. Unchanged sources are skipped without parsing.

    ``collected`` (the default) says the files came from public sources, so their documents
    are public; uploads pass False and their new documents stay private drafts until published
    (``store.ownership``).

    Each document's facts (council, type, decision, timeline) are extracted from its text and
    saved with it in the same transaction; ``extract=False`` skips that (the benchmark uses it
    to measure extraction's share of ingest time).

    Parsing, extraction and coding are pure and CPU-bound, so with ``workers`` > 1 (default:
    one per core) they run in a process pool while this process writes each result to the
    store in file order; small batches stay in-process, where a pool's start-up would cost
    more. ``cluster`` runs them on a Dask cluster instead (``cluster.dask_cluster``: "local",
    "local:N" or "tcp://HOST:PORT"), whatever the batch's size.

    With ``code`` (the default) each new document is coded against the framework in the
    workers, and written with its passages, codes and vectors in the one transaction that
    stores it: a crash leaves a document stored and coded, or not at all. A document whose
    coding failed is stored uncoded. Then every stored document not yet coded by the current
    model (that one, earlier batches' stored without coding, a new model's) is coded here
    (``coding_jobs.code_documents``), so the same command run again finishes any run cut
    short.
    """
    limits = limits or Limits()
    report = BatchReport()
    pending: list[tuple[Path, str | None]] = []
    for (path, url), skipped in _skip_reasons(list(items), store):
        if skipped is None:
            pending.append((path, url))
            continue
        report.outcomes.append(skipped)
        if on_file:
            on_file(skipped)
    coding = Coding(_model_dir()) if code else None
    coded: list[tuple[int, SavedCodes, int]] = []
    with ExitStack() as stack:
        prepared_files = _prepare_all(
            pending, limits, extract, coding, _worker_count(workers, pending), cluster, stack
        )
        for path, prepared in prepared_files:
            started = time.process_time()
            outcome = _save(path, prepared, store, collected, coded)
            report.cpu["parse"] += prepared.parse_cpu
            report.cpu["extract"] += prepared.extract_cpu
            report.cpu["code"] += prepared.code_cpu
            report.cpu["store"] += time.process_time() - started
            report.outcomes.append(outcome)
            if on_file:
                on_file(outcome)
    if extract and report.counts["ingested"]:
        started = time.process_time()
        # only the sites this batch published on can settle or unsettle anything
        sites = {site for _, url in pending if (site := site_of(url)) is not None}
        report.site_councils = settle_site_councils(store, sites)
        report.cpu["sites"] += time.process_time() - started
    if coding is not None:
        report.coding = _code_the_rest(store, coding, coded)
    return report


def _model_dir() -> str | None:
    """The directory of the model this run codes with (None: the shipped one)."""
    found = latest_model_dir()
    return str(found) if found is not None else None


def _code_the_rest(
    store: Store, coding: Coding, coded: list[tuple[int, SavedCodes, int]]
) -> CodingRunReport:
    """Code every stored document the batch left uncoded (see ``ingest_files``), and report
    the batch's coding and theirs as one run."""
    from productivity_plans.coding_jobs import code_documents, current_model

    model_dir = Path(coding.model_dir) if coding.model_dir else None
    report = code_documents(store, model=current_model(model_dir))
    done = {document_id for document_id, _, _ in coded}
    report.skipped = [d for d in report.skipped if d not in done]
    report.coded[:0] = [document_id for document_id, _, _ in coded]
    for _document_id, saved, vectors in coded:
        report.passages += saved.passages
        report.codes += saved.codes
        report.retired += saved.retired
        report.vectors += vectors
    return report


def _skip_reasons(
    items: list[tuple[Path, str | None]], store: Store
) -> Iterator[tuple[tuple[Path, str | None], FileOutcome | None]]:
    """Each item with why it is not read (unreadable, or unchanged since the last ingest), or
    None; the store is asked about the whole batch at once."""
    stats: dict[str, tuple[int, float | None]] = {}
    failed: dict[Path, FileOutcome] = {}
    resolved: dict[Path, str] = {}
    for path, _url in items:
        try:
            stat = os.stat(path)
        except OSError as exc:
            failed[path] = FileOutcome(
                readable(path), "failed", "unreadable", exc.strerror or str(exc)
            )
            continue
        resolved[path] = readable(path.resolve())
        stats[resolved[path]] = (stat.st_size, stat.st_mtime)
    unchanged = store.unchanged_sources(stats)
    for path, url in items:
        if path in failed:
            yield (path, url), failed[path]
        elif resolved[path] in unchanged:
            yield (path, url), FileOutcome(readable(path), "skipped", None, _UNCHANGED)
        else:
            yield (path, url), None


_UNCHANGED = "unchanged since the last ingest"


# Below this many files a process pool's start-up (importing the parsers in each worker)
# costs more than it saves.
_POOL_MIN_FILES = 24


def _worker_count(requested: int | None, pending: list[tuple[Path, str | None]]) -> int:
    if requested is None:
        requested = int(os.environ.get("PRODPLANS_WORKERS", "0")) or (os.cpu_count() or 1)
    return 1 if len(pending) < _POOL_MIN_FILES else max(1, requested)


# Files per pool task: a worker parses them all, then extracts from each. Interleaving one
# file's parsing (pdfium) with its extraction (hundreds of compiled patterns) left each stage to
# start with the other's data in the CPU caches; in batches both run warm, and the writer takes
# the results in bursts. On 1,000 bench PDFs, medians of 6 interleaved runs: with extraction
# 7.93 → 6.97 s (CPU 15.6 → 13.7 s), without 7.09 → 6.40 s (docs/ingest.md).
_BATCH_FILES = 8
# ... and at most this many bytes of input per task, so a worker holds few huge files at once.
_BATCH_BYTES = 16 * 1024 * 1024
# Tasks in flight per worker: one being prepared, one queued, so no worker waits on the writer.
_TASKS_PER_WORKER = 2


def _prepare_all(
    pending: list[tuple[Path, str | None]],
    limits: Limits,
    extract: bool,
    coding: Coding | None,
    workers: int,
    cluster: str | None,
    stack: ExitStack,
) -> Iterator[tuple[Path, Prepared]]:
    """Prepared files in input order, from a bounded window of in-flight work on the pool or
    the cluster (which ``stack`` shuts down)."""
    if cluster is None and workers <= 1:
        for path, url in pending:
            yield path, prepare(path, url, limits, extract, coding)
        return
    if cluster is not None:
        found = stack.enter_context(dask_cluster(cluster))
        executor, workers = found.executor, found.workers
    else:
        executor = stack.enter_context(
            ProcessPoolExecutor(
                max_workers=workers,
                mp_context=_pool_context(extract, coding is not None),
                initializer=start_worker,
                initargs=(os.getpid(),),
            )
        )
    # Small batches in smaller tasks, so that every worker gets several.
    size = max(1, min(_BATCH_FILES, len(pending) // (workers * 4)))
    calls = (
        ([path for path, _url in task], partial(prepare_batch, task, limits, extract, coding))
        for task in _tasks(pending, size)
    )
    for paths, results in in_order(executor, calls, workers * _TASKS_PER_WORKER):
        yield from _done(paths, results)


def _pool_context(extract: bool, code: bool = False) -> BaseContext:
    """Where the pool's workers come from: forked from multiprocessing's forkserver, a fresh
    single-threaded process (so no thread, lock or database connection of this one is
    inherited) that imports the parsing stage and, for a batch that extracts, readies the
    extract stage (extract/ready.py) before it forks any worker. Each worker then starts with
    the stage's matcher and rules built instead of building them itself (≈ 0.1–0.15 s of CPU
    per worker, paid while the writer waited for its first results). The forkserver starts
    with a process's first pool and keeps its preload for later ones: a process whose first
    batch does not extract (only the benchmark runs one) has its workers ready the stage on
    their first document, as "spawn" workers do. Where there is no forkserver (Windows),
    "spawn". A batch that codes has the coding stage readied the same way (coding/ready.py:
    the model and the embedder loaded, seconds of CPU a worker would otherwise pay on its
    first task)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    stages = ["productivity_plans.prepare"]
    if extract:
        stages.append("productivity_plans.extract.ready")
    if code:
        stages.append("productivity_plans.coding.ready")
    context.set_forkserver_preload(["__main__", *stages])  # "__main__": as by default
    return context


def _tasks(
    pending: list[tuple[Path, str | None]], size: int
) -> Iterator[list[tuple[Path, str | None]]]:
    """``pending`` in runs of ``size`` files and at most _BATCH_BYTES (a bigger file alone)."""
    task: list[tuple[Path, str | None]] = []
    total = 0
    for item in pending:
        try:
            nbytes = os.stat(item[0]).st_size
        except OSError:
            nbytes = 0  # its parse names the error
        if task and (len(task) == size or total + nbytes > _BATCH_BYTES):
            yield task
            task, total = [], 0
        task.append(item)
        total += nbytes
    if task:
        yield task


def _done(
    paths: list[Path], results: list[Prepared] | Exception
) -> Iterator[tuple[Path, Prepared]]:
    if isinstance(results, Exception):
        # A worker died (killed for memory, a crash inside a C parser; on a cluster, a machine
        # lost): name it, go on.
        error = CorruptFile(f"the worker process died: {results}")
        results = [Prepared(error=error)] * len(paths)
    return zip(paths, results, strict=True)


def _save(
    path: Path,
    prepared: Prepared,
    store: Store,
    collected: bool,
    coded: list[tuple[int, SavedCodes, int]],
) -> FileOutcome:
    """Store one prepared file, with its coding when it is new (added to ``coded``)."""
    if prepared.error is not None:
        error = prepared.error
        return FileOutcome(readable(path), "failed", error.code, readable(error.message))
    document = prepared.document
    assert document is not None
    written: list[tuple[int, SavedCodes, int]] = []
    with_new = partial(_write_coding, prepared.coded, written) if prepared.coded else None
    saved = store.save_document(document, prepared.facts, collected=collected, with_new=with_new)
    coded += written[-1:]  # the last try's (the store tries again after a concurrent insert)
    warning, detail = _shown_warning(document.parsed.warnings)
    if not document.parsed.has_text:
        warning, detail = "no_text_layer", _WARNING_DETAIL["no_text_layer"]
    if prepared.extract_error is not None:
        warning = "extraction_failed"
        detail = f"stored without facts: extraction failed ({prepared.extract_error})"
    return FileOutcome(readable(path), _STATUS_OF_SAVE[saved], warning, detail)


def _write_coding(
    coded: Coded, written: list[tuple[int, SavedCodes, int]], session: Session, document_id: int
) -> None:
    saved, vectors = coded.write(session, document_id, new=True)  # with_new: a new document
    written.append((document_id, saved, vectors))


@dataclass(frozen=True, slots=True)
class Reextraction:
    """What ``reextract`` did: how many documents got new facts, and the ones the extractor
    raised on (document id, error), whose earlier facts are kept."""

    count: int
    failed: list[tuple[int, str]]


def reextract(store: Store, on_document: Callable[[int], None] | None = None) -> Reextraction:
    """Run the current extractor over every stored document and replace its machine facts
    (one transaction per document). A text the extractor raises on keeps its facts and is
    reported; the run goes on."""
    count = 0
    failed: list[tuple[int, str]] = []
    for stored in store.texts():
        facts = extract_or_error(stored.text, stored.url, stored.title)
        if isinstance(facts, str):
            failed.append((stored.document_id, facts))
            continue
        store.save_facts(stored.document_id, facts)
        count += 1
        if on_document:
            on_document(stored.document_id)
    settle_site_councils(store)
    return Reextraction(count, failed)


def settle_site_councils(store: Store, sites: Collection[str] | None = None) -> int:
    """Give unidentified documents the council of the site they were published on, where the
    site's other documents agree (``councils.sites``), and take back inferences that no longer
    hold. A later document can settle an earlier one, so this runs after each batch, over the
    documents of ``sites`` (the sites the batch published on: no other site's documents
    changed) or, without ``sites``, over the whole collection, whose sites' tallies it first
    recounts (``prodplans extract``). Returns how many changed.

    It reads the documents it may change (those with no council or an inferred one) and their
    sites' tallies of councils, never the sites' other documents, so what a batch's pass costs
    does not grow with the archive (``store.site_tally``)."""
    if sites is None:
        store.rebuild_site_tally()
    unsettled = store.unsettled_site_documents(sites)
    tally = store.site_tally({site for doc in unsettled if (site := site_of(doc.url))})
    inferred = infer_from_tally(unsettled, tally, store.text)
    changes: dict[int, CouncilMatch | None] = {}
    for doc in unsettled:
        new = inferred.get(doc.key)
        if new is not None and new != doc.council:
            changes[doc.key] = new
        elif new is None and is_inferred(doc.council):
            changes[doc.key] = None
    if changes:
        store.set_councils(changes)
    return len(changes)


_STATUS_OF_SAVE: dict[str, Status] = {
    "new": "ingested",
    "duplicate": "duplicate",
    "unchanged": "unchanged",
}
_WARNING_DETAIL = {"no_text_layer": "stored without text: no text layer (scanned without OCR?)"}
# Parser warnings a person must see at ingest (all are stored with the document): its text may
# be garbled.
_SHOWN_WARNINGS = ("encoding_unknown", "encoding_errors")


def _shown_warning(warnings: list[str]) -> tuple[str | None, str | None]:
    """(code, sentence) of the first warning to show in the batch report, if any."""
    for warning in warnings:
        code, _, sentence = warning.partition(": ")
        if code in _SHOWN_WARNINGS:
            return code, f"stored, but {sentence}"
    return None, None
