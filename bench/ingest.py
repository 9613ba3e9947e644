"""Ingest benchmark: the full pipeline against bare pypdfium2 text extraction on the same PDFs.

Builds realistic committee-paper PDFs from the bundled corpus texts (reportlab, A4, several pages
each, every file unique so nothing is deduplicated), then, each in a fresh subprocess so peak
RSS is its own:
  bare      pypdfium2: open each PDF and read every page's text; nothing else.
  pipeline  `ingest_files` into a new SQLite file: sniff, hash, parse, blocks, extraction,
            store (document + facts in one transaction), FTS.
  no-extract  the same pipeline with extraction switched off.
Prints docs/s, pages/s, CPU seconds (the run's process and its workers), peak RSS, the ratio
pipeline/bare (target <= 1.5) and the split: extraction's share of pipeline time,
(pipeline - no-extract) / pipeline (the old 20% target is retired: extraction is plain
re now, issue 15), what it adds to ingest without it,
(pipeline - no-extract) / no-extract, and the share of CPU time. Then the split inside one
run: the CPU seconds the pipeline itself times per stage (parse and extract in the workers,
the site pass and the store writes in the main process), which two runs' difference cannot
give as steadily on a shared machine.

With --code, also:
  coded     the pipeline with coding (ingest's default): classification and passage vectors
            in the workers, each document written with its codes and vectors in one
            transaction. Prints the ratio coded/bare (issue 18's target: <= 6.5).
With --cluster SPEC (repeatable; e.g. --cluster local:1 --cluster local:2), the coded pipeline
on a Dask cluster (`ingest --cluster`), next to the process pool with as many workers
(pool:N; pool:1 runs in the writer's process, as ingest does with one worker). Prints docs/s,
Dask's overhead over the pool with as many workers, and the scaling of each cluster over the
first one given (issue 18's targets: local:2 >= 1.6x local:1; local:1 within 15% of the pool).

With --profile FILE, only the coded run (on the first --cluster given, else the default pool),
once, with cProfile in the ingesting process (the single writer: it stores every document while
the workers parse, extract and code): its stats go to FILE and the functions that took the most
time in it are printed.

Wall time on a shared 2-core machine is noisy: --repeat N runs the three N times, interleaved,
and reports each figure's median, and the split of each pipeline/no-extract pair (adjacent in
time, so a slow spell of the machine hits both; in alternating order) with the pairs' median,
its 95% confidence interval (from 6 pairs up) and range. For
extraction's own cost per document, measured in process and per part, see bench/extract.py.

    python bench/ingest.py [--docs 1000] [--repeat 1] [--workdir /tmp/prodplans-bench]
                           [--code] [--cluster local:1 --cluster local:2]
                           [--profile FILE [--cluster SPEC]]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"


def build_pdfs(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("*.pdf"))
    if len(existing) >= count:
        return existing[:count]
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    paths = []
    for i in range(count):
        path = folder / f"paper-{i:05d}.pdf"
        paths.append(path)
        if path.exists():
            continue
        # Three corpus texts per paper gives 2-6 A4 pages, like a short committee report.
        body = "\n\n".join(texts[(i + k) % len(texts)] for k in range(3))
        write_pdf(path, f"Productivity Plan report {i}", body)
    return paths


def write_pdf(path: Path, title: str, body: str) -> None:
    """An A4 PDF of ``body``, one paragraph per line, under ``title`` (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"])]
    for para in body.split("\n"):
        para = para.strip()
        if para:
            safe = para.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            story.append(Paragraph(safe, styles["BodyText"]))
            story.append(Spacer(1, 4))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def run_bare(paths: list[Path]) -> dict[str, float]:
    import pypdfium2 as pdfium

    pages = 0
    chars = 0
    start = time.perf_counter()
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": pages, "chars": chars}


def run_pipeline(
    paths: list[Path],
    db_path: Path,
    *,
    extract: bool = True,
    code: bool = False,
    workers: int | None = None,
    cluster: str | None = None,
) -> dict[str, float]:
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store

    # A journal left by a run killed midway would be applied to the new file (SQLite: "disk
    # I/O error"), so it goes too.
    for stale in (db_path, *(db_path.with_name(db_path.name + end) for end in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    with Store.open(f"sqlite:///{db_path}") as store:
        # Only given a cluster: the benchmark also measures code from before --cluster.
        where: dict[str, Any] = {"cluster": cluster} if cluster else {}
        report = ingest_files(
            [(p, None) for p in paths], store, extract=extract, code=code, workers=workers, **where
        )
        stats = store.stats()
    seconds = time.perf_counter() - start
    if not report.ok:
        raise SystemExit(f"pipeline failed on {len(report.failed)} files: {report.failed[:3]}")
    if code and (report.coding is None or len(report.coding.coded) != stats.documents):
        raise SystemExit(f"coding left documents uncoded: {report.coding}")
    return {
        "seconds": seconds,
        "pages": float(stats.pages),
        "documents": float(stats.documents),
        **{f"cpu_{stage}": cpu for stage, cpu in report.cpu.items()},
    }


def child(mode: str, folder: Path, count: int, profile: Path | None = None) -> None:
    paths = sorted(folder.glob("*.pdf"))[:count]
    db_path = folder.parent / "bench.sqlite"
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    if mode == "bare":
        result = run_bare(paths)
    elif mode == "coded":
        result = run_pipeline(paths, db_path, code=True)
    elif mode.startswith("pool:"):
        result = run_pipeline(paths, db_path, code=True, workers=int(mode.split(":")[1]))
    elif mode.startswith("cluster:"):
        result = run_pipeline(paths, db_path, code=True, cluster=mode.partition(":")[2])
    else:
        result = run_pipeline(paths, db_path, extract=mode == "pipeline")
    if profiler and profile:
        profiler.disable()
        profiler.dump_stats(profile)
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu"] = (
        own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime + live_children_cpu()
    )
    result["peak_rss_mb"] = own.ru_maxrss / 1024
    result["docs"] = len(paths)
    print(json.dumps(result))


def live_children_cpu() -> float:
    """CPU seconds of this process's live child processes and of the children they reaped. The
    pipeline's workers are children of multiprocessing's forkserver, which outlives the pool,
    so getrusage(RUSAGE_CHILDREN) here does not count them. Linux /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            stat = Path(f"/proc/{pid}/stat").read_text()
            # After "pid (comm)": utime, stime, cutime, cstime are the 12th to 15th fields.
            total += sum(int(field) for field in stat.rsplit(")", 1)[1].split()[11:15])
    return total / ticks


def measure(mode: str, folder: Path, count: int, profile: Path | None = None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--workdir", str(folder.parent)]
    if profile:
        cmd += ["--profile", str(profile)]
    done = subprocess.run([*cmd, "--docs", str(count)], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{mode} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; medians printed")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-bench"))
    parser.add_argument("--code", action="store_true", help="also run the coded pipeline")
    parser.add_argument(
        "--cluster", action="append", default=[], help="also run on this Dask cluster (repeat)"
    )
    parser.add_argument(
        "--profile", type=Path, help="profile the writer of one coded run; stats to this file"
    )
    parser.add_argument("--child")
    args = parser.parse_args()
    folder = args.workdir / "pdfs"
    if args.child:
        child(args.child, folder, args.docs, args.profile)
        return
    started = time.perf_counter()
    paths = build_pdfs(folder, args.docs)
    built = time.perf_counter() - started
    print(f"corpus: {len(paths)} PDFs in {folder} (built or reused in {built:.1f} s)")
    if args.profile:
        profile_writer(args.profile.resolve(), folder, args.docs, args.cluster)
        return
    extra = (["coded"] if args.code else []) + _cluster_modes(args.cluster)
    runs: dict[str, list[dict[str, float]]] = {
        mode: [] for mode in ("bare", "pipeline", "no-extract", *extra)
    }
    for i in range(args.repeat):
        # The pair's order alternates (ABBA), so a drift in the machine's speed, or whatever
        # the first run of a pair leaves behind for the second, favours neither side.
        pair = ("pipeline", "no-extract") if i % 2 == 0 else ("no-extract", "pipeline")
        for mode in ("bare", *pair, *(extra if i % 2 == 0 else extra[::-1])):
            runs[mode].append(measure(mode, folder, args.docs))
    median = {
        mode: {key: statistics.median(r[key] for r in results) for key in results[0]}
        for mode, results in runs.items()
    }
    bare, pipe, plain = median["bare"], median["pipeline"], median["no-extract"]
    if args.repeat > 1:
        print(f"medians of {args.repeat} interleaved runs each")
    print(f"{'run':<18}{'seconds':>9}{'docs/s':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MB':>13}")
    for name, r in median.items():
        print(
            f"{name:<18}{r['seconds']:>9.2f}{r['docs'] / r['seconds']:>9.1f}"
            f"{r['pages'] / r['seconds']:>9.1f}{r['cpu']:>8.2f}{r['peak_rss_mb']:>13.0f}"
        )
    print(f"ratio pipeline/bare (time): {pipe['seconds'] / bare['seconds']:.2f}  (target <= 1.5)")
    if "coded" in median:
        coded = median["coded"]
        print(
            f"ratio coded/bare (time): {coded['seconds'] / bare['seconds']:.2f}  (target <= 6.5); "
            f"coding adds {coded['seconds'] / pipe['seconds'] - 1:.0%} to the pipeline's time"
        )
    print_clusters(args.cluster, median)
    share = (pipe["seconds"] - plain["seconds"]) / pipe["seconds"]
    per_doc = (pipe["seconds"] - plain["seconds"]) / pipe["docs"] * 1000
    print(
        f"split: extraction {share:.1%} of pipeline time ({per_doc:.1f} ms/doc; "
        f"ingest without it {plain['seconds'] / plain['docs'] * 1000:.1f} ms/doc)"
    )
    added = (pipe["seconds"] - plain["seconds"]) / plain["seconds"]
    print(f"       extraction adds {added:.1%} to the time of ingest without it")
    if args.repeat > 1:
        print_pairs(runs["pipeline"], runs["no-extract"])
    cpu_share = (pipe["cpu"] - plain["cpu"]) / pipe["cpu"]
    cpu_per_doc = (pipe["cpu"] - plain["cpu"]) / pipe["docs"] * 1000
    print(f"       extraction {cpu_share:.1%} of pipeline CPU time ({cpu_per_doc:.1f} ms/doc)")
    print_stages(pipe, plain, median.get("coded"))


def profile_writer(profile: Path, folder: Path, count: int, clusters: list[str]) -> None:
    """One coded run (on the first cluster given, else the default pool) under cProfile: the
    writer's own time per document, and where it goes."""
    mode = f"cluster:{clusters[0]}" if clusters else "coded"
    result = measure(mode, folder, count, profile)
    stats = pstats.Stats(str(profile))
    print(
        f"{mode}: {result['seconds']:.2f} s, {result['docs'] / result['seconds']:.1f} docs/s, "
        f"writer CPU (store stage) {result.get('cpu_store', 0.0) / result['docs'] * 1000:.1f} "
        f"ms/doc under the profiler; stats in {profile}"
    )
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(50)


def _cluster_modes(clusters: list[str]) -> list[str]:
    """Each cluster's run, after a pool run with as many workers (local:N only)."""
    modes: list[str] = []
    for cluster in clusters:
        _, _, count = cluster.partition(":")
        if cluster.startswith("local:") and f"pool:{count}" not in modes:
            modes.append(f"pool:{count}")
        modes.append(f"cluster:{cluster}")
    return modes


def print_clusters(clusters: list[str], median: dict[str, dict[str, float]]) -> None:
    """Dask against the pool with as many workers, and each cluster's scaling over the first."""
    if not clusters:
        return
    rate = {mode: r["docs"] / r["seconds"] for mode, r in median.items()}
    first = rate[f"cluster:{clusters[0]}"]
    for cluster in clusters:
        mine = rate[f"cluster:{cluster}"]
        line = f"{cluster}: {mine:.1f} docs/s, {mine / first:.2f}x {clusters[0]}"
        pool = rate.get(f"pool:{cluster.partition(':')[2]}")
        if pool is not None:
            line += f"; Dask's overhead over the pool with as many workers {pool / mine - 1:+.1%}"
        print(line)


def print_pairs(pipe: list[dict[str, float]], plain: list[dict[str, float]]) -> None:
    """The split of each interleaved pair (two runs next to each other in time, so the
    machine's slow and fast spells cancel out), with their median and range."""
    pairs = list(zip(pipe, plain, strict=True))
    shares = sorted((p["seconds"] - n["seconds"]) / p["seconds"] for p, n in pairs)
    adds = sorted((p["seconds"] - n["seconds"]) / n["seconds"] for p, n in pairs)
    for name, values in (("share of pipeline time", shares), ("adds to ingest", adds)):
        interval = median_interval(values)
        confidence = f", 95% CI {interval[0]:.1%} to {interval[1]:.1%}" if interval else ""
        print(
            f"       per pair, {name}: median {statistics.median(values):.1%}{confidence} "
            f"(from {values[0]:.1%} to {values[-1]:.1%})"
        )


def median_interval(values: list[float], level: float = 0.95) -> tuple[float, float] | None:
    """A distribution-free confidence interval for the median (the sign test's): the k-th
    smallest and k-th largest values, k the largest count with P(Binomial(n, 1/2) < k) at most
    half of 1 - ``level``. None below 6 values, where no such interval exists at 95%."""
    ordered = sorted(values)
    n = len(ordered)
    k, tail = 0, 0.0
    while (tail := tail + math.comb(n, k) / 2**n) <= (1 - level) / 2:
        k += 1
    return (ordered[k - 1], ordered[n - k]) if k else None


def print_stages(
    pipe: dict[str, float], plain: dict[str, float], coded: dict[str, float] | None = None
) -> None:
    """The split measured inside one run: the CPU the pipeline itself times per stage. Less
    noisy than the difference of two runs, but blind to what extraction costs other processes
    (contention for the two cores, caches). With the coded run, also the writer's CPU per
    document ("store": the document, its facts, passages, codes and vectors, in this process;
    it includes whatever the pool's result thread did meanwhile, such as unpickling results)."""
    stages = ("parse", "extract", "code", "sites", "store")
    print(f"{'stage CPU s':<12}" + "".join(f"{stage:>9}" for stage in stages))
    rows = [("pipeline", pipe), ("no-extract", plain)] + ([("coded", coded)] if coded else [])
    for name, r in rows:
        print(f"{name:<12}" + "".join(f"{r.get(f'cpu_{s}', 0.0):>9.2f}" for s in stages))
    if coded:
        workers = sum(coded.get(f"cpu_{s}", 0.0) for s in ("parse", "extract", "code"))
        print(
            f"coded: the writer {coded['cpu_store'] / coded['docs'] * 1000:.1f} ms/doc of CPU, "
            f"the workers {workers / coded['docs'] * 1000:.1f} ms/doc"
        )
    # Extraction's own stages, and what writing its facts added to the store stage.
    own = pipe.get("cpu_extract", 0.0) + pipe.get("cpu_sites", 0.0)
    facts_store = pipe.get("cpu_store", 0.0) - plain.get("cpu_store", 0.0)
    print(
        f"in-run split: extraction {(own + facts_store) / pipe['cpu']:.1%} of pipeline CPU "
        f"({own / pipe['docs'] * 1000:.2f} ms/doc extracting, "
        f"{facts_store / pipe['docs'] * 1000:.2f} ms/doc storing facts)"
    )


if __name__ == "__main__":
    main()
