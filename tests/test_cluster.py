"""Ingest and coding on a Dask cluster: the same pipeline code, the same outcomes and rows as the
process pool. Real Dask clusters of worker processes on this machine, real SQLite files."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text

from productivity_plans.cluster import ClusterError, check_cluster, in_order
from productivity_plans.coding_jobs import code_documents
from productivity_plans.pipeline import BatchReport, ingest_files
from productivity_plans.store import Store
from tests.fixtures.make_files import corpus_files, make_pdf, make_truncated_pdf

ROWS = ("documents", "facts", "passages", "machine_codes", "passage_vectors", "coded_documents")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running scheduler with two single-threaded worker processes, as `dask scheduler` and
    `dask worker` would give."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield str(cluster.scheduler_address)


def _papers(folder: Path) -> list[tuple[Path, str | None]]:
    """Council texts, PDFs and a corrupt PDF, in one batch."""
    folder.mkdir()
    paths = [Path(path) for path in corpus_files()[:6]]
    paths += [
        make_pdf(folder / f"paper-{i}.pdf", [f"Paper {i}", "Cabinet approved it."])
        for i in range(3)
    ]
    paths.append(make_truncated_pdf(folder / "broken.pdf"))
    return [(path, None) for path in paths]


def _rows(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ROWS}


def _codes(store: Store) -> set[tuple[object, ...]]:
    """Every machine code by what it says, not by row ids (which differ between stores)."""
    query = text(
        'SELECT d.sha256, p.start, p."end", p.current, c.code_type, c.value, '
        "round(c.confidence, 4), c.model_version FROM machine_codes c "
        "JOIN passages p ON p.id = c.passage_id JOIN documents d ON d.id = p.document_id"
    )
    with store.engine.connect() as connection:
        return set(map(tuple, connection.execute(query)))


def _outcomes(report: BatchReport) -> list[tuple[str, str, str | None]]:
    return [(Path(o.path).name, o.status, o.reason) for o in report.outcomes]


def test_an_ingest_on_a_cluster_has_the_outcomes_rows_and_codes_of_the_pool(
    tmp_path: Path,
) -> None:
    items = _papers(tmp_path / "papers")
    with Store.open(f"sqlite:///{tmp_path / 'pool.sqlite'}") as store:
        pool = ingest_files(items, store, workers=2)
        pool_rows, pool_codes = _rows(store), _codes(store)
    with Store.open(f"sqlite:///{tmp_path / 'cluster.sqlite'}") as store:
        cluster = ingest_files(items, store, cluster="local:2")
        cluster_rows, cluster_codes = _rows(store), _codes(store)
    assert _outcomes(cluster) == _outcomes(pool)
    assert [o.status for o in cluster.outcomes].count("failed") == 1
    assert cluster_rows == pool_rows
    assert cluster_rows["coded_documents"] == cluster_rows["documents"] == len(items) - 1
    assert cluster_rows["passage_vectors"] == cluster_rows["passages"] > 0
    assert cluster_codes == pool_codes
    assert cluster.coding is not None and len(cluster.coding.coded) == len(items) - 1
    assert cluster.cpu["code"] > 0  # coded by the workers, beside parsing


def test_recoding_every_document_on_a_cluster_gives_the_codes_of_recoding_here(
    tmp_path: Path, scheduler: str
) -> None:
    items = _papers(tmp_path / "papers")
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store:
        ingest_files(items, store, code=False)
        here = code_documents(store, only_missing=False)
        codes_here, rows_here = _codes(store), _rows(store)
        on_cluster = code_documents(store, only_missing=False, cluster=scheduler)
        assert _codes(store) == codes_here
        assert _rows(store) == rows_here
    assert on_cluster.ok and on_cluster.coded == here.coded
    assert (on_cluster.passages, on_cluster.codes) == (here.passages, here.codes)
    assert on_cluster.vectors == 0  # every passage was kept, and keeps its vector


def test_results_come_back_in_the_order_given_whatever_order_they_finish_in() -> None:
    delays = [0.4, 0.0, 0.2, 0.0, 0.1]
    calls = ((i, partial(_sleep_then_return, delay, i)) for i, delay in enumerate(delays))
    with ProcessPoolExecutor(max_workers=2) as pool:
        done = list(in_order(pool, calls, window=3))
    assert done == [(i, i) for i in range(len(delays))]


def _sleep_then_return(delay: float, value: int) -> int:
    time.sleep(delay)
    return value


@pytest.mark.parametrize("name", ["local:0", "local:two", "dask://somewhere", "tcp"])
def test_a_cluster_name_not_understood_is_refused_before_any_work(name: str) -> None:
    with pytest.raises(ClusterError):
        check_cluster(name)


def test_ingest_refuses_a_cluster_it_cannot_use_and_says_why(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            *(sys.executable, "-m", "productivity_plans", "ingest", str(corpus_files()[0])),
            *("--db", str(tmp_path / "store.sqlite"), "--cluster", "local:0"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "local:N needs a number of workers of at least 1" in done.stderr
    assert not (tmp_path / "store.sqlite").exists()
