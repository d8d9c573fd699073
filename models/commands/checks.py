"""The validation kit of the commands: one German message per field (Checks), values as widgets and tables
give them (ids, numbers, dates), codes, and the rows a command is about (which must exist in the plan).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, check_counter
from models.commands.wording import field_label, say
from models.formats import parse_date, parse_number  # noqa: F401 (the kit's readers)
from models.rules import CODE_MAX, YEAR_MAX, YEAR_MIN, clean_text, year_in_range
from models.schema import ActionField, AnnualGoal, GuidingGoal, Indicator, Measure, Organisation

CHECK_MESSAGE = say("check")
ADMINS_ONLY = say("admins_only")
# Codes as districts write them (issue 14): letters of any alphabet (Ü1, Üneu1), digits, spaces and . _ - + /
# (B5+6, "b 7"), starting with a letter or digit. Not ";" (it separates references in the workbook). URLs carry
# a code as its slug or URL-encoded (ui.shell.url_state.code_slug, find_code).
CODE_PATTERN = re.compile(r"^[^\W_][\w.+/ -]*$")
CODE_RULE = say("code_rule")

MODELS: dict[str, type] = {
    "action_field": ActionField,
    "guiding_goal": GuidingGoal,
    "annual_goal": AnnualGoal,
    "measure": Measure,
    "organisation": Organisation,
    "indicator": Indicator,
}


def require_admin(actor: Actor) -> None:
    if actor.role != "admin":
        raise PermissionDenied(ADMINS_ONLY)


def missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_id(value: Any) -> int | None:
    """A row id from an int, a numpy integer or a whole float (as widgets and DataFrames give them)."""
    if isinstance(value, bool) or missing(value):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


class Checks:
    """Collects one message per field (German labels get their English from the wording) and raises them
    together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def ok(self, field: str) -> bool:
        return field not in self.errors

    def text(self, field: str, value: Any, label: str, limit: int, required: bool = False) -> str:
        text = "" if missing(value) else clean_text(str(value)).strip()
        if required and not text:
            self.fail(field, say("field.required", label=field_label(label)))
        elif len(text) > limit:
            self.fail(field, say("field.too_long", label=field_label(label), limit=limit, length=len(text)))
        return text

    def number(self, field: str, value: Any, label: str, minimum: float | None = None,
               maximum: float | None = None, required: bool = False) -> float | None:
        if missing(value):
            if required:
                self.fail(field, say("field.number_required", label=field_label(label)))
            return None
        try:
            number = parse_number(value)
        except (TypeError, ValueError):
            self.fail(field, say("field.not_number", label=field_label(label)))
            return None
        if minimum is not None and number < minimum:
            self.fail(field, say("field.below", label=field_label(label), minimum=float(minimum)))
        elif maximum is not None and number > maximum:
            self.fail(field, say("field.above", label=field_label(label), maximum=float(maximum)))
        return number

    def year(self, field: str, value: Any) -> int | None:
        number = self.number(field, value, "Jahr", required=True)
        if number is None:
            return None
        if not number.is_integer() or not year_in_range(number):
            self.fail(field, say("field.year", low=YEAR_MIN, high=YEAR_MAX))
            return None
        return int(number)

    def date(self, field: str, value: Any, label: str, required: bool = False) -> dt.date | None:
        if missing(value):
            if required:
                self.fail(field, say("field.required", label=field_label(label)))
            return None
        try:
            return parse_date(value)
        except (TypeError, ValueError):
            self.fail(field, say("field.not_date", label=field_label(label)))
            return None

    def choice(self, field: str, value: Any, allowed: Iterable[Any], message: str) -> Any:
        if value not in set(allowed):
            self.fail(field, message)
            return None
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(CHECK_MESSAGE, dict(self.errors))


def unique_code(checks: Checks, session: Session, model: type, plan_id: int, value: Any,
                exclude_id: int | None = None) -> str:
    code = checks.text("code", value, "Kürzel", CODE_MAX, required=True)
    if not checks.ok("code"):
        return code
    if not CODE_PATTERN.match(code):
        checks.fail("code", CODE_RULE)
        return code
    clash = select(model.id).where(model.plan_id == plan_id, func.lower(model.code) == code.lower())
    if exclude_id is not None:
        clash = clash.where(model.id != exclude_id)
    if session.scalar(clash.limit(1)) is not None:
        checks.fail("code", say("code_taken", code=code))
    return code


def checked_values(session: Session, plan_id: int, expected_counter: int,
                   values_of: Callable[[Checks], dict[str, Any]]) -> dict[str, Any]:
    """The middle of every admin write: validate (values_of fills the checks), refuse with every field's
    message at once, then the plan's change counter must still be the one the caller saw."""
    checks = Checks()
    values = values_of(checks)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return values


def row_of(session: Session, kind: str, plan_id: int, object_id: Any) -> Any:
    model = MODELS[kind]
    object_id = as_id(object_id)
    row = session.get(model, object_id) if object_id is not None else None
    if row is None or getattr(row, "plan_id", plan_id) != plan_id:
        raise ValidationFailed(say(f"gone.{kind}"))
    return row


def visible_parent(session: Session, model: type, plan_id: int, parent_id: Any) -> Any:
    parent_id = as_id(parent_id)
    row = session.get(model, parent_id) if parent_id is not None else None
    if row is None or row.plan_id != plan_id or row.retired:
        return None
    return row

