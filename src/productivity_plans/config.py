"""Settings from the environment and command-line flags: database URL, data directory, limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "productivity-plans"
DATABASE_URL_ENV = "PRODPLANS_DATABASE_URL"
DATA_DIR_ENV = "PRODPLANS_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Limits:
    """Guards against huge or hostile files. Every limit is configurable (env or flags)."""

    max_file_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2_000
    # DOCX and other zip containers: total uncompressed size and compression ratio.
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 100.0
    max_zip_members: int = 10_000
    # Files in one batch: discovery stops there, so a runaway folder cannot fill memory.
    max_files: int = 100_000
    # Characters of text per document (≈ 3,000 pages of dense print): a longer text is refused
    # (too_large) rather than stored, coded and searched.
    max_chars: int = 10_000_000

    @classmethod
    def from_env(cls) -> Limits:
        def num(name: str, default: float) -> float:
            raw = os.environ.get(f"PRODPLANS_{name.upper()}")
            return float(raw) if raw else default

        base = cls()
        return cls(
            max_file_bytes=int(num("max_file_bytes", base.max_file_bytes)),
            max_pages=int(num("max_pages", base.max_pages)),
            max_unzipped_bytes=int(num("max_unzipped_bytes", base.max_unzipped_bytes)),
            max_zip_ratio=num("max_zip_ratio", base.max_zip_ratio),
            max_zip_members=int(num("max_zip_members", base.max_zip_members)),
            max_files=int(num("max_files", base.max_files)),
            max_chars=int(num("max_chars", base.max_chars)),
        )


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def default_sqlite_path() -> Path:
    return data_dir() / "prodplans.sqlite"


def database_url(explicit: str | None = None) -> str:
    """`--db` wins, then PRODPLANS_DATABASE_URL, then a SQLite file in the user's data dir.

    A bare path (no ``://``) is taken as a SQLite file.
    """
    raw = explicit or os.environ.get(DATABASE_URL_ENV)
    if not raw:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in raw:
        path = Path(raw).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw.removeprefix("postgres://")
    if raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw.removeprefix("postgresql://")
    return raw


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def load(cls, db: str | None = None) -> Settings:
        return cls(database_url=database_url(db), limits=Limits.from_env())
