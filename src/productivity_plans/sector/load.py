"""Load a :class:`SectorSnapshot` from the store: what the report, exports and web dashboard read.

Only public documents are loaded (``store.visibility``): a private draft adds nothing to the
sector figures, the report or the exports. Everything comes with human decisions applied: the
effective codes of each passage (an analyst's decision beats the machine's), and the council a
published upload states for a document, by the ownership rule of ``store.ownership``. Councils'
own records (recorded governance steps, published progress updates) ride along for the exports.

Passage embeddings come from the store (``passage_vectors``, written when a document is coded)
rather than being encoded again: at sector scale encoding them was the largest part of a
dashboard rebuild. Only a passage without a stored vector (coded before vectors existed, or a
retired passage an analyst decided on) is encoded here, the way the store encodes them (function
words dropped, ``store.vectors.content_words``), so every row of the matrix means the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from productivity_plans.coding.records import DocumentCodes
from productivity_plans.councils import load_register
from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.extract.records import Facts
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.sector.build import DocumentResult, snapshot_from_results
from productivity_plans.sector.snapshot import (
    Matrix,
    MeasureValueRow,
    ProgressActionRow,
    RecordedStepRow,
    SectorSnapshot,
)
from productivity_plans.store import workspace
from productivity_plans.store.codes import EffectivePassage, effective_passages, text_hash
from productivity_plans.store.db import Store
from productivity_plans.store.models import (
    DocumentRow,
    PageRow,
    PassageRow,
    PassageVectorRow,
    in_chunks,
)
from productivity_plans.store.ownership import stated_councils
from productivity_plans.store.vectors import DTYPE, TEXT_PREP, content_words
from productivity_plans.store.visibility import is_public

# A stored passage: document, start, end and text hash (the passages table's unique key).
PassageKey = tuple[int, int, int, str]


def load_snapshot(store: Store, *, framework: Framework | None = None) -> SectorSnapshot:
    """Every public stored document with facts, as the sector analyses' input."""
    framework = framework or load_framework()
    declared = {i: s.council_gss for i, s in stated_councils(store).items()}
    vectors = stored_vectors(store)
    documents = store.facts(public_only=True)
    ids = [stored.document_id for stored in documents]
    codes = codes_by_document(store, ids, framework)
    pages = page_starts(store, ids)
    results = []
    with Session(store.engine) as session:
        for stored in documents:
            document = session.get(DocumentRow, stored.document_id)
            if document is None:  # deleted between the two reads
                continue
            results.append(
                DocumentResult(
                    id=str(stored.document_id),
                    source=stored.source or "",
                    url=stored.url,
                    title=stored.title,
                    text=document.text,
                    page_starts=pages.get(stored.document_id) or (0,),
                    sha256=document.sha256,
                    facts=_with_declared_council(stored.facts, declared.get(stored.document_id)),
                    codes=codes[stored.document_id],
                )
            )
    results = _with_vectors(results, vectors)
    snapshot = snapshot_from_results(results, framework=framework)
    _add_council_records(store, snapshot)
    return snapshot


def codes_by_document(
    store: Store, document_ids: Sequence[int], framework: Framework
) -> dict[int, DocumentCodes]:
    """Each document's effective codes, as ``store.codes.document_codes`` gives them, read
    500 documents a query rather than one (a query per document was most of a load)."""
    from productivity_plans.coding.classify import summarise

    passages: dict[int, list[EffectivePassage]] = {d: [] for d in document_ids}
    for chunk in in_chunks(document_ids):
        for passage in effective_passages(store, document_ids=chunk):
            passages[passage.document_id].append(passage)
    return {
        d: summarise(
            [p.to_passage_code() for p in mine], framework, mine[0].model_version if mine else ""
        )
        for d, mine in passages.items()
    }


