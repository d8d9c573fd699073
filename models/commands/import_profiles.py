"""Import profiles (models.transfer.profiles builds and reads them): saved (created or updated by name) and
deleted by an admin, each write audited. Not plan data: a profile's write moves no plan's change counter, so
saving a profile between the preview and the import does not turn the preview stale; the audit event names the
plan. The choices are stored as given (the page makes them from a confirmed mapping; a profile file is checked
by models.transfer.profiles.Profile.from_json before it is used)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import ValidationFailed, record
from models.commands.checks import require_admin
from models.commands.wording import say
from models.rules import NAME_MAX
from models.schema import IMPORT_PROFILE_SHAPES, ImportProfile, Plan, utc_now


def save_import_profile(session: Session, actor: Actor, plan_id: int, name: str, shape: str,
                        signature: Sequence[str], choices: dict[str, Any]) -> int:
    """Store the profile under its name in the plan (a profile of that name is replaced); returns its id.
    signature: the file's normalised headers (models.transfer.profiles.signature)."""
    require_admin(actor)
    name = " ".join(str(name).split())
    if not name:
        raise ValidationFailed(say("import_profile.name_missing"), {"name": say("import_profile.name_missing")})
    if len(name) > NAME_MAX:
        raise ValidationFailed(say("import_profile.name_long", limit=NAME_MAX))
    if shape not in IMPORT_PROFILE_SHAPES or not isinstance(choices, dict):
        raise ValidationFailed(say("import_profile.shape", shape=shape))
    if session.get(Plan, plan_id) is None:
        raise ValidationFailed(say("plan_gone"))
    row = session.scalar(select(ImportProfile).where(ImportProfile.plan_id == plan_id, ImportProfile.name == name))
    action, before = ("update", dict(row.choices)) if row is not None else ("create", None)
    now = utc_now()
    if row is None:
        row = ImportProfile(plan_id=plan_id, name=name, created_at=now, created_by=actor.name)
        session.add(row)
    row.shape, row.signature, row.choices = shape, "\n".join(signature), dict(choices)
    row.updated_at, row.updated_by = now, actor.name
    session.flush()
    record(session, actor, None, action, "import_profile", row.id,
           {"plan_id": [None, plan_id], "name": [None, name], "shape": [None, shape], "choices": [before, row.choices]})
    return row.id


def delete_import_profile(session: Session, actor: Actor, profile_id: int) -> None:
    require_admin(actor)
    row = session.get(ImportProfile, profile_id)
    if row is None:
        raise ValidationFailed(say("import_profile.gone"))
    record(session, actor, None, "delete", "import_profile", row.id,
           {"plan_id": [row.plan_id, None], "name": [row.name, None], "shape": [row.shape, None]})
    session.delete(row)
    session.flush()
