"""``prodplans evaluate``: score the machine against hand labels, part by part.

Each part is a function in ``PARTS`` that takes (labels, docs folder) and returns the text to
print; ``--part all`` (the default) runs every registered part. ``shipped`` scores exactly the
``inspect --json`` path per corpus part (development / sealed validation, from ``split.yaml``
beside the labels); ``extraction`` lists the extracted facts per field; ``coding``
cross-validates the learned part of the coder over the development councils (each council's
documents held out in turn), with the TF-IDF baseline beside it, from ``passages.jsonl``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from productivity_plans.cli.app import app, out


def _sealed(labels: Path) -> frozenset[str]:
    from productivity_plans.accuracy import validation_councils

    split = labels.parent / "split.yaml"
    return validation_councils(split) if split.is_file() else frozenset()


def _shipped(labels: Path, docs: Path) -> str:
    from productivity_plans.accuracy import evaluate_parts, format_parts, load_labels

    return format_parts(evaluate_parts(load_labels(labels), docs, _sealed(labels)))


def _extraction(labels: Path, docs: Path) -> str:
    from productivity_plans.extract.evaluate import evaluate_extraction

    return evaluate_extraction(labels, docs).format_table()


def _coding(labels: Path, docs: Path) -> str:
    import tempfile

    from productivity_plans.accuracy import load_labels
    from productivity_plans.coding.evaluate import evaluate_coding

    passages = labels.parent / "passages.jsonl"
    if not passages.is_file():
        return f"(no passage labels at {passages}: coding not evaluated)"
    sealed = _sealed(labels)
    development = [x for x in load_labels(labels) if x.get("council_code") not in sealed]
    with tempfile.TemporaryDirectory() as tmp:
        dev_labels = Path(tmp) / "development.jsonl"
        dev_labels.write_text("".join(json.dumps(x) + "\n" for x in development), "utf-8")
        return evaluate_coding(dev_labels, docs, passages).format_table()


PARTS: dict[str, Callable[[Path, Path], str]] = {
    "shipped": _shipped,
    "extraction": _extraction,
    "coding": _coding,
}


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
