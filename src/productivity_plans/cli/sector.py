"""Sector commands: the report (HTML + PDF) and exports (CSV, XLSX, JSON, zip of originals).

For now both build the sector snapshot from files: the bundled examples, or the paths and
manifest given, run through ingest, extract and coding in memory. A ``--db`` option arrives when
the store can hand over a snapshot (``load_snapshot``); until then there is none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from productivity_plans.cli.app import ManifestOption, PathsArgument, app, console, out

if TYPE_CHECKING:
    from productivity_plans.sector.snapshot import SectorSnapshot

OutOption = Annotated[Path, typer.Option("--out", help="Directory to write into (created).")]
ExamplesOption = Annotated[
    bool,
    typer.Option(
        "--examples",
        help="Use the bundled example documents (the default when no paths or manifest given).",
    ),
]


def _inputs(
    paths: list[str] | None, manifest: Path | None, examples: bool
) -> list[tuple[Path, str | None]]:
    from productivity_plans.ingest.files import discover, load_manifest
    from productivity_plans.sector.build import examples_dir, manifest_items

    items: list[tuple[Path, str | None]] = []
    if examples or not (paths or manifest):
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


def _snapshot(items: list[tuple[Path, str | None]]) -> SectorSnapshot:
    from productivity_plans.sector.build import read_results, snapshot_from_results

    console.print(f"Reading and coding {len(items)} documents…")
    return snapshot_from_results(read_results(items))


@app.command()
def report(
    out_dir: OutOption,
    paths: PathsArgument = None,
    manifest: ManifestOption = None,
    examples: ExamplesOption = False,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write the PDF.")] = True,
) -> None:
    """Write the sector report: sector-report.html (self-contained) and sector-report.pdf."""
    from productivity_plans.report import build_report

    snapshot = _snapshot(_inputs(paths, manifest, examples))
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
    items = _inputs(paths, manifest, examples)
    if fmt == "zip":
        from productivity_plans.ingest import sha256_file

        originals = [Original(p, sha256_file(p) if p.is_file() else None, url) for p, url in items]
        out.print(str(write_originals_zip(originals, out_dir / "originals.zip")))
        return
    from productivity_plans.sector.results import run_analyses, tables

    snapshot = _snapshot(items)
    named = tables(run_analyses(snapshot))
    if fmt == "csv":
        written = write_csv(named, out_dir)
        out.print(f"{len(written)} CSV files in {out_dir}")
    elif fmt == "xlsx":
        out.print(str(write_xlsx(named, out_dir / "sector.xlsx")))
    else:
        meta = {"framework": snapshot.framework.id, "source": snapshot.source_line}
        out.print(str(write_json(named, out_dir / "sector.json", meta)))
