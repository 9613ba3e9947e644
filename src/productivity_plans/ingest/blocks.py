"""Cutting text into blocks (headings, paragraphs, list items, table rows).

Two ways in:

* ``segment`` finds blocks inside text that already exists (PDF page text, plain text,
  Markdown). The text is never changed; blocks are offsets into it.
* ``TextBuilder`` assembles text from parts that arrive already structured (DOCX paragraphs,
  HTML elements), recording each part as a block as it is appended.

Either way every block's ``text[start:end]`` is non-empty and has no leading or trailing
whitespace, blocks are in order and do not overlap. ``cap_blocks`` then cuts any block longer
than ``MAX_BLOCK_CHARS`` (a text with no paragraph breaks is one block) into pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


# One line: (offset of its first non-space character, offset just after its last one, the
# stripped line); a blank line is ``(offset, offset, "")``. A plain tuple, as segment makes one
# for every line of every PDF page and a frozen dataclass instance takes much longer to build.
_Line = tuple[int, int, str]

# A line that opens a new block: a list item, else a numbered paragraph (one match, not two).
_OPENER_RE = re.compile(
    f"(?P<list>{LIST_ITEM_RE.pattern})|(?P<numbered>{NUMBERED_PARAGRAPH_RE.pattern})"
)
# Two words with a digit in each (a digit, later a space, later a digit), for ASCII text only:
# there [0-9] is exactly str.isdigit. \s is str.isspace, which str.split splits on, everywhere.
_TWO_ASCII_NUMBERS_RE = re.compile(r"[0-9]\S*\s.*[0-9]", re.DOTALL)


# The page's measure is the length of its long lines, not of its longest: a running header,
# a table row or a URL can be far wider than the text, and against it every line of ragged
# text would look short enough to end a paragraph.
MEASURE_QUANTILE = 0.9
MEASURE_MIN_LINES = 5


def _lines(text: str, lo: int, hi: int) -> tuple[list[_Line], int]:
    """The lines of ``text[lo:hi]``, and the page's measure (``MEASURE_QUANTILE`` of the
    stripped lines' lengths; the longest when there are few lines)."""
    lines: list[_Line] = []
    lengths: list[int] = []
    pos = lo
    for raw in text[lo:hi].split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            length = len(stripped)
            lines.append((start, start + length, stripped))
            lengths.append(length)
        else:
            lines.append((pos, pos, ""))
        pos += len(raw) + 1
    if len(lengths) < MEASURE_MIN_LINES:
        return lines, max(lengths, default=0)
    lengths.sort()
    return lines, lengths[int(MEASURE_QUANTILE * (len(lengths) - 1))]


def looks_like_heading(line: str) -> bool:
    """A short, title-like line: few words, no sentence punctuation at the end, starts with a
    capital or a number, and has some letters in it."""
    return _title_like(line) and not LIST_ITEM_RE.match(line)


def _title_like(line: str) -> bool:
    """``looks_like_heading`` but for the list-item test, which ``segment`` has made already.
    The cheap tests come first: most lines fail on length, ending or a label."""
    if len(line) > 90 or line.endswith(_SENTENCE_END):
        return False
    if ": " in line or "\t" in line:
        return False  # "Presented by: Councillor…", "Classification<TAB>Public": a label and value
    if "£" in line or "%" in line:
        return False  # a line of figures
    first = line.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return (
        1 <= len(line.split()) <= 12
        and _at_most_one_number(line)  # else a table row or a line of figures
        and _has_three_letters(line)
    )


def _at_most_one_number(line: str) -> bool:
    """At most one word has a digit in it: a regex search for ASCII lines, else str.isdigit on
    each word (re's \\d is not str.isdigit beyond ASCII: "²" is a digit only to the latter)."""
    if line.isascii():
        return _TWO_ASCII_NUMBERS_RE.search(line) is None
    return sum(any(map(str.isdigit, word)) for word in line.split()) <= 1


def _has_three_letters(line: str) -> bool:
    """Stops at the third letter, which in a title-like line is usually its third character."""
    letters = 0
    for ch in line:
        if ch.isalpha():
            letters += 1
            if letters == 3:
                return True
    return False


