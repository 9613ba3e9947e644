"""The regime as data: headings, sub-questions, barrier taxonomy, outcomes and deadlines."""

from productivity_plans.framework.loader import (
    DEFAULT_FRAMEWORK,
    FrameworkError,
    bundled_frameworks,
    load_framework,
    load_framework_file,
)
from productivity_plans.framework.schema import Barrier, Framework, Heading, Question

__all__ = [
    "DEFAULT_FRAMEWORK",
    "Barrier",
    "Framework",
    "FrameworkError",
    "Heading",
    "Question",
    "bundled_frameworks",
    "load_framework",
    "load_framework_file",
]
