"""A plan's settings (Einstellungen): public view, release, confidentiality and traffic-light rules.

One command writes them: admin only, validated, checked against the plan's change counter
(optimistic locking: someone else changed the plan meanwhile -> VersionConflict), audited with
old -> new, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from models.commands import Actor, PermissionDenied, ValidationFailed, VersionConflict, record
from models.schema import Plan


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type
    minimum: int = 0
    maximum: int = 0
    message: str = ""


SETTINGS = (
    Setting("public_view", bool, message="Bitte wählen Sie, ob die öffentliche Ansicht an oder aus ist."),
    Setting("release_required", bool, message="Bitte wählen Sie, ob Sachstände freigegeben werden müssen."),
    Setting("confidentiality_threshold", int, 0, 100,
            "Die Schwelle für kleine Fallzahlen muss eine ganze Zahl von 0 bis 100 sein."),
    Setting("green_tolerance", int, 0, 100,
            "Die Toleranz der Ampel muss eine ganze Zahl von 0 bis 100 Prozentpunkten sein."),
    Setting("stale_after_days", int, 1, 3650,
            "„Veraltet nach“ muss eine ganze Zahl von 1 bis 3.650 Tagen sein."),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def plan_settings(engine: Engine, plan_id: int) -> dict[str, Any]:
    """The plan's current settings and its change counter (the version a form is based on)."""
    with engine.connect() as connection:
        row = connection.execute(
            select(Plan.change_counter, *(getattr(Plan, name) for name in BY_NAME)).where(Plan.id == plan_id)
        ).one()
    return dict(row._mapping)


def validate_settings(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, value in values.items():
        setting = BY_NAME.get(name)
        if setting is None:
            errors[name] = "Diese Einstellung gibt es nicht."
        elif setting.kind is bool:
            if not isinstance(value, bool):
                errors[name] = setting.message
        elif isinstance(value, bool) or not isinstance(value, int) or not setting.minimum <= value <= setting.maximum:
            errors[name] = setting.message
    return errors


def update_plan_settings(
    session: Session, actor: Actor, plan_id: int, expected_counter: int, **values: Any
) -> dict[str, list[Any]]:
    """Change some of a plan's settings; returns the changes {name: [old, new]} (empty: nothing
    differed, nothing written)."""
    if actor.role != "admin":
        raise PermissionDenied("Nur die Administration darf die Einstellungen eines Plans ändern.")
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise ValidationFailed("Diesen Plan gibt es nicht (mehr).")
    errors = validate_settings(values)
    if errors:
        raise ValidationFailed("Bitte prüfen Sie die markierten Angaben.", errors)
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
        "Der Plan wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind erhalten; "
        "bitte prüfen Sie die aktuell gespeicherten Werte und speichern Sie erneut.",
        current={"change_counter": plan.change_counter, **{name: getattr(plan, name) for name in BY_NAME}},
    )
