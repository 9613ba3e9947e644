"""Accounts, roles, web uploads and the audit log (migration 0100).

Roles: ``analyst`` (reads everything, reviews), ``officer`` (uploads for one council, by GSS
code), ``admin`` (everything). The public needs no account. Passwords are hashed with argon2id
(argon2-cffi defaults); a hash made with weaker parameters is upgraded at the next login.

Every change made through the web app or the ``user`` command is one row in ``audit_log``
(who, when, what, which target), written in the same transaction as the change itself, so there
is never a change without its audit row or an audit row for a change that rolled back.

Uploads (which council an officer said a document belongs to, draft or published) are in
``store.ownership``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
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
    select,
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
    return User(row.id, row.email, role, row.council_gss, row.active)


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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
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


def authenticate(store: Store, email: str, password: str) -> User | None:
    """The active user with this e-mail and password, else None (and the same time spent)."""
    with store._writing() as session:
        row = session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))
        try:
            _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or not row.active:
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        row.last_login_at = datetime.now(UTC)
        user = _user(row)
        write_audit(session, user, "user.login", f"user:{user.email}", {})
        return user


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
