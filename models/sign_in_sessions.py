"""Server-side sign-in sessions: a sign-in lasts until sign-out, a change of the account's rights,
deactivation, the idle timeout or the absolute lifetime, whichever comes first, and then never returns.

A local sign-in gets a random token (kept by the browser in a signed cookie, models/sign_in_cookie.py); a
sign-in through the identity provider is known by its token identity (issuer, subject, issue time, nonce), so a
copied identity cookie replayed after "Abmelden" finds its session ended. Only SHA-256 digests are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor, actor_of
from models.schema import AuditEvent, SignInSession, User

IDLE_MINUTES = 60
LIFETIME_HOURS = 12
# last_seen_at is written at most this often: a page run of a signed-in user stays a read.
TOUCH_EVERY = dt.timedelta(minutes=1)


class SessionSettingInvalid(ValueError):
    """A session limit in the environment is not a whole number in range; the message is German."""


@dataclass(frozen=True)
class SessionLimits:
    idle: dt.timedelta
    lifetime: dt.timedelta


@dataclass(frozen=True)
class Resumed:
    """The session's account as it is now, or why the session is over."""

    actor: Actor | None
    ended_because: str | None = None


def session_limits(environ: Mapping[str, str] = os.environ) -> SessionLimits:
    """MPC_SESSION_IDLE_MINUTES (default 60) and MPC_SESSION_LIFETIME_HOURS (default 12)."""
    idle = whole_number_setting(environ, "MPC_SESSION_IDLE_MINUTES", IDLE_MINUTES, 1, 24 * 60)
    lifetime = whole_number_setting(environ, "MPC_SESSION_LIFETIME_HOURS", LIFETIME_HOURS, 1, 24 * 30)
    return SessionLimits(dt.timedelta(minutes=idle), dt.timedelta(hours=lifetime))


def configured_limits() -> SessionLimits:
    """The limits from the environment; an invalid setting is logged and the defaults apply."""
    try:
        return session_limits()
    except SessionSettingInvalid as invalid:
        logging.getLogger(__name__).error("%s Using the defaults.", invalid)
        return session_limits({})


