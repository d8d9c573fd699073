"""Pflege of the plan's structure: Handlungsfelder, Leitziele, Jahresziele (with the carry-over to the next
year), and hiding, showing again and reordering rows of the structure, organisations and indicators.

Nothing with history is deleted: rows are retired (hidden) and can be shown again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.admin_tables import open_measures
from models.commands.base import (
    TEXT_MAX,
    ValidationFailed,
    check_counter,
    flush,
    next_position,
    record,
    save_changes,
    save_new,
)
from models.commands.checks import (
    MODELS,
    Checks,
    checked_values,
    require_admin,
    row_of,
    unique_code,
    visible_parent,
)
from models.commands.wording import say
from models.rules import NAME_MAX, TITLE_MAX, YEAR_MAX
from models.schema import ActionField, AnnualGoal, GuidingGoal, Measure

_YEAR_CODE = re.compile(r"^(?P<prefix>\D*?)(?P<year>\d{4})-(?P<number>\d+)$")
# kind -> (child model, its foreign key, message when visible children would be orphaned)
_CHILDREN = {
    "action_field": (GuidingGoal, "action_field_id",
                     "children.action_field"),
    "guiding_goal": (AnnualGoal, "guiding_goal_id",
                     "children.guiding_goal"),
    "annual_goal": (Measure, "annual_goal_id",
                    "children.annual_goal"),
    "organisation": (Measure, "lead_organisation_id",
                     "children.organisation"),
}
# kind -> (parent model, foreign key): a hidden row is shown again only under a visible parent
_PARENTS = {
    "guiding_goal": (ActionField, "action_field_id"),
    "annual_goal": (GuidingGoal, "guiding_goal_id"),
    "measure": (AnnualGoal, "annual_goal_id"),
}
# kind -> the columns that make rows siblings (reordering happens among siblings)
_SIBLINGS = {
    "action_field": ("plan_id",),
    "guiding_goal": ("action_field_id",),
    "annual_goal": ("guiding_goal_id", "year"),
    "measure": ("annual_goal_id",),
    "indicator": ("plan_id",),
}



# --- Handlungsfelder, Leitziele ---------------------------------------------------------------


def _action_field_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    return {
        "code": unique_code(checks, session, ActionField, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", NAME_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
    }


def create_action_field(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> ActionField:
    """A new Handlungsfeld (code, title, description) at the end of the plan's list."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _action_field_values(checks, session, plan_id, raw))
    position = next_position(session, ActionField, ActionField.plan_id == plan_id)
    row = ActionField(plan_id=plan_id, position=position, **values)
    return save_new(session, actor, plan_id, "action_field", row, values)


def update_action_field(session: Session, actor: Actor, plan_id: int, action_field_id: int, *,
                        expected_counter: int, **raw: Any) -> ActionField:
    require_admin(actor)
    row = row_of(session, "action_field", plan_id, action_field_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _action_field_values(checks, session, plan_id, raw, row.id))
    return save_changes(session, actor, plan_id, "action_field", row, values)


