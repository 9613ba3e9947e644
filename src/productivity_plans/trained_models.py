"""Where trained coding models are kept, and which is the newest.

A look at the file system only, so it is cheap to import: the ingest writer chooses its model
before any worker starts, and importing the coding stage (numpy, scikit-learn: seconds of CPU)
to do so held the start of the workers back by as much (docs/pipeline.md).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from productivity_plans.config import data_dir

MODEL_FILE = "coding.joblib"  # a trained model's classifiers (coding.train)
TRAINED_FILE = "trained.json"  # when and from what it was trained (coding_jobs)


def models_dir() -> Path:
    return data_dir() / "models"


def latest_model_dir(root: Path | None = None) -> Path | None:
    """The most recently trained model under ``root`` (default: the data dir's models)."""
    root = root or models_dir()
    if not root.is_dir():
        return None
    found = [d for d in root.iterdir() if (d / MODEL_FILE).is_file()]
    if not found:
        return None

    def trained_at(directory: Path) -> str:
        try:
            meta = json.loads((directory / TRAINED_FILE).read_text(encoding="utf-8"))
            return str(meta["trained_at"])
        except (OSError, ValueError, KeyError):
            stamp = (directory / MODEL_FILE).stat().st_mtime
            return datetime.fromtimestamp(stamp, UTC).isoformat()

    return max(found, key=lambda d: (trained_at(d), d.name))
