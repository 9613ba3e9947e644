"""Sector commands: the report (HTML + PDF) and exports (CSV, XLSX, JSON, zip of originals).

Both read the database (``--db``, else the default one) with human decisions applied. Given
paths, a manifest or ``--examples`` instead, they build the snapshot from those files in
memory (ingest, extract and coding, nothing stored).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from productivity_plans.cli.app import (
    DbOption,
    ManifestOption,
    PathsArgument,
    app,
    console,
    out,
)
from productivity_plans.config import Settings

if TYPE_CHECKING:
    from productivity_plans.export import Original
    from productivity_plans.sector.snapshot import SectorSnapshot

OutOption = Annotated[Path, typer.Option("--out", help="Directory to write into (created).")]
ExamplesOption = Annotated[
    bool,
    typer.Option(
        "--examples",
        help="Use the bundled example documents instead of the database.",
    ),
]


def _inputs(
    paths: list[str] | None, manifest: Path | None, examples: bool
) -> list[tuple[Path, str | None]]:
    from productivity_plans.ingest.files import discover, load_manifest
    from productivity_plans.sector.build import examples_dir, manifest_items

    items: list[tuple[Path, str | None]] = []
    if examples:
        items.extend(manifest_items(examples_dir() / "manifest.jsonl"))
    try:
        items.extend((p, None) for p in discover(paths or []))
    except FileNotFoundError as exc:
        console.print(f"[red]Not found:[/red] {exc}")
        raise typer.Exit(2) from exc
    if manifest:
        try:
            items.extend(load_manifest(manifest))
        except ValueError as exc:
            console.print(f"[red]Bad manifest[/red] {manifest}: {exc}")
            raise typer.Exit(2) from exc
    return items


def _from_files(paths: list[str] | None, manifest: Path | None, examples: bool) -> bool:
    return bool(paths or manifest or examples)


def _snapshot(
    db: str | None, paths: list[str] | None, manifest: Path | None, examples: bool
) -> SectorSnapshot:
    if not _from_files(paths, manifest, examples):
        from productivity_plans.sector.load import load_snapshot
        from productivity_plans.store.db import Store

        with Store.open(Settings.load(db).database_url) as store:
            snapshot = load_snapshot(store)
        if not snapshot.documents:
            console.print(
                "[red]The database holds no documents.[/red] Ingest some, or use --examples."
            )
            raise typer.Exit(2)
        return snapshot
    from productivity_plans.sector.build import read_results, snapshot_from_results

    items = _inputs(paths, manifest, examples)
    console.print(f"Reading and coding {len(items)} documents…")
    return snapshot_from_results(read_results(items))


def _stored_originals(db: str | None) -> list[Original]:
    from productivity_plans.export import Original
    from productivity_plans.store.db import Store

    with Store.open(Settings.load(db).database_url) as store:
        urls = {f.document_id: f.url for f in store.facts()}
        documents = store.documents()
    return [Original(Path(d.source), d.sha256, urls.get(d.id)) for d in documents if d.source]


@app.command()
def report(
    out_dir: OutOption,
    paths: PathsArgument = None,
    manifest: ManifestOption = None,
    examples: ExamplesOption = False,
    db: DbOption = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write the PDF.")] = True,
) -> None:
    """Write the sector report: sector-report.html (self-contained) and sector-report.pdf."""
    from productivity_plans.report import build_report

    snapshot = _snapshot(db, paths, manifest, examples)
    paths_out = build_report(snapshot, out_dir, pdf=pdf)
    out.print(str(paths_out.html))
    if paths_out.pdf:
        out.print(str(paths_out.pdf))


@app.command()
def export(
    out_dir: OutOption,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, xlsx, json or zip (originals).")
    ] = "csv",
    paths: PathsArgument = None,
    manifest: ManifestOption = None,
    examples: ExamplesOption = False,
    db: DbOption = None,
) -> None:
    """Export the sector tables (csv: one file per table; xlsx: one sheet per table; json), or
    a zip of the original documents with a manifest of their SHA-256 and URLs."""
    from productivity_plans.export import (
        FORMATS,
        Original,
        write_csv,
        write_json,
        write_originals_zip,
        write_xlsx,
    )

    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "zip":
        from productivity_plans.ingest import sha256_file

        if _from_files(paths, manifest, examples):
            items = _inputs(paths, manifest, examples)
            originals = [
                Original(p, sha256_file(p) if p.is_file() else None, url) for p, url in items
            ]
        else:
            originals = _stored_originals(db)
        out.print(str(write_originals_zip(originals, out_dir / "originals.zip")))
        return
    from productivity_plans.sector.results import run_analyses, tables

    snapshot = _snapshot(db, paths, manifest, examples)
    named = tables(run_analyses(snapshot))
    if fmt == "csv":
        written = write_csv(named, out_dir)
        out.print(f"{len(written)} CSV files in {out_dir}")
    elif fmt == "xlsx":
        out.print(str(write_xlsx(named, out_dir / "sector.xlsx")))
    else:
        meta = {"framework": snapshot.framework.id, "source": snapshot.source_line}
        out.print(str(write_json(named, out_dir / "sector.json", meta)))
