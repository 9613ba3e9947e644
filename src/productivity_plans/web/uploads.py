"""Take uploaded files, run them through the pipeline, and say what became of each one by name.

Files are kept (they are the source of record for what an officer sent): each upload batch gets
its own folder under the uploads directory, named by time and a random suffix, and each file a
sanitised name. The pipeline's ``FileOutcome`` for each file is what the page and the API show,
naming the file as the officer named it (never the stored path) with a sentence for its code;
nothing here parses or judges a document. Each stored document becomes the council's upload
(``store.ownership``): a private draft unless the officer chose to publish it at once.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from starlette.datastructures import UploadFile

from productivity_plans.config import Limits
from productivity_plans.pipeline import FileOutcome, ingest_files
from productivity_plans.store import ownership
from productivity_plans.store.accounts import User
from productivity_plans.store.db import Store
from productivity_plans.store.reading import document_id_for_sha256

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
CHUNK = 1024 * 1024


# A sentence an officer can act on, for each code a file can end with (the code stays in the
# API's ``reason`` for programs).
REASON_MESSAGES = {
    "empty_file": "The file is empty.",
    "unreadable": "The file could not be read.",
    "unsupported_type": "This kind of file cannot be read. Upload PDF, Word (.docx), web page "
    "(HTML) or text files.",
    "wrong_extension": "The file’s name says one kind of file but its content is another.",
    "corrupt": "The file is damaged and could not be read.",
    "encrypted": "The file is protected by a password. Upload a copy without one.",
    "too_large": "The file is larger than the upload limit.",
    "zip_bomb": "The file would expand to far more than its size, so it was not read.",
    "no_text_layer": "The file was stored, but it has no text to read (a scan without OCR?).",
    "extraction_failed": "The file was stored, but the facts in it could not be found.",
}
BATCH_NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")
RESULTS_FILE = "results.json"


@dataclass(frozen=True, slots=True)
class UploadOptions:
    """What the officer stated for the files of one upload, and whether to publish at once."""

    publish: bool = False
    doc_type: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class UploadResult:
    filename: str
    status: str  # the pipeline's: ingested, duplicate, unchanged, skipped, failed
    reason: str | None  # its error code or warning
    detail: str | None  # what went wrong, naming the file as the officer named it
    document_id: int | None
    visibility: str | None = None  # the council's upload: draft or published

    @property
    def message(self) -> str | None:
        """The reason as a sentence, for people."""
        if self.reason is None:
            return None
        return REASON_MESSAGES.get(self.reason, "The file could not be read.")


@dataclass(frozen=True, slots=True)
class UploadBatch:
    """One upload's files and what became of each; ``name`` is its folder, which also keeps
    the results so they can be downloaded again."""

    name: str
    council_gss: str
    results: list[UploadResult]


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
    options: UploadOptions | None = None,
) -> UploadBatch:
    """Save, ingest and record each file; one bad file never stops the others. Each stored
    document is linked to the council as a draft unless ``options.publish``."""
    options = options or UploadOptions()
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
            detail = f"{original} is larger than the {limits.max_file_bytes:,}-byte limit"
            results[index] = UploadResult(original, "failed", "too_large", detail, None)
            continue
        saved.append((index, original, path, sha256))
    report = ingest_files(
        [(path, None) for _, _, path, _ in saved], store, limits=limits, collected=False
    )
    for (index, original, path, sha256), outcome in zip(saved, report.outcomes, strict=True):
        results[index] = _record(store, outcome, original, path, sha256, council_gss, user, options)
    ordered = [results[i] for i in sorted(results)]
    (batch / RESULTS_FILE).write_text(
        json.dumps({"council_gss": council_gss, "results": [asdict(r) for r in ordered]}),
        encoding="utf-8",
    )
    return UploadBatch(batch.name, council_gss, ordered)


UploadAction = Literal["publish", "withdraw", "delete"]


def change_upload(
    store: Store, uploads_dir: Path, upload_id: int, user: User, action: UploadAction
) -> None:
    """Publish, withdraw or delete a council's upload (``store.ownership`` checks who may and
    audits it); a deleted draft's stored file goes too when nothing else holds it."""
    if action == "publish":
        ownership.publish(store, upload_id, user)
    elif action == "withdraw":
        ownership.withdraw(store, upload_id, user)
    else:
        for source in ownership.delete_draft(store, upload_id, user):
            _remove_uploaded_file(uploads_dir, source)


def _remove_uploaded_file(uploads_dir: Path, source: str) -> None:
    """Only ever a file inside the uploads folder: a source elsewhere is not ours to delete."""
    path = Path(source).resolve()
    if path.is_relative_to(uploads_dir.resolve()):
        path.unlink(missing_ok=True)


def load_batch(uploads_dir: Path, name: str) -> UploadBatch | None:
    """An earlier upload's results, by its folder name; None when there is no such upload."""
    if not BATCH_NAME.match(name):
        return None
    try:
        kept = json.loads((uploads_dir / name / RESULTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return UploadBatch(name, kept["council_gss"], [UploadResult(**r) for r in kept["results"]])


def _record(
    store: Store,
    outcome: FileOutcome,
    original: str,
    stored: Path,
    sha256: str,
    council_gss: str,
    user: User,
    options: UploadOptions,
) -> UploadResult:
    detail = outcome.detail
    if detail:  # the parser names the stored file; the officer knows their own name for it
        detail = detail.replace(str(stored), original).replace(stored.name, original)
    document_id = visibility = None
    if outcome.status != "failed":
        document_id = document_id_for_sha256(store, sha256)
        if document_id is not None:
            entry = ownership.record_upload(
                store,
                document_id=document_id,
                council_gss=council_gss,
                filename=original,
                by=user,
                outcome=outcome.status,
                publish=options.publish,
                doc_type=options.doc_type,
                title=options.title,
                url=options.url,
            )
            visibility = entry.status
    return UploadResult(original, outcome.status, outcome.reason, detail, document_id, visibility)
