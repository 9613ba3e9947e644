"""One way to print a listing in every command: a rich table, CSV or JSON Lines.

Every listing command takes the same ``--format`` option (sqlite-utils style), so a user who
learns it once can pipe any listing into a spreadsheet or ``jq``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: Format,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.JSON:
        for row in rows:
            sys.stdout.write(json.dumps({c: row.get(c) for c in cols}, default=str) + "\n")
    elif fmt is Format.CSV:
        writer = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, show_lines=False)
        for col in cols:
            table.add_column(col.replace("_", " "))
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in cols))
        (console or Console()).print(table)
