"""Finding input files: expanding files, folders and globs, and reading manifests.

Discovery must neither hang nor die on what a folder can hold. Each real file is listed once
(by device and inode, however many links lead to it); a folder is walked once, and a link
back to a folder that contains it is reported (``link_loop``) instead of followed; FIFOs,
sockets and devices are reported (``special_file``) without being opened (opening a FIFO
waits for a writer that never comes); and a batch stops at ``Limits.max_files``
(``too_many_files``) before it fills memory. Names that are not UTF-8 keep their bytes
(Python's surrogate escapes); :func:`readable` is the form stored and shown.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.ingest.errors import TooManyFiles

_GLOB_CHARS = set("*?[")
DEFAULT_MAX_FILES = Limits().max_files


def readable(name: Path | str) -> str:
    """A path (or a message naming one) as text that can be stored and printed: bytes of a
    name that are not UTF-8, which Python holds as surrogate escapes and no database or
    terminal accepts, become backslash escapes (``caf\\xe9.txt``). UTF-8 is unchanged."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True)
class Refused:
    """Something discovery found but will not read, and why (a code and a sentence)."""

    path: Path
    code: str  # "link_loop", "special_file" or "unreadable"
    detail: str


@dataclass(slots=True)
class Discovery:
    files: list[Path] = field(default_factory=list)  # sorted
    refused: list[Refused] = field(default_factory=list)


def discover(inputs: list[str], max_files: int = DEFAULT_MAX_FILES) -> list[Path]:
    """The files of :func:`find_files`, without what it refused."""
    return find_files(inputs, max_files).files


def find_files(inputs: list[str], max_files: int = DEFAULT_MAX_FILES) -> Discovery:
    """Expand inputs into a sorted list of files, each real file once, and what was refused.

    An input may be a file (always kept, even if hidden: it was asked for by name), a folder
    (searched recursively, skipping hidden files and folders and Office lock files) or a glob
    pattern (``**`` recurses, never through a link). A name that matches nothing raises
    ``FileNotFoundError``; more than ``max_files`` files raise ``TooManyFiles``.
    """
    walk = _Walk(max_files)
    for raw in inputs:
        path = Path(raw).expanduser()
        if os.path.lexists(path):
            walk.visit(path)
        elif _GLOB_CHARS & set(raw):
            for match in _glob(path):
                walk.visit(match)
        else:
            raise FileNotFoundError(f"{readable(raw)}: no such file or folder")
    return Discovery(sorted(walk.files.values()), walk.refused)


def _glob(pattern: Path) -> list[Path]:
    """Matches of a glob pattern, hidden names left out. pathlib's ``**`` does not follow links
    to folders (the glob module's does, and two links back to ``.`` make it run for ever)."""
    parts = pattern.parts
    fixed = next((i for i, part in enumerate(parts) if _GLOB_CHARS & set(part)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path()
    rest = str(Path(*parts[fixed:]))
    matches = (m for m in root.glob(rest) if not any(map(_hidden, m.relative_to(root).parts)))
    return sorted(matches)


def _hidden(name: str) -> bool:
    """Hidden files and folders, and the ``~$name.docx`` lock files Office leaves behind."""
    return name.startswith((".", "~$"))


class _Walk:
    """Files found so far, by (device, inode), and what was refused."""

    def __init__(self, max_files: int) -> None:
        self.max_files = max_files
        self.files: dict[tuple[int, int], Path] = {}
        self.refused: list[Refused] = []
        self._folders: set[tuple[int, int]] = set()

    def visit(self, top: Path) -> None:
        """``top`` and, if it is a folder, everything under it (depth first, in name order;
        a stack rather than recursion, as folders can nest deeper than Python recurses)."""
        stack: list[tuple[Path, frozenset[tuple[int, int]]]] = [(top, frozenset())]
        while stack:
            path, ancestors = stack.pop()
            info = self._stat(path)
            if info is None:
                continue
            key = (info.st_dev, info.st_ino)
            if stat.S_ISREG(info.st_mode):
                self._add(key, path)
            elif not stat.S_ISDIR(info.st_mode):
                kind = _SPECIAL_KINDS.get(stat.S_IFMT(info.st_mode), "special file")
                self._refuse(path, "special_file", f"is a {kind}, not a file: not read")
            elif key in ancestors:
                self._refuse(path, "link_loop", "links back to a folder that contains it")
            elif key not in self._folders:  # else reached before by another link: done
                self._folders.add(key)
                children = self._children(path)
                stack.extend((child, ancestors | {key}) for child in reversed(children))

    def _stat(self, path: Path) -> os.stat_result | None:
        try:
            return os.stat(path)  # follows links: the real thing they lead to
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self._refuse(path, "link_loop", "is a link that leads back to itself")
            elif os.path.islink(path):
                self._refuse(path, "unreadable", "is a link to nothing (its target is gone)")
            else:
                self._refuse(path, "unreadable", f"cannot be read ({exc.strerror or exc})")
            return None

    def _children(self, folder: Path) -> list[Path]:
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            self._refuse(folder, "unreadable", f"cannot be listed ({exc.strerror or exc})")
            return []
        return [folder / name for name in names if not _hidden(name)]

    def _add(self, key: tuple[int, int], path: Path) -> None:
        if key in self.files:
            return  # the same file by another link
        if len(self.files) >= self.max_files:
            raise TooManyFiles(
                f"more than {self.max_files:,} files to ingest (the limit; set "
                f"PRODPLANS_MAX_FILES to raise it, or ingest the folders one at a time)"
            )
        self.files[key] = path

    def _refuse(self, path: Path, code: str, detail: str) -> None:
        self.refused.append(Refused(path, code, detail))


_SPECIAL_KINDS = {
    stat.S_IFIFO: "FIFO (named pipe)",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}


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
