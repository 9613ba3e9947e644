"""What a council records about its own plan (migration 0007): governance steps, submission and
publication; progress updates with actions and measures; disputes of codes and statuses.

These are statements by the council, kept beside what the machine extracted from documents and
never mixed into it: a recorded step is a row here, not a governance event of any document.
Every change is written with its audit row in one transaction (``accounts.write_audit``).

Validation lives here so the web forms, the JSON API and the CLI refuse the same things with the
same sentence: a decision dated in the future did not happen yet; an outcome must be one the
framework knows; a measure value is a number with a date.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, get_args
from urllib.parse import urlsplit

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from productivity_plans.framework import Framework, load_framework
from productivity_plans.store.accounts import User, write_audit
from productivity_plans.store.db import Store
from productivity_plans.store.models import Base, DocumentRow, PassageRow, UTCDateTime

StepKind = Literal["decision", "submission", "publication"]
STEP_KINDS: tuple[StepKind, ...] = get_args(StepKind)
ActionStatus = Literal["not_started", "in_progress", "done", "delayed"]
ACTION_STATUSES: tuple[ActionStatus, ...] = get_args(ActionStatus)
UpdateStatus = Literal["draft", "published"]
UPDATE_STATUSES: tuple[UpdateStatus, ...] = get_args(UpdateStatus)
DisputeStatus = Literal["open", "upheld", "dismissed"]
DISPUTE_STATUSES: tuple[DisputeStatus, ...] = get_args(DisputeStatus)
DISPUTE_DECISIONS: tuple[DisputeStatus, ...] = ("upheld", "dismissed")
REQUIREMENTS = ("member_oversight", "decision_before_deadline", "submitted", "published")
MAX_CSV_ROWS = 5_000


class WorkspaceError(ValueError):
    """Something a council tried to record that cannot be: the message says why, for people.

    ``field`` names the form field at fault (for an error summary), ``line`` the CSV line."""

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None):
        super().__init__(message)
        self.field = field
        self.line = line


class CsvImportError(WorkspaceError):
    """A CSV with bad rows: every bad row, by line number; nothing was imported."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__(
            f"{len(problems)} bad row(s); nothing was imported: "
            + "; ".join(f"line {n}: {why}" for n, why in problems[:20]),
            field="csv",
        )
        self.problems = problems


# --- tables -------------------------------------------------------------------------------


