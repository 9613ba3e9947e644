"""PDF text with pypdfium2: per-page text, page boundaries, and blocks found in each page."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdfium2.version import PDFIUM_INFO, PYPDFIUM_INFO

from productivity_plans.config import Limits
from productivity_plans.ingest.blocks import Mode, segment
from productivity_plans.ingest.errors import CorruptFile, EncryptedFile, TooLarge
from productivity_plans.ingest.records import Block, BlockKind, Page, ParsedDocument
from productivity_plans.ingest.sniff import check_chars

PARSER = "pypdfium2"
PARSER_VERSION = f"pypdfium2 {PYPDFIUM_INFO} (PDFium {PDFIUM_INFO})"
PAGE_SEPARATOR = "\n\n"
NO_TEXT_LAYER = "no_text_layer"

# The Latin ligatures of Unicode's compatibility block (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ).
_LIGATURES = re.compile("[\ufb00-\ufb06]")

_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


def normalise_page_text(raw: str) -> str:
    """Minimal clean-up of what PDFium returns: ``\\r\\n`` → ``\\n``, form feeds and NULs
    dropped, PDFium's marks of a hyphen at a line's end given back their line break, typeset
    ligatures as their letters ("ﬁnance" is "finance" to every rule and search), trailing
    spaces on lines and blank lines at the page's ends removed. Nothing else is touched.

    PDFium joins a line that ends in a hyphen to the next and marks the hyphen (U+FFFE, or
    0x02): "gov\ufffeernment". Shown as a hyphen inside the line ("gov-ernment"), the word was
    lost to every rule; given back as the page prints it, a hyphen and a line break ("gov-" /
    "ernment"), the line is read as every other wrapped line is (docs/ingest.md, "Hyphens at a
    line's end")."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").replace("\0", "")
    text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
    if _LIGATURES.search(text):
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def parse_pdf(path: Path, limits: Limits) -> ParsedDocument:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PASSWORD_ERRORS:
            raise EncryptedFile(
                f"{path.name} is password-protected; save an unprotected copy to ingest it"
            ) from exc
        raise CorruptFile(f"{path.name} is not a readable PDF ({exc})") from exc
    try:
        page_count = len(pdf)
        if page_count > limits.max_pages:
            raise TooLarge(
                f"{path.name} has {page_count:,} pages, over the limit of {limits.max_pages:,}"
            )
        page_texts = [_page_text(pdf, index) for index in range(page_count)]
        metadata_title = (pdf.get_metadata_dict(skip_empty=True).get("Title") or "").strip()
    finally:
        pdf.close()
    check_chars(path, sum(map(len, page_texts)), limits)  # before cutting blocks

    parts: list[str] = []
    pages: list[Page] = []
    blocks: list[Block] = []
    offset = 0
    for number, page_text in enumerate(page_texts, start=1):
        if number > 1:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        parts.append(page_text)
        pages.append(Page(number, offset, offset + len(page_text)))
        offset += len(page_text)
    text = "".join(parts)
    if not text.strip():
        # A scanned PDF: no text on any page. Stored as such, not an error.
        text = ""
        pages = [Page(page.number, 0, 0) for page in pages]
    for page in pages:
        blocks.extend(segment(text, page.start, page.end, page.number, Mode.PDF))

    warnings: list[str] = []
    empty = [page.number for page in pages if not text[page.start : page.end].strip()]
    if pages and len(empty) == len(pages):
        warnings.append(NO_TEXT_LAYER)
    elif empty:
        warnings.append("pages_without_text: " + ", ".join(str(n) for n in empty))
    if not pages:
        warnings.append("no_pages")

    title = metadata_title or None
    if title is None:
        first_heading = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
        if first_heading is not None:
            title = text[first_heading.start : first_heading.end]
    return ParsedDocument(
        text=text,
        pages=pages,
        blocks=blocks,
        parser=PARSER,
        parser_version=PARSER_VERSION,
        title=title,
        warnings=warnings,
    )


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return normalise_page_text(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
