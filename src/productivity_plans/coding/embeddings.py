"""Offline sentence embedder: a model2vec static model distilled from all-MiniLM-L6-v2.

The weights live in the package (``coding/model/embedder``, rebuilt by
``scripts/distil_model.py``); nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

EMBEDDER_DIR = Path(str(resources.files("productivity_plans.coding") / "model" / "embedder"))
EMBEDDER_ID = "m2v-minilm-l6-256-f16"

Matrix = NDArray[np.float32]


class Embedder:
    """Encodes texts to L2-normalised float32 vectors."""

    def __init__(self, path: Path = EMBEDDER_DIR) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from model2vec import StaticModel

        self.path = path
        self._model: Any = StaticModel.from_pretrained(str(path))
        self.dim = int(self._model.dim)

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(
            self._model.encode(list(texts), show_progress_bar=False, use_multiprocessing=False),
            dtype=np.float32,
        )
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        result: Matrix = vectors / norms
        return result


@lru_cache(maxsize=2)
def load_embedder(path: str | None = None) -> Embedder:
    """The bundled embedder (cached per process)."""
    return Embedder(Path(path) if path else EMBEDDER_DIR)
