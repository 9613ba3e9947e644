"""Compare extraction with hand labels (``labels.jsonl``), field by field.

Matching rules:

* ``council_code``, ``doc_type``, ``decision`` (outcome), ``decision_date``, ``submitted_date``:
  exact equality, where null = null counts as a match (saying "not stated" correctly is right).
* ``decision_body``: a match when both are null, or both name the same canonical kind of body
  (cabinet, executive, council, committee, leader, mayor, portfolio holder, officer) **and** the
  names agree after normalisation: case, a leading "the", punctuation and the generic words
  "committee"/"meeting"/"of the council" are ignored and the token-set similarity is ≥ 90
  ("Policy and Finance" = "Policy and Finance Committee"; "The Mayor and Executive Member for
  Adult Social Care" = "Mayor and Executive Member for Adult Social Care"; "Cabinet" ≠
  "Cabinet Executive" is decided by the token-set score, which is 100 for a subset — so the
  canonical kind is what separates "Cabinet" from "Council").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from productivity_plans.councils.sites import SiteDocument, infer_site_councils
from productivity_plans.extract import extract_facts
from productivity_plans.extract.governance import body_kind
from productivity_plans.extract.records import Facts

FIELDS = (
    "council_code",
    "doc_type",
    "decision_body",
    "decision_date",
    "decision",
    "submitted_date",
)


def normalise_body(body: str | None) -> str:
    if not body:
        return ""
    low = body.lower().replace("&", " and ")
    low = re.sub(r"[^\w\s]", " ", low)
    low = re.sub(r"\b(?:the|committee|meeting|of the council)\b", " ", low)
    return re.sub(r"\s+", " ", low).strip()


def bodies_match(predicted: str | None, expected: str | None) -> bool:
    if not predicted or not expected:
        return not predicted and not expected
    if body_kind(predicted) != body_kind(expected):
        return False
    a, b = normalise_body(predicted), normalise_body(expected)
    return a == b or fuzz.token_set_ratio(a, b) >= 90


def _predicted(facts: Facts) -> dict[str, Any]:
    d = facts.decision
    return {
        "council_code": facts.council_code,
        "doc_type": facts.doc_type,
        "decision_body": d.body,
        "decision_date": d.date.isoformat() if d.date else None,
        "decision": d.outcome,
        "submitted_date": facts.submitted_date.isoformat() if facts.submitted_date else None,
    }


def _equal(a: Any, b: Any) -> bool:
    return bool(a == b)


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {"decision_body": bodies_match}


@dataclass(frozen=True, slots=True)
class Miss:
    file: str
    field: str
    expected: Any
    predicted: Any


@dataclass(slots=True)
class FieldScore:
    field: str
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class EvaluationReport:
    fields: dict[str, FieldScore]
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0

    def accuracy(self, name: str) -> float:
        return self.fields[name].accuracy

    def format_table(self) -> str:
        lines = [f"{'field':<16} {'correct':>7} {'total':>5} {'accuracy':>8}"]
        for score in self.fields.values():
            lines.append(
                f"{score.field:<16} {score.correct:>7} {score.total:>5} {score.accuracy:>8.1%}"
            )
        if self.misses:
            lines.append("")
            lines.append("misses:")
            for miss in self.misses:
                lines.append(
                    f"  {miss.file:<40} {miss.field:<15} expected={miss.expected!r} "
                    f"got={miss.predicted!r}"
                )
        return "\n".join(lines)


def evaluate_extraction(
    labels: Path, docs_dir: Path, *, files: Iterable[str] | None = None
) -> EvaluationReport:
    """Run :func:`extract_facts` on each labelled document (URL from the label) and score it.

    The documents are then treated as one collection, as an ingest batch is: a document that
    names no council takes its site's council when the site's other documents agree
    (``councils.sites``).

    ``docs_dir`` is the folder the label ``file`` paths are relative to (their ``docs/`` prefix
    may be included or not). ``files`` restricts the run to those label ``file`` values.
    """
    wanted = set(files) if files is not None else None
    report = EvaluationReport(fields={f: FieldScore(f) for f in FIELDS})
    documents: list[tuple[dict[str, Any], str, Facts]] = []
    for line in labels.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        if wanted is not None and label["file"] not in wanted:
            continue
        path = docs_dir / label["file"]
        if not path.exists():
            path = docs_dir / Path(label["file"]).name
        text = path.read_text("utf-8")
        documents.append((label, text, extract_facts(text, url=label.get("url"))))
    _settle_sites(documents)
    for label, _text, facts in documents:
        predicted = _predicted(facts)
        report.documents += 1
        for f in FIELDS:
            expected = label.get(f)
            compare = _COMPARE.get(f, _equal)
            same = compare(predicted[f], expected)
            score = report.fields[f]
            score.total += 1
            score.correct += int(same)
            if not same:
                report.misses.append(Miss(label["file"], f, expected, predicted[f]))
    return report


def _settle_sites(documents: list[tuple[dict[str, Any], str, Facts]]) -> None:
    """Site inference over the evaluated documents as one collection, as ingest does."""
    inferred = infer_site_councils(
        (
            SiteDocument(i, label.get("url"), facts.council)
            for i, (label, _t, facts) in enumerate(documents)
        ),
        lambda i: documents[i][1],
    )
    for i, council in inferred.items():
        label, text, facts = documents[i]
        documents[i] = (label, text, replace(facts, council=council))
