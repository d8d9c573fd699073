"""Import profiles (models.transfer.profiles): saved (created or updated by name) and deleted by an admin,
each write audited. Not plan data: a profile's write moves no plan's change counter, so saving a profile
between the preview and the import does not turn the preview stale; the audit event names the plan."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import ValidationFailed, record
from models.commands.checks import require_admin
from models.rules import NAME_MAX
from models.schema import ImportProfile, Plan, utc_now
from models.transfer.profile_wording import say
from models.transfer.profiles import Profile, by_name, stored_signature


def save_import_profile(session: Session, actor: Actor, plan_id: int, profile: Profile) -> int:
    """Store the profile under its name in the plan (a profile of that name is replaced); returns its id."""
    require_admin(actor)
    name = " ".join(profile.name.split())
    if not name:
        raise ValidationFailed(say("name_missing"), {"name": say("name_missing")})
    if len(name) > NAME_MAX:
        raise ValidationFailed(say("name_long", limit=NAME_MAX), {"name": say("name_long", limit=NAME_MAX)})
    if session.get(Plan, plan_id) is None:
        raise ValidationFailed(say("plan_gone"))
    checked = Profile.from_dict({**profile.to_dict(), "profile": name})  # the same checks as a profile file
    row = by_name(session, plan_id, name)
    action, before = ("update", dict(row.choices)) if row is not None else ("create", None)
    now = utc_now()
    if row is None:
        row = ImportProfile(plan_id=plan_id, name=name, created_at=now, created_by=actor.name)
        session.add(row)
    row.shape, row.signature, row.choices = checked.shape, stored_signature(checked.signature), checked.choices
    row.updated_at, row.updated_by = now, actor.name
    session.flush()
    record(session, actor, None, action, "import_profile", row.id,
           {"plan_id": [None, plan_id], "name": [None, name], "shape": [None, checked.shape],
            "choices": [before, checked.choices]})
    return row.id


def delete_import_profile(session: Session, actor: Actor, profile_id: int) -> None:
    require_admin(actor)
    row = session.get(ImportProfile, profile_id)
    if row is None:
        raise ValidationFailed(say("gone"))
    record(session, actor, None, "delete", "import_profile", row.id,
           {"plan_id": [row.plan_id, None], "name": [row.name, None], "shape": [row.shape, None]})
    session.delete(row)
    session.flush()
