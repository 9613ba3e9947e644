"""Scale benchmark: ingest rate, worker scaling, cost of new documents and search at archive sizes.

For each size in ``--sizes`` (ascending; each grows the same archive, built by
``bench/archive.py``'s generator through the real pipeline with extraction and coding) prints:

- ingest: documents/s while the archive grew to this size, in its first and last batch (does a
  document cost more as the store grows?);
- new documents: seconds per document to ingest ``--delta`` (100) new documents into an empty
  store and into the archive, and their ratio (target: 1.0, the same per document);
- search: p50/p95 at ``--clients`` (20) concurrent clients, full text and by meaning (after
  ``/healthz`` alone, the floor of the machine at that moment), against a
  uvicorn server on the archive (``bench/web.py``'s server and load generator), against the
  target p95 (50 ms on SQLite, 100 ms on PostgreSQL).

Then once, on ``--scaling-docs`` documents into empty stores: documents/s with today's pool at
1 and 2 workers and, when the installed pipeline takes ``cluster``, Dask ``local:1`` and
``local:2``; the speed-up and scaling efficiency (speed-up / workers), and Dask's overhead on
1 worker over the pool's.

Every ingest runs in a child process of its own (a fresh interpreter: model loading and
imports are paid the same way each time) and is timed around ``ingest_files`` only, not the
generation of its files. ``--db postgresql`` starts a throwaway PostgreSQL cluster in
``WORKDIR/postgres`` and stops it at the end (the data directory stays, so a big archive is
built once; delete the work dir to start over); ``--db sqlite`` is a SQLite file in the work dir.

    PYTHONPATH=src nice -n 10 python bench/scale.py --db postgresql --sizes 1000,10000
        [--workdir /tmp/prodplans-scale] [--cluster local:2] [--scaling-docs 400]
        [--clients 20] [--seconds 10] [--parts grow,new,search,scaling]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from archive import (
    ArchiveGenerator,
    archive_counts,
    build_hnsw_index,
    database,
    files,
    fresh_database,
    has_cluster_option,
    ingest,
    ingest_options,
    server_cpu_seconds,
)
from web import FRESH, SEARCHES, default_client, load, served

# Document numbers of the samples that are not part of the archive, far beyond any size built,
# so they never collide with archive documents nor with each other.
SCALING_START = 50_000_000
DELTA_START = 60_000_000


def child(args: argparse.Namespace) -> None:
    """One timed ingest of documents ``--start`` to ``--start + --docs`` (run in a fresh
    process by ``run_child``); prints the batches' timings as JSON."""
    from productivity_plans.store.db import Store

    generator = ArchiveGenerator(args.seed)
    options = ingest_options(args.cluster, args.workers)
    timings = []
    stages = time_stages() if args.stages else {}
    with Store.open(args.db) as store:
        for first in range(args.start, args.start + args.docs, args.batch):
            last = min(args.start + args.docs, first + args.batch)
            items = files(generator, first, last, args.workdir, args.pdf_share)
            timing = ingest(store, items, options)
            timings.append(
                {"before": timing.documents_before, "ingested": timing.ingested}
                | {"seconds": timing.seconds, "cpu": timing.cpu_seconds}
            )
            print(
                f"  {timing.ingested} ingested into a store of {timing.documents_before} in "
                f"{timing.seconds:.1f} s",
                file=sys.stderr,
                flush=True,
            )
        documents = store.stats().documents
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"batches": timings, "documents": documents, "stages": stages, "peak_mb": peak_mb}
    print(json.dumps(result))


# Where the ingesting process spends a document's time, by the functions that do each part in
# today's pipeline (module, name); a part that has moved elsewhere shows as "n/a". "Writer" parts
# hold the single store connection; the others could run in workers.
STAGES = {
    "store documents and facts (writer)": ("productivity_plans.pipeline", "_save"),
    "  of which facts and the site tally": ("productivity_plans.store.db", "insert_facts"),
    "  of which passages and codes": ("productivity_plans.store.codes", "_write_codes"),
    "  of which passage vectors": ("productivity_plans.store.codes", "write_vectors"),
    "site pass (writer, reads the store)": ("productivity_plans.pipeline", "settle_site_councils"),
    "find documents to code (reads the store)": ("productivity_plans.coding_jobs", "_targets"),
    "load parsed text (reads the store)": ("productivity_plans.coding_jobs", "load_parsed"),
    "classify passages (CPU)": ("productivity_plans.coding_jobs", "code_document"),
    "write passages and codes (writer)": ("productivity_plans.coding_jobs", "write_passage_codes"),
    "write passage vectors (writer)": ("productivity_plans.coding_jobs", "write_passage_vectors"),
}


