"""Counts and listings for status lines and `prodplans documents`."""

from __future__ import annotations

from productivity_plans.store import Store


def test_stats_count_documents_sources_pages_blocks_and_media_types(
    store: Store, make_document
) -> None:
    store.save_document(make_document("One\n\nFirst paragraph is long enough to count.", "Two"))
    store.save_document(
        make_document("One\n\nFirst paragraph is long enough to count.", "Two", source="/b.pdf")
    )
    store.save_document(make_document("Minutes\n\nAgreed.", source="/m.html", media_type="html"))
    store.save_document(make_document("  ", source="/scan.pdf"))

    stats = store.stats()

    assert (stats.documents, stats.sources, stats.pages, stats.blocks) == (3, 4, 4, 5)
    assert stats.by_media_type == {"html": 1, "pdf": 2}
    assert stats.no_text_layer == 1


def test_stats_of_an_empty_store_are_zero(store: Store) -> None:
    stats = store.stats()

    assert (stats.documents, stats.sources, stats.blocks, stats.no_text_layer) == (0, 0, 0, 0)
    assert stats.by_media_type == {}


def test_documents_lists_each_document_with_its_first_source_and_counts(
    store: Store, make_document
) -> None:
    store.save_document(make_document("Plan\n\nText of the plan.", source="/first.pdf"))
    store.save_document(make_document("Plan\n\nText of the plan.", source="/second.pdf"))

    [summary] = store.documents()

    assert summary.source == "/first.pdf"
    assert (summary.source_count, summary.block_count, summary.page_count) == (2, 2, 1)
    assert summary.title == "Borsetshire Council productivity plan"
    assert summary.created_at.tzinfo is not None
