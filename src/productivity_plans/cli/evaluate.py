"""``prodplans evaluate``: score the machine against hand labels, part by part.

Each part is a function in ``PARTS`` that takes (labels, docs folder) and returns the text to
print. Extraction is the only part so far; the coding engine's evaluation is added by
registering another entry (e.g. ``PARTS["coding"] = _coding``), and ``--part all`` (the
default) runs every registered part.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from productivity_plans.cli.app import app, out


def _extraction(labels: Path, docs: Path) -> str:
    from productivity_plans.extract.evaluate import evaluate_extraction

    return evaluate_extraction(labels, docs).format_table()


PARTS: dict[str, Callable[[Path, Path], str]] = {"extraction": _extraction}


@app.command()
def evaluate(
    labels: Annotated[
        Path, typer.Argument(help="labels.jsonl (one object per document).", exists=True)
    ],
    docs: Annotated[
        Path,
        typer.Argument(help="Folder the labels' `file` paths are relative to.", exists=True),
    ],
    part: Annotated[
        str, typer.Option(help=f"Which part to score: {', '.join(PARTS)} or all.")
    ] = "all",
) -> None:
    """Accuracy of the machine against hand labels (per field, with the misses)."""
    chosen = list(PARTS) if part == "all" else [part]
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise typer.BadParameter(
            f"{unknown[0]!r}: choose from {', '.join(PARTS)} or all", param_hint="--part"
        )
    for name in chosen:
        out.print(f"[bold]{name}[/bold]")
        out.print(PARTS[name](labels, docs), markup=False, highlight=False, soft_wrap=True)
