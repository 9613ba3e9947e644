"""Where one search request's time goes, in process: the route end to end and its parts.

On the web benchmark's sector store (``bench/web.py`` builds it in ``--workdir``), for a common
query, a rare one and one by meaning: the API route called directly (no HTTP), searching
afresh and served from the result cache, then the store's statements one by one (rank, the
page's snippets, the capped total) and search by meaning's parts (query vector, the matrix
product, reading the passages back). Median of ``--repeat`` calls after two warm-ups, one
thread, timed in the process's CPU time (``time.process_time``: on a shared machine, less
disturbed by other processes than the wall clock): the CPU a request costs, not its latency
under load.

    PYTHONPATH=src python bench/search.py [--workdir /tmp/prodplans-web-bench] [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal

COMMON = "productivity plan"
RARE = "single year settlement"
MEANING = "money comes one year at a time"


def _all_rows(connection: Any, statement: Any, values: Any) -> list[Any]:
    return list(connection.execute(statement, values).all())


def median_ms(call: Callable[[], Any], repeat: int) -> float:
    call()
    call()
    times = []
    for _ in range(repeat):
        started = time.process_time()
        call()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def request_for(app: Any, fresh: bool) -> Any:
    """A bare GET request on ``app`` (what a route reads: the app, headers, a session)."""
    from starlette.requests import Request

    headers = [(b"host", b"127.0.0.1")] + ([(b"cache-control", b"no-cache")] if fresh else [])
    scope = {"type": "http", "app": app, "method": "GET", "path": "/api/search"}
    return Request(scope | {"query_string": b"", "headers": headers, "session": {}})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-web-bench"))
    parser.add_argument("--per-council", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    db = args.workdir / f"sector-{args.per_council}.sqlite"
    if not db.exists():
        raise SystemExit(f"no store at {db}: run bench/web.py once to build it")
    os.environ.setdefault("PRODPLANS_DATA_DIR", str(args.workdir / "data"))

    from productivity_plans.store.search import (
        COUNT_CAP,
        FIRST_WINDOW,
        count_statement,
        hits_statement,
        query_terms,
        ranked_statement,
    )
    from productivity_plans.store.vectors import content_words, query_vector
    from productivity_plans.web.app import create_app
    from productivity_plans.web.highlight import SNIPPET_MARKS
    from productivity_plans.web.routes import api

    app = create_app(f"sqlite:///{db}")
    state = app.state.prodplans
    store, semantic = state.store, state.catalogue.semantic
    rows: list[tuple[str, float]] = []

    def route(q: str, mode: Literal["text", "semantic"], fresh: bool) -> Any:
        return api.search(
            request_for(app, fresh), q=q, council=None, doc_type=None, limit=20, offset=0, mode=mode
        )

    for q in (COMMON, RARE):
        matches = store.count_matches(q, cap=10**9).count
        rows.append((f"full text {q!r} ({matches:,} matching blocks)", float("nan")))
        rows.append(("  route, searched", median_ms(partial(route, q, "text", True), args.repeat)))
        rows.append(
            ("  route, kept result", median_ms(partial(route, q, "text", False), args.repeat))
        )
        terms = query_terms(q)
        filters = store._search_filters(None, None, True)
        with store.engine.connect() as connection:
            ranked, params = ranked_statement(
                "sqlite", terms, filters, limit=20, offset=0, window=FIRST_WINDOW
            )
            ids = [r.block_id for r in connection.execute(ranked, params)]
            hits, hit_params = hits_statement("sqlite", terms, ids, SNIPPET_MARKS)
            count, count_params = count_statement("sqlite", terms, filters, window=COUNT_CAP + 1)
            for name, statement, values in (
                ("  rank (bm25 in FTS5, a window of 100)", ranked, params),
                ("  the page's rows and snippets", hits, hit_params),
                (f"  total, counted up to {COUNT_CAP:,}", count, count_params),
            ):
                rows.append(
                    (
                        name,
                        median_ms(partial(_all_rows, connection, statement, values), args.repeat),
                    )
                )

    rows.append((f"by meaning {MEANING!r}", float("nan")))
    rows.append(
        ("  route, searched", median_ms(lambda: route(MEANING, "semantic", True), args.repeat))
    )
    rows.append(
        ("  route, kept result", median_ms(lambda: route(MEANING, "semantic", False), args.repeat))
    )
    from productivity_plans.store.vectors import _embedder, _embedder_id

    embedder = _embedder()
    vector = query_vector(embedder, content_words(MEANING))
    matrix = semantic._current_matrix(_embedder_id(embedder))
    rows.append(
        (
            "  query vector (kept per process)",
            median_ms(lambda: query_vector(embedder, content_words(MEANING)), args.repeat),
        )
    )
    rows.append(
        (
            f"  matrix product and top 20 ({len(matrix.ids):,} passages)",
            median_ms(lambda: matrix.nearest(vector, 20, None), args.repeat),
        )
    )
    rows.append(
        (
            "  whole SemanticIndex.search",
            median_ms(lambda: semantic.search(MEANING, limit=20), args.repeat),
        )
    )

    print(
        f"{len(state.catalogue.summaries()):,} documents; CPU ms per call, median of "
        f"{args.repeat}; load average {os.getloadavg()[0]:.1f}"
    )
    for name, ms in rows:
        print(f"{name:60} {'' if ms != ms else f'{ms:8.2f} ms'}")


if __name__ == "__main__":
    main()
