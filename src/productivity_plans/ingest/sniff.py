"""Telling what a file really is from its first bytes, and checking that against its name.

Media types are short names: ``pdf``, ``docx``, ``html``, ``text``.
"""

from __future__ import annotations

import codecs
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.ingest.errors import (
    EmptyFile,
    SpecialFile,
    TooLarge,
    Unreadable,
    UnsupportedType,
    WrongExtension,
)

HEAD_BYTES = 8192

EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".aspx": "html",  # saved ModernGov pages: mgAi.aspx, ieDecisionDetails.aspx…
    ".asp": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
# How a media type is named in messages.
LABELS = {"pdf": "PDF", "docx": "DOCX", "html": "HTML", "text": "plain text"}

# Binary formats people will try to feed in, with what to say about them.
_KNOWN_BINARIES: list[tuple[bytes, str]] = [
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Office file (.doc/.xls/.msg); save it as DOCX or PDF",
    ),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
]
_HTML_START_RE = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6]|article|main|section)\b",
    re.IGNORECASE | re.DOTALL,
)
_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


@dataclass(frozen=True, slots=True)
class Sniffed:
    media_type: str
    warnings: list[str] = field(default_factory=list)


def check_size(path: Path, limits: Limits) -> int:
    """Size of the file from ``stat``, before anything is read. Raises ``EmptyFile``,
    ``TooLarge`` or ``Unreadable``."""
    try:
        info = path.stat()
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable(f"{path.name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):  # opening a FIFO would wait for a writer for ever
        raise SpecialFile(f"{path.name} is a FIFO, socket or device, not a file: not read")
    size = info.st_size
    if size == 0:
        raise EmptyFile(f"{path.name} is empty (0 bytes)")
    if size > limits.max_file_bytes:
        raise TooLarge(
            f"{path.name} is {size:,} bytes, over the limit of {limits.max_file_bytes:,} bytes"
        )
    return size


def check_chars(path: Path, chars: int, limits: Limits) -> None:
    """Refuse a text longer than ``limits.max_chars``. Parsers that can tell early (plain text,
    PDF) call this before cutting blocks; ``parse_file`` checks every parser's result."""
    if chars > limits.max_chars:
        raise TooLarge(
            f"{path.name} holds {chars:,} characters of text, over the limit of "
            f"{limits.max_chars:,} (PRODPLANS_MAX_CHARS): split it into smaller files"
        )


def bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def content_type(path: Path, head: bytes) -> str:
    """Media type from the content alone. Raises ``UnsupportedType`` for unknown binaries."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_type(path)
    for magic, what in _KNOWN_BINARIES:
        if head.startswith(magic):
            raise UnsupportedType(f"{path.name} is {what}, which cannot be read")
    encoding = bom_encoding(head)
    if encoding is not None:
        sample = head.decode(encoding, errors="ignore").lstrip("\ufeff").encode("utf-8")
    elif _looks_binary(head):
        raise UnsupportedType(f"{path.name} is a binary file of an unknown type")
    else:
        sample = head
    return "html" if _HTML_START_RE.match(sample) else "text"


def _zip_type(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A zip that cannot be opened: if it is named .docx the DOCX parser reports it as
        # corrupt; otherwise it is just an archive we do not read.
        if path.suffix.lower() == ".docx":
            return "docx"
        raise UnsupportedType(f"{path.name} is a damaged ZIP archive") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        what = "an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint file (.pptx)"
    elif "content.xml" in names:
        what = "an OpenDocument file; save it as DOCX or PDF"
    else:
        what = "a ZIP archive; unpack it and ingest the files inside"
    raise UnsupportedType(f"{path.name} is {what}, which cannot be read")


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(head) // 50)


def sniff(path: Path, head: bytes) -> Sniffed:
    """Decide the media type, checking the content against the extension.

    A ``.pdf`` or ``.docx`` whose content is something else, or a ``.html``/``.txt`` file whose
    content is PDF or DOCX, raises ``WrongExtension`` naming both. HTML and plain text are both
    text: a ``.txt`` holding a web page is read as HTML (and the reverse) with a warning.
    """
    actual = content_type(path, head)
    suffix = path.suffix.lower()
    named = EXTENSIONS.get(suffix)
    if named is None or named == actual:
        return Sniffed(actual)
    if {named, actual} <= {"html", "text"}:
        return Sniffed(actual, [f"extension_mismatch: named {suffix} but read as {LABELS[actual]}"])
    raise WrongExtension(
        f"{path.name} is named {suffix} but the content is {LABELS[actual]}; "
        f"rename it to its real type"
    )
