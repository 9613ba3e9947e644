"""Search: ranked passages with page and highlighted snippet, whatever the user types."""

from __future__ import annotations

import pytest

from productivity_plans.store import Marks, Store

PLAN = (
    "Introduction\n\nThe council welcomes the chance to set out its plans for the coming year.",
    "Funding\n\n"
    "A single year settlement again leaves us unable to plan; a multi-year settlement, "
    "not another single year settlement, would let us invest.\n\n"
    "Our settlement with the leisure trust ends in March.",
    "Partners\n\n"
    "Data sharing with health partners is slow; the C++ system is old. "
    "Borsetshire's officers want it replaced.",
)


@pytest.fixture
def filled(store: Store, make_document) -> Store:
    store.save_document(make_document(*PLAN, title="Borsetshire productivity plan"))
    store.save_document(
        make_document(
            "Minutes\n\nMembers noted the year ahead and a settlement of the car park dispute.",
            source="/data/borsetshire/cabinet-minutes.html",
            media_type="html",
            title="Cabinet minutes",
        )
    )
    return store


def test_search_ranks_the_passage_with_more_matching_terms_first(filled: Store) -> None:
    hits = filled.search("single year settlement")

    assert hits, "expected matches"
    assert "single year settlement again" in hits[0].text
    assert all(h.score <= hits[0].score for h in hits)
    # Every hit contains every word (stemmed): the leisure trust paragraph lacks "single".
    assert not any("leisure trust" in h.text for h in hits)


def test_search_returns_page_source_title_and_a_highlighted_snippet(filled: Store) -> None:
    hit = filled.search("settlement")[0]

    assert hit.page == 2
    assert hit.title == "Borsetshire productivity plan"
    assert hit.source == "/data/borsetshire/productivity-plan.pdf"
    assert hit.kind == "paragraph"
    assert "[settlement]" in hit.snippet


def test_search_uses_the_callers_highlight_marks(filled: Store) -> None:
    hit = filled.search("health partners", marks=Marks("<mark>", "</mark>", "..."))[0]

    assert "<mark>partners</mark>" in hit.snippet
    assert hit.page == 3


def test_search_matches_other_forms_of_a_word(filled: Store) -> None:
    hits = filled.search("planning")

    assert any("unable to plan" in h.text for h in hits)


def test_search_treats_a_hyphenated_word_as_a_phrase(filled: Store) -> None:
    hits = filled.search('"single-year" AND')

    assert hits
    assert all("single year" in h.text.lower() for h in hits)


@pytest.mark.parametrize(
    "query",
    [
        *('"', "'", "AND", "*", "C++", "", "   ", "NOT", "(", "settlement)", "OR OR", "a:b"),
        *("^x", "\x00", "NEAR(a b)", "-settlement", 'single" year', "café", "x" * 5000),
    ],
)
def test_search_survives_hostile_queries(filled: Store, query: str) -> None:
    assert isinstance(filled.search(query), list)


@pytest.mark.parametrize("query", ['"', "'", "AND", "*", "", "   "])
def test_a_query_without_words_returns_nothing(filled: Store, query: str) -> None:
    assert filled.search(query) == []


def test_search_finds_words_with_apostrophes_and_symbols(filled: Store) -> None:
    assert any("Borsetshire's officers" in h.text for h in filled.search("Borsetshire's"))
    assert any("C++ system" in h.text for h in filled.search("C++ system"))


def test_search_respects_the_limit(filled: Store) -> None:
    assert len(filled.search("settlement", limit=1)) == 1
    assert filled.search("settlement", limit=0) == []


def _notes(store: Store, make_document, count: int, *, words: str, collected: bool) -> list[int]:
    """``count`` one-block documents holding ``words``; their document ids."""
    ids = []
    for n in range(count):
        text = f"Note {n} {'public' if collected else 'private'}: {words}."
        store.save_document(
            make_document(text, source=f"/data/{text[:20]}.pdf"), collected=collected
        )
        ids.append(store.search(f'"{text[:-1]}"', public_only=False)[0].document_id)
    return ids


