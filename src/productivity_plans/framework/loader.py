"""Find and load framework files. A new regime is a new YAML file, not new code."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from productivity_plans.framework.files import (
    DEFAULT_FRAMEWORK,
    FrameworkError,
    read_framework_yaml,
    read_yaml_file,
)
from productivity_plans.framework.schema import Framework


def load_framework_file(path: Path) -> Framework:
    return _validate(path, read_yaml_file(path))


@lru_cache(maxsize=8)
def load_framework(name_or_path: str = DEFAULT_FRAMEWORK) -> Framework:
    """Load a bundled framework by id (``productivity-2024``) or any YAML file by path."""
    return _validate(*read_framework_yaml(name_or_path))


def _validate(path: Path, raw: dict[str, Any]) -> Framework:
    try:
        return Framework.model_validate(raw)
    except ValidationError as exc:
        raise FrameworkError(f"{path}: invalid framework:\n{exc}") from exc
