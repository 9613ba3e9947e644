from __future__ import annotations

from productivity_plans.ingest.blocks import Mode, TextBuilder, looks_like_heading, segment
from productivity_plans.ingest.records import BlockKind, Page, ParsedDocument
from tests.fixtures.checks import assert_well_formed


def _kinds_and_texts(text: str, mode: Mode) -> list[tuple[BlockKind, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment(text, 0, len(text), 1, mode)]


def test_short_title_lines_look_like_headings_and_sentences_do_not() -> None:
    assert looks_like_heading("Barriers to productivity")
    assert looks_like_heading("Reasons for the decision:")
    assert not looks_like_heading("Approved the Productivity Plan.")
    assert not looks_like_heading("Presented by: Councillor Ray Morgon")
    assert not looks_like_heading("Adult Social Care 65,884 52,590 4.3")
    assert not looks_like_heading("and lead to waste")
    assert not looks_like_heading("- a bullet")


def test_plain_text_numbered_paragraphs_start_new_blocks_without_blank_lines() -> None:
    text = "1.1 The council wrote a plan.\n1.2 Cabinet approved it\non 18 June.\n"
    assert _kinds_and_texts(text, Mode.TEXT) == [
        (BlockKind.PARAGRAPH, "1.1 The council wrote a plan."),
        (BlockKind.PARAGRAPH, "1.2 Cabinet approved it\non 18 June."),
    ]


def test_list_item_markers_are_recognised() -> None:
    text = "• one\n– two\na) three\n(iv) four\nii. five\n10. six\n"
    kinds = {kind for kind, _ in _kinds_and_texts(text, Mode.TEXT)}
    assert kinds == {BlockKind.LIST_ITEM}
    assert len(_kinds_and_texts(text, Mode.TEXT)) == 6


def test_segment_keeps_offsets_into_the_unchanged_text_with_surrounding_space() -> None:
    text = "   \n  Heading here  \n\n   A paragraph that ends.   \n\n\n"
    blocks = segment(text, 0, len(text), 1, Mode.TEXT)
    parsed = ParsedDocument(text, [Page(1, 0, len(text))], blocks, "test", "0")
    assert [parsed.block_text(b) for b in blocks] == ["Heading here", "A paragraph that ends."]
    assert_well_formed(parsed)


def test_whitespace_only_text_has_no_blocks() -> None:
    assert segment(" \n\t\n ", 0, 5, 1, Mode.PDF) == []


def test_text_builder_separates_blocks_and_skips_empty_parts() -> None:
    builder = TextBuilder()
    builder.add(BlockKind.HEADING, "  Title ")
    builder.add(BlockKind.PARAGRAPH, "   ")
    builder.add(BlockKind.TABLE_ROW, "a | b")
    text = builder.text()
    assert text == "Title\n\na | b"
    assert [text[b.start : b.end] for b in builder.blocks] == ["Title", "a | b"]


def test_table_rows_keep_inner_empty_cells_and_drop_trailing_ones() -> None:
    from productivity_plans.ingest.blocks import join_cells

    assert join_cells(["Waste", "", "£1m", "", ""]) == "Waste |  | £1m"
    assert join_cells(["Multi\nline", "x"]) == "Multi line | x"
    assert join_cells(["", " "]) == ""