def time_stages() -> dict[str, float]:
    """Wall seconds spent in each of ``STAGES``'s functions from now on in this process, by
    wrapping each in a timer where its module looks it up (a profiler's overhead would distort
    the Python-heavy parts several times over). Behaviour is unchanged."""
    spent: dict[str, float] = {}
    for stage, (module_name, name) in STAGES.items():
        module = importlib.import_module(module_name)
        function = getattr(module, name, None)
        if function is not None:
            spent[stage] = 0.0
            setattr(module, name, timed(function, stage, spent))
    return spent


def timed(function: Callable[..., Any], stage: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - started

    return wrapper


def run_child(
    args: argparse.Namespace,
    url: str,
    start: int,
    docs: int,
    *,
    batch: int | None = None,
    workers: int | None = None,
    cluster: str | None = None,
    stages: bool = False,
) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", "--db", url, "--workdir", str(args.workdir)]
    command += ["--start", str(start), "--docs", str(docs), "--batch", str(batch or args.batch)]
    command += ["--seed", str(args.seed), "--pdf-share", str(args.pdf_share)]
    if workers is not None:
        command += ["--workers", str(workers)]
    if cluster is not None:
        command += ["--cluster", cluster]
    if stages:
        command.append("--stages")
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"ingest child failed: {' '.join(command)}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def empty_store(url: str, workdir: Path, name: str) -> str:
    """A URL of a new, empty store beside the archive: a new database on the same PostgreSQL
    server, or a new SQLite file in the work dir."""
    if url.startswith("sqlite"):
        path = workdir / "empty" / f"{name}.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    return fresh_database(url)


def rate(result: dict[str, Any]) -> tuple[int, float]:
    """Documents ingested and the seconds ``ingest_files`` took, over all batches."""
    ingested = sum(b["ingested"] for b in result["batches"])
    return ingested, sum(b["seconds"] for b in result["batches"])


def grow(args: argparse.Namespace, url: str, size: int) -> None:
    """Grow the archive to ``size`` documents and print the rate (first, last, whole)."""
    result = run_child(args, url, 0, size)
    batches = [b for b in result["batches"] if b["ingested"]]
    if not batches:
        print(f"archive: {result['documents']} documents (already built)")
        return
    ingested, seconds = rate(result)
    first, last = batches[0], batches[-1]
    print(
        f"archive: {result['documents']} documents; grew by {ingested} in {seconds:.0f} s: "
        f"{ingested / seconds:.1f} docs/s (batch into {first['before']}: "
        f"{first['ingested'] / first['seconds']:.1f} docs/s; into {last['before']}: "
        f"{last['ingested'] / last['seconds']:.1f} docs/s)"
    )


def new_documents(args: argparse.Namespace, url: str) -> None:
    """``--delta`` new documents into an empty store and the same ones into the archive,
    ``--repeat`` times with new documents each time and the pair's order alternating, so
    neither side always runs second (warm file cache) or in a slow spell of the machine."""
    from productivity_plans.store.db import Store

    with Store.open(url) as store:
        before = store.stats().documents
    ratios, empty_ms, archive_ms = [], [], []
    stages: dict[str, dict[str, list[float]]] = {"empty": {}, "archive": {}}
    for repeat in range(args.repeat):
        # New documents for each run and repeat, never in the archive already: the archive
        # grows by at least ``repeat * delta`` documents in each run.
        start = DELTA_START + before * args.repeat + repeat * args.delta
        empty = empty_store(url, args.workdir, f"delta-{repeat}")
        targets = [empty, url] if repeat % 2 == 0 else [url, empty]
        seconds = {}
        for target in targets:
            result = run_child(args, target, start, args.delta, batch=args.delta, stages=True)
            ingested, spent = rate(result)
            seconds[target] = spent / ingested
            side = stages["archive" if target == url else "empty"]
            for stage, stage_seconds in result["stages"].items():
                side.setdefault(stage, []).append(stage_seconds / ingested * 1000)
        empty_ms.append(seconds[empty] * 1000)
        archive_ms.append(seconds[url] * 1000)
        ratios.append(seconds[url] / seconds[empty])
    print(
        f"{args.delta} new documents, median of {args.repeat}: "
        f"{statistics.median(empty_ms):.0f} ms/doc into an empty store, "
        f"{statistics.median(archive_ms):.0f} ms/doc into the archive (of {before}): "
        f"ratio {statistics.median(ratios):.2f} (each: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + "; target 1.0)",
        flush=True,
    )
    print("  per stage, ms/doc into an empty store -> into the archive (medians):")
    for stage, values in stages["empty"].items():
        into_archive = statistics.median(stages["archive"].get(stage, [0.0]))
        print(f"    {stage:44} {statistics.median(values):7.1f} -> {into_archive:7.1f}")


