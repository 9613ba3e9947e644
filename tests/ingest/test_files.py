from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from productivity_plans.ingest import discover, load_manifest
from productivity_plans.ingest.errors import TooManyFiles
from productivity_plans.ingest.files import find_files, readable


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


# -- discovery that cannot hang or die ------------------------------------------------------------


def _find_in_a_subprocess(*inputs: str, max_files: int = 1000) -> dict[str, object]:
    """find_files run in a child with a time limit: on a link loop the old discovery ran for
    ever (and a test must fail, not hang)."""
    program = (
        "import json, sys\n"
        "from productivity_plans.ingest.files import find_files, readable\n"
        f"found = find_files(sys.argv[1:], {max_files})\n"
        "print(json.dumps({'files': [readable(p) for p in found.files],"
        " 'refused': [[readable(r.path), r.code] for r in found.refused]}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, *inputs],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_links_back_to_a_containing_folder_are_reported_and_each_file_is_found_once(
    tmp_path: Path,
) -> None:
    paper = _touch(tmp_path / "papers" / "plan.txt")
    _touch(tmp_path / "papers" / "sub" / "minutes.txt")
    (tmp_path / "papers" / "again").symlink_to(".")
    (tmp_path / "papers" / "sub" / "up").symlink_to("..")
    found = _find_in_a_subprocess(str(tmp_path / "papers"))
    assert found["files"] == [str(paper), str(tmp_path / "papers" / "sub" / "minutes.txt")]
    assert found["refused"] == [
        [str(tmp_path / "papers" / "again"), "link_loop"],
        [str(tmp_path / "papers" / "sub" / "up"), "link_loop"],
    ]


def test_a_recursive_glob_does_not_follow_links_round_a_loop(tmp_path: Path) -> None:
    paper = _touch(tmp_path / "papers" / "plan.txt")
    (tmp_path / "papers" / "again").symlink_to(".")
    (tmp_path / "papers" / "also").symlink_to(".")
    found = _find_in_a_subprocess(str(tmp_path / "papers" / "**" / "*.txt"))
    assert found["files"] == [str(paper)]


def test_a_link_to_itself_is_reported_as_a_loop(tmp_path: Path) -> None:
    _touch(tmp_path / "plan.txt")
    (tmp_path / "self").symlink_to("self")
    found = find_files([str(tmp_path)])
    assert found.files == [tmp_path / "plan.txt"]
    assert [(r.path.name, r.code) for r in found.refused] == [("self", "link_loop")]


def test_a_file_reached_by_several_links_is_listed_once(tmp_path: Path) -> None:
    paper = _touch(tmp_path / "a" / "plan.txt")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "plan-link.txt").symlink_to(paper)
    os.link(paper, tmp_path / "b" / "plan-hard.txt")
    (tmp_path / "c").symlink_to(tmp_path / "a")
    assert find_files([str(tmp_path)]).files == [paper]


def test_fifos_are_reported_by_name_and_never_opened(tmp_path: Path) -> None:
    paper = _touch(tmp_path / "plan.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    found = _find_in_a_subprocess(str(tmp_path), str(tmp_path / "pipe.txt"))
    assert found["files"] == [str(paper)]
    assert found["refused"] == [[str(tmp_path / "pipe.txt"), "special_file"]] * 2


def test_reading_a_fifo_fails_at_once_with_special_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    program = (
        "import sys\nfrom pathlib import Path\n"
        "from productivity_plans.ingest import read_document\n"
        "from productivity_plans.ingest.errors import IngestError\n"
        "try:\n    read_document(Path(sys.argv[1]))\n"
        "except IngestError as exc:\n    print(exc.code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "pipe.txt")],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout.strip() == "special_file"


def test_a_name_that_is_not_utf8_is_kept_as_bytes_and_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 plan.txt")
    _touch(tmp_path / name)
    found = find_files([str(tmp_path)])
    assert found.files == [tmp_path / name]
    assert found.files[0].read_text() == "x"
    assert readable(found.files[0]) == str(tmp_path / "caf\\xe9 plan.txt")
    assert readable(tmp_path / "café.txt") == str(tmp_path / "café.txt")


def test_discovery_stops_at_the_files_limit_with_too_many_files(tmp_path: Path) -> None:
    for i in range(3):
        _touch(tmp_path / f"{i}.txt")
    assert len(find_files([str(tmp_path)], max_files=3).files) == 3
    with pytest.raises(TooManyFiles, match="PRODPLANS_MAX_FILES") as caught:
        find_files([str(tmp_path)], max_files=2)
    assert caught.value.code == "too_many_files"
