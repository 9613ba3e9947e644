"""Coded passages in the store: machine suggestions, human decisions and the effective codes.

Three layers, one rule:

- ``passages``: what the coding stage cut from a stored document, identified across re-runs by
  (document, start, end, text hash).
- ``machine_codes``: one row per suggestion (heading, question, barrier, measure, initiative,
  kind) with its confidence, model version, framework id and time. A new model version replaces
  a document's machine codes in one transaction.
- ``human_codes``: analysts' decisions (accept, reject, add), append-only. Nothing a coding run
  does touches them; re-coding keeps the passage row they hang on.

The *effective* code of a passage is the machine's, except where a human decided: for each
(code type, value) the latest human decision wins (accept/add: present, reject: absent).

Functions take a :class:`~productivity_plans.store.db.Store` and use its engine; they never
call a stage except to roll passage codes up (:func:`coding.classify.summarise`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import and_, delete, exists, func, insert, select, text, update
from sqlalchemy.orm import Session

from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.ingest.records import Block, BlockKind, Page, ParsedDocument
from productivity_plans.store.db import _WRITE, Store
from productivity_plans.store.models import (
    CODE_TYPES,
    CodedDocumentRow,
    DocumentRow,
    FactsRow,
    HumanCodeRow,
    MachineCodeRow,
    PassageRow,
    PassageVectorRow,
    in_chunks,
)
from productivity_plans.store.vectors import write_vectors

if TYPE_CHECKING:  # the coding package loads numpy, scikit-learn and the embedder: import late
    import numpy as np
    from numpy.typing import NDArray

    from productivity_plans.coding.records import DocumentCodes, PassageCode
    from productivity_plans.coding.train import TrainingExample

CodeType = Literal["heading", "question", "barrier", "measure", "initiative", "kind"]
Decision = Literal["accept", "reject", "add"]
KINDS = ("requirement", "council")
YES = "yes"  # the value of a measure or initiative code: the passage is one


class ReviewError(ValueError):
    """A decision that cannot be recorded: unknown id, or a value the framework does not know."""


@contextmanager
def _writing(store: Store) -> Iterator[Session]:
    """One write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on success."""
    with Session(store.engine, expire_on_commit=False) as session, session.begin():
        session.connection(execution_options={_WRITE: True})
        yield session


def _now() -> datetime:
    return datetime.now(UTC)


def text_hash(passage_text: str) -> str:
    return hashlib.sha256(passage_text.encode("utf-8")).hexdigest()


# -- reading documents back for the coding stage ---------------------------------------------


def load_parsed(store: Store, document_id: int) -> ParsedDocument:
    """A stored document as the parser returned it: text, pages and blocks (offsets unchanged)."""
    with Session(store.engine) as session:
        doc = session.get(DocumentRow, document_id)
        if doc is None:
            raise KeyError(f"no document {document_id}")
        pages = session.execute(
            text('SELECT number, start, "end" FROM pages WHERE document_id = :d ORDER BY number'),
            {"d": document_id},
        ).all()
        blocks = session.execute(
            text(
                'SELECT kind, page, start, "end" FROM blocks WHERE document_id = :d '
                "ORDER BY ordinal"
            ),
            {"d": document_id},
        ).all()
        return ParsedDocument(
            text=doc.text,
            pages=[Page(n, s, e) for n, s, e in pages],
            blocks=[Block(BlockKind(k), p, s, e) for k, p, s, e in blocks],
            parser=doc.parser,
            parser_version=doc.parser_version,
            title=doc.title,
            warnings=list(doc.warnings),
        )


def codable_documents(store: Store) -> list[int]:
    """Ids of documents with text, oldest first."""
    with Session(store.engine) as session:
        return list(
            session.scalars(
                select(DocumentRow.id).where(DocumentRow.status == "ok").order_by(DocumentRow.id)
            )
        )


def uncoded_documents(store: Store, model_version: str, framework_id: str) -> list[int]:
    """Ids of documents with text that this model and framework version has not coded (never
    coded, coded by another version, or a coding cut short by a crash), oldest first.

    One lookup per document on the marker's primary key: it reads neither passages nor their
    vectors, so it costs the same whatever the size of the store's passages.
    """
    marker = and_(
        CodedDocumentRow.document_id == DocumentRow.id,
        CodedDocumentRow.model_version == model_version,
        CodedDocumentRow.framework_id == framework_id,
    )
    with Session(store.engine) as session:
        return list(
            session.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.status == "ok", ~exists().where(marker))
                .order_by(DocumentRow.id)
            )
        )


def coded_versions(store: Store) -> dict[int, tuple[str, str]]:
    """Document id -> (model version, framework id) of its last coding run."""
    with Session(store.engine) as session:
        rows = session.execute(
            select(
                CodedDocumentRow.document_id,
                CodedDocumentRow.model_version,
                CodedDocumentRow.framework_id,
            )
        ).all()
    return {d: (m, f) for d, m, f in rows}


# -- writing machine codes ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SavedCodes:
    passages: int  # passages the run yielded
    codes: int  # machine codes written
    kept: int  # passages matched to an existing row (human decisions stay attached)
    retired: int  # passages no longer yielded but kept for their human decisions
    removed: int  # passages no longer yielded and without human decisions, deleted


def machine_code_values(code: PassageCode) -> list[tuple[str, str, float]]:
    """(code type, value, confidence) for every suggestion in a passage code.

    A passage the stage did not score (too short to code) yields nothing.
    """
    conf = code.confidences
    if not conf:
        return []

    def score(key: str, fallback: float = 0.0) -> float:
        return min(1.0, max(0.0, float(conf.get(key, fallback))))

    out: list[tuple[str, str, float]] = [("kind", code.kind, score("kind"))]
    out += [("heading", h, score(h)) for h in code.headings]
    out += [("question", q, score(q)) for q in code.questions]
    out += [("barrier", b, score(f"barrier:{b}")) for b in code.barriers]
    if code.is_measure:
        out.append(("measure", YES, score("measure")))
    if code.is_initiative:
        best_heading = max((conf.get(h, 0.0) for h in code.headings), default=0.0)
        out.append(("initiative", YES, score("initiative", best_heading)))
    return out


def save_passage_codes(
    store: Store,
    document_id: int,
    codes: Sequence[PassageCode],
    *,
    model_version: str,
    framework_id: str,
) -> SavedCodes:
    """Replace a document's machine codes with this run's, in one transaction (see
    :func:`write_passage_codes`)."""
    with _writing(store) as session:
        return write_passage_codes(
            session, document_id, codes, model_version=model_version, framework_id=framework_id
        )


def write_passage_codes(
    session: Session,
    document_id: int,
    codes: Sequence[PassageCode],
    *,
    model_version: str,
    framework_id: str,
) -> SavedCodes:
    """Replace a document's machine codes with this run's inside the caller's transaction, and
    mark the document coded by this model: the caller commits the marker with whatever else
    belongs to the coding (its passage vectors), so a crash leaves the document either coded
    in full or not at all.

    Passages are matched to existing rows by (start, end, text hash), so human decisions stay
    on the same row. Rows the run no longer yields are deleted unless a human decided on them;
    those are kept with ``current`` false.

    Rows are written a statement per table (insert-many with RETURNING for new passages,
    update-many by primary key for kept ones), not object by object (docs/pipeline.md).
    """
    unique = unique_codes(codes)
    keys = [passage_key(code) for code in unique]
    return _write_codes(session, document_id, unique, keys, model_version, framework_id).saved


def unique_codes(codes: Sequence[PassageCode]) -> list[PassageCode]:
    """One code per passage identity (start, end, text hash), the first given: what is stored."""
    unique: dict[tuple[int, int, str], PassageCode] = {}
    for code in codes:
        unique.setdefault(passage_key(code), code)
    return list(unique.values())


def passage_key(code: PassageCode) -> tuple[int, int, str]:
    p = code.passage
    return (p.start, p.end, text_hash(p.text))


@dataclass(frozen=True, slots=True)
class _Written:
    saved: SavedCodes
    ids: list[int]  # the stored passage of each code written, in order
    new: set[int]  # the ids of those inserted by this run


def _write_codes(
    session: Session,
    document_id: int,
    codes: list[PassageCode],
    keys: list[tuple[int, int, str]],
    model_version: str,
    framework_id: str,
    *,
    new: bool = False,
) -> _Written:
    """Write ``codes`` (one per passage, ``keys`` their ``passage_key``s: hashed once).

    ``new``: the document was inserted in this transaction, so it has no passages and no marker
    to look up (the ingest writer's case: one SELECT less, and an INSERT for the marker).

    Inserts go through the connection (SQLAlchemy Core), not the session: an ORM-enabled bulk
    insert builds the unit of work's bookkeeping row by row, which was most of the writer's
    time per document (docs/pipeline.md)."""
    now = _now()
    connection = session.connection()
    existing: dict[tuple[int, int, str], int] = {}
    if not new:
        # FOR UPDATE (PostgreSQL): an analyst's decision on one of these passages waits for
        # this run instead of racing a delete that would cascade to it. SQLite's BEGIN
        # IMMEDIATE already serialises writers.
        mine = select(PassageRow.id, PassageRow.start, PassageRow.end, PassageRow.text_hash).where(
            PassageRow.document_id == document_id
        )
        existing = {(s, e, h): i for i, s, e, h in session.execute(mine.with_for_update())}
    kept = [
        {
            "id": existing[key],
            "ordinal": ordinal,
            "page": code.passage.page,
            "heading": code.passage.heading,
            "block_kind": code.passage.block,
            "current": True,
        }
        for ordinal, (key, code) in enumerate(zip(keys, codes, strict=True))
        if key in existing
    ]
    if kept:
        session.execute(update(PassageRow), kept)
    fresh = [
        {
            "document_id": document_id,
            "ordinal": ordinal,
            "page": code.passage.page,
            "start": key[0],
            "end": key[1],
            "text": code.passage.text,
            "text_hash": key[2],
            "heading": code.passage.heading,
            "block_kind": code.passage.block,
            "current": True,
            "created_at": now,
        }
        for ordinal, (key, code) in enumerate(zip(keys, codes, strict=True))
        if key not in existing
    ]
    new_ids: list[int] = []
    if fresh:
        inserted = connection.execute(
            insert(PassageRow).returning(PassageRow.id, sort_by_parameter_order=True), fresh
        )
        new_ids = list(inserted.scalars())
    made = {
        (row["start"], row["end"], row["text_hash"]): i
        for row, i in zip(fresh, new_ids, strict=True)
    }
    ids = [existing[key] if key in existing else made[key] for key in keys]
    yielded = set(ids)
    stale = [i for i in existing.values() if i not in yielded]
    of_document = select(PassageRow.id).where(PassageRow.document_id == document_id)
    if existing:
        session.execute(delete(MachineCodeRow).where(MachineCodeRow.passage_id.in_(of_document)))
    decided: set[int] = set()
    if stale:
        decided = set(
            session.scalars(
                select(HumanCodeRow.passage_id).where(HumanCodeRow.passage_id.in_(stale)).distinct()
            )
        )
    retired = [i for i in stale if i in decided]
    removed = [i for i in stale if i not in decided]
    if retired:
        session.execute(
            update(PassageRow)
            .where(PassageRow.id.in_(retired))
            .values(current=False)
            .execution_options(synchronize_session=False)
        )
    if removed:
        session.execute(
            delete(PassageRow)
            .where(PassageRow.id.in_(removed))
            .execution_options(synchronize_session=False)
        )
    values = [
        {
            "passage_id": passage_id,
            "code_type": code_type,
            "value": value,
            "confidence": confidence,
            "model_version": model_version,
            "framework_id": framework_id,
            "created_at": now,
        }
        for passage_id, code in zip(ids, codes, strict=True)
        for code_type, value, confidence in machine_code_values(code)
    ]
    if values:
        connection.execute(insert(MachineCodeRow), values)
    marker = {
        "model_version": model_version,
        "framework_id": framework_id,
        "passages": len(codes),
        "codes": len(values),
        "coded_at": now,
    }
    if new:
        connection.execute(insert(CodedDocumentRow), [{"document_id": document_id, **marker}])
    else:
        _mark_coded(session, document_id, marker)
    saved = SavedCodes(len(codes), len(values), len(kept), len(retired), len(removed))
    return _Written(saved, ids, set(new_ids))


def _mark_coded(session: Session, document_id: int, marker: dict[str, Any]) -> None:
    row = session.get(CodedDocumentRow, document_id)
    if row is None:
        session.add(CodedDocumentRow(document_id=document_id, **marker))
        return
    for column, value in marker.items():
        setattr(row, column, value)


def write_coded_document(
    session: Session,
    document_id: int,
    codes: Sequence[PassageCode],
    vectors: NDArray[np.floating],
    *,
    model_version: str,
    framework_id: str,
    embedder_id: str,
    new: bool = False,
) -> tuple[SavedCodes, int]:
    """Write a document's coding as the workers made it (``prepare.code_parsed``): its
    passages' machine codes, the marker, and the vector of every current passage that has none
    from this embedder (row i of ``vectors`` is ``codes[i]``'s passage), inside the caller's
    transaction. Returns what was saved and how many vectors were written.

    A passage kept across re-codings keeps its vector, as with ``write_passage_vectors``.
    ``new`` says the document was inserted in this same transaction (the ingest writer), so
    nothing of it is read back: it has no passages, vectors or marker yet."""
    unique: dict[tuple[int, int, str], tuple[PassageCode, NDArray[np.floating]]] = {}
    for code, vector in zip(codes, vectors, strict=True):  # as unique_codes: the first given
        unique.setdefault(passage_key(code), (code, vector))
    written = _write_codes(
        session,
        document_id,
        [code for code, _ in unique.values()],
        list(unique),
        model_version,
        framework_id,
        new=new,
    )
    kept = [i for i in written.ids if i not in written.new]
    have_vector = set()
    for chunk in in_chunks(kept):
        have_vector |= set(
            session.scalars(
                select(PassageVectorRow.passage_id).where(
                    PassageVectorRow.passage_id.in_(chunk),
                    PassageVectorRow.embedder == embedder_id,
                )
            )
        )
    rows = [
        (passage_id, vector)
        for passage_id, (_code, vector) in zip(written.ids, unique.values(), strict=True)
        if passage_id not in have_vector
    ]
    return written.saved, write_vectors(session, rows, embedder_id)


# -- effective codes: human decisions win ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EffectiveCode:
    code_type: str
    value: str
    confidence: float  # the machine's, or 1.0 for a human decision
    source: Literal["machine", "human"]
    machine_code_id: int | None = None
    analyst: str | None = None
    decision: str | None = None


@dataclass(slots=True)
class EffectivePassage:
    """A stored passage with its effective codes (human decisions applied to machine ones)."""

    id: int
    document_id: int
    ordinal: int
    page: int
    start: int
    end: int
    text: str
    heading: str | None
    block_kind: str
    current: bool
    model_version: str
    framework_id: str
    codes: list[EffectiveCode] = field(default_factory=list)
    human: bool = False  # any human decision on this passage (of the analysts considered)

    def values(self, code_type: str) -> tuple[str, ...]:
        return tuple(c.value for c in self.codes if c.code_type == code_type)

    @property
    def kind(self) -> str:
        kinds = self.values("kind")
        return kinds[0] if kinds else "council"

    def to_passage_code(self) -> PassageCode:
        from productivity_plans.coding.records import Passage, PassageCode

        confidences: dict[str, float] = {}
        for c in self.codes:
            key = {"barrier": f"barrier:{c.value}", "measure": "measure"}.get(c.code_type)
            key = key or ("initiative" if c.code_type == "initiative" else c.value)
            confidences[key] = c.confidence
        return PassageCode(
            passage=Passage(
                self.text,
                self.page,
                self.start,
                self.end,
                self.block_kind,
                self.heading,
                self.ordinal,
            ),
            kind="requirement" if self.kind == "requirement" else "council",
            headings=self.values("heading"),
            questions=self.values("question"),
            barriers=self.values("barrier"),
            is_measure=bool(self.values("measure")),
            is_initiative=bool(self.values("initiative")),
            confidences=confidences,
            model_version=self.model_version,
            framework_id=self.framework_id,
        )

    def training_example(self) -> TrainingExample:
        from productivity_plans.coding.train import TrainingExample

        return TrainingExample(
            text=self.text,
            headings=self.values("heading"),
            questions=self.values("question"),
            barriers=self.values("barrier"),
            is_measure=bool(self.values("measure")),
            kind=self.kind,
            human=self.human,
            context=self.heading or "",
        )


def apply_decisions(
    machine: Iterable[EffectiveCode], decisions: Iterable[HumanCodeRow]
) -> list[EffectiveCode]:
    """Machine codes with human decisions applied, latest decision per (type, value) winning.

    Kind is single-valued: rejecting the machine's kind without naming another gives the other.
    """
    latest: dict[tuple[str, str], HumanCodeRow] = {}
    for d in sorted(decisions, key=lambda d: d.id):
        latest[(d.code_type, d.value)] = d
    out: dict[tuple[str, str], EffectiveCode] = {(c.code_type, c.value): c for c in machine}
    rejected_kind = False
    for key, d in latest.items():
        if d.decision == "reject":
            out.pop(key, None)
            rejected_kind = rejected_kind or d.code_type == "kind"
        else:
            out[key] = EffectiveCode(
                d.code_type, d.value, 1.0, "human", None, d.analyst, d.decision
            )
    kinds = [c for c in out.values() if c.code_type == "kind"]
    if len(kinds) > 1:  # keep the most recent human kind, else the machine's
        keep = max(
            kinds,
            key=lambda c: (c.source == "human", _decision_id(latest.get(("kind", c.value)))),
        )
        for c in kinds:
            if c is not keep:
                out.pop(("kind", c.value))
    elif not kinds and rejected_kind:
        gone = {v for (t, v), d in latest.items() if t == "kind" and d.decision == "reject"}
        others = [k for k in KINDS if k not in gone]
        if len(others) == 1:
            d = max((d for (t, _), d in latest.items() if t == "kind"), key=lambda d: d.id)
            out[("kind", others[0])] = EffectiveCode(
                "kind", others[0], 1.0, "human", None, d.analyst, "reject"
            )
    order = {t: i for i, t in enumerate(CODE_TYPES)}
    return sorted(out.values(), key=lambda c: (order.get(c.code_type, 99), c.value))


def _decision_id(decision: HumanCodeRow | None) -> int:
    return decision.id if decision is not None else 0


def effective_passages(
    store: Store,
    *,
    document_ids: Sequence[int] | None = None,
    passage_ids: Sequence[int] | None = None,
    analysts: Sequence[str] | None = None,
    with_machine: bool = True,
    include_retired: bool = True,
) -> list[EffectivePassage]:
    """Passages with their effective codes, in document order.

    ``analysts`` limits which human decisions apply (default: everyone's); ``with_machine``
    False gives human decisions only. Retired passages (no longer yielded by the splitter) are
    included only where a human decided on them.
    """
    with Session(store.engine) as session:
        query = select(PassageRow, CodedDocumentRow.model_version, CodedDocumentRow.framework_id)
        query = query.outerjoin(
            CodedDocumentRow, CodedDocumentRow.document_id == PassageRow.document_id
        )
        if document_ids is not None:
            query = query.where(PassageRow.document_id.in_(list(document_ids)))
        if passage_ids is not None:
            query = query.where(PassageRow.id.in_(list(passage_ids)))
        has_human = exists().where(HumanCodeRow.passage_id == PassageRow.id)
        if not include_retired:
            query = query.where(PassageRow.current.is_(True))
        else:
            query = query.where(PassageRow.current.is_(True) | has_human)
        rows = session.execute(
            query.order_by(PassageRow.document_id, PassageRow.start, PassageRow.id)
        ).all()
        ids = [r[0].id for r in rows]
        machine: dict[int, list[EffectiveCode]] = defaultdict(list)
        decisions: dict[int, list[HumanCodeRow]] = defaultdict(list)
        for chunk in in_chunks(ids):
            if with_machine:
                for m in session.scalars(
                    select(MachineCodeRow).where(MachineCodeRow.passage_id.in_(chunk))
                ):
                    machine[m.passage_id].append(
                        EffectiveCode(m.code_type, m.value, m.confidence, "machine", m.id)
                    )
            human = select(HumanCodeRow).where(HumanCodeRow.passage_id.in_(chunk))
            if analysts is not None:
                human = human.where(HumanCodeRow.analyst.in_(list(analysts)))
            for h in session.scalars(human):
                decisions[h.passage_id].append(h)
        out = []
        for row, model_version, framework_id in rows:
            out.append(
                EffectivePassage(
                    id=row.id,
                    document_id=row.document_id,
                    ordinal=row.ordinal,
                    page=row.page,
                    start=row.start,
                    end=row.end,
                    text=row.text,
                    heading=row.heading,
                    block_kind=row.block_kind,
                    current=row.current,
                    model_version=model_version or "",
                    framework_id=framework_id or "",
                    codes=apply_decisions(machine[row.id], decisions[row.id]),
                    human=bool(decisions[row.id]),
                )
            )
        return out


def document_codes(
    store: Store, document_id: int, *, framework: Framework | None = None
) -> DocumentCodes:
    """A stored document's effective codes, rolled up like ``code_document`` does: themes the
    council answers with its own content, barriers it names, measures, each with evidence
    (page and offsets into the stored text); human decisions count with confidence 1.0."""
    from productivity_plans.coding.classify import summarise

    framework = framework or load_framework()
    passages = effective_passages(store, document_ids=[document_id])
    version = passages[0].model_version if passages else ""
    return summarise([p.to_passage_code() for p in passages], framework, version)


def council_documents(store: Store, gss_code: str) -> list[int]:
    """Documents the extraction stage attributed to a council (``facts.council_gss``)."""
    with Session(store.engine) as session:
        rows = session.scalars(
            select(FactsRow.document_id)
            .where(FactsRow.council_gss == gss_code)
            .distinct()
            .order_by(FactsRow.document_id)
        )
        return list(rows)


def council_codes(
    store: Store,
    gss_code: str | None = None,
    *,
    document_ids: Sequence[int] | None = None,
    framework: Framework | None = None,
) -> dict[int, DocumentCodes]:
    """Effective codes of every document of a council, by document id.

    The council's documents come from the extraction facts (``facts.council_gss``); pass
    ``document_ids`` to choose them yourself.
    """
    if document_ids is None:
        if gss_code is None:
            raise ValueError("give a GSS code or document ids")
        document_ids = council_documents(store, gss_code)
    framework = framework or load_framework()
    return {d: document_codes(store, d, framework=framework) for d in document_ids}


def training_examples(store: Store) -> list[TrainingExample]:
    """Effective codes of every passage a human decided on, marked ``human=True``."""
    with Session(store.engine) as session:
        decided = list(session.scalars(select(HumanCodeRow.passage_id).distinct()))
    examples: list[TrainingExample] = []
    for chunk in in_chunks(sorted(decided)):
        examples += [p.training_example() for p in effective_passages(store, passage_ids=chunk)]
    return examples


# -- review: the queue and decisions -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewItem:
    code_id: int
    passage_id: int
    document_id: int
    document: str
    page: int
    start: int
    end: int
    code_type: str
    value: str
    confidence: float
    model_version: str
    text: str


def _queue_filter(
    threshold: float,
    analyst: str | None,
    code_types: Sequence[str] | None,
    document_ids: Sequence[int] | None,
) -> list[Any]:
    """The WHERE clauses of the review queue (shared by the page of items and its total)."""
    decided = exists().where(
        and_(
            HumanCodeRow.passage_id == MachineCodeRow.passage_id,
            HumanCodeRow.code_type == MachineCodeRow.code_type,
            HumanCodeRow.value == MachineCodeRow.value,
            *([HumanCodeRow.analyst == analyst] if analyst is not None else []),
        )
    )
    where: list[Any] = [
        MachineCodeRow.confidence < threshold,
        PassageRow.current.is_(True),
        ~decided,
    ]
    if code_types:
        where.append(MachineCodeRow.code_type.in_(list(code_types)))
    if document_ids is not None:
        where.append(PassageRow.document_id.in_(list(document_ids)))
    return where


def review_queue(
    store: Store,
    threshold: float = 0.8,
    limit: int = 20,
    *,
    analyst: str | None = None,
    code_types: Sequence[str] | None = None,
    document_ids: Sequence[int] | None = None,
    offset: int = 0,
) -> list[ReviewItem]:
    """Machine codes below ``threshold`` no human has decided on yet, least confident first.

    With ``analyst``, only that analyst's decisions hide a code, so a second analyst can code
    the same passages independently (for agreement). ``document_ids`` narrows the queue (to one
    document, or a council's); ``offset`` pages through it. Ties break by document, offset,
    code id.
    """
    query = (
        select(MachineCodeRow, PassageRow, DocumentRow.title)
        .join(PassageRow, PassageRow.id == MachineCodeRow.passage_id)
        .join(DocumentRow, DocumentRow.id == PassageRow.document_id)
        .where(*_queue_filter(threshold, analyst, code_types, document_ids))
        .order_by(
            MachineCodeRow.confidence, PassageRow.document_id, PassageRow.start, MachineCodeRow.id
        )
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )
    with Session(store.engine) as session:
        rows = session.execute(query).all()
    return [
        ReviewItem(
            code_id=m.id,
            passage_id=p.id,
            document_id=p.document_id,
            document=title or f"document {p.document_id}",
            page=p.page,
            start=p.start,
            end=p.end,
            code_type=m.code_type,
            value=m.value,
            confidence=round(m.confidence, 4),
            model_version=m.model_version,
            text=p.text,
        )
        for m, p, title in rows
    ]


def review_queue_total(
    store: Store,
    threshold: float = 0.8,
    *,
    analyst: str | None = None,
    code_types: Sequence[str] | None = None,
    document_ids: Sequence[int] | None = None,
) -> int:
    """How many codes the same queue holds in all (for "page 2 of 9")."""
    query = (
        select(func.count())
        .select_from(MachineCodeRow)
        .join(PassageRow, PassageRow.id == MachineCodeRow.passage_id)
        .where(*_queue_filter(threshold, analyst, code_types, document_ids))
    )
    with Session(store.engine) as session:
        return int(session.scalar(query) or 0)


def undo_decisions(store: Store, decision_ids: Sequence[int], analyst: str) -> list[HumanCodeRow]:
    """Take back human decisions (an accept, a reject, or the several rows of one recode): the
    machine's code, or an earlier decision, is effective again. Only the analyst who made a
    decision may take it back; the caller keeps the audit trail of what was undone."""
    with _writing(store) as session:
        rows = [session.get(HumanCodeRow, i) for i in decision_ids]
        missing = [i for i, row in zip(decision_ids, rows, strict=True) if row is None]
        if missing or not rows:
            raise ReviewError(f"no decision {', '.join(map(str, missing)) or '(none given)'}")
        found = [row for row in rows if row is not None]
        if any(row.analyst != analyst for row in found):
            raise ReviewError("only the analyst who made a decision can undo it")
        for row in found:
            session.delete(row)
        return found


def allowed_values(framework: Framework, code_type: str) -> list[str]:
    """What a code of this type may say, from the framework file."""
    if code_type == "heading":
        return [h.id for h in framework.headings]
    if code_type == "question":
        return [q.id for q in framework.questions]
    if code_type == "barrier":
        return framework.barrier_ids
    if code_type in ("measure", "initiative"):
        return [YES]
    if code_type == "kind":
        return list(KINDS)
    raise ReviewError(f"unknown code type {code_type!r}; one of {', '.join(CODE_TYPES)}")


def _check_value(framework: Framework, code_type: str, value: str) -> None:
    allowed = allowed_values(framework, code_type)
    if value not in allowed:
        raise ReviewError(
            f"{value!r} is not a {code_type} in {framework.id}; one of {', '.join(allowed)}"
        )


def _check_analyst(analyst: str) -> str:
    name = analyst.strip()
    if not name or len(name) > 100:
        raise ReviewError("an analyst name (1-100 characters) is required")
    return name


def record_decision(
    store: Store,
    *,
    analyst: str,
    decision: Decision,
    code_id: int | None = None,
    passage_id: int | None = None,
    code_type: str | None = None,
    value: str | None = None,
    note: str | None = None,
    framework: Framework | None = None,
) -> int:
    """Record one human decision and return its id.

    ``accept``/``reject`` respond to a machine code (``code_id``); ``add`` names a passage, a
    code type and a value, checked against the framework. Never changes a machine code.
    """
    analyst = _check_analyst(analyst)
    framework = framework or load_framework()
    with _writing(store) as session:
        if decision in ("accept", "reject"):
            if code_id is None:
                raise ReviewError(f"{decision} needs a machine code id")
            machine = session.get(MachineCodeRow, code_id)
            if machine is None:
                raise ReviewError(f"no machine code {code_id}")
            passage_id, code_type, value = machine.passage_id, machine.code_type, machine.value
            model_version: str | None = machine.model_version
        elif decision == "add":
            if passage_id is None or code_type is None or value is None:
                raise ReviewError("add needs a passage id, a code type and a value")
            _check_value(framework, code_type, value)
            if session.get(PassageRow, passage_id) is None:
                raise ReviewError(f"no passage {passage_id}")
            model_version = _passage_model_version(session, passage_id)
        else:
            raise ReviewError(f"unknown decision {decision!r}; accept, reject or add")
        row = HumanCodeRow(
            passage_id=passage_id,
            code_type=code_type,
            value=value,
            decision=decision,
            analyst=analyst,
            decided_at=_now(),
            model_version=model_version,
            note=note,
        )
        session.add(row)
        session.flush()
        return row.id


def _passage_model_version(session: Session, passage_id: int) -> str | None:
    return session.scalar(
        select(CodedDocumentRow.model_version)
        .join(PassageRow, PassageRow.document_id == CodedDocumentRow.document_id)
        .where(PassageRow.id == passage_id)
    )


def accept(store: Store, code_id: int, analyst: str, *, note: str | None = None) -> int:
    return record_decision(store, analyst=analyst, decision="accept", code_id=code_id, note=note)


def reject(store: Store, code_id: int, analyst: str, *, note: str | None = None) -> int:
    return record_decision(store, analyst=analyst, decision="reject", code_id=code_id, note=note)


def recode(
    store: Store,
    passage_id: int,
    analyst: str,
    *,
    headings: Sequence[str] | None = None,
    questions: Sequence[str] | None = None,
    barriers: Sequence[str] | None = None,
    kind: str | None = None,
    measure: bool | None = None,
    initiative: bool | None = None,
    note: str | None = None,
    framework: Framework | None = None,
) -> list[int]:
    """Set a passage's codes of the given types to exactly these values.

    For each type given (``None`` leaves a type alone, ``[]`` clears it): every value not yet
    effective is added, every effective value not listed is rejected, listed machine values are
    accepted. Everything is validated before anything is written; one transaction.
    """
    analyst = _check_analyst(analyst)
    framework = framework or load_framework()
    wanted: dict[str, set[str]] = {}
    for code_type, values in (
        ("heading", headings),
        ("question", questions),
        ("barrier", barriers),
    ):
        if values is not None:
            for v in values:
                _check_value(framework, code_type, v)
            wanted[code_type] = set(values)
    if kind is not None:
        _check_value(framework, "kind", kind)
        wanted["kind"] = {kind}
    for code_type, flag in (("measure", measure), ("initiative", initiative)):
        if flag is not None:
            wanted[code_type] = {YES} if flag else set()
    if not wanted:
        raise ReviewError("nothing to recode: give at least one code type")
    found = effective_passages(store, passage_ids=[passage_id])
    if not found:
        raise ReviewError(f"no passage {passage_id}")
    current = found[0]
    now = _now()
    with _writing(store) as session:
        model_version = _passage_model_version(session, passage_id)
        rows: list[HumanCodeRow] = []

        def decide(code_type: str, value: str, decision: str) -> None:
            rows.append(
                HumanCodeRow(
                    passage_id=passage_id,
                    code_type=code_type,
                    value=value,
                    decision=decision,
                    analyst=analyst,
                    decided_at=now,
                    model_version=model_version,
                    note=note,
                )
            )

        for code_type, chosen in wanted.items():
            have = {c.value: c for c in current.codes if c.code_type == code_type}
            for value in sorted(chosen):
                machine = have.get(value)
                decide(
                    code_type, value, "accept" if machine and machine.source == "machine" else "add"
                )
            for value in sorted(set(have) - chosen):
                decide(code_type, value, "reject")
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]


def human_decisions(
    store: Store, *, passage_id: int | None = None, analyst: str | None = None
) -> list[HumanCodeRow]:
    """Human decisions, oldest first."""
    query = select(HumanCodeRow).order_by(HumanCodeRow.id)
    if passage_id is not None:
        query = query.where(HumanCodeRow.passage_id == passage_id)
    if analyst is not None:
        query = query.where(HumanCodeRow.analyst == analyst)
    with Session(store.engine, expire_on_commit=False) as session:
        return list(session.scalars(query))
