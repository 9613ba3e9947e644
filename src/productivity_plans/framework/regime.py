"""The four facts of a framework that extraction reads, without the full schema.

Extraction needs the letter's date, the deadline and the outcome and document-type ids. Every
ingest worker process imports the extract stage, and validating the whole framework there would
cost each one ≈ 0.14 s of pydantic import and model building for four values. So this reads them
from the same YAML file with a check of their types only; the full schema
(:func:`~productivity_plans.framework.load_framework`) validates the file wherever the
framework is used as a whole, and a test checks that both readers agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from productivity_plans.framework.files import (
    DEFAULT_FRAMEWORK,
    FrameworkError,
    read_framework_yaml,
)


@dataclass(frozen=True, slots=True)
class Regime:
    letter_date: date
    deadline: date
    outcome_ids: tuple[str, ...]
    document_type_ids: tuple[str, ...]


@lru_cache(maxsize=8)
def load_regime(name_or_path: str = DEFAULT_FRAMEWORK) -> Regime:
    """The regime facts of a bundled framework by id or of any YAML file by path."""
    path, raw = read_framework_yaml(name_or_path)
    letter = raw.get("letter")
    letter_date = letter.get("date") if isinstance(letter, dict) else letter
    return Regime(
        letter_date=_date(path, "letter.date", letter_date),
        deadline=_date(path, "deadline", raw.get("deadline")),
        outcome_ids=_ids(path, "outcomes", raw.get("outcomes")),
        document_type_ids=_ids(path, "document_types", raw.get("document_types")),
    )


def _date(path: Path, key: str, value: Any) -> date:
    if not isinstance(value, date):
        raise FrameworkError(f"{path}: {key} must be a date (YYYY-MM-DD), not {value!r}")
    return value


def _ids(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise FrameworkError(f"{path}: {key} must be a non-empty list")
    ids: list[str] = []
    for item in value:
        found = item.get("id") if isinstance(item, dict) else None
        if not isinstance(found, str):
            raise FrameworkError(f"{path}: every entry of {key} needs an id")
        ids.append(found)
    return tuple(ids)
