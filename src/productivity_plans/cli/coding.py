"""Commands over coded passages: code, review (accept / reject / recode), train, agreement, codes.

Thin: each command calls ``coding_jobs`` or ``store.codes`` and prints what they return.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from productivity_plans.cli.app import (
    ClusterOption,
    DbOption,
    FormatOption,
    app,
    console,
    out,
    refuse_unusable,
)
from productivity_plans.config import Settings
from productivity_plans.output import Format, emit

if TYPE_CHECKING:
    from productivity_plans.store.db import Store

ANALYST_ENV = "PRODPLANS_ANALYST"

AnalystOption = Annotated[
    str | None,
    typer.Option("--analyst", help=f"Who decides. Default: ${ANALYST_ENV}, else the login name."),
]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, for the record.")]
ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        help="Model directory. Default: the newest model trained here, else the shipped one.",
        file_okay=False,
    ),
]


def _open(db: str | None) -> Store:
    from productivity_plans.store.db import Store

    return Store.open(Settings.load(db).database_url)


def _analyst(name: str | None) -> str:
    return name or os.environ.get(ANALYST_ENV) or getpass.getuser()


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[red]{message}[/red]", markup=True, highlight=False)
    return typer.Exit(code)


@app.command()
def code(
    db: DbOption = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Re-code documents already coded by this model too.")
    ] = False,
    model: ModelOption = None,
    cluster: ClusterOption = None,
) -> None:
    """Code every stored document not yet coded by the current model (human decisions kept)."""
    from productivity_plans.cluster import ClusterError
    from productivity_plans.coding_jobs import code_documents, current_model

    refuse_unusable(cluster)
    try:
        chosen = current_model(model)
    except FileNotFoundError as exc:
        raise _fail(str(exc)) from exc
    with _open(db) as store:
        from productivity_plans.store.codes import codable_documents

        total = len(codable_documents(store))
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        with progress:
            task = progress.add_task("Coding", total=total)
            try:
                report = code_documents(
                    store,
                    model=chosen,
                    only_missing=not all_,
                    repair_vectors=True,
                    on_document=lambda _: progress.advance(task),
                    cluster=cluster,
                    model_dir=model,
                )
            except ClusterError as exc:  # a scheduler that does not answer
                raise _fail(str(exc)) from exc
    rows: list[dict[str, object]] = [
        {"measure": "model", "value": report.model_version},
        {"measure": "framework", "value": report.framework_id},
        {"measure": "documents coded", "value": len(report.coded)},
        {"measure": "already coded (skipped)", "value": len(report.skipped)},
        {"measure": "failed", "value": len(report.failed)},
        {"measure": "passages", "value": report.passages},
        {"measure": "machine codes", "value": report.codes},
    ]
    emit(rows, Format.TABLE, title="Coding run", console=out)
    for document_id, error in report.failed:
        console.print(f"document {document_id}: {error}", markup=False, highlight=False)
    if not report.ok:
        raise typer.Exit(1)


review_app = typer.Typer(
    help="Low-confidence machine codes to review, and analysts' decisions on them.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(review_app, name="review")


@review_app.callback()
def review(
    ctx: typer.Context,
    db: DbOption = None,
    threshold: Annotated[
        float, typer.Option(help="List machine codes below this confidence.", min=0.0, max=1.0)
    ] = 0.8,
    limit: Annotated[int, typer.Option(help="Most codes to list.", min=1)] = 20,
    analyst: Annotated[
        str | None,
        typer.Option("--analyst", help="Hide only codes this analyst has decided on."),
    ] = None,
    code_type: Annotated[
        list[str] | None, typer.Option("--type", help="Only these code types (repeatable).")
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """List low-confidence machine codes no one has decided on, least confident first."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        return
    from productivity_plans.store.codes import review_queue

    with _open(db) as store:
        items = review_queue(store, threshold, limit, analyst=analyst, code_types=code_type)
    rows = [
        {
            "code_id": i.code_id,
            "passage_id": i.passage_id,
            "document": i.document,
            "page": i.page,
            "start": i.start,
            "end": i.end,
            "code_type": i.code_type,
            "value": i.value,
            "confidence": i.confidence,
            "model_version": i.model_version,
            "text": i.text if fmt is not Format.TABLE else _short(i.text),
        }
        for i in items
    ]
    columns = None
    if fmt is Format.TABLE:
        if not rows:
            out.print(f"Nothing below {threshold} left to review.", markup=False)
            return
        columns = [
            "code_id",
            "passage_id",
            "document",
            "page",
            "code_type",
            "value",
            "confidence",
            "text",
        ]
    emit(rows, fmt, columns=columns, title=f"Machine codes below {threshold}", console=out)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _db(ctx: typer.Context, db: str | None) -> str | None:
    return db or (ctx.obj or {}).get("db")


def _decide(
    ctx: typer.Context,
    decision: str,
    code_id: int,
    db: str | None,
    analyst: str | None,
    note: str | None,
) -> None:
    from productivity_plans.store.codes import ReviewError, accept, reject

    act = accept if decision == "accept" else reject
    with _open(_db(ctx, db)) as store:
        try:
            decision_id = act(store, code_id, _analyst(analyst), note=note)
        except ReviewError as exc:
            raise _fail(str(exc)) from exc
    out.print(f"{decision}ed machine code {code_id} (decision {decision_id})", markup=False)


@review_app.command("accept")
def accept_command(
    ctx: typer.Context,
    code_id: Annotated[int, typer.Argument(help="Machine code id from the review list.")],
    db: DbOption = None,
    analyst: AnalystOption = None,
    note: NoteOption = None,
) -> None:
    """Accept a machine code: it stays whatever later models say."""
    _decide(ctx, "accept", code_id, db, analyst, note)


