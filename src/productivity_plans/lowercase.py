"""One lowercased copy of a document's text, shared by council identification and the extract
stage's scans (which find case-insensitive patterns in it; see ``extract/scan.py``).

Kept apart from both so that neither stage imports the other for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Letters that re.IGNORECASE equates with an ASCII letter while str.lower() leaves them alone.
CASE_TRAPS = "ıſ"


@dataclass(frozen=True, slots=True)
class Lowered:
    """A text and its lowercased copy (None when the copy's offsets cannot stand for the
    text's: scans then use the text itself)."""

    text: str
    low: str | None


@lru_cache(maxsize=4)
def lowered(text: str) -> Lowered:
    """``text`` with its lowercased copy, made once per document (cached: every rule of the
    extract stage and council identification ask for it)."""
    low = lower(text)
    if len(low) != len(text) or any(c in low for c in CASE_TRAPS):
        return Lowered(text, None)
    return Lowered(text, low)


def lower(text: str) -> str:
    """``text.lower()``, in half the time for a text of ASCII and a few other characters
    (quotes, dashes, bullets). ``str.lower`` looks every character of such a text up in the
    Unicode tables; ``bytes.lower`` maps the ASCII letters of its UTF-8 by a table and leaves
    the other characters be, which is the same when each of them is its own lowercase: that
    is checked on those characters alone."""
    if text.isascii():
        return text.lower()  # CPython's own table path
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    if others.lower() != others:
        return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


_ASCII = bytes(range(128))