class RecordedStepRow(Base):
    """A governance step, the submission or the publication, as the council records it."""

    __tablename__ = "recorded_steps"
    __table_args__ = (
        CheckConstraint("kind IN ('decision', 'submission', 'publication')", name="kind"),
        Index("ix_recorded_steps_council_gss", "council_gss"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_gss: Mapped[str] = mapped_column(String(9))
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str | None] = mapped_column(Text)
    day: Mapped[date | None] = mapped_column("date", Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(320))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProgressUpdateRow(Base):
    """A progress update: a draft until the council publishes it."""

    __tablename__ = "progress_updates"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'published')", name="status"),
        Index("ix_progress_updates_council_gss", "council_gss"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_gss: Mapped[str] = mapped_column(String(9))
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ProgressActionRow(Base):
    """An action or milestone from the plan, with its status on a date."""

    __tablename__ = "progress_actions"
    __table_args__ = (
        CheckConstraint(
            "status IN ('not_started', 'in_progress', 'done', 'delayed')", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    update_id: Mapped[int] = mapped_column(
        ForeignKey("progress_updates.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    day: Mapped[date | None] = mapped_column("date", Date)
    note: Mapped[str | None] = mapped_column(Text)


class MeasureValueRow(Base):
    """One value of one measure (KPI) for a period."""

    __tablename__ = "measure_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    update_id: Mapped[int] = mapped_column(
        ForeignKey("progress_updates.id", ondelete="CASCADE"), index=True
    )
    measure: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column("date", Date)
    period: Mapped[str | None] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class DisputeRow(Base):
    """A council's disagreement with a code on a passage or a requirement's status."""

    __tablename__ = "disputes"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'upheld', 'dismissed')", name="status"),
        CheckConstraint(
            "(code_type IS NOT NULL AND value IS NOT NULL) OR requirement IS NOT NULL",
            name="target",
        ),
        Index("ix_disputes_council_gss", "council_gss"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_gss: Mapped[str] = mapped_column(String(9))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    passage_id: Mapped[int | None] = mapped_column(ForeignKey("passages.id", ondelete="SET NULL"))
    code_type: Mapped[str | None] = mapped_column(String(20))
    value: Mapped[str | None] = mapped_column(String(128))
    requirement: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    raised_by: Mapped[str] = mapped_column(String(320))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(320))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)


# --- records handed out -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordedStep:
    id: int
    council_gss: str
    kind: StepKind
    body: str | None
    date: date | None
    outcome: str | None
    url: str | None
    note: str | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ProgressAction:
    id: int
    update_id: int
    title: str
    status: ActionStatus
    date: date | None
    note: str | None


@dataclass(frozen=True, slots=True)
class MeasureValue:
    id: int
    update_id: int
    measure: str
    date: date
    period: str | None
    value: float
    unit: str | None
    source: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ProgressUpdate:
    id: int
    council_gss: str
    title: str
    status: UpdateStatus
    created_by: str
    created_at: datetime
    published_at: datetime | None
    actions: tuple[ProgressAction, ...]
    values: tuple[MeasureValue, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    id: int
    council_gss: str
    document_id: int | None
    passage_id: int | None
    code_type: str | None
    value: str | None
    requirement: str | None
    note: str
    status: DisputeStatus
    raised_by: str
    raised_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None


def _step(row: RecordedStepRow) -> RecordedStep:
    kind = row.kind
    assert kind in STEP_KINDS
    return RecordedStep(
        row.id,
        row.council_gss,
        kind,
        row.body,
        row.day,
        row.outcome,
        row.url,
        row.note,
        row.recorded_by,
        row.recorded_at,
    )


def _action(row: ProgressActionRow) -> ProgressAction:
    status = row.status
    assert status in ACTION_STATUSES
    return ProgressAction(row.id, row.update_id, row.title, status, row.day, row.note)


def _value(row: MeasureValueRow) -> MeasureValue:
    return MeasureValue(
        row.id,
        row.update_id,
        row.measure,
        row.day,
        row.period,
        row.value,
        row.unit,
        row.source,
        row.note,
    )


def _dispute(row: DisputeRow) -> Dispute:
    status = row.status
    assert status in DISPUTE_STATUSES
    return Dispute(
        row.id,
        row.council_gss,
        row.document_id,
        row.passage_id,
        row.code_type,
        row.value,
        row.requirement,
        row.note,
        status,
        row.raised_by,
        row.raised_at,
        row.decided_by,
        row.decided_at,
        row.decision_note,
    )


# --- checks -------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _may_change(user: User, council_gss: str) -> None:
    """Officers for their own council, admins for any: the same rule as uploads."""
    if not user.can_upload_for(council_gss):
        raise PermissionError("only this council's officers (or an admin) can change this")


def _text(value: str | None, field: str, *, limit: int = 2000) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise WorkspaceError(f"Keep the {field} to {limit} characters or fewer", field=field)
    return cleaned or None


def _past_date(value: date | None, field: str, what: str, *, today: date | None = None) -> date:
    if value is None:
        raise WorkspaceError(f"Enter the date of the {what}", field=field)
    if value > (today or date.today()):
        raise WorkspaceError(
            f"The date of the {what} must be today or in the past: a step that has not "
            "happened yet is not a record of one",
            field=field,
        )
    return value


def check_url(value: str | None, field: str = "url") -> str | None:
    """Only absolute http(s) links: they are shown as links on public pages."""
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(cleaned) > 2000:
        raise WorkspaceError("Enter a web address starting with https:// or http://", field=field)
    return cleaned


# --- governance steps ---------------------------------------------------------------------


def record_step(
    store: Store,
    user: User,
    council_gss: str,
    kind: str,
    *,
    body: str | None = None,
    day: date | None = None,
    outcome: str | None = None,
    url: str | None = None,
    note: str | None = None,
    framework: Framework | None = None,
    today: date | None = None,
) -> RecordedStep:
    """Record a decision (body, date, outcome, link to the paper), the submission (date) or the
    publication (URL, date optional)."""
    council_gss = council_gss.upper()
    _may_change(user, council_gss)
    framework = framework or load_framework()
    if kind not in STEP_KINDS:
        raise WorkspaceError(f"A step is one of {', '.join(STEP_KINDS)}", field="kind")
    body = _text(body, "body", limit=200)
    url = check_url(url)
    note = _text(note, "note")
    if kind == "decision":
        if body is None:
            raise WorkspaceError("Enter the body that decided, like Cabinet", field="body")
        day = _past_date(day, "date", "decision", today=today)
        if outcome not in framework.outcome_ids:
            raise WorkspaceError(
                f"Choose an outcome: one of {', '.join(framework.outcome_ids)}", field="outcome"
            )
    elif kind == "submission":
        day = _past_date(day, "date", "submission", today=today)
        outcome = None
    else:
        if url is None:
            raise WorkspaceError("Enter the web address where the plan is published", field="url")
        day = _past_date(day, "date", "publication", today=today) if day else None
        outcome = None
    with store._writing() as session:
        row = RecordedStepRow(
            council_gss=council_gss,
            kind=kind,
            body=body if kind == "decision" else None,
            day=day,
            outcome=outcome,
            url=url,
            note=note,
            recorded_by=user.email,
            recorded_at=_now(),
        )
        session.add(row)
        session.flush()
        detail = {"kind": kind, "body": row.body, "outcome": outcome, "url": url}
        detail["date"] = day.isoformat() if day else None
        write_audit(session, user, "governance.record", f"recorded_step:{row.id}", detail)
        return _step(row)


def remove_step(store: Store, user: User, step_id: int) -> None:
    """Take back a recorded step (the audit log keeps what it said)."""
    with store._writing() as session:
        row = session.get(RecordedStepRow, step_id)
        if row is None:
            raise LookupError(f"no recorded step {step_id}")
        _may_change(user, row.council_gss)
        write_audit(
            session,
            user,
            "governance.remove",
            f"recorded_step:{step_id}",
            {"kind": row.kind, "date": row.day.isoformat() if row.day else None},
        )
        session.delete(row)


def recorded_steps(store: Store, council_gss: str | None = None) -> list[RecordedStep]:
    """Recorded steps (one council's, or everyone's), by date then id."""
    query = select(RecordedStepRow).order_by(RecordedStepRow.day, RecordedStepRow.id)
    if council_gss is not None:
        query = query.where(RecordedStepRow.council_gss == council_gss.upper())
    with Session(store.engine) as session:
        return [_step(r) for r in session.scalars(query)]


# --- progress updates ---------------------------------------------------------------------


def create_update(store: Store, user: User, council_gss: str, title: str) -> int:
    """A new draft progress update; returns its id."""
    council_gss = council_gss.upper()
    _may_change(user, council_gss)
    cleaned = _text(title, "title", limit=200)
    if cleaned is None:
        raise WorkspaceError("Enter a title for the update, like “Autumn 2024”", field="title")
    with store._writing() as session:
        row = ProgressUpdateRow(
            council_gss=council_gss,
            title=cleaned,
            status="draft",
            created_by=user.email,
            created_at=_now(),
        )
        session.add(row)
        session.flush()
        write_audit(
            session, user, "progress.create", f"progress_update:{row.id}", {"title": cleaned}
        )
        return row.id


def _update_row(session: Session, user: User, update_id: int) -> ProgressUpdateRow:
    row = session.get(ProgressUpdateRow, update_id)
    if row is None:
        raise LookupError(f"no progress update {update_id}")
    _may_change(user, row.council_gss)
    return row


def add_action(
    store: Store,
    user: User,
    update_id: int,
    title: str,
    status: str,
    day: date | None = None,
    note: str | None = None,
) -> int:
    cleaned = _text(title, "action", limit=500)
    if cleaned is None:
        raise WorkspaceError("Enter the action or milestone", field="action")
    if status not in ACTION_STATUSES:
        raise WorkspaceError(
            f"Choose a status: one of {', '.join(ACTION_STATUSES)}", field="action_status"
        )
    with store._writing() as session:
        _update_row(session, user, update_id)
        row = ProgressActionRow(
            update_id=update_id, title=cleaned, status=status, day=day, note=_text(note, "note")
        )
        session.add(row)
        session.flush()
        write_audit(
            session,
            user,
            "progress.action",
            f"progress_update:{update_id}",
            {"action_id": row.id, "title": cleaned, "status": status},
        )
        return row.id


@dataclass(frozen=True, slots=True)
class MeasureInput:
    """One measure value as entered, before it is stored."""

    measure: str
    day: date
    value: float
    unit: str | None = None
    period: str | None = None
    source: str | None = None
    note: str | None = None


def check_measure(
    measure: str | None,
    day: date | str | None,
    value: float | str | None,
    *,
    unit: str | None = None,
    period: str | None = None,
    source: str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> MeasureInput:
    """A measure value from what a form or a CSV row gave, or the first reason it is not one."""
    name = _text(measure, "measure", limit=200)
    if name is None:
        raise WorkspaceError("Enter the name of the measure", field="measure")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day.strip())
        except ValueError:
            raise WorkspaceError(
                f"The date {day!r} is not a date like 2024-09-30", field="value_date"
            ) from None
    if day is None:
        raise WorkspaceError("Enter the date the value is for", field="value_date")
    if day > (today or date.today()):
        raise WorkspaceError("A measured value cannot be dated in the future", field="value_date")
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            raise WorkspaceError(f"The value {value!r} is not a number", field="value") from None
    if value is None or not math.isfinite(value):
        raise WorkspaceError("Enter the value as a number", field="value")
    return MeasureInput(
        name,
        day,
        float(value),
        _text(unit, "unit", limit=40),
        _text(period, "period", limit=40),
        _text(source, "source", limit=500),
        _text(note, "note"),
    )


def add_values(
    store: Store, user: User, update_id: int, values: Sequence[MeasureInput], *, how: str = "form"
) -> list[int]:
    """Store measure values on an update, all or none, with one audit row."""
    with store._writing() as session:
        _update_row(session, user, update_id)
        rows = [
            MeasureValueRow(
                update_id=update_id,
                measure=v.measure,
                day=v.day,
                period=v.period,
                value=v.value,
                unit=v.unit,
                source=v.source,
                note=v.note,
            )
            for v in values
        ]
        session.add_all(rows)
        session.flush()
        write_audit(
            session,
            user,
            "progress.values",
            f"progress_update:{update_id}",
            {"how": how, "count": len(rows), "measures": sorted({v.measure for v in values})},
        )
        return [r.id for r in rows]


CSV_COLUMNS = ("measure", "date", "value", "unit", "period", "source", "note")


def parse_measures_csv(content: str, *, today: date | None = None) -> list[MeasureInput]:
    """Every row of a measures CSV (header: measure, date, value, and optionally unit, period,
    source, note), or ``CsvImportError`` naming every bad row by its line number."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("measure", "date", "value") if c not in header]
    if missing:
        raise CsvImportError([(1, f"the header needs the column(s) {', '.join(missing)}")])
    reader.fieldnames = header
    found: list[MeasureInput] = []
    problems: list[tuple[int, str]] = []
    for row in reader:
        line = reader.line_num
        if len(found) + len(problems) >= MAX_CSV_ROWS:
            problems.append((line, f"more than {MAX_CSV_ROWS} rows"))
            break
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            continue
        try:
            found.append(
                check_measure(
                    row.get("measure"),
                    row.get("date") or None,
                    row.get("value") or None,
                    unit=row.get("unit"),
                    period=row.get("period"),
                    source=row.get("source"),
                    note=row.get("note"),
                    today=today,
                )
            )
        except WorkspaceError as error:
            problems.append((line, str(error)))
    if problems:
        raise CsvImportError(problems)
    if not found:
        raise CsvImportError([(2, "the file has no rows under its header")])
    return found


def publish_update(store: Store, user: User, update_id: int) -> None:
    """Make an update public (its actions and values appear on the council's page)."""
    with store._writing() as session:
        row = _update_row(session, user, update_id)
        if row.status == "published":
            return
        row.status, row.published_at = "published", _now()
        write_audit(session, user, "progress.publish", f"progress_update:{update_id}", {})


def delete_update(store: Store, user: User, update_id: int) -> None:
    """Delete a draft update (a published one stays on the record)."""
    with store._writing() as session:
        row = _update_row(session, user, update_id)
        if row.status == "published":
            raise WorkspaceError("A published update stays on the record", field="update")
        write_audit(
            session, user, "progress.delete", f"progress_update:{update_id}", {"title": row.title}
        )
        session.delete(row)


def progress_updates(
    store: Store, council_gss: str | None = None, *, published_only: bool = True
) -> list[ProgressUpdate]:
    """Updates with their actions and values, oldest first. The public sees published ones."""
    query = select(ProgressUpdateRow).order_by(ProgressUpdateRow.id)
    if council_gss is not None:
        query = query.where(ProgressUpdateRow.council_gss == council_gss.upper())
    if published_only:
        query = query.where(ProgressUpdateRow.status == "published")
    with Session(store.engine) as session:
        updates = list(session.scalars(query))
        ids = [u.id for u in updates]
        actions = session.scalars(
            select(ProgressActionRow)
            .where(ProgressActionRow.update_id.in_(ids))
            .order_by(ProgressActionRow.id)
        ).all()
        values = session.scalars(
            select(MeasureValueRow)
            .where(MeasureValueRow.update_id.in_(ids))
            .order_by(MeasureValueRow.day, MeasureValueRow.id)
        ).all()
    out = []
    for u in updates:
        status = u.status
        assert status in UPDATE_STATUSES
        out.append(
            ProgressUpdate(
                u.id,
                u.council_gss,
                u.title,
                status,
                u.created_by,
                u.created_at,
                u.published_at,
                tuple(_action(a) for a in actions if a.update_id == u.id),
                tuple(_value(v) for v in values if v.update_id == u.id),
            )
        )
    return out


def progress_update(store: Store, update_id: int) -> ProgressUpdate | None:
    with Session(store.engine) as session:
        row = session.get(ProgressUpdateRow, update_id)
        gss = row.council_gss if row else None
    if gss is None:
        return None
    found = progress_updates(store, gss, published_only=False)
    return next((u for u in found if u.id == update_id), None)


@dataclass(frozen=True, slots=True)
class MeasureSeries:
    """One measure's values over time across a council's published updates."""

    measure: str
    unit: str | None
    values: tuple[MeasureValue, ...]


def measure_series(updates: Iterable[ProgressUpdate]) -> list[MeasureSeries]:
    """Values grouped by measure (in first-seen order), each by date."""
    by_measure: dict[str, list[MeasureValue]] = {}
    for update in updates:
        for value in update.values:
            by_measure.setdefault(value.measure, []).append(value)
    return [
        MeasureSeries(
            name,
            next((v.unit for v in values if v.unit), None),
            tuple(sorted(values, key=lambda v: (v.date, v.id))),
        )
        for name, values in by_measure.items()
    ]


# --- disputes -----------------------------------------------------------------------------


def raise_dispute(
    store: Store,
    user: User,
    council_gss: str,
    note: str,
    *,
    document_id: int | None = None,
    passage_id: int | None = None,
    code_type: str | None = None,
    value: str | None = None,
    requirement: str | None = None,
) -> int:
    """An officer disputes a code on a passage of one of the council's documents, or a
    requirement's status; the analysts see it in their queue."""
    council_gss = council_gss.upper()
    _may_change(user, council_gss)
    cleaned = _text(note, "note")
    if cleaned is None:
        raise WorkspaceError("Say what is wrong, in a note", field="note")
    if requirement is not None and requirement not in REQUIREMENTS:
        raise WorkspaceError(f"A requirement is one of {', '.join(REQUIREMENTS)}", field="target")
    if requirement is None and (passage_id is None or not code_type or not value):
        raise WorkspaceError("Choose the code or the status you dispute", field="target")
    with store._writing() as session:
        if passage_id is not None:
            passage = session.get(PassageRow, passage_id)
            if passage is None:
                raise LookupError(f"no passage {passage_id}")
            document_id = passage.document_id
        if document_id is not None and session.get(DocumentRow, document_id) is None:
            raise LookupError(f"no document {document_id}")
        row = DisputeRow(
            council_gss=council_gss,
            document_id=document_id,
            passage_id=passage_id,
            code_type=code_type if requirement is None else None,
            value=value if requirement is None else None,
            requirement=requirement,
            note=cleaned,
            status="open",
            raised_by=user.email,
            raised_at=_now(),
        )
        session.add(row)
        session.flush()
        target = requirement or f"{code_type}={value}"
        write_audit(
            session,
            user,
            "dispute.raise",
            f"dispute:{row.id}",
            {"council": council_gss, "target": target, "passage_id": passage_id},
        )
        return row.id


def decide_dispute(
    store: Store, user: User, dispute_id: int, decision: str, note: str | None = None
) -> Dispute:
    """An analyst upholds or dismisses a dispute, with a note."""
    if user.role not in ("analyst", "admin"):
        raise PermissionError("only analysts and admins decide disputes")
    if decision not in DISPUTE_DECISIONS:
        raise WorkspaceError("The decision is upheld or dismissed", field="decision")
    with store._writing() as session:
        row = session.get(DisputeRow, dispute_id)
        if row is None:
            raise LookupError(f"no dispute {dispute_id}")
        row.status, row.decided_by, row.decided_at = decision, user.email, _now()
        row.decision_note = _text(note, "note")
        write_audit(
            session,
            user,
            f"dispute.{decision}",
            f"dispute:{dispute_id}",
            {"note": row.decision_note},
        )
        return _dispute(row)


def undo_dispute_decision(store: Store, user: User, dispute_id: int) -> Dispute:
    """Reopen a decided dispute (the audit log keeps the decision that was undone)."""
    if user.role not in ("analyst", "admin"):
        raise PermissionError("only analysts and admins decide disputes")
    with store._writing() as session:
        row = session.get(DisputeRow, dispute_id)
        if row is None:
            raise LookupError(f"no dispute {dispute_id}")
        if row.status == "open":
            raise WorkspaceError("This dispute has not been decided", field="decision")
        write_audit(
            session,
            user,
            "dispute.undo",
            f"dispute:{dispute_id}",
            {"was": row.status, "by": row.decided_by, "note": row.decision_note},
        )
        row.status, row.decided_by, row.decided_at, row.decision_note = "open", None, None, None
        return _dispute(row)


def dispute(store: Store, dispute_id: int) -> Dispute:
    with Session(store.engine) as session:
        row = session.get(DisputeRow, dispute_id)
        if row is None:
            raise LookupError(f"no dispute {dispute_id}")
        return _dispute(row)


@dataclass(frozen=True, slots=True)
class DisputePage:
    total: int
    disputes: list[Dispute]


def disputes(
    store: Store,
    *,
    council_gss: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> DisputePage:
    """Disputes, oldest first, filtered by council and status, one page at a time."""
    where = []
    if council_gss:
        where.append(DisputeRow.council_gss == council_gss.upper())
    if status:
        where.append(DisputeRow.status == status)
    with Session(store.engine) as session:
        total = session.scalar(select(func.count()).select_from(DisputeRow).where(*where)) or 0
        rows = session.scalars(
            select(DisputeRow)
            .where(*where)
            .order_by(DisputeRow.raised_at, DisputeRow.id)
            .offset(max(offset, 0))
            .limit(max(limit, 0))
        ).all()
        return DisputePage(int(total), [_dispute(r) for r in rows])
