"""Accounts, roles, sign-in limits and the audit log (migrations 0003 and 0009).

Roles: ``analyst`` (reads everything, reviews), ``officer`` (uploads for one council, by GSS
code), ``admin`` (everything). The public needs no account. Passwords are hashed with argon2id
(argon2-cffi defaults); a hash made with weaker parameters is upgraded at the next login.

Every change made through the web app or the ``user`` command is one row in ``audit_log``
(who, when, what, which target), written in the same transaction as the change itself, so there
is never a change without its audit row or an audit row for a change that rolled back.

Uploads (which council an officer said a document belongs to, draft or published) are in
``store.ownership``.

Sign-in limits (migration 0009): each attempt is a row in ``sign_in_attempts`` from the moment
it starts until it succeeds, so a burst of parallel guesses is counted as it arrives, in every
worker process, rather than after the slow password check. Too many failures for the account
as typed (whether or not it exists, so a refusal says nothing about which accounts exist) or
from one client address refuse further attempts, the right password included, until the oldest
counted failure leaves the window. Refused attempts are not counted, so waiting always ends a
lock-out. A success clears the account's failures; an address's failures only age out.

Changing or resetting a password adds one to the user's ``session_version``; the web app keeps
that number in the signed session cookie and treats a cookie with another number as signed
out, so every other session of that user ends.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    delete,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from productivity_plans.store.db import Store
from productivity_plans.store.models import Base, UTCDateTime

Role = Literal["analyst", "officer", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_GSS = re.compile(r"^[EWSN]\d{8}$")
MIN_PASSWORD_LENGTH = 12

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password, only here to spend the same time")


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('analyst', 'officer', 'admin')", name="role"),
        CheckConstraint("role != 'officer' OR council_gss IS NOT NULL", name="officer_council"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    council_gss: Mapped[str | None] = mapped_column(String(9))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    session_version: Mapped[int] = mapped_column(Integer, server_default="0")


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(320))  # kept when the user row is gone
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class SignInAttemptRow(Base):
    """An attempt to prove a password: counted as a failure unless and until it succeeds."""

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_account", "account"),
        Index("ix_sign_in_attempts_address", "address"),
        Index("ix_sign_in_attempts_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    account: Mapped[str] = mapped_column(String(320))  # the e-mail as typed, normalised
    address: Mapped[str] = mapped_column(String(64))


class AccountError(ValueError):
    """A user could not be created or changed; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in person, without the password hash."""

    id: int
    email: str
    role: Role
    council_gss: str | None
    active: bool
    session_version: int = 0

    def can_upload_for(self, council_gss: str) -> bool:
        if not self.active:
            return False
        if self.role == "admin":
            return True
        return self.role == "officer" and self.council_gss == council_gss.upper()

    @property
    def can_upload(self) -> bool:
        return self.active and self.role in ("officer", "admin")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]


def _user(row: UserRow) -> User:
    role = row.role
    assert role in ROLES
    return User(row.id, row.email, role, row.council_gss, row.active, row.session_version)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def write_audit(
    session: Session, actor: User | None, action: str, target: str, detail: dict[str, Any]
) -> None:
    """Add the audit row for a change made in ``session``: it commits or rolls back with it."""
    session.add(
        AuditRow(
            at=datetime.now(UTC),
            user_id=actor.id if actor else None,
            actor=actor.email if actor else "system",
            action=action,
            target=target,
            detail=detail,
        )
    )


def create_user(
    store: Store,
    email: str,
    password: str,
    role: str,
    *,
    council_gss: str | None = None,
    by: User | None = None,
) -> User:
    """Add an account. Officers need a council (GSS code); others must not have one."""
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise AccountError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    check_new_password(password)
    council = council_gss.strip().upper() if council_gss else None
    if role == "officer" and not council:
        raise AccountError("an officer account needs --council GSS (their council's GSS code)")
    if role != "officer" and council:
        raise AccountError("only officer accounts belong to a council")
    if council and not _GSS.match(council):
        raise AccountError(f"not a GSS code: {council!r} (like E07000033)")
    with store._writing() as session:
        row = UserRow(
            email=email,
            password_hash=_hasher.hash(password),
            role=role,
            council_gss=council,
            active=True,
            created_at=datetime.now(UTC),
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError as error:
            raise AccountError(f"there is already an account for {email}") from error
        write_audit(session, by, "user.create", f"user:{email}", {"role": role, "council": council})
        return _user(row)


SIGN_IN_ENV_PREFIX = "PRODPLANS_SIGN_IN_"
# Held by each attempt's first transaction on PostgreSQL, so counting and recording an attempt
# is one step across processes (SQLite's BEGIN IMMEDIATE already serialises writers).
_PG_SIGN_IN_LOCK = 7_318_004
ACCOUNT_AS_TYPED_LIMIT = 100  # characters of a failed sign-in's e-mail kept in the audit log
ADDRESS_LIMIT = 64


@dataclass(frozen=True, slots=True)
class SignInLimits:
    """Failures allowed per account and per client address within ``window`` (0: no limit)."""

    per_account: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> SignInLimits:
        """``PRODPLANS_SIGN_IN_PER_ACCOUNT``, ``…_PER_ADDRESS``, ``…_WINDOW_SECONDS``."""
        base = cls()

        def number(name: str, default: int) -> int:
            raw = environ.get(SIGN_IN_ENV_PREFIX + name, "").strip()
            if not raw:
                return default
            if not raw.isdigit():
                raise ValueError(f"{SIGN_IN_ENV_PREFIX}{name} must be a whole number, not {raw!r}")
            return int(raw)

        window = number("WINDOW_SECONDS", int(base.window.total_seconds()))
        return cls(
            per_account=number("PER_ACCOUNT", base.per_account),
            per_address=number("PER_ADDRESS", base.per_address),
            window=timedelta(seconds=max(window, 1)),
        )


@dataclass(frozen=True, slots=True)
class PasswordCheck:
    """What came of proving a password: the user, or why not.

    ``retry_after`` (seconds) is set when the attempt was refused for too many failures; the
    password was then not even checked.
    """

    user: User | None
    retry_after: int | None = None


def check_new_password(password: str) -> None:
    """The one rule for every new password (``user add``, change, reset)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")


