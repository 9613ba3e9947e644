"""Runs the coding stage over stored documents and trains new models from human decisions.

The glue between the pure coding stage and the store, like ``pipeline.py`` is for ingest: read a
document back from the store, code it, hand the passage codes to ``store.codes``. Each document
is written in one transaction, so a failure leaves its previous codes in place.

Which model codes: ``--model DIR`` if given, else the newest model trained from this machine's
store (``<data dir>/models/<version>``), else the default model shipped with the package.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from productivity_plans.cluster import dask_cluster, in_order
from productivity_plans.coding.evaluate import corpus_examples
from productivity_plans.coding.train import (
    CodingModel,
    TrainingExample,
    load_examples,
    load_model,
    train,
)
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.prepare import Coded, Coding, code_stored, code_with
from productivity_plans.store.codes import (
    codable_documents,
    load_parsed,
    training_examples,
    uncoded_documents,
)
from productivity_plans.store.db import Store
from productivity_plans.store.vectors import documents_missing_vectors
from productivity_plans.trained_models import (
    MODEL_FILE,
    TRAINED_FILE,
    latest_model_dir,
    models_dir,
)

BASE_ENV = "PRODPLANS_TRAINING_BASE"


def current_model(model_dir: Path | None = None) -> CodingModel:
    """The model a run uses: the one asked for, else the newest trained, else the shipped one."""
    if model_dir is not None:
        if not (model_dir / MODEL_FILE).is_file():
            raise FileNotFoundError(f"no coding model in {model_dir} (expected {MODEL_FILE})")
        return load_model(model_dir)
    return load_model(latest_model_dir())


@dataclass(slots=True)
class CodingRunReport:
    model_version: str
    framework_id: str
    coded: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # already coded by this model version
    failed: list[tuple[int, str]] = field(default_factory=list)
    passages: int = 0
    codes: int = 0
    retired: int = 0  # passages no longer yielded, kept for their human decisions
    vectors: int = 0  # passage vectors written (search by meaning)

    @property
    def ok(self) -> bool:
        return not self.failed


def code_documents(
    store: Store,
    *,
    model: CodingModel | None = None,
    framework: Framework | None = None,
    only_missing: bool = True,
    document_ids: Sequence[int] | None = None,
    repair_vectors: bool = False,
    on_document: Callable[[int], None] | None = None,
    cluster: str | None = None,
    model_dir: Path | None = None,
) -> CodingRunReport:
    """Code every stored document not yet coded by this model and framework version.

    Each document's passages, machine codes, passage vectors and "coded by" marker are written
    in one transaction, so a run killed at any point leaves every document coded in full or
    not at all, and the next run (``only_missing``) codes exactly those left. Which documents
    those are is read from the markers alone. A new model version replaces a document's
    machine codes, leaving human decisions attached.

    ``repair_vectors`` also codes documents whose passages lack vectors (coded before vectors
    existed, or by a version that wrote them in a second transaction): one pass over every
    passage, so ``prodplans code`` asks for it and ingest does not.

    ``cluster`` codes on a Dask cluster (``cluster.dask_cluster``): this process reads each
    document back and writes its coding, the workers code it. They load the model from
    ``model_dir`` (default: the newest trained here, else the shipped one), which they must
    be able to read; ``model``, if given, must be that directory's.
    """
    framework = framework or load_framework()
    if cluster is not None:
        model_dir = model_dir or latest_model_dir()
    model = model or current_model(model_dir)
    report = CodingRunReport(model.version, framework.id)
    targets = _targets(store, model, framework, only_missing, document_ids, repair_vectors)
    chosen = set(targets)
    considered = list(document_ids) if document_ids is not None else codable_documents(store)
    report.skipped = [d for d in considered if d not in chosen]
    if on_document:  # a progress bar counts every document considered
        for document_id in report.skipped:
            on_document(document_id)
    with ExitStack() as stack:
        if cluster is None:
            results = _code_here(store, targets, model, framework)
        else:
            found = stack.enter_context(dask_cluster(cluster))
            coding = Coding(str(model_dir) if model_dir else None)
            results = _code_on(store, targets, coding, found.executor, found.workers)
        for document_id, coded in results:
            _write(store, document_id, coded, report)
            if on_document:
                on_document(document_id)
    return report


def _code_here(
    store: Store, targets: list[int], model: CodingModel, framework: Framework
) -> Iterator[tuple[int, Coded | str]]:
    for document_id in targets:
        try:
            yield document_id, code_with(load_parsed(store, document_id), model, framework)
        except Exception as exc:  # one document's failure never stops the run
            yield document_id, f"{type(exc).__name__}: {exc}"


# Documents per cluster task: enough to outweigh a task's round trip to the scheduler (≈ 1 ms
# and the documents' text both ways), few enough that every worker gets several.
_CODE_BATCH = 8


def _code_on(
    store: Store, targets: list[int], coding: Coding, executor: Executor, workers: int
) -> Iterator[tuple[int, Coded | str]]:
    """Each target's coding, made on the executor's workers, in order."""
    size = max(1, min(_CODE_BATCH, len(targets) // (workers * 4)))
    batches = [targets[i : i + size] for i in range(0, len(targets), size)]
    calls = (
        (batch, partial(code_stored, [(d, load_parsed(store, d)) for d in batch], coding))
        for batch in batches
    )
    for batch, results in in_order(executor, calls, workers * 2):
        if isinstance(results, Exception):
            yield from ((d, f"the worker process died: {results}") for d in batch)
        else:
            yield from results


def _write(store: Store, document_id: int, coded: Coded | str, report: CodingRunReport) -> None:
    """Write one document's coding in one transaction, and count it."""
    if isinstance(coded, str):
        report.failed.append((document_id, coded))
        return
    try:
        with store._writing() as session:
            saved, vectors = coded.write(session, document_id)
    except Exception as exc:  # one document's failure never stops the run
        report.failed.append((document_id, f"{type(exc).__name__}: {exc}"))
        return
    report.coded.append(document_id)
    report.passages += saved.passages
    report.codes += saved.codes
    report.retired += saved.retired
    report.vectors += vectors


