"""Search by meaning: passage vectors in the store, and the nearest passages to a query.

Vectors are written when a document is coded, in the same transaction as its passages and
codes: one L2-normalised embedding per current passage, float16 bytes in
``passage_vectors.vector`` (the vector of record on every dialect), made by the offline model2vec
embedder (``coding/embeddings.py``). :func:`write_vectors` stores a batch of precomputed vectors
in one statement batch (an upsert, ``executemany``), so coding in worker processes can encode
beside classifying and the writer only stores. A passage kept across re-codings keeps its vector.

:class:`SemanticIndex` answers a query two ways, chosen at run time:

- **PostgreSQL with pgvector** (revision 0011 added ``embedding halfvec(256)`` under an HNSW
  index where the server has the extension): ``ORDER BY embedding <=> query LIMIT k`` in the
  database, so nothing is loaded into the process and the cost grows with log(passages). A
  filter to a few documents ranks those documents' passages exactly instead (an HNSW scan
  would have to walk past almost everything before it found them).
- **Everywhere else** (SQLite, PostgreSQL without pgvector, an embedder of another
  dimension): every current public passage's vector as one contiguous float32 matrix per
  process, ranked by one matrix-vector product and ``argpartition``. The matrix is rebuilt when
  the store's vectors or what is public change: a cheap fingerprint is checked at most once per
  ``ttl`` seconds by one thread while the others go on with the matrix they have, and
  :meth:`SemanticIndex.invalidate` drops it at once after a write in this process.

Either way a private draft never comes back: the candidates are filtered with
``store.visibility`` and the passages returned are checked again when they are read. The same
query string is encoded once per process (an LRU cache on its content words).

docs/vectors.md has the design and the measurements.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, TypeGuard
from weakref import WeakKeyDictionary

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    Row,
    bindparam,
    exists,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from productivity_plans.store.accounts import AuditRow
from productivity_plans.store.db import Store
from productivity_plans.store.models import DocumentRow, PassageRow, PassageVectorRow
from productivity_plans.store.visibility import is_public, is_public_sql

if TYPE_CHECKING:  # numpy is light; the embedder (model2vec) is loaded only when used
    from productivity_plans.coding.embeddings import Embedder

DTYPE = np.float16
# A static embedder averages token vectors, so function words pull every text towards the same
# point. Dropping them (from passages and queries alike) moved the corpus's single-year
# settlement passage from rank 20 to rank 6 for "money comes one year at a time".
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "at",
        "of",
        "to",
        "in",
        "on",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "us",
        "they",
        "their",
        "there",
        "here",
        "as",
        "into",
        "than",
        "then",
        "so",
        "such",
        "one",
    ]
)
TEXT_PREP = "content-words"
_WORD = re.compile(r"[\w'-]+")

# The dimension of the pgvector column (revision 0011): the bundled embedder's.
PGVECTOR_DIM = 256
# A filter to at most this many documents is ranked exactly (their passages, then a sort): a
# council's documents are a handful of thousands of passages, a few milliseconds to rank, where
# an HNSW scan filtered down to them would walk most of the graph first.
EXACT_FILTER_DOCUMENTS = 1_000
# Candidates an HNSW search keeps while it walks the graph (pgvector's ``hnsw.ef_search``,
# default 40). On random 256-dimension vectors 40 found 17 of the true 20 nearest, 100 found 18-20.
EF_SEARCH = 100


def content_words(text: str) -> str:
    """The text without function words (what is embedded); the text itself if nothing is left."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
    return " ".join(words) or text


def _embedder() -> Embedder:
    from productivity_plans.coding.embeddings import load_embedder

    return load_embedder()


def _embedder_id(embedder: Embedder) -> str:
    from productivity_plans.coding.embeddings import EMBEDDER_DIR, EMBEDDER_ID

    name = EMBEDDER_ID if embedder.path == EMBEDDER_DIR else f"custom:{embedder.path.name}"
    return f"{name}+{TEXT_PREP}"[:64]


@lru_cache(maxsize=1024)
def query_vector(embedder: Embedder, words: str) -> NDArray[np.float32]:
    """``words`` (a query's :func:`content_words`) encoded, once per process: people repeat
    searches, and encoding is most of a query's work on a small store. Read-only."""
    vector: NDArray[np.float32] = embedder.encode([words])[0].astype(np.float32)
    vector.flags.writeable = False
    return vector


