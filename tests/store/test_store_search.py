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
