"""Normalise a text's layout before the rules read it, without moving a single character.

Spaces: no-break and other fixed-width spaces (HTML's ``&nbsp;``) become plain spaces and
carriage returns become spaces or newlines, so "16&nbsp;July 2024" is a date and Windows line
ends do not hide the end of a line.

Soft line wraps: PDF text (and hard-wrapped captures) break every paragraph into lines of about
the same width. The rules read sentences and lines; a sentence cut at "approved by the" /
"Cabinet on 9 July" loses its body, its date or its verb. A wrap is told from a real line break
by shape: the line before it is nearly as long as the text's typical full line and does not end
a sentence or a label, and the line after it is neither blank nor a new list item. Each such
newline becomes a space, so the text keeps its length and every offset the rules report still
points into the stored text.
"""

from __future__ import annotations

import re
from itertools import pairwise

# Lines at least this share of the typical full-line width are full lines (wrapped).
FULL_LINE = 0.75
# Texts whose typical full line is longer than this are paragraph-per-line captures, not
# wrapped text: nothing to undo.
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 40
_NEW_ITEM = re.compile(r"[ \t]*(?:[-•·*▪]|\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z]\)|\(?[ivx]+\))\s")
_ENDS_CLAUSE = frozenset(".:;!?")
_SPACE_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
# Looked for with `in` and replaced with a character class: str.translate with a table costs
# about 100 ns per character of non-ASCII text, more than all the rules together.
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


def normalise(text: str) -> str:
    """Plain spaces and ``\\n`` line ends, then :func:`unwrap` (same length throughout)."""
    if any(char in text for char in _SPACE_CHARS):
        text = _SPACES.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return unwrap(text)


def typical_width(lines: list[str]) -> int:
    """The width of a full line: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def unwrap(text: str) -> str:
    """``text`` with soft-wrap newlines replaced by spaces (same length)."""
    lines = text.split("\n")
    width = typical_width(lines)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return text
    threshold = FULL_LINE * width
    pieces: list[str] = []
    for line, following in pairwise(lines):
        stripped = line.rstrip()
        soft = (
            len(stripped) >= threshold
            and stripped[-1] not in _ENDS_CLAUSE
            and following.strip()
            and not _NEW_ITEM.match(following)
        )
        pieces.append(line)
        pieces.append(" " if soft else "\n")
    pieces.append(lines[-1])
    return "".join(pieces)
