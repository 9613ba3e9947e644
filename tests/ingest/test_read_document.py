from __future__ import annotations

import hashlib
import os
import pickle
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from productivity_plans.config import Limits
from productivity_plans.ingest import read_document
from productivity_plans.ingest.blocks import MAX_BLOCK_CHARS
from productivity_plans.ingest.errors import (
    CorruptFile,
    EmptyFile,
    TooLarge,
    Unreadable,
    UnsupportedType,
    WrongExtension,
)
from productivity_plans.ingest.records import BlockKind
from tests.fixtures.checks import assert_well_formed
from tests.fixtures.make_files import corpus_files, make_docx, make_html, make_pdf, make_text


def test_read_document_records_hash_size_mtime_source_and_url(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "plan.pdf", ["Productivity Plan", "Second page."])
    os.utime(path, (1_700_000_000, 1_700_000_000))
    before = datetime.now(UTC)
    document = read_document(path, url="https://example.gov.uk/plan.pdf")
    provenance = document.provenance
    assert provenance.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert provenance.size == path.stat().st_size
    assert provenance.mtime == 1_700_000_000
    assert provenance.source == str(path.absolute())
    assert provenance.url == "https://example.gov.uk/plan.pdf"
    assert provenance.media_type == "pdf"
    assert before <= provenance.ingested_at <= datetime.now(UTC)
    assert provenance.ingested_at.tzinfo is UTC
    assert "Second page." in document.text


def test_relative_path_is_recorded_as_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_text(tmp_path / "notes.txt", "Some notes.")
    monkeypatch.chdir(tmp_path)
    document = read_document(Path("notes.txt"))
    assert document.provenance.source == str(tmp_path / "notes.txt")


def test_zero_byte_file_is_reported_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.touch()
    with pytest.raises(EmptyFile) as info:
        read_document(path)
    assert info.value.code == "empty_file"


def test_file_over_the_size_limit_is_too_large_before_it_is_read(tmp_path: Path) -> None:
    path = make_text(tmp_path / "big.txt", "x" * 2_000)
    with pytest.raises(TooLarge, match="over the limit"):
        read_document(path, limits=Limits(max_file_bytes=1_000))


def test_pdf_renamed_docx_is_a_wrong_extension_naming_both_types(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "plan.docx", ["Productivity Plan"])
    with pytest.raises(WrongExtension) as info:
        read_document(path)
    assert info.value.code == "wrong_extension"
    assert "named .docx but the content is PDF" in str(info.value)


def test_html_renamed_pdf_is_a_wrong_extension_naming_both_types(tmp_path: Path) -> None:
    path = make_html(tmp_path / "decision.pdf")
    with pytest.raises(WrongExtension, match=re.escape("named .pdf but the content is HTML")):
        read_document(path)


def test_docx_renamed_txt_is_a_wrong_extension(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.txt", [("Normal", "Hello")])
    with pytest.raises(WrongExtension, match=re.escape("named .txt but the content is DOCX")):
        read_document(path)


def test_web_page_saved_as_txt_is_read_as_html_with_a_warning(tmp_path: Path) -> None:
    document = read_document(make_html(tmp_path / "decision.txt"))
    assert document.provenance.media_type == "html"
    assert document.parsed.warnings == ["extension_mismatch: named .txt but read as HTML"]


def test_files_without_a_known_extension_are_typed_by_content(tmp_path: Path) -> None:
    assert read_document(make_pdf(tmp_path / "download", ["x"])).provenance.media_type == "pdf"
    docx_path = make_docx(tmp_path / "attachment.bin", [("Normal", "x")])
    assert read_document(docx_path).provenance.media_type == "docx"


def test_unknown_binary_is_an_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    with pytest.raises(UnsupportedType, match="JPEG"):
        read_document(path)
    blob = tmp_path / "blob.dat"
    blob.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UnsupportedType):
        read_document(blob)


def test_legacy_word_doc_is_an_unsupported_type_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(UnsupportedType, match="save it as DOCX or PDF"):
        read_document(path)


