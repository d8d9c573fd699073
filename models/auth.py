"""Staff accounts: local sign-in with argon2 password hashes and throttling, and the mapping of an
identity provider's (OIDC) token claims to a role and an organisation.

No default password exists anywhere: the first admin is created with
`python -m cli create-admin`.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, and_, case, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.actors import Actor, actor_of
from models.rules import ROLES, clean_text
from models.schema import Organisation, SignInThrottle, User
from models.sign_in_sessions import end_sessions_of
from models.texts import Message
from models.wording import say

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
# Per client address (a municipal proxy hides many staff behind one address: generous, but finite).
MAX_FAILED_LOGINS_PER_CLIENT = 30
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
# The 19,640 most common passwords (from Django; source and licence: models/data/README.md).
COMMON_PASSWORDS_FILE = Path(__file__).parent / "data" / "common-passwords.txt.gz"
EMAIL_PATTERN = re.compile(r"^[^@\s\x00-\x1f]+@[^@\s\x00-\x1f]+\.[^@\s\x00-\x1f]+$")

# Token claims -> role: the first listed role found in the claim wins (see README, "Anmeldung").
ROLE_CLAIM = "roles"
ORGANISATION_CLAIM = "organisation"
ROLE_VALUES = {
    "masterplan-admin": "admin",
    "admin": "admin",
    "masterplan-editor": "editor",
    "editor": "editor",
    "masterplan-viewer": "viewer",
    "viewer": "viewer",
}

_hasher = PasswordHasher()
# Verifying against this keeps the time of a refusal the same for unknown e-mail addresses.
_DUMMY_HASH = _hasher.hash("not-a-password-of-anyone")


class SignInRefused(Exception):
    """Sign-in failed; the message (a models.texts.Message, German as a str) says no more than it must."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Throttle:
    """How many failed sign-ins a key may collect, and for how long it is then locked. `window` lets old
    failures lapse (per client); without it, failures count until a success or the lock ends ("in a row")."""

    prefix: str
    max_failures: int
    lock_minutes: int
    window_minutes: int | None = None


BY_ACCOUNT = Throttle("account", MAX_FAILED_LOGINS, LOCK_MINUTES)
BY_CLIENT = Throttle("client", MAX_FAILED_LOGINS_PER_CLIENT, LOCK_MINUTES, window_minutes=LOCK_MINUTES)
WRONG = say("sign_in.wrong")


def authenticate(engine: Engine, email: str, password: str, *, client: str | None = None,
                 now: dt.datetime | None = None) -> Actor:
    """The actor for a correct e-mail and password.

    Every attempt first claims a slot by an atomic increment (its own committed transaction), and only the
    first MAX_FAILED_LOGINS claims in a row are checked at all: parallel guesses from any number of
    processes cannot pass the lock, and a locked account is refused even with the right password.
    Unknown, deactivated and password-less e-mail addresses are counted and answered exactly alike.
    """
    now = now or _now()
    keys = [(BY_ACCOUNT, _throttle_key(BY_ACCOUNT, email.strip().lower()))]
    if client:
        keys.append((BY_CLIENT, _throttle_key(BY_CLIENT, client)))
    with Session(engine) as session, session.begin():
        refusal = next((message for rule, key in keys if (message := _claim(session, rule, key, now))), None)
        account = session.execute(select(User.id, User.password_hash).where(
            func.lower(User.email) == email.strip().lower(), User.active.is_(True))).first()
    if refusal:
        raise SignInRefused(refusal)
    password_hash = account.password_hash if account is not None else None
    if not _verify(password_hash or _DUMMY_HASH, password) or not password_hash:
        with Session(engine) as session, session.begin():
            locked = [rule for rule, key in keys if _lock_if_full(session, rule, key, now)]
            _forget_old_attempts(session, now)
        raise SignInRefused(_locked_message(locked[0]) if locked else WRONG)
    with Session(engine) as session, session.begin():
        # A parallel wrong guess may have used up the account's attempts while this one was being checked.
        if _is_locked(session, keys[0][1], now):
            raise SignInRefused(_locked_message(BY_ACCOUNT))
        session.execute(delete(SignInThrottle).where(SignInThrottle.key == keys[0][1]))
        # A success is no failure: give the client its claimed attempt back (staff behind one proxy).
        session.execute(update(SignInThrottle).where(SignInThrottle.key.in_([key for _, key in keys[1:]]),
                                                     SignInThrottle.failures > 0)
                        .values(failures=SignInThrottle.failures - 1))
        user = session.get(User, account.id)
        user.last_login_at = now
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        return actor_of(user)


def _throttle_key(rule: Throttle, value: str) -> str:
    return hashlib.sha256(f"{rule.prefix}:{value}".encode()).hexdigest()


def account_throttle(session: Session, email: str) -> SignInThrottle | None:
    """The failed attempts counted for an e-mail address and its lock, if any."""
    return session.get(SignInThrottle, _throttle_key(BY_ACCOUNT, email.strip().lower()))


