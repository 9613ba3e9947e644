"""The sector dashboard's view model: the report's analyses, live, per filter. No analysis here.

``Dashboard`` (one per app, created on first use) loads the sector snapshot from the store
(``sector.load.load_snapshot``, human decisions applied), runs ``sector.results.run_analyses``
on it, narrowed by council type and region with ``sector.subset.restrict``, and keeps the
results per *data generation*: a fingerprint of the tables the snapshot is read from (counts
and latest timestamps of documents, facts, passages, machine and human codes, uploads, and
what councils record: steps, published updates, actions, measure values). Any ingest,
re-coding, analyst decision, upload or council record changes the generation; a snapshot
older than ``REFRESH_AFTER`` seconds is then rebuilt by one background thread while requests
are served the previous one (the page says when its data were read); a withdrawal is rebuilt
at once. Generated files (XLSX, JSON, report HTML and PDF) are cached per snapshot.

Evidence: each count the dashboard shows has a key (``coverage-heading.unitary.transformation``)
whose citations the evidence page lists; each citation links to the document viewer's block
anchor (``/documents/{id}#b{block}``) holding its first character, or ``#page-N``.
"""

from __future__ import annotations

import bisect
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from fastapi import Request
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from productivity_plans.sector.coverage import CoverageShare, coverage_shares
from productivity_plans.sector.groups import ALL, group_label, ordered_groups
from productivity_plans.sector.results import Row, SectorResults, run_analyses, tables
from productivity_plans.sector.snapshot import Cite, SectorSnapshot
from productivity_plans.sector.subset import restrict
from productivity_plans.store.accounts import AuditRow
from productivity_plans.store.db import Store
from productivity_plans.store.models import (
    BlockRow,
    CodedDocumentRow,
    DocumentRow,
    FactsRow,
    HumanCodeRow,
    MachineCodeRow,
    PassageRow,
    SourceRow,
    UploadRow,
)
from productivity_plans.store.visibility import is_public
from productivity_plans.store.workspace import (
    MeasureValueRow,
    ProgressActionRow,
    ProgressUpdateRow,
    RecordedStepRow,
)
from productivity_plans.web.public_form import display_title
from productivity_plans.web.state import app_state

Loader = Callable[[Store], SectorSnapshot]
MAX_VIEWS = 32  # filtered views kept per generation (types × regions is ~60 at most)
BAR_STEP = 5  # bar widths are CSS classes in 5 % steps (no inline styles under the CSP)


def data_generation(store: Store) -> tuple[Any, ...]:
    """A fingerprint that changes whenever anything the snapshot is built from changes."""
    probes: list[tuple[Any, Any]] = [
        (DocumentRow.id, DocumentRow.created_at),
        (FactsRow.id, FactsRow.extracted_at),
        (PassageRow.id, PassageRow.created_at),
        (MachineCodeRow.id, MachineCodeRow.created_at),
        (HumanCodeRow.id, HumanCodeRow.decided_at),
        (CodedDocumentRow.document_id, CodedDocumentRow.coded_at),
        (UploadRow.id, UploadRow.uploaded_at),
        # Publishing, withdrawing or deleting an upload changes what is public; each is audited.
        (AuditRow.id, AuditRow.at),
        # What councils record (exported with the sector tables): steps, publishing, values.
        (RecordedStepRow.id, RecordedStepRow.recorded_at),
        (ProgressUpdateRow.id, ProgressUpdateRow.published_at),
        (ProgressActionRow.id, ProgressActionRow.id),
        (MeasureValueRow.id, MeasureValueRow.id),
    ]
    with Session(store.engine) as session:
        return tuple(
            tuple(session.execute(select(func.count(key), func.max(key), func.max(when))).one())
            for key, when in probes
        )


def _block_index(store: Store) -> dict[str, tuple[list[int], list[int]]]:
    """Document id → (block starts, block ids), both in text order."""
    index: dict[str, tuple[list[int], list[int]]] = {}
    with Session(store.engine) as session:
        rows = session.execute(
            select(BlockRow.document_id, BlockRow.start, BlockRow.id).order_by(
                BlockRow.document_id, BlockRow.start
            )
        )
        for document_id, start, block_id in rows:
            starts, ids = index.setdefault(str(document_id), ([], []))
            starts.append(start)
            ids.append(block_id)
    return index


