"""DOCX with python-docx: paragraphs, headings, list items and table rows in document order.

The zip container is checked before python-docx opens it: first its central directory (member
count, declared sizes and ratios), then every member is inflated in small chunks and counted,
trusting nothing the headers say. python-docx asks ``zipfile`` for a whole member at once, and
zipfile inflates up to 2 GiB in that one call whatever the header claims: a member declaring
1 KiB cost 2.1 GB before its checksum failed.
"""

from __future__ import annotations

import copy
import errno
import importlib.metadata
import zipfile
import zlib
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from productivity_plans.config import Limits
from productivity_plans.ingest.blocks import TextBuilder, clean_inline, join_cells
from productivity_plans.ingest.errors import CorruptFile, ZipBomb
from productivity_plans.ingest.records import BlockKind, ParsedDocument

PARSER = "python-docx"
PARSER_VERSION = f"python-docx {importlib.metadata.version('python-docx')}"
# Members smaller than this are never judged on their compression ratio: tiny XML parts
# compress very well and are harmless.
RATIO_MIN_BYTES = 1024 * 1024
# Inflated bytes per read while a member is measured: the most held in memory at once.
INFLATE_CHUNK = 64 * 1024
HEADING_STYLES = ("heading", "title", "subtitle")


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a damaged zip (``CorruptFile``) or one that would inflate to something huge
    (``ZipBomb``), reading only the central directory."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise CorruptFile(f"{path.name} is not a readable DOCX (damaged zip: {exc})") from exc
    except OSError as exc:
        raise _damaged_offsets(path, exc) from exc
    if len(members) > limits.max_zip_members:
        raise ZipBomb(
            f"{path.name} holds {len(members):,} files, over the limit of "
            f"{limits.max_zip_members:,}"
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise ZipBomb(
            f"{path.name} would unpack to {total:,} bytes, over the limit of "
            f"{limits.max_unzipped_bytes:,}"
        )
    for member in members:
        if member.file_size < RATIO_MIN_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > limits.max_zip_ratio:
            raise ZipBomb(
                f"{path.name}: {member.filename} is compressed {ratio:,.0f} to 1, over the "
                f"limit of {limits.max_zip_ratio:,.0f} to 1"
            )


def check_inflated(path: Path, limits: Limits) -> None:
    """Inflate every member in chunks and count what comes out: refuse (``ZipBomb``) as soon as
    the total passes ``max_unzipped_bytes``, a member passes the ratio limit, or a member
    inflates to more than its header declares; a member that fails its checksum is
    ``CorruptFile``. Each member is read with its declared size replaced by the limit, since
    zipfile would otherwise stop at the (possibly false) declared size."""
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for member in zf.infolist():
                measured = copy.copy(member)
                measured.file_size = limits.max_unzipped_bytes + 1
                inflated = 0
                with zf.open(measured) as stream:
                    while chunk := stream.read(INFLATE_CHUNK):
                        inflated += len(chunk)
                        total += len(chunk)
                        _check_member(path, member, inflated, total, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise CorruptFile(f"{path.name} is not a readable DOCX (damaged zip: {exc})") from exc
    except NotImplementedError as exc:  # a compression method zipfile does not know
        raise CorruptFile(f"{path.name} is not a readable DOCX ({exc})") from exc
    except OSError as exc:
        raise _damaged_offsets(path, exc) from exc


def _damaged_offsets(path: Path, exc: OSError) -> OSError | CorruptFile:
    """zipfile seeks wherever the zip's directory points; a damaged one points before the
    start of the file and the seek fails with EINVAL (found by fuzzing: it was reported as
    "cannot be read (Invalid argument)"). Any other OSError is a real read failure."""
    if exc.errno == errno.EINVAL:
        return CorruptFile(f"{path.name} is not a readable DOCX (damaged zip: bad offsets)")
    return exc


def _check_member(
    path: Path, member: zipfile.ZipInfo, inflated: int, total: int, limits: Limits
) -> None:
    if total > limits.max_unzipped_bytes:
        raise ZipBomb(
            f"{path.name} unpacks to more than {limits.max_unzipped_bytes:,} bytes, the limit"
        )
    if inflated > member.file_size:
        raise ZipBomb(
            f"{path.name}: {member.filename} unpacks to more than the {member.file_size:,} "
            f"bytes its header declares"
        )
    ratio = inflated / max(member.compress_size, 1)
    if inflated >= RATIO_MIN_BYTES and ratio > limits.max_zip_ratio:
        raise ZipBomb(
            f"{path.name}: {member.filename} is compressed over {limits.max_zip_ratio:,.0f} "
            f"to 1, the limit"
        )


def parse_docx(path: Path, limits: Limits) -> ParsedDocument:
    check_zip(path, limits)
    check_inflated(path, limits)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptFile(f"{path.name} is not a readable DOCX ({exc})") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError, lxml errors…
        raise CorruptFile(
            f"{path.name} is not a readable DOCX ({type(exc).__name__}: {exc})"
        ) from exc

    builder = TextBuilder()
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            builder.add(_paragraph_kind(item), clean_inline(item.text))
        elif isinstance(item, Table):
            _add_table(builder, item)

    text = builder.text()
    title = (document.core_properties.title or "").strip() or None
    if title is None:
        heading = next((b for b in builder.blocks if b.kind is BlockKind.HEADING), None)
        if heading is not None:
            title = text[heading.start : heading.end]
    return ParsedDocument(
        text=text,
        pages=builder.single_page(),
        blocks=builder.blocks,
        parser=PARSER,
        parser_version=PARSER_VERSION,
        title=title,
    )


def _paragraph_kind(paragraph: Paragraph) -> BlockKind:
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    if name.startswith(HEADING_STYLES):
        return BlockKind.HEADING
    p_pr = paragraph._p.pPr
    if "list" in name or (p_pr is not None and p_pr.numPr is not None):
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def _add_table(builder: TextBuilder, table: Table) -> None:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each only once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(clean_inline(cell.text))
        builder.add(BlockKind.TABLE_ROW, join_cells(cells))
