"""The synthetic archive the scale benchmark builds (``bench/archive.py``): varied documents,
each about the council it was made for, the same every time it is made."""

from __future__ import annotations

import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import PostgresServer

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))

from archive import (
    SERVER_SETTINGS,
    ArchiveGenerator,
    build_hnsw_index,
    drop_hnsw_index,
    files,
    fresh_database,
    postgres_cluster,
    spans,
    varied,
)
from productivity_plans.pipeline import ingest_files
from productivity_plans.store.db import Store
from web import corpus_sources


@pytest.fixture(scope="module")
def generator() -> ArchiveGenerator:
    return ArchiveGenerator(seed=18)


def _without_council(text: str, names: tuple[str, ...]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "COUNCIL")
    return re.sub(r"Reference \S+", "", text)


def test_the_same_number_always_gives_the_same_document(generator: ArchiveGenerator) -> None:
    again = ArchiveGenerator(seed=18)
    assert [generator.document(i) for i in range(20)] == [again.document(i) for i in range(20)]
    assert generator.document(3) != ArchiveGenerator(seed=19).document(3)


def test_archive_documents_differ_beyond_the_council_name(generator: ArchiveGenerator) -> None:
    documents = [generator.document(i) for i in range(300)]
    texts = {_without_council(d.text, d.council.names) for d in documents}
    sources = len(corpus_sources())
    # Copies with the names swapped would give one text per corpus source.
    assert sources < 40
    assert len(texts) >= 0.8 * len(documents)


def test_an_archive_document_names_no_council_of_the_texts_it_was_made_from(
    generator: ArchiveGenerator,
) -> None:
    source_names = {name for s in corpus_sources() for name in s.names if " " in name}
    for i in range(200):
        document = generator.document(i)
        others = source_names - set(document.council.names) - {document.council.official_name}
        assert [name for name in others if name in document.text] == [], i


def test_meeting_dates_move_together_and_the_regimes_dates_stay() -> None:
    text = (
        "Cabinet met on 9th July 2024 and Council on 23rd July 2024. The plan was due by "
        "19th July 2024, as the letter of 16th April 2024 asked. Savings of £1,200,000."
    )
    out = varied(text, random.Random(4))
    assert "19th July 2024" in out and "16th April 2024" in out
    assert not re.search(r"\b9th July 2024", out) and "£1,200,000" not in out
    dates = re.findall(r"(\d+)(?:st|nd|rd|th) (\w+) 2024", out)
    assert len(dates) == 4
    moved = [d for d in dates if d not in {("19", "July"), ("16", "April")}]
    assert len(moved) == 2


def test_an_ingested_archive_document_is_tied_to_the_council_it_was_made_for(
    generator: ArchiveGenerator, tmp_path: Path
) -> None:
    items = files(generator, 0, 24, tmp_path, pdf_share=0.25)
    assert any(path.suffix == ".pdf" for path, _url in items)
    with Store.open(f"sqlite:///{tmp_path / 'archive.sqlite'}") as store:
        report = ingest_files(items, store, code=False)
        assert report.ok and report.counts["ingested"] == 24
        council = {
            stored.source: stored.facts.council.gss_code if stored.facts.council else None
            for stored in store.facts()
        }
    for index, (path, _url) in enumerate(items):
        assert council[str(path)] == generator.document(index).council.gss_code


@pytest.mark.parametrize(("docs", "batch", "writers"), [(1000, 500, 1), (2300, 250, 3), (7, 3, 4)])
def test_concurrent_writers_share_no_document_and_leave_none_out(
    docs: int, batch: int, writers: int
) -> None:
    taken = [
        index
        for writer in range(writers)
        for first, stop in spans(docs, batch, writer, writers)
        for index in range(first, stop)
    ]
    assert sorted(taken) == list(range(docs))


def _index_definition(store: Store) -> str | None:
    with store.engine.connect() as connection:
        definition: str | None = connection.scalar(
            text(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND indexname = 'ix_passage_vectors_embedding'"
            )
        )
    return definition


@pytest.mark.postgres
def test_a_bulk_load_builds_the_hnsw_index_again_as_the_migration_made_it(
    pgvector_server: PostgresServer,
) -> None:
    url = pgvector_server.create_namespace()
    try:
        with Store.open(url) as store:
            made = _index_definition(store)
            assert made is not None and "hnsw" in made
            assert drop_hnsw_index(store) is True
            assert _index_definition(store) is None
            assert build_hnsw_index(store) is not None
            assert _index_definition(store) == made
            assert build_hnsw_index(store) is None  # there already: nothing to do
    finally:
        pgvector_server.drop_namespace(url)


@pytest.mark.postgres
def test_a_store_without_pgvector_has_no_hnsw_index_to_drop_or_build(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    url = postgres_server.create_namespace()
    try:
        for target in (url, f"sqlite:///{tmp_path / 'archive.sqlite'}"):
            with Store.open(target) as store:
                assert drop_hnsw_index(store) is False
                assert build_hnsw_index(store) is None
    finally:
        postgres_server.drop_namespace(url)


def _admin(server: PostgresServer, statement: str) -> None:
    engine = create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_empty_store_beside_the_archive_is_empty_and_searches_with_pgvector(
    pgvector_server: PostgresServer, generator: ArchiveGenerator, tmp_path: Path
) -> None:
    archive_url = fresh_database(pgvector_server.admin_url)
    empty_url = fresh_database(archive_url)
    try:
        with Store.open(archive_url) as archive:
            ingest_files(files(generator, 0, 2, tmp_path, pdf_share=0), archive, code=False)
            assert archive.stats().documents == 2
        with Store.open(empty_url) as empty:
            assert empty.stats().documents == 0
            assert _index_definition(empty) is not None
    finally:
        for url in (archive_url, empty_url):
            _admin(pgvector_server, f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)')


@pytest.mark.postgres
def test_the_benchmarks_own_cluster_has_pgvector_and_memory_for_an_hnsw_build() -> None:
    root = Path(tempfile.mkdtemp(prefix="prodplans-bench-pg-"))
    root.chmod(0o755)  # as a work dir under /tmp is: the server's user must reach its data
    try:
        with postgres_cluster(root / "postgres") as url:
            engine = create_engine(url)
            with engine.connect() as connection:
                installed = connection.scalar(
                    text("SELECT 1 FROM pg_extension WHERE extname = 'vector'")
                )
                memory = connection.scalar(text("SHOW maintenance_work_mem"))
                workers = connection.scalar(text("SHOW max_parallel_maintenance_workers"))
            engine.dispose()
        assert installed == 1
        assert memory == SERVER_SETTINGS["maintenance_work_mem"]
        assert workers == SERVER_SETTINGS["max_parallel_maintenance_workers"]
    finally:
        shutil.rmtree(root, ignore_errors=True)
