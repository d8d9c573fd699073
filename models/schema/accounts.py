"""Accounts and sign-in: staff accounts, sign-in throttling and sessions, one-time password links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.rules import NAME_MAX, ROLES
from models.schema.base import Base, _in, utc_now
from models.schema.structure import Organisation


class User(Base):
    """A staff account: name, e-mail, organisation and role, nothing more."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    role: Mapped[str] = mapped_column(String(10), default="viewer")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    # Sign-in through the district's identity provider (OIDC): the provider (issuer) and its subject identifier.
    oidc_subject: Mapped[str | None] = mapped_column(String(200), unique=True)
    oidc_issuer: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The account's holder asked for no reminder mails of reporting rounds (the opt-out line of every mail).
    reminders_off: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    organisation: Mapped[Organisation | None] = relationship()


class SignInThrottle(Base):
    """Failed sign-in attempts per key (a hashed e-mail address or client address), for every key alike,
    so that unknown and existing accounts answer the same. Counted by atomic upserts (models/auth.py)."""

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class SignInSession(Base):
    """One sign-in on the server side: sign-out, a change of the account's rights, deactivation, idle time
    and the absolute lifetime end it, and an ended session never comes back (models/sign_in_sessions.py)."""

    __tablename__ = "sign_in_session"
    __table_args__ = (CheckConstraint(_in("method", ("local", "oidc")), name="method_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the local session token, or of the identity provider's token identity.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))


PASSWORD_TOKEN_PURPOSES = ("set", "reset")


class PasswordToken(Base):
    """A one-time link to set an account's password: issued by an admin ("set"), or asked for by e-mail
    ("reset"). Only the SHA-256 digest of its random token is kept; it expires, works once, and a newer link
    of the same account ends the older ones (models/password_tokens.py)."""

    __tablename__ = "password_token"
    __table_args__ = (CheckConstraint(_in("purpose", PASSWORD_TOKEN_PURPOSES), name="purpose_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Used, or replaced by a newer link: the link no longer works.
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))
