"""Upgrading a database made by an earlier release keeps every row and its meaning."""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from sqlalchemy import text

from productivity_plans.ingest.records import Document
from productivity_plans.store import Store, ownership
from productivity_plans.store.db import make_engine
from productivity_plans.store.migrations import alembic_config

BEFORE_OWNERSHIP = "0005"  # the head before uploads had a status

MakeDocument = Callable[..., Document]  # the store conftest's make_document fixture


def _at_revision(database_url: str, revision: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), revision)
    finally:
        engine.dispose()


def test_upgrading_keeps_documents_and_every_earlier_upload_stays_public(
    database_url: str, make_document: MakeDocument
) -> None:
    _at_revision(database_url, BEFORE_OWNERSHIP)
    engine = make_engine(database_url)
    collected = make_document("Collected from a council website.", source="/web/a.html")
    uploaded = make_document("Uploaded by an officer before drafts existed.", source="/up/b.txt")
    with engine.begin() as connection:
        for doc in (collected, uploaded):
            connection.execute(
                text(
                    "INSERT INTO documents (sha256, media_type, size, page_count, chars, text,"
                    " title, parser, parser_version, status, warnings, created_at) VALUES"
                    " (:sha, 'text', 1, 1, :chars, :text, 'T', 'test', '1', 'ok', '[]',"
                    " CURRENT_TIMESTAMP)"
                ),
                {
                    "sha": doc.provenance.sha256,
                    "chars": len(doc.parsed.text),
                    "text": doc.parsed.text,
                },
            )
        connection.execute(
            text(
                "INSERT INTO users (email, password_hash, role, council_gss, active, created_at)"
                " VALUES ('o@example.org', 'x', 'officer', 'E07000033', true, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO uploads (document_id, council_gss, user_id, filename, uploaded_at)"
                " SELECT id, 'E07000033', 1, 'b.txt', CURRENT_TIMESTAMP FROM documents"
                " WHERE sha256 = :sha"
            ),
            {"sha": uploaded.provenance.sha256},
        )
    engine.dispose()

    with Store.open(database_url) as store:  # upgrades to the head
        every = store.documents(public_only=False)
        assert {d.sha256 for d in every} == {
            collected.provenance.sha256,
            uploaded.provenance.sha256,
        }
        assert {d.sha256 for d in store.documents()} == {d.sha256 for d in every}
        [upload] = ownership.council_uploads(store, "E07000033")
        assert upload.status == "published" and upload.published_at == upload.uploaded_at
        assert upload.filename == "b.txt" and upload.uploaded_by == "o@example.org"
        assert not upload.shared  # only the upload holds it, so withdrawing would hide it
        with store.engine.connect() as connection:
            rows = connection.execute(text("SELECT sha256, collected FROM documents"))
            flags = {sha256: bool(collected) for sha256, collected in rows}
        assert flags == {collected.provenance.sha256: True, uploaded.provenance.sha256: False}


def test_downgrading_past_ownership_keeps_documents_and_uploads(
    database_url: str, make_document: MakeDocument
) -> None:
    with Store.open(database_url) as store:
        store.save_document(make_document("Kept when the schema goes back a revision."))
        engine = store.engine
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), BEFORE_OWNERSHIP)
            assert connection.scalar(text("SELECT count(*) FROM documents")) == 1
            command.upgrade(alembic_config(connection=connection), "head")
        assert len(store.documents()) == 1
