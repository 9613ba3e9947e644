"""Search by meaning and bulk vector writes, on SQLite, on PostgreSQL without pgvector (the exact
path) and on PostgreSQL with pgvector (HNSW in the database).

Passage vectors here are random unit vectors of the embedder's dimension, written with
``write_vectors`` into a real store, so the expected ranking is a brute-force product the test
computes itself; queries go through the real embedder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from numpy.typing import NDArray
from sqlalchemy import create_engine, func, insert, select, text, update
from sqlalchemy.orm import Session
from tests.conftest import PostgresServer
from tests.store.conftest import MakeDocument

from productivity_plans.coding.embeddings import load_embedder
from productivity_plans.store import Store
from productivity_plans.store import vectors as V
from productivity_plans.store.migrations import alembic_config
from productivity_plans.store.models import DocumentRow, PassageRow, PassageVectorRow

EMBEDDER = load_embedder()
EMBEDDER_ID = V.encode_passages([], EMBEDDER)[0]
QUERY = "single year funding settlements stop councils planning ahead"
KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
KINDS_WITH_PGVECTOR = [*KINDS, pytest.param("pgvector", marks=pytest.mark.postgres)]


@pytest.fixture
def vector_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store of the kind asked for: ``pgvector`` is PostgreSQL whose server has pgvector."""
    if request.param == "sqlite":
        with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store:
            yield store
        return
    fixture = "pgvector_server" if request.param == "pgvector" else "postgres_server"
    server: PostgresServer = request.getfixturevalue(fixture)
    url = server.create_namespace()
    try:
        with Store.open(url) as store:
            yield store
    finally:
        server.drop_namespace(url)


def add_document(store: Store, make_document: MakeDocument, name: str, *, public: bool) -> int:
    """A stored document: collected (public) or a private draft (an upload never published)."""
    doc = make_document(f"{name}\n\nThe {name} council's plan.", source=f"/data/{name}.pdf")
    store.save_document(doc, collected=public)
    with Session(store.engine) as session:
        document_id = session.scalar(
            select(DocumentRow.id).where(DocumentRow.sha256 == doc.provenance.sha256)
        )
    assert document_id is not None
    return document_id


def add_passages(store: Store, document_id: int, count: int) -> list[int]:
    """``count`` current passages of the document, as the coding stage would leave them."""
    now = datetime.now(UTC)
    rows = [
        {
            "document_id": document_id,
            "ordinal": i,
            "page": 1,
            "start": i,
            "end": i + 1,
            "text": f"passage {i} of document {document_id}",
            "text_hash": hashlib.sha256(f"{document_id}/{i}".encode()).hexdigest(),
            "heading": None,
            "block_kind": "paragraph",
            "current": True,
            "created_at": now,
        }
        for i in range(count)
    ]
    with Session(store.engine) as session, session.begin():
        session.execute(insert(PassageRow), rows)
        return list(
            session.scalars(
                select(PassageRow.id)
                .where(PassageRow.document_id == document_id)
                .order_by(PassageRow.ordinal)
            )
        )


def unit_vectors(count: int, seed: int) -> NDArray[np.float32]:
    vectors = np.random.default_rng(seed).standard_normal((count, EMBEDDER.dim), dtype=np.float32)
    unit: NDArray[np.float32] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return unit


def write(store: Store, ids: list[int], vectors: NDArray[np.float32]) -> int:
    with Session(store.engine) as session, session.begin():
        return V.write_vectors(session, list(zip(ids, vectors, strict=True)), EMBEDDER_ID)


def query_vector() -> NDArray[np.float32]:
    return V.query_vector(EMBEDDER, V.content_words(QUERY))


def brute_force(ids: list[int], vectors: NDArray[np.float32], k: int) -> list[int]:
    """The k nearest passages to the query as stored (float16), by the dot product."""
    stored = vectors.astype(np.float16).astype(np.float32)
    order = np.argsort(-(stored @ query_vector()), kind="stable")[:k]
    return [ids[i] for i in order]


