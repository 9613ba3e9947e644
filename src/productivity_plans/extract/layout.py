"""Normalise a text's layout before the rules read it, without moving a single character.

Spaces: no-break and other fixed-width spaces (HTML's ``&nbsp;``) become plain spaces and
carriage returns become spaces or newlines, so "16&nbsp;July 2024" is a date and Windows line
ends do not hide the end of a line.

Two-cell table rows: HTML and DOCX tables reach the text as cells joined by " | ". A row of
two cells is a label and its value ("Decision to be taken by | Cabinet"), the same furniture as
"Decision to be taken by: Cabinet", so its " | " becomes ":  " (or spaces after a label that
has its own colon) and the rules for labelled lines read both.

Text grid tables ("| Meeting held on | Monday 15 July 2024 |", as text captures draw a table)
give the same: a row of two cells becomes "Meeting held on:   Monday 15 July 2024", its bars
spaces.

Fields over two lines: pages built from headings or definition lists print a form's label on
its own line and its value under it ("Decision taker" / "Georgina Blackwood, Chief Executive").
The newline (and one blank line) after such a label becomes ":" (and a space), so it reads as
"Decision taker: Georgina Blackwood, Chief Executive", as the rules for labelled lines expect.

Soft line wraps: PDF text (and hard-wrapped captures) break every paragraph into lines of about
the same width. The rules read sentences and lines; a sentence cut at "approved by the" /
"Cabinet on 9 July" loses its body, its date or its verb. A wrap is told from a real line break
by shape: the line before it is nearly as long as the text's typical full line and does not end
a sentence or a label, and the line after it is neither blank, nor a new list item, nor a
form's field ("Date of decision: 9 July 2024"). Each such newline becomes a space, so the text
keeps its length and every offset the rules report still
points into the stored text. A word hyphenated over such a wrap ("ap-" / "proved") is joined,
the hyphen and the newline becoming spaces either side of it.
"""

from __future__ import annotations

import re

from productivity_plans.extract.dates import MONTH_NAMES

# Lines at least this share of the typical full-line width are full lines (wrapped).
FULL_LINE = 0.75
# Texts whose typical full line is longer than this are paragraph-per-line captures, not
# wrapped text: nothing to undo.
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 40
_NEW_ITEM = re.compile(
    r"[ \t]*(?:[-•·*▪]|\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z]\)|\(?[ivx]+\))\s"
    # a form's field ("Decision to be taken by: Cabinet") starts its own line, and so does a
    # decision form's box whose colon a PDF's text lost ("Decision maker City Mayor")
    r"|[ \t]*[A-Z][\w'’()/&,-]*(?:[ \t]+[\w'’()/&,-]+){0,6}:[ \t]"
    r"|[ \t]*(?:Decision[ \t]+(?:maker|taker)s?|Decision[ \t]+(?:taken|made)[ \t]+by"
    r"|Date[ \t]+of[ \t]+decision|Decision[ \t]+date"
    # and a CMIS cover table's ("For Consideration By", "Date to be Considered")
    r"|For[ \t]+Consideration[ \t]+By|Date[ \t]+to[ \t]+be[ \t]+Considered)[ \t]"
    # and the other boxes of a decision form or a report's cover table, their value opening
    # with a capital or a figure ("Subject Productivity Plan 2024", "Decision To approve …",
    # "Call-in expires 5pm, 19 July"); in running text such a word starts a line only after a
    # full stop, which ends the wrap anyway
    r"|[ \t]*(?:Subject|Decision|Reasons?(?:[ \t]+for[ \t]+(?:the[ \t]+)?decision)?"
    r"|Alternatives?(?:[ \t]+options)?[ \t]+considered|(?:Decision[ \t]+)?Reference|Meeting"
    r"|Date(?:[ \t]+of[ \t]+(?:publication|meeting))?|Report[ \t]+(?:of|author)"
    r"(?:[ \t]+and[ \t]+contact[ \t]+details)?|Author"
    r"|Wards?[ \t]+affected|Key[ \t]+decision\??|Purpose|Title|Contact[ \t]+officer|Status"
    r"|Conflicts?[ \t]+of[ \t]+interests?|Call-in(?:[ \t]+(?:expires|deadline|period))?|Signed"
    # an individual decision form's "Portfolio Leader of the Council" (not a wrapped "the" /
    # "Portfolio Holder for …")
    r"|Portfolio(?![ \t]+Holders?\b)"
    # a plan's document control ("Approved Executive, 2 July 2024", "Approved by Cabinet",
    # "Date approved 8 July 2024", "Submitted to DLUHC 18 July 2024")
    r"|(?:Approved|Endorsed|Agreed|Signed[ \t]+off)(?:[ \t]+by)?|Submitted(?:[ \t]+to)?"
    r"|Date[ \t]+(?:approved|agreed|submitted))"
    r"[ \t]+(?=[A-Z0-9])"
    # a minutes heading's second line: "Minutes of the meeting held on 9 July 2024"
    r"|[ \t]*(?:Minutes|MINUTES)[ \t]+(?:of|OF)[ \t]"
)
_ENDS_CLAUSE = frozenset(".:;!?")
# A rule drawn with dashes, equals signs or underscores: a separator, never a wrapped line.
_RULE = re.compile(r"[ \t]*[-=_~*]{3,}[ \t-=_~*]*")
# Three or more cells set out in columns ("Report of      Meeting      Date"): a table's row,
# not a wrapped line.
_COLUMNS = re.compile(r"\S[ \t]{4,}\S(?:[^\n]*?\S)?[ \t]{4,}\S")
# A running header or footer ends with its page number: never a wrapped line.
_PAGE_NUMBER_END = re.compile(r"\bPage\s+\d+(?:\s+of\s+\d+)?[ \t]*$", re.IGNORECASE)
# A table's row ending with its date ("Approval  Approved by the Leader … on 15 July 2024"),
# the next row's label in capitals: prose would end its sentence there with a full stop.
_DATE_END = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\s+20\d\d[ \t]*$")
_SPACE_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
# Looked for with `in` and replaced with a character class: str.translate with a table costs
# about 100 ns per character of non-ASCII text, more than all the rules together.
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


