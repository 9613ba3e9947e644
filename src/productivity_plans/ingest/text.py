"""Plain text and Markdown: decode whatever the encoding, then cut into blocks."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import charset_normalizer

from productivity_plans.config import Limits
from productivity_plans.ingest.blocks import Mode, segment
from productivity_plans.ingest.records import BlockKind, Page, ParsedDocument
from productivity_plans.ingest.sniff import bom_encoding, check_chars

PARSER = "text"
MARKDOWN_SUFFIXES = {".md", ".markdown"}
_LATIN_SINGLE_BYTE = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "cp1258",
    "cp437",
    "cp850",
    "cp858",
    "latin_1",
    "mac_roman",
    "mac_latin2",
    "iso8859_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
}


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes to text: a BOM wins, then strict UTF-8, then charset-normalizer's best
    guess, and as the last resort UTF-8 with replacement characters (never raises).

    Returns ``(text, encoding, warnings)``.
    """
    warnings: list[str] = []
    encoding = bom_encoding(data)
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
        return text.lstrip("\ufeff"), encoding, warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 127) - bad
    if good > bad:
        # Mostly UTF-8 with a few broken bytes (a bad copy-paste): keep it UTF-8.
        warnings.append(f"encoding_errors: {bad} undecodable byte sequences replaced")
        return lenient, "utf-8", warnings
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        guessed = best.encoding
        # On a short sample charset-normalizer often cannot tell the Latin code pages apart
        # (cp1252 "£" reads as cp1250 "Ł"). Council documents come from Windows in England:
        # when the guess is any single-byte Latin code page and cp1252 decodes, take cp1252.
        if guessed in _LATIN_SINGLE_BYTE:
            try:
                return data.decode("cp1252"), "cp1252", warnings
            except UnicodeDecodeError:
                pass
        try:
            text = data.decode(guessed)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not best.percent_coherence:
                # A code page that decodes but makes no language's words: likely garbled.
                warnings.append(
                    f"encoding_unknown: read as {guessed}, a guess in which no language was "
                    "recognised; letters outside plain ASCII may be wrong"
                )
            return text, guessed, warnings
    warnings.append("encoding_unknown: decoded as UTF-8 with replacement characters")
    return data.decode("utf-8", errors="replace"), "utf-8", warnings


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; form feeds and NULs are dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\0", "")


def parse_text(path: Path, data: bytes, limits: Limits | None = None) -> ParsedDocument:
    text, _encoding, warnings = decode(data)
    if limits is not None:
        check_chars(path, len(text), limits)  # before cutting blocks: the costly part
    text = normalise_newlines(text)
    mode = Mode.MARKDOWN if path.suffix.lower() in MARKDOWN_SUFFIXES else Mode.TEXT
    blocks = segment(text, 0, len(text), 1, mode)
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    title = text[headings[0].start : headings[0].end] if headings else None
    return ParsedDocument(
        text=text,
        pages=[Page(1, 0, len(text))],
        blocks=blocks,
        parser=PARSER if mode is Mode.TEXT else "markdown",
        parser_version=f"charset-normalizer {importlib.metadata.version('charset-normalizer')}",
        title=title,
        warnings=warnings,
    )
