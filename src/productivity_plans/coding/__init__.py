"""Coding stage: every passage coded to the framework (headings, sub-questions, barriers,
measures, initiatives) with confidence and evidence offsets. Pure: records in, records out."""

from productivity_plans.coding.classify import code_document, code_passages, code_text
from productivity_plans.coding.passages import passages_from_parsed, passages_from_text
from productivity_plans.coding.records import (
    BarrierCode,
    DocumentCodes,
    Evidence,
    MeasureCode,
    Passage,
    PassageCode,
    ThemeCode,
)
from productivity_plans.coding.train import CodingModel, TrainingExample, load_model, train

__all__ = [
    "BarrierCode",
    "CodingModel",
    "DocumentCodes",
    "Evidence",
    "MeasureCode",
    "Passage",
    "PassageCode",
    "ThemeCode",
    "TrainingExample",
    "code_document",
    "code_passages",
    "code_text",
    "load_model",
    "passages_from_parsed",
    "passages_from_text",
    "train",
]
