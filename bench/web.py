"""Web benchmark: a synthetic sector at scale served by uvicorn, driven by concurrent clients.

Builds (once; reused from ``--workdir``) a SQLite store of every council in scope (317) with
``--per-council`` documents each (default 7: about 2,200 documents), made from the labelled
corpus texts with the original council's names swapped for the target council's, ingested
with extraction and coding (passages, machine codes, passage vectors). Then serves it with
uvicorn on a free loopback port in a separate process and, one endpoint at a time, runs
``--clients`` concurrent clients (httpx, async) for at most ``--seconds`` or ``--requests``
requests. Prints p50/p95 per endpoint against the targets (pages p95 <= 200 ms, search API
p95 <= 50 ms) with two baselines: ``/healthz`` (routing and middleware only) and a static file.

    PYTHONPATH=src python bench/web.py [--per-council 7] [--clients 20] [--seconds 15]
        [--requests 2000] [--workdir /tmp/prodplans-web-bench]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from productivity_plans.councils.register import Council

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PAGE_TARGET_MS = 200.0
SEARCH_TARGET_MS = 50.0


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


def build_store(workdir: Path, per_council: int) -> tuple[str, int]:
    """The synthetic sector's database URL and document count (built once per size)."""
    from productivity_plans.councils import load_register
    from productivity_plans.framework import load_framework
    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store

    db = workdir / f"sector-{per_council}.sqlite"
    url = f"sqlite:///{db}"
    done = workdir / f"sector-{per_council}.done"
    if done.exists():
        return url, int(done.read_text())
    db.unlink(missing_ok=True)
    register = load_register()
    deadline = load_framework().deadline
    councils = sorted(register.in_force(deadline, nation="England"), key=lambda c: c.gss_code)
    sources = corpus_sources()
    folder = workdir / f"docs-{per_council}"
    folder.mkdir(parents=True, exist_ok=True)
    items: list[tuple[Path, str | None]] = []
    for i, council in enumerate(councils):
        for k in range(per_council):
            source = sources[(i * per_council + k) % len(sources)]
            text = renamed(source.text, source.names, council)
            path = folder / f"{council.gss_code}-{k}.txt"
            path.write_text(
                f"{council.official_name}\n\n{text}\n\nReference {council.gss_code}/{k}\n"
            )
            items.append((path, None))
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
    base: str, path: str, clients: int, seconds: float, requests: int
) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    budget = [requests]

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(3):  # warm caches
            await client.get(path)

        async def worker() -> None:
            nonlocal errors
            while budget[0] > 0 and time.perf_counter() < deadline:
                budget[0] -= 1
                t0 = time.perf_counter()
                response = await client.get(path)
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
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def drive_wrk(base: str, path: str, clients: int, seconds: float) -> dict[str, float]:
    """The same load from wrk, a C client: far less client overhead on a shared 2-CPU box, so
    the figures are the server's, not the load generator's."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    for _ in range(3):  # warm the per-process caches before measuring
        subprocess.run(["wrk", "-t1", "-c4", "-d1s", base + path], capture_output=True, check=False)
    # A 30 s timeout: with the default 2 s, slow answers count as errors, not in the latencies.
    command = ["wrk", "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s"]
    command += ["-s", script.name]
    done = subprocess.run(
        [*command, base + path], capture_output=True, text=True, check=True, timeout=seconds + 60
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


@contextmanager
def served(url: str, data_dir: Path, workers: int) -> Iterator[str]:
    """The base URL of a uvicorn server on ``url``, in its own process, stopped on exit."""
    import httpx

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env |= {
        "PRODPLANS_DATABASE_URL": url,
        "PRODPLANS_DATA_DIR": str(data_dir),  # secret key and uploads live here
    }
    server = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port), str(workers)], env=env)
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
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a busy machine: workers still finishing requests
            server.kill()
            server.wait()


def load(
    base: str, path: str, clients: int, seconds: float, requests: int, client: str
) -> dict[str, float]:
    """p50/p95 (ms), request rate and errors of ``clients`` concurrent clients on ``path``."""
    if client == "wrk":
        return drive_wrk(base, path, clients, seconds)
    return asyncio.run(drive(base, path, clients, seconds, requests))


def default_client() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


SEARCHES = [
    ("search API (full text)", "/api/search?q=productivity+plan&limit=20"),
    (
        "search API (by meaning)",
        "/api/search?q=money+comes+one+year+at+a+time&mode=semantic&limit=20",
    ),
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
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    url, documents = build_store(args.workdir, args.per_council)

    with served(url, args.workdir / "data", args.workers) as base:
        council = "E07000033"
        endpoints = [
            ("baseline: /healthz", "/healthz", None),
            ("baseline: static file", "/static/app.css", None),
            ("overview page /", "/", PAGE_TARGET_MS),
            (f"council page /councils/{council}", f"/councils/{council}", PAGE_TARGET_MS),
            *((name, path, SEARCH_TARGET_MS) for name, path in SEARCHES),
        ]
        print(
            f"{documents} documents, 317 councils; {args.clients} concurrent clients, "
            f"each endpoint up to {args.seconds:g} s or {args.requests} requests; "
            f"{os.cpu_count()} CPUs, {args.workers} uvicorn worker(s), client {args.client}"
        )
        print(f"{'endpoint':44} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}  target")
        for name, path, target in endpoints:
            r = load(base, path, args.clients, args.seconds, args.requests, args.client)
            verdict = (
                ""
                if target is None
                else (f"p95 <= {target:g} ms: {'met' if r['p95'] <= target else 'NOT met'}")
            )
            errors = f" ({int(r['errors'])} errors)" if r["errors"] else ""
            print(
                f"{name:44} {int(r['n']):>6} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                f"{r['rps']:>7.0f}  {verdict}{errors}"
            )


if __name__ == "__main__":
    main()