def search(
    store: Store, *, limit: int = 20, document_ids: list[int] | None = None, min_score: float = 0.0
) -> list[int]:
    hits = V.SemanticIndex(store).search(
        QUERY, limit=limit, document_ids=document_ids, min_score=min_score, embedder=EMBEDDER
    )
    return [hit.passage_id for hit in hits]


def path_of(store: Store) -> bool:
    return V.SemanticIndex(store).in_database


@pytest.mark.parametrize("vector_store", KINDS_WITH_PGVECTOR, indirect=True)
def test_written_vectors_are_normalised_and_a_rewrite_replaces_them(
    vector_store: Store, make_document: MakeDocument
) -> None:
    document = add_document(vector_store, make_document, "borsetshire", public=True)
    ids = add_passages(vector_store, document, 3)
    assert write(vector_store, ids, 5 * unit_vectors(3, seed=1)) == 3
    replacement = unit_vectors(3, seed=2)
    assert write(vector_store, ids, replacement) == 3
    with Session(vector_store.engine) as session:
        rows = session.execute(
            select(
                PassageVectorRow.passage_id, PassageVectorRow.dim, PassageVectorRow.vector
            ).order_by(PassageVectorRow.passage_id)
        ).all()
    assert [(r.passage_id, r.dim) for r in rows] == [(i, EMBEDDER.dim) for i in ids]
    stored = np.vstack([np.frombuffer(r.vector, dtype=np.float16) for r in rows])
    assert np.array_equal(stored, replacement.astype(np.float16))
    assert np.allclose(np.linalg.norm(stored.astype(np.float32), axis=1), 1.0, atol=1e-2)


@pytest.mark.parametrize("vector_store", KINDS_WITH_PGVECTOR, indirect=True)
def test_the_nearest_passages_agree_with_a_brute_force_ranking(
    vector_store: Store, make_document: MakeDocument
) -> None:
    ids: list[int] = []
    for name in ("borsetshire", "midsomer", "wessex"):
        ids += add_passages(
            vector_store, add_document(vector_store, make_document, name, public=True), 400
        )
    vectors = unit_vectors(len(ids), seed=3)
    write(vector_store, ids, vectors)
    found = search(vector_store, limit=20, min_score=-1.0)
    expected = brute_force(ids, vectors, 20)
    if path_of(vector_store):  # HNSW on halfvec: approximate, but it must find nearly all
        assert len(found) == 20 and len(set(found) & set(expected)) >= 18
    else:
        assert found == expected


@pytest.mark.postgres
def test_a_server_with_pgvector_searches_in_the_database_and_one_without_does_not(
    request: pytest.FixtureRequest,
) -> None:
    for fixture, in_database in (("pgvector_server", True), ("postgres_server", False)):
        server: PostgresServer = request.getfixturevalue(fixture)
        url = server.create_namespace()
        try:
            with Store.open(url) as store:
                assert path_of(store) is in_database
        finally:
            server.drop_namespace(url)
    with Store.open("sqlite://") as store:
        assert path_of(store) is False


@pytest.mark.postgres
def test_the_database_path_uses_the_hnsw_index(
    pgvector_server: PostgresServer, make_document: MakeDocument
) -> None:
    url = pgvector_server.create_namespace()
    try:
        with Store.open(url) as store:
            document = add_document(store, make_document, "borsetshire", public=True)
            ids = add_passages(store, document, 2000)
            write(store, ids, unit_vectors(len(ids), seed=4))
            with Session(store.engine) as session, session.begin():
                session.execute(text("ANALYZE"))
                plan = session.execute(
                    text(
                        "EXPLAIN SELECT passage_id FROM passage_vectors "
                        "ORDER BY embedding <=> CAST(:q AS halfvec) LIMIT 20"
                    ),
                    {"q": str(query_vector().tolist())},
                ).scalars()
                assert "ix_passage_vectors_embedding" in "\n".join(plan)
    finally:
        pgvector_server.drop_namespace(url)


