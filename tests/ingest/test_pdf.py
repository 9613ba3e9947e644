from __future__ import annotations

from pathlib import Path

import pytest

from productivity_plans.config import Limits
from productivity_plans.ingest import BlockKind, parse_file, read_document
from productivity_plans.ingest.errors import CorruptFile, EncryptedFile, TooLarge
from tests.fixtures.checks import assert_well_formed
from tests.fixtures.make_files import make_image_only_pdf, make_pdf, make_truncated_pdf

PAGE_ONE = """Productivity Plan 2024

The council has prepared this plan in response to the letter from the Minister dated 16 April
2024. It sets out how services will be made more productive over the next two years.
Barriers to productivity
• Single-year funding settlements make it hard to plan services beyond the current year
and lead to waste.
• Recruitment and retention of planning officers.
a) approve the plan for submission."""
PAGE_TWO = """Technology and data
We will replace the legacy revenues system by March 2026."""
PAGE_THREE = "Appendix A\n\nContact: Chief Executive"


def test_multi_page_pdf_has_one_page_record_per_page_with_its_own_text(
    tmp_path: Path, limits: Limits
) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [PAGE_ONE, PAGE_TWO, PAGE_THREE])
    parsed, media_type = parse_file(path, limits)
    assert media_type == "pdf"
    assert [p.number for p in parsed.pages] == [1, 2, 3]
    page_texts = [parsed.text[p.start : p.end] for p in parsed.pages]
    assert page_texts[0].startswith("Productivity Plan 2024")
    assert "legacy revenues system" in page_texts[1]
    assert "legacy revenues system" not in page_texts[0]
    assert page_texts[2].endswith("Contact: Chief Executive")
    assert "\r" not in parsed.text and "\f" not in parsed.text
    assert parsed.warnings == []
    assert_well_formed(parsed)


def test_pdf_blocks_find_headings_paragraphs_and_list_items(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [PAGE_ONE, PAGE_TWO])
    parsed, _ = parse_file(path, limits)
    blocks = [(b.kind, b.page, parsed.block_text(b)) for b in parsed.blocks]
    assert (BlockKind.HEADING, 1, "Productivity Plan 2024") in blocks
    assert (BlockKind.HEADING, 1, "Barriers to productivity") in blocks
    assert (BlockKind.HEADING, 2, "Technology and data") in blocks
    paragraph = next(t for k, _, t in blocks if t.startswith("The council has prepared"))
    assert paragraph.endswith("over the next two years.")
    items = [t for k, _, t in blocks if k is BlockKind.LIST_ITEM]
    assert items[0].startswith("• Single-year") and items[0].endswith("lead to waste.")
    assert items[1] == "• Recruitment and retention of planning officers."
    assert items[2] == "a) approve the plan for submission."


def test_pdf_title_comes_from_metadata_when_present(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [PAGE_ONE], title="Anytown Productivity Plan")
    parsed, _ = parse_file(path, limits)
    assert parsed.title == "Anytown Productivity Plan"


def test_pdf_offsets_point_into_the_final_text_exactly(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [PAGE_ONE, PAGE_TWO])
    parsed, _ = parse_file(path, limits)
    start = parsed.text.index("We will replace")
    block = next(b for b in parsed.blocks if b.start <= start < b.end)
    assert block.page == 2
    assert parsed.block_text(block) == "We will replace the legacy revenues system by March 2026."


def test_encrypted_pdf_is_reported_as_encrypted(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "secret.pdf", ["Confidential"], user_password="secret")
    with pytest.raises(EncryptedFile) as info:
        parse_file(path, limits)
    assert info.value.code == "encrypted"
    assert "secret.pdf" in str(info.value)


def test_pdf_with_only_an_owner_password_still_opens(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "locked.pdf", ["Printing restricted"], owner_password="owner")
    parsed, _ = parse_file(path, limits)
    assert "Printing restricted" in parsed.text


def test_scanned_pdf_without_text_layer_is_returned_empty_with_a_warning(
    tmp_path: Path, limits: Limits
) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf", pages=2)
    document = read_document(path)
    assert document.text == ""
    assert not document.parsed.has_text
    assert document.parsed.warnings == ["no_text_layer"]
    assert len(document.parsed.pages) == 2
    assert document.parsed.blocks == []
    assert document.provenance.media_type == "pdf"


def test_pdf_with_some_blank_pages_names_them_in_a_warning(tmp_path: Path, limits: Limits) -> None:
    path = make_pdf(tmp_path / "gaps.pdf", ["Page one text.", "", "Page three text."])
    parsed, _ = parse_file(path, limits)
    assert parsed.warnings == ["pages_without_text: 2"]
    assert_well_formed(parsed)


def test_truncated_pdf_is_reported_as_corrupt(tmp_path: Path, limits: Limits) -> None:
    path = make_truncated_pdf(tmp_path / "cut.pdf")
    with pytest.raises(CorruptFile) as info:
        parse_file(path, limits)
    assert info.value.code == "corrupt"
    assert "cut.pdf" in str(info.value)


def test_pdf_with_more_pages_than_the_limit_is_too_large(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", ["one", "two", "three"])
    with pytest.raises(TooLarge, match="3 pages"):
        parse_file(path, Limits(max_pages=2))


def test_typeset_ligatures_in_pdf_text_read_as_their_letters() -> None:
    """A typeset plan's "ﬁnance" and "eﬀective" (one glyph each, as PDFium may hand them over)
    are found by rules and search that look for "finance" and "effective"."""
    from productivity_plans.ingest.pdf import normalise_page_text

    raw = "Executive Member for \ufb01nance\r\nan e\ufb00ective o\ufb03ce \ufb02ow\f"
    assert normalise_page_text(raw) == "Executive Member for finance\nan effective office flow"


def test_a_hyphen_pdfium_marks_at_a_lines_end_gets_its_line_break_back() -> None:
    """PDFium joins "gov-" / "ernment" into one line and marks the hyphen (U+FFFE, or 0x02):
    the text keeps the page's hyphen and line break, so the word is joined where every wrapped
    line's is, not left as "gov-ernment" inside a line."""
    from productivity_plans.ingest.pdf import normalise_page_text

    raw = "the council's core gov\ufffeernment funding\r\nand its ac\x02commodation costs"
    assert normalise_page_text(raw) == (
        "the council's core gov-\nernment funding\nand its ac-\ncommodation costs"
    )
