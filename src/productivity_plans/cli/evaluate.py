"""``prodplans evaluate``: score the machine against hand labels, part by part.

Each part is a function in ``PARTS`` that takes (labels, docs folder) and returns the text to
print; ``--part all`` (the default) runs every registered part. The coding part cross-validates
over councils (each council's documents held out in turn) and prints the TF-IDF baseline beside
the model; it reads passage labels from ``passages.jsonl`` beside the labels file.
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


def _coding(labels: Path, docs: Path) -> str:
    from productivity_plans.coding.evaluate import evaluate_coding

    passages = labels.parent / "passages.jsonl"
    if not passages.is_file():
        return f"(no passage labels at {passages}: coding not evaluated)"
    return evaluate_coding(labels, docs, passages).format_table()


PARTS: dict[str, Callable[[Path, Path], str]] = {"extraction": _extraction, "coding": _coding}


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