def segment(text: str, lo: int, hi: int, page: int, mode: Mode) -> list[Block]:
    """Blocks found in ``text[lo:hi]``, all on ``page``."""
    lines, width = _lines(text, lo, hi)
    pdf = mode is Mode.PDF
    blocks: list[Block] = []
    first = last = -1  # the open block is lines[first : last + 1]; none is open when first < 0
    kind = BlockKind.PARAGRAPH

    def narrow(line: str) -> bool:
        return len(line) < 0.7 * width or width < 40

    def flush() -> None:
        nonlocal first, kind
        if first >= 0:
            start, _, line = lines[first]
            block_kind = kind
            if (
                block_kind is BlockKind.PARAGRAPH
                and first == last
                and mode is not Mode.MARKDOWN
                and (mode is Mode.TEXT or narrow(line))
                and _title_like(line)
            ):
                block_kind = BlockKind.HEADING
            blocks.append(Block(block_kind, page, start, lines[last][1]))
        first = -1
        kind = BlockKind.PARAGRAPH

    for i, (start, end, line) in enumerate(lines):
        if not line:
            flush()
            continue
        heading = MARKDOWN_HEADING_RE.match(line) if not pdf and line.startswith("#") else None
        if heading:
            flush()
            offset = start + heading.start(2)
            blocks.append(Block(BlockKind.HEADING, page, offset, offset + len(heading.group(2))))
            continue
        opener = _OPENER_RE.match(line)
        if opener:
            flush()
            if opener.lastgroup == "list":
                kind = BlockKind.LIST_ITEM
        elif (
            pdf
            and (first < 0 or lines[last][2].endswith(_PDF_SENTENCE_END))
            and _title_like(line)
            and (narrow(line) or i + 1 == len(lines) or not lines[i + 1][2])
        ):
            # A short title-like line after a paragraph's end (or at the start) is a heading; a
            # wide one before a blank line (or the end) is a paragraph of its own.
            flush()
            block_kind = BlockKind.HEADING if narrow(line) else BlockKind.PARAGRAPH
            blocks.append(Block(block_kind, page, start, end))
            continue
        if first < 0:
            first = i
        last = i
        if pdf and _ends_pdf_paragraph(line, width):
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


# The longest block kept whole. Every later stage works per block, and some costs grow faster
# than its length: FTS5's snippet() took 10.9 s on one 1 MB block and 40 s on a 2 MB one, and
# a 95 MB text without a blank line was stored as one 99.6M-character block. Real paragraphs
# (and the longest table rows) of council papers are well under this.
MAX_BLOCK_CHARS = 4_000
# A sentence end: punctuation, any closing quotes or brackets, then white space.
_SENTENCE_BREAK_RE = re.compile(r"[.!?;:][\"')\]’”]*\s+")
_SPACE_RE = re.compile(r"\s+")


def cap_blocks(text: str, blocks: list[Block], limit: int = MAX_BLOCK_CHARS) -> list[Block]:
    """``blocks`` with each one longer than ``limit`` cut into pieces of at most ``limit``
    characters, of the same kind and page: after the last sentence end in a piece's second
    half, else at its last white space, else (a run of text with no space at all) at the
    limit. Offsets stay exact: each piece is ``text[start:end]``, stripped, in order."""
    if all(block.end - block.start <= limit for block in blocks):
        return blocks
    capped: list[Block] = []
    for block in blocks:
        if block.end - block.start <= limit:
            capped.append(block)
        else:
            capped.extend(_pieces(text, block, limit))
    return capped


def _pieces(text: str, block: Block, limit: int) -> Iterator[Block]:
    start = block.start
    while block.end - start > limit:
        cut = _cut(text, start, start + limit)
        piece = text[start:cut].rstrip()
        yield Block(block.kind, block.page, start, start + len(piece))
        space = _SPACE_RE.match(text, cut, block.end)
        start = space.end() if space else cut
    yield Block(block.kind, block.page, start, block.end)


def _cut(text: str, lo: int, hi: int) -> int:
    """Where the piece starting at ``lo`` ends, at most ``hi``: just after a sentence end or a
    space in the window's second half, so no piece is tiny."""
    half = lo + (hi - lo) // 2
    ends = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text, half, hi)]
    ends = ends or [m.end() for m in _SPACE_RE.finditer(text, half, hi)]
    return ends[-1] if ends else hi
