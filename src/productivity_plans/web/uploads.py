"""Take uploaded files, run them through the pipeline, and say what became of each one by name.

Files are kept (they are the source of record for what an officer sent): each upload batch gets
its own folder under the uploads directory, named by time and a random suffix, and each file a
sanitised name. The pipeline's ``FileOutcome`` for each file is what the page and the API show;
nothing here parses or judges a document.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from starlette.datastructures import UploadFile

from productivity_plans.config import Limits
from productivity_plans.pipeline import FileOutcome, ingest_files
from productivity_plans.store import accounts
from productivity_plans.store.accounts import User
from productivity_plans.store.db import Store
from productivity_plans.store.reading import document_id_for_sha256

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class UploadResult:
    filename: str
    status: str  # the pipeline's: ingested, duplicate, unchanged, skipped, failed
    reason: str | None  # its error code or warning
    detail: str | None
    document_id: int | None


def safe_name(filename: str, index: int) -> str:
    """A name that is only ever a plain file name in the batch folder."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return f"{index:03d}-{base or 'upload'}"


async def _save(upload: UploadFile, path: Path, max_bytes: int) -> tuple[bool, str]:
    """Write the upload to ``path``; (False, "") if it exceeds the limit. Returns its sha256."""
    digest = hashlib.sha256()
    written = 0
    with path.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > max_bytes:
                return False, ""
            digest.update(chunk)
            out.write(chunk)
    return True, digest.hexdigest()


async def handle_upload(
    store: Store,
    files: Sequence[UploadFile],
    *,
    council_gss: str,
    user: User,
    uploads_dir: Path,
    limits: Limits,
) -> list[UploadResult]:
    """Save, ingest and record each file; one bad file never stops the others."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    batch = uploads_dir / f"{stamp}-{secrets.token_hex(4)}"
    batch.mkdir(parents=True, exist_ok=False)
    results: dict[int, UploadResult] = {}
    saved: list[tuple[int, str, Path, str]] = []  # (index, original name, path, sha256)
    for index, upload in enumerate(files):
        original = upload.filename or f"file {index + 1}"
        path = batch / safe_name(original, index)
        ok, sha256 = await _save(upload, path, limits.max_file_bytes)
        if not ok:
            path.unlink(missing_ok=True)
            detail = f"the file is larger than the {limits.max_file_bytes:,}-byte limit"
            results[index] = UploadResult(original, "failed", "too_large", detail, None)
            continue
        saved.append((index, original, path, sha256))
    report = ingest_files([(path, None) for _, _, path, _ in saved], store, limits=limits)
    for (index, original, _path, sha256), outcome in zip(saved, report.outcomes, strict=True):
        results[index] = _record(store, outcome, original, sha256, council_gss, user)
    return [results[i] for i in sorted(results)]


def _record(
    store: Store, outcome: FileOutcome, original: str, sha256: str, council_gss: str, user: User
) -> UploadResult:
    document_id = None
    if outcome.status != "failed":
        document_id = document_id_for_sha256(store, sha256)
        if document_id is not None:
            accounts.record_upload(
                store,
                document_id=document_id,
                council_gss=council_gss,
                filename=original,
                by=user,
                outcome=outcome.status,
            )
    return UploadResult(original, outcome.status, outcome.reason, outcome.detail, document_id)
