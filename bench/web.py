"""Web benchmark: a synthetic sector at scale served by uvicorn, driven by concurrent clients.

Builds (once; reused from ``--workdir``) a SQLite store of every council in scope (317) with
``--per-council`` documents each (default 7: about 2,200 documents), made from the labelled
corpus texts with the original council's names swapped for the target council's, ingested
with extraction and coding (passages, machine codes, passage vectors). Then serves it with
uvicorn on a free loopback port in a separate process and, one endpoint at a time, runs
``--clients`` concurrent clients (wrk when installed, else httpx) for at most ``--seconds``
(or ``--requests`` with httpx). Prints p50/p95 per endpoint against the targets (pages p95 <=
200 ms, search p95 <= 50 ms, /dashboard p95 <= 1 s) with two baselines: ``/healthz``
(routing and middleware only) and a static file. Search is measured full text and by meaning
separately, each with one query repeated and with a rotation of different queries. The web
app keeps search results per data generation (``web/search_cache.py``), so the one query
repeated measures a kept result; the rotations are sent with ``Cache-Control: no-cache``, which
makes the server search afresh for every request: they measure real searching.

``--during-ingest``: serve a copy of the store and, while measuring, run ``prodplans ingest``
of ``--ingest-documents`` new documents into it in another process (the dashboard's data
change under it all the time); the endpoints are measured only while the ingest still runs.

    PYTHONPATH=src python bench/web.py [--per-council 7] [--clients 20] [--seconds 15]
        [--requests 2000] [--workdir /tmp/prodplans-web-bench] [--during-ingest]
        [--ingest-documents 600]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

if TYPE_CHECKING:
    from productivity_plans.councils.register import Council

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PAGE_TARGET_MS = 200.0
SEARCH_TARGET_MS = 50.0
DASHBOARD_TARGET_MS = 1000.0
# Different queries, so that no cache of one query's results can stand in for searching.
TEXT_QUERIES = [
    "productivity plan",
    "single year settlement",
    "digital",
    "workforce capacity",
    "shared services",
    "council tax",
    "social care",
    "data sharing",
    "procurement",
    "agency staff",
    "temporary accommodation",
    "housing",
    "waste collection",
    "leisure",
    "artificial intelligence",
    "customer contact",
    "transformation programme",
    "consultants",
    "new burdens",
    "ring-fenced grants",
    "audit committee",
    "scrutiny",
    "cabinet approved",
    "submitted",
    "July 2024",
    "measure productivity",
    "barriers",
    "regulation",
    "planning",
    "business rates",
    "SEND",
    "homelessness",
    "staff survey",
    "apprenticeships",
    "automation",
    "website",
    "income",
    "fees and charges",
    "asset review",
    "partnership",
]
MEANING_QUERIES = [
    "money comes one year at a time",
    "we cannot plan beyond next year",
    "too many small grants",
    "staff shortages make services slower",
    "moving services online",
    "sharing a chief executive",
    "spending on outside advisers",
    "rules from government that cost us time",
    "people waiting for housing",
    "children with special needs cost more each year",
    "joining up data with the NHS",
    "using robots for routine tasks",
    "cutting paper forms",
    "how we know we are more efficient",
    "members approved the plan",
    "savings from buying together",
    "recruiting young people",
    "the council's website",
    "charging for services",
    "selling buildings",
]


def text_search(query: str) -> str:
    return f"/api/search?q={quote_plus(query)}&limit=20"


def meaning_search(query: str) -> str:
    return f"/api/search?q={quote_plus(query)}&mode=semantic&limit=20"


# One query each way (also bench/scale.py's searches).
SEARCHES = [
    ("search API (full text)", text_search(TEXT_QUERIES[0])),
    ("search API (by meaning)", meaning_search(MEANING_QUERIES[0])),
]


@dataclass(frozen=True, slots=True)
class Source:
    """A labelled corpus text with what it is and the names of the council it is about."""

    text: str
    doc_type: str
    names: tuple[str, ...]  # longest first, so "X Borough Council" is replaced before "X"


def corpus_sources() -> list[Source]:
    """The labelled corpus texts whose council is in the register, in label order."""
    from productivity_plans.councils import load_register

    register = load_register()
    sources = []
    for line in (CORPUS / "labels.jsonl").open(encoding="utf-8"):
        label = json.loads(line)
        original = register.by_gss(label["council_code"]) if label.get("council_code") else None
        if original is None:
            continue
        names = {label["council"], original.official_name, original.nice_name}
        sources.append(
            Source(
                text=(CORPUS / label["file"]).read_text(encoding="utf-8"),
                doc_type=label["doc_type"],
                names=tuple(sorted(names, key=len, reverse=True)),
            )
        )
    return sources


def renamed(text: str, names: tuple[str, ...], council: Council) -> str:
    """``text`` about another council: each of ``names`` (longest first) becomes the council's
    official name when it is a full name, its short name when it is one word."""
    for name in names:
        text = text.replace(name, council.official_name if " " in name else council.nice_name)
    return text


def sector_councils() -> list[Council]:
    """Every council in scope (England, in force at the framework's deadline), by GSS code."""
    from productivity_plans.councils import load_register
    from productivity_plans.framework import load_framework

    deadline = load_framework().deadline
    return sorted(load_register().in_force(deadline, nation="England"), key=lambda c: c.gss_code)


def write_documents(
    folder: Path, councils: list[Council], numbers: Sequence[int], stride: int
) -> list[tuple[Path, str | None]]:
    """For each council, one document per number: a corpus text (chosen by council and number)
    with its council's names swapped for this council's, and a reference line that makes the
    content distinct."""
    sources = corpus_sources()
    folder.mkdir(parents=True, exist_ok=True)
    items: list[tuple[Path, str | None]] = []
    for i, council in enumerate(councils):
        for k in numbers:
            source = sources[(i * stride + k) % len(sources)]
            text = renamed(source.text, source.names, council)
            path = folder / f"{council.gss_code}-{k}.txt"
            path.write_text(
                f"{council.official_name}\n\n{text}\n\nReference {council.gss_code}/{k}\n"
            )
            items.append((path, None))
    return items


def build_store(workdir: Path, per_council: int) -> tuple[str, int]:
    """The synthetic sector's database URL and document count (built once per size)."""
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store

    db = workdir / f"sector-{per_council}.sqlite"
    url = f"sqlite:///{db}"
    done = workdir / f"sector-{per_council}.done"
    if done.exists():
        return url, int(done.read_text())
    db.unlink(missing_ok=True)
    councils = sector_councils()
    folder = workdir / f"docs-{per_council}"
    items = write_documents(folder, councils, range(per_council), per_council)
    started = time.perf_counter()
    with Store.open(url) as store:
        report = ingest_files(items, store)
        count = store.stats().documents
    print(
        f"built {count} documents for {len(councils)} councils in "
        f"{time.perf_counter() - started:.0f} s (failed: {len(report.failed)})",
        file=sys.stderr,
    )
    done.write_text(str(count))
    return url, count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVER = """
import sys, uvicorn
uvicorn.run("productivity_plans.web.app:app_from_env", factory=True, host="127.0.0.1",
            port=int(sys.argv[2]), workers=int(sys.argv[3]), log_level="warning",
            access_log=False)
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def drive(
    base: str,
    paths: list[str],
    clients: int,
    seconds: float,
    requests: int,
    headers: dict[str, str] | None = None,
) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    budget = [requests]

    async with httpx.AsyncClient(base_url=base, timeout=60, headers=headers) as client:
        for _ in range(3):  # warm caches
            await client.get(paths[0])

        async def worker() -> None:
            nonlocal errors
            while budget[0] > 0 and time.perf_counter() < deadline:
                budget[0] -= 1
                t0 = time.perf_counter()
                response = await client.get(paths[budget[0] % len(paths)])
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {
        "n": len(latencies),
        "errors": errors,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "rps": len(latencies) / elapsed,
    }


WRK_SCRIPT = """
paths = {%s}
headers = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def drive_wrk(
    base: str,
    paths: list[str],
    clients: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> dict[str, float]:
    """The same load from wrk, a C client: far less client overhead on a shared 2-CPU box, so
    the figures are the server's, not the load generator's. Cycles through ``paths``."""
    import tempfile

    fields = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % (", ".join(json.dumps(p) for p in paths), fields))
    for _ in range(3):  # warm the per-process caches before measuring
        subprocess.run(["wrk", "-t1", "-c4", "-d1s", base + paths[0]], capture_output=True)
    # A 60 s timeout: with the default 2 s, slow answers count as errors, not in the latencies.
    command = ["wrk", "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s", "-s", script.name]
    command += ["--timeout", "60s"]
    done = subprocess.run(
        [*command, base + paths[0]],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    )
    os.unlink(script.name)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    n, errors, p50, p95, rps = line.split()[1:]
    return {
        "n": int(n),
        "errors": int(errors),
        "p50": float(p50),
        "p95": float(p95),
        "rps": float(rps),
    }


def load(
    base: str,
    path: str | list[str],
    clients: int,
    seconds: float,
    requests: int,
    client: str,
    headers: dict[str, str] | None = None,
) -> dict[str, float]:
    """p50/p95 (ms), request rate and errors of ``clients`` concurrent clients on ``path`` (or
    cycling through a list of paths), from ``client`` (wrk or httpx), each request with
    ``headers``."""
    paths = [path] if isinstance(path, str) else path
    if client == "wrk":
        return drive_wrk(base, paths, clients, seconds, headers)
    return asyncio.run(drive(base, paths, clients, seconds, requests, headers))


def default_client() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


def server_env(url: str, data_dir: Path) -> dict[str, str]:
    """The environment of the server (and of an ingest beside it) on ``url``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env |= {
        "PRODPLANS_DATABASE_URL": url,
        "PRODPLANS_DATA_DIR": str(data_dir),  # secret key and uploads live here
    }
    return env


@contextmanager
def served(url: str, data_dir: Path, workers: int) -> Iterator[str]:
    """The base URL of a uvicorn server on ``url``, in its own process group, stopped on
    exit."""
    import httpx

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, url, str(port), str(workers)],
        env=server_env(url, data_dir),
        start_new_session=True,  # its own process group: the workers are stopped with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        yield base
    finally:
        stop(server)


def warm_dashboard(base: str, workers: int) -> float:
    """Seconds until every uvicorn worker has built its dashboard: rounds of concurrent
    requests until a whole round is answered quickly (each worker builds once; its other
    requests wait for that build)."""
    import httpx

    started = time.perf_counter()

    async def round_trip() -> float:
        async with httpx.AsyncClient(base_url=base, timeout=900) as client:
            t0 = time.perf_counter()
            await asyncio.gather(*(client.get("/dashboard") for _ in range(4 * workers)))
            return time.perf_counter() - t0

    while asyncio.run(round_trip()) > 2.0:
        pass
    return time.perf_counter() - started


def start_ingest(
    workdir: Path, url: str, per_council: int, documents: int, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """``prodplans ingest`` of ``documents`` new documents into ``url``, in another process."""
    folder = workdir / f"new-docs-{per_council}-{documents}"
    if not folder.exists():
        councils = sector_councils()
        rounds = -(-documents // len(councils))
        numbers = range(per_council, per_council + rounds)
        items = write_documents(folder, councils, numbers, per_council)
        for path, _ in items[documents:]:
            path.unlink()
    command = [sys.executable, "-m", "productivity_plans", "ingest", str(folder), "--db", url]
    log = (workdir / "during-ingest.log").open("w")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop uvicorn and its workers (its process group); kill them if a stuck request holds
    them past 30 s."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def serve_copy(url: str, workdir: Path) -> str:
    """A copy of the store (SQLite's backup API) that an ingest may change."""
    import sqlite3

    copy = workdir / "during-ingest.sqlite"
    copy.unlink(missing_ok=True)
    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    target = sqlite3.connect(copy)
    source.backup(target)
    target.close()
    source.close()
    return f"sqlite:///{copy}"


# Sent with a rotation: the server searches afresh rather than serve a kept result.
FRESH = {"Cache-Control": "no-cache"}
Endpoint = tuple[str, list[str], float | None, dict[str, str] | None]


def endpoints(during_ingest: bool) -> list[Endpoint]:
    council = "E07000033"
    text = [text_search(q) for q in TEXT_QUERIES]
    meaning = [meaning_search(q) for q in MEANING_QUERIES]
    searches: list[Endpoint] = [
        ("search API full text (one query, kept)", text[:1], SEARCH_TARGET_MS, None),
        ("search API full text (one query, searched)", text[:1], SEARCH_TARGET_MS, FRESH),
        (f"search API full text ({len(text)} queries, searched)", text, SEARCH_TARGET_MS, FRESH),
        ("search API by meaning (one query, kept)", meaning[:1], SEARCH_TARGET_MS, None),
        ("search API by meaning (one query, searched)", meaning[:1], SEARCH_TARGET_MS, FRESH),
        (
            f"search API by meaning ({len(meaning)} queries, searched)",
            meaning,
            SEARCH_TARGET_MS,
            FRESH,
        ),
        (
            "search page /search (full text, kept)",
            ["/search?q=productivity+plan"],
            PAGE_TARGET_MS,
            None,
        ),
    ]
    dashboard: Endpoint = ("dashboard /dashboard", ["/dashboard"], DASHBOARD_TARGET_MS, None)
    if during_ingest:
        return [dashboard, *searches]
    return [
        ("baseline: /healthz", ["/healthz"], None, None),
        ("baseline: static file", ["/static/app.css"], None, None),
        ("overview page /", ["/"], PAGE_TARGET_MS, None),
        (f"council page /councils/{council}", [f"/councils/{council}"], PAGE_TARGET_MS, None),
        *searches,
        dashboard,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-council", type=int, default=7)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-web-bench"))
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="uvicorn worker processes"
    )
    parser.add_argument(
        "--client",
        choices=["wrk", "httpx"],
        default=default_client(),
        help="load generator: wrk (apt-get install wrk; default when present) or httpx",
    )
    parser.add_argument(
        "--during-ingest",
        action="store_true",
        help="measure while `prodplans ingest` adds documents to a copy of the store",
    )
    parser.add_argument("--ingest-documents", type=int, default=600)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    url, documents = build_store(args.workdir, args.per_council)
    if args.during_ingest:
        url = serve_copy(url, args.workdir)

    data_dir = args.workdir / "data"
    with served(url, data_dir, args.workers) as base:
        warmed = warm_dashboard(base, args.workers)
        print(
            f"{documents} documents, 317 councils; {args.clients} concurrent clients, "
            f"each endpoint up to {args.seconds:g} s"
            + ("" if args.client == "wrk" else f" or {args.requests} requests")
            + f"; {os.cpu_count()} CPUs, {args.workers} uvicorn worker(s), client {args.client}; "
            f"first /dashboard in every worker took {warmed:.0f} s; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        ingest: subprocess.Popen[bytes] | None = None
        try:
            if args.during_ingest:
                env = server_env(url, data_dir)
                ingest = start_ingest(
                    args.workdir, url, args.per_council, args.ingest_documents, env
                )
                print(f"while `prodplans ingest` adds {args.ingest_documents} documents to a copy")
            print(f"{'endpoint':52} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}  target")
            for name, paths, target, headers in endpoints(args.during_ingest):
                if ingest is not None and ingest.poll() is not None:
                    print("(the ingest finished: the rest was not measured during it)")
                    break
                r = load(
                    base, paths, args.clients, args.seconds, args.requests, args.client, headers
                )
                if not r["n"]:
                    verdict = "no request completed"
                elif target is None:
                    verdict = ""
                else:
                    met = "met" if r["p95"] <= target else "NOT met"
                    verdict = f"p95 <= {target:g} ms: {met}"
                errors = f" ({int(r['errors'])} errors)" if r["errors"] else ""
                print(
                    f"{name:52} {int(r['n']):>6} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                    f"{r['rps']:>7.0f}  {verdict}{errors}",
                    flush=True,
                )
            print(f"load average at the end {os.getloadavg()[0]:.1f}")
        finally:
            if ingest is not None and ingest.poll() is None:
                ingest.terminate()
                ingest.wait(timeout=60)


if __name__ == "__main__":
    main()
