"""Pflege: the admin's commands that keep a plan's structure, organisations, indicators, meetings and accounts.

Every command: admin only -> validate (a German message per field) -> check the version (Measure.version for
measures, otherwise the plan's change counter the caller last saw) -> write -> audit (models.commands.record),
all in the caller's transaction. Nothing with history is deleted: levels, measures, organisations and
indicators are retired (hidden) and can be shown again.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models import auth
from models.sign_in_sessions import end_sessions_of
from models.commands import TEXT_MAX, Actor, PermissionDenied, ValidationFailed, VersionConflict, record
from models.queries import frame_of
from models.rules import COMPLETED, PLANNED, ROLES, SUSPENDED, clean_text
from models.schema import (
    INDICATOR_DIRECTIONS,
    INDICATOR_KINDS,
    ActionField,
    AnnualGoal,
    AuditEvent,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
    User,
    measure_partner,
)

CHECK_MESSAGE = "Bitte prüfen Sie die markierten Angaben. Es wurde nichts gespeichert."
KEEP_TYPING = ("Es wurde nichts gespeichert; Ihre Eingaben sind erhalten. "
               "Bitte prüfen Sie den neuen Stand und speichern Sie erneut.")
PLAN_CONFLICT = "Der Plan wurde inzwischen von jemand anderem geändert. " + KEEP_TYPING
MEASURE_CONFLICT = "Diese Maßnahme wurde inzwischen von jemand anderem geändert. " + KEEP_TYPING
ADMINS_ONLY = "Nur die Administration darf den Plan pflegen."
YEAR_MIN, YEAR_MAX = 2000, 2100
CODE_MAX, TITLE_MAX, NAME_MAX, SHORT_MAX = 30, 300, 200, 60
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
CODE_RULE = ("Das Kürzel darf nur Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich enthalten "
             "(z. B. M2024-01-03).")
WEIGHT_MAX = 1000
BULK_FIELDS = ("title", "lead_organisation_id", "start_date", "due_date", "weight")
LEVEL_KINDS = ("action_field", "guiding_goal", "annual_goal", "measure")
_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")  # German 1.200 is twelve hundred
_YEAR_CODE = re.compile(r"^(?P<prefix>\D*?)(?P<year>\d{4})-(?P<number>\d+)$")

MODELS: dict[str, type] = {
    "action_field": ActionField,
    "guiding_goal": GuidingGoal,
    "annual_goal": AnnualGoal,
    "measure": Measure,
    "organisation": Organisation,
    "indicator": Indicator,
}
LABELS = {
    "action_field": "Handlungsfeld",
    "guiding_goal": "Leitziel",
    "annual_goal": "Jahresziel",
    "measure": "Maßnahme",
    "organisation": "Organisation",
    "indicator": "Kennzahl",
    "indicator_value": "Messwert",
    "body": "Gremium",
    "meeting": "Sitzung",
    "user": "Konto",
}
# kind -> (child model, its foreign key, message when visible children would be orphaned)
_CHILDREN = {
    "action_field": (GuidingGoal, "action_field_id",
                     "Dieses Handlungsfeld hat noch {count} sichtbare Leitziele. Blenden Sie diese zuerst aus "
                     "oder ordnen Sie sie einem anderen Handlungsfeld zu."),
    "guiding_goal": (AnnualGoal, "guiding_goal_id",
                     "Dieses Leitziel hat noch {count} sichtbare Jahresziele. Blenden Sie diese zuerst aus "
                     "oder ordnen Sie sie einem anderen Leitziel zu."),
    "annual_goal": (Measure, "annual_goal_id",
                    "Dieses Jahresziel hat noch {count} sichtbare Maßnahmen. Blenden Sie diese zuerst aus "
                    "oder ordnen Sie sie einem anderen Jahresziel zu."),
    "organisation": (Measure, "lead_organisation_id",
                     "Diese Organisation hat noch bei {count} sichtbaren Maßnahmen die Federführung. "
                     "Übertragen Sie die Federführung zuerst."),
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


class BulkValidationFailed(ValidationFailed):
    """Problems of an edited table, one German line per problem ("Zeile 3 (M1): ...")."""

    def __init__(self, message: str, problems: list[str]):
        super().__init__(message, {f"problem{index}": problem for index, problem in enumerate(problems)})
        self.problems = problems


# --- checks ---------------------------------------------------------------------------------


def require_admin(actor: Actor) -> None:
    if actor.role != "admin":
        raise PermissionDenied(ADMINS_ONLY)


def _missing(value: Any) -> bool:
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
    if isinstance(value, bool) or _missing(value):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def parse_number(value: Any) -> float:
    """A finite number from a number or text (German "1.234,5" or "1.200", plain "1234.5"); ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str):
        text = value.strip().replace("\xa0", "").replace(" ", "")
        if "," in text or _THOUSANDS.match(text):
            text = text.replace(".", "").replace(",", ".")
        number = float(text)
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def parse_date(value: Any) -> dt.date:
    """A date from a date, datetime, pandas Timestamp or text (2024-12-31 or 31.12.2024); ValueError otherwise."""
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    raise ValueError(value)


