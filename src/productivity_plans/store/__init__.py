"""The system of record: documents, sources, pages and blocks, with full-text search, and the
extract stage's facts per document."""

# Imported for its tables: the models and the migrations must agree on the whole schema.
from productivity_plans.store import accounts, workspace
from productivity_plans.store.db import (
    DocumentSummary,
    SaveOutcome,
    Store,
    StoredText,
    StoreStats,
)
from productivity_plans.store.facts import StoredFacts
from productivity_plans.store.search import Marks, SearchHit

__all__ = [
    "DocumentSummary",
    "Marks",
    "SaveOutcome",
    "SearchHit",
    "Store",
    "StoreStats",
    "StoredFacts",
    "StoredText",
    "accounts",
    "workspace",
]