def _guiding_goal_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    field = visible_parent(session, ActionField, plan_id, raw.get("action_field_id"))
    if field is None:
        checks.fail("action_field_id", say("goal.action_field"))
    return {
        "action_field_id": field.id if field else None,
        "code": unique_code(checks, session, GuidingGoal, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
    }


def create_guiding_goal(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> GuidingGoal:
    """A new Leitziel 2030 of an action field (action_field_id, code, title, description)."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _guiding_goal_values(checks, session, plan_id, raw))
    position = next_position(session, GuidingGoal, GuidingGoal.action_field_id == values["action_field_id"])
    row = GuidingGoal(plan_id=plan_id, position=position, **values)
    return save_new(session, actor, plan_id, "guiding_goal", row, values)


def update_guiding_goal(session: Session, actor: Actor, plan_id: int, guiding_goal_id: int, *,
                        expected_counter: int, **raw: Any) -> GuidingGoal:
    require_admin(actor)
    row = row_of(session, "guiding_goal", plan_id, guiding_goal_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _guiding_goal_values(checks, session, plan_id, raw, row.id))
    if values["action_field_id"] != row.action_field_id:
        values["position"] = next_position(session, GuidingGoal,
                                           GuidingGoal.action_field_id == values["action_field_id"])
    return save_changes(session, actor, plan_id, "guiding_goal", row, values)


# --- Jahresziele ------------------------------------------------------------------------------


def _annual_goal_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                        exclude_id: int | None = None) -> dict[str, Any]:
    goal = visible_parent(session, GuidingGoal, plan_id, raw.get("guiding_goal_id"))
    if goal is None:
        checks.fail("guiding_goal_id", say("goal.guiding_goal"))
    prioritised = bool(raw.get("prioritised", False))
    decision_date = checks.date("decision_date", raw.get("decision_date"), "Datum des Kreistagsbeschlusses")
    if prioritised and decision_date is None and checks.ok("decision_date"):
        checks.fail("decision_date", say("goal.decision_date"))
    reference = checks.text("decision_reference", raw.get("decision_reference"), "Beschluss (Drucksache)", NAME_MAX)
    return {
        "guiding_goal_id": goal.id if goal else None,
        "code": unique_code(checks, session, AnnualGoal, plan_id, raw.get("code"), exclude_id),
        "year": checks.year("year", raw.get("year")),
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
        "prioritised": prioritised,
        "decision_date": decision_date,
        "decision_reference": reference or None,
    }


def create_annual_goal(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                       **raw: Any) -> AnnualGoal:
    """A new Jahresziel: guiding_goal_id, code, year, title, description, prioritised with the date
    (decision_date) and reference (decision_reference) of the Kreistag's decision."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _annual_goal_values(checks, session, plan_id, raw))
    position = next_position(session, AnnualGoal, AnnualGoal.guiding_goal_id == values["guiding_goal_id"],
                             AnnualGoal.year == values["year"])
    row = AnnualGoal(plan_id=plan_id, position=position, **values)
    return save_new(session, actor, plan_id, "annual_goal", row, values)


def update_annual_goal(session: Session, actor: Actor, plan_id: int, annual_goal_id: int, *,
                       expected_counter: int, **raw: Any) -> AnnualGoal:
    require_admin(actor)
    row = row_of(session, "annual_goal", plan_id, annual_goal_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _annual_goal_values(checks, session, plan_id, raw, row.id))
    if (values["guiding_goal_id"], values["year"]) != (row.guiding_goal_id, row.year):
        values["position"] = next_position(session, AnnualGoal,
                                           AnnualGoal.guiding_goal_id == values["guiding_goal_id"],
                                           AnnualGoal.year == values["year"])
    return save_changes(session, actor, plan_id, "annual_goal", row, values)


def next_annual_goal_code(code: str, year: int, taken: Iterable[str]) -> str:
    """The next free code of a year in the style of code: JZ2024-01 -> JZ2025-03 when JZ2025-01/-02 exist."""
    match = _YEAR_CODE.match(code)
    prefix = match["prefix"] if match else "JZ"
    width = len(match["number"]) if match else 2
    return next_free_code(f"{prefix}{year}-", taken, width)


def measure_code_stem(annual_goal_code: str) -> str:
    """Measures of JZ2025-02 are M2025-02-01, M2025-02-02 ...; of another code, CODE-01 ..."""
    match = _YEAR_CODE.match(annual_goal_code)
    if match:
        return f"M{match['year']}-{match['number']}-"
    return f"{annual_goal_code}-"


def next_free_code(stem: str, taken: Iterable[str], width: int = 2) -> str:
    lowered = stem.lower()
    numbers = [int(code[len(stem):]) for code in taken
               if code.lower().startswith(lowered) and code[len(stem):].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:0{width}d}"



def carry_over_annual_goal(session: Session, actor: Actor, plan_id: int, annual_goal_id: int, reason: str, *,
                           expected_counter: int) -> AnnualGoal:
    """Carry an annual goal over to the next year in one step: the new goal (same guiding goal, next free
    code of the next year) and a copy of each open measure (new code, same lead, partners and weight,
    running 1 January to 31 December), each linked to its origin with the reason. Old measures keep
    their status and history."""
    require_admin(actor)
    source = row_of(session, "annual_goal", plan_id, annual_goal_id)
    reason = checked_values(session, plan_id, expected_counter,
                            lambda checks: _carry_over_reason(checks, session, source, reason))["reason"]
    year = source.year + 1
    taken = set(session.scalars(select(AnnualGoal.code).where(AnnualGoal.plan_id == plan_id)))
    goal = AnnualGoal(
        plan_id=plan_id, guiding_goal_id=source.guiding_goal_id, code=next_annual_goal_code(source.code, year, taken),
        year=year, title=source.title, description=source.description, prioritised=False,
        carried_over_from_id=source.id, carry_over_reason=reason,
        position=next_position(session, AnnualGoal, AnnualGoal.guiding_goal_id == source.guiding_goal_id,
                               AnnualGoal.year == year),
    )
    session.add(goal)
    flush(session)
    record(session, actor, plan_id, "carry_over", "annual_goal", goal.id,
           {"code": [None, goal.code], "year": [None, year], "carried_over_from": [None, source.code],
            "carry_over_reason": [None, reason]})
    _copy_open_measures(session, actor, plan_id, source, goal, reason)
    return goal


def _carry_over_reason(checks: Checks, session: Session, source: AnnualGoal, reason: str) -> dict[str, str]:
    reason = checks.text("reason", reason, "Begründung", TEXT_MAX, required=True)
    if source.retired:
        checks.fail("annual_goal_id", say("carry.hidden"))
    elif source.year + 1 > YEAR_MAX:
        checks.fail("annual_goal_id", say("carry.beyond", year=YEAR_MAX))
    else:
        done = session.scalar(select(AnnualGoal.code).where(AnnualGoal.carried_over_from_id == source.id,
                                                            AnnualGoal.retired.is_(False)).limit(1))
        if done:
            checks.fail("annual_goal_id", say("carry.done", code=done))
    return {"reason": reason}


def _copy_open_measures(session: Session, actor: Actor, plan_id: int, source: AnnualGoal, goal: AnnualGoal,
                        reason: str) -> None:
    taken = set(session.scalars(select(Measure.code).where(Measure.plan_id == plan_id)))
    stem = measure_code_stem(goal.code)
    for position, old in enumerate(open_measures(session, source.id)):
        code = next_free_code(stem, taken)
        taken.add(code)
        new = Measure(
            plan_id=plan_id, annual_goal_id=goal.id, code=code, title=old.title, description=old.description,
            lead_organisation_id=old.lead_organisation_id, partners=list(old.partners), origin=old.origin,
            start_date=dt.date(goal.year, 1, 1), due_date=dt.date(goal.year, 12, 31), weight=old.weight,
            carried_over_from_id=old.id, carry_over_reason=reason, position=position,
        )
        session.add(new)
        flush(session)
        record(session, actor, plan_id, "carry_over", "measure", new.id,
               {"code": [None, code], "annual_goal": [None, goal.code], "carried_over_from": [None, old.code],
                "carry_over_reason": [None, reason]})


# --- retire, show again, reorder (levels, organisations, indicators) ---------------------------


def check_retire(session: Session, kind: str, plan_id: int, row: Any, retired: bool) -> None:
    if retired and kind in _CHILDREN:
        model, key, message_key = _CHILDREN[kind]
        count = session.scalar(select(func.count()).select_from(model)
                               .where(getattr(model, key) == row.id, model.retired.is_(False)))
        if count:
            message = say(message_key, count=count)
            raise ValidationFailed(message, {"retired": message})
    if not retired and kind in _PARENTS:
        model, key = _PARENTS[kind]
        if visible_parent(session, model, plan_id, getattr(row, key)) is None:
            message = say("parent_hidden", kind=say(f"kind.{_parent_kind(kind)}"))
            raise ValidationFailed(message, {"retired": message})


def _parent_kind(kind: str) -> str:
    model = _PARENTS[kind][0]
    return next(name for name, candidate in MODELS.items() if candidate is model)


def set_retired(session: Session, actor: Actor, plan_id: int | None, kind: str, row: Any, retired: bool) -> Any:
    if row.retired != retired:
        row.retired = retired
        label = getattr(row, "code", None) or getattr(row, "name", "")
        record(session, actor, plan_id, "retire" if retired else "restore", kind, row.id,
               {"retired": [not retired, retired], "code": label}, every_plan=kind == "organisation")
    return row


def retire(session: Session, actor: Actor, plan_id: int, kind: str, object_id: int, *, expected_counter: int,
           retired: bool = True) -> Any:
    """Hide (retired=True) or show again a Handlungsfeld, Leitziel, Jahresziel, organisation or indicator.
    A level with visible children is not hidden; a row is not shown again under a hidden parent."""
    require_admin(actor)
    if kind not in MODELS or kind == "measure":
        raise ValidationFailed(say("retire.kind"))
    row = row_of(session, kind, plan_id, object_id)
    check_retire(session, kind, plan_id, row, retired)
    check_counter(session, plan_id, expected_counter)
    return set_retired(session, actor, plan_id, kind, row, retired)


def move(session: Session, actor: Actor, plan_id: int, kind: str, object_id: int, offset: int, *,
         expected_counter: int) -> Any:
    """Move a visible row one place up (offset -1) or down (+1) among its siblings (positions renumbered)."""
    require_admin(actor)
    if kind not in _SIBLINGS or offset not in (-1, 1):
        raise ValidationFailed(say("move.impossible"))
    model = MODELS[kind]
    row = row_of(session, kind, plan_id, object_id)
    siblings = list(session.scalars(
        select(model).where(*(getattr(model, name) == getattr(row, name) for name in _SIBLINGS[kind]),
                            model.retired.is_(False))
        .order_by(model.position, model.id)
    ))
    if row not in siblings:
        raise ValidationFailed(say("move.hidden"))
    index = siblings.index(row)
    target = index + offset
    if not 0 <= target < len(siblings):
        raise ValidationFailed(say("move.top" if offset < 0 else "move.bottom"))
    check_counter(session, plan_id, expected_counter)
    before = [sibling.code for sibling in siblings]
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    record(session, actor, plan_id, "reorder", kind, row.id,
           {"code": row.code, "order": [before, [sibling.code for sibling in siblings]]})
    return row