# --- writing ----------------------------------------------------------------------------------


def encode_passages(
    texts: Sequence[str], embedder: Embedder | None = None
) -> tuple[str, NDArray[np.float16]]:
    """The id of the embedder and the vectors stored for these passage texts, row by row. Pure,
    so the ingest workers encode a document's passages beside coding it and the writer only
    stores them (:func:`write_vectors`)."""
    embedder = embedder or _embedder()
    vectors = embedder.encode([content_words(text) for text in texts]).astype(DTYPE)
    return _embedder_id(embedder), vectors


def save_passage_vectors(store: Store, document_id: int, embedder: Embedder | None = None) -> int:
    """Encode the document's current passages that have no vector from this embedder, in one
    transaction (see :func:`write_passage_vectors`); return how many were written."""
    with store._writing() as session:
        return write_passage_vectors(session, document_id, embedder)


def write_passage_vectors(
    session: Session, document_id: int, embedder: Embedder | None = None
) -> int:
    """Encode the document's current passages that have no vector from this embedder, inside
    the caller's transaction (coding writes a document's passages, codes and vectors in one);
    return how many were written.

    Each passage's vector is looked up by its primary key: the check reads this document's
    passages only. (It used to ask ``id NOT IN`` every vector of the embedder, a scan of the
    whole table per document: 18 / 165 / 328 ms at 1× / 10× / 20× the sector.)
    """
    embedder = embedder or _embedder()
    embedder_id = _embedder_id(embedder)
    has_vector = exists().where(
        PassageVectorRow.passage_id == PassageRow.id, PassageVectorRow.embedder == embedder_id
    )
    missing = session.execute(
        select(PassageRow.id, PassageRow.text).where(
            PassageRow.document_id == document_id, PassageRow.current.is_(True), ~has_vector
        )
    ).all()
    if not missing:
        return 0
    _, vectors = encode_passages([passage_text for _, passage_text in missing], embedder)
    rows = [(passage_id, vector) for (passage_id, _), vector in zip(missing, vectors, strict=True)]
    return write_vectors(session, rows, embedder_id)


_UPSERT = (
    "INSERT INTO passage_vectors (passage_id, embedder, dim, vector) "
    "VALUES (:passage_id, :embedder, :dim, :vector) "
    "ON CONFLICT (passage_id) DO UPDATE SET "
    "embedder = excluded.embedder, dim = excluded.dim, vector = excluded.vector"
)
_UPSERT_WITH_EMBEDDING = (
    "INSERT INTO passage_vectors (passage_id, embedder, dim, vector, embedding) "
    "VALUES (:passage_id, :embedder, :dim, :vector, :embedding) "
    "ON CONFLICT (passage_id) DO UPDATE SET embedder = excluded.embedder, "
    "dim = excluded.dim, vector = excluded.vector, embedding = excluded.embedding"
)


def write_vectors(
    session: Session, rows: Sequence[tuple[int, NDArray[np.floating[Any]]]], embedder_id: str
) -> int:
    """Store (passage id, vector) rows made by ``embedder_id``, replacing any vector those
    passages had, inside the caller's transaction; return how many were written.

    One ``INSERT … ON CONFLICT`` run over all the rows (``executemany``: SQLite steps one
    prepared statement, psycopg pipelines). Vectors are L2-normalised here, whoever made them,
    since both search paths rank by the dot product. All rows must have one dimension (one
    embedder). On PostgreSQL with pgvector the halfvec copy goes in the same statement, sent in
    pgvector's binary form.
    """
    if not rows:
        return 0
    matrix = np.vstack([np.asarray(vector, dtype=np.float32) for _, vector in rows])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    stored = (matrix / norms).astype(DTYPE)
    dim = int(stored.shape[1])
    params: list[dict[str, Any]] = [
        {"passage_id": int(passage_id), "embedder": embedder_id, "dim": dim, "vector": v.tobytes()}
        for (passage_id, _), v in zip(rows, stored, strict=True)
    ]
    if not has_pgvector(session):
        session.execute(text(_UPSERT), params)
        return len(params)
    from pgvector import HalfVector

    _register_pgvector(session)
    for row, vector in zip(params, stored, strict=True):
        row["embedding"] = HalfVector(vector) if dim == PGVECTOR_DIM else None
    session.execute(text(_UPSERT_WITH_EMBEDDING), params)
    return len(params)