def test_spreadsheet_is_an_unsupported_type(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedType, match="Excel"):
        read_document(path)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "plans.pdf"
    folder.mkdir()
    with pytest.raises(Unreadable) as info:
        read_document(folder)
    assert info.value.code == "unreadable"


def test_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.pdf"
    link.symlink_to(tmp_path / "deleted.pdf")
    with pytest.raises(Unreadable, match=re.escape("gone.pdf")):
        read_document(link)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(Unreadable):
        read_document(tmp_path / "never-existed.txt")


def test_parser_crash_is_wrapped_as_corrupt_with_the_file_name(tmp_path: Path) -> None:
    # A PDF header followed by garbage: PDFium refuses it, and the user sees a named error.
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(CorruptFile, match=re.escape("garbage.pdf")):
        read_document(path)


def test_every_corpus_text_reads_into_well_formed_blocks_covering_its_text() -> None:
    files = corpus_files()
    assert len(files) >= 30
    for path in files:
        document = read_document(path)
        assert document.provenance.media_type == "text"
        assert document.parsed.has_text, path.name
        assert_well_formed(document.parsed)
        covered = "".join(document.parsed.block_text(b) for b in document.parsed.blocks)
        assert len(covered) >= 0.9 * len("".join(document.text.split())), path.name


def test_a_document_crosses_to_the_writer_process_unchanged(tmp_path: Path) -> None:
    """Pool workers pickle what they read; every block must come back with its kind and place."""
    text = "Report to Cabinet\n\n1.1 The plan.\n\n- First point\n- Second point\n\nClosing words."
    document = read_document(make_text(tmp_path / "paper.txt", text))
    blocks = document.parsed.blocks
    assert {block.kind.value for block in blocks} == {"heading", "paragraph", "list_item"}
    again = pickle.loads(pickle.dumps(document))
    assert again == document
    assert [(b.kind, b.page, b.start, b.end) for b in again.parsed.blocks] == [
        (b.kind, b.page, b.start, b.end) for b in blocks
    ]
    assert all(type(b.kind) is BlockKind for b in again.parsed.blocks)


@pytest.mark.parametrize("kind", ["text", "pdf", "docx", "html"])
def test_a_document_over_the_character_limit_is_too_large(tmp_path: Path, kind: str) -> None:
    paragraph = "The council will share its back office with the county. " * 40
    path = {
        "text": lambda: make_text(tmp_path / "long.txt", paragraph),
        "pdf": lambda: make_pdf(tmp_path / "long.pdf", [paragraph]),
        "docx": lambda: make_docx(tmp_path / "long.docx", [("Normal", paragraph)]),
        "html": lambda: make_html(
            tmp_path / "long.html", f"<html><body><main><p>{paragraph}</p></main></body></html>"
        ),
    }[kind]()
    read_document(path, limits=Limits(max_chars=len(paragraph) + 100))
    with pytest.raises(TooLarge, match="PRODPLANS_MAX_CHARS"):
        read_document(path, limits=Limits(max_chars=len(paragraph) // 2))


def test_a_text_without_paragraph_breaks_is_stored_in_blocks_of_bounded_size(
    tmp_path: Path,
) -> None:
    sentence = "Savings from the shared service were reinvested in prevention. "
    path = make_text(tmp_path / "one-paragraph.txt", sentence * 5000)  # ≈ 320,000 characters
    parsed = read_document(path).parsed
    assert_well_formed(parsed)
    assert len(parsed.blocks) > 50
    assert max(block.end - block.start for block in parsed.blocks) <= MAX_BLOCK_CHARS
    assert parsed.text[parsed.blocks[-1].end :].strip() == ""


def test_text_that_is_not_in_any_encoding_is_flagged_encoding_unknown(tmp_path: Path) -> None:
    # Not UTF-8; charset-normalizer finds a code page it decodes in, but no language in it.
    data = b"Council plan text. " * 30 + bytes(range(0x80, 0xA0)) * 5
    path = tmp_path / "garbled.txt"
    path.write_bytes(data)
    warnings = read_document(path).parsed.warnings
    assert [w for w in warnings if w.startswith("encoding_unknown: ")]
