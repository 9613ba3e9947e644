"""Every table on the site is a ``Table``: the page renders it and ``?format=csv`` downloads it.

One object for both means the CSV always holds exactly what the page shows. Cells hold plain
values; ``links`` are for the HTML only. CSV cells that a spreadsheet would run as a formula
(starting ``=``, ``+``, ``-``, ``@``, tab or carriage return) are prefixed with ``'``, since
document titles and text come from outside.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from starlette.responses import Response

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    numeric: bool = False


@dataclass(slots=True)
class Table:
    name: str  # file name stem for the download, e.g. "councils"
    caption: str
    columns: Sequence[Column]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    # Optional per-row links: row index → {column key: href}
    links: dict[int, dict[str, str]] = field(default_factory=dict)

    def add(self, row: dict[str, Cell], links: dict[str, str] | None = None) -> None:
        if links:
            self.links[len(self.rows)] = links
        self.rows.append(row)

    def link(self, index: int, key: str) -> str | None:
        return self.links.get(index, {}).get(key)


def _safe(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow(["" if (v := row.get(c.key)) is None else _safe(v) for c in table.columns])
    return buffer.getvalue()


def csv_response(table: Table) -> Response:
    return Response(
        to_csv(table),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{table.name}.csv"'},
    )