@dataclass(frozen=True, slots=True)
class Filters:
    type: str | None = None
    region: str | None = None

    @classmethod
    def of(cls, type: str | None, region: str | None) -> Filters:
        return cls(type or None, region or None)

    @property
    def query(self) -> str:
        from urllib.parse import urlencode

        params = {k: v for k, v in (("type", self.type), ("region", self.region)) if v}
        return f"?{urlencode(params)}" if params else ""

    @property
    def active(self) -> bool:
        return bool(self.type or self.region)


@dataclass(slots=True)
class Bar:
    label: str
    count: int
    total: int
    width: int  # CSS class step, 0..100 in BAR_STEP
    key: str


@dataclass(slots=True)
class View:
    """Everything one filtered dashboard shows, with the evidence behind each count."""

    generation: tuple[Any, ...]
    filters: Filters
    snapshot: SectorSnapshot
    results: SectorResults
    tables: dict[str, list[Row]]
    heading_all: list[CoverageShare]
    question_all: list[CoverageShare]
    as_of: datetime | None = None  # when the data behind it were read (UTC)
    evidence: dict[str, tuple[Cite, ...]] = field(default_factory=dict)
    _anchors: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    _rendered: dict[str, Markup] = field(default_factory=dict)

    def rendered(self, name: str, render: Callable[[], str]) -> Markup:
        """A part of a page that depends on this view alone (no visitor, no request), rendered
        once: the sector's results are ≈ 1.3 MB of HTML, ≈ 0.15 s to render each time."""
        found = self._rendered.get(name)
        if found is None:
            # The template escapes what it shows; its output is HTML.
            found = self._rendered[name] = Markup(render())
        return found

    # Lookups the templates use --------------------------------------------------------

    @property
    def framework(self) -> Any:
        return self.snapshot.framework

    @property
    def types(self) -> list[str]:
        """Council types present among councils with documents, in the report's order."""
        return ordered_groups(self.snapshot.councils_with_documents(), "type")

    def label(self, group: str) -> str:
        return "All councils" if group == ALL else group_label(group)

    def heading_text(self, heading_id: str) -> str:
        return next((h.title for h in self.framework.headings if h.id == heading_id), heading_id)

    def question_text(self, question_id: str) -> str:
        return next((q.text for q in self.framework.questions if q.id == question_id), question_id)

    def council_name(self, gss: str | None) -> str:
        council = self.snapshot.council(gss) if gss else None
        return council.name if council else "Council not identified"

    def document_title(self, document_id: str) -> str:
        document = self.snapshot.document_index.get(document_id)
        if document is None:
            return f"Document {document_id}"
        return display_title(
            document.title, url=document.url, source=document.source, document_id=document_id
        )

    def href(self, cite: Cite) -> str:
        """The document viewer at the block holding the citation's first character."""
        if not cite.document_id.isdigit():
            return "/documents"
        found = self._anchors.get(cite.document_id)
        if found:
            starts, ids = found
            i = bisect.bisect_right(starts, cite.start) - 1
            if i >= 0:
                return f"/documents/{cite.document_id}#b{ids[i]}"
        return f"/documents/{cite.document_id}#page-{cite.page}"

    @staticmethod
    def timing(when: str | None, days_to_deadline: int | None) -> str:
        """When a step fell against the letter and the deadline, in words."""
        return step_timing(when, days_to_deadline)

    def evidence_href(self, key: str) -> str:
        return f"/dashboard/evidence/{key}{self.filters.query}"

    def cell(self, shares: Sequence[CoverageShare], group: str, item: str) -> CoverageShare | None:
        return next((s for s in shares if s.group == group and s.item == item), None)

    # Sections ---------------------------------------------------------------------------

    def coverage_rows(self, level: str) -> list[dict[str, Any]]:
        """Rows (heading or sub-question) × columns (each council type, then all councils)."""
        if level == "heading":
            by_type, overall = self.results.coverage_by_type, self.heading_all
            items = [(h.id, h.id, self.heading_text(h.id)) for h in self.framework.headings]
        else:
            by_type, overall = self.results.coverage_questions_by_type, self.question_all
            items = [
                (q.id, self.framework.heading_of(q.id).id, q.text) for q in self.framework.questions
            ]
        rows = []
        for item, heading, text in items:
            cells = []
            for group, source in [*((t, by_type) for t in self.types), (ALL, overall)]:
                share = self.cell(source, group, item)
                key = f"coverage-{level}.{'all' if group == ALL else group}.{item}"
                if share is not None:
                    self.evidence[key] = share.evidence
                cells.append({"group": group, "share": share, "key": key})
            rows.append({"item": item, "heading": heading, "text": text, "cells": cells})
        return rows

    def barrier_rows(self) -> list[dict[str, Any]]:
        rows = []
        for total in self.results.barriers_all:
            key = f"barrier.all.{total.barrier}"
            self.evidence[key] = total.evidence
            by_type = []
            for t in self.types:
                count = next(
                    (
                        b
                        for b in self.results.barriers_by_type
                        if b.barrier == total.barrier and b.group == t
                    ),
                    None,
                )
                if count is None:
                    continue
                type_key = f"barrier.{t}.{total.barrier}"
                self.evidence[type_key] = count.evidence
                by_type.append({"group": t, "count": count, "key": type_key})
            rows.append(
                {
                    "barrier": total,
                    "bar": Bar(
                        total.label,
                        total.councils,
                        total.councils_with_documents,
                        _width(total.share),
                        key,
                    ),
                    "by_type": by_type,
                }
            )
        return rows

    def body_rows(self) -> list[dict[str, Any]]:
        rows = []
        for body in self.results.bodies:
            key = f"bodies.all.{body.body_kind}"
            self.evidence[key] = body.evidence
            rows.append({"body": body, "key": key})
        return rows

    def gap_rows(self) -> list[dict[str, Any]]:
        rows = []
        for gap in self.results.gaps:
            key = f"gap.all.{gap.question}"
            self.evidence[key] = gap.evidence
            rows.append({"gap": gap, "key": key})
        return rows

    def cluster_rows(self, kind: str) -> list[dict[str, Any]]:
        clusters = self.results.measurement if kind == "measurement" else self.results.themes
        rows = []
        for cluster in clusters:
            key = f"{kind}.all.{cluster.id}"
            self.evidence[key] = cluster.evidence
            rows.append({"cluster": cluster, "key": key})
        return rows

    def exemplar_groups(self) -> list[dict[str, Any]]:
        groups = []
        for q in self.framework.questions:
            mine = [e for e in self.results.exemplars if e.question == q.id]
            if mine:
                groups.append({"question": q, "exemplars": mine})
        return groups

    def oversight_missing(self) -> list[Any]:
        """Councils with documents but no recorded decision about the plan."""
        return [r for r in self.results.oversight if r.documents and not r.oversight]

    def timeline_chart(self) -> dict[str, Any]:
        return timeline_chart(self)

    def prepare(self) -> None:
        """Fill the evidence registry (the sections register their keys as they are built)."""
        self.coverage_rows("heading")
        self.coverage_rows("question")
        self.barrier_rows()
        self.body_rows()
        self.gap_rows()
        self.cluster_rows("measurement")
        self.cluster_rows("themes")


