"""The ingest stage: a file path in, plain records (text, pages, blocks, provenance) out.

A pure stage: it reads files and never touches a database or the network.
"""

from productivity_plans.ingest.errors import IngestError
from productivity_plans.ingest.files import discover, load_manifest
from productivity_plans.ingest.parse import parse_file, read_document, sha256_file
from productivity_plans.ingest.records import (
    Block,
    BlockKind,
    Document,
    Page,
    ParsedDocument,
    Provenance,
)

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "IngestError",
    "Page",
    "ParsedDocument",
    "Provenance",
    "discover",
    "load_manifest",
    "parse_file",
    "read_document",
    "sha256_file",
]
