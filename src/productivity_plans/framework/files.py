"""Where framework files are and how they are read as YAML, shared by the full loader and the
light regime reader (neither imports the other's dependencies)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

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


def read_framework_yaml(name_or_path: str) -> tuple[Path, dict[str, Any]]:
    """(path, raw mapping) of a bundled framework by id (``productivity-2024``) or of any YAML
    file by path."""
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        return path, read_yaml_file(path)
    bundled = _BUNDLED / f"{name_or_path}.yaml"
    if not bundled.is_file():
        known = ", ".join(bundled_frameworks())
        raise FrameworkError(f"unknown framework {name_or_path!r}; bundled: {known}")
    with resources.as_file(bundled) as real_path:
        return real_path, read_yaml_file(real_path)


def read_yaml_file(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkError(f"{path}: cannot read framework: {exc}") from exc
    if not isinstance(raw, dict):
        raise FrameworkError(f"{path}: a framework file must be a mapping")
    return raw
