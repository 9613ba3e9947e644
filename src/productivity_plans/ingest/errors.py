"""Named ingest errors. Each carries a stable code so a batch summary and `inspect --json`
can report it by name, and a sentence a council officer can act on."""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be turned into text. ``code`` is stable and machine-readable."""

    code = "ingest_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class EmptyFile(IngestError):
    code = "empty_file"


class Unreadable(IngestError):
    code = "unreadable"


class UnsupportedType(IngestError):
    code = "unsupported_type"


class WrongExtension(IngestError):
    code = "wrong_extension"


class CorruptFile(IngestError):
    code = "corrupt"


class EncryptedFile(IngestError):
    code = "encrypted"


class TooLarge(IngestError):
    code = "too_large"


class TooManyFiles(IngestError):
    """A whole batch, not one file: more files than ``Limits.max_files``."""

    code = "too_many_files"


class SpecialFile(IngestError):
    """A FIFO, socket or device where a file was expected: never opened."""

    code = "special_file"


class ZipBomb(IngestError):
    code = "zip_bomb"


class NoTextLayer(IngestError):
    """Raised only where text is required; ingest stores such a document with this status."""

    code = "no_text_layer"