def test_pages_of_results_follow_one_another_without_gaps_or_repeats(
    store: Store, make_document
) -> None:
    _notes(store, make_document, 130, words="a settlement for the year ahead", collected=True)
    everything = [h.block_id for h in store.search("settlement", limit=500)]

    paged = []
    for offset in range(0, 140, 20):
        paged += [h.block_id for h in store.search("settlement", limit=20, offset=offset)]

    assert len(everything) == 130
    assert paged == everything
    assert store.search("settlement", limit=20, offset=130) == []


def test_results_come_best_first_across_pages(store: Store, make_document) -> None:
    _notes(store, make_document, 60, words="settlement", collected=True)
    _notes(
        store, make_document, 60, words="settlement " * 5 + "and a long tail " * 8, collected=True
    )

    scores = [
        h.score for o in range(0, 120, 25) for h in store.search("settlement", limit=25, offset=o)
    ]

    assert len(scores) == 120
    assert scores == sorted(scores, reverse=True)


def test_every_hit_on_every_page_carries_its_own_blocks_snippet(
    store: Store, make_document
) -> None:
    # Short and long matches interleaved with blocks that do not match: each page's hits are
    # scattered among other matches and non-matches, in no rowid order.
    for n in range(40):
        words = "settlement" if n % 2 else "a settlement " + "with a long tail " * (n % 7)
        store.save_document(
            make_document(f"Note {n}: {words}.\n\nNothing to find in note {n}.", source=f"/{n}")
        )

    for offset in range(0, 40, 15):
        hits = store.search("settlement", limit=15, offset=offset)
        assert len(hits) == min(15, 40 - offset)  # none dropped for want of its row
        for hit in hits:
            assert "[settlement]" in hit.snippet
            for piece in hit.snippet.replace("[", "").replace("]", "").split("…"):
                assert piece.strip() in hit.text


def test_drafts_that_rank_first_never_take_a_place_on_a_public_page(
    store: Store, make_document
) -> None:
    # Many private drafts match better than all but one of the public documents: a page of
    # public hits must look past all of them.
    top = _notes(store, make_document, 1, words="settlement settlement settlement", collected=True)
    _notes(store, make_document, 250, words="settlement settlement settlement", collected=False)
    public = _notes(
        store,
        make_document,
        3,
        words="a settlement " + "among many other words " * 6,
        collected=True,
    )

    hits = store.search("settlement", limit=10)
    everyone = store.search("settlement", limit=10, public_only=False)

    assert hits[0].document_id == top[0]
    assert sorted(h.document_id for h in hits[1:]) == sorted(public)
    assert not {h.document_id for h in everyone[1:]} & set(public)


def test_the_total_counts_public_matches_and_stops_at_the_cap(store: Store, make_document) -> None:
    _notes(store, make_document, 7, words="a settlement", collected=True)
    _notes(store, make_document, 4, words="a settlement", collected=False)

    assert store.count_matches("settlement").count == 7
    assert not store.count_matches("settlement").more
    assert store.count_matches("settlement", public_only=False).count == 11
    capped = store.count_matches("settlement", cap=5)
    assert (capped.count, capped.more, str(capped)) == (5, True, "more than 5")
    assert str(store.count_matches("nothing matches this")) == "0"
    assert store.count_matches("").count == 0


def test_a_search_can_be_kept_to_some_documents(store: Store, make_document) -> None:
    ids = _notes(store, make_document, 150, words="a settlement", collected=True)
    wanted = {ids[7], ids[140]}

    hits = store.search("settlement", limit=20, document_ids=wanted)

    assert {h.document_id for h in hits} == wanted
    assert store.count_matches("settlement", document_ids=wanted).count == 2
    assert store.search("settlement", document_ids=[]) == []
