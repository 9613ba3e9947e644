from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from productivity_plans.ingest.blocks import (
    LIST_ITEM_RE,
    MARKDOWN_HEADING_RE,
    MEASURE_MIN_LINES,
    MEASURE_QUANTILE,
    NUMBERED_PARAGRAPH_RE,
    Mode,
    TextBuilder,
    cap_blocks,
    looks_like_heading,
    segment,
)
from productivity_plans.ingest.records import Block, BlockKind, Page, ParsedDocument
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


# The reference: segment and looks_like_heading as they were before they were made faster
# (commit 59f2af5), copied with private names prefixed and the tuple constants written out, so
# the fast ones are held to exactly the same blocks.


@dataclass(frozen=True, slots=True)
class _ReferenceLine:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def _reference_lines(text: str, lo: int, hi: int) -> Iterator[_ReferenceLine]:
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        line_end = hi if nl == -1 else nl
        raw = text[pos:line_end]
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            yield _ReferenceLine(start, start + len(stripped), stripped)
        else:
            yield _ReferenceLine(pos, pos, "")
        pos = line_end + 1


def _reference_looks_like_heading(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 90:
        return False
    if line.endswith((".", "!", "?", ";", ",")) or LIST_ITEM_RE.match(line):
        return False
    if ": " in line or "\t" in line:
        return False
    if sum(any(ch.isdigit() for ch in word) for word in words) > 1 or "£" in line or "%" in line:
        return False
    first = line.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return sum(ch.isalpha() for ch in line) >= 3


def _reference_ends_pdf_paragraph(line: str, width: int) -> bool:
    if len(line) < 0.6 * width:
        return True
    return line.endswith((".", "!", "?", ";", ":")) and len(line) < 0.9 * width


def _reference_segment(text: str, lo: int, hi: int, page: int, mode: Mode) -> list[Block]:
    lines = list(_reference_lines(text, lo, hi))
    # the page's measure: the length of its long lines (a quantile), the longest when few
    lengths = sorted(len(line.text) for line in lines if not line.blank)
    if len(lengths) >= MEASURE_MIN_LINES:
        width = lengths[int(MEASURE_QUANTILE * (len(lengths) - 1))]
    else:
        width = max(lengths, default=0)
    blocks: list[Block] = []
    current: list[_ReferenceLine] = []
    kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal current, kind
        if current:
            block_kind = kind
            if (
                block_kind is BlockKind.PARAGRAPH
                and mode is not Mode.MARKDOWN
                and len(current) == 1
                and _reference_looks_like_heading(current[0].text)
                and (mode is Mode.TEXT or len(current[0].text) < 0.7 * width or width < 40)
            ):
                block_kind = BlockKind.HEADING
            blocks.append(Block(block_kind, page, current[0].start, current[-1].end))
        current = []
        kind = BlockKind.PARAGRAPH

    for i, line in enumerate(lines):
        if line.blank:
            flush()
            continue
        heading = MARKDOWN_HEADING_RE.match(line.text) if mode is not Mode.PDF else None
        if heading:
            flush()
            offset = line.start + heading.start(2)
            blocks.append(Block(BlockKind.HEADING, page, offset, offset + len(heading.group(2))))
            continue
        if LIST_ITEM_RE.match(line.text):
            flush()
            kind = BlockKind.LIST_ITEM
        elif NUMBERED_PARAGRAPH_RE.match(line.text):
            flush()
        elif (
            mode is Mode.PDF
            and (not current or current[-1].text.endswith((".", "!", "?", ";", ":")))
            and _reference_looks_like_heading(line.text)
        ):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if len(line.text) < 0.7 * width or width < 40 or nxt is None or nxt.blank:
                flush()
                current = [line]
                flush()
                continue
        current.append(line)
        if mode is Mode.PDF and _reference_ends_pdf_paragraph(line.text, width):
            flush()
    flush()
    return blocks


# Words, numbers (with non-ASCII digits: "²" is str.isdigit but not re's \d), punctuation, list
# markers and whitespace of several kinds, so lines of every width and kind come out.
TEXT_PARTS = st.sampled_from(
    [
        "Plan", "the", "Council", "Productivity", "A", "é", "Éire", "x" * 30,
        "12", "2024", "1.1", "²", "٣", "3²",
        " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\n\n", "\n \n",
        ".", "!", "?", ";", ":", ": ", ",", "£", "%", "“", "(",
        "• ", "- ", "* ", "1. ", "a) ", "ii. ", "(iv) ", "# ", "## ", "#",
    ]
)  # fmt: skip


@pytest.mark.parametrize("mode", list(Mode))
@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT_PARTS, max_size=60).map("".join), st.integers(0, 400), st.integers(0, 400))
def test_segment_matches_the_reference_on_generated_texts(
    mode: Mode, text: str, lo: int, hi: int
) -> None:
    lo = min(lo, len(text))
    hi = min(max(lo, hi), len(text))
    for a, b in ((0, len(text)), (lo, hi)):
        assert segment(text, a, b, 2, mode) == _reference_segment(text, a, b, 2, mode)


