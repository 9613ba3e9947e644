"""Evaluate coding on the labelled corpus with leave-one-council-out cross-validation.

Every figure is on documents whose council was not in the training fold (grouping by council
keeps re-captures of the same minute or plan out of training). The TF-IDF baseline is trained
and scored the same way.

    PYTHONPATH=src python -m productivity_plans.coding.evaluate
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from productivity_plans.coding.classify import code_passages, summarise
from productivity_plans.coding.passages import passages_from_parsed
from productivity_plans.coding.records import PassageCode
from productivity_plans.coding.train import Mode, TrainingExample, train
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.ingest import read_document


@dataclass
class F1:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[Any], gold: Iterable[Any]) -> None:
        p, g = set(predicted), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CodingReport:
    scores: dict[str, dict[str, F1]] = field(default_factory=dict)  # system -> metric -> F1
    folds: int = 0
    documents: int = 0
    passages: int = 0
    versions: dict[str, str] = field(default_factory=dict)

    def f1(self, system: str, metric: str) -> float:
        return self.scores[system][metric].f1

    def format_table(self) -> str:
        systems = list(self.scores)
        metrics = list(next(iter(self.scores.values())))
        head = f"{'metric':34}" + "".join(f"{s:>22}" for s in systems)
        lines = [
            f"leave-one-council-out CV: {self.folds} folds, {self.documents} documents, "
            f"{self.passages} passages",
            head,
            "-" * len(head),
        ]
        for m in metrics:
            row = f"{m:34}"
            for s in systems:
                sc = self.scores[s][m]
                row += f"{sc.f1:>10.3f} (P{sc.precision:.2f} R{sc.recall:.2f})"
            lines.append(row)
        return "\n".join(lines)


METRICS = [
    "doc: themes (plans)",
    "doc: barriers",
    "doc: states measurement",
    "passage: requirement kind",
    "passage: headings",
    "passage: questions",
    "passage: barriers",
    "passage: is_measure",
]


def _examples(rows: list[dict[str, Any]]) -> list[TrainingExample]:
    out = []
    for r in rows:
        lab = r["labels"]
        out.append(
            TrainingExample(
                r["text"],
                tuple(lab["headings"]),
                tuple(lab["questions"]),
                tuple(lab["barriers"]),
                bool(lab["is_measure"]),
                lab["kind"],
                context=r.get("context", ""),
            )
        )
    return out


def resolve_doc(file: str, docs_dir: Path) -> Path:
    """The text of a labelled ``file`` (e.g. ``docs/d013.txt``) given the documents folder.

    ``docs_dir`` may be the folder holding the texts or the folder the label paths are relative
    to; an absolute ``file`` is used as is. Raises ``FileNotFoundError`` naming the candidates.
    """
    name = Path(file)
    if name.is_absolute():
        return name
    candidates = [docs_dir / name, docs_dir / name.name, docs_dir.parent / name]
    for path in candidates:
        if path.is_file():
            return path
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"labelled document {file!r} not found (tried {tried})")


def load_passage_rows(passage_labels: Path, docs_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Passage label rows by file, each with the heading context the splitter gives it."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for line in passage_labels.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_file.setdefault(row["file"], []).append(row)
    for file, rows in by_file.items():
        parsed = read_document(resolve_doc(file, docs_dir)).parsed
        ctx = {(p.start, p.end): p.heading or "" for p in passages_from_parsed(parsed)}
        for r in rows:
            r["context"] = ctx.get((r["start"], r["end"]), "")
    return by_file


def corpus_examples(
    passage_labels: Path, docs_dir: Path, *, exclude: set[str] | frozenset[str] = frozenset()
) -> list[TrainingExample]:
    """Training examples from a passages.jsonl file, leaving out the ``exclude`` files."""
    rows = load_passage_rows(passage_labels, docs_dir)
    return _examples([r for f, rs in rows.items() if f not in exclude for r in rs])


def evaluate_coding(
    labels: Path,
    docs_dir: Path,
    passage_labels: Path,
    *,
    framework: Framework | None = None,
    systems: dict[str, Mode] | None = None,
) -> CodingReport:
    framework = framework or load_framework()
    systems = systems or {"embedding+tfidf LR": "embedding", "tfidf LR (baseline)": "tfidf"}
    docs = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = load_passage_rows(passage_labels, docs_dir)
    groups: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        groups.setdefault(d["council_code"], []).append(d)
    files = {d["file"] for d in docs}
    report = CodingReport(
        folds=len(groups),
        documents=len(docs),
        passages=sum(len(v) for f, v in rows.items() if f in files),
    )
    for name, mode in systems.items():
        scores = {m: F1() for m in METRICS}
        for council, held_out in groups.items():
            held = {d["file"] for d in held_out}
            train_rows = [r for f, rs in rows.items() if f in files - held for r in rs]
            model = train(_examples(train_rows), framework, mode=mode)
            report.versions[name] = model.version.rsplit("-", 1)[0]
            for d in held_out:
                _score_document(d, rows.get(d["file"], []), docs_dir, framework, model, scores)
            del council
        report.scores[name] = scores
    return report


def _score_document(
    doc: dict[str, Any],
    rows: list[dict[str, Any]],
    docs_dir: Path,
    framework: Framework,
    model: Any,
    scores: dict[str, F1],
) -> None:
    passages = passages_from_parsed(read_document(resolve_doc(doc["file"], docs_dir)).parsed)
    codes = code_passages(passages, framework=framework, model=model)
    summary = summarise(codes, framework, model.version)
    key = doc["file"]
    if doc["doc_type"] == "plan" and "themes" in doc:
        scores["doc: themes (plans)"].add(
            {(key, t) for t in summary.theme_ids}, {(key, t) for t in doc["themes"]}
        )
    scores["doc: barriers"].add(
        {(key, b) for b in summary.barrier_ids}, {(key, b) for b in doc["barriers"]}
    )
    scores["doc: states measurement"].add(
        {key} if summary.states_measurement else set(), {key} if doc["measurement"] else set()
    )
    by_span: dict[tuple[int, int], PassageCode] = {
        (c.passage.start, c.passage.end): c for c in codes
    }
    for r in rows:
        c = by_span.get((r["start"], r["end"]))
        if c is None:
            continue
        lab, pid = r["labels"], (key, r["start"])
        scores["passage: requirement kind"].add(
            {pid} if c.kind == "requirement" else set(),
            {pid} if lab["kind"] == "requirement" else set(),
        )
        scores["passage: headings"].add(
            {(pid, h) for h in c.headings}, {(pid, h) for h in lab["headings"]}
        )
        scores["passage: questions"].add(
            {(pid, q) for q in c.questions}, {(pid, q) for q in lab["questions"]}
        )
        scores["passage: barriers"].add(
            {(pid, b) for b in c.barriers}, {(pid, b) for b in lab["barriers"]}
        )
        scores["passage: is_measure"].add(
            {pid} if c.is_measure else set(), {pid} if lab["is_measure"] else set()
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--docs", type=Path, required=True, help="document texts")
    parser.add_argument("--passages", type=Path, required=True)
    args = parser.parse_args(argv)
    report = evaluate_coding(args.labels, args.docs, args.passages)
    print(report.format_table())
    for name, version in report.versions.items():
        print(f"{name}: {version}")


if __name__ == "__main__":
    main()
