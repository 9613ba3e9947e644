"""Extraction benchmark, in process: CPU time of ``extract_facts`` and of each of its parts on
the texts of the ingest benchmark's PDFs (bench/ingest.py builds them; this script reuses or
builds them the same way).

The PDFs are parsed first (not timed). Then, in each round, every text goes through
``extract_facts`` and, separately, through its parts in the order it calls them, each part
timed on its own; the best round is reported per document. Times are CPU time
(``time.process_time``), which other work on the machine does not add to.

    python bench/extract.py [--docs 200] [--rounds 5] [--workdir /tmp/prodplans-bench]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import build_pdfs

PAPERS = {"committee_report", "decision_record", "minutes", "agenda_item"}


def parts(year: int) -> list[tuple[str, Callable[[str, str | None, dict[str, Any]], Any]]]:
    """extract_facts's steps, in its order; each gets (text, title, what earlier steps made)."""
    from productivity_plans.councils.identify import identify_council
    from productivity_plans.extract.dates import scan_dates
    from productivity_plans.extract.doctype import classify_document
    from productivity_plans.extract.governance import (
        extract_decision,
        find_author,
        find_call_in,
        find_key_decision,
        find_publication,
        find_recommendations,
        find_submission,
        find_timeline,
    )
    from productivity_plans.extract.layout import normalise

    def paper_details(text: str, _title: str | None, got: dict[str, Any]) -> object:
        if got["doc type"][0] not in PAPERS:
            return None
        return (
            find_author(text),
            find_recommendations(text),
            find_key_decision(text),
            find_call_in(text),
        )

    return [
        ("layout", lambda text, _title, _got: normalise(text)),  # the text the others read
        ("council", lambda text, title, _got: identify_council(text, title=title)),
        ("doc type", lambda text, title, _got: classify_document(text, title=title)),
        ("date scan", lambda text, _title, _got: scan_dates(text, year)),
        (
            "decision",
            lambda text, _t, got: extract_decision(text, got["doc type"][0], got["date scan"]),
        ),
        ("submission", lambda text, _t, got: find_submission(text, got["date scan"])),
        ("paper details", paper_details),
        ("timeline", lambda text, _t, got: find_timeline(text, year, got["date scan"])),
        ("publication", lambda text, _title, _got: find_publication(text)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-bench"))
    args = parser.parse_args()

    from productivity_plans.ingest import read_document

    paths = build_pdfs(args.workdir / "pdfs", args.docs)
    texts: list[tuple[str, str | None]] = []
    for path in paths:
        parsed = read_document(path).parsed
        texts.append((parsed.text, parsed.title))
    chars = sum(len(text) for text, _title in texts) / len(texts)
    print(f"{len(texts)} PDF texts, {chars:,.0f} characters each on average")
    from productivity_plans.extract import extract_facts
    from productivity_plans.framework import load_framework

    steps = parts(load_framework().deadline.year)
    whole = float("inf")
    best = {name: float("inf") for name, _step in steps}
    for _ in range(args.rounds + 1):  # the first round warms caches and compiled patterns
        start = time.process_time()
        for text, title in texts:
            extract_facts(text, title=title)
        whole = min(whole, time.process_time() - start)
        spent = dict.fromkeys(best, 0.0)
        for text, title in texts:
            got: dict[str, Any] = {}
            for name, step in steps:
                start = time.process_time()
                got[name] = step(text, title, got)
                spent[name] += time.process_time() - start
                if name == "layout":
                    text = got[name]
        best = {name: min(best[name], spent[name]) for name in best}
    per_doc = 1000 / len(texts)
    print(f"{'extract_facts':<16}{whole * per_doc:>7.2f} ms/doc")
    for name, seconds in best.items():
        print(f"  {name:<14}{seconds * per_doc:>7.2f}")


if __name__ == "__main__":
    main()