def _claim(session: Session, rule: Throttle, key: str, now: dt.datetime) -> str | None:
    """Count one attempt atomically; the refusal when the key is locked or its free attempts are used up."""
    table = SignInThrottle.__table__
    lapsed = and_(table.c.locked_until.is_not(None), table.c.locked_until <= now)
    if rule.window_minutes is not None:
        lapsed = or_(lapsed, table.c.updated_at <= now - dt.timedelta(minutes=rule.window_minutes))
    insert = _insert_for(session)(table).values(key=key, failures=1, locked_until=None, updated_at=now)
    failures, locked_until = session.execute(
        insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "failures": case((lapsed, 1), else_=table.c.failures + 1),
                "locked_until": case((lapsed, None), else_=table.c.locked_until),
                "updated_at": now,
            },
        ).returning(table.c.failures, table.c.locked_until)
    ).one()
    if locked_until is not None and locked_until > now:
        return _locked_message(rule, locked_until - now)
    if failures > rule.max_failures:
        session.execute(update(SignInThrottle).where(SignInThrottle.key == key, SignInThrottle.locked_until.is_(None))
                        .values(locked_until=now + dt.timedelta(minutes=rule.lock_minutes)))
        return _locked_message(rule)
    return None


def _lock_if_full(session: Session, rule: Throttle, key: str, now: dt.datetime) -> bool:
    """After a wrong password: lock the key when this was its last free attempt."""
    locked = session.execute(
        update(SignInThrottle)
        .where(SignInThrottle.key == key, SignInThrottle.failures >= rule.max_failures,
               SignInThrottle.locked_until.is_(None))
        .values(locked_until=now + dt.timedelta(minutes=rule.lock_minutes))
    )
    return locked.rowcount == 1 or _is_locked(session, key, now)


def _forget_old_attempts(session: Session, now: dt.datetime) -> None:
    """Keys nobody tried for a day and that are not locked go: typed-in addresses do not pile up."""
    session.execute(delete(SignInThrottle).where(
        SignInThrottle.updated_at < now - dt.timedelta(days=1),
        or_(SignInThrottle.locked_until.is_(None), SignInThrottle.locked_until <= now)))


def _is_locked(session: Session, key: str, now: dt.datetime) -> bool:
    until = session.scalar(select(SignInThrottle.locked_until).where(SignInThrottle.key == key))
    return until is not None and until > now


