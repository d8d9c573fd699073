"""Staff accounts: created by an admin (or the first admin from the command line), changed, deactivated.
Accounts belong to no single plan, so each write refreshes every plan's cached reads.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import auth
from models.actors import SYSTEM, Actor
from models.commands.base import PermissionDenied, ValidationFailed, apply_values, record
from models.commands.checks import Checks, as_id, checked_values, require_admin
from models.commands.wording import say
from models.rules import NAME_MAX, ROLES, clean_text
from models.schema import Organisation, User
from models.sign_in_sessions import end_sessions_of
from models.wording import say as core_words

EMAIL_TAKEN = say("email_taken")


def _account_checks(checks: Checks, session: Session, role: Any, organisation_id: Any,
                    keep_organisation: int | None = None) -> int | None:
    organisation_id = as_id(organisation_id)
    if organisation_id is not None:
        retired = session.scalar(select(Organisation.retired).where(Organisation.id == organisation_id))
        if retired is None or (retired and organisation_id != keep_organisation):
            checks.fail("organisation_id", say("organisation_gone"))
    if role == "editor" and organisation_id is None:
        checks.fail("organisation_id", say("editor_needs_organisation"))
    return organisation_id


def create_user(session: Session, actor: Actor, *, name: str, email: str, role: str, password: str | None = None,
                organisation_id: int | None = None) -> User:
    """Create a staff account (admins only). Without a password the person signs in through OIDC."""
    if actor.role != "admin":
        raise PermissionDenied(say("accounts.admins_only"))
    errors = auth.validate_account(name, email, role, password)
    if not errors and _email_taken(session, email):
        errors["email"] = EMAIL_TAKEN
    if errors:
        raise ValidationFailed(say("check.short"), errors)
    return _insert_user(session, actor, name, email, role, password, organisation_id)


def create_admin(session: Session, name: str, email: str, password: str) -> User:
    """The first (or another) admin, from the command line."""
    return create_user(session, SYSTEM, name=name, email=email, role="admin", password=password)


def create_account(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, name: str, email: str,
                   role: str, organisation_id: int | None = None, password: str | None = None) -> User:
    """A staff account made on the Pflege page (as create_user, plus its organisation and the change counter)."""
    require_admin(actor)
    password = password or None
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _new_account(checks, session, name, email, role, organisation_id, password))
    return _insert_user(session, actor, name, email, role, password, values["organisation_id"], every_plan=True)


def _new_account(checks: Checks, session: Session, name: str, email: str, role: str, organisation_id: Any,
                 password: str | None) -> dict[str, Any]:
    checks.errors.update(auth.validate_account(name or "", email or "", role, password))
    organisation_id = _account_checks(checks, session, role, organisation_id)
    if checks.ok("email") and _email_taken(session, email):
        checks.fail("email", EMAIL_TAKEN)
    return {"organisation_id": organisation_id}


def _email_taken(session: Session, email: str) -> bool:
    return session.scalar(select(User.id).where(func.lower(User.email) == email.strip().lower())) is not None


def _insert_user(session: Session, actor: Actor, name: str, email: str, role: str, password: str | None,
                 organisation_id: int | None, every_plan: bool = False) -> User:
    user = User(
        name=clean_text(name).strip(),
        email=email.strip().lower(),
        role=role,
        organisation_id=organisation_id,
        password_hash=auth.hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    record(session, actor, None, "create", "user", user.id, {"email": [None, user.email], "role": [None, role]},
           every_plan=every_plan)
    return user


def update_user(session: Session, actor: Actor, plan_id: int, user_id: int, *, expected_counter: int,
                name: str, role: str, organisation_id: int | None, active: bool) -> User:
    """Change an account's name, role, organisation and whether it may sign in. Nobody removes their own
    admin role or account, and one active admin always remains."""
    require_admin(actor)
    user_id = as_id(user_id)
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise ValidationFailed(say("account_gone"))
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _user_values(checks, session, actor, user, name, role, organisation_id,
                                                        bool(active)))
    changes = apply_values(user, values)
    if changes:
        if values["active"] and "active" in changes:
            auth.reset_throttle(session, user.email)
        if changes.keys() & {"role", "organisation_id", "active"}:
            end_sessions_of(session, user.id, "deactivated" if not values["active"] else "rights_changed")
        record(session, actor, None, "update", "user", user.id, {"email": user.email, **changes}, every_plan=True)
    return user


def _user_values(checks: Checks, session: Session, actor: Actor, user: User, name: str, role: str,
                 organisation_id: Any, active: bool) -> dict[str, Any]:
    values = {
        "name": checks.text("name", name, "Name", NAME_MAX, required=True),
        "role": checks.choice("role", role, ROLES, core_words("account.role")),
        "organisation_id": _account_checks(checks, session, role, organisation_id, user.organisation_id),
        "active": active,
    }
    _check_admins_remain(checks, session, actor, user, role, active)
    return values


def _check_admins_remain(checks: Checks, session: Session, actor: Actor, user: User, role: Any, active: bool) -> None:
    if user.role != "admin" or not user.active or (role == "admin" and active):
        return
    if user.id == actor.user_id:
        checks.fail("role" if role != "admin" else "active",
                    say("own_admin"))
        return
    if auth.is_last_active_admin(session, user):
        checks.fail("role", say("last_admin"))