def search(args: argparse.Namespace, url: str, target_ms: float) -> None:
    from productivity_plans.store.db import Store

    with Store.open(url) as store:
        # A bulk load that stopped before building its HNSW index again (archive.py
        # --defer-index) would leave search by meaning scanning every vector.
        build_hnsw_index(store)
        print(f"searching an archive of {archive_counts(store)}; load {os.getloadavg()[0]:.1f}")
    with served(url, args.workdir / "data", args.search_workers) as base:
        # The floor: what the server, wrk and the machine's other work cost a request alone.
        r = load(base, "/healthz", args.clients, args.seconds, args.requests, args.client)
        print(
            f"baseline /healthz: p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, "
            f"{r['rps']:.0f} req/s at {args.clients} clients"
        )
        for name, path in SEARCHES:
            warm(base + path, args.search_workers)
            # every request searches: the web layer's kept results must not stand in for it
            r = load(
                base, path, args.clients, args.seconds, args.requests, args.client, headers=FRESH
            )
            verdict = "met" if r["p95"] <= target_ms else "NOT met"
            errors = f" ({int(r['errors'])} errors)" if r["errors"] else ""
            if not r["n"]:
                raise SystemExit(f"{name}: no answers in {args.seconds:g} s")
            print(
                f"{name}: p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, {r['rps']:.0f} req/s "
                f"at {args.clients} clients (p95 <= {target_ms:g} ms: {verdict}){errors}"
            )


def warm(url: str, server_workers: int) -> None:
    """Requests enough at once for every server process to load what the first search needs
    (the model and, by meaning, the vectors: seconds on a big archive), before timing."""
    import httpx

    def get(_: int) -> None:
        httpx.get(url, timeout=600).raise_for_status()

    with ThreadPoolExecutor(4 * server_workers) as pool:
        list(pool.map(get, range(8 * server_workers)))


def scaling(args: argparse.Namespace, url: str) -> None:
    """Documents/s of the pool and of Dask at 1 and 2 workers, each into an empty store."""
    runs: list[tuple[str, int, dict[str, Any]]] = [
        ("pool, 1 worker (in process)", 1, {"workers": 1}),
        ("pool, 2 workers", 2, {"workers": 2}),
    ]
    if has_cluster_option():
        runs += [
            ("dask local:1", 1, {"cluster": "local:1"}),
            ("dask local:2", 2, {"cluster": "local:2"}),
        ]
    print(f"workers, {args.scaling_docs} documents into an empty store, median of {args.repeat}:")
    # The sample's files are written before the first timed run, so no run pays for them.
    sample = (SCALING_START, SCALING_START + args.scaling_docs)
    files(ArchiveGenerator(args.seed), *sample, args.workdir, args.pdf_share)
    rates: dict[str, list[float]] = {name: [] for name, _workers, _options in runs}
    for repeat in range(args.repeat):
        for i, (name, _workers, options) in enumerate(runs):
            store = empty_store(url, args.workdir, f"scaling-{i}-{repeat}")
            result = run_child(
                args, store, SCALING_START, args.scaling_docs, batch=args.scaling_docs, **options
            )
            ingested, seconds = rate(result)
            rates[name].append(ingested / seconds)
    medians = {name: statistics.median(values) for name, values in rates.items()}
    for name, workers, _options in runs:
        one = medians["pool, 1 worker (in process)" if name.startswith("pool") else "dask local:1"]
        speedup = medians[name] / one
        print(
            f"  {name:30} {medians[name]:6.1f} docs/s  speed-up {speedup:.2f}x  "
            f"efficiency {speedup / workers:.0%}"
        )
    if "dask local:1" in medians:
        overhead = medians["pool, 1 worker (in process)"] / medians["dask local:1"] - 1
        print(f"  Dask's overhead on 1 worker over the pool's: {overhead:.0%} (target <= 15%)")
        two = medians["dask local:2"] / medians["dask local:1"]
        print(f"  Dask 2 workers / 1 worker: {two:.2f}x (target >= 1.6x)")
    else:
        print("  Dask: this pipeline has no cluster option yet (to be measured after merge)")


