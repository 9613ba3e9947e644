"""The ``prodplans`` Typer app and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from productivity_plans.output import Format

app = typer.Typer(
    help="Ingest, extract, code and analyse councils' 2024 productivity plans.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite file path. Default: $PRODPLANS_DATABASE_URL, "
        "else a SQLite file in the user's data directory.",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run the work on a Dask cluster (the `cluster` extra): local[:N] starts N worker "
        "processes here, tcp://HOST:PORT uses a running scheduler. Default: a process pool.",
    ),
]
ManifestOption = Annotated[
    Path | None,
    typer.Option(
        "--manifest",
        help="JSON Lines or CSV file listing `path` and optional `url` (the published page).",
        exists=True,
        dir_okay=False,
    ),
]
PathsArgument = Annotated[
    list[str] | None, typer.Argument(help="Files, folders or glob patterns.", show_default=False)
]


def refuse_unusable(cluster: str | None) -> None:
    """Refuse a ``--cluster`` that cannot be used (a name not understood, Dask not installed)
    before any work starts."""
    from productivity_plans.cluster import ClusterError, check_cluster

    if cluster is None:
        return
    try:
        check_cluster(cluster)
    except ClusterError as exc:
        console.print(str(exc), style="red", markup=False, highlight=False)
        raise typer.Exit(2) from exc