# A row of exactly two cells whose first is short enough to be a label.
_TWO_CELLS = re.compile(r"^([^\n|]{1,60}?) \| (?=[^\n|]*$)", re.MULTILINE)


# A two-cell row of a text grid table, as plain-text and PDF captures draw one:
# "| Meeting held on  | Monday 15 July 2024 at 6.30 pm |". A continuation row ("|   | Mahmood,
# Peter Oakes |") has no label and is left alone.
_GRID_ROW = re.compile(
    r"^(?P<lead>[ \t]*\|[ \t]*)(?P<label>[^|\s][^|\n]{0,59}?)(?P<gap>[ \t]*\|[ \t]*)"
    r"(?P<value>[^|\s][^|\n]*?)?(?P<tail>[ \t]*\|[ \t]*)$",
    re.MULTILINE,
)


# A decision form's label alone on its line, its value on the next (perhaps after a blank line).
_LABEL_OVER_VALUE = re.compile(
    # (perhaps a form's box number before it: "2 Decision maker")
    r"^([ \t]*(?:\d{1,2}\.?[ \t]+)?(?:Decision[ \t]+(?:maker|taker)s?"
    r"|Decisions?[ \t]+(?:taken|made)[ \t]+by"
    r"|Decided[ \t]+by"
    r"|Date[ \t]+of[ \t]+(?:the[ \t]+)?(?:decision|meeting)|Decision[ \t]+date|Meeting[ \t]+date"
    r"|Date[ \t]+decision[ \t]+(?:taken|made)|Report[ \t]+to|Report[ \t]+author|Decision))[ \t]*"
    r"(\n[ \t]*\n|\n)(?=[ \t]*\S)",
    re.IGNORECASE | re.MULTILINE,
)


# A word in letter-spaced capitals, as minutes and agenda packs print their markers: "R E S O L
# V E D", "A G E N D A".
_LETTER_SPACED = re.compile(r"(?<![\w ])(?:[A-Z] ){3,}[A-Z](?!\w)")


def _closed_up(word: re.Match[str]) -> str:
    """ "R E S O L V E D" as "RESOLVED" and as many spaces after it (same length)."""
    letters = word.group(0).replace(" ", "")
    return letters.ljust(len(word.group(0)))


