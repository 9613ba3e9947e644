"""Entry points of the ingest stage: a path in, plain records out. No database, no network.

``parse_file`` sniffs and dispatches to the parser for the media type; ``read_document`` adds
the hash, file stats and provenance. Every failure is an ``IngestError`` with a stable code;
an unexpected exception inside a third-party parser becomes ``CorruptFile``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.ingest.blocks import cap_blocks
from productivity_plans.ingest.errors import CorruptFile, IngestError, TooLarge, Unreadable
from productivity_plans.ingest.files import readable
from productivity_plans.ingest.records import Document, ParsedDocument, Provenance
from productivity_plans.ingest.sniff import HEAD_BYTES, LABELS, check_chars, check_size, sniff

HASH_CHUNK = 1024 * 1024


def parse_file(path: Path, limits: Limits) -> tuple[ParsedDocument, str]:
    """Parse one file. Returns the parsed document and its media type
    (``pdf``, ``docx``, ``html`` or ``text``)."""
    check_size(path, limits)
    head = _read(path, HEAD_BYTES)
    sniffed = sniff(path, head)
    media_type = sniffed.media_type
    try:
        parsed = _dispatch(path, media_type, limits)
    except IngestError:
        raise
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    except MemoryError as exc:
        raise CorruptFile(f"{path.name} ran out of memory while being parsed") from exc
    except Exception as exc:  # a third-party parser failing on a hostile or broken file
        reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        raise CorruptFile(
            f"{path.name} could not be read as {LABELS[media_type]} ({reason})"
        ) from exc
    check_chars(path, len(parsed.text), limits)
    parsed.blocks = cap_blocks(parsed.text, parsed.blocks)
    parsed.warnings[:0] = sniffed.warnings
    return parsed, media_type


def _dispatch(path: Path, media_type: str, limits: Limits) -> ParsedDocument:
    # Parsers are imported on first use so that e.g. reading text never loads PDFium.
    if media_type == "pdf":
        from productivity_plans.ingest.pdf import parse_pdf

        return parse_pdf(path, limits)
    if media_type == "docx":
        from productivity_plans.ingest.docx import parse_docx

        return parse_docx(path, limits)
    if media_type == "html":
        from productivity_plans.ingest.html import parse_html

        return parse_html(path, _read_whole(path, limits))
    from productivity_plans.ingest.text import parse_text

    return parse_text(path, _read_whole(path, limits), limits)


def read_document(path: Path, *, url: str | None = None, limits: Limits | None = None) -> Document:
    """Hash, stat and parse a file, recording where it came from."""
    limits = limits or Limits()
    path = Path(path)
    source = path.absolute()
    size = check_size(path, limits)
    try:
        stat = path.stat()
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    sha256 = sha256_file(path)
    parsed, media_type = parse_file(path, limits)
    provenance = Provenance(
        source=readable(source),
        url=url,
        sha256=sha256,
        size=size,
        mtime=stat.st_mtime,
        media_type=media_type,
        ingested_at=datetime.now(UTC),
    )
    return Document(parsed=parsed, provenance=provenance)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def _read_whole(path: Path, limits: Limits) -> bytes:
    data = _read(path, limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:  # the file grew after it was checked
        raise TooLarge(f"{path.name} is over the limit of {limits.max_file_bytes:,} bytes")
    return data


def _read(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
