"""The council workspace from the command line: record a governance step, import measure values
from a CSV (optionally publishing the update) and list disputes. Thin: the rules, permissions
and audit rows are ``store.workspace``'s, exactly as for the web forms.

A command acts as a named account (``--as EMAIL``), so the audit log says who recorded what and
an officer's account can only change its own council.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from productivity_plans.cli.app import DbOption, FormatOption, app, console, out
from productivity_plans.config import Settings
from productivity_plans.output import Format, emit

if TYPE_CHECKING:
    from productivity_plans.store.accounts import User
    from productivity_plans.store.db import Store

workspace_app = typer.Typer(
    help="The council workspace: recorded steps, progress updates, disputes.",
    no_args_is_help=True,
)
app.add_typer(workspace_app, name="workspace")
AsOption = Annotated[str, typer.Option("--as", help="E-mail of the account acting.")]


def _acting(store: Store, email: str) -> User:
    from productivity_plans.store.accounts import find_user

    user = find_user(store, email)
    if user is None or not user.active:
        console.print(Text(f"No active account for {email}."))
        raise typer.Exit(2)
    return user


@workspace_app.command("record-step")
def record_step(
    council: Annotated[str, typer.Argument(help="GSS code, e.g. E07000033.")],
    kind: Annotated[str, typer.Option(help="decision, submission or publication.")],
    acting: AsOption,
    body: Annotated[str | None, typer.Option(help="The body that decided.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD, not in the future.")] = None,
    outcome: Annotated[str | None, typer.Option(help="approved, endorsed, noted…")] = None,
    url: Annotated[str | None, typer.Option(help="The paper, or the published plan.")] = None,
    db: DbOption = None,
) -> None:
    """Record a governance step, the submission or the publication for a council."""
    from productivity_plans.store.db import Store
    from productivity_plans.store.workspace import WorkspaceError
    from productivity_plans.store.workspace import record_step as record

    with Store.open(Settings.load(db).database_url) as store:
        user = _acting(store, acting)
        try:
            day = date.fromisoformat(on) if on else None
            step = record(store, user, council, kind, body=body, day=day, outcome=outcome, url=url)
        except (WorkspaceError, PermissionError, ValueError) as error:
            console.print(Text(f"Not recorded: {error}"))
            raise typer.Exit(1) from error
    out.print(Text(f"Recorded {step.kind} {step.id} for {step.council_gss}."))


@workspace_app.command("progress-import")
def progress_import(
    council: Annotated[str, typer.Argument(help="GSS code, e.g. E07000033.")],
    csv_file: Annotated[
        Path, typer.Argument(help="measure,date,value[,unit,period,source,note]", exists=True)
    ],
    title: Annotated[str, typer.Option(help="The progress update's title.")],
    acting: AsOption,
    publish: Annotated[bool, typer.Option(help="Publish the update at once.")] = False,
    db: DbOption = None,
) -> None:
    """Start a progress update from a CSV of measure values: all rows or none (bad rows are
    listed by line and the command exits 1)."""
    from productivity_plans.store import workspace
    from productivity_plans.store.db import Store

    with Store.open(Settings.load(db).database_url) as store:
        user = _acting(store, acting)
        try:
            values = workspace.parse_measures_csv(csv_file.read_text(encoding="utf-8"))
            update_id = workspace.create_update(store, user, council, title)
            workspace.add_values(store, user, update_id, values, how="csv")
            if publish:
                workspace.publish_update(store, user, update_id)
        except workspace.CsvImportError as error:
            for line, why in error.problems:
                console.print(Text(f"line {line}: {why}"))
            console.print(Text("Nothing was imported."))
            raise typer.Exit(1) from error
        except (workspace.WorkspaceError, PermissionError) as error:
            console.print(Text(f"Not imported: {error}"))
            raise typer.Exit(1) from error
    state = "published" if publish else "a draft"
    out.print(Text(f"Update {update_id} ({state}): {len(values)} values."))


@workspace_app.command("disputes")
def disputes(
    council: Annotated[str | None, typer.Option(help="Only this council (GSS code).")] = None,
    status: Annotated[str | None, typer.Option(help="open, upheld or dismissed.")] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Councils' disputes of codes and statuses, oldest first."""
    from productivity_plans.store import workspace
    from productivity_plans.store.db import Store

    with Store.open(Settings.load(db).database_url) as store:
        found = workspace.disputes(store, council_gss=council, status=status, limit=100_000)
    emit(
        [
            {
                "id": d.id,
                "council": d.council_gss,
                "disputed": d.requirement or f"{d.code_type}={d.value} (passage {d.passage_id})",
                "note": d.note,
                "status": d.status,
                "raised_by": d.raised_by,
                "decision_note": d.decision_note,
            }
            for d in found.disputes
        ],
        fmt,
    )
