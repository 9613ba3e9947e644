"""Governance commands: one council's trail and compliance view, the all-council compliance
listing, and re-extraction of stored documents. Thin: the analysis is in
``productivity_plans.sector.compliance``."""

from __future__ import annotations

import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from productivity_plans.cli.app import DbOption, FormatOption, app, console, out
from productivity_plans.config import Settings
from productivity_plans.output import Format, emit

if TYPE_CHECKING:
    from productivity_plans.sector.compliance import Claim, CouncilGovernance


def _squash(sentence: str | None) -> str:
    """Evidence as one line: PDF text keeps layout spaces that only get in the way here."""
    return " ".join((sentence or "").split())


_STYLE = {"evidenced": "green", "late": "yellow", "not_evidenced": "red", "no_documents": "dim"}


@app.command()
def council(
    name: Annotated[str, typer.Argument(help="Council name (fuzzy) or GSS code.")],
    db: DbOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """One council's governance trail (every dated step, de-duplicated) and compliance view."""
    from productivity_plans.sector.compliance import council_governance, find_council
    from productivity_plans.store.db import Store

    found = find_council(name)
    if found is None:
        console.print(Text(f"No council in force on the deadline matches “{name}”."))
        raise typer.Exit(2)
    with Store.open(Settings.load(db).database_url) as store:
        result = council_governance(store, found)
    if fmt is not Format.TABLE:
        emit(_claim_rows(result), fmt)
        return
    _print_council(result)


def _claim_rows(result: CouncilGovernance) -> list[dict[str, object]]:
    return [
        {
            "requirement": c.requirement,
            "status": c.status,
            "detail": c.detail,
            "date": c.date.isoformat() if c.date else None,
            "body": c.body,
            "evidence": _squash(c.evidence) or None,
            "document": _claim_source(c) or None,
        }
        for c in result.claims
    ]


def _print_council(result: CouncilGovernance) -> None:
    from productivity_plans.sector.plan_steps import STEP_KIND_LABELS

    c = result.council
    out.print(Text(f"{c.official_name} ({c.gss_code}, {c.type}, {c.region})", style="bold"))
    out.print(Text(f"{len(result.documents)} document(s) attributed to this council"))
    trail = Table(title="Governance trail", show_lines=True)
    for col in ("date", "body", "action", "evidence", "document"):
        trail.add_column(col)
    for e in sorted(result.trail + result.recorded, key=lambda e: e.date):
        first = e.document.label if e.document else f"recorded by the council {e.url or ''}"
        docs = [first.strip(), *(d.label for d in e.also_in)]
        trail.add_row(
            e.date.isoformat(),
            Text(e.body or ""),
            e.action if e.kind == "plan_decision" else f"{e.action} ({STEP_KIND_LABELS[e.kind]})",
            Text(_squash(e.sentence)),
            Text("\n".join(docs)),
        )
    if result.trail or result.recorded:
        out.print(trail)
    else:
        out.print(Text("No dated governance steps found."))
    view = Table(title="Compliance with the framework's requirements (not a score)")
    for col in ("requirement", "status", "detail", "evidence", "document"):
        view.add_column(col)
    for claim in result.claims:
        view.add_row(
            claim.requirement,
            Text(claim.status, style=_STYLE.get(claim.status, "")),
            Text(claim.detail),
            Text(_squash(claim.evidence)),
            Text(_claim_source(claim)),
        )
    out.print(view)


def _claim_source(claim: Claim) -> str:
    if claim.document:
        return claim.document.label
    return f"recorded by the council {claim.url or ''}".strip() if claim.recorded else ""


@app.command()
def compliance(
    type_: Annotated[
        str | None,
        typer.Option("--type", help="e.g. non_metropolitan_district, unitary, county."),
    ] = None,
    region: Annotated[str | None, typer.Option(help="e.g. 'East Midlands', 'London'.")] = None,
    status: Annotated[
        str | None,
        typer.Option(help="Keep councils with this status on any requirement, e.g. late."),
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Also write the full table as CSV to this file.")
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Every council's status per requirement (317 in England); no scores, no ranking."""
    from productivity_plans.sector.compliance import (
        COMPLIANCE_COLUMNS,
        STATUSES,
        compliance_row,
    )
    from productivity_plans.sector.compliance import (
        compliance as assess_all,
    )
    from productivity_plans.store.db import Store

    if status is not None:
        status = status.replace(" ", "_")
        if status not in STATUSES:
            raise typer.BadParameter(f"one of {', '.join(STATUSES)}", param_hint="--status")
    with Store.open(Settings.load(db).database_url) as store:
        results = assess_all(store, type_=type_, region=region, status=status)
    rows = [compliance_row(r) for r in results]
    if out_file is not None:
        full = list(rows[0].keys()) if rows else list(COMPLIANCE_COLUMNS)
        with out_file.open("w", newline="", encoding="utf-8") as handle, redirect_stdout(handle):
            emit(rows, Format.CSV, columns=full)
        console.print(Text(f"Wrote {len(rows)} councils to {out_file}"))
    columns = list(COMPLIANCE_COLUMNS) if fmt is Format.TABLE else None
    if fmt is Format.JSON or fmt is Format.CSV:
        columns = list(rows[0].keys()) if rows else list(COMPLIANCE_COLUMNS)
    emit(rows, fmt, columns=columns, title=f"{len(rows)} councils", console=out)
    sys.stdout.flush()


@app.command()
def extract(db: DbOption = None) -> None:
    """Re-run extraction over every stored document (e.g. after an upgrade); exits 1 if the
    extractor failed on any (their earlier facts are kept)."""
    from productivity_plans.pipeline import reextract
    from productivity_plans.store.db import Store

    with Store.open(Settings.load(db).database_url) as store:
        done = reextract(store)
    console.print(Text(f"Re-extracted facts for {done.count} document(s)."))
    for document_id, error in done.failed:
        console.print(
            Text(f"document {document_id}: extraction failed ({error}); its earlier facts kept")
        )
    if done.failed:
        raise typer.Exit(1)
