"""Finding input files: expanding files, folders and globs, and reading manifests."""

from __future__ import annotations

import csv
import glob
import json
from pathlib import Path

_GLOB_CHARS = set("*?[")


def _skipped(path: Path) -> bool:
    """Hidden files and folders, and the ``~$name.docx`` lock files Office leaves behind."""
    return path.name.startswith((".", "~$"))


def discover(inputs: list[str]) -> list[Path]:
    """Expand inputs into a sorted, de-duplicated list of files.

    An input may be a file (always kept, even if hidden: it was asked for by name), a folder
    (searched recursively, skipping hidden files and folders and Office lock files) or a glob
    pattern (``**`` recurses). A name that matches nothing raises ``FileNotFoundError``.
    """
    found: set[Path] = set()
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.is_dir():
            found.update(_walk(path))
        elif path.exists() or path.is_symlink():
            found.add(path)
        elif _GLOB_CHARS & set(raw):
            for match in sorted(glob.glob(str(path), recursive=True)):
                candidate = Path(match)
                if candidate.is_dir():
                    found.update(_walk(candidate))
                elif not _skipped(candidate):
                    found.add(candidate)
        else:
            raise FileNotFoundError(f"{raw}: no such file or folder")
    return sorted(found)


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for child in sorted(folder.iterdir()):
        if _skipped(child):
            continue
        if child.is_dir():
            files.extend(_walk(child))
        elif child.is_file():
            files.append(child)
    return files


def load_manifest(path: Path) -> list[tuple[Path, str | None]]:
    """Read a manifest of ``(path, url)`` pairs.

    JSON Lines (one object per line with ``path`` and optional ``url``; ``.jsonl``/``.ndjson``
    or content starting with ``{``) or CSV with a header row containing ``path`` and optional
    ``url``. Relative paths are resolved against the manifest's folder. Blank lines and, in
    JSON Lines, lines starting with ``#`` are skipped. A malformed line raises ``ValueError``
    naming the manifest and line number.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    base = path.parent.absolute()
    if path.suffix.lower() in {".jsonl", ".ndjson", ".json"} or text.lstrip().startswith("{"):
        rows = _jsonl_rows(path, text)
    else:
        rows = _csv_rows(path, text)
    entries: list[tuple[Path, str | None]] = []
    for line_no, file_path, url in rows:
        if not file_path:
            raise ValueError(f"{path.name} line {line_no}: 'path' is empty")
        resolved = Path(file_path).expanduser()
        if not resolved.is_absolute():
            resolved = base / resolved
        entries.append((resolved, url or None))
    return entries


def _jsonl_rows(path: Path, text: str) -> list[tuple[int, str, str | None]]:
    rows: list[tuple[int, str, str | None]] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name} line {line_no}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise ValueError(f"{path.name} line {line_no}: expected a JSON object")
        file_path = obj.get("path")
        url = obj.get("url")
        if not isinstance(file_path, str):
            raise ValueError(f"{path.name} line {line_no}: missing 'path' (a string)")
        if url is not None and not isinstance(url, str):
            raise ValueError(f"{path.name} line {line_no}: 'url' must be a string")
        rows.append((line_no, file_path.strip(), url.strip() if url else None))
    return rows


def _csv_rows(path: Path, text: str) -> list[tuple[int, str, str | None]]:
    reader = csv.reader(text.splitlines())
    header: list[str] | None = None
    rows: list[tuple[int, str, str | None]] = []
    for record in reader:
        line_no = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in record]
            if "path" not in header:
                raise ValueError(f"{path.name} line {line_no}: the header has no 'path' column")
            continue
        if len(record) != len(header):
            raise ValueError(
                f"{path.name} line {line_no}: {len(record)} fields, the header has {len(header)}"
            )
        row = dict(zip(header, record, strict=True))
        url = row.get("url", "").strip()
        rows.append((line_no, row["path"].strip(), url or None))
    if header is None:
        raise ValueError(f"{path.name}: empty manifest (no header row)")
    return rows
