"""Staff accounts: local sign-in with argon2 password hashes and throttling, and the mapping of an
identity provider's (OIDC) token claims to a role and an organisation.

No default password exists anywhere: the first admin is created with
`python -m models.cli create-admin`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, Actor, PermissionDenied, ValidationFailed, record
from models.rules import ROLES, clean_text
from models.schema import Organisation, User

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 12
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
    """Sign-in failed; the message is German and says no more than it must."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def actor_of(user: User) -> Actor:
    return Actor(name=user.name, role=user.role, user_id=user.id, organisation_id=user.organisation_id)


def authenticate(session: Session, email: str, password: str, now: dt.datetime | None = None) -> Actor:
    """The actor for a correct e-mail and password. After MAX_FAILED_LOGINS failures in a row the
    account is locked for LOCK_MINUTES; a locked account is refused even with the right password."""
    now = now or _now()
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None or not user.active or not user.password_hash:
        _verify(_DUMMY_HASH, password)
        raise SignInRefused("E-Mail-Adresse oder Passwort ist falsch.")
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise SignInRefused(
            f"Zu viele Fehlversuche: Die Anmeldung ist für {minutes} Minuten gesperrt. Bitte warten Sie."
        )
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            raise SignInRefused(
                f"Zu viele Fehlversuche: Die Anmeldung ist für {LOCK_MINUTES} Minuten gesperrt."
            )
        raise SignInRefused("E-Mail-Adresse oder Passwort ist falsch.")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return actor_of(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_account(name: str, email: str, role: str, password: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    name = clean_text(name).strip()
    if not name or len(name) > 200:
        errors["name"] = "Bitte geben Sie einen Namen mit höchstens 200 Zeichen an."
    if not EMAIL_PATTERN.match(email.strip()) or len(email) > 254:
        errors["email"] = "Bitte geben Sie eine gültige E-Mail-Adresse an."
    if role not in ROLES:
        errors["role"] = "Bitte wählen Sie eine gültige Rolle (viewer, editor, admin)."
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein."
    return errors


def create_user(
    session: Session,
    actor: Actor,
    *,
    name: str,
    email: str,
    role: str,
    password: str | None = None,
    organisation_id: int | None = None,
) -> User:
    """Create a staff account (admins only). Without a password the person signs in through OIDC."""
    if actor.role != "admin":
        raise PermissionDenied("Nur die Administration darf Konten anlegen.")
    errors = validate_account(name, email, role, password)
    if not errors and session.scalar(select(User.id).where(func.lower(User.email) == email.strip().lower())):
        errors["email"] = "Für diese E-Mail-Adresse gibt es bereits ein Konto."
    if errors:
        raise ValidationFailed("Bitte prüfen Sie die markierten Angaben.", errors)
    user = User(
        name=clean_text(name).strip(),
        email=email.strip().lower(),
        role=role,
        organisation_id=organisation_id,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    record(session, actor, None, "create", "user", user.id, {"email": [None, user.email], "role": [None, role]})
    return user


def create_admin(session: Session, name: str, email: str, password: str) -> User:
    """The first (or another) admin, from the command line."""
    return create_user(session, SYSTEM, name=name, email=email, role="admin", password=password)


def role_from_claims(claims: Mapping[str, Any]) -> str:
    """The highest role named in the token's role claim (list or single value); viewer otherwise."""
    raw = claims.get(ROLE_CLAIM) or []
    values = [raw] if isinstance(raw, str) else list(raw)
    found = {ROLE_VALUES.get(str(value).strip().lower()) for value in values}
    for role in ("admin", "editor", "viewer"):
        if role in found:
            return role
    return "viewer"


def actor_from_claims(session: Session, claims: Mapping[str, Any]) -> Actor:
    """Map a signed-in identity (OIDC claims) to an actor, keeping a staff account in step:
    matched by subject, then by e-mail; created on first sign-in. Role and organisation come
    from the token every time, so the identity provider stays the source of truth."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SignInRefused("Die Anmeldung hat keine Kennung (sub) geliefert.")
    email = str(claims.get("email") or f"{subject}@oidc.invalid").lower()
    name = str(claims.get("name") or claims.get("preferred_username") or email)
    role = role_from_claims(claims)
    organisation_id = _organisation_id(session, claims.get(ORGANISATION_CLAIM))
    user = session.scalar(
        select(User).where(or_(User.oidc_subject == subject, func.lower(User.email) == email))
    )
    if user is None:
        user = User(name=name, email=email, role=role, oidc_subject=subject, active=True)
        session.add(user)
    if not user.active:
        raise SignInRefused("Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.")
    user.oidc_subject, user.name, user.role = subject, name, role
    user.organisation_id = organisation_id
    user.last_login_at = _now()
    session.flush()
    return actor_of(user)


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
