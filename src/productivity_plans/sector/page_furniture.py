"""Page furniture: the text around a council's words that is about the page, not the plan.

Captured web and democracy pages carry form remnants (``<input type="checkbox"/>``), links
("Share this item", "PDF 169 KB", "Additional documents", "Webcast for …"), navigation and
cookie notices, and agenda furniture (meeting headers, who moved and seconded, apologies, report
cover-sheet rows, appendix lists). None of it is close to the framework, so without this filter
it is exactly what the emergent themes found ("checkbox · input · type · appendix"). Kept here,
not in ingest: the stored text stays as captured, so citations and offsets stay true.
"""

from __future__ import annotations

import re

# Removed wherever they occur in a line.
_INLINE = re.compile(
    r"<[a-zA-Z/!][^<>]{0,300}>"  # HTML tags and form remnants
    r"|&(?:[a-zA-Z]{2,8}|#\d{1,6});"  # entities
    r"|\b(?:PDF|DOCX?|XLSX?|PPTX?|ODT|CSV|RTF|HTML?)\s*\d+(?:[.,]\d+)?\s*[KMG]B\b"  # file sizes
    r"|\(\s*(?:see\s+)?(?:appendix|annex|item)\s+[\w.]+\s*\)"  # "(Item 105.)", "(see Appendix A)"
    r"|,?\s*\bitem\s+\d+[a-z]?\b\.?"  # ", item 8"
    r"|[☐☑☒✓✔]",
    re.IGNORECASE,
)
# A line (bullets and numbering stripped) that starts with one of these is furniture as a whole.
_LINE_STARTS = (
    # links and page tools
    r"share this (?:item|page)\b",
    r"subscribe to updates\b",
    r"print (?:this )?page\b",
    r"additional documents\b",
    r"attachments?:",
    r"related (?:documents|links|pages)\b",
    r"webcast\b",
    r"background (?:papers|documents|to (?:the )?item)\b",
    # navigation and cookies
    r"skip to (?:main )?content\b",
    r"back to top\b",
    r"toggle (?:menu|navigation)\b",
    r"(?:main )?menu$",
    r"search(?: this site)?$",
    r"home$",
    r"you are here\b",
    r".*\bcookies?\b",
    # agenda and cover-sheet furniture
    r"issue - ",
    r"meeting:",
    r"meeting of\b",
    r"minutes:?$",
    r"agenda(?: item)?\b",
    r"item \d+\b",
    r"apologies\b",
    r"declarations? of (?:interests?|members)\b",
    r"(?:it was )?moved by\b",
    r".*\b(?:moved|proposed)\b.*\bseconded\b",
    r"resolved(?: that)?:?$",
    r"presented by\b",
    r"report (?:by|author)\b",
    r"classification\b",
    r"contact(?: officer)?\b",
    r"wards?\b.*\baffected\b",
    r"consultation:",
    r"key decision\b",
    r"exempt (?:information|report)\b",
    r"call[- ]in\b",
    r"decision maker\b",
    r"date of (?:meeting|decision|publication|report)\b",
    r"lead (?:officer|member)\b",
    # appendix references and lists
    r"(?:appendix|appendices|annex)\b",
)
_LINE = re.compile("^(?:" + "|".join(_LINE_STARTS) + ")", re.IGNORECASE)
# A meeting header ("Cabinet - Wednesday 17th July, 2024 10.00 am") or a sign-off row
# ("Director of Resources<TAB>Name<TAB>10/07/2024").
_HEADER = re.compile(
    r"\b\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?\b|\t.*\b\d{1,2}/\d{1,2}/\d{2,4}\s*$", re.IGNORECASE
)
_BULLET = re.compile(r"^[\s\-–—•·*▪◦>]*(?:\d+(?:\.\d+)*[.)]?\s+)?")


def is_furniture(line: str) -> bool:
    """Whether a whole line is about the page rather than the council's plan."""
    bare = _BULLET.sub("", line).strip()
    return bool(bare) and bool(_LINE.match(bare) or _HEADER.search(bare))


def without_furniture(text: str) -> str:
    """The text with furniture lines dropped and inline furniture removed, whitespace tidied."""
    kept: list[str] = []
    for line in text.splitlines():
        if is_furniture(line):
            continue
        line = _INLINE.sub(" ", line)
        if is_furniture(line):  # a line that only held a form, then a label
            continue
        line = " ".join(line.split())
        if line:
            kept.append(line)
    return "\n".join(kept)