def page_starts(store: Store, document_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Each document's page start offsets, in page order."""
    starts: dict[int, list[int]] = {}
    with Session(store.engine) as session:
        for chunk in in_chunks(document_ids):
            rows = session.execute(
                select(PageRow.document_id, PageRow.start)
                .where(PageRow.document_id.in_(chunk))
                .order_by(PageRow.document_id, PageRow.number)
            )
            for document_id, start in rows:
                starts.setdefault(document_id, []).append(start)
    return {d: tuple(s) for d, s in starts.items()}


def _bundled_embedder_id() -> str:
    """The name ``store.vectors`` files the bundled embedder's vectors under (its
    ``_embedder_id``): vectors another embedder made are not comparable with these."""
    from productivity_plans.coding.embeddings import EMBEDDER_ID

    return f"{EMBEDDER_ID}+{TEXT_PREP}"[:64]


def stored_vectors(store: Store) -> dict[PassageKey, Matrix]:
    """Every public passage's stored embedding (the bundled embedder's), by passage key, in one
    query."""
    with Session(store.engine) as session:
        rows = session.execute(
            select(
                PassageRow.document_id,
                PassageRow.start,
                PassageRow.end,
                PassageRow.text_hash,
                PassageVectorRow.vector,
            )
            .join(PassageVectorRow, PassageVectorRow.passage_id == PassageRow.id)
            .where(
                PassageVectorRow.embedder == _bundled_embedder_id(),
                is_public(PassageRow.document_id),
            )
        )
        return {
            (document_id, start, end, digest): np.frombuffer(vector, dtype=DTYPE)
            for document_id, start, end, digest, vector in rows
        }


def _with_vectors(
    results: list[DocumentResult], stored: dict[PassageKey, Matrix]
) -> list[DocumentResult]:
    """Each result with the embedding of each of its passages: the stored one, else encoded
    (all the missing ones in one batch)."""
    rows: list[list[Matrix | None]] = []
    missing: list[tuple[int, int, str]] = []  # (result, passage position, text)
    for r_index, r in enumerate(results):
        document_id = int(r.id)
        mine: list[Matrix | None] = []
        for p_index, code in enumerate(r.codes.passages):
            p = code.passage
            found = stored.get((document_id, p.start, p.end, text_hash(p.text)))
            if found is None:
                missing.append((r_index, p_index, p.text))
            mine.append(found)
        rows.append(mine)
    if missing:
        from productivity_plans.coding.embeddings import load_embedder

        encoded = load_embedder().encode([content_words(text) for _, _, text in missing])
        for (r_index, p_index, _), vector in zip(missing, encoded, strict=True):
            rows[r_index][p_index] = vector
    out = []
    for r, mine in zip(results, rows, strict=True):
        filled = [v for v in mine if v is not None]  # every one, now
        matrix = np.vstack(filled).astype(np.float32) if filled else None
        out.append(replace(r, passage_vectors=matrix))
    return out


def _add_council_records(store: Store, snapshot: SectorSnapshot) -> None:
    """What councils recorded themselves: every recorded step, and published progress only
    (a draft update is the council's until it publishes it)."""
    snapshot.recorded_steps = [
        RecordedStepRow(s.council_gss, s.kind, s.body, s.date, s.outcome, s.url)
        for s in workspace.recorded_steps(store)
    ]
    for update in workspace.progress_updates(store, published_only=True):
        snapshot.progress_actions += [
            ProgressActionRow(update.council_gss, update.title, a.title, a.status, a.date, a.note)
            for a in update.actions
        ]
        snapshot.measure_values += [
            MeasureValueRow(
                update.council_gss,
                update.title,
                v.measure,
                v.date,
                v.period,
                v.value,
                v.unit,
                v.source,
                v.note,
            )
            for v in update.values
        ]


def _with_declared_council(facts: Facts, gss: str | None) -> Facts:
    """An uploader's statement of whose document it is wins over extraction's guess."""
    if gss is None or (facts.council and facts.council.gss_code == gss):
        return facts
    council = load_register().by_gss(gss)
    if council is None:
        return facts
    declared = CouncilMatch(
        gss, council.official_name, council.type, 1.0, ("declared by uploader",)
    )
    return replace(facts, council=declared)
