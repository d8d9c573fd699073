"""Passwords: change one's own (the old one required), an admin's one-time set-password link, the link's use,
and "Passwort vergessen" (a reset link by e-mail). Every change of a password ends the account's other sign-in
sessions and is audited; a link's token is never written anywhere but into the link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import auth
from models.actors import SYSTEM, Actor, actor_of
from models.commands.base import PermissionDenied, ValidationFailed, confirm_account, record
from models.commands.checks import as_id, require_admin
from models.password_tokens import LinkLifetimes, end_link, issue, link_lifetimes, open_link
from models.schema import User
from models.sign_in_sessions import end_sessions_of
from models.wording import say

# "Passwort vergessen": at most 3 links an hour per address and 20 per client address (the answer stays the same).
RESET_BY_ACCOUNT = auth.Throttle("reset", 3, 60, window_minutes=60)
RESET_BY_CLIENT = auth.Throttle("reset-client", 20, 60, window_minutes=60)
# Changing one's own password: at most 5 tries in 15 minutes (a signed-in browser left open cannot guess the old one).
CHANGE_TRIES = auth.Throttle("change", 5, 15, window_minutes=15)


@dataclass(frozen=True)
class ResetMail:
    """Whom to send a reset link to (the token goes into the link only)."""

    email: str
    name: str
    token: str
    lifetime: dt.timedelta


def _new_password_errors(user: User, new_password: str, repeat: str) -> dict[str, str]:
    if new_password != repeat:
        return {"repeat": say("password.mismatch")}
    problem = auth.password_problem(new_password, email=user.email, name=user.name)
    return {"new_password": problem} if problem is not None else {}


def _set_password(session: Session, user: User, new_password: str, keep_key: str | None = None) -> None:
    user.password_hash = auth.hash_password(new_password)
    end_sessions_of(session, user.id, "password_changed", keep_key=keep_key)
    auth.reset_throttle(session, user.email)


def change_own_password(session: Session, actor: Actor, *, old_password: str, new_password: str,
                        repeat: str) -> None:
    """The signed-in person's new password; their other sign-in sessions end, this one stays."""
    if actor.user_id is None:
        raise PermissionDenied(say("password.not_signed_in"))
    confirm_account(session, actor)
    user = session.get(User, actor.user_id)
    if user is None or not user.password_hash:
        raise PermissionDenied(say("password.no_local"))
    if not auth.verify_password(user.password_hash, old_password or ""):
        errors = {"old_password": say("password.old_wrong")}
    elif new_password == old_password:
        errors = {"new_password": say("password.same")}
    else:
        errors = _new_password_errors(user, new_password or "", repeat or "")
    if errors:
        raise ValidationFailed(say("password.not_changed"), errors)
    _set_password(session, user, new_password, keep_key=actor.sign_in_key)
    record(session, actor, None, "password_changed", "user", user.id, {"email": user.email}, every_plan=True)


def claim_change_try(session: Session, actor: Actor, now: dt.datetime | None = None) -> None:
    """Count one try to change the password (in its own transaction, before change_own_password, so that a
    refused try still counts); raises PermissionDenied when the tries are used up."""
    if actor.user_id is not None and auth.over_limit(session, CHANGE_TRIES, str(actor.user_id), now):
        raise PermissionDenied(say("password.too_many", minutes=CHANGE_TRIES.lock_minutes))


def issue_password_link(session: Session, actor: Actor, user_id: int,
                        lifetimes: LinkLifetimes | None = None) -> str:
    """An admin's one-time link for an account (replacing its older links); returns the token for the link."""
    require_admin(actor)
    user_id = as_id(user_id)
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise ValidationFailed(say("password.account_gone"))
    if not user.active:
        raise ValidationFailed(say("password.account_inactive"))
    lifetime = (lifetimes or link_lifetimes()).set
    token = issue(session, user.id, "set", lifetime)
    record(session, actor, None, "password_link_issued", "user", user.id,
           {"email": user.email, "purpose": "set", "hours": int(lifetime.total_seconds() // 3600)}, every_plan=True)
    return token


def set_password_with_link(session: Session, token: str, *, new_password: str, repeat: str,
                           now: dt.datetime | None = None) -> Actor:
    """Use a one-time link: the account's new password; the link and all the account's sessions end.
    An unknown, used, replaced or expired link changes nothing."""
    found = open_link(session, token, now)
    if found is None:
        raise ValidationFailed(say("password.link_invalid"))
    link, user = found
    errors = _new_password_errors(user, new_password or "", repeat or "")
    if errors:
        raise ValidationFailed(say("password.not_changed"), errors)
    if not end_link(session, link, now):
        raise ValidationFailed(say("password.link_invalid"))
    _set_password(session, user, new_password)
    actor = actor_of(user)
    record(session, actor, None, "password_link_used", "user", user.id, {"email": user.email, "purpose": link.purpose},
           every_plan=True)
    return actor


def request_password_reset(session: Session, email: str, *, client: str | None = None,
                           lifetimes: LinkLifetimes | None = None, now: dt.datetime | None = None) -> ResetMail | None:
    """"Passwort vergessen": a reset link for an active local account with this address, unless too many were
    asked for; None otherwise. The caller answers the same in both cases (no account can be found out this way)."""
    now = now or auth.utc_now()
    address = (email or "").strip().lower()
    if not address or len(address) > 254:
        return None
    over = [auth.over_limit(session, rule, value, now)
            for rule, value in ((RESET_BY_ACCOUNT, address), (RESET_BY_CLIENT, client)) if value]
    if any(over):
        return None
    user = session.scalar(select(User).where(func.lower(User.email) == address, User.active.is_(True),
                                             User.oidc_subject.is_(None)))
    if user is None:
        return None
    lifetime = (lifetimes or link_lifetimes()).reset
    token = issue(session, user.id, "reset", lifetime, now)
    record(session, SYSTEM, None, "password_link_issued", "user", user.id,
           {"email": user.email, "purpose": "reset", "hours": int(lifetime.total_seconds() // 3600)}, every_plan=True)
    return ResetMail(user.email, user.name, token, lifetime)
