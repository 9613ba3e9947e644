"""Accuracy of the shipped path against hand labels, part by part.

``prodplans evaluate`` runs exactly what ``prodplans inspect --json --manifest`` runs (the same
parser, splitter, extractor and coder, on the files at their labelled URLs, as one collection)
and scores each record the way the project's external scorer does: council by GSS code; document
type, date, outcome and submission date exactly; the decision body by normalised containment;
"says how it measures productivity", barriers and (plans only) themes as F1 over documents.

Labels are split by council into a development part and a sealed validation part (a
``split.yaml`` beside the labels lists the validation councils); figures are given per part.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from productivity_plans.inspect import InspectRecord, inspect_files

FIELDS = ("council", "doc_type", "body", "date", "outcome", "submitted")
SETS = ("measure_f1", "barriers_f1", "themes_f1")


def validation_councils(split_file: Path) -> frozenset[str]:
    """The GSS codes of the sealed validation part."""
    data = yaml.safe_load(split_file.read_text(encoding="utf-8")) or {}
    return frozenset(str(code) for code in data.get("validation") or ())


def load_labels(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _norm_body(body: str | None) -> str:
    if not body:
        return ""
    body = body.lower().replace("&", "and")
    body = re.sub(r"\b(the|meeting of|meeting)\b", " ", body)
    return re.sub(r"[^a-z0-9]+", " ", body).strip()


def body_matches(predicted: str | None, gold: str | None) -> bool:
    """Normalised containment either way: "Cabinet" matches "the Cabinet meeting"."""
    p, g = _norm_body(predicted), _norm_body(gold)
    if not g:
        return not p
    return bool(p) and (p == g or p in g or g in p)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PartScore:
    """The figures of one part: field accuracies, F1s and the misses behind them."""

    name: str
    documents: int = 0
    plans: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    sets: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in SETS})
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        out = {k: v / self.documents if self.documents else 0.0 for k, v in self.correct.items()}
        out.update({k: c.f1 for k, c in self.sets.items() if k != "themes_f1" or self.plans})
        return out


def score(
    labels: Sequence[dict[str, Any]], records: dict[str, InspectRecord], name: str
) -> PartScore:
    """Score inspect records (by file name) against labels."""
    part = PartScore(name)
    for label in labels:
        file = Path(label["file"]).name
        record = records.get(file)
        part.documents += 1
        ok = _fields(label, record)
        for key, right in ok.items():
            part.correct[key] += right
            if not right:
                part.misses.append(f"{file}:{key}")
        predicted = bool(record and record.measures)
        part.sets["measure_f1"].add(
            {file} if predicted else set(), {file} if label.get("measurement") else set()
        )
        if predicted != bool(label.get("measurement")):
            part.misses.append(f"{file}:measure")
        found = {b.id for b in record.barriers} if record else set()
        part.sets["barriers_f1"].add(
            {(file, b) for b in found}, {(file, b) for b in label.get("barriers") or []}
        )
        if found != set(label.get("barriers") or []):
            part.misses.append(f"{file}:barriers")
        if label.get("doc_type") == "plan" and "themes" in label:
            part.plans += 1
            themes = {t.id for t in record.themes} if record else set()
            part.sets["themes_f1"].add(
                {(file, t) for t in themes}, {(file, t) for t in label["themes"]}
            )
            if themes != set(label["themes"]):
                part.misses.append(f"{file}:themes")
    return part


def _fields(label: dict[str, Any], record: InspectRecord | None) -> dict[str, bool]:
    if record is None:
        return dict.fromkeys(FIELDS, False)
    decision = record.decision
    return {
        "council": record.council.code == label.get("council_code"),
        "doc_type": record.doc_type == label.get("doc_type"),
        "body": body_matches(decision.body, label.get("decision_body")),
        "date": decision.date == label.get("decision_date"),
        "outcome": decision.outcome == label.get("decision"),
        "submitted": record.submitted_date == label.get("submitted_date"),
    }


def resolve(file: str, docs_dir: Path) -> Path:
    """A labelled ``file`` (e.g. ``docs/d013.txt``) under the documents folder."""
    name = Path(file)
    for path in (docs_dir / name, docs_dir / name.name, docs_dir.parent / name):
        if path.is_file():
            return path
    raise FileNotFoundError(f"labelled document {file!r} not found under {docs_dir}")


def evaluate_parts(
    labels: Sequence[dict[str, Any]], docs_dir: Path, validation: Iterable[str] = ()
) -> list[PartScore]:
    """Inspect every labelled file as one collection (as ``inspect --manifest`` does) and score
    the development and validation parts separately, then all together."""
    items = [(resolve(label["file"], docs_dir), label.get("url")) for label in labels]
    records = {Path(r.path).name: r for r in inspect_files(items)}
    sealed = set(validation)
    parts = [
        ("development", [x for x in labels if x.get("council_code") not in sealed]),
        ("validation", [x for x in labels if x.get("council_code") in sealed]),
    ]
    scored = [score(chosen, records, name) for name, chosen in parts if chosen and sealed]
    return [*scored, score(labels, records, "all")]


def format_parts(parts: Sequence[PartScore]) -> str:
    names = [p.name for p in parts]
    head = f"{'figure':14}" + "".join(f"{n:>14}" for n in names)
    lines = [head, "-" * len(head)]
    lines.append(f"{'documents':14}" + "".join(f"{p.documents:>14}" for p in parts))
    lines.append(f"{'plans':14}" + "".join(f"{p.plans:>14}" for p in parts))
    figures = [p.figures() for p in parts]
    for key in (*FIELDS, *SETS):
        cells = "".join(f"{f[key]:>14.3f}" if key in f else f"{'-':>14}" for f in figures)
        lines.append(f"{key:14}{cells}")
    for p in parts:
        if p.name != "all":
            lines.append(f"misses ({p.name}): {' '.join(p.misses) or 'none'}")
    return "\n".join(lines)