class Checks:
    """Collects one German message per field and raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def ok(self, field: str) -> bool:
        return field not in self.errors

    def text(self, field: str, value: Any, label: str, limit: int, required: bool = False) -> str:
        text = "" if _missing(value) else clean_text(str(value)).strip()
        if required and not text:
            self.fail(field, f"Bitte geben Sie „{label}“ an.")
        elif len(text) > limit:
            self.fail(field, f"„{label}“ darf höchstens {limit} Zeichen lang sein (jetzt {len(text)}).")
        return text

    def number(self, field: str, value: Any, label: str, minimum: float | None = None,
               maximum: float | None = None, required: bool = False) -> float | None:
        if _missing(value):
            if required:
                self.fail(field, f"Bitte geben Sie „{label}“ als Zahl an.")
            return None
        try:
            number = parse_number(value)
        except (TypeError, ValueError):
            self.fail(field, f"„{label}“ muss eine Zahl sein.")
            return None
        if minimum is not None and number < minimum:
            self.fail(field, f"„{label}“ darf nicht kleiner als {_german(minimum)} sein.")
        elif maximum is not None and number > maximum:
            self.fail(field, f"„{label}“ darf nicht größer als {_german(maximum)} sein.")
        return number

    def year(self, field: str, value: Any) -> int | None:
        number = self.number(field, value, "Jahr", required=True)
        if number is None:
            return None
        if not number.is_integer() or not YEAR_MIN <= number <= YEAR_MAX:
            self.fail(field, f"Das Jahr muss eine ganze Zahl zwischen {YEAR_MIN} und {YEAR_MAX} sein.")
            return None
        return int(number)

    def date(self, field: str, value: Any, label: str, required: bool = False) -> dt.date | None:
        if _missing(value):
            if required:
                self.fail(field, f"Bitte geben Sie „{label}“ an.")
            return None
        try:
            return parse_date(value)
        except (TypeError, ValueError):
            self.fail(field, f"„{label}“ ist kein gültiges Datum (TT.MM.JJJJ).")
            return None

    def choice(self, field: str, value: Any, allowed: Iterable[Any], message: str) -> Any:
        if value not in set(allowed):
            self.fail(field, message)
            return None
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(CHECK_MESSAGE, dict(self.errors))


def _german(number: float) -> str:
    text = f"{number:g}"
    return text.replace(".", ",")


def _code(checks: Checks, session: Session, model: type, plan_id: int, value: Any,
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
        checks.fail("code", f"Das Kürzel „{code}“ ist in diesem Plan schon vergeben.")
    return code


# --- versions, audit ------------------------------------------------------------------------


def check_counter(session: Session, plan_id: int, expected_counter: int) -> None:
    """The plan's change counter must still be the one the caller saw; the row stays locked until commit,
    so a concurrent writer that saw the same counter gets the conflict."""
    claimed = session.execute(
        update(Plan)
        .where(Plan.id == plan_id, Plan.change_counter == int(expected_counter))
        .values(change_counter=Plan.change_counter)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount == 1:
        return
    current = session.scalar(select(Plan.change_counter).where(Plan.id == plan_id))
    if current is None:
        raise ValidationFailed("Diesen Plan gibt es nicht (mehr).")
    raise VersionConflict(
        PLAN_CONFLICT,
        current={"counter": current, "changes": recent_changes(session, plan_id, current - expected_counter)},
    )


def current_counter(session: Session, plan_id: int) -> int:
    return int(session.scalar(select(Plan.change_counter).where(Plan.id == plan_id)) or 0)


def recent_changes(session: Session, plan_id: int, count: int, limit: int = 5) -> list[dict[str, Any]]:
    """The plan's latest audit events (each write moved the counter by one): who changed what, when."""
    if count <= 0:
        return []
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.actor_name, AuditEvent.action, AuditEvent.object_type, AuditEvent.changes)
        .where(AuditEvent.plan_id == plan_id)
        .order_by(AuditEvent.id.desc())
        .limit(min(count, limit))
    ).all()
    return [
        {"at": row.at, "actor": row.actor_name, "action": row.action, "object_type": row.object_type,
         "code": _code_in(row.changes or {})}
        for row in rows
    ]


def _code_in(changes: Mapping[str, Any]) -> str:
    value = changes.get("code") or changes.get("measure") or changes.get("name") or ""
    if isinstance(value, list):
        value = value[-1] or value[0] or ""
    return str(value)


def _claim_measure(session: Session, measure_id: int, expected_version: int | None) -> bool:
    claimed = session.execute(
        update(Measure)
        .where(Measure.id == measure_id, Measure.version == as_id(expected_version))
        .values(version=Measure.version + 1)
    )
    return claimed.rowcount == 1


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _apply(row: Any, values: Mapping[str, Any]) -> dict[str, list]:
    """Set the values on the row; the changed fields as {field: [old, new]} for the audit trail."""
    changes = {}
    for name, new in values.items():
        old = getattr(row, name)
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
            setattr(row, name, new)
    return changes


def _created(values: Mapping[str, Any]) -> dict[str, list]:
    return {name: [None, _plain(value)] for name, value in values.items() if value not in (None, "", [])}


def _flush(session: Session) -> None:
    """A unique key taken by someone else in the meantime is a conflict, not a crash."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise VersionConflict(
            "Die Angaben überschneiden sich mit einem Eintrag, der inzwischen gespeichert wurde "
            "(z. B. dasselbe Kürzel). " + KEEP_TYPING,
            current={},
        ) from exc


def _bump_other_plans(session: Session, plan_id: int | None) -> None:
    """Organisations and accounts belong to no single plan: every plan's cached reads must refresh."""
    statement = update(Plan).values(change_counter=Plan.change_counter + 1)
    if plan_id is not None:
        statement = statement.where(Plan.id != plan_id)
    session.execute(statement.execution_options(synchronize_session=False))


def _row(session: Session, kind: str, plan_id: int, object_id: Any) -> Any:
    model = MODELS[kind]
    object_id = as_id(object_id)
    row = session.get(model, object_id) if object_id is not None else None
    if row is None or getattr(row, "plan_id", plan_id) != plan_id:
        raise ValidationFailed(f"Dieses {LABELS[kind]} gibt es in diesem Plan nicht (mehr)."
                               if kind not in ("measure", "organisation", "indicator")
                               else f"Diese {LABELS[kind]} gibt es in diesem Plan nicht (mehr).")
    return row


def _visible_parent(session: Session, model: type, plan_id: int, parent_id: Any) -> Any:
    parent_id = as_id(parent_id)
    row = session.get(model, parent_id) if parent_id is not None else None
    if row is None or row.plan_id != plan_id or row.retired:
        return None
    return row


def _next_position(session: Session, model: type, *where: Any) -> int:
    highest = session.scalar(select(func.max(model.position)).where(*where))
    return 0 if highest is None else highest + 1


def _save_new(session: Session, actor: Actor, plan_id: int, kind: str, row: Any,
              values: Mapping[str, Any]) -> Any:
    session.add(row)
    _flush(session)
    record(session, actor, plan_id, "create", kind, row.id, _created(values))
    return row


def _save_changes(session: Session, actor: Actor, plan_id: int, kind: str, row: Any,
                  values: Mapping[str, Any]) -> Any:
    changes = _apply(row, values)
    if changes:
        _flush(session)
        record(session, actor, plan_id, "update", kind, row.id, changes)
    return row


# --- Handlungsfelder, Leitziele ---------------------------------------------------------------