def split(args: argparse.Namespace, url: str) -> None:
    """Where a document's time goes, timed on ``--scaling-docs`` documents into an empty
    store: what is parallel (the workers' CPU, classification) and what the single writer
    does, per document: the figures the N-machine model in docs/scale.md is built from."""
    sample = (SCALING_START, args.scaling_docs)
    store = empty_store(url, args.workdir, "split")
    cluster = args.workdir / "postgres" if args.db == "postgresql" else None
    server_before = server_cpu_seconds(cluster) if cluster else 0.0
    result = run_child(args, store, *sample, batch=args.scaling_docs, stages=True)
    server = server_cpu_seconds(cluster) - server_before if cluster else None
    ingested, seconds = rate(result)
    cpu: dict[str, float] = {}
    for batch in result["batches"]:
        for stage, spent in batch["cpu"].items():
            cpu[stage] = cpu.get(stage, 0.0) + spent
    print(
        f"where a document's time goes ({ingested} documents into an empty store, "
        f"{seconds / ingested * 1000:.0f} ms/doc; peak RSS of the ingesting process "
        f"{result['peak_mb']:.0f} MB):"
    )
    for stage in ("parse", "extract"):
        spent = cpu.get(stage, 0.0) / ingested * 1000
        print(f"  {stage + ' (pool workers, CPU)':44} {spent:7.1f} ms")
    for stage in STAGES:
        spent = result["stages"].get(stage)
        shown = f"{spent / ingested * 1000:7.1f} ms" if spent is not None else "    n/a (moved)"
        print(f"  {stage:44} {shown}")
    rest = seconds - sum(result["stages"].values())
    print(f"  {'rest of the ingest call':44} {rest / ingested * 1000:7.1f} ms")
    parallel = (cpu.get("parse", 0.0) + cpu.get("extract", 0.0)) / ingested * 1000
    parallel += result["stages"].get("classify passages (CPU)", 0.0) / ingested * 1000
    database = sum(
        spent for stage, spent in result["stages"].items() if "writer" in stage or "reads" in stage
    )
    writer = database / ingested * 1000
    if server is not None:
        served_by_one = parallel / (server / ingested * 1000)
        print(
            f"  {'PostgreSQL server CPU (all backends)':44} {server / ingested * 1000:7.1f} ms:"
            f" one server core keeps up with {served_by_one:.1f} workers' parallel work"
        )
    print(
        f"  parallel work {parallel:.1f} ms/doc, single writer and its reads {writer:.1f} ms/doc:"
        f" one writer saturates at {1000 / writer:.0f} docs/s, fed by "
        f"{parallel / writer:.1f} workers"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="sqlite", help="sqlite, postgresql, or a database URL")
    parser.add_argument("--sizes", default="1000", help="archive sizes, ascending, e.g. 1000,10000")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-scale"))
    parser.add_argument("--batch", type=int, default=500, help="documents per ingest call")
    parser.add_argument("--workers", type=int, default=None, help="pool workers for the build")
    parser.add_argument("--cluster", default=None, help="passed to the build's ingest (Dask)")
    parser.add_argument("--pdf-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--delta", type=int, default=100)
    parser.add_argument("--scaling-docs", type=int, default=400)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each new-documents pair and worker setting"
    )
    parser.add_argument(
        "--parts",
        default="grow,new,search,scaling",
        help="what to measure, comma-separated: grow, new (documents), search, scaling",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--search-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--client", choices=["wrk", "httpx"], default=default_client())
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--stages", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # progress shows in a log file as it comes
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{args.workdir / 'archive.sqlite'}" if args.db == "sqlite" else args.db
    target_ms = 50.0 if db.startswith("sqlite") else 100.0
    print(
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
        f"{'SQLite' if db.startswith('sqlite') else 'PostgreSQL'}; pool workers "
        f"{args.workers or 'default'}, cluster {args.cluster or 'none'}; client {args.client}"
    )
    with database(db, args.workdir) as url:
        parts = set(args.parts.split(","))
        for size in sorted(int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            print(f"\n== archive of {size} documents", flush=True)
            if "grow" in parts:
                grow(args, url, size)
            if "new" in parts:
                new_documents(args, url)
            if "search" in parts:
                search(args, url, target_ms)
            print(f"(this size took {time.perf_counter() - started:.0f} s)")
        if "scaling" in parts:
            print()
            scaling(args, url)
            print()
            split(args, url)


if __name__ == "__main__":
    main()
