from __future__ import annotations

from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.ingest import BlockKind, parse_file
from tests.fixtures.checks import assert_well_formed
from tests.fixtures.make_files import make_text

MARKDOWN = """# Productivity plan

Our plan answers the four questions.
It was approved by Cabinet.

## Barriers

- Single-year settlements
* Ring-fenced grants
1. Recruitment
2. Legacy IT

Closing paragraph.
"""


def test_markdown_headings_list_items_and_paragraphs_become_blocks(
    tmp_path: Path, limits: Limits
) -> None:
    parsed, media_type = parse_file(make_text(tmp_path / "plan.md", MARKDOWN), limits)
    assert media_type == "text"
    blocks = [(b.kind, parsed.block_text(b)) for b in parsed.blocks]
    assert blocks == [
        (BlockKind.HEADING, "Productivity plan"),
        (BlockKind.PARAGRAPH, "Our plan answers the four questions.\nIt was approved by Cabinet."),
        (BlockKind.HEADING, "Barriers"),
        (BlockKind.LIST_ITEM, "- Single-year settlements"),
        (BlockKind.LIST_ITEM, "* Ring-fenced grants"),
        (BlockKind.LIST_ITEM, "1. Recruitment"),
        (BlockKind.LIST_ITEM, "2. Legacy IT"),
        (BlockKind.PARAGRAPH, "Closing paragraph."),
    ]
    assert parsed.title == "Productivity plan"
    assert_well_formed(parsed)


def test_cp1252_text_with_pound_signs_and_curly_quotes_decodes_correctly(
    tmp_path: Path, limits: Limits
) -> None:
    text = "The council’s “productivity plan” saves £4.5m – about 3%.\n"
    parsed, _ = parse_file(make_text(tmp_path / "notes.txt", text, encoding="cp1252"), limits)
    assert parsed.text == text
    assert parsed.warnings == []


def test_utf16_text_with_a_bom_decodes_correctly(tmp_path: Path, limits: Limits) -> None:
    text = "Productivity plan\r\n\r\nSavings of £1m were found.\r\n"
    parsed, media_type = parse_file(
        make_text(tmp_path / "u16.txt", text, encoding="utf-16"), limits
    )
    assert media_type == "text"
    assert parsed.text == "Productivity plan\n\nSavings of £1m were found.\n"
    assert [parsed.block_text(b) for b in parsed.blocks] == [
        "Productivity plan",
        "Savings of £1m were found.",
    ]


def test_utf8_with_bom_loses_the_bom(tmp_path: Path, limits: Limits) -> None:
    parsed, _ = parse_file(make_text(tmp_path / "bom.txt", "Hello £", encoding="utf-8-sig"), limits)
    assert parsed.text == "Hello £"


def test_utf8_with_a_stray_windows_byte_stays_utf8_with_a_replacement(
    tmp_path: Path, limits: Limits
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Plan £5m: the council".encode() + b"\x92" + "s “ok”".encode())
    parsed, _ = parse_file(path, limits)
    assert parsed.text == "Plan £5m: the council\ufffds “ok”"
    assert parsed.warnings == ["encoding_errors: 1 undecodable byte sequences replaced"]


def test_bytes_no_encoding_explains_never_crash(tmp_path: Path, limits: Limits) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(b"Plan \x81\x8d\x8f\x90\x9d and more text " * 3)
    parsed, media_type = parse_file(path, limits)
    assert media_type == "text"
    assert parsed.text.startswith("Plan")
