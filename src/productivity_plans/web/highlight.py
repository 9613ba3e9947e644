"""Search snippets to safe HTML: escape the document's text first, then add the match marks.

The store puts private-use characters around matches (``MARK_START``/``MARK_END``); nothing
else in a snippet is trusted. After escaping, each start mark becomes ``<mark>`` and each end
mark ``</mark>``, only ever balanced, so hostile text (``<script>``, a stray mark character
inside the document) can neither inject markup nor leave an element open.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from productivity_plans.store.search import Marks

MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_MARKS = Marks(start=MARK_START, end=MARK_END, ellipsis="…")


# A snippet as runs of text between marks: each mark is a piece of its own.
_MARKS = re.compile(f"([{MARK_START}{MARK_END}])")


def highlight(snippet: str) -> Markup:
    out: list[str] = []
    open_mark = False
    for piece in _MARKS.split(str(escape(snippet))):
        if piece == MARK_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == MARK_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(piece)
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


def plain(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet without marks, and the (start, end) of each highlighted run in it."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for piece in _MARKS.split(snippet):
        if piece == MARK_START:
            start = length if start is None else start
        elif piece == MARK_END:
            if start is not None:
                spans.append((start, length))
                start = None
        else:
            text.append(piece)
            length += len(piece)
    if start is not None:
        spans.append((start, length))
    return "".join(text), spans


def coded_text(text: str, base: int, spans: list[tuple[int, int, int, str]]) -> Markup:
    """A block's text (starting at offset ``base`` of its document) with each passage
    ``(start, end, passage id, label)`` anchored ``id="p{id}"``: a ``<mark>`` when it carries
    codes (``label`` not empty), a plain ``<span>`` otherwise (search by meaning links to any
    passage). Each piece of text is escaped on its own before any markup is added; overlapping
    spans after the first are not marked, and offsets are clipped to the block."""
    out: list[str] = []
    at = 0
    for start, end, passage_id, label in sorted(spans):
        lo, hi = max(start - base, at), min(end - base, len(text))
        if hi <= lo:
            continue
        out.append(str(escape(text[at:lo])))
        if label:
            out.append(
                f'<mark class="pp-coded" id="p{int(passage_id)}" title="{escape(label)}">'
                f"{escape(text[lo:hi])}</mark>"
            )
        else:
            out.append(
                f'<span class="pp-passage-anchor" id="p{int(passage_id)}">'
                f"{escape(text[lo:hi])}</span>"
            )
        at = hi
    out.append(str(escape(text[at:])))
    return Markup("".join(out))