def _wait_for(times: list[datetime], limit: int, window: timedelta, now: datetime) -> float:
    """Seconds until fewer than ``limit`` of these failure times are inside the window."""
    if limit <= 0 or len(times) < limit:
        return 0.0
    freed_at = times[len(times) - limit] + window
    return max((freed_at - now).total_seconds(), 0.0)


def _failure_times(session: Session, column: Any, key: str, since: datetime) -> list[datetime]:
    return list(
        session.scalars(
            select(SignInAttemptRow.at)
            .where(column == key, SignInAttemptRow.at > since)
            .order_by(SignInAttemptRow.at)
        )
    )


def _start_attempt(
    store: Store, account: str, address: str, limits: SignInLimits, failure_action: str
) -> int | PasswordCheck:
    """Count this attempt (its row id), or refuse it (a PasswordCheck saying when to retry)."""
    now = datetime.now(UTC)
    since = now - limits.window
    with store._writing() as session:
        if store.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SIGN_IN_LOCK})
        session.execute(delete(SignInAttemptRow).where(SignInAttemptRow.at <= since))
        wait = max(
            _wait_for(
                _failure_times(session, SignInAttemptRow.account, account, since),
                limits.per_account,
                limits.window,
                now,
            ),
            _wait_for(
                _failure_times(session, SignInAttemptRow.address, address, since),
                limits.per_address,
                limits.window,
                now,
            ),
        )
        if wait > 0:
            _audit_failure(session, failure_action, account, address, "throttled")
            return PasswordCheck(None, retry_after=max(math.ceil(wait), 1))
        attempt = SignInAttemptRow(at=now, account=account, address=address)
        session.add(attempt)
        session.flush()
        return attempt.id


def _audit_failure(session: Session, action: str, account: str, address: str, reason: str) -> None:
    """Nobody is signed in yet, so the actor is "anonymous" and the account is as typed."""
    session.add(
        AuditRow(
            at=datetime.now(UTC),
            user_id=None,
            actor="anonymous",
            action=action,
            target="sign-in",
            detail={
                "account": account[:ACCOUNT_AS_TYPED_LIMIT],
                "address": address,
                "reason": reason,
            },
        )
    )


def _password_matches(row: UserRow | None, password: str) -> bool:
    """Spends the same argon2 time whether or not the account exists."""
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return row is not None


