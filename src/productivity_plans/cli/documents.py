"""Commands over documents: ingest, inspect, search, stats and the bundled demo."""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from productivity_plans.cli.app import (
    ClusterOption,
    DbOption,
    FormatOption,
    ManifestOption,
    PathsArgument,
    app,
    console,
    out,
    refuse_unusable,
)
from productivity_plans.cluster import ClusterError
from productivity_plans.config import Limits, Settings
from productivity_plans.output import Format, emit
from productivity_plans.store.search import Marks

if TYPE_CHECKING:
    from productivity_plans.pipeline import BatchReport, FileOutcome
    from productivity_plans.store.db import StoreStats
    from productivity_plans.store.search import SearchHit


def _items(
    paths: list[str] | None, manifest: Path | None, limits: Limits
) -> tuple[list[tuple[Path, str | None]], list[FileOutcome]]:
    """The files to read, and what discovery found but refused (link loops, FIFOs…) as
    outcomes for the report."""
    from productivity_plans.ingest.errors import TooManyFiles
    from productivity_plans.ingest.files import find_files, load_manifest, readable
    from productivity_plans.pipeline import FileOutcome

    try:
        found = find_files(paths or [], limits.max_files)
    except FileNotFoundError as exc:
        console.print(Text.assemble(("Not found: ", "red"), str(exc)))
        raise typer.Exit(2) from exc
    except TooManyFiles as exc:
        console.print(Text(str(exc), style="red"))
        raise typer.Exit(2) from exc
    items: list[tuple[Path, str | None]] = [(p, None) for p in found.files]
    refused = [FileOutcome(readable(r.path), "skipped", r.code, r.detail) for r in found.refused]
    if manifest:
        try:
            items.extend(load_manifest(manifest))
        except ValueError as exc:
            console.print(f"[red]Bad manifest[/red] {manifest}: {exc}")
            raise typer.Exit(2) from exc
    if len(items) > limits.max_files:
        console.print(
            Text(
                f"too_many_files: {len(items):,} files, over the limit of "
                f"{limits.max_files:,} (PRODPLANS_MAX_FILES)",
                style="red",
            )
        )
        raise typer.Exit(2)
    if not items:
        for outcome in refused:
            console.print(Text(f"{outcome.path}: {outcome.reason}: {outcome.detail}"))
        console.print("[red]No input files.[/red] Give paths, folders, globs or --manifest.")
        raise typer.Exit(2)
    return items, refused


@app.command()
def ingest(
    paths: PathsArgument = None,
    manifest: ManifestOption = None,
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Parser processes (default: one per core; $PRODPLANS_WORKERS)."),
    ] = None,
    code: Annotated[
        bool, typer.Option(help="Code new documents against the framework (see `prodplans code`).")
    ] = True,
    cluster: ClusterOption = None,
) -> None:
    """Ingest documents into the database; unchanged files are skipped, duplicates merged."""
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store

    settings = Settings.load(db)
    refuse_unusable(cluster)
    items, refused = _items(paths, manifest, settings.limits)
    with Store.open(settings.database_url) as store, _progress() as progress:
        task = progress.add_task("Ingesting", total=len(items))
        try:
            report = ingest_files(
                items,
                store,
                limits=settings.limits,
                workers=workers,
                code=code,
                on_file=lambda _: progress.advance(task),
                cluster=cluster,
            )
        except ClusterError as exc:  # a scheduler that does not answer
            console.print(Text(str(exc), style="red"))
            raise typer.Exit(2) from exc
    report.outcomes[:0] = refused
    _print_batch(report)
    if not report.ok:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _print_batch(report: BatchReport, to: Console = console) -> None:
    problems = [o for o in report.outcomes if o.status == "failed" or o.reason]
    if problems:
        table = Table(title="Files needing attention")
        for col in ("file", "status", "reason", "detail"):
            table.add_column(col)
        for o in problems:
            style = "red" if o.status == "failed" else "yellow"
            table.add_row(
                Text(o.path),
                Text(o.status, style=style),
                Text(o.reason or ""),
                Text(o.detail or ""),
            )
        to.print(table)
    summary = Table(title="Ingest summary")
    summary.add_column("outcome")
    summary.add_column("files", justify="right")
    for status in ("ingested", "duplicate", "unchanged", "skipped", "failed"):
        summary.add_row(status, str(report.counts.get(status, 0)))
    to.print(summary)
    if report.site_councils:
        to.print(
            Text(
                f"Council settled (or unsettled) by publication site for "
                f"{report.site_councils} document(s) that name none themselves."
            )
        )
    if report.cpu:
        stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.cpu.items())
        to.print(Text(f"CPU time by stage: {stages}.", style="dim"))
    coding = report.coding
    if coding is not None:
        to.print(
            Text(
                f"Coded {len(coding.coded)} documents against the framework "
                f"(model {coding.model_version}): {coding.passages} passages, "
                f"{coding.codes} machine codes; {len(coding.failed)} failed."
            )
        )
        for document_id, error in coding.failed:
            to.print(Text(f"document {document_id} left uncoded: {error}", style="red"))


