"""Fuzz every parser for as long as asked: the test suite's property (a well-formed document or
a named IngestError, never another exception), many more examples.

    PYTHONPATH=src python bench/fuzz.py [--examples 2000] [--kind pdf --kind docx …] [--seed N]

Prints, per format, the examples run, what they came to (parsed, or each error code), the time
taken and the slowest single parse; exits 1 with hypothesis's minimal failing input if the
property fails. A parser that crashes the interpreter (a C library's segfault) ends the run
with the signal: run one --kind at a time to find which.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.fixtures

from hypothesis import HealthCheck, given, seed, settings
from tests.fixtures import fuzzing


def fuzz(kind: str, examples: int, random_seed: int | None) -> tuple[Counter[str], float]:
    """Run the property ``examples`` times on ``kind``; return the outcomes and the slowest
    parse in seconds."""
    outcomes: Counter[str] = Counter()
    slowest = 0.0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzing.inputs(fuzzing.seed(kind)))
    def run(data: bytes) -> None:
        nonlocal slowest
        started = time.perf_counter()
        fuzzing.check_parse(kind, data, outcomes)
        slowest = max(slowest, time.perf_counter() - started)

    (seed(random_seed)(run) if random_seed is not None else run)()
    return outcomes, slowest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=2_000, help="per format")
    parser.add_argument("--kind", action="append", choices=sorted(fuzzing.SUFFIXES))
    parser.add_argument("--seed", type=int, default=None, help="repeat a run exactly")
    args = parser.parse_args()
    for kind in args.kind or sorted(fuzzing.SUFFIXES):
        started = time.perf_counter()
        outcomes, slowest = fuzz(kind, args.examples, args.seed)
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{code} {n}" for code, n in outcomes.most_common())
        print(
            f"{kind:5} {sum(outcomes.values()):6} examples in {elapsed:6.1f} s "
            f"(slowest {slowest * 1000:.0f} ms): {summary}",
            flush=True,
        )


if __name__ == "__main__":
    main()