def _forget_failures(session: Session, account: str, attempt_id: int) -> None:
    session.execute(
        delete(SignInAttemptRow).where(
            or_(SignInAttemptRow.account == account, SignInAttemptRow.id == attempt_id)
        )
    )


def sign_in(
    store: Store, email: str, password: str, *, address: str, limits: SignInLimits
) -> PasswordCheck:
    """The active user with this e-mail and password, within the sign-in limits.

    Every outcome is audited: ``user.login`` on success, else ``user.login_failed`` with the
    e-mail as typed (truncated), the client address and the reason (unknown account, wrong
    password, inactive account, throttled).
    """
    account = normalise_email(email)[:320]
    address = address[:ADDRESS_LIMIT]
    started = _start_attempt(store, account, address, limits, "user.login_failed")
    if isinstance(started, PasswordCheck):
        return started
    with store._writing() as session:
        row = session.scalar(select(UserRow).where(UserRow.email == account))
        if not _password_matches(row, password):
            reason = "unknown account" if row is None else "wrong password"
            _audit_failure(session, "user.login_failed", account, address, reason)
            return PasswordCheck(None)
        assert row is not None
        if not row.active:
            _audit_failure(session, "user.login_failed", account, address, "inactive account")
            return PasswordCheck(None)
        _forget_failures(session, account, started)
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        row.last_login_at = datetime.now(UTC)
        user = _user(row)
        write_audit(session, user, "user.login", f"user:{user.email}", {"address": address})
        return PasswordCheck(user)


def _set_password(row: UserRow, password: str) -> User:
    """A new hash and a new session version: every existing session of the user ends."""
    row.password_hash = _hasher.hash(password)
    row.session_version = row.session_version + 1
    return _user(row)


def change_password(
    store: Store,
    user: User,
    current: str,
    new: str,
    *,
    address: str,
    limits: SignInLimits,
) -> PasswordCheck:
    """A signed-in user's own change, proven by the current password.

    A wrong current password counts against the same limits as a failed sign-in, so a stolen
    session cannot be used to guess the password. Raises AccountError for a new password that
    breaks the rule (before anything is counted).
    """
    check_new_password(new)
    address = address[:ADDRESS_LIMIT]
    action = "user.password_change_failed"
    started = _start_attempt(store, user.email, address, limits, action)
    if isinstance(started, PasswordCheck):
        return started
    with store._writing() as session:
        row = session.get(UserRow, user.id)
        if row is None or not row.active or not _password_matches(row, current):
            _audit_failure(session, action, user.email, address, "wrong password")
            return PasswordCheck(None)
        _forget_failures(session, row.email, started)
        changed = _set_password(row, new)
        write_audit(session, changed, "user.password_change", f"user:{changed.email}", {})
        return PasswordCheck(changed)


def reset_password(store: Store, email: str, new: str, *, by: User | None) -> User:
    """An admin's (or, with ``by=None``, the command line's) reset of someone's password.

    It also clears the account's sign-in failures, so a locked-out user can sign in at once.
    """
    check_new_password(new)
    account = normalise_email(email)
    with store._writing() as session:
        row = session.scalar(select(UserRow).where(UserRow.email == account))
        if row is None:
            raise AccountError(f"there is no account for {account}")
        session.execute(delete(SignInAttemptRow).where(SignInAttemptRow.account == account))
        changed = _set_password(row, new)
        write_audit(session, by, "user.password_reset", f"user:{changed.email}", {})
        return changed


def get_user(store: Store, user_id: int) -> User | None:
    with Session(store.engine) as session:
        row = session.get(UserRow, user_id)
        return _user(row) if row else None


def record(
    store: Store, actor: User | None, action: str, target: str, detail: dict[str, Any]
) -> None:
    """An audit row for a change made elsewhere (e.g. a logout)."""
    with store._writing() as session:
        write_audit(session, actor, action, target, detail)


def audit_entries(store: Store, *, limit: int = 200) -> list[AuditEntry]:
    """The newest audit rows first."""
    with Session(store.engine) as session:
        rows = session.scalars(
            select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
        ).all()
        return [AuditEntry(r.id, r.at, r.actor, r.action, r.target, r.detail) for r in rows]


def find_user(store: Store, email: str) -> User | None:
    """The account with this e-mail (any case), for commands that act as a named person."""
    with Session(store.engine) as session:
        row = session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))
        return _user(row) if row else None
