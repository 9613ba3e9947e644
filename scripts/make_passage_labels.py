"""Write tests/fixtures/corpus/passages.jsonl from the documents and the hand-label spec.

    PYTHONPATH=src python scripts/make_passage_labels.py

Every passage of every document is written; passages the spec does not list are `council` with
no codes. Each spec entry must match exactly one passage of its document, no two entries may
label the same passage, and the passage labels must agree with the document labels in
labels.jsonl (barrier ids, plan themes, measurement). Every problem is reported, then the
script exits non-zero without writing if there was any.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from productivity_plans.coding.passages import passages_from_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"

UNLABELLED: dict[str, Any] = {
    "kind": "council",
    "headings": [],
    "questions": [],
    "barriers": [],
    "is_measure": False,
}


def agreement_problems(doc: dict[str, Any], labels: list[dict[str, Any]]) -> list[str]:
    """Where a document's passage labels disagree with its document label."""
    name = Path(doc["file"]).name
    problems = []
    council = [lab for lab in labels if lab["kind"] == "council"]
    for lab in labels:
        if lab["kind"] == "requirement" and (
            lab["headings"] or lab["questions"] or lab["barriers"] or lab["is_measure"]
        ):
            problems.append(f"{name}: a requirement passage carries codes {lab}")
    barriers = {b for lab in labels for b in lab["barriers"]}
    if barriers != set(doc.get("barriers") or []):
        problems.append(
            f"{name}: passage barriers {sorted(barriers)} != document barriers "
            f"{sorted(doc.get('barriers') or [])}"
        )
    if doc.get("doc_type") == "plan":
        headings = {h for lab in council for h in lab["headings"]}
        if headings != set(doc.get("themes") or []):
            problems.append(
                f"{name}: council passage headings {sorted(headings)} != plan themes "
                f"{sorted(doc.get('themes') or [])}"
            )
    measured = any(lab["is_measure"] for lab in labels)
    if measured != (doc.get("measurement") is not None):
        problems.append(
            f"{name}: is_measure on some passage is {measured} but measurement is "
            f"{doc.get('measurement')!r}"
        )
    return problems


def main() -> None:
    spec = yaml.safe_load((CORPUS / "passage_label_spec.yaml").read_text(encoding="utf-8"))
    docs = {
        json.loads(line)["file"]: json.loads(line)
        for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    by_file: dict[str, list[list[Any]]] = {}
    for entry in spec["labels"]:
        by_file.setdefault(str(entry[0]), []).append(entry)
    problems: list[str] = []
    rows = []
    used = 0
    paths = sorted((CORPUS / "docs").glob("*.txt"))
    for key in by_file:
        if not any(p.stem.startswith(key) for p in paths):
            problems.append(f"spec key {key!r} matches no document")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        passages = passages_from_text(text)
        labels: dict[int, dict[str, Any]] = {}
        for key, entries in by_file.items():
            if not path.stem.startswith(key):
                continue
            for _, needle, kind, headings, questions, barriers, measure in entries:
                hits = [p.index for p in passages if str(needle) in p.text]
                if len(hits) != 1:
                    problems.append(f"{path.name}: {needle!r} matches {len(hits)} passages")
                    continue
                if hits[0] in labels:
                    problems.append(f"{path.name}: {needle!r} labels a passage already labelled")
                labels[hits[0]] = {
                    "kind": "requirement" if kind == "R" else "council",
                    "headings": sorted(headings),
                    "questions": sorted(questions),
                    "barriers": sorted(barriers),
                    "is_measure": bool(measure),
                }
                used += 1
        doc = docs.get(f"docs/{path.name}")
        if doc is None:
            problems.append(f"{path.name}: no entry in labels.jsonl")
        else:
            problems.extend(agreement_problems(doc, list(labels.values())))
        for p in passages:
            rows.append(
                {
                    "file": f"docs/{path.name}",
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "labels": labels.get(p.index, dict(UNLABELLED)),
                }
            )
    if problems:
        for problem in problems:
            print(problem)
        raise SystemExit(
            f"{len(problems)} problem(s); {used} of {len(spec['labels'])} spec entries applied; "
            "passages.jsonl not written"
        )
    with (CORPUS / "passages.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages ({used} hand-coded entries)")


if __name__ == "__main__":
    main()
