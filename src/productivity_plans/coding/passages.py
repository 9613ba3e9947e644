"""Split a document into passages: paragraphs, list items and table rows, with offsets.

Headings are not passages; the nearest preceding heading is carried as context. Offsets are
character offsets into the document text and ``text[start:end] == passage.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from productivity_plans.coding.records import Passage
from productivity_plans.ingest.records import BlockKind, ParsedDocument

# "- x", "• x", "· x", "* x", "1. x", "1) x", "a) x", "(a) x", "1.1 x", "- 1.5 x"
_BULLET = re.compile(
    r"^\s*(?:[-–•·*▪◦]\s*)?(?:[-–•·*▪◦]|\(?[0-9]{1,2}[.)]|[0-9]{1,2}(?:\.[0-9]{1,2})+\.?|\(?[a-zA-Z][.)])\s+"
)
_HARD_BULLET = re.compile(r"^\s*[-–•·*▪◦]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_TRAILING_FUNCTION_WORD = re.compile(
    r"\b(?:the|then|a|an|of|and|or|to|in|for|with|on|by|its|their|our|that|which|from|as|be)\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
MAX_HEADING_WORDS = 14


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _page_of(pages: list[tuple[int, int, int]], offset: int) -> int:
    for number, start, end in pages:
        if start <= offset < end:
            return number
    return pages[-1][0] if pages else 1


def passages_from_parsed(parsed: ParsedDocument) -> list[Passage]:
    """Passages from a parser's blocks (paragraphs, list items, table rows), headings as context.

    A document without blocks falls back to :func:`passages_from_text` on its text.
    """
    if not parsed.blocks:
        pages = [(p.number, p.start, p.end) for p in parsed.pages]
        return [
            Passage(p.text, _page_of(pages, p.start), p.start, p.end, p.block, p.heading, p.index)
            for p in passages_from_text(parsed.text)
        ]
    out: list[Passage] = []
    heading: str | None = None
    for block in sorted(parsed.blocks, key=lambda b: b.start):
        start, end = _trimmed(parsed.text, block.start, block.end)
        if start >= end:
            continue
        text = parsed.text[start:end]
        if block.kind == BlockKind.HEADING:
            heading = " ".join(text.split())
            continue
        out.append(Passage(text, block.page, start, end, str(block.kind), heading, len(out)))
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line)
        pos += len(line)


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    words = _WORD.findall(line)
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if line.rstrip().endswith(":") and len(words) <= 4 and line.lstrip()[:1].isupper():
        return True  # a label such as "Risk:" or "Legal:"
    if _SENTENCE_END.search(line) or _TRAILING_FUNCTION_WORD.search(line):
        return False
    if "\t" in line or _HARD_BULLET.match(line):
        return False
    if "," in line and len(words) > 5:
        return False
    first = line.lstrip()[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    # a heading is followed by a break or a line that starts a new unit
    if next_line is None:
        return len(words) <= 6  # a long unpunctuated last line is a cut-off paragraph
    if not next_line.strip():
        return True
    nxt = next_line.lstrip()[:1]
    return nxt.isupper() or nxt.isdigit() or bool(_HARD_BULLET.match(next_line))


def passages_from_text(text: str) -> list[Passage]:
    """Passages from a plain string: blank lines and line structure separate units; bullets and
    numbered items are list items; tab-separated lines are table rows; short unpunctuated lines
    followed by a new unit are headings (carried as context, not returned)."""
    raw = [(s, e) for s, e in _lines(text)]
    out: list[Passage] = []
    heading: str | None = None
    para: list[tuple[int, int]] = []  # line spans of the paragraph being built

    def flush() -> None:
        nonlocal para
        if para:
            start, end = _trimmed(text, para[0][0], para[-1][1])
            if start < end:
                out.append(Passage(text[start:end], 1, start, end, "paragraph", heading, len(out)))
        para = []

    for i, (s, e) in enumerate(raw):
        line = text[s:e]
        if not line.strip():
            flush()
            continue
        nxt = None
        for s2, e2 in raw[i + 1 :]:
            nxt = text[s2:e2]
            break
        if "\t" in line.strip():
            flush()
            start, end = _trimmed(text, s, e)
            out.append(Passage(text[start:end], 1, start, end, "table_row", heading, len(out)))
            continue
        continues = bool(para) and not _SENTENCE_END.search(text[para[-1][0] : para[-1][1]])
        if not continues and _BULLET.match(line):
            flush()
            start, end = _trimmed(text, s, e)
            out.append(Passage(text[start:end], 1, start, end, "list_item", heading, len(out)))
            continue
        if not para and _looks_like_heading(line, nxt):
            heading = " ".join(line.split())
            continue
        para.append((s, e))
        if _SENTENCE_END.search(line) and (nxt is None or not nxt[:1].islower()):
            flush()
    flush()
    return out
