"""Sector tests build stored documents the way the store tests do."""

from tests.store.conftest import make_document

__all__ = ["make_document"]