def whole_number_setting(environ: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """The whole number the environment variable NAME sets (DEFAULT when unset); German refusal out of range."""
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise SessionSettingInvalid(f"Die Einstellung {name} muss eine ganze Zahl von {low} bis {high} sein.")
    return int(raw)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def session_digest(key: str) -> str:
    """What the database keeps of a session token or identity key (also what a hand-over ticket names)."""
    return _digest(key)


def start_local_session(session: Session, user_id: int, now: dt.datetime | None = None) -> str:
    """A new session for a local sign-in; returns its token (never stored in clear)."""
    token = secrets.token_urlsafe(32)
    now = now or _now()
    session.add(SignInSession(key_hash=_digest(token), user_id=user_id, method="local",
                              created_at=now, last_seen_at=now))
    _audit(session, user_id, "sign_in", {"method": "local"}, now)
    session.flush()
    return token


def identity_key(claims: Mapping[str, object]) -> str:
    """What tells one sign-in at the identity provider from another (a new sign-in has a new iat/nonce)."""
    return "oidc\n" + "\n".join(str(claims.get(name) or "") for name in ("iss", "sub", "iat", "nonce", "sid"))


def open_identity_session(session: Session, user_id: int, key: str, limits: SessionLimits,
                          now: dt.datetime | None = None, issued_at: dt.datetime | None = None) -> bool:
    """The session of this identity-provider sign-in, made at its first use; False when it has ended
    (signed out, rights changed, expired) or the sign-in is older than the absolute lifetime."""
    now = now or _now()
    existing = session.scalar(select(SignInSession).where(SignInSession.key_hash == _digest(key)))
    if existing is not None:
        return existing.ended_at is None and existing.user_id == user_id
    if issued_at is not None and issued_at + limits.lifetime <= now:
        return False
    session.add(SignInSession(key_hash=_digest(key), user_id=user_id, method="oidc",
                              created_at=issued_at or now, last_seen_at=now))
    _audit(session, user_id, "sign_in", {"method": "oidc"}, now)
    session.flush()
    return True


def resume(session: Session, key: str, limits: SessionLimits, now: dt.datetime | None = None) -> Resumed:
    """The account behind a session token or identity key, read fresh (role, organisation, active), or
    the reason the session is over; an idle or expired session is ended on the way."""
    now = now or _now()
    found = _record_and_account(session, key)
    if found is None:
        return Resumed(None, "unknown")
    record, user = found
    reason = _why_over(record, user, limits, now)
    if reason:
        if record.ended_at is None:
            record.ended_at, record.end_reason = now, reason
        return Resumed(None, reason)
    if now - record.last_seen_at >= TOUCH_EVERY:
        record.last_seen_at = now
    return Resumed(actor_of(user, key))


def hand_over(session: Session, digest: str, limits: SessionLimits, now: dt.datetime | None = None) -> str | None:
    """A new token for the open local session with this digest, which ends ("handed_over"): the sign-in
    moves to the browser's cookie with its account, start time (absolute lifetime) and everything else.
    None when no such session holds any more, so a ticket naming it works once."""
    now = now or _now()
    found = _record_and_account_by_digest(session, digest)
    if found is None or found[0].method != "local" or _why_over(*found, limits, now) is not None:
        return None
    record = found[0]
    record.ended_at, record.end_reason = now, "handed_over"
    token = secrets.token_urlsafe(32)
    session.add(SignInSession(key_hash=_digest(token), user_id=record.user_id, method="local",
                              created_at=record.created_at, last_seen_at=now))
    session.flush()
    return token


def why_over(session: Session, key: str, limits: SessionLimits, now: dt.datetime | None = None) -> str | None:
    """Why the session behind a key no longer holds, or None while it does (reads only)."""
    found = _record_and_account(session, key)
    return "unknown" if found is None else _why_over(*found, limits, now or _now())


def _record_and_account(session: Session, key: str) -> tuple[SignInSession, User] | None:
    return _record_and_account_by_digest(session, _digest(key))


def _record_and_account_by_digest(session: Session, digest: str) -> tuple[SignInSession, User] | None:
    found = session.execute(
        select(SignInSession, User).join(User, User.id == SignInSession.user_id)
        .where(SignInSession.key_hash == digest)
    ).first()
    return None if found is None else (found[0], found[1])


def _why_over(record: SignInSession, user: User, limits: SessionLimits, now: dt.datetime) -> str | None:
    if record.ended_at is not None:
        return record.end_reason or "ended"
    if not user.active:
        return "deactivated"
    if now - record.last_seen_at > limits.idle:
        return "idle"
    if now - record.created_at > limits.lifetime:
        return "expired"
    return None


def end_session(session: Session, key: str, reason: str = "signed_out", now: dt.datetime | None = None) -> None:
    now = now or _now()
    user_id = session.scalar(select(SignInSession.user_id).where(SignInSession.key_hash == _digest(key),
                                                                  SignInSession.ended_at.is_(None)))
    if user_id is None:
        return
    session.execute(update(SignInSession).where(SignInSession.key_hash == _digest(key),
                                                SignInSession.ended_at.is_(None))
                    .values(ended_at=now, end_reason=reason))
    _audit(session, user_id, "sign_out", {"reason": reason}, now)


def _audit(session: Session, user_id: int, action: str, changes: dict, now: dt.datetime) -> None:
    """Sign-in and sign-out in the audit log, under no plan (they change no plan data, so no change counter
    moves and no visitor's cached page is refreshed because someone signed in)."""
    name = session.scalar(select(User.name).where(User.id == user_id)) or ""
    session.add(AuditEvent(plan_id=None, actor_id=user_id, actor_name=name, action=action, object_type="user",
                           object_id=user_id, changes=changes, at=now))


def end_sessions_of(session: Session, user_id: int, reason: str, now: dt.datetime | None = None,
                    keep_key: str | None = None) -> None:
    """End every open session of an account (its rights changed, it was deactivated, its password changed),
    except the one of KEEP_KEY (the person who changed their own password stays signed in there)."""
    where = [SignInSession.user_id == user_id, SignInSession.ended_at.is_(None)]
    if keep_key is not None:
        where.append(SignInSession.key_hash != _digest(keep_key))
    session.execute(update(SignInSession).where(*where).values(ended_at=now or _now(), end_reason=reason))
