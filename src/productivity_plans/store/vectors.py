"""Search by meaning: passage vectors in the store and a brute-force cosine index over them.

Vectors are written when a document is coded, in the same transaction as its passages and
codes (``coding_jobs.code_documents`` calls :func:`write_passage_vectors`): one L2-normalised
embedding per current passage, float16 bytes in ``passage_vectors``, made by the offline
model2vec embedder (``coding/embeddings.py``). A passage kept across re-codings keeps its
vector (its text is unchanged by identity).

:class:`SemanticIndex` holds the vector of every current passage of a public document (never a
private draft: ``store.visibility``) as one float32 matrix per process and answers a query with
one matrix-vector product (about 30,000 × 256 for a full sector: a few milliseconds). The matrix
is rebuilt when the store's vectors or what is public change: a cheap fingerprint (count and
highest passage id of vectors and passages, the newest audit row) is checked at most once per
``ttl`` seconds, and :meth:`SemanticIndex.invalidate` drops it at once after a write in this
process.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from productivity_plans.store.accounts import AuditRow
from productivity_plans.store.db import Store
from productivity_plans.store.models import DocumentRow, PassageRow, PassageVectorRow
from productivity_plans.store.visibility import is_public

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
    vectors = embedder.encode([content_words(text) for _, text in missing]).astype(DTYPE)
    ids = [passage_id for passage_id, _ in missing]
    session.execute(delete(PassageVectorRow).where(PassageVectorRow.passage_id.in_(ids)))
    session.execute(
        insert(PassageVectorRow),
        [
            {
                "passage_id": passage_id,
                "embedder": embedder_id,
                "dim": int(vector.shape[0]),
                "vector": vector.tobytes(),
            }
            for passage_id, vector in zip(ids, vectors, strict=True)
        ],
    )
    return len(ids)


def encode_passages(
    texts: Sequence[str], embedder: Embedder | None = None
) -> tuple[str, NDArray[np.float16]]:
    """The id of the embedder and the vectors stored for these passage texts, row by row. Pure,
    so the ingest workers encode a document's passages beside coding it and the writer only
    stores them (:func:`write_vectors`)."""
    embedder = embedder or _embedder()
    vectors = embedder.encode([content_words(text) for text in texts]).astype(DTYPE)
    return _embedder_id(embedder), vectors


def write_vectors(
    session: Session, rows: Sequence[tuple[int, NDArray[np.floating]]], embedder_id: str
) -> int:
    """Store (passage id, vector) rows made by ``embedder_id``, replacing any vector those
    passages had, inside the caller's transaction; return how many were written."""
    if not rows:
        return 0
    ids = [passage_id for passage_id, _ in rows]
    session.execute(delete(PassageVectorRow).where(PassageVectorRow.passage_id.in_(ids)))
    session.execute(
        insert(PassageVectorRow),
        [
            {
                "passage_id": passage_id,
                "embedder": embedder_id,
                "dim": int(vector.shape[0]),
                "vector": vector.astype(DTYPE).tobytes(),
            }
            for passage_id, vector in rows
        ],
    )
    return len(rows)


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


@dataclass(frozen=True, slots=True)
class _Matrix:
    fingerprint: tuple[int, ...]
    ids: NDArray[np.int64]  # passage ids, row order
    documents: NDArray[np.int64]  # document id per row
    vectors: NDArray[np.float32]


def _fingerprint(session: Session) -> tuple[int, ...]:
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
    return tuple(int(v) for v in row)


class SemanticIndex:
    """One per process (per store). Thread-safe."""

    def __init__(self, store: Store, *, ttl: float = 2.0) -> None:
        self.store = store
        self.ttl = ttl
        self._lock = threading.Lock()
        self._matrix: _Matrix | None = None
        self._checked = 0.0

    def invalidate(self) -> None:
        with self._lock:
            self._matrix = None

    def _load(self, embedder_id: str) -> _Matrix:
        now = time.monotonic()
        with self._lock:
            if self._matrix is not None and now - self._checked < self.ttl:
                return self._matrix
            with Session(self.store.engine) as session:
                fingerprint = _fingerprint(session)
                if self._matrix is not None and self._matrix.fingerprint == fingerprint:
                    self._checked = now
                    return self._matrix
                rows = session.execute(
                    select(
                        PassageVectorRow.passage_id, PassageRow.document_id, PassageVectorRow.vector
                    )
                    .join(PassageRow, PassageRow.id == PassageVectorRow.passage_id)
                    .where(
                        PassageRow.current.is_(True),
                        PassageVectorRow.embedder == embedder_id,
                        is_public(PassageRow.document_id),  # never a draft
                    )
                    .order_by(PassageVectorRow.passage_id)
                ).all()
            if rows:
                vectors = np.vstack([np.frombuffer(v, dtype=DTYPE) for _, _, v in rows])
            else:
                vectors = np.zeros((0, 1), dtype=DTYPE)
            self._matrix = _Matrix(
                fingerprint,
                np.array([r[0] for r in rows], dtype=np.int64),
                np.array([r[1] for r in rows], dtype=np.int64),
                vectors.astype(np.float32),
            )
            self._checked = now
            return self._matrix

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        document_ids: Collection[int] | None = None,
        min_score: float = 0.0,
        embedder: Embedder | None = None,
    ) -> list[SemanticHit]:
        """The current passages nearest to ``query`` in meaning, best first.

        ``document_ids`` keeps only those documents (a council's, say). Passages under
        ``min_score`` cosine are dropped. A query with no words returns nothing.
        """
        if not query.strip() or limit <= 0:
            return []
        embedder = embedder or _embedder()
        matrix = self._load(_embedder_id(embedder))
        if not len(matrix.ids):
            return []
        q = embedder.encode([content_words(query)])[0].astype(np.float32)
        scores = matrix.vectors @ q
        if document_ids is not None:
            keep = np.isin(matrix.documents, np.fromiter(document_ids, dtype=np.int64))
            scores = np.where(keep, scores, -np.inf)
        n = min(limit, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        chosen = [(int(matrix.ids[i]), float(scores[i])) for i in top if scores[i] >= min_score]
        return _hits(self.store, chosen)


def _hits(store: Store, chosen: Sequence[tuple[int, float]]) -> list[SemanticHit]:
    if not chosen:
        return []
    with Session(store.engine) as session:
        rows = {
            r.id: r
            for r in session.execute(
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
                .where(PassageRow.id.in_([i for i, _ in chosen]))
            )
        }
    return [
        SemanticHit(
            passage_id=i,
            document_id=r.document_id,
            title=r.title,
            page=r.page,
            start=r.start,
            end=r.end,
            text=r.text,
            heading=r.heading,
            score=round(score, 4),
        )
        for i, score in chosen
        if (r := rows.get(i)) is not None
    ]
