"""Importing this module readies the extract stage in the importing process.

It imports the stage and runs it over the bundled example documents, which builds what the
stage otherwise builds on its first documents: the council matcher and the compiled rules. The
ingest pool's forkserver imports it before forking any worker (``pipeline._pool_context``), so
the workers start with all of that instead of each building it again.
"""

from __future__ import annotations

from importlib import resources

from productivity_plans.extract import extract_facts


def _ready() -> None:
    examples = resources.files("productivity_plans") / "examples"
    try:
        texts = [
            p.read_text(encoding="utf-8") for p in examples.iterdir() if p.name.endswith(".txt")
        ]
    except OSError:
        return  # an install without the examples: workers build the rest on first use
    for text in texts:
        extract_facts(text)


_ready()
