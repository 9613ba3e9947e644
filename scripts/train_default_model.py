"""Retrain the shipped coding model (src/productivity_plans/coding/model/default) on the
development part of the labelled corpus (tests/fixtures/corpus: passages.jsonl, with the
validation councils of split.yaml held out, so the sealed validation figures stay honest):

    PYTHONPATH=src python scripts/train_default_model.py
"""

from __future__ import annotations

import json
from pathlib import Path

from productivity_plans.accuracy import validation_councils
from productivity_plans.coding.evaluate import corpus_examples
from productivity_plans.coding.train import DEFAULT_MODEL_DIR, train
from productivity_plans.framework.loader import load_framework

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


def main() -> None:
    sealed = validation_councils(CORPUS / "split.yaml")
    labels = [json.loads(x) for x in (CORPUS / "labels.jsonl").read_text().splitlines() if x]
    held_out = {d["file"] for d in labels if d["council_code"] in sealed}
    examples = corpus_examples(CORPUS / "passages.jsonl", CORPUS / "docs", exclude=held_out)
    model = train(examples, load_framework())
    path = model.save(DEFAULT_MODEL_DIR)
    print(f"saved {model.version} to {path} ({path.stat().st_size / 1e3:.0f} KB)")
    print(f"trained on {len(examples)} passages; held out {len(held_out)} validation documents")


if __name__ == "__main__":
    main()
