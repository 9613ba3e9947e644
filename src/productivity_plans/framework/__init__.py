"""The regime as data: headings, sub-questions, barrier taxonomy, outcomes and deadlines.

The validated schema (pydantic) is imported on first use of its names, so that ingest workers,
which read only :func:`load_regime`, never pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from productivity_plans.framework.files import DEFAULT_FRAMEWORK, FrameworkError, bundled_frameworks
from productivity_plans.framework.regime import Regime, load_regime

if TYPE_CHECKING:
    from productivity_plans.framework.loader import load_framework, load_framework_file
    from productivity_plans.framework.schema import Barrier, Framework, Heading, Question

_LAZY = {
    "load_framework": "loader",
    "load_framework_file": "loader",
    "Barrier": "schema",
    "Framework": "schema",
    "Heading": "schema",
    "Question": "schema",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)


__all__ = [
    "DEFAULT_FRAMEWORK",
    "Barrier",
    "Framework",
    "FrameworkError",
    "Heading",
    "Question",
    "Regime",
    "bundled_frameworks",
    "load_framework",
    "load_framework_file",
    "load_regime",
]
