"""A plan's settings (Einstellungen): one command writes them, admin only, validated, checked against the plan's
change counter (optimistic locking: someone else changed the plan meanwhile -> VersionConflict), audited with
old -> new.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, VersionConflict, record
from models.commands.wording import say
from models.schema import Plan
from models.settings import BY_NAME, validate_settings


def update_plan_settings(
    session: Session, actor: Actor, plan_id: int, expected_counter: int, **values: Any
) -> dict[str, list[Any]]:
    """Change some of a plan's settings; returns the changes {name: [old, new]} (empty: nothing
    differed, nothing written)."""
    if actor.role != "admin":
        raise PermissionDenied(say("settings.admins_only"))
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise ValidationFailed(say("plan_gone"))
    errors = validate_settings(values)
    if errors:
        raise ValidationFailed(say("check.short"), errors)
    changes = {name: [getattr(plan, name), value] for name, value in values.items() if getattr(plan, name) != value}
    if not changes:
        return {}
    if plan.change_counter != expected_counter:
        raise _conflict(plan)
    claimed = session.execute(
        update(Plan)
        .where(Plan.id == plan_id, Plan.change_counter == expected_counter)
        .values(**{name: new for name, (_, new) in changes.items()})
    )
    if claimed.rowcount != 1:
        session.refresh(plan)
        raise _conflict(plan)
    record(session, actor, plan_id, "update", "plan", plan_id, changes)
    return changes


def _conflict(plan: Plan) -> VersionConflict:
    return VersionConflict(
        say("settings.conflict"),
        current={"change_counter": plan.change_counter, **{name: getattr(plan, name) for name in BY_NAME}},
    )
