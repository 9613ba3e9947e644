"""Importing this module readies the coding stage in the importing process.

It imports the stage (numpy, scikit-learn, model2vec: seconds), loads the shipped model and the
embedder and codes one bundled example, which compiles the framework's rules. The ingest pool's
forkserver imports it before forking any worker when a batch is coded
(``pipeline._pool_context``), so each worker starts with all of that instead of loading it on
its first task.
"""

from __future__ import annotations

from importlib import resources

from productivity_plans.coding.classify import code_text, default_model
from productivity_plans.coding.embeddings import load_embedder


def _ready() -> None:
    default_model()
    load_embedder()
    examples = resources.files("productivity_plans") / "examples"
    try:
        text = next(p for p in examples.iterdir() if p.name.endswith(".txt")).read_text("utf-8")
    except (OSError, StopIteration):
        return  # an install without the examples: the rules compile on first use
    code_text(text)


_ready()