def normalise(text: str) -> str:
    """Plain spaces and ``\\n`` line ends, letter-spaced capitals closed up, two-cell rows and
    fields over two lines as labelled lines, then :func:`unwrap` (same length throughout)."""
    if any(char in text for char in _SPACE_CHARS):
        text = _SPACES.sub(" ", text)
    text = _LETTER_SPACED.sub(_closed_up, text)
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if " | " in text:
        text = _TWO_CELLS.sub(_labelled, text)
    if "|" in text:
        text = _GRID_ROW.sub(_grid_labelled, text)
    text = _LABEL_OVER_VALUE.sub(_label_joined, text)
    return unwrap(text)


def _label_joined(field: re.Match[str]) -> str:
    """The label, then ":" for its newline and spaces for the rest of the gap (same length)."""
    gap = len(field.group(0)) - len(field.group(1))  # blanks and newlines only
    return field.group(1) + ":" + " " * (gap - 1)


def _grid_labelled(row: re.Match[str]) -> str:
    """The grid row as a labelled line: its bars become spaces, the label gets its colon."""
    label = row.group("label")
    colon = " " if label.endswith(":") else ":"
    return (
        " " * len(row.group("lead"))
        + label
        + colon
        + " " * (len(row.group("gap")) - 1)
        + (row.group("value") or "")
        + " " * len(row.group("tail"))
    )


def _labelled(row: re.Match[str]) -> str:
    label = row.group(1)
    return label + ("   " if label.rstrip().endswith(":") else ":  ")


def typical_width(widths: list[int]) -> int:
    """The width of a full line: the 90th percentile of the widths (without trailing
    whitespace) of the non-blank lines."""
    lengths = sorted(filter(None, widths))
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def unwrap(text: str) -> str:
    """``text`` with soft-wrap newlines replaced by spaces (same length)."""
    lines = text.split("\n")
    # Each line's width without trailing whitespace, measured once and in C: the typical width
    # and the wrap test read it (a line is blank exactly when its width is 0).
    widths = list(map(len, map(str.rstrip, lines)))
    width = typical_width(widths)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return text
    threshold = FULL_LINE * width
    # The lines after which the newline is a soft wrap: nearly full, not ending a clause, and
    # followed by a line that is neither blank nor a new list item.
    soft = [
        i
        for i, w in enumerate(widths[:-1])
        if w >= threshold
        and lines[i][w - 1] not in _ENDS_CLAUSE
        and widths[i + 1]
        and not _NEW_ITEM.match(lines[i + 1])
        and not _RULE.fullmatch(lines[i])
        and not _RULE.fullmatch(lines[i + 1])
        and not _COLUMNS.search(lines[i])
        and not _PAGE_NUMBER_END.search(lines[i])
        and not (_DATE_END.search(lines[i]) and lines[i + 1][:1].isupper())
    ]
    if not soft:
        return text
    # The lines and the newlines between them, a space after each soft-wrapped line.
    pieces = ["\n"] * (2 * len(lines) - 1)
    pieces[::2] = lines
    for i in soft:
        pieces[2 * i + 1] = " "
        _join_hyphenated(pieces, 2 * i)
    return "".join(pieces)


# A word hyphenated at a line's end ("ap-" / "proved by Cabinet"), as typeset PDFs break them
# (PDFium's soft-hyphen marks are hyphens by then; a text file may keep U+00AD): its first
# part, and the next line's indent and the word's rest.
_BROKEN_WORD_END = re.compile(r"(?<![\w-])([A-Za-z]+)[-\u00ad]$")
_BROKEN_WORD_REST = re.compile(r"([ \t]*)([a-z]+)")
_HYPHENS = ("-", "\u00ad")


def _join_hyphenated(pieces: list[str], at: int) -> None:
    """Join a word broken by a hyphen over the soft wrap after ``pieces[at]``, keeping the
    length: "was ap-" + " " + "proved by" becomes "was " + " " + "approved" + " " + " by",
    the hyphen, the wrap and the next line's indent turned into spaces either side of it."""
    if not pieces[at].endswith(_HYPHENS):
        return  # most wrapped lines end in a word
    end = _BROKEN_WORD_END.search(pieces[at])
    rest = _BROKEN_WORD_REST.match(pieces[at + 2])
    if end is None or rest is None:
        return
    indent, tail = rest.groups()
    pieces[at] = pieces[at][: end.start()] + " "
    pieces[at + 1] = end.group(1) + tail
    pieces[at + 2] = " " * (1 + len(indent)) + pieces[at + 2][rest.end() :]
