"""Split a document into passages: paragraphs, list items and table rows, with offsets.

One splitter for every path: the parser's blocks (a plain string is cut into blocks as a text
file is at ingest), with a block of many lines cut again by its line structure.

Headings are not passages; the nearest preceding heading is carried as context. Offsets are
character offsets into the document text and ``text[start:end] == passage.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from productivity_plans.coding.records import Passage
from productivity_plans.ingest.blocks import Mode, segment
from productivity_plans.ingest.records import Block, BlockKind, ParsedDocument

# "- x", "• x", "· x", "* x", "1. x", "1) x", "a) x", "(a) x", "1.1 x", "- 1.5 x"
_BULLET = re.compile(
    r"^\s*(?:[-–•·*▪◦]\s*)?(?:[-–•·*▪◦]|\(?[0-9]{1,2}[.)]|[0-9]{1,2}(?:\.[0-9]{1,2})+\.?|\(?[a-zA-Z][.)])\s+"
)
HARD_BULLET = re.compile(r"^\s*[-–•·*▪◦]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
# A line ending on one of these runs on ("… weekly food waste collections under" / "Simpler
# Recycling, …"): prepositions that end no title were added in round 34.
_TRAILING_FUNCTION_WORD = re.compile(
    r"\b(?:the|then|a|an|of|and|or|to|in|for|with|on|by|its|their|our|that|which|from|as|be"
    r"|under|at|into|than|between|within|across|through|including|per|via|onto|upon|towards"
    r"|against)\s*$",
    re.IGNORECASE,
)
# One sentence ending and the next starting on the line: running text, not a title.
_SENTENCE_INSIDE = re.compile(r"[a-z][.!?][ \t]+[A-Z]")
_WORD = re.compile(r"\w+")
# "Q1.", "2.", "3.1", "A)": a title's number
_NUMBERED_TITLE = re.compile(r"\s*(?:Q\d+|\d+(?:\.\d+)*|[A-Z])[.):]?\s", re.IGNORECASE)
MAX_HEADING_WORDS = 18  # the framework's own heading wording, repeated as a title, runs to 16
# A block of this many lines or more is cut again by its line structure (see _from_blocks).
MANY_LINES = 3
MIN_LEAD_IN_WORDS = 6
# An item in lower case this long fills a printed line: it wraps (see _clause_item).
MIN_CLAUSE_ITEM_WORDS = 9


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

    A document without blocks is cut into blocks as plain text first, so every path (ingest,
    inspect, evaluation, a plain string) splits a text the same way.
    """
    blocks = parsed.blocks or segment(parsed.text, 0, len(parsed.text), 1, Mode.TEXT)
    pages = [(p.number, p.start, p.end) for p in parsed.pages]
    if not parsed.blocks and pages:
        blocks = [Block(b.kind, _page_of(pages, b.start), b.start, b.end) for b in blocks]
    return _from_blocks(parsed.text, blocks)


def passages_from_text(text: str) -> list[Passage]:
    """Passages from a plain string, cut into blocks as a text file is at ingest."""
    return _from_blocks(text, segment(text, 0, len(text), 1, Mode.TEXT))


def _from_blocks(text: str, blocks: list[Block]) -> list[Passage]:
    """Headings become context; a block of many lines is cut again by its line structure, since
    a block segmenter that missed a paragraph break (a list item that swallowed the paragraphs
    after it, a form laid out one field per line) would otherwise make one passage of many."""
    out: list[Passage] = []
    heading: str | None = None
    for block in _run_on(text, sorted(blocks, key=lambda b: b.start)):
        start, end = _trimmed(text, block.start, block.end)
        if start >= end:
            continue
        if block.kind == BlockKind.HEADING:
            title = " ".join(text[start:end].split())
            if not _is_lead_in(title):
                heading = title
                continue
            # a sentence introducing a list: a passage under the section it is in
            kind = str(BlockKind.PARAGRAPH)
            out.append(Passage(text[start:end], block.page, start, end, kind, heading, len(out)))
            continue
        lines = text.count("\n", start, end) + 1
        if lines >= MANY_LINES or (lines == 2 and _titled(text[start:end])):
            heading = _line_passages(text, start, end, block.page, heading, out)
            continue
        out.append(
            Passage(text[start:end], block.page, start, end, str(block.kind), heading, len(out))
        )
    return out