def documents_missing_vectors(store: Store, embedder: Embedder | None = None) -> list[int]:
    """Documents with a current passage that has no vector from this embedder: those coded
    before vectors existed, or whose coding an older version left half-written. One pass over
    the passages, for ``prodplans code`` to repair; ingest never runs it."""
    embedder_id = _embedder_id(embedder or _embedder())
    has_vector = exists().where(
        PassageVectorRow.passage_id == PassageRow.id, PassageVectorRow.embedder == embedder_id
    )
    with Session(store.engine) as session:
        return list(
            session.scalars(
                select(PassageRow.document_id)
                .where(PassageRow.current.is_(True), ~has_vector)
                .distinct()
                .order_by(PassageRow.document_id)
            )
        )


# --- pgvector ---------------------------------------------------------------------------------

_PGVECTOR: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()


def has_pgvector(session: Session) -> bool:
    """Whether this store has the halfvec column (PostgreSQL whose server had pgvector when
    revision 0011 ran). Asked once per engine: the schema only changes by migration, which
    ``Store.open`` runs before anything else."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    if engine not in _PGVECTOR:
        _PGVECTOR[engine] = engine.dialect.name == "postgresql" and bool(
            session.scalar(
                text(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = 'passage_vectors' "
                    "AND column_name = 'embedding'"
                )
            )
        )
    return _PGVECTOR[engine]


def is_pgvector_object(name: str | None, type_: str) -> bool:
    """True for revision 0011's column and index, which exist only where the server has
    pgvector: Alembic autogenerate must not try to drop them because the models do not map them
    (``PassageVectorRow`` is the same on every dialect)."""
    if type_ == "column":
        return name == "embedding"
    return name == "ix_passage_vectors_embedding"


def _register_pgvector(connection: Connection | Session) -> None:
    """Teach this psycopg connection pgvector's types (once per connection)."""
    import psycopg
    from pgvector.psycopg import register_vector

    if isinstance(connection, Session):
        connection = connection.connection()
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    if driver.adapters.types.get("halfvec") is None:
        register_vector(driver)


# --- searching --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SemanticHit:
    passage_id: int
    document_id: int
    title: str | None
    page: int
    start: int
    end: int
    text: str
    heading: str | None
    score: float  # cosine similarity, -1..1


Scored = list[tuple[int, float]]  # (passage id, cosine similarity), best first


@dataclass(frozen=True, slots=True)
class _Matrix:
    fingerprint: tuple[Any, ...]
    ids: NDArray[np.int64]  # passage ids, row order
    documents: NDArray[np.int64]  # document id per row
    vectors: NDArray[np.float32]  # C-contiguous, one L2-normalised row per passage

    def nearest(
        self, query: NDArray[np.float32], limit: int, document_ids: Collection[int] | None
    ) -> Scored:
        rows: NDArray[np.intp] | None = None
        if document_ids is not None:  # rank only the kept documents' rows
            wanted = np.fromiter(document_ids, dtype=np.int64, count=len(document_ids))
            rows = np.flatnonzero(np.isin(self.documents, wanted))
        scores = (self.vectors if rows is None else self.vectors[rows]) @ query
        n = min(limit, len(scores))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        ids = self.ids if rows is None else self.ids[rows]
        return [(int(ids[i]), float(scores[i])) for i in top]


def _fingerprint(session: Session, embedder_id: str) -> tuple[Any, ...]:
    """Changes with the vectors and with what is public (every publish, withdraw or delete is
    an audit row)."""
    row = session.execute(
        select(
            select(func.coalesce(func.max(AuditRow.id), 0)).scalar_subquery(),
            select(func.count()).select_from(PassageVectorRow).scalar_subquery(),
            select(func.coalesce(func.max(PassageVectorRow.passage_id), 0)).scalar_subquery(),
            select(func.count()).select_from(PassageRow).scalar_subquery(),
            select(func.coalesce(func.max(PassageRow.id), 0)).scalar_subquery(),
        )
    ).one()
    return (embedder_id, *(int(v) for v in row))


