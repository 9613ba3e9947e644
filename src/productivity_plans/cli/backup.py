"""Commands for keeping a store safe: ``backup`` and ``restore``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from productivity_plans.cli.app import DbOption, app, console
from productivity_plans.config import Settings


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="New file to write the backup to.")],
    db: DbOption = None,
) -> None:
    """Back the database up to one file while it is in use (SQLite or PostgreSQL)."""
    from productivity_plans.store.backup import BackupError
    from productivity_plans.store.backup import backup as back_up

    settings = Settings.load(db)
    try:
        back_up(settings.database_url, file)
    except BackupError as exc:
        console.print(Text(str(exc), style="red"))
        raise typer.Exit(2) from exc
    console.print(Text(f"Backed up to {file} ({file.stat().st_size:,} bytes)."))


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `prodplans backup`.")],
    db: DbOption = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a database that already holds documents.")
    ] = False,
) -> None:
    """Restore the database from a backup, then bring it to the current schema."""
    from productivity_plans.store.backup import BackupError
    from productivity_plans.store.backup import restore as restore_from
    from productivity_plans.store.db import Store

    settings = Settings.load(db)
    with Store.open(settings.database_url) as store:
        held = store.stats().documents
    if held and not replace:
        console.print(
            Text(
                f"The database holds {held:,} documents; add --replace to overwrite them "
                "with the backup.",
                style="red",
            )
        )
        raise typer.Exit(2)
    try:
        restore_from(settings.database_url, file)
    except BackupError as exc:
        console.print(Text(str(exc), style="red"))
        raise typer.Exit(2) from exc
    with Store.open(settings.database_url) as store:  # an older backup: migrate it
        restored = store.stats().documents
    console.print(Text(f"Restored {restored:,} documents from {file}."))