@pytest.mark.parametrize("vector_store", KINDS_WITH_PGVECTOR, indirect=True)
@pytest.mark.parametrize("exact_filter_documents", [1_000, 0])
def test_a_search_kept_to_some_documents_returns_only_theirs_best_first(
    vector_store: Store,
    make_document: MakeDocument,
    exact_filter_documents: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """0 sends a filtered search down the HNSW path too, where pgvector has it."""
    monkeypatch.setattr(V, "EXACT_FILTER_DOCUMENTS", exact_filter_documents)
    documents = [
        add_document(vector_store, make_document, name, public=True)
        for name in ("borsetshire", "midsomer", "wessex")
    ]
    ids = {d: add_passages(vector_store, d, 200) for d in documents}
    every_id = [i for d in documents for i in ids[d]]
    vectors = unit_vectors(len(every_id), seed=5)
    write(vector_store, every_id, vectors)
    kept = documents[1:]
    found = search(vector_store, limit=10, document_ids=kept, min_score=-1.0)
    kept_ids = [i for d in kept for i in ids[d]]
    kept_vectors = vectors[[every_id.index(i) for i in kept_ids]]
    assert len(found) == 10 and set(found) <= set(kept_ids)
    assert len(set(found) & set(brute_force(kept_ids, kept_vectors, 10))) >= 9
    assert search(vector_store, document_ids=[]) == []


@pytest.mark.parametrize("vector_store", KINDS_WITH_PGVECTOR, indirect=True)
def test_a_draft_passage_never_comes_back_even_as_the_best_match(
    vector_store: Store, make_document: MakeDocument
) -> None:
    public = add_document(vector_store, make_document, "borsetshire", public=True)
    draft = add_document(vector_store, make_document, "midsomer", public=False)
    public_ids = add_passages(vector_store, public, 50)
    draft_ids = add_passages(vector_store, draft, 5)
    write(vector_store, public_ids, unit_vectors(50, seed=6))
    write(vector_store, draft_ids, np.tile(query_vector(), (5, 1)))  # the query itself
    found = search(vector_store, limit=20, min_score=-1.0)
    assert len(found) == 20 and not set(found) & set(draft_ids)


@pytest.mark.parametrize("vector_store", KINDS, indirect=True)
def test_a_document_leaving_the_public_record_drops_out_before_the_matrix_is_rebuilt(
    vector_store: Store, make_document: MakeDocument
) -> None:
    document = add_document(vector_store, make_document, "borsetshire", public=True)
    ids = add_passages(vector_store, document, 30)
    write(vector_store, ids, unit_vectors(30, seed=7))
    index = V.SemanticIndex(vector_store, ttl=3600)  # the matrix outlives the change below
    assert index.search(QUERY, embedder=EMBEDDER, min_score=-1.0)
    with Session(vector_store.engine) as session, session.begin():
        session.execute(update(DocumentRow).values(collected=False))  # another process withdrew
    assert index.search(QUERY, embedder=EMBEDDER, min_score=-1.0) == []


def test_a_new_vector_is_found_once_the_index_is_invalidated(
    tmp_path: Path, make_document: MakeDocument
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store:
        document = add_document(store, make_document, "borsetshire", public=True)
        ids = add_passages(store, document, 10)
        write(store, ids[:9], unit_vectors(9, seed=8))
        index = V.SemanticIndex(store, ttl=3600)
        assert ids[9] not in [h.passage_id for h in index.search(QUERY, embedder=EMBEDDER)]
        write(store, ids[9:], query_vector()[None, :])
        index.invalidate()
        assert index.search(QUERY, embedder=EMBEDDER)[0].passage_id == ids[9]


def test_the_same_query_is_encoded_once() -> None:
    V.query_vector.cache_clear()
    first = V.query_vector(EMBEDDER, V.content_words("Agency staff spending"))
    again = V.query_vector(EMBEDDER, V.content_words("  agency STAFF spending "))
    assert again is first and V.query_vector.cache_info().misses == 1
    with pytest.raises(ValueError):
        first[0] = 0.0  # shared between searches: nobody may change it


@pytest.mark.parametrize("vector_store", KINDS, indirect=True)
def test_upgrading_a_store_without_pgvector_keeps_its_vectors_and_searches_them(
    vector_store: Store, make_document: MakeDocument
) -> None:
    document = add_document(vector_store, make_document, "borsetshire", public=True)
    ids = add_passages(vector_store, document, 30)
    vectors = unit_vectors(30, seed=11)
    write(vector_store, ids, vectors)
    url = vector_store.engine.url.render_as_string(hide_password=False)
    engine = create_engine(url)
    try:  # back to the schema before revision 0011, and up again
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "0009")
    finally:
        engine.dispose()
    with Store.open(url) as store:
        assert not path_of(store)
        with Session(store.engine) as session:
            assert session.scalar(select(func.count()).select_from(PassageVectorRow)) == 30
        assert search(store, limit=10, min_score=-1.0) == brute_force(ids, vectors, 10)


@pytest.mark.postgres
def test_upgrading_a_store_on_a_server_with_pgvector_copies_every_vector_across(
    pgvector_server: PostgresServer, make_document: MakeDocument
) -> None:
    url = pgvector_server.create_namespace()
    try:
        with Store.open(url) as store:
            document = add_document(store, make_document, "borsetshire", public=True)
            ids = add_passages(store, document, 30)
        engine = create_engine(url)
        try:  # a store made before revision 0011, its vectors written by older code
            with engine.begin() as connection:
                command.downgrade(alembic_config(connection=connection), "0009")
                connection.execute(
                    insert(PassageVectorRow),
                    [
                        {
                            "passage_id": i,
                            "embedder": EMBEDDER_ID,
                            "dim": EMBEDDER.dim,
                            "vector": v.astype(np.float16).tobytes(),
                        }
                        for i, v in zip(ids, unit_vectors(30, seed=9), strict=True)
                    ],
                )
        finally:
            engine.dispose()
        with Store.open(url) as store, Session(store.engine) as session:  # the upgrade
            copied = session.execute(
                text("SELECT vector, embedding::text FROM passage_vectors ORDER BY passage_id")
            ).all()
            assert len(copied) == 30
            for blob, embedding in copied:
                as_text = np.array(embedding.strip("[]").split(","), dtype=np.float32)
                assert np.array_equal(as_text.astype(np.float16), np.frombuffer(blob, np.float16))
            assert path_of(store) and len(search(store, limit=5, min_score=-1.0)) == 5
    finally:
        pgvector_server.drop_namespace(url)


@pytest.mark.postgres
def test_a_new_database_on_a_server_with_pgvector_available_gets_the_extension(
    pgvector_server: PostgresServer,
) -> None:
    """The extension is available but not installed in this database: the upgrade installs
    it (in the first schema of the search path, ``public`` here)."""
    pgvector_server._admin("CREATE DATABASE fresh_vectors")
    url = pgvector_server.admin_url.replace("/postgres", "/fresh_vectors")
    try:
        with Store.open(url) as store, Session(store.engine) as session:
            assert (
                session.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'vector'"))
                == 1
            )
            assert path_of(store)
    finally:
        pgvector_server._admin("DROP DATABASE fresh_vectors WITH (FORCE)")


@pytest.mark.postgres
def test_a_downgrade_keeps_the_vectors_of_record(
    pgvector_server: PostgresServer, make_document: MakeDocument
) -> None:
    url = pgvector_server.create_namespace()
    try:
        with Store.open(url) as store:
            ids = add_passages(store, add_document(store, make_document, "wessex", public=True), 5)
            write(store, ids, unit_vectors(5, seed=10))
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                command.downgrade(alembic_config(connection=connection), "0009")
                assert connection.scalar(select(func.count()).select_from(PassageVectorRow)) == 5
        finally:
            engine.dispose()
    finally:
        pgvector_server.drop_namespace(url)


@pytest.mark.postgres
@pytest.mark.filterwarnings("ignore:Did not recognize type 'halfvec'")  # SQLAlchemy reflecting
def test_the_models_match_what_the_migrations_built_on_a_server_with_pgvector(
    pgvector_server: PostgresServer,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from productivity_plans.store.models import Base
    from productivity_plans.store.search import is_fts_object

    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (is_fts_object(name, type_) or V.is_pgvector_object(name, type_))

    url = pgvector_server.create_namespace()
    try:
        with Store.open(url) as store, store.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_object": include, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        pgvector_server.drop_namespace(url)