def _action_field_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    return {
        "code": _code(checks, session, ActionField, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", NAME_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
    }


def create_action_field(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> ActionField:
    """A new Handlungsfeld (code, title, description) at the end of the plan's list."""
    require_admin(actor)
    checks = Checks()
    values = _action_field_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    position = _next_position(session, ActionField, ActionField.plan_id == plan_id)
    row = ActionField(plan_id=plan_id, position=position, **values)
    return _save_new(session, actor, plan_id, "action_field", row, values)


def update_action_field(session: Session, actor: Actor, plan_id: int, action_field_id: int, *,
                        expected_counter: int, **raw: Any) -> ActionField:
    require_admin(actor)
    row = _row(session, "action_field", plan_id, action_field_id)
    checks = Checks()
    values = _action_field_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_changes(session, actor, plan_id, "action_field", row, values)


def _guiding_goal_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    field = _visible_parent(session, ActionField, plan_id, raw.get("action_field_id"))
    if field is None:
        checks.fail("action_field_id", "Bitte wählen Sie ein sichtbares Handlungsfeld dieses Plans.")
    return {
        "action_field_id": field.id if field else None,
        "code": _code(checks, session, GuidingGoal, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
    }


def create_guiding_goal(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> GuidingGoal:
    """A new Leitziel 2030 of an action field (action_field_id, code, title, description)."""
    require_admin(actor)
    checks = Checks()
    values = _guiding_goal_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    position = _next_position(session, GuidingGoal, GuidingGoal.action_field_id == values["action_field_id"])
    row = GuidingGoal(plan_id=plan_id, position=position, **values)
    return _save_new(session, actor, plan_id, "guiding_goal", row, values)


def update_guiding_goal(session: Session, actor: Actor, plan_id: int, guiding_goal_id: int, *,
                        expected_counter: int, **raw: Any) -> GuidingGoal:
    require_admin(actor)
    row = _row(session, "guiding_goal", plan_id, guiding_goal_id)
    checks = Checks()
    values = _guiding_goal_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    if values["action_field_id"] != row.action_field_id:
        values["position"] = _next_position(session, GuidingGoal,
                                            GuidingGoal.action_field_id == values["action_field_id"])
    return _save_changes(session, actor, plan_id, "guiding_goal", row, values)


# --- Jahresziele ------------------------------------------------------------------------------


def _annual_goal_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                        exclude_id: int | None = None) -> dict[str, Any]:
    goal = _visible_parent(session, GuidingGoal, plan_id, raw.get("guiding_goal_id"))
    if goal is None:
        checks.fail("guiding_goal_id", "Bitte wählen Sie ein sichtbares Leitziel dieses Plans.")
    prioritised = bool(raw.get("prioritised", False))
    decision_date = checks.date("decision_date", raw.get("decision_date"), "Datum des Kreistagsbeschlusses")
    if prioritised and decision_date is None and checks.ok("decision_date"):
        checks.fail("decision_date", "Ein priorisiertes Jahresziel braucht das Datum des Kreistagsbeschlusses.")
    reference = checks.text("decision_reference", raw.get("decision_reference"), "Beschluss (Drucksache)", NAME_MAX)
    return {
        "guiding_goal_id": goal.id if goal else None,
        "code": _code(checks, session, AnnualGoal, plan_id, raw.get("code"), exclude_id),
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
    checks = Checks()
    values = _annual_goal_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    position = _next_position(session, AnnualGoal, AnnualGoal.guiding_goal_id == values["guiding_goal_id"],
                              AnnualGoal.year == values["year"])
    row = AnnualGoal(plan_id=plan_id, position=position, **values)
    return _save_new(session, actor, plan_id, "annual_goal", row, values)


def update_annual_goal(session: Session, actor: Actor, plan_id: int, annual_goal_id: int, *,
                       expected_counter: int, **raw: Any) -> AnnualGoal:
    require_admin(actor)
    row = _row(session, "annual_goal", plan_id, annual_goal_id)
    checks = Checks()
    values = _annual_goal_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    if (values["guiding_goal_id"], values["year"]) != (row.guiding_goal_id, row.year):
        values["position"] = _next_position(session, AnnualGoal,
                                            AnnualGoal.guiding_goal_id == values["guiding_goal_id"],
                                            AnnualGoal.year == values["year"])
    return _save_changes(session, actor, plan_id, "annual_goal", row, values)


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


def _latest_status():
    """The latest status of Measure (correlated): its last report's, or geplant without one."""
    latest = (
        select(StatusReport.status)
        .where(StatusReport.measure_id == Measure.id)
        .order_by(StatusReport.report_date.desc(), StatusReport.id.desc())
        .limit(1)
        .correlate(Measure)
        .scalar_subquery()
    )
    return func.coalesce(latest, PLANNED)


def open_measures(session: Session, annual_goal_id: int) -> list[Measure]:
    """Visible measures of an annual goal that are neither completed nor suspended."""
    return list(session.scalars(
        select(Measure)
        .where(Measure.annual_goal_id == annual_goal_id, Measure.retired.is_(False),
               _latest_status().not_in((COMPLETED, SUSPENDED)))
        .order_by(Measure.position, Measure.id)
    ))


def carry_over_annual_goal(session: Session, actor: Actor, plan_id: int, annual_goal_id: int, reason: str, *,
                           expected_counter: int) -> AnnualGoal:
    """Carry an annual goal over to the next year in one step: the new goal (same guiding goal, next free
    code of the next year) and a copy of each open measure (new code, same lead, partners and weight,
    running 1 January to 31 December), each linked to its origin with the reason. Old measures keep
    their status and history."""
    require_admin(actor)
    source = _row(session, "annual_goal", plan_id, annual_goal_id)
    checks = Checks()
    reason = checks.text("reason", reason, "Begründung", TEXT_MAX, required=True)
    _check_carry_over_source(checks, session, source)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    year = source.year + 1
    taken = set(session.scalars(select(AnnualGoal.code).where(AnnualGoal.plan_id == plan_id)))
    goal = AnnualGoal(
        plan_id=plan_id, guiding_goal_id=source.guiding_goal_id, code=next_annual_goal_code(source.code, year, taken),
        year=year, title=source.title, description=source.description, prioritised=False,
        carried_over_from_id=source.id, carry_over_reason=reason,
        position=_next_position(session, AnnualGoal, AnnualGoal.guiding_goal_id == source.guiding_goal_id,
                                AnnualGoal.year == year),
    )
    session.add(goal)
    _flush(session)
    record(session, actor, plan_id, "carry_over", "annual_goal", goal.id,
           {"code": [None, goal.code], "year": [None, year], "carried_over_from": [None, source.code],
            "carry_over_reason": [None, reason]})
    _copy_open_measures(session, actor, plan_id, source, goal, reason)
    return goal


def _check_carry_over_source(checks: Checks, session: Session, source: AnnualGoal) -> None:
    if source.retired:
        checks.fail("annual_goal_id", "Ein ausgeblendetes Jahresziel kann nicht übertragen werden.")
    elif source.year + 1 > YEAR_MAX:
        checks.fail("annual_goal_id", f"Ein Jahresziel kann nicht über {YEAR_MAX} hinaus übertragen werden.")
    else:
        done = session.scalar(select(AnnualGoal.code).where(AnnualGoal.carried_over_from_id == source.id,
                                                            AnnualGoal.retired.is_(False)).limit(1))
        if done:
            checks.fail("annual_goal_id", f"Dieses Jahresziel wurde bereits übertragen (nach {done}).")


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
        _flush(session)
        record(session, actor, plan_id, "carry_over", "measure", new.id,
               {"code": [None, code], "annual_goal": [None, goal.code], "carried_over_from": [None, old.code],
                "carry_over_reason": [None, reason]})


# --- Maßnahmen --------------------------------------------------------------------------------


class _MeasureLookups:
    """What validating measures needs, read once (also for a table of many rows)."""

    def __init__(self, session: Session, plan_id: int):
        self.plan_id = plan_id
        self.organisations = {row.id: row.retired
                              for row in session.execute(select(Organisation.id, Organisation.retired))}
        self.goals = {row.id: row.retired for row in session.execute(
            select(AnnualGoal.id, AnnualGoal.retired).where(AnnualGoal.plan_id == plan_id))}
        self.codes = {code.lower(): measure_id for measure_id, code in session.execute(
            select(Measure.id, Measure.code).where(Measure.plan_id == plan_id))}

    def usable_organisation(self, organisation_id: Any, keep: Iterable[int] = ()) -> bool:
        return organisation_id in self.organisations and (not self.organisations[organisation_id]
                                                          or organisation_id in set(keep))


def _measure_values(checks: Checks, lookups: _MeasureLookups, raw: Mapping[str, Any],
                    current: Measure | None = None) -> dict[str, Any]:
    goal_id = as_id(raw.get("annual_goal_id"))
    hidden = lookups.goals.get(goal_id, True)
    if hidden and not (current and goal_id == current.annual_goal_id):
        checks.fail("annual_goal_id", "Bitte wählen Sie ein sichtbares Jahresziel dieses Plans.")
    code = checks.text("code", raw.get("code"), "Kürzel", CODE_MAX, required=True)
    own_id = current.id if current else None
    if checks.ok("code") and not CODE_PATTERN.match(code):
        checks.fail("code", CODE_RULE)
    elif checks.ok("code") and lookups.codes.get(code.lower(), own_id) != own_id:
        checks.fail("code", f"Das Kürzel „{code}“ ist in diesem Plan schon vergeben.")
    lead = as_id(raw.get("lead_organisation_id"))
    keep_lead = [current.lead_organisation_id] if current and current.lead_organisation_id else []
    if lead is None:
        checks.fail("lead_organisation_id", "Bitte wählen Sie die federführende Organisation.")
    elif not lookups.usable_organisation(lead, keep_lead):
        checks.fail("lead_organisation_id", "Die gewählte Federführung gibt es nicht (mehr).")
    partner_ids = _partner_ids(checks, lookups, raw.get("partner_ids") or [], lead, current)
    start = checks.date("start_date", raw.get("start_date"), "Beginn")
    due = checks.date("due_date", raw.get("due_date"), "Ende")
    if start and due and due < start:
        checks.fail("due_date", "Das Enddatum liegt vor dem Beginn.")
    weight = checks.number("weight", raw.get("weight", 1), "Gewicht", 0, WEIGHT_MAX, required=True)
    return {
        "annual_goal_id": goal_id,
        "code": code,
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
        "lead_organisation_id": lead,
        "partner_ids": partner_ids,
        "origin": checks.text("origin", raw.get("origin"), "Herkunft", NAME_MAX),
        "start_date": start,
        "due_date": due,
        "weight": weight,
    }


def _partner_ids(checks: Checks, lookups: _MeasureLookups, raw: Iterable[Any], lead: Any,
                 current: Measure | None) -> list[int]:
    ids = sorted({as_id(partner) for partner in raw} - {None})
    keep = [partner.id for partner in current.partners] if current else []
    if any(not lookups.usable_organisation(partner, keep) for partner in ids):
        checks.fail("partner_ids", "Eine gewählte Partnerorganisation gibt es nicht (mehr).")
    elif lead in ids:
        checks.fail("partner_ids", "Die federführende Organisation kann nicht zugleich Partnerin sein.")
    return ids


def _measure_raw(measure: Measure) -> dict[str, Any]:
    return {
        "annual_goal_id": measure.annual_goal_id, "code": measure.code, "title": measure.title,
        "description": measure.description, "lead_organisation_id": measure.lead_organisation_id,
        "partner_ids": sorted(partner.id for partner in measure.partners), "origin": measure.origin,
        "start_date": measure.start_date, "due_date": measure.due_date, "weight": measure.weight,
    }


def measure_snapshot(measure: Measure) -> dict[str, Any]:
    """The measure's stored values and version (what a conflicting writer should look at)."""
    return {"version": measure.version, **_measure_raw(measure)}


def _apply_measure(session: Session, measure: Measure, values: dict[str, Any]) -> dict[str, list]:
    values = dict(values)
    partner_ids = values.pop("partner_ids", None)
    if values.get("annual_goal_id", measure.annual_goal_id) != measure.annual_goal_id:
        values["position"] = _next_position(session, Measure, Measure.annual_goal_id == values["annual_goal_id"])
    changes = _apply(measure, values)
    old_ids = sorted(partner.id for partner in measure.partners)
    if partner_ids is not None and partner_ids != old_ids:
        measure.partners = list(session.scalars(select(Organisation).where(Organisation.id.in_(partner_ids))))
        changes["partner_ids"] = [old_ids, partner_ids]
    return changes


def create_measure(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Measure:
    """A new Maßnahme: annual_goal_id, code, title, description, lead_organisation_id, partner_ids, origin,
    start_date, due_date, weight."""
    require_admin(actor)
    checks = Checks()
    values = _measure_values(checks, _MeasureLookups(session, plan_id), raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    partner_ids = values.pop("partner_ids")
    measure = Measure(plan_id=plan_id, **values,
                      position=_next_position(session, Measure, Measure.annual_goal_id == values["annual_goal_id"]))
    measure.partners = list(session.scalars(select(Organisation).where(Organisation.id.in_(partner_ids))))
    return _save_new(session, actor, plan_id, "measure", measure, {**values, "partner_ids": partner_ids})


def _measure_conflict(session: Session, measure: Measure) -> VersionConflict:
    session.refresh(measure)
    return VersionConflict(MEASURE_CONFLICT, current=measure_snapshot(measure))


def update_measure(session: Session, actor: Actor, plan_id: int, measure_id: int, *, expected_version: int,
                   **raw: Any) -> Measure:
    """Change a measure's fields (as create_measure); optimistic locking on Measure.version."""
    require_admin(actor)
    measure = _row(session, "measure", plan_id, measure_id)
    checks = Checks()
    values = _measure_values(checks, _MeasureLookups(session, plan_id), {**_measure_raw(measure), **raw}, measure)
    checks.raise_if_any()
    if not _claim_measure(session, measure.id, expected_version):
        raise _measure_conflict(session, measure)
    changes = _apply_measure(session, measure, values)
    _flush(session)
    record(session, actor, plan_id, "update", "measure", measure.id, {"code": measure.code, **changes})
    return measure


def retire_measure(session: Session, actor: Actor, plan_id: int, measure_id: int, *, expected_version: int,
                   retired: bool = True) -> Measure:
    """Hide a measure (retired=True) or show it again; its reports stay."""
    require_admin(actor)
    measure = _row(session, "measure", plan_id, measure_id)
    _check_retire(session, "measure", plan_id, measure, retired)
    if not _claim_measure(session, measure.id, expected_version):
        raise _measure_conflict(session, measure)
    return _set_retired(session, actor, plan_id, "measure", measure, retired)


def bulk_update_measures(session: Session, actor: Actor, plan_id: int, rows: Sequence[Mapping[str, Any]],
                         expected_versions: Mapping[int, int]) -> int:
    """Save an edited table of measures all or nothing. Each row: id, optionally row (its number in the
    table) and any of BULK_FIELDS. Every row is validated first; any problem -> BulkValidationFailed with
    one German line per problem and nothing written. A row changed by someone else since its version was
    read -> VersionConflict, nothing written. Returns the number of measures changed (one audit event each)."""
    require_admin(actor)
    lookups = _MeasureLookups(session, plan_id)
    ids = [as_id(row.get("id")) for row in rows]
    measures = {m.id: m for m in session.scalars(select(Measure).where(
        Measure.plan_id == plan_id, Measure.id.in_([measure_id for measure_id in ids if measure_id is not None])))}
    problems, planned = [], []
    for index, raw in enumerate(rows):
        number = raw.get("row", index + 1)
        measure = measures.get(as_id(raw.get("id")))
        if measure is None:
            problems.append(f"Zeile {number}: Diese Maßnahme gibt es in diesem Plan nicht (mehr).")
            continue
        checks = Checks()
        edited = {name: raw[name] for name in BULK_FIELDS if name in raw}
        values = _measure_values(checks, lookups, {**_measure_raw(measure), **edited}, measure)
        problems += [f"Zeile {number} ({measure.code}): {message}" for message in checks.errors.values()]
        planned.append((measure, {name: values[name] for name in edited}))
    if problems:
        raise BulkValidationFailed(f"Es wurde nichts gespeichert. Bitte beheben Sie zuerst "
                                   f"{'dieses Problem' if len(problems) == 1 else f'diese {len(problems)} Probleme'}:",
                                   problems)
    changed = [(measure, values) for measure, values in planned
               if any(getattr(measure, name) != value for name, value in values.items())]
    versions = {as_id(key): value for key, value in expected_versions.items()}
    stale = [measure.code for measure, _ in changed
             if not _claim_measure(session, measure.id, versions.get(measure.id))]
    if stale:
        raise VersionConflict(
            "Diese Maßnahmen wurden inzwischen von jemand anderem geändert: " + ", ".join(stale) + ". " + KEEP_TYPING,
            current={"codes": stale},
        )
    for measure, values in changed:
        changes = _apply_measure(session, measure, values)
        record(session, actor, plan_id, "update", "measure", measure.id, {"code": measure.code, **changes})
    _flush(session)
    return len(changed)


# --- retire, show again, reorder (levels, organisations, indicators) ---------------------------


def _check_retire(session: Session, kind: str, plan_id: int, row: Any, retired: bool) -> None:
    if retired and kind in _CHILDREN:
        model, key, message = _CHILDREN[kind]
        count = session.scalar(select(func.count()).select_from(model)
                               .where(getattr(model, key) == row.id, model.retired.is_(False)))
        if count:
            raise ValidationFailed(message.format(count=count), {"retired": message.format(count=count)})
    if not retired and kind in _PARENTS:
        model, key = _PARENTS[kind]
        if _visible_parent(session, model, plan_id, getattr(row, key)) is None:
            message = (f"Die übergeordnete Ebene ({LABELS[_parent_kind(kind)]}) ist ausgeblendet; "
                       "blenden Sie sie zuerst ein.")
            raise ValidationFailed(message, {"retired": message})


def _parent_kind(kind: str) -> str:
    model = _PARENTS[kind][0]
    return next(name for name, candidate in MODELS.items() if candidate is model)


def _set_retired(session: Session, actor: Actor, plan_id: int | None, kind: str, row: Any, retired: bool) -> Any:
    if row.retired != retired:
        row.retired = retired
        label = getattr(row, "code", None) or getattr(row, "name", "")
        record(session, actor, plan_id, "retire" if retired else "restore", kind, row.id,
               {"retired": [not retired, retired], "code": label})
        if kind == "organisation":
            _bump_other_plans(session, plan_id)
    return row


def retire(session: Session, actor: Actor, plan_id: int, kind: str, object_id: int, *, expected_counter: int,
           retired: bool = True) -> Any:
    """Hide (retired=True) or show again a Handlungsfeld, Leitziel, Jahresziel, organisation or indicator.
    A level with visible children is not hidden; a row is not shown again under a hidden parent."""
    require_admin(actor)
    if kind not in MODELS or kind == "measure":
        raise ValidationFailed("Diese Art von Eintrag kann hier nicht ausgeblendet werden.")
    row = _row(session, kind, plan_id, object_id)
    _check_retire(session, kind, plan_id, row, retired)
    check_counter(session, plan_id, expected_counter)
    return _set_retired(session, actor, plan_id, kind, row, retired)


def move(session: Session, actor: Actor, plan_id: int, kind: str, object_id: int, offset: int, *,
         expected_counter: int) -> Any:
    """Move a visible row one place up (offset -1) or down (+1) among its siblings (positions renumbered)."""
    require_admin(actor)
    if kind not in _SIBLINGS or offset not in (-1, 1):
        raise ValidationFailed("Diese Verschiebung ist nicht möglich.")
    model = MODELS[kind]
    row = _row(session, kind, plan_id, object_id)
    siblings = list(session.scalars(
        select(model).where(*(getattr(model, name) == getattr(row, name) for name in _SIBLINGS[kind]),
                            model.retired.is_(False))
        .order_by(model.position, model.id)
    ))
    if row not in siblings:
        raise ValidationFailed("Ein ausgeblendeter Eintrag kann nicht verschoben werden.")
    index = siblings.index(row)
    target = index + offset
    if not 0 <= target < len(siblings):
        raise ValidationFailed(f"Der Eintrag steht schon ganz {'oben' if offset < 0 else 'unten'}.")
    check_counter(session, plan_id, expected_counter)
    before = [sibling.code for sibling in siblings]
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    record(session, actor, plan_id, "reorder", kind, row.id,
           {"code": row.code, "order": [before, [sibling.code for sibling in siblings]]})
    return row


# --- Organisationen ---------------------------------------------------------------------------


def _organisation_values(checks: Checks, session: Session, raw: Mapping[str, Any],
                         exclude_id: int | None = None) -> dict[str, Any]:
    name = checks.text("name", raw.get("name"), "Name", NAME_MAX, required=True)
    if checks.ok("name"):
        clash = select(Organisation.id).where(func.lower(Organisation.name) == name.lower())
        if exclude_id is not None:
            clash = clash.where(Organisation.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("name", f"Eine Organisation „{name}“ gibt es schon.")
    return {
        "name": name,
        "short_name": checks.text("short_name", raw.get("short_name"), "Kurzname", SHORT_MAX),
        "kind": checks.text("kind", raw.get("kind", "Sonstige"), "Art", SHORT_MAX, required=True),
    }


def create_organisation(session: Session, actor: Actor, plan_id: int, *, expected_counter: int,
                        **raw: Any) -> Organisation:
    """A new organisation (name, short_name, kind); organisations are shared by all plans."""
    require_admin(actor)
    checks = Checks()
    values = _organisation_values(checks, session, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    row = _save_new(session, actor, plan_id, "organisation", Organisation(**values), values)
    _bump_other_plans(session, plan_id)
    return row


def update_organisation(session: Session, actor: Actor, plan_id: int, organisation_id: int, *,
                        expected_counter: int, **raw: Any) -> Organisation:
    require_admin(actor)
    row = _row(session, "organisation", plan_id, organisation_id)
    checks = Checks()
    values = _organisation_values(checks, session, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    if any(getattr(row, name) != value for name, value in values.items()):
        _bump_other_plans(session, plan_id)
    return _save_changes(session, actor, plan_id, "organisation", row, values)


# --- Kennzahlen and Messwerte -----------------------------------------------------------------


def _level(checks: Checks, session: Session, plan_id: int, level: Any) -> dict[str, int | None]:
    columns: dict[str, int | None] = {f"{kind}_id": None for kind in LEVEL_KINDS}
    if level in (None, "", ()):
        return columns
    kind, level_id = level if isinstance(level, (tuple, list)) and len(level) == 2 else (None, None)
    level_id = as_id(level_id)
    if kind not in LEVEL_KINDS or _visible_parent(session, MODELS[kind], plan_id, level_id) is None:
        checks.fail("level", "Bitte wählen Sie eine sichtbare Ebene dieses Plans (oder den ganzen Plan).")
        return columns
    columns[f"{kind}_id"] = level_id
    return columns


def _indicator_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                      exclude_id: int | None = None) -> dict[str, Any]:
    baseline_date = checks.date("baseline_date", raw.get("baseline_date"), "Datum des Ausgangswerts")
    target_date = checks.date("target_date", raw.get("target_date"), "Zieldatum")
    if baseline_date and target_date and target_date <= baseline_date:
        checks.fail("target_date", "Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.")
    return {
        "code": _code(checks, session, Indicator, plan_id, raw.get("code"), exclude_id),
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
        "unit": checks.text("unit", raw.get("unit"), "Einheit", 40),
        "direction": checks.choice("direction", raw.get("direction", "increase"), INDICATOR_DIRECTIONS,
                                   "Bitte wählen Sie, ob ein steigender oder ein fallender Wert das Ziel ist."),
        "kind": checks.choice("kind", raw.get("kind", "result"), INDICATOR_KINDS,
                              "Bitte wählen Sie Ergebnis- oder Kontextkennzahl."),
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
    checks = Checks()
    values = _indicator_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    row = Indicator(plan_id=plan_id, position=_next_position(session, Indicator, Indicator.plan_id == plan_id),
                    **values)
    return _save_new(session, actor, plan_id, "indicator", row, values)


def update_indicator(session: Session, actor: Actor, plan_id: int, indicator_id: int, *, expected_counter: int,
                     **raw: Any) -> Indicator:
    require_admin(actor)
    row = _row(session, "indicator", plan_id, indicator_id)
    checks = Checks()
    values = _indicator_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_changes(session, actor, plan_id, "indicator", row, values)


def _value_row(session: Session, plan_id: int, value_id: Any) -> IndicatorValue:
    value_id = as_id(value_id)
    row = session.get(IndicatorValue, value_id) if value_id is not None else None
    if row is None or row.indicator.plan_id != plan_id:
        raise ValidationFailed("Diesen Messwert gibt es in diesem Plan nicht (mehr).")
    return row


def _indicator_value_values(checks: Checks, session: Session, indicator_id: int, raw: Mapping[str, Any],
                            today: dt.date, exclude_id: int | None = None) -> dict[str, Any]:
    value_date = checks.date("value_date", raw.get("value_date"), "Datum", required=True)
    if value_date and value_date > today:
        checks.fail("value_date", "Das Datum eines Messwerts darf nicht in der Zukunft liegen.")
    elif value_date:
        clash = select(IndicatorValue.id).where(IndicatorValue.indicator_id == indicator_id,
                                                IndicatorValue.value_date == value_date)
        if exclude_id is not None:
            clash = clash.where(IndicatorValue.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("value_date", f"Für den {value_date:%d.%m.%Y} gibt es schon einen Messwert.")
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
    indicator = _row(session, "indicator", plan_id, indicator_id)
    checks = Checks()
    values = _indicator_value_values(checks, session, indicator.id, raw, today or dt.date.today())
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    row = IndicatorValue(indicator_id=indicator.id, **values)
    return _save_new(session, actor, plan_id, "indicator_value", row, {"indicator": indicator.code, **values})


def update_indicator_value(session: Session, actor: Actor, plan_id: int, value_id: int, *, expected_counter: int,
                           today: dt.date | None = None, **raw: Any) -> IndicatorValue:
    require_admin(actor)
    row = _value_row(session, plan_id, value_id)
    checks = Checks()
    values = _indicator_value_values(checks, session, row.indicator_id, raw, today or dt.date.today(), row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_changes(session, actor, plan_id, "indicator_value", row, values)


def delete_indicator_value(session: Session, actor: Actor, plan_id: int, value_id: int, *,
                           expected_counter: int) -> None:
    """Remove a wrongly entered value; the audit event keeps what it was."""
    require_admin(actor)
    row = _value_row(session, plan_id, value_id)
    check_counter(session, plan_id, expected_counter)
    old = {"indicator": [row.indicator.code, None], "value_date": [_plain(row.value_date), None],
           "value": [_plain(row.value), None], "source": [row.source, None]}
    session.delete(row)
    record(session, actor, plan_id, "delete", "indicator_value", value_id, old)


# --- Gremien and Sitzungen --------------------------------------------------------------------


def _body_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                 exclude_id: int | None = None) -> dict[str, Any]:
    name = checks.text("name", raw.get("name"), "Name", NAME_MAX, required=True)
    if checks.ok("name"):
        clash = select(Body.id).where(Body.plan_id == plan_id, func.lower(Body.name) == name.lower())
        if exclude_id is not None:
            clash = clash.where(Body.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("name", f"Ein Gremium „{name}“ gibt es in diesem Plan schon.")
    return {"name": name, "kind": checks.text("kind", raw.get("kind"), "Art", SHORT_MAX, required=True)}


def create_body(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Body:
    """A new Gremium (name, kind: Fachbeirat, Kreistag, Integrationskonferenz ...)."""
    require_admin(actor)
    checks = Checks()
    values = _body_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_new(session, actor, plan_id, "body", Body(plan_id=plan_id, **values), values)


def update_body(session: Session, actor: Actor, plan_id: int, body_id: int, *, expected_counter: int,
                **raw: Any) -> Body:
    require_admin(actor)
    body_id = as_id(body_id)
    row = session.get(Body, body_id) if body_id is not None else None
    if row is None or row.plan_id != plan_id:
        raise ValidationFailed("Dieses Gremium gibt es in diesem Plan nicht (mehr).")
    checks = Checks()
    values = _body_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_changes(session, actor, plan_id, "body", row, values)


def _meeting_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                    exclude_id: int | None = None) -> dict[str, Any]:
    body_id = as_id(raw.get("body_id"))
    body = session.get(Body, body_id) if body_id is not None else None
    if body is None or body.plan_id != plan_id:
        checks.fail("body_id", "Bitte wählen Sie ein Gremium dieses Plans.")
    meeting_date = checks.date("meeting_date", raw.get("meeting_date"), "Datum", required=True)
    if body is not None and meeting_date is not None:
        clash = select(Meeting.id).where(Meeting.body_id == body.id, Meeting.meeting_date == meeting_date)
        if exclude_id is not None:
            clash = clash.where(Meeting.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("meeting_date", f"Am {meeting_date:%d.%m.%Y} gibt es schon eine Sitzung dieses Gremiums.")
    return {
        "body_id": body.id if body is not None else None,
        "meeting_date": meeting_date,
        "title": checks.text("title", raw.get("title"), "Bezeichnung", NAME_MAX),
        "is_reporting_cutoff": bool(raw.get("is_reporting_cutoff", True)),
    }


def _meeting_row(session: Session, plan_id: int, meeting_id: Any) -> Meeting:
    meeting_id = as_id(meeting_id)
    row = session.get(Meeting, meeting_id) if meeting_id is not None else None
    if row is None or row.body.plan_id != plan_id:
        raise ValidationFailed("Diese Sitzung gibt es in diesem Plan nicht (mehr).")
    return row


def create_meeting(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Meeting:
    """A meeting (body_id, meeting_date, title, is_reporting_cutoff): its date is a reporting cut-off."""
    require_admin(actor)
    checks = Checks()
    values = _meeting_values(checks, session, plan_id, raw)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_new(session, actor, plan_id, "meeting", Meeting(**values), values)


def update_meeting(session: Session, actor: Actor, plan_id: int, meeting_id: int, *, expected_counter: int,
                   **raw: Any) -> Meeting:
    require_admin(actor)
    row = _meeting_row(session, plan_id, meeting_id)
    checks = Checks()
    values = _meeting_values(checks, session, plan_id, raw, row.id)
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    return _save_changes(session, actor, plan_id, "meeting", row, values)


def delete_meeting(session: Session, actor: Actor, plan_id: int, meeting_id: int, *, expected_counter: int) -> None:
    """Remove a wrongly entered meeting date (nothing refers to it); the audit event keeps what it was."""
    require_admin(actor)
    row = _meeting_row(session, plan_id, meeting_id)
    check_counter(session, plan_id, expected_counter)
    old = {"body": [row.body.name, None], "meeting_date": [_plain(row.meeting_date), None], "title": [row.title, None]}
    session.delete(row)
    record(session, actor, plan_id, "delete", "meeting", meeting_id, old)


# --- Konten -----------------------------------------------------------------------------------


def _account_checks(checks: Checks, session: Session, role: Any, organisation_id: Any,
                    keep_organisation: int | None = None) -> int | None:
    organisation_id = as_id(organisation_id)
    if organisation_id is not None:
        retired = session.scalar(select(Organisation.retired).where(Organisation.id == organisation_id))
        if retired is None or (retired and organisation_id != keep_organisation):
            checks.fail("organisation_id", "Die gewählte Organisation gibt es nicht (mehr).")
    if role == "editor" and organisation_id is None:
        checks.fail("organisation_id", "Ein Konto mit der Rolle „editor“ braucht eine Organisation: "
                                       "Es meldet zu deren Maßnahmen.")
    return organisation_id


def create_account(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, name: str, email: str,
                   role: str, organisation_id: int | None = None, password: str | None = None) -> User:
    """A staff account (models.auth.create_user); without a password the person signs in through OIDC."""
    require_admin(actor)
    checks = Checks()
    password = password or None
    checks.errors.update(auth.validate_account(name or "", email or "", role, password))
    organisation_id = _account_checks(checks, session, role, organisation_id)
    if checks.ok("email") and session.scalar(
            select(User.id).where(func.lower(User.email) == email.strip().lower())) is not None:
        checks.fail("email", "Für diese E-Mail-Adresse gibt es bereits ein Konto.")
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    user = auth.create_user(session, actor, name=name, email=email, role=role, password=password,
                            organisation_id=organisation_id)
    _bump_other_plans(session, None)
    return user


def update_user(session: Session, actor: Actor, plan_id: int, user_id: int, *, expected_counter: int,
                name: str, role: str, organisation_id: int | None, active: bool) -> User:
    """Change an account's name, role, organisation and whether it may sign in. Nobody removes their own
    admin role or account, and one active admin always remains."""
    require_admin(actor)
    user_id = as_id(user_id)
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise ValidationFailed("Dieses Konto gibt es nicht (mehr).")
    checks = Checks()
    values = {
        "name": checks.text("name", name, "Name", NAME_MAX, required=True),
        "role": checks.choice("role", role, ROLES, "Bitte wählen Sie eine gültige Rolle (viewer, editor, admin)."),
        "organisation_id": _account_checks(checks, session, role, organisation_id, user.organisation_id),
        "active": bool(active),
    }
    _check_admins_remain(checks, session, actor, user, role, bool(active))
    checks.raise_if_any()
    check_counter(session, plan_id, expected_counter)
    changes = _apply(user, values)
    if changes:
        if values["active"] and "active" in changes:
            auth.reset_throttle(session, user.email)
        if changes.keys() & {"role", "organisation_id", "active"}:
            end_sessions_of(session, user.id, "deactivated" if not values["active"] else "rights_changed")
        record(session, actor, None, "update", "user", user.id, {"email": user.email, **changes})
        _bump_other_plans(session, None)
    return user


def _check_admins_remain(checks: Checks, session: Session, actor: Actor, user: User, role: Any, active: bool) -> None:
    if user.role != "admin" or not user.active or (role == "admin" and active):
        return
    if user.id == actor.user_id:
        checks.fail("role" if role != "admin" else "active",
                    "Sie können sich nicht selbst die Administration entziehen oder Ihr eigenes Konto deaktivieren.")
        return
    if auth.is_last_active_admin(session, user):
        checks.fail("role", "Es muss mindestens ein aktives Konto mit der Rolle „admin“ bleiben.")


# --- read side of the Pflege page ---------------------------------------------------------------


def maintenance_frames(engine: Engine, plan_id: int) -> dict[str, pd.DataFrame]:
    """Everything the Pflege page lists, retired rows included (column retired), one query per table."""
    return {
        "action_fields": _action_fields(engine, plan_id),
        "guiding_goals": _guiding_goals(engine, plan_id),
        "annual_goals": _annual_goals(engine, plan_id),
        "measures": _measures(engine, plan_id),
        "organisations": frame_of(engine, select(
            Organisation.id, Organisation.name, Organisation.short_name, Organisation.kind, Organisation.retired)
            .order_by(Organisation.name)),
        "indicators": frame_of(engine, select(Indicator).where(Indicator.plan_id == plan_id)
                               .order_by(Indicator.position, Indicator.id)),
        "indicator_values": frame_of(engine, select(
            IndicatorValue.id, IndicatorValue.indicator_id, Indicator.code.label("indicator_code"),
            IndicatorValue.value_date, IndicatorValue.value, IndicatorValue.source, IndicatorValue.note)
            .join(Indicator).where(Indicator.plan_id == plan_id)
            .order_by(Indicator.position, Indicator.id, IndicatorValue.value_date)),
        "bodies": frame_of(engine, select(Body.id, Body.name, Body.kind).where(Body.plan_id == plan_id)
                           .order_by(Body.name)),
        "meetings": frame_of(engine, select(
            Meeting.id, Meeting.body_id, Body.name.label("body"), Meeting.meeting_date, Meeting.title,
            Meeting.is_reporting_cutoff).join(Body).where(Body.plan_id == plan_id).order_by(Meeting.meeting_date)),
        "users": _users(engine),
    }


def _action_fields(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(engine, select(
        ActionField.id, ActionField.code, ActionField.title, ActionField.description, ActionField.position,
        ActionField.retired).where(ActionField.plan_id == plan_id).order_by(ActionField.position, ActionField.id))


def _guiding_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(engine, select(
        GuidingGoal.id, GuidingGoal.code, GuidingGoal.title, GuidingGoal.description, GuidingGoal.action_field_id,
        ActionField.code.label("action_field_code"), GuidingGoal.position, GuidingGoal.retired)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(GuidingGoal.plan_id == plan_id)
        .order_by(ActionField.position, GuidingGoal.position, GuidingGoal.id))


def _annual_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    source = aliased(AnnualGoal)
    return frame_of(engine, select(
        AnnualGoal.id, AnnualGoal.code, AnnualGoal.year, AnnualGoal.title, AnnualGoal.description,
        AnnualGoal.prioritised, AnnualGoal.decision_date, AnnualGoal.decision_reference, AnnualGoal.guiding_goal_id,
        GuidingGoal.code.label("guiding_goal_code"), AnnualGoal.carried_over_from_id,
        source.code.label("carried_over_from_code"), AnnualGoal.carry_over_reason, AnnualGoal.position,
        AnnualGoal.retired)
        .join(GuidingGoal, AnnualGoal.guiding_goal_id == GuidingGoal.id)
        .outerjoin(source, AnnualGoal.carried_over_from_id == source.id)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(AnnualGoal.plan_id == plan_id)
        .order_by(AnnualGoal.year, ActionField.position, GuidingGoal.position, AnnualGoal.position, AnnualGoal.id))


def _measures(engine: Engine, plan_id: int) -> pd.DataFrame:
    source = aliased(Measure)
    frame = frame_of(engine, select(
        Measure.id, Measure.code, Measure.title, Measure.description, Measure.annual_goal_id,
        AnnualGoal.code.label("annual_goal_code"), AnnualGoal.year, Measure.lead_organisation_id,
        Organisation.name.label("lead"), Measure.origin, Measure.start_date, Measure.due_date, Measure.weight,
        Measure.version, Measure.position, Measure.retired, source.code.label("carried_over_from_code"),
        Measure.carry_over_reason, _latest_status().label("status"))
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .outerjoin(Organisation, Measure.lead_organisation_id == Organisation.id)
        .outerjoin(source, Measure.carried_over_from_id == source.id)
        .where(Measure.plan_id == plan_id)
        .order_by(AnnualGoal.year, AnnualGoal.code, Measure.position, Measure.id))
    partners = frame_of(engine, select(measure_partner.c.measure_id, measure_partner.c.organisation_id)
                        .join(Measure, Measure.id == measure_partner.c.measure_id).where(Measure.plan_id == plan_id))
    grouped: dict[int, list[int]] = {}
    for measure_id, organisation_id in zip(partners["measure_id"], partners["organisation_id"]):
        grouped.setdefault(int(measure_id), []).append(int(organisation_id))
    frame["partner_ids"] = [sorted(grouped.get(int(measure_id), [])) for measure_id in frame["id"]]
    return frame


def _users(engine: Engine) -> pd.DataFrame:
    return frame_of(engine, select(
        User.id, User.name, User.email, User.role, User.organisation_id, Organisation.name.label("organisation"),
        User.active, User.password_hash.is_not(None).label("local"), User.oidc_subject.is_not(None).label("oidc"),
        User.last_login_at).outerjoin(Organisation, User.organisation_id == Organisation.id).order_by(User.name))
