"""Writer benchmark: the single writer's CPU per document, without the workers.

Prepares the ingest benchmark's PDFs once (parse, extract, code, as the pool's workers do; the
results are pickled to WORKDIR/prepared-N.pickle and reused), then stores them one by one into
a new SQLite file as the ingest writer does (``pipeline._save``: one transaction per document
with its facts, passages, codes and vectors) and prints the storing thread's CPU per document,
its wall time, and what unpickling the results costs. Run it with PYTHONPATH at the code to
measure; the prepared results are the same for every version that reads them.

    python bench/writer.py [--docs 500] [--workdir /tmp/prodplans-bench]
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from ingest import build_pdfs
from productivity_plans import pipeline
from productivity_plans.config import Limits
from productivity_plans.prepare import Coding, prepare_batch
from productivity_plans.store.codes import SavedCodes
from productivity_plans.store.db import Store


def prepared_results(paths: list[Path], cache: Path) -> bytes:
    """The pickled results of preparing ``paths`` with coding, made once."""
    if not cache.exists():
        prepared = prepare_batch([(path, None) for path in paths], Limits(), True, Coding())
        cache.write_bytes(pickle.dumps(prepared))
    return cache.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-bench"))
    args = parser.parse_args()
    paths = build_pdfs(args.workdir / "pdfs", args.docs)
    blob = prepared_results(paths, args.workdir / f"prepared-{args.docs}.pickle")
    started = time.thread_time()
    prepared = pickle.loads(blob)
    unpickle = time.thread_time() - started
    db = args.workdir / "writer.sqlite"
    for stale in (db, *(db.with_name(db.name + end) for end in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    with Store.open(f"sqlite:///{db}") as store:
        coded: list[tuple[int, SavedCodes, int]] = []
        cpu, wall = time.thread_time(), time.perf_counter()
        for path, result in zip(paths, prepared, strict=True):
            pipeline._save(path, result, store, True, coded)
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
    n = len(paths)
    print(
        f"{n} documents ({len(blob) / n / 1024:.0f} KiB pickled each): the writer "
        f"{cpu / n * 1000:.2f} ms/doc CPU, {wall / n * 1000:.2f} ms/doc wall; "
        f"unpickling {unpickle / n * 1000:.2f} ms/doc"
    )


if __name__ == "__main__":
    main()
