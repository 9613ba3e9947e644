"""What a GIN pending-list limit costs an ingest: block texts inserted as documents are.

Revision 0013 limits the full-text index's pending list to 256 kB so that a search does not
read megabytes of it (docs/scale.md). A smaller list is flushed into the index more often, in
smaller batches; this measures the price. Real block texts are read from a store on
PostgreSQL (an archive built by ``bench/archive.py``), then inserted, ``--per-document`` rows
per transaction, into a table shaped like ``blocks`` (text and its generated tsvector under a
GIN index) in a scratch database on the same server, once per limit and round, alternating.
The scratch database is dropped at the end; the store is only read.

    PYTHONPATH=src python bench/gin_pending.py --url postgresql+psycopg://USER@HOST:PORT/DB \
        [--blocks 36000] [--limits 4096,1024,256] [--rounds 2]
"""

from __future__ import annotations

import argparse
import time

from sqlalchemy import Engine, create_engine, make_url, text

SCRATCH = "prodplans_gin_pending_bench"


def block_texts(url: str, count: int) -> list[str]:
    """``count`` block texts spread over the store (every 37th block), in id order."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT text FROM blocks WHERE id % 37 = 0 ORDER BY id LIMIT :n"),
                {"n": count},
            )
            return [row[0] for row in rows]
    finally:
        engine.dispose()


def ms_per_document(engine: Engine, texts: list[str], limit_kb: int, per_document: int) -> float:
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS b"))
        connection.execute(
            text(
                "CREATE TABLE b (id serial PRIMARY KEY, text text NOT NULL, tsv tsvector "
                "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)"
            )
        )
        connection.execute(
            text(
                f"CREATE INDEX ix_b ON b USING gin (tsv) WITH (gin_pending_list_limit = {limit_kb})"
            )
        )
    started = time.perf_counter()
    for first in range(0, len(texts), per_document):
        with engine.begin() as connection:
            rows = [{"t": t} for t in texts[first : first + per_document]]
            connection.execute(text("INSERT INTO b (text) VALUES (:t)"), rows)
    documents = len(texts) / per_document
    return (time.perf_counter() - started) / documents * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="a store on PostgreSQL, read only")
    parser.add_argument("--blocks", type=int, default=36_000)
    parser.add_argument("--per-document", type=int, default=18)
    parser.add_argument("--limits", default="4096,1024,256", help="pending-list limits, kB")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    texts = block_texts(args.url, args.blocks)
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH}"))
        connection.execute(text(f"CREATE DATABASE {SCRATCH}"))
    scratch = create_engine(make_url(args.url).set(database=SCRATCH))
    try:
        for round_ in range(1, args.rounds + 1):
            for limit in (int(kb) for kb in args.limits.split(",")):
                ms = ms_per_document(scratch, texts, limit, args.per_document)
                print(
                    f"round {round_}: pending list {limit:>5} kB: {ms:.2f} ms per "
                    f"{args.per_document}-block document ({len(texts):,} blocks)",
                    flush=True,
                )
    finally:
        scratch.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH}"))
        admin.dispose()


if __name__ == "__main__":
    main()
