"""Exports of the sector tables (CSV, XLSX, JSON) and a zip of the ingested originals.

Pure functions over named tidy tables (``sector.results.tables``) and a list of originals, so
they depend on neither the store nor the report.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

Row = dict[str, Any]
Tables = Mapping[str, Sequence[Row]]
FORMATS = ("csv", "xlsx", "json", "zip")


@dataclass(frozen=True, slots=True)
class Original:
    """An ingested file: where it is now, its content hash, and the page it was published at."""

    path: Path
    sha256: str | None
    url: str | None = None


def _columns(rows: Sequence[Row]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def write_csv(tables: Tables, out_dir: Path) -> list[Path]:
    """One UTF-8 CSV per table (``<name>.csv``), header row always present."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name, rows in tables.items():
        path = out_dir / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_columns(rows) or ["empty"])
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _plain(v) for k, v in row.items()})
        paths.append(path)
    return paths


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, unique, none of ``[]:*?/\\``."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31]
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f"~{n}"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def write_xlsx(tables: Tables, path: Path) -> Path:
    """One sheet per table, bold frozen header, filters on, sensible column widths."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_urls": False, "nan_inf_to_errors": True})
    bold = workbook.add_format({"bold": True, "bg_color": "#F3F2F1"})
    taken: set[str] = set()
    for name, rows in tables.items():
        sheet = workbook.add_worksheet(sheet_name(name, taken))
        columns = _columns(rows) or ["empty"]
        for j, col in enumerate(columns):
            sheet.write_string(0, j, col, bold)
            width = max([len(col), *(len(str(r.get(col) or "")) for r in rows[:200])])
            sheet.set_column(j, j, min(max(width, 8), 60))
        for i, row in enumerate(rows, start=1):
            for j, col in enumerate(columns):
                value = _plain(row.get(col))
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(i, j, value[:32767])
                else:
                    sheet.write(i, j, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    workbook.close()
    return path


def write_json(tables: Tables, path: Path, meta: Mapping[str, Any] | None = None) -> Path:
    """``{"meta": {...}, "tables": {name: [row, ...]}}``, UTF-8, one file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "meta": dict(meta or {}),
        "tables": {
            k: [{c: _plain(v) for c, v in r.items()} for r in rows] for k, rows in tables.items()
        },
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_originals_zip(originals: Sequence[Original], path: Path) -> Path:
    """A zip of every original file under ``originals/`` plus ``manifest.jsonl`` and
    ``manifest.csv`` (name in zip, source path, url, sha256 recorded, sha256 of the bytes
    written, whether they match, size). Missing files are listed with ``missing: true``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    used: set[str] = set()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for original in originals:
            row: Row = {
                "name": None,
                "source": str(original.path),
                "url": original.url,
                "sha256": original.sha256,
                "sha256_of_file": None,
                "matches": None,
                "size": None,
                "missing": False,
            }
            try:
                data = original.path.read_bytes()
            except OSError:
                row["missing"] = True
                rows.append(row)
                continue
            digest = hashlib.sha256(data).hexdigest()
            name = f"originals/{(original.sha256 or digest)[:12]}-{original.path.name}"
            if name not in used:
                used.add(name)
                archive.writestr(name, data)
            row.update(
                name=name,
                sha256_of_file=digest,
                matches=original.sha256 is None or original.sha256 == digest,
                size=len(data),
            )
            rows.append(row)
        archive.writestr("manifest.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["name"])
        writer.writeheader()
        writer.writerows(rows)
        archive.writestr("manifest.csv", buffer.getvalue())
        archive.writestr(
            "README.txt",
            "Original documents as ingested, named <sha256 prefix>-<file name>.\n"
            f"Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. manifest.csv / manifest.jsonl give "
            "each file's source, published URL and SHA-256.\n",
        )
    return path


__all__ = [
    "FORMATS",
    "Original",
    "sheet_name",
    "write_csv",
    "write_json",
    "write_originals_zip",
    "write_xlsx",
]
