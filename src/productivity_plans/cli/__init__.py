"""The ``prodplans`` command: a thin shell that parses flags, calls library functions and prints.

Each module registers the commands of one area on the shared ``app``.
"""

from productivity_plans.cli import (
    backup,
    coding,
    documents,
    evaluate,
    governance,
    reference,
    sector,
    web,
    workspace,
)
from productivity_plans.cli.app import app

__all__ = [
    "app",
    "backup",
    "coding",
    "documents",
    "evaluate",
    "governance",
    "reference",
    "sector",
    "web",
    "workspace",
]