def _width(share: float) -> int:
    return int(round(share * 100 / BAR_STEP) * BAR_STEP)


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def step_timing(when: str | None, days_to_deadline: int | None) -> str:
    """ "Before the letter", "1 day before the deadline", "12 days after the deadline"."""
    if when == "before_letter":
        return "Before the letter"
    if when == "by_deadline" and days_to_deadline == 0:
        return "On the deadline"
    if when == "by_deadline" and days_to_deadline is not None:
        return f"{days(days_to_deadline)} before the deadline"
    if when == "after_deadline" and days_to_deadline is not None:
        return f"{days(-days_to_deadline)} after the deadline"
    return "Undated"


# Fewer councils with documents than this: a share says little (1 of 1 is "100 %"), so the
# cell is marked with its n and shaded no darker than the lightest shade.
SMALL_BASE = 5


def shade(share: CoverageShare | None) -> int:
    """Heatmap shade class 0–4 (0: nobody answers; none for no councils with documents); a
    small base is never shaded darker than 1."""
    if share is None or not share.councils_with_documents:
        return -1
    if not share.answered:
        return 0
    darkness = min(4, int(share.share_answered * 4 + 0.999))
    return min(1, darkness) if small_base(share) else darkness


def small_base(share: CoverageShare | None) -> bool:
    return share is not None and 0 < share.councils_with_documents < SMALL_BASE