def _read_matrix(session: Session, embedder_id: str) -> _Matrix:
    """Every current public passage's vector from this embedder, in passage id order."""
    fingerprint = _fingerprint(session, embedder_id)
    rows = session.execute(
        select(PassageVectorRow.passage_id, PassageRow.document_id, PassageVectorRow.vector)
        .join(PassageRow, PassageRow.id == PassageVectorRow.passage_id)
        .where(
            PassageRow.current.is_(True),
            PassageVectorRow.embedder == embedder_id,
            is_public(PassageRow.document_id),  # never a draft
        )
        .order_by(PassageVectorRow.passage_id)
    ).all()
    n = len(rows)
    # One join of the float16 blobs and one conversion: far cheaper than an array per row.
    blob = b"".join(r[2] for r in rows)
    vectors = np.frombuffer(blob, dtype=DTYPE).reshape(n, -1 if n else 1).astype(np.float32)
    return _Matrix(
        fingerprint,
        np.fromiter((r[0] for r in rows), dtype=np.int64, count=n),
        np.fromiter((r[1] for r in rows), dtype=np.int64, count=n),
        np.ascontiguousarray(vectors),
    )


class SemanticIndex:
    """One per process (per store). Thread-safe."""

    def __init__(self, store: Store, *, ttl: float = 2.0) -> None:
        self.store = store
        self.ttl = ttl
        self._refresh = threading.Lock()  # one thread checks or rebuilds the matrix at a time
        self._matrix: _Matrix | None = None
        self._checked = 0.0
        self._generation = 0  # bumped by invalidate: a rebuild begun before it is not kept

    def invalidate(self) -> None:
        self._generation += 1
        self._matrix = None

    @cached_property
    def in_database(self) -> bool:
        """Whether queries go to pgvector (decided once: the schema changes only by migration)."""
        with Session(self.store.engine) as session:
            return has_pgvector(session)

    @cached_property
    def _public_passage_sql(self) -> str:
        return is_public_sql(self.store.engine.dialect, "p.document_id")

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        document_ids: Collection[int] | None = None,
        min_score: float = 0.0,
        embedder: Embedder | None = None,
    ) -> list[SemanticHit]:
        """The current public passages nearest to ``query`` in meaning, best first.

        ``document_ids`` keeps only those documents (a council's, say). Passages under
        ``min_score`` cosine are dropped. A query with no words returns nothing.
        """
        if not query.strip() or limit <= 0 or (document_ids is not None and not document_ids):
            return []
        embedder = embedder or _embedder()
        embedder_id = _embedder_id(embedder)
        vector = query_vector(embedder, content_words(query))
        if self.in_database and len(vector) == PGVECTOR_DIM:
            hits = self._nearest_in_database(vector, embedder_id, limit, document_ids)
            return [hit for hit in hits if hit.score >= min_score]
        scored = self._current_matrix(embedder_id).nearest(vector, limit, document_ids)
        return _hits(self.store, [(i, s) for i, s in scored if s >= min_score])

    def version(self, embedder: Embedder | None = None) -> tuple[Any, ...] | None:
        """What a search would rank against now: the matrix's fingerprint (checked as a
        search checks it), or None when pgvector ranks in the database (always current). A
        result kept under one version is the search's result for as long as it lasts."""
        embedder = embedder or _embedder()
        if self.in_database and embedder.dim == PGVECTOR_DIM:
            return None
        return self._current_matrix(_embedder_id(embedder)).fingerprint

    def _current_matrix(self, embedder_id: str) -> _Matrix:
        """The matrix, rebuilt when the store changed. While one thread checks (at most once per
        ``ttl``) or rebuilds, the others rank with the matrix they have rather than wait: a
        passage that left the public record meanwhile is still dropped by :func:`_hits`."""
        matrix = self._matrix
        if self._usable(matrix, embedder_id) and (self._fresh() or self._refresh.locked()):
            return matrix
        with self._refresh:
            matrix, generation = self._matrix, self._generation
            if self._usable(matrix, embedder_id) and self._fresh():
                return matrix  # another thread checked it while this one waited
            with Session(self.store.engine) as session:
                if matrix is None or matrix.fingerprint != _fingerprint(session, embedder_id):
                    matrix = _read_matrix(session, embedder_id)
            if generation == self._generation:
                self._matrix, self._checked = matrix, time.monotonic()
            return matrix

    def _fresh(self) -> bool:
        return time.monotonic() - self._checked < self.ttl

    @staticmethod
    def _usable(matrix: _Matrix | None, embedder_id: str) -> TypeGuard[_Matrix]:
        return matrix is not None and matrix.fingerprint[0] == embedder_id

    def _nearest_in_database(
        self,
        vector: NDArray[np.float32],
        embedder_id: str,
        limit: int,
        document_ids: Collection[int] | None,
    ) -> list[SemanticHit]:
        """Ranked by pgvector, the passages read in the same statement (the ranking is live,
        so the visibility rule in it is current). One transaction: its settings, one query."""
        from pgvector import HalfVector

        params: dict[str, Any] = {
            "query": HalfVector(vector),
            "embedder": embedder_id,
            "limit": limit,
            "ef_search": str(max(limit, EF_SEARCH)),
        }
        public = f"p.current AND ({self._public_passage_sql})"
        if document_ids is not None:
            public += " AND p.document_id = ANY(:documents)"
            params["documents"] = [int(d) for d in document_ids]
        if document_ids is not None and len(document_ids) <= EXACT_FILTER_DOCUMENTS:
            # Exact: each kept passage's distance, its vector found by primary key (a subquery
            # per passage), then sorted; no index can order these, and no scan reads the rest.
            nearest = (
                "WITH kept AS MATERIALIZED (SELECT p.id AS passage_id, "
                "(SELECT v.embedding <=> :query FROM passage_vectors v "
                "WHERE v.passage_id = p.id AND v.embedder = :embedder) AS distance "
                f"FROM passages p WHERE {public}) "
                "SELECT passage_id, distance FROM kept WHERE distance IS NOT NULL "
                "ORDER BY distance LIMIT :limit"
            )
        else:
            nearest = (
                "SELECT v.passage_id, v.embedding <=> :query AS distance "
                "FROM passage_vectors v JOIN passages p ON p.id = v.passage_id "
                f"WHERE v.embedder = :embedder AND v.embedding IS NOT NULL AND {public} "
                "ORDER BY v.embedding <=> :query LIMIT :limit"
            )
        statement = (
            'SELECT p.id, p.document_id, p.page, p.start, p."end", p.text, p.heading, d.title, '
            f"1 - n.distance AS score FROM ({nearest}) n "
            "JOIN passages p ON p.id = n.passage_id JOIN documents d ON d.id = p.document_id "
            "ORDER BY n.distance"
        )
        with self.store.engine.begin() as connection:
            _register_pgvector(connection)
            # Keep walking the graph past candidates the filters drop, in distance order.
            connection.execute(
                text(
                    "SELECT set_config('hnsw.iterative_scan', 'strict_order', true), "
                    "set_config('hnsw.ef_search', :ef_search, true)"
                ),
                params,
            )
            rows = connection.execute(text(statement), params).all()
        return [_hit(r, float(r.score)) for r in rows]


