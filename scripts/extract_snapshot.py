"""Exactness check for speed work on the extract stage: every output on a fixed set of texts.

Writes, as JSON, the full ``extract_facts`` result, the doc-type scores and the date scan of the
corpus texts, their halves, doublings and neighbouring concatenations, the house-style papers
and (when given) the texts of the ingest benchmark's PDFs. Run it before and after a change
meant only to make extraction faster; the two files must be identical (``cmp``).

    PYTHONPATH=src python scripts/extract_snapshot.py OUT.json [--pdfs /tmp/prodplans-bench/pdfs]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def texts(pdfs: Path | None) -> list[tuple[str, str, str | None]]:
    """(name, text, title) for every text the snapshot covers, in a fixed order."""
    corpus = sorted((FIXTURES / "corpus" / "docs").glob("*.txt"))
    bodies = [(p.name, p.read_text(encoding="utf-8")) for p in corpus]
    out: list[tuple[str, str, str | None]] = []
    for name, text in bodies:
        half = len(text) // 2
        out += [(name, text, None), (f"{name}:half1", text[:half], None)]
        out += [(f"{name}:half2", text[half:], None), (f"{name}:double", f"{text}\n\n{text}", None)]
    for (first, a), (_, b) in itertools.pairwise(bodies):
        out.append((f"{first}:next", f"{a}\n\n{b}", None))
    for path in sorted((FIXTURES / "house_styles").glob("*.txt")):
        out.append((path.name, path.read_text(encoding="utf-8"), None))
    if pdfs is not None:
        from productivity_plans.ingest import read_document

        for path in sorted(pdfs.glob("*.pdf"))[:70]:
            parsed = read_document(path).parsed
            out.append((path.name, parsed.text, parsed.title))
    return out


def _plain(value: object) -> object:
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else str(value)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pdfs", type=Path, help="the ingest benchmark's PDFs (first 70)")
    args = parser.parse_args()

    from productivity_plans.extract import extract_facts
    from productivity_plans.extract.dates import scan_dates
    from productivity_plans.extract.doctype import classify_document
    from productivity_plans.extract.layout import normalise

    snapshot = {}
    for name, text, title in texts(args.pdfs):
        layout = normalise(text)
        snapshot[name] = {
            "facts": extract_facts(text, title=title),
            "doctype": classify_document(layout, title=title),
            "dates": scan_dates(layout, 2024),
        }
    args.out.write_text(json.dumps(snapshot, default=_plain, indent=1, sort_keys=True))
    print(f"{len(snapshot)} texts -> {args.out}")


if __name__ == "__main__":
    main()