@app.command()
def inspect(
    paths: PathsArgument = None,
    manifest: ManifestOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Describe files without a database: one contract object per file (see README)."""
    from productivity_plans.inspect import inspect_files

    limits = Limits.from_env()
    items, refused = _items(paths, manifest, limits)
    for outcome in refused:
        console.print(Text(f"{outcome.path}: {outcome.reason}: {outcome.detail}"))
    recs = inspect_files(items, limits=limits)
    if as_json:
        for record in recs:
            sys.stdout.write(record.model_dump_json() + "\n")
        return
    emit(
        [r.model_dump() | {"council": r.council.code, "outcome": r.decision.outcome} for r in recs],
        Format.TABLE,
        columns=["path", "pages", "chars", "doc_type", "council", "outcome", "error"],
        title="Inspected files",
        console=out,
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find, e.g. 'single year settlement'.")],
    limit: Annotated[int, typer.Option(help="Most passages to show.")] = 10,
    db: DbOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Full-text search over every ingested passage, best match first."""
    from productivity_plans.store.db import Store

    marks = _SCREEN_MARKS if fmt is Format.TABLE else None
    with Store.open(Settings.load(db).database_url) as store:
        hits = store.search(query, limit=limit, marks=marks)
    if fmt is Format.TABLE:
        _print_hits(query, hits)
        return
    rows = [
        {"document": _doc_name(h), "page": h.page, "snippet": h.snippet, "source": h.source}
        for h in hits
    ]
    emit(rows, fmt)


# Control characters cannot occur in stored text, so they mark matches without any risk of
# document text being read as markup.
_SCREEN_MARKS = Marks(start="\x02", end="\x03")


def _doc_name(hit: SearchHit) -> str:
    return hit.title or Path(hit.source or "").name


def _highlighted(snippet: str) -> Text:
    text = Text()
    for i, piece in enumerate(re.split("[\x02\x03]", snippet)):
        text.append(piece, style="bold yellow" if i % 2 else "")
    return text


def _print_hits(query: str, hits: list[SearchHit]) -> None:
    if not hits:
        out.print(Text(f"No passages match “{query}”."))
        return
    table = Table(title=f"Passages matching “{query}”", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("document")
    table.add_column("page", justify="right")
    table.add_column("passage")
    for i, hit in enumerate(hits, 1):
        table.add_row(str(i), Text(_doc_name(hit)), str(hit.page), _highlighted(hit.snippet))
    out.print(table)


@app.command()
def stats(db: DbOption = None, fmt: FormatOption = Format.TABLE) -> None:
    """What the database holds."""
    from productivity_plans.store.db import Store

    with Store.open(Settings.load(db).database_url) as store:
        figures = store.stats()
    emit(_stats_rows(figures), fmt, console=out)


def _stats_rows(figures: StoreStats) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"measure": "documents", "value": figures.documents},
        {"measure": "sources", "value": figures.sources},
        {"measure": "pages", "value": figures.pages},
        {"measure": "passages", "value": figures.blocks},
        {"measure": "without text layer", "value": figures.no_text_layer},
        {"measure": "coded documents", "value": figures.coded_documents},
        {"measure": "uncoded documents", "value": figures.uncoded_documents},
    ]
    rows += [
        {"measure": f"{k} files", "value": v} for k, v in sorted(figures.by_media_type.items())
    ]
    return rows


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest the bundled example documents and show what came out."""
    from productivity_plans.ingest.files import load_manifest
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store

    settings = Settings.load(db)
    examples = resources.files("productivity_plans") / "examples"
    with resources.as_file(examples) as folder:
        items = load_manifest(Path(folder) / "manifest.jsonl")
        with Store.open(settings.database_url) as store:
            report = ingest_files(items, store, limits=settings.limits)
            _print_batch(report, out)
            figures = store.stats()
            emit(
                _stats_rows(figures),
                Format.TABLE,
                title=f"Database: {settings.database_url}",
                console=out,
            )
            query = "single year settlement"
            hits = store.search(query, limit=5, marks=_SCREEN_MARKS)
    _print_hits(query, hits)
    if not report.ok:
        raise typer.Exit(1)