@lru_cache(maxsize=1)
def _hits_statement() -> Executable:
    """The passages of a ranking, read again under the visibility rule. Built once: building
    :func:`is_public` (ORM aliases) cost about as much as ranking 30,000 vectors."""
    return (
        select(
            PassageRow.id,
            PassageRow.document_id,
            PassageRow.page,
            PassageRow.start,
            PassageRow.end,
            PassageRow.text,
            PassageRow.heading,
            DocumentRow.title,
        )
        .join(DocumentRow, DocumentRow.id == PassageRow.document_id)
        .where(
            PassageRow.id.in_(bindparam("ids", expanding=True)),
            PassageRow.current.is_(True),
            is_public(PassageRow.document_id),
        )
    )


def _hits(store: Store, chosen: Scored) -> list[SemanticHit]:
    """The chosen passages, read again with the visibility rule: a passage whose document left
    the public record (or that stopped being current) since the ranking is dropped."""
    if not chosen:
        return []
    with store.engine.connect() as connection:
        found = connection.execute(_hits_statement(), {"ids": [i for i, _ in chosen]})
        rows = {r.id: r for r in found}
    return [_hit(r, score) for i, score in chosen if (r := rows.get(i)) is not None]


def _hit(row: Row[Any], score: float) -> SemanticHit:
    """A hit from a row of passage columns (id, document_id, page, start, end, text, heading)
    and the document's title."""
    return SemanticHit(
        passage_id=row.id,
        document_id=row.document_id,
        title=row.title,
        page=row.page,
        start=row.start,
        end=row.end,
        text=row.text,
        heading=row.heading,
        score=round(score, 4),
    )
