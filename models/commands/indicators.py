"""Pflege of Kennzahlen (what a level of the plan measures, with baseline and target) and their dated
Messwerte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import (
    TEXT_MAX,
    ValidationFailed,
    check_counter,
    next_position,
    plain,
    record,
    save_changes,
    save_new,
)
from models.commands.checks import (
    MODELS,
    Checks,
    as_id,
    checked_values,
    require_admin,
    row_of,
    unique_code,
    visible_parent,
)
from models.commands.wording import say
from models.rules import NAME_MAX, TITLE_MAX
from models.schema import INDICATOR_DIRECTIONS, INDICATOR_KINDS, Indicator, IndicatorValue

LEVEL_KINDS = ("action_field", "guiding_goal", "annual_goal", "measure")


def _level(checks: Checks, session: Session, plan_id: int, level: Any) -> dict[str, int | None]:
    columns: dict[str, int | None] = {f"{kind}_id": None for kind in LEVEL_KINDS}
    if level in (None, "", ()):
        return columns
    kind, level_id = level if isinstance(level, (tuple, list)) and len(level) == 2 else (None, None)
    level_id = as_id(level_id)
    if kind not in LEVEL_KINDS or visible_parent(session, MODELS[kind], plan_id, level_id) is None:
        checks.fail("level", say("indicator.level"))
        return columns
    columns[f"{kind}_id"] = level_id
    return columns


def _indicator_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                      exclude_id: int | None = None) -> dict[str, Any]:
    baseline_date = checks.date("baseline_date", raw.get("baseline_date"), "Datum des Ausgangswerts")
    target_date = checks.date("target_date", raw.get("target_date"), "Zieldatum")
    if baseline_date and target_date and target_date <= baseline_date:
        checks.fail("target_date", say("indicator.target_date"))
    return {
        "code": unique_code(checks, session, Indicator, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
        "unit": checks.text("unit", raw.get("unit"), "Einheit", 40),
        "direction": checks.choice("direction", raw.get("direction", "increase"), INDICATOR_DIRECTIONS,
                                   say("indicator.direction")),
        "kind": checks.choice("kind", raw.get("kind", "result"), INDICATOR_KINDS,
                              say("indicator.kind")),
        "counts_people": bool(raw.get("counts_people", False)),
        "source": checks.text("source", raw.get("source"), "Quelle", NAME_MAX),
        "baseline_date": baseline_date,
        "baseline_value": checks.number("baseline_value", raw.get("baseline_value"), "Ausgangswert"),
        "target_date": target_date,
        "target_value": checks.number("target_value", raw.get("target_value"), "Zielwert"),
        **_level(checks, session, plan_id, raw.get("level")),
    }


def create_indicator(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                     **raw: Any) -> Indicator:
    """A new Kennzahl: code, title, description, unit, direction, kind, counts_people, source, baseline and
    target (date, value), level = (kind, id) of the level it measures or None for the whole plan."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _indicator_values(checks, session, plan_id, raw))
    row = Indicator(plan_id=plan_id, position=next_position(session, Indicator, Indicator.plan_id == plan_id),
                    **values)
    return save_new(session, actor, plan_id, "indicator", row, values)


def update_indicator(session: Session, actor: Actor, plan_id: int, indicator_id: int, *, expected_counter: int,
                     **raw: Any) -> Indicator:
    require_admin(actor)
    row = row_of(session, "indicator", plan_id, indicator_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _indicator_values(checks, session, plan_id, raw, row.id))
    return save_changes(session, actor, plan_id, "indicator", row, values)


def _value_row(session: Session, plan_id: int, value_id: Any) -> IndicatorValue:
    value_id = as_id(value_id)
    row = session.get(IndicatorValue, value_id) if value_id is not None else None
    if row is None or row.indicator.plan_id != plan_id:
        raise ValidationFailed(say("value_gone"))
    return row


def _indicator_value_values(checks: Checks, session: Session, indicator_id: int, raw: Mapping[str, Any],
                            today: dt.date, exclude_id: int | None = None) -> dict[str, Any]:
    value_date = checks.date("value_date", raw.get("value_date"), "Datum", required=True)
    if value_date and value_date > today:
        checks.fail("value_date", say("value.future"))
    elif value_date:
        clash = select(IndicatorValue.id).where(IndicatorValue.indicator_id == indicator_id,
                                                IndicatorValue.value_date == value_date)
        if exclude_id is not None:
            clash = clash.where(IndicatorValue.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("value_date", say("value.taken", date=value_date))
    return {
        "value_date": value_date,
        "value": checks.number("value", raw.get("value"), "Wert", required=True),
        "source": checks.text("source", raw.get("source"), "Quelle", NAME_MAX),
        "note": checks.text("note", raw.get("note"), "Anmerkung", TEXT_MAX),
    }


def add_indicator_value(session: Session, actor: Actor, plan_id: int, indicator_id: int, *, expected_counter: int,
                        today: dt.date | None = None, **raw: Any) -> IndicatorValue:
    """A dated value of an indicator (value_date, value, source, note); one value per date."""
    require_admin(actor)
    indicator = row_of(session, "indicator", plan_id, indicator_id)
    today = today or dt.date.today()
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _indicator_value_values(checks, session, indicator.id, raw, today))
    row = IndicatorValue(indicator_id=indicator.id, **values)
    return save_new(session, actor, plan_id, "indicator_value", row, {"indicator": indicator.code, **values})


def update_indicator_value(session: Session, actor: Actor, plan_id: int, value_id: int, *, expected_counter: int,
                           today: dt.date | None = None, **raw: Any) -> IndicatorValue:
    require_admin(actor)
    row = _value_row(session, plan_id, value_id)
    today = today or dt.date.today()
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _indicator_value_values(checks, session, row.indicator_id, raw, today, row.id))
    return save_changes(session, actor, plan_id, "indicator_value", row, values)


def delete_indicator_value(session: Session, actor: Actor, plan_id: int, value_id: int, *,
                           expected_counter: int) -> None:
    """Remove a wrongly entered value; the audit event keeps what it was."""
    require_admin(actor)
    row = _value_row(session, plan_id, value_id)
    check_counter(session, plan_id, expected_counter)
    old = {"indicator": [row.indicator.code, None], "value_date": [plain(row.value_date), None],
           "value": [plain(row.value), None], "source": [row.source, None]}
    session.delete(row)
    record(session, actor, plan_id, "delete", "indicator_value", value_id, old)


