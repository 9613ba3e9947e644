from __future__ import annotations

import json
from pathlib import Path

import pytest

from productivity_plans.ingest import discover, load_manifest


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    return path


def test_discover_walks_folders_recursively_in_sorted_order(tmp_path: Path) -> None:
    b = _touch(tmp_path / "docs" / "b.pdf")
    a = _touch(tmp_path / "docs" / "sub" / "a.docx")
    c = _touch(tmp_path / "docs" / "c.txt")
    assert discover([str(tmp_path / "docs")]) == sorted([a, b, c])


def test_discover_skips_hidden_files_hidden_folders_and_office_lock_files(tmp_path: Path) -> None:
    keep = _touch(tmp_path / "plan.docx")
    _touch(tmp_path / "~$plan.docx")
    _touch(tmp_path / ".DS_Store")
    _touch(tmp_path / ".git" / "config")
    assert discover([str(tmp_path)]) == [keep]


def test_discover_expands_globs_and_removes_duplicates(tmp_path: Path) -> None:
    pdf = _touch(tmp_path / "a" / "plan.pdf")
    _touch(tmp_path / "a" / "notes.txt")
    deep = _touch(tmp_path / "a" / "b" / "deep.pdf")
    found = discover([str(tmp_path / "**" / "*.pdf"), str(pdf)])
    assert found == sorted([pdf, deep])


def test_discover_keeps_a_file_named_explicitly(tmp_path: Path) -> None:
    hidden = _touch(tmp_path / ".hidden.txt")
    assert discover([str(hidden)]) == [hidden]


def test_discover_reports_an_input_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing-here"):
        discover([str(tmp_path / "nothing-here")])


def test_jsonl_manifest_resolves_relative_paths_against_its_folder(tmp_path: Path) -> None:
    manifest = tmp_path / "sources" / "manifest.jsonl"
    manifest.parent.mkdir()
    lines = [
        json.dumps({"path": "docs/plan.pdf", "url": "https://example.gov.uk/plan.pdf"}),
        "",
        json.dumps({"path": "/abs/minutes.html"}),
    ]
    manifest.write_text("\n".join(lines) + "\n")
    assert load_manifest(manifest) == [
        (tmp_path / "sources" / "docs" / "plan.pdf", "https://example.gov.uk/plan.pdf"),
        (Path("/abs/minutes.html"), None),
    ]


def test_csv_manifest_reads_path_and_optional_url_columns(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,url,council\nplan.pdf,https://x.gov.uk/p,Anytown\nnotes.txt,,\n")
    assert load_manifest(manifest) == [
        (tmp_path / "plan.pdf", "https://x.gov.uk/p"),
        (tmp_path / "notes.txt", None),
    ]


def test_malformed_jsonl_manifest_names_the_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"path": "a.pdf"}\n{"path": "b.pdf"\n')
    with pytest.raises(ValueError, match="line 2"):
        load_manifest(manifest)


def test_jsonl_manifest_line_without_a_path_names_the_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"path": "a.pdf"}\n\n{"url": "https://x"}\n')
    with pytest.raises(ValueError, match="line 3: missing 'path'"):
        load_manifest(manifest)


def test_csv_manifest_without_a_path_column_is_rejected(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,url\na.pdf,\n")
    with pytest.raises(ValueError, match="line 1: the header has no 'path' column"):
        load_manifest(manifest)


def test_csv_manifest_row_with_the_wrong_number_of_fields_names_the_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,url\na.pdf,https://x\nb.pdf,https://y,extra\n")
    with pytest.raises(ValueError, match="line 3"):
        load_manifest(manifest)
