from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from productivity_plans.config import Limits
from productivity_plans.ingest import BlockKind, parse_file
from productivity_plans.ingest.docx import check_inflated
from productivity_plans.ingest.errors import CorruptFile, ZipBomb
from tests.fixtures.checks import assert_well_formed
from tests.fixtures.make_files import make_docx, make_lying_zip_bomb_docx, make_zip_bomb_docx

ITEMS = [
    ("Title", "Anytown Productivity Plan"),
    ("Heading 1", "Transformation"),
    ("Normal", "We have redesigned our customer contact centre."),
    ("List Bullet", "Single-year settlements"),
    ("List Number", "Recruitment of planners"),
    ("numbered", "Legacy IT systems"),
    [["Service", "Saving 2024/25", "Notes"], ["Waste", "£1.2m", "Round\nredesign"]],
    ("Heading 2", "Wasteful spend"),
    ("Normal", "Consultancy spend fell by 30%."),
]


def test_docx_headings_paragraphs_list_items_and_table_rows_come_out_in_order(
    tmp_path: Path, limits: Limits
) -> None:
    parsed, media_type = parse_file(make_docx(tmp_path / "plan.docx", ITEMS), limits)
    assert media_type == "docx"
    blocks = [(b.kind, parsed.block_text(b)) for b in parsed.blocks]
    assert blocks == [
        (BlockKind.HEADING, "Anytown Productivity Plan"),
        (BlockKind.HEADING, "Transformation"),
        (BlockKind.PARAGRAPH, "We have redesigned our customer contact centre."),
        (BlockKind.LIST_ITEM, "Single-year settlements"),
        (BlockKind.LIST_ITEM, "Recruitment of planners"),
        (BlockKind.LIST_ITEM, "Legacy IT systems"),
        (BlockKind.TABLE_ROW, "Service | Saving 2024/25 | Notes"),
        (BlockKind.TABLE_ROW, "Waste | £1.2m | Round redesign"),
        (BlockKind.HEADING, "Wasteful spend"),
        (BlockKind.PARAGRAPH, "Consultancy spend fell by 30%."),
    ]
    assert parsed.title == "Anytown Productivity Plan"
    assert [(p.number, p.start, p.end) for p in parsed.pages] == [(1, 0, len(parsed.text))]
    assert all(b.page == 1 for b in parsed.blocks)
    assert_well_formed(parsed)


def test_docx_with_a_huge_compressible_member_is_refused_as_a_zip_bomb(
    tmp_path: Path, limits: Limits
) -> None:
    path = make_zip_bomb_docx(tmp_path / "bomb.docx", uncompressed_bytes=20 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ZipBomb) as info:
        parse_file(path, limits)
    assert info.value.code == "zip_bomb"
    assert "bomb.docx" in str(info.value)


def test_docx_that_would_unpack_past_the_size_limit_is_a_zip_bomb(tmp_path: Path) -> None:
    path = make_zip_bomb_docx(tmp_path / "big.docx", uncompressed_bytes=3 * 1024 * 1024)
    with pytest.raises(ZipBomb, match="unpack to"):
        parse_file(path, Limits(max_unzipped_bytes=2 * 1024 * 1024))


def test_docx_with_too_many_members_is_a_zip_bomb(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.docx", ITEMS)
    with pytest.raises(ZipBomb, match="holds"):
        parse_file(path, Limits(max_zip_members=3))


def test_truncated_docx_is_reported_as_corrupt(tmp_path: Path, limits: Limits) -> None:
    full = make_docx(tmp_path / "full.docx", ITEMS)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(full.read_bytes()[:2000])
    with pytest.raises(CorruptFile) as info:
        parse_file(cut, limits)
    assert "cut.docx" in str(info.value)


def test_docx_zip_without_a_valid_document_part_is_reported_as_corrupt(
    tmp_path: Path, limits: Limits
) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<not-closed")
    with pytest.raises(CorruptFile, match=re.escape("broken.docx")):
        parse_file(path, limits)


def test_docx_whose_headers_understate_a_member_is_refused_before_it_is_inflated(
    tmp_path: Path,
) -> None:
    bomb = make_lying_zip_bomb_docx(tmp_path / "lying.docx", inflated_bytes=300 * 1024 * 1024)
    program = (
        "import resource, sys\nfrom pathlib import Path\n"
        "from productivity_plans.ingest import read_document\n"
        "from productivity_plans.ingest.errors import IngestError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    read_document(Path(sys.argv[1]))\n"
        "except IngestError as exc:\n    print(exc.code)\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    code, grown_mib = done.stdout.split()
    assert code == "zip_bomb"
    assert int(grown_mib) < 100  # python-docx's own read held ≈ 600 MiB of it


def test_docx_members_are_measured_by_what_they_inflate_to(tmp_path: Path) -> None:
    honest = make_zip_bomb_docx(tmp_path / "big.docx", uncompressed_bytes=8 * 1024 * 1024)
    roomy = Limits(max_unzipped_bytes=6 * 1024 * 1024, max_zip_ratio=1e9)
    with pytest.raises(ZipBomb, match="more than 6,291,456 bytes"):
        check_inflated(honest, roomy)
    check_inflated(honest, Limits(max_zip_ratio=1e9))  # within the limits: no error


def test_a_zip_whose_members_lie_before_the_file_start_is_corrupt(tmp_path: Path) -> None:
    """Bytes lost from the first member shift the central directory, so zipfile computes
    member offsets before the start of the file and its seek fails with EINVAL. Found by
    fuzzing; it was reported as "unreadable: cannot be read (Invalid argument)"."""
    path = make_docx(tmp_path / "plan.docx", [("Normal", "Hello")])
    data = path.read_bytes()
    path.write_bytes(data[:100] + data[200:])
    with pytest.raises(CorruptFile, match="damaged zip"):
        parse_file(path, Limits())
