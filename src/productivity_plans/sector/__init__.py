"""Sector-wide analyses over the store: tidy tables and per-council views (governance first)."""