def _locked_message(rule: Throttle, remaining: dt.timedelta | None = None) -> str:
    minutes = rule.lock_minutes if remaining is None else max(1, int(remaining.total_seconds() // 60) + 1)
    return say("sign_in.locked_client" if rule is BY_CLIENT else "sign_in.locked", minutes=minutes)


def _insert_for(session: Session):
    return postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def utc_now() -> dt.datetime:
    return _now()


def over_limit(session: Session, rule: Throttle, value: str, now: dt.datetime | None = None) -> bool:
    """Count one attempt under RULE for VALUE (an address, a client); True when its limit is used up."""
    key = _throttle_key(rule, value.strip().lower())
    return _claim(session, rule, key, now or _now()) is not None


def is_throttled(session: Session, rule: Throttle, value: str, now: dt.datetime | None = None) -> bool:
    """Whether VALUE is locked under RULE now (nothing is counted)."""
    return _is_locked(session, _throttle_key(rule, value.strip().lower()), now or _now())


def verify_password(password_hash: str, password: str) -> bool:
    return _verify(password_hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_account(name: str, email: str, role: str, password: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    name = clean_text(name).strip()
    if not name or len(name) > 200:
        errors["name"] = say("account.name", limit=200)
    if not EMAIL_PATTERN.match(email.strip()) or len(email) > 254:
        errors["email"] = say("account.email")
    if role not in ROLES:
        errors["role"] = say("account.role")
    problem = password_problem(password, email=email, name=name) if password is not None else None
    if problem is not None:
        errors["password"] = problem
    return errors


@functools.cache
def common_passwords() -> frozenset[str]:
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def _plain(value: str) -> str:
    return "".join(value.split()).casefold()


_PADDING = "0123456789!?.,;:-_+*#$%&/()=@^~ "


def _guessable(value: str) -> bool:
    """A common password as it is, or with digits and punctuation around it ("Sommer2026!"), digits and
    punctuation only, or one piece repeated ("passwortpasswort", "abcabcabcabc")."""
    stem = value.strip(_PADDING)
    repeated = (value + value).find(value, 1) < len(value)
    return not stem or repeated or value in common_passwords() or stem in common_passwords()


def password_problem(password: str, *, email: str = "", name: str = "") -> Message | None:
    """Rule: a password has at least MIN_PASSWORD_LENGTH characters, is none of the most common passwords
    (compared without case and spaces) and is not the account's e-mail address, its part before the "@", or
    its name. None when the password may be used, else the German refusal."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return say("account.password", length=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return say("account.password_long", length=MAX_PASSWORD_LENGTH)
    plain = _plain(password)
    if _guessable(plain) or _guessable(password.strip().lower()):
        return say("account.password_common")
    personal = {_plain(email), _plain(email.split("@", 1)[0]), _plain(name)} - {""}
    if plain in personal:
        return say("account.password_personal")
    return None


def role_from_claims(claims: Mapping[str, Any]) -> str:
    """The highest role named in the token's role claim (list or single value); viewer otherwise."""
    raw = claims.get(ROLE_CLAIM) or []
    values = [raw] if isinstance(raw, str) else list(raw)
    found = {ROLE_VALUES.get(str(value).strip().lower()) for value in values}
    for role in ("admin", "editor", "viewer"):
        if role in found:
            return role
    return "viewer"


def actor_from_claims(session: Session, claims: Mapping[str, Any], now: dt.datetime | None = None) -> Actor:
    """Map a signed-in identity (OIDC claims) to an actor, keeping a staff account in step.

    The account is found by the provider's subject (and issuer); an e-mail address links an existing
    account only when the provider vouches for it (email_verified), the account has no other link and
    the link would not demote a local admin. Role and organisation then come from the token every time,
    so the identity provider stays the source of truth, except that the last active admin is never
    demoted. A change of rights ends the account's other sign-in sessions.
    """
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SignInRefused(say("sign_in.no_subject"))
    issuer = str(claims.get("iss") or "")[:500] or None
    email = str(claims.get("email") or "").strip().lower()
    name = clean_text(str(claims.get("name") or claims.get("preferred_username") or email or subject)).strip()[:200]
    role = role_from_claims(claims)
    organisation_id = _organisation_id(session, claims.get(ORGANISATION_CLAIM))
    user = _account_for_identity(session, issuer, subject, email, _email_verified(claims), role)
    if user is None:
        user = User(name=name, email=email or f"{subject}@oidc.invalid", role=role, active=True)
        session.add(user)
    if not user.active:
        raise SignInRefused(say("sign_in.deactivated"))
    if user.role == "admin" and role != "admin" and is_last_active_admin(session, user):
        raise SignInRefused(say("sign_in.last_admin"))
    rights_changed = user.id is not None and (user.role, user.organisation_id) != (role, organisation_id)
    user.oidc_subject, user.oidc_issuer, user.name, user.role = subject, issuer, name, role
    user.organisation_id = organisation_id
    user.last_login_at = now or _now()
    session.flush()
    if rights_changed:
        end_sessions_of(session, user.id, "rights_changed", now)
    return actor_of(user)


def _account_for_identity(session: Session, issuer: str | None, subject: str, email: str, email_verified: bool,
                          role: str) -> User | None:
    """The staff account of this provider identity; None when a new one is to be made."""
    user = session.scalar(select(User).where(User.oidc_subject == subject))
    if user is not None:
        if user.oidc_issuer not in (None, issuer):
            raise SignInRefused(_NOT_LINKED)
        return user
    user = session.scalar(select(User).where(func.lower(User.email) == email)) if email else None
    if user is None:
        return None
    if not email_verified or user.oidc_subject is not None:
        raise SignInRefused(_NOT_LINKED)
    if user.password_hash and role != user.role:
        # Linking would change the rights of an account that also signs in with a password: never silently
        # (a local admin would be demoted; a local editor's password would grant what the token says).
        raise SignInRefused(say("sign_in.password_account"))
    return user


_NOT_LINKED = say("sign_in.not_linked")


def _email_verified(claims: Mapping[str, Any]) -> bool:
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def is_last_active_admin(session: Session, user: User) -> bool:
    """Rule: one active admin always remains; True when `user` is the only one left."""
    if user.role != "admin" or not user.active:
        return False
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True), User.id != user.id))
    return not others


def reset_throttle(session: Session, email: str) -> None:
    """Lift the lock on an account (an admin re-activates it)."""
    throttle = account_throttle(session, email)
    if throttle is not None:
        session.delete(throttle)


def _organisation_id(session: Session, value: Any) -> int | None:
    """The organisation named in the claim: by its (unique) name, else by a short name that only one
    organisation has. Short names repeat across plans (e.g. "VHS"): an ambiguous one maps to none,
    never to an arbitrary one, so nobody reports for another district's organisation."""
    if not value:
        return None
    wanted = str(value).strip().lower()
    by_name = session.scalar(select(Organisation.id).where(func.lower(Organisation.name) == wanted))
    if by_name is not None:
        return by_name
    by_short_name = session.scalars(
        select(Organisation.id).where(func.lower(Organisation.short_name) == wanted).limit(2)
    ).all()
    return by_short_name[0] if len(by_short_name) == 1 else None