def _targets(
    store: Store,
    model: CodingModel,
    framework: Framework,
    only_missing: bool,
    document_ids: Sequence[int] | None,
    repair_vectors: bool,
) -> list[int]:
    """The documents a run codes, oldest first."""
    if not only_missing:
        return list(document_ids) if document_ids is not None else codable_documents(store)
    wanted = set(uncoded_documents(store, model.version, framework.id))
    if repair_vectors:
        wanted.update(documents_missing_vectors(store))
    if document_ids is not None:
        wanted &= set(document_ids)
    return sorted(wanted)


# -- training from the store ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainingRun:
    model: CodingModel
    path: Path
    base_examples: int
    human_examples: int


def base_training_set() -> Path | None:
    """A labelled passages file to train on besides human decisions, when one is configured:
    ``$PRODPLANS_TRAINING_BASE`` (a passages.jsonl with a ``docs`` folder beside it). Without
    it, retraining starts from the examples the shipped model was trained on."""
    configured = os.environ.get(BASE_ENV)
    return Path(configured) if configured and Path(configured).is_file() else None


def load_base_examples(passages_file: Path | None) -> list[TrainingExample]:
    if passages_file is None:
        return load_examples()
    return corpus_examples(passages_file, passages_file.parent / "docs")


def train_from_store(
    store: Store,
    *,
    out: Path | None = None,
    base: Path | None = None,
    use_base: bool = True,
    framework: Framework | None = None,
) -> TrainingRun:
    """Train a model on the base labelled set plus the effective codes of every passage an
    analyst decided on (human examples override base ones with the same text, weigh 5× and are
    remembered verbatim), and save it under ``out/<version>`` (default: the data dir)."""
    framework = framework or load_framework()
    human = training_examples(store)
    if not human:
        raise ValueError("no human decisions in the store: review some codes first")
    base_file = (base or base_training_set()) if use_base else None
    if base is not None and not base.is_file():
        raise FileNotFoundError(f"no base training set at {base}")
    base_examples = load_base_examples(base_file) if use_base else []
    model = train([*base_examples, *human], framework)
    directory = (out or models_dir()) / model.version
    model.save(directory)
    meta = {
        "version": model.version,
        "framework_id": framework.id,
        "trained_at": datetime.now(UTC).isoformat(),
        "base_examples": len(base_examples),
        "base": str(base_file) if base_file else ("shipped model's examples" if use_base else None),
        "human_examples": len(human),
    }
    (directory / TRAINED_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return TrainingRun(model, directory, len(base_examples), len(human))