# A tick label ("Sep 2024") is about 55 px wide at the chart's font size; labels closer than
# this would overlap.
TICK_GAP = 70


def month_ticks(first: date, last: date, x: Callable[[date], float]) -> list[dict[str, Any]]:
    """Month starts between ``first`` and ``last``, every n-th month so that no two labels are
    closer than ``TICK_GAP`` (a long span would otherwise print its labels over each other)."""
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    step = 1
    while any(x(b) - x(a) < TICK_GAP for a, b in pairwise(months[::step])):
        step += 1
    return [{"x": x(m), "label": f"{m:%b %Y}"} for m in months[::step]]


def timeline_chart(view: View) -> dict[str, Any]:
    """Positions for a small server-drawn SVG: dated steps against the letter and deadline."""
    fw = view.framework
    letter, deadline = fw.letter.date, fw.deadline
    rows = [r for r in view.results.timeline if r.date is not None]
    lanes = list(dict.fromkeys(r.body_kind for r in rows)) or ["none"]
    days = [r.date for r in rows if r.date is not None] + [letter, deadline]
    first = min(days).toordinal() - 10
    last = max(days).toordinal() + 10
    width, left, lane_h, top = 720, 150, 28, 30
    span = max(1, last - first)

    def x(day: date) -> float:
        return float(round(left + (width - left - 10) * (day.toordinal() - first) / span, 1))

    def y(lane: str) -> int:
        return top + lane_h * lanes.index(lane) + lane_h // 2

    ticks = month_ticks(date.fromordinal(first), date.fromordinal(last), x)
    from productivity_plans.sector.governance import BODY_LABELS

    return {
        "width": width,
        "height": top + lane_h * len(lanes) + 30,
        "axis_y": top + lane_h * len(lanes),
        "left": left,
        "lanes": [{"label": BODY_LABELS.get(lane, lane), "y": y(lane)} for lane in lanes],
        "marks": [
            {"x": x(letter), "label": f"Letter {letter:%-d %b}", "kind": "letter"},
            {"x": x(deadline), "label": f"Deadline {deadline:%-d %b}", "kind": "deadline"},
        ],
        "ticks": ticks,
        "points": [
            {
                "x": x(r.date),
                "y": y(r.body_kind),
                "decision": r.source == "decision",
                "title": f"{r.council or 'Council not identified'}: {r.action}, {r.date:%-d %B %Y}",
            }
            for r in rows
            if r.date is not None
        ],
    }


