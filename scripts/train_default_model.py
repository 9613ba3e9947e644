"""Retrain the shipped coding model (src/productivity_plans/coding/model/default) on
tests/fixtures/corpus/passages.jsonl:  PYTHONPATH=src python scripts/train_default_model.py"""

from productivity_plans.coding.train import train_default

if __name__ == "__main__":
    train_default()
