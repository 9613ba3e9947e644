"""Write tests/fixtures/corpus/passages.jsonl from the documents and the hand-label spec.

    PYTHONPATH=src python scripts/make_passage_labels.py

Every passage of every document is written; passages the spec does not list are `council` with
no codes. Each spec entry must match exactly one passage of its document (else this fails).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from productivity_plans.coding.passages import passages_from_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


def main() -> None:
    spec = yaml.safe_load((CORPUS / "passage_label_spec.yaml").read_text(encoding="utf-8"))
    by_file: dict[str, list[list[object]]] = {}
    for entry in spec["labels"]:
        by_file.setdefault(str(entry[0]), []).append(entry)
    rows = []
    used = 0
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        passages = passages_from_text(text)
        labels: dict[int, dict[str, object]] = {}
        for key, entries in by_file.items():
            if not path.stem.startswith(key):
                continue
            for _, needle, kind, headings, questions, barriers, measure in entries:
                hits = [p.index for p in passages if str(needle) in p.text]
                if len(hits) != 1:
                    raise SystemExit(f"{path.name}: {needle!r} matches {len(hits)} passages")
                labels[hits[0]] = {
                    "kind": "requirement" if kind == "R" else "council",
                    "headings": sorted(headings),  # type: ignore[call-overload]
                    "questions": sorted(questions),  # type: ignore[call-overload]
                    "barriers": sorted(barriers),  # type: ignore[call-overload]
                    "is_measure": bool(measure),
                }
                used += 1
        for p in passages:
            rows.append(
                {
                    "file": f"docs/{path.name}",
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "labels": labels.get(
                        p.index,
                        {
                            "kind": "council",
                            "headings": [],
                            "questions": [],
                            "barriers": [],
                            "is_measure": False,
                        },
                    ),
                }
            )
    if used != len(spec["labels"]):
        raise SystemExit(f"only {used} of {len(spec['labels'])} spec entries were applied")
    with (CORPUS / "passages.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages ({used} hand-coded entries)")


if __name__ == "__main__":
    main()