def public_tables(result_tables: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """The sector tables as published: a document's ``source`` is its file name, not the
    server's path (URLs are kept)."""
    out = dict(result_tables)
    out["documents"] = [
        {
            **row,
            "source": row["source"]
            if str(row.get("source") or "").startswith(("http://", "https://"))
            else Path(str(row.get("source") or "")).name,
        }
        for row in result_tables.get("documents", [])
    ]
    return out


# A snapshot is served until it is this old and the data have changed; then one rebuild runs
# in the background while every request is still served the snapshot it replaces.
REFRESH_AFTER = 10.0
# Seconds between looks at the data generation (a dozen counts over the largest tables).
CHECK_EVERY = 2.0
# Audit actions that take something off the public record: a snapshot holding it may not be
# served a moment longer, so they are rebuilt at once (the requests wait for that rebuild).
WITHDRAWALS = ("document.withdraw", "document.delete", "progress.delete")
# Filtered views a rebuild prepares before it is swapped in (the most recently used first).
PREPARED_VIEWS = 4

Fingerprint = Callable[[Store], tuple[Any, ...]]


def latest_audit_id(store: Store) -> int:
    with Session(store.engine) as session:
        return int(session.scalar(select(func.max(AuditRow.id))) or 0)


def withdrawn_since(store: Store, audit_id: int) -> bool:
    """Whether anything left the public record after audit row ``audit_id`` (a range read of
    the primary key: only the newer rows are looked at)."""
    with Session(store.engine) as session:
        found = session.scalar(
            select(AuditRow.id)
            .where(AuditRow.id > audit_id, AuditRow.action.in_(WITHDRAWALS))
            .limit(1)
        )
    return found is not None


@dataclass(slots=True)
class Built:
    """One rebuild's snapshot with the views and files made from it."""

    generation: tuple[Any, ...]
    audit_id: int  # the newest audit row when the data were read
    snapshot: SectorSnapshot
    anchors: dict[str, tuple[list[int], list[int]]]
    as_of: datetime  # when the data were read (UTC)
    views: OrderedDict[Filters, View] = field(default_factory=OrderedDict)
    files: dict[tuple[str, Filters], bytes] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def view(self, filters: Filters) -> View:
        """The filtered view, made on first use (one at a time) and kept."""
        with self.lock:
            found = self.views.get(filters)
            if found is not None:
                self.views.move_to_end(filters)
                return found
            narrowed = restrict(self.snapshot, type=filters.type, region=filters.region)
            results = run_analyses(narrowed)
            made = View(
                self.generation,
                filters,
                narrowed,
                results,
                public_tables(tables(results)),
                coverage_shares(results.coverage_heading, "all"),
                coverage_shares(results.coverage_question, "all"),
                as_of=self.as_of,
                _anchors=self.anchors,
            )
            made.prepare()
            self.views[filters] = made
            while len(self.views) > MAX_VIEWS:
                self.views.popitem(last=False)
            return made


class Dashboard:
    """Per-app cache of the sector snapshot, its filtered views and generated files.

    Requests never wait for a rebuild while there is a snapshot to serve: when the data have
    changed and the snapshot is older than ``refresh_after`` seconds, one background thread
    rebuilds it (and the views last asked for) and swaps it in; meanwhile every request gets
    the previous one, and the page says when its data were read. Only the first build, and a
    rebuild after something was withdrawn from the public record, are waited for.
    """

    def __init__(
        self,
        store: Store,
        loader: Loader | None = None,
        *,
        fingerprint: Fingerprint = data_generation,
        refresh_after: float = REFRESH_AFTER,
        check_every: float = CHECK_EVERY,
    ) -> None:
        from productivity_plans.sector.load import load_snapshot

        self.store = store
        self.loader: Loader = loader or load_snapshot
        self.fingerprint = fingerprint
        self.refresh_after = refresh_after
        self.check_every = check_every
        self._lock = threading.Lock()  # guards the fields below; never held while building
        self._building = threading.Lock()  # one build at a time
        self._built: Built | None = None
        self._seen_at = -float("inf")  # when the data generation was last looked at
        self._audit_checked = 0
        self._rebuild: threading.Thread | None = None

    @property
    def rebuilding(self) -> bool:
        return self._rebuild is not None and self._rebuild.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Until a background look (and rebuild, if any) is done: for tests and shutdown."""
        thread = self._rebuild
        if thread is not None:
            thread.join(timeout)

    def current(self) -> Built:
        """The snapshot to serve now. When it is old enough and the data were not looked at
        for ``check_every`` seconds, a background thread looks (the data generation is a dozen
        counts over the largest tables: ≈ 0.2 s at sector scale, kept off the request) and
        rebuilds if they changed."""
        built = self._built
        if built is None or self._withdrawn(built):
            return self._build_now(built)
        age = (datetime.now(UTC) - built.as_of).total_seconds()
        with self._lock:
            due = time.monotonic() - self._seen_at >= self.check_every
        if age >= self.refresh_after and due:
            self._start_refresh()
        return built

    def _withdrawn(self, built: Built) -> bool:
        """Whether something in ``built`` has left the public record since it was read: one
        primary-key read per request, and a look at the new audit rows when there are any."""
        latest = latest_audit_id(self.store)
        with self._lock:
            if latest <= max(self._audit_checked, built.audit_id):
                return False
        withdrawn = withdrawn_since(self.store, built.audit_id)
        if not withdrawn:
            with self._lock:
                self._audit_checked = max(self._audit_checked, latest)
        return withdrawn

    def _build_now(self, stale: Built | None) -> Built:
        """Build in this request; concurrent requests wait for the same build."""
        with self._building:
            built = self._built
            if built is not None and built is not stale and not self._withdrawn(built):
                return built  # another request built it while this one waited
            return self._build(stale)

    def _start_refresh(self) -> None:
        with self._lock:
            if self.rebuilding:
                return
            self._seen_at = time.monotonic()
            self._rebuild = threading.Thread(
                target=self._refresh, name="dashboard-refresh", daemon=True
            )
            self._rebuild.start()

    def _refresh(self) -> None:
        """Look at the data generation; rebuild if it moved since the snapshot was read."""
        generation = self.fingerprint(self.store)
        with self._lock:
            self._seen_at = time.monotonic()
        built = self._built
        if built is not None and generation == built.generation:
            return
        with self._building:
            if self._built is built:  # no request rebuilt it meanwhile
                self._build(built)

    def _build(self, previous: Built | None) -> Built:
        """Read the data (noting the generation and audit row first, so a change made while
        reading is seen afterwards) and swap the new snapshot in; the caller holds
        ``_building``."""
        generation = self.fingerprint(self.store)
        audit_id = latest_audit_id(self.store)
        as_of = datetime.now(UTC)
        snapshot = self.loader(self.store)
        snapshot.passage_vectors()  # once, shared by every filtered view
        built = Built(generation, audit_id, snapshot, _block_index(self.store), as_of)
        wanted = list(reversed(previous.views)) if previous else []
        for filters in [Filters(), *wanted][:PREPARED_VIEWS]:
            built.view(filters)
        with self._lock:
            self._built = built
            self._seen_at = time.monotonic()
            self._audit_checked = audit_id
        return built

    def view(self, filters: Filters) -> View:
        return self.current().view(filters)

    def file(self, kind: str, filters: Filters, make: Callable[[View, Path], bytes]) -> bytes:
        """A generated download (xlsx, json, report html/pdf), made once per snapshot."""
        built = self.current()
        view = built.view(filters)
        with built.lock:
            found = built.files.get((kind, filters))
            if found is None:
                with tempfile.TemporaryDirectory(prefix="prodplans-dl-") as tmp:
                    found = make(view, Path(tmp))
                built.files[(kind, filters)] = found
            return found

    def originals(self) -> list[Any]:
        """Every public document's file (its first local source), sha256 and published URL;
        never a private draft's."""
        from productivity_plans.export import Original

        out: list[Original] = []
        seen: set[int] = set()
        with Session(self.store.engine) as session:
            rows = session.execute(
                select(SourceRow.document_id, SourceRow.source, SourceRow.url, DocumentRow.sha256)
                .join(DocumentRow, DocumentRow.id == SourceRow.document_id)
                .where(is_public(DocumentRow.id))
                .order_by(SourceRow.document_id, SourceRow.first_seen, SourceRow.id)
            )
            for document_id, source, url, sha256 in rows:
                if document_id in seen or source.startswith(("http://", "https://")):
                    continue
                seen.add(document_id)
                out.append(Original(Path(source), sha256, url))
        return out


def dashboard(request: Request) -> Dashboard:
    """The app's dashboard cache, created on first use (kept on ``app.state``)."""
    state = request.app.state
    found: Dashboard | None = getattr(state, "dashboard", None)
    if found is None:
        with _CREATE:
            found = getattr(state, "dashboard", None)
            if found is None:
                settings = app_state(request)
                refresh = settings.dashboard_refresh
                found = Dashboard(
                    settings.store, refresh_after=refresh, check_every=min(CHECK_EVERY, refresh)
                )
                state.dashboard = found
    return found


_CREATE = threading.Lock()
