"""The sector snapshot loaded from a real store (both databases), human decisions applied."""

from __future__ import annotations

from pathlib import Path

from productivity_plans.pipeline import ingest_files
from productivity_plans.sector.load import load_snapshot
from productivity_plans.sector.results import run_analyses, tables
from productivity_plans.store import Store
from productivity_plans.store.codes import effective_passages, recode

EXAMPLES = Path(__file__).parents[2] / "src" / "productivity_plans" / "examples"
BLABY = "seed_003_4f4cb711a426bd65.txt"
BOLSOVER = "seed_000_732c119989e847fc.txt"


def test_the_snapshot_holds_stored_documents_facts_and_codes(database_url: str) -> None:
    with Store.open(database_url) as store:
        ingest_files([(EXAMPLES / BLABY, None), (EXAMPLES / BOLSOVER, None)], store)
        snapshot = load_snapshot(store)
    assert len(snapshot.councils) == 317
    assert {d.council_gss for d in snapshot.documents} == {"E07000129", "E07000033"}
    assert {d.outcome for d in snapshot.decisions} == {"approved", "noted"}
    assert snapshot.passages and snapshot.model_version
    assert all(p.council_gss in {"E07000129", "E07000033"} for p in snapshot.passages)
    named = tables(run_analyses(snapshot))
    assert named and all(isinstance(rows, list) for rows in named.values())


def test_an_analysts_recode_reaches_the_snapshot(database_url: str) -> None:
    with Store.open(database_url) as store:
        ingest_files([(EXAMPLES / BOLSOVER, None)], store)
        before = load_snapshot(store)
        assert not any("send_costs" in p.barriers for p in before.passages)
        passage = effective_passages(store)[0]
        recode(store, passage.id, "alice", barriers=["send_costs"], kind="council")
        after = load_snapshot(store)
    recoded = [p for p in after.passages if "send_costs" in p.barriers]
    assert [p.start for p in recoded] == [passage.start]


def test_the_snapshot_reads_stored_passage_vectors_and_encodes_only_the_missing(
    database_url: str,
) -> None:
    import numpy as np
    from sqlalchemy import delete, select, update
    from sqlalchemy.orm import Session

    from productivity_plans.coding.embeddings import load_embedder
    from productivity_plans.store.models import PassageRow, PassageVectorRow
    from productivity_plans.store.vectors import DTYPE, content_words

    with Store.open(database_url) as store:
        ingest_files([(EXAMPLES / BLABY, None)], store)
        with Session(store.engine) as session, session.begin():
            first, second = session.scalars(
                select(PassageRow).where(PassageRow.current.is_(True)).order_by(PassageRow.id)
            ).all()[:2]
            marker = np.zeros(load_embedder().dim, dtype=DTYPE)
            marker[0] = 1.0  # no text embeds to exactly this
            session.execute(
                update(PassageVectorRow)
                .where(PassageVectorRow.passage_id == first.id)
                .values(vector=marker.tobytes())
            )
            session.execute(
                delete(PassageVectorRow).where(PassageVectorRow.passage_id == second.id)
            )
            spans = {"first": (first.start, first.end), "second": (second.start, second.end)}
            second_text = second.text
        snapshot = load_snapshot(store)

    assert snapshot.vectors is not None
    assert snapshot.vectors.shape[0] == len(snapshot.passages)
    row = {
        name: next(i for i, p in enumerate(snapshot.passages) if (p.start, p.end) == span)
        for name, span in spans.items()
    }
    assert np.array_equal(snapshot.vectors[row["first"]], marker.astype(np.float32))
    encoded = load_embedder().encode([content_words(second_text)])[0]
    assert np.allclose(snapshot.vectors[row["second"]], encoded, atol=1e-6)