def _run_on(text: str, blocks: list[Block]) -> list[Block]:
    """The blocks with a "heading" that runs on into the next block joined to it: a table
    cell's first line in a PDF ("Councils spend large sums preparing competitive bids for" /
    "small pots. …") is the start of a sentence, not a title, when it ends on a function word
    or the next block starts in lower case. A numbered title wrapped over two lines ("Q1. How
    have you transformed the way you design and deliver" / "services …?") stays a title; a
    numbered paragraph whose first line holds a sentence's end ("5.2 Fair funding. Our funding is
    still based" / "on population …", a two-column page read one line per block) is running
    text (round 34)."""
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if before is not None and before.kind == BlockKind.HEADING:
            head = text[before.start : before.end].strip()
            following = text[block.start : block.end].lstrip()
            if (
                head
                and following
                and (not _NUMBERED_TITLE.match(head) or _SENTENCE_INSIDE.search(head))
                and (_TRAILING_FUNCTION_WORD.search(head) or following[:1].islower())
            ):
                out[-1] = Block(BlockKind.PARAGRAPH, before.page, before.start, block.end)
                continue
        out.append(block)
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line)
        pos += len(line)


def _wraps(line: str, next_line: str) -> bool:
    """Whether an item's line runs on into the next, as hard-wrapped PDF text prints a
    numbered paragraph ("5.1 Our core spending power is among the lowest in" / "England."):
    it breaks a word or ends on a function word, or the next line starts in lower case. An
    item without a full stop followed by a capitalised line is a short item, not a wrap."""
    if not next_line.strip() or _BULLET.match(next_line) or _SENTENCE_END.search(line):
        return False
    return (
        line.rstrip().endswith("-")
        or bool(_TRAILING_FUNCTION_WORD.search(line))
        or next_line.lstrip()[:1].islower()
        or _clause_item(line)
    )


def _clause_item(line: str) -> bool:
    """An item that continues a lead-in sentence ("• the new duty to collect garden waste from
    April" / "2026, for which …"): it starts in lower case and fills a printed line, so a line
    after it that is not a new item carries on its clause, whatever its first character (a
    year, a proper name). A short item ("• street cleaning") is a whole item (round 29)."""
    item = _BULLET.sub("", line, count=1).strip()
    return item[:1].islower() and len(_WORD.findall(item)) >= MIN_CLAUSE_ITEM_WORDS


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    words = _WORD.findall(line)
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if line.rstrip().endswith(":") and len(words) <= 4 and line.lstrip()[:1].isupper():
        return True  # a label such as "Risk:" or "Legal:"
    if _SENTENCE_END.search(line) or _TRAILING_FUNCTION_WORD.search(line):
        return False
    if _SENTENCE_INSIDE.search(line):
        return False  # "… pressure on our budget. We have more than": a paragraph's first line
    if "\t" in line or HARD_BULLET.match(line):
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
    return nxt.isupper() or nxt.isdigit() or bool(HARD_BULLET.match(next_line))


def _titled(block: str) -> bool:
    """A two-line block whose first line is a title ("Theme 2: Technology and data" over its
    first paragraph, with no blank line between)."""
    first, second = block.split("\n", 1)
    return _looks_like_heading(first, second)


def _is_lead_in(line: str) -> bool:
    """ "We did three things to cut costs last year:" is a sentence, though a segmenter may take
    a line ending in a colon for a heading."""
    return line.endswith(":") and len(_WORD.findall(line)) >= MIN_LEAD_IN_WORDS


def _line_passages(
    text: str, lo: int, hi: int, page: int, heading: str | None, out: list[Passage]
) -> str | None:
    """Append the passages of ``text[lo:hi]`` cut by line structure to ``out``: blank lines and
    sentence ends separate paragraphs, wrapped lines are joined, bullets and numbered items are
    list items, tab-separated lines are table rows, short unpunctuated lines followed by a new
    unit are headings (context, not passages). Returns the heading in force at the end."""
    raw = list(_lines(text[lo:hi]))
    para: list[tuple[int, int]] = []  # line spans of the paragraph being built
    para_kind = "paragraph"  # or "list_item": an item whose text wraps onto the next lines

    def add(start: int, end: int, kind: str) -> None:
        start, end = _trimmed(text, lo + start, lo + end)
        if start < end:
            out.append(Passage(text[start:end], page, start, end, kind, heading, len(out)))

    def flush() -> None:
        nonlocal para, para_kind
        if para:
            add(para[0][0], para[-1][1], para_kind)
        para, para_kind = [], "paragraph"

    span = text[lo:hi]
    for i, (s, e) in enumerate(raw):
        line = span[s:e]
        if not line.strip():
            flush()
            continue
        nxt = span[raw[i + 1][0] : raw[i + 1][1]] if i + 1 < len(raw) else None
        if "\t" in line.strip():
            flush()
            add(s, e, "table_row")
            continue
        continues = bool(para) and not _SENTENCE_END.search(span[para[-1][0] : para[-1][1]])
        if not continues and _BULLET.match(line):
            flush()
            if nxt is not None and _wraps(line, nxt):
                para, para_kind = [(s, e)], "list_item"
            else:
                add(s, e, "list_item")
            continue
        if not para and _looks_like_heading(line, nxt):
            heading = " ".join(line.split())
            continue
        para.append((s, e))
        if _SENTENCE_END.search(line) and (nxt is None or not nxt[:1].islower()):
            flush()
    flush()
    return heading
