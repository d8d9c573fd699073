"""The import's cells and values: each cell read into its typed value or a German message (_cell), the
schema's text limits, and how a file's value compares with a stored row's (_snapshot, _same)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from models.formats import parse_date, parse_number
from models.rules import clean_text
from models.schema import (
    ActionField,
    AnnualGoal,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    StatusReport,
)
from models.texts import Count
from models.transfer import layout
from models.transfer.cells import is_missing, parse_bool, parse_period, parse_whole_number, plain_text
from models.transfer.import_results import Record
from models.transfer.mapping import normalise
from models.transfer.wording import say

MODELS = {
    "action_fields": ActionField,
    "guiding_goals": GuidingGoal,
    "annual_goals": AnnualGoal,
    "organisations": Organisation,
    "measures": Measure,
    "status_reports": StatusReport,
    "indicators": Indicator,
    "indicator_values": IndicatorValue,
    "meetings": Meeting,
}
# The value an empty cell stands for ("Leer: ..." in the layout's explanations).
DEFAULTS = {
    ("organisations", "kind"): "Sonstige",
    ("measures", "weight"): 1.0,
    ("status_reports", "released"): True,
    ("indicators", "direction"): "increase",
    ("indicators", "kind"): "result",
    ("meetings", "is_reporting_cutoff"): True,
}
LEVEL_ID_COLUMNS = {
    "action_fields": "action_field_id",
    "guiding_goals": "guiding_goal_id",
    "annual_goals": "annual_goal_id",
    "measures": "measure_id",
}


# --- reading cells ------------------------------------------------------------------------------


def schema_length(model: type, attribute: str) -> int | None:
    """The n of the String(n) column an attribute is stored in ("body.name": the name of the related
    Body); None for an unlimited Text column."""
    if "." in attribute:
        relation, attribute = attribute.split(".", 1)
        model = model.__mapper__.relationships[relation].mapper.class_
    return getattr(model.__table__.columns[attribute].type, "length", None)


# The longest text each text column of each level may hold; SQLite would store more, PostgreSQL refuses it.
TEXT_LIMITS = {(level.name, column.attribute): schema_length(MODELS[level.name], column.attribute)
               for level in layout.LEVELS for column in level.columns if column.kind == layout.TEXT}


def _too_long(text: str, limit: int | None) -> str | None:
    if limit is None or len(text) <= limit:
        return None
    return say("too_long", length=Count(len(text)), limit=Count(limit))


def _cell(level: layout.Level, column: layout.Column, raw: Any) -> tuple[Any, str | None]:
    """The typed value of one cell, or None and a German message."""
    if column.kind == layout.TEXT:
        text = plain_text(raw)
        if column.required and not text:
            return None, say("required", column=column.header)
        message = _too_long(text, TEXT_LIMITS[level.name, column.attribute])
        return (None, message) if message else (text, None)
    if is_missing(raw):
        if column.required:
            return None, say("required", column=column.header)
        return None, None
    reader = _READERS[column.kind]
    try:
        value = reader(level, column, raw)
    except (ValueError, TypeError, OverflowError):
        return None, _unreadable(column, raw)
    return value, _out_of_range(column, value)


def _shown(raw: Any) -> str:
    text = plain_text(raw) if not isinstance(raw, float) else f"{raw:g}".replace(".", ",")
    return text if len(text) <= 40 else text[:37] + "..."


def _unreadable(column: layout.Column, raw: Any) -> str:
    shown = _shown(raw)
    if column.kind == layout.INTEGER:
        return say("not_whole", raw=shown)
    if column.kind == layout.DECIMAL:
        return say("not_number", raw=shown)
    if column.kind == layout.DATE:
        return say("not_date", raw=shown)
    if column.kind == layout.BOOLEAN:
        return say("not_yes_no", raw=shown)
    if column.kind == layout.CHOICE:
        allowed = ", ".join(f"„{label}“" for _, label in column.choices)
        return say("not_allowed", raw=shown, allowed=allowed)
    return say("unreadable", raw=shown)


def _out_of_range(column: layout.Column, value: Any) -> str | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if column.minimum is not None and value < column.minimum:
        return say("below", value=float(value), minimum=float(column.minimum))
    if column.maximum is not None and value > column.maximum:
        return say("above", value=float(value), maximum=float(column.maximum))
    return None


def _choice(level: layout.Level, column: layout.Column, raw: Any) -> str:
    wanted = normalise(plain_text(raw))
    for value, label in column.choices:
        if wanted in (normalise(value), normalise(label)):
            return value
    raise ValueError(raw)


def _reference(level: layout.Level, column: layout.Column, raw: Any) -> Any:
    text = plain_text(raw)
    if column.many:
        parts = [part.strip() for part in re.split(r"[;\n]", text)]
        return tuple(part for part in parts if part and not is_missing(part))
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    return text


def _date(level: layout.Level, column: layout.Column, raw: Any) -> dt.date:
    if column.attribute == "value_date":
        return parse_period(raw)
    return parse_date(raw)


_READERS: dict[str, Callable[[layout.Level, layout.Column, Any], Any]] = {
    layout.INTEGER: lambda level, column, raw: parse_whole_number(raw),
    layout.DECIMAL: lambda level, column, raw: parse_number(raw),
    layout.DATE: _date,
    layout.BOOLEAN: lambda level, column, raw: parse_bool(raw),
    layout.CHOICE: _choice,
    layout.REFERENCE: _reference,
}


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


# --- the import ---------------------------------------------------------------------------------


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


_INVALID = _Marker("INVALID")
_UNSET = _Marker("UNSET")


def _empty(column: layout.Column) -> Any:
    if column.kind == layout.TEXT:
        return ""
    if column.kind == layout.BOOLEAN:
        return False
    if column.kind == layout.REFERENCE and column.many:
        return ()
    return None


def _dates(*values: Any) -> bool:
    return all(isinstance(value, dt.date) for value in values)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        if old is None or new is None:
            return old is new
        return math.isclose(float(old), float(new), rel_tol=1e-9, abs_tol=1e-12)
    return old == new


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _typed(value: str | None) -> str:
    """A name or owner typed for a new plan, as the commands store text."""
    return clean_text(value or "").strip()


def _display(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return "" if value is None else str(value)


def _key_text(level: layout.Level, record: Record) -> str:
    return " / ".join(_display(record.values.get(attribute)) for attribute in level.key)


def _snapshot(level: layout.Level, row: Any, ids: dict[str, dict[int, Any]]) -> dict[str, Any]:
    """The row's current values in the shape the file gives them (references by key)."""
    values: dict[str, Any] = {}
    for column in level.columns:
        attribute = column.attribute
        if attribute == "level":
            values[attribute] = _indicator_level_code(row, ids)
        elif attribute.startswith("body."):
            values[attribute] = getattr(row.body, attribute.split(".", 1)[1])
        elif column.kind == layout.REFERENCE and column.many:
            values[attribute] = tuple(sorted(_key_of(target) for target in getattr(row, attribute)))
        elif column.kind == layout.REFERENCE:
            target = getattr(row, attribute)
            values[attribute] = _key_of(target) if target is not None else None
        else:
            value = getattr(row, attribute)
            values[attribute] = "" if value is None and column.kind == layout.TEXT else value
    return values


def _key_of(row: Any) -> str:
    return row.name if isinstance(row, Organisation) else row.code


def _indicator_level_code(row: Indicator, ids: dict[str, dict[int, Any]]) -> str | None:
    for name, id_column in LEVEL_ID_COLUMNS.items():
        value = getattr(row, id_column)
        if value is not None:
            target = ids.get(name, {}).get(value)
            return target.code if target is not None else None
    return None
