"""Find and load framework files. A new regime is a new YAML file, not new code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from productivity_plans.framework.schema import Framework

DEFAULT_FRAMEWORK = "productivity-2024"
_BUNDLED = resources.files("productivity_plans.framework") / "frameworks"
# libyaml's safe loader parses the framework in ≈ 7 ms, the pure-Python one in ≈ 50 ms, and
# every ingest worker loads it; PyYAML wheels ship libyaml, source builds may lack it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrameworkError(ValueError):
    """A framework file is missing or invalid; the message names the file and the problem."""


def bundled_frameworks() -> list[str]:
    return sorted(
        p.name.removesuffix(".yaml") for p in _BUNDLED.iterdir() if p.name.endswith(".yaml")
    )


def load_framework_file(path: Path) -> Framework:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkError(f"{path}: cannot read framework: {exc}") from exc
    if not isinstance(raw, dict):
        raise FrameworkError(f"{path}: a framework file must be a mapping")
    try:
        return Framework.model_validate(raw)
    except ValidationError as exc:
        raise FrameworkError(f"{path}: invalid framework:\n{exc}") from exc


@lru_cache(maxsize=8)
def load_framework(name_or_path: str = DEFAULT_FRAMEWORK) -> Framework:
    """Load a bundled framework by id (``productivity-2024``) or any YAML file by path."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        return load_framework_file(path)
    bundled = _BUNDLED / f"{name_or_path}.yaml"
    if not bundled.is_file():
        known = ", ".join(bundled_frameworks())
        raise FrameworkError(f"unknown framework {name_or_path!r}; bundled: {known}")
    with resources.as_file(bundled) as real_path:
        return load_framework_file(real_path)
