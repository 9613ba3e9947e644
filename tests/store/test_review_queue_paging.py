"""The review queue pages, counts and narrows to documents; an analyst's decision can be undone
(the machine's code is effective again and back in the queue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from productivity_plans.pipeline import ingest_files
from productivity_plans.store import Store
from productivity_plans.store import codes as C

EXAMPLES = Path(__file__).parents[2] / "src" / "productivity_plans" / "examples"


@pytest.fixture
def two_documents(store: Store) -> list[int]:
    names = ["seed_000_732c119989e847fc.txt", "seed_003_4f4cb711a426bd65.txt"]
    ingest_files([(EXAMPLES / n, None) for n in names], store)
    return [d.id for d in store.documents()]


def test_pages_of_the_queue_add_up_to_the_whole_queue_and_its_total(
    store: Store, two_documents: list[int]
) -> None:
    whole = C.review_queue(store, threshold=1.0, limit=10_000)
    total = C.review_queue_total(store, threshold=1.0)
    assert total == len(whole) > 10
    pages = [C.review_queue(store, 1.0, 7, offset=o) for o in range(0, total, 7)]
    assert [i.code_id for page in pages for i in page] == [i.code_id for i in whole]


def test_the_queue_narrows_to_documents_with_a_matching_total(
    store: Store, two_documents: list[int]
) -> None:
    first = two_documents[0]
    mine = C.review_queue(store, threshold=1.0, limit=10_000, document_ids=[first])
    assert mine and {i.document_id for i in mine} == {first}
    assert C.review_queue_total(store, threshold=1.0, document_ids=[first]) == len(mine)
    assert C.review_queue(store, threshold=1.0, document_ids=[]) == []


def test_undoing_a_decision_puts_the_code_back_in_the_queue(
    store: Store, two_documents: list[int]
) -> None:
    item = C.review_queue(store, threshold=1.0, limit=1)[0]
    before = C.review_queue_total(store, threshold=1.0)
    decision = C.reject(store, item.code_id, "alice", note="not about technology")
    assert C.review_queue_total(store, threshold=1.0) == before - 1
    with pytest.raises(C.ReviewError, match="only the analyst"):
        C.undo_decisions(store, [decision], "bob")
    [undone] = C.undo_decisions(store, [decision], "alice")
    assert (undone.decision, undone.note) == ("reject", "not about technology")
    assert C.review_queue_total(store, threshold=1.0) == before
    assert C.human_decisions(store, passage_id=item.passage_id) == []
    with pytest.raises(C.ReviewError, match="no decision"):
        C.undo_decisions(store, [decision], "alice")