# Title-like lines: words and numbers between single spaces, so the word and digit counts decide.
TITLE_WORDS = st.sampled_from(["Plan", "the", "É", "Report", "12", "2024", "1.1", "²", "٣", "3²"])
LINES = st.one_of(
    st.lists(TEXT_PARTS, max_size=14).map("".join),
    st.lists(TITLE_WORDS, max_size=14).map(" ".join),
)


@settings(max_examples=600, deadline=None)
@given(LINES)
def test_looks_like_heading_matches_the_reference_on_generated_lines(line: str) -> None:
    for text in (line, line.strip()):
        assert looks_like_heading(text) == _reference_looks_like_heading(text)


def test_the_character_classes_segment_relies_on_are_str_methods() -> None:
    """re's \\s is str.isspace (what str.split and str.strip use) on every character, and on
    ASCII [0-9] is str.isdigit, so the regex shortcuts for ASCII lines count the same words."""
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(r"\s", every) == [ch for ch in every if ch.isspace()]
    ascii_chars = every[:128]
    assert re.findall("[0-9]", ascii_chars) == [ch for ch in ascii_chars if ch.isdigit()]


# -- capped blocks ---------------------------------------------------------------------------------


def _capped(text: str, limit: int) -> list[str]:
    blocks = cap_blocks(text, [Block(BlockKind.PARAGRAPH, 1, 0, len(text))], limit)
    parsed = ParsedDocument(text, [Page(1, 0, len(text))], blocks, "test", "1")
    assert_well_formed(parsed)
    assert all(block.end - block.start <= limit for block in blocks)
    # Nothing lost, nothing repeated: only white space lies between the pieces.
    bounds = [0, *(offset for block in blocks for offset in (block.start, block.end)), len(text)]
    assert all(not text[a:b].strip() for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return [text[block.start : block.end] for block in blocks]


def test_a_long_paragraph_is_cut_after_sentence_ends() -> None:
    sentence = "The council will share services with its neighbours to save money. "
    pieces = _capped((sentence * 200).strip(), 1000)
    assert len(pieces) > 1
    assert all(piece.endswith("money.") for piece in pieces)


def test_a_long_paragraph_without_sentence_ends_is_cut_between_words() -> None:
    words = " ".join(f"word{i}" for i in range(2000))
    pieces = _capped(words, 1000)
    assert all(re.fullmatch(r"word\d+( word\d+)*", piece) for piece in pieces)


def test_a_run_of_text_without_spaces_is_cut_at_the_limit() -> None:
    pieces = _capped("x" * 2500, 1000)
    assert [len(piece) for piece in pieces] == [1000, 1000, 500]


def test_blocks_within_the_limit_are_kept_as_they_are() -> None:
    text = "Short one.\n\nShort two."
    blocks = [Block(BlockKind.HEADING, 1, 0, 10), Block(BlockKind.PARAGRAPH, 1, 12, 22)]
    assert cap_blocks(text, blocks, 10) == blocks


@given(st.text(alphabet=st.sampled_from("ab .!?\n\t\u00a0é"), min_size=1, max_size=400))
@settings(max_examples=200, deadline=None)
def test_capped_blocks_keep_exact_offsets_whatever_the_text(raw: str) -> None:
    text = raw.strip()
    if text:
        _capped(text, 17)


def test_a_wide_running_header_does_not_cut_ragged_pdf_text_into_paragraphs() -> None:
    lines = [
        "Example District Council  |  Productivity Plan 2024  |  Corporate Strategy and "
        "Transformation Team  |  www.example.gov.uk  |  Page 1",
        "2.1 Housing services were brought back in house in 2020 and",
        "repairs response times have improved since, while tenant",
        "satisfaction has risen from 64% to 77% over three years of",
        "steady work by the repairs team and our contractors.",
        "2.2 Our customer access strategy closed the cashiers' office.",
    ]
    text = "\n".join(lines)
    blocks = segment(text, 0, len(text), 1, Mode.PDF)
    starts = [text[b.start : b.end].split()[0] for b in blocks]
    assert starts.count("2.1") == 1 and "repairs" not in starts and "satisfaction" not in starts
