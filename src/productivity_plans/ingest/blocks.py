"""Cutting text into blocks (headings, paragraphs, list items, table rows).

Two ways in:

* ``segment`` finds blocks inside text that already exists (PDF page text, plain text,
  Markdown). The text is never changed; blocks are offsets into it.
* ``TextBuilder`` assembles text from parts that arrive already structured (DOCX paragraphs,
  HTML elements), recording each part as a block as it is appended.

Either way every block's ``text[start:end]`` is non-empty and has no leading or trailing
whitespace, blocks are in order and do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from productivity_plans.ingest.records import Block, BlockKind, Page

# "- item", "• item", "1. item", "a) item", "(iv) item", "ii. item"
LIST_ITEM_RE = re.compile(
    r"[-*+•●▪■◦‣∙·–—]\s+\S"
    r"|\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]\s+\S"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})\)\s+\S"
)
# "1.1 The council…", "2.3.4 Savings…": numbered report paragraphs start a new paragraph.
NUMBERED_PARAGRAPH_RE = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?\s+\S")
MARKDOWN_HEADING_RE = re.compile(r"(#{1,6})[ \t]+(\S.*?)[ \t]*#*[ \t]*$")
_SENTENCE_END = (".", "!", "?", ";", ",")
_PDF_SENTENCE_END = (".", "!", "?", ";", ":")


class Mode(Enum):
    PDF = "pdf"  # lines wrap at the page width; paragraphs are often not separated by blank lines
    TEXT = "text"  # paragraphs separated by blank lines
    MARKDOWN = "markdown"  # as TEXT, and only ``#`` lines are headings


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset just after the last non-space character
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str, lo: int, hi: int) -> Iterator[_Line]:
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        line_end = hi if nl == -1 else nl
        raw = text[pos:line_end]
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            yield _Line(start, start + len(stripped), stripped)
        else:
            yield _Line(pos, pos, "")
        pos = line_end + 1


def looks_like_heading(line: str) -> bool:
    """A short, title-like line: few words, no sentence punctuation at the end, starts with a
    capital or a number, and has some letters in it."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 90:
        return False
    if line.endswith(_SENTENCE_END) or LIST_ITEM_RE.match(line):
        return False
    if ": " in line or "\t" in line:
        return False  # "Presented by: Councillor…", "Classification<TAB>Public": a label and value
    if sum(any(ch.isdigit() for ch in word) for word in words) > 1 or "£" in line or "%" in line:
        return False  # a table row or a line of figures
    first = line.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return sum(ch.isalpha() for ch in line) >= 3


def segment(text: str, lo: int, hi: int, page: int, mode: Mode) -> list[Block]:
    """Blocks found in ``text[lo:hi]``, all on ``page``."""
    lines = list(_lines(text, lo, hi))
    width = max((len(line.text) for line in lines), default=0)
    blocks: list[Block] = []
    current: list[_Line] = []
    kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal current, kind
        if current:
            block_kind = kind
            if (
                block_kind is BlockKind.PARAGRAPH
                and mode is not Mode.MARKDOWN
                and len(current) == 1
                and looks_like_heading(current[0].text)
                and (mode is Mode.TEXT or len(current[0].text) < 0.7 * width or width < 40)
            ):
                block_kind = BlockKind.HEADING
            blocks.append(Block(block_kind, page, current[0].start, current[-1].end))
        current = []
        kind = BlockKind.PARAGRAPH

    for i, line in enumerate(lines):
        if line.blank:
            flush()
            continue
        heading = MARKDOWN_HEADING_RE.match(line.text) if mode is not Mode.PDF else None
        if heading:
            flush()
            offset = line.start + heading.start(2)
            blocks.append(Block(BlockKind.HEADING, page, offset, offset + len(heading.group(2))))
            continue
        if LIST_ITEM_RE.match(line.text):
            flush()
            kind = BlockKind.LIST_ITEM
        elif NUMBERED_PARAGRAPH_RE.match(line.text):
            flush()
        elif (
            mode is Mode.PDF
            and (not current or current[-1].text.endswith(_PDF_SENTENCE_END))
            and looks_like_heading(line.text)
        ):
            # A short title-like line after a paragraph's end (or at the start) is a heading.
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if len(line.text) < 0.7 * width or width < 40 or nxt is None or nxt.blank:
                flush()
                current = [line]
                flush()
                continue
        current.append(line)
        if mode is Mode.PDF and _ends_pdf_paragraph(line.text, width):
            flush()
    flush()
    return blocks


def _ends_pdf_paragraph(line: str, width: int) -> bool:
    """In PDF text a paragraph's last line is usually short; a sentence end on a line that
    does not reach the right margin is taken as the end of the paragraph."""
    if len(line) < 0.6 * width:
        return True
    return line.endswith(_PDF_SENTENCE_END) and len(line) < 0.9 * width


class TextBuilder:
    """Appends block texts with a blank line between them, recording blocks and pages."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.pages: list[Page] = []

    def add(self, kind: BlockKind, text: str, page: int = 1) -> None:
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._append("\n\n")
        start = self._length
        self._append(text)
        self.blocks.append(Block(kind, page, start, self._length))

    def _append(self, part: str) -> None:
        self._parts.append(part)
        self._length += len(part)

    def text(self) -> str:
        return "".join(self._parts)

    def single_page(self) -> list[Page]:
        return [Page(1, 0, self._length)]


def join_cells(cells: list[str]) -> str:
    """One table row as text: cells joined by ``" | "``. Empty cells in the middle are kept so
    columns stay aligned; empty cells at the end are dropped. All-empty rows give ``""``."""
    cells = [cell.replace("\n", " ").strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def clean_inline(text: str) -> str:
    """Whitespace inside one block from markup (HTML, DOCX): collapse runs of spaces and tabs,
    keep single line breaks, drop empty lines and non-breaking / zero-width spaces."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\r", "\n")
    lines = (re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
