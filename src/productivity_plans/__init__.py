"""Ingest, extract, code and analyse English councils' 2024 productivity plans."""

__version__ = "0.1.0"