@review_app.command("reject")
def reject_command(
    ctx: typer.Context,
    code_id: Annotated[int, typer.Argument(help="Machine code id from the review list.")],
    db: DbOption = None,
    analyst: AnalystOption = None,
    note: NoteOption = None,
) -> None:
    """Reject a machine code: the passage no longer carries it, whatever later models say."""
    _decide(ctx, "reject", code_id, db, analyst, note)


@review_app.command("recode")
def recode_command(
    ctx: typer.Context,
    passage_id: Annotated[int, typer.Argument(help="Passage id from the review list.")],
    heading: Annotated[
        list[str] | None, typer.Option("--heading", help="Heading id (repeatable).")
    ] = None,
    question: Annotated[
        list[str] | None, typer.Option("--question", help="Sub-question id (repeatable).")
    ] = None,
    barrier: Annotated[
        list[str] | None, typer.Option("--barrier", help="Barrier id (repeatable).")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="requirement or council.")] = None,
    measure: Annotated[
        bool | None, typer.Option("--measure/--no-measure", help="Says how it measures.")
    ] = None,
    initiative: Annotated[
        bool | None, typer.Option("--initiative/--no-initiative", help="Describes an initiative.")
    ] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", help="Remove every code of this type: heading, question, barrier."),
    ] = None,
    db: DbOption = None,
    analyst: AnalystOption = None,
    note: NoteOption = None,
) -> None:
    """Set a passage's codes of the given types to exactly these values."""
    from productivity_plans.store.codes import ReviewError, recode

    cleared = set(clear or [])
    unknown = cleared - {"heading", "question", "barrier"}
    if unknown:
        raise _fail(f"--clear takes heading, question or barrier, not {', '.join(unknown)}")

    def chosen(values: list[str] | None, code_type: str) -> list[str] | None:
        if values and code_type in cleared:
            raise _fail(f"--{code_type} and --clear {code_type} contradict each other")
        return [] if code_type in cleared else (values or None)

    with _open(_db(ctx, db)) as store:
        try:
            ids = recode(
                store,
                passage_id,
                _analyst(analyst),
                headings=chosen(heading, "heading"),
                questions=chosen(question, "question"),
                barriers=chosen(barrier, "barrier"),
                kind=kind,
                measure=measure,
                initiative=initiative,
                note=note,
            )
        except ReviewError as exc:
            raise _fail(str(exc)) from exc
    out.print(f"recoded passage {passage_id} ({len(ids)} decisions)", markup=False)


@app.command()
def train(
    db: DbOption = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Parent folder for the model. Default: <data dir>/models.",
            file_okay=False,
        ),
    ] = None,
    base: Annotated[
        Path | None,
        typer.Option(
            help="Labelled passages.jsonl (docs/ beside it) to train on as well.", dir_okay=False
        ),
    ] = None,
    no_base: Annotated[
        bool, typer.Option("--no-base", help="Train on human decisions only.")
    ] = False,
) -> None:
    """Train a coding model on the base labels plus every analyst decision in the store."""
    from productivity_plans.coding_jobs import train_from_store

    with _open(db) as store:
        try:
            run = train_from_store(store, out=out_dir, base=base, use_base=not no_base)
        except (ValueError, FileNotFoundError) as exc:
            raise _fail(str(exc)) from exc
    rows: list[dict[str, object]] = [
        {"measure": "model", "value": run.model.version},
        {"measure": "saved to", "value": str(run.path)},
        {"measure": "base examples", "value": run.base_examples},
        {"measure": "human-decided passages", "value": run.human_examples},
    ]
    emit(rows, Format.TABLE, title="Training", console=out)


@app.command()
def agreement(
    a: Annotated[str, typer.Option("--a", help="First analyst.")],
    b: Annotated[str, typer.Option("--b", help="Second analyst, or 'model'.")],
    db: DbOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Cohen's κ between two analysts (or an analyst and the model), per code type."""
    from productivity_plans.store.agreement import agreement as compute

    with _open(db) as store:
        try:
            rows = [r.to_dict() for r in compute(store, a, b)]
        except ValueError as exc:
            raise _fail(str(exc)) from exc
    emit(rows, fmt, title=f"Agreement: {a} vs {b}", console=out)


@app.command()
def codes(
    document_id: Annotated[int, typer.Argument(help="Document id (see `prodplans stats`).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The inspect-style JSON.")] = False,
) -> None:
    """A stored document's effective codes (human decisions win), with evidence."""
    from productivity_plans.store.codes import document_codes

    with _open(db) as store:
        result = document_codes(store, document_id)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
        return
    rows = (
        [
            {
                "code": "theme",
                "id": t.id,
                "evidence": len(t.evidence),
                "page": t.evidence[0].page,
                "text": _short(t.evidence[0].text),
            }
            for t in result.themes
        ]
        + [
            {
                "code": "barrier",
                "id": b.id,
                "evidence": len(b.evidence),
                "page": b.evidence[0].page,
                "text": _short(b.evidence[0].text),
            }
            for b in result.barriers
        ]
        + [
            {
                "code": "measure",
                "id": "",
                "evidence": len(m.evidence),
                "page": m.evidence[0].page,
                "text": _short(m.text),
            }
            for m in result.measures
        ]
    )
    emit(
        rows,
        Format.TABLE,
        columns=["code", "id", "evidence", "page", "text"],
        title=f"Document {document_id}: {result.model_version}",
        console=out,
    )
