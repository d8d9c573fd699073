"""Import of a whole plan (a workbook with the layout's sheets) or of one level (e.g. only Sachstände or
Kennzahlwerte) into an existing or a new plan.

preview() reads, converts and checks everything and says per level how many rows are new, changed and
unchanged, and every problem as a German message with sheet, row and column; it writes nothing.
apply() does the same inside the caller's transaction and, when there is no problem, writes all rows,
one audit event per new or changed row and one for the import, and advances the plan's change counter
once. Rows are matched by their key (code; organisations by name; Sachstände by Maßnahme and Datum).
Re-importing the same file finds every row unchanged and writes nothing. Admins only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from models.commands import Actor, ValidationFailed
from models.formats import decimal_marks, format_number, parse_date, parse_number
from models.commands.base import check_counter
from models.commands.checks import CODE_PATTERN, CODE_RULE, require_admin
from models.rules import (
    COMPLETED,
    YEAR_MAX,
    YEAR_MIN,
    clean_text,
    completion_matches,
    report_date_allowed,
    year_in_range,
)
from models.schema import (
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
)
from models.texts import Count, render
from models.transfer import layout
from models.transfer.cells import (GERMAN_FILE_MARK, decimal_problem, file_number, is_missing, parse_bool, parse_period,
                                   parse_whole_number, plain_text)
from models.transfer.mapping import ColumnMapping, guess, is_explanation, is_info, mapping_problems, normalise
from models.transfer.parsing import RawTable, key_values, period_columns, wide_to_long
from models.transfer.wording import say

Progress = Callable[[float, str], None]
WIDE_DATE = "Stichtag (aus dem Spaltenkopf)"
WIDE_VALUE = "Wert (aus der Spalte)"
FIXED = "fester Wert"
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
PROGRESS_EVERY = 200
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
# The audit trail's object type of each level (ui/strings/audit_log.py names them).
OBJECT_TYPES = {
    "action_fields": "action_field",
    "guiding_goals": "guiding_goal",
    "annual_goals": "annual_goal",
    "organisations": "organisation",
    "measures": "measure",
    "status_reports": "status_report",
    "indicators": "indicator",
    "indicator_values": "indicator_value",
    "meetings": "meeting",
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
NULLABLE_TEXTS = {"decision_reference", "carry_over_reason"}
LEVEL_REFERENCE_LEVELS = ("action_fields", "guiding_goals", "annual_goals", "measures")
LEVEL_ID_COLUMNS = {
    "action_fields": "action_field_id",
    "guiding_goals": "guiding_goal_id",
    "annual_goals": "annual_goal_id",
    "measures": "measure_id",
}
CARRY_OVER_LEVELS = ("annual_goals", "measures")


@dataclass(frozen=True)
class Problem:
    """One problem of the file, addressed like a spreadsheet cell."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    is_file: bool = False

    def text(self, lang: str = "de") -> str:
        """The problem with its place, in lang (German by default: the command line and the logs)."""
        parts = [say("where.file" if self.is_file else "where.sheet", name=self.sheet)]
        if self.row:
            parts.append(say("where.row", row=self.row))
        if self.column:
            parts.append(say("where.column", name=self.column))
        return ", ".join(render(part, lang) for part in parts) + ": " + render(self.message, lang)


@dataclass
class LevelCount:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass(frozen=True)
class RowChange:
    """A new or changed row: where it is in the file and what changes ({attribute: [old, new]})."""

    level: str
    sheet: str
    row: int
    key: str
    action: str  # "new" | "changed"
    changes: dict[str, list]


@dataclass
class Preview:
    """What an import would do (preview) or did (apply)."""

    plan_slug: str = ""
    plan_name: str = ""
    new_plan: bool = False
    expected_counter: int | None = None
    counts: dict[str, LevelCount] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    row_changes: list[RowChange] = field(default_factory=list)
    written: bool = False
    plan_id: int | None = None
    samples: dict[str, list[float]] = field(default_factory=dict)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (sheet, column) the import does not read

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed_rows(self) -> int:
        return sum(count.new + count.changed for name, count in self.counts.items() if name != "plan")

    def messages(self) -> list[str]:
        return [problem.text() for problem in self.problems]

    def sample_lines(self) -> list[str]:
        """How the first numbers of each number column were read, in German ("Spalte „Value“: 80,444; 80,574"):
        a file with English decimal points shows here whether its numbers came out right."""
        return [say("samples", column=column, values="; ".join(_sample(value) for value in values))
                for column, values in self.samples.items()]

    def left_out_lines(self) -> list[str]:
        """Every column of the file the import does not read, named ("Blatt „x“: Spalte „parent“ wird nicht
        übernommen"), so that a sheet mapped only in part is never taken for the whole."""
        return [say("left_out", sheet=sheet, column=column) for sheet, column in self.left_out]


SAMPLES = 3


def _sample(value: float) -> str:
    digits = f"{value:.6f}".rstrip("0").rstrip(".")
    return format_number(value, len(digits.split(".")[1]) if "." in digits else 0)


@dataclass(frozen=True)
class Target:
    """Where to import: an existing plan (plan_id or slug), or a new plan (a free slug, with name and owner;
    missing parts come from the workbook's Info sheet). Nothing given: the Info sheet's plan."""

    plan_id: int | None = None
    slug: str | None = None
    name: str | None = None
    owner: str | None = None


@dataclass
class Record:
    """One converted row: its desired values by attribute (only the columns the file gives)."""

    level: str
    sheet: str
    row: int
    is_file: bool
    values: dict[str, Any]
    columns: dict[str, str]
    key: tuple = ()
    action: str = ""
    existing: Any = None
    changes: dict[str, list] = field(default_factory=dict)


class ImportRefused(ValidationFailed):
    """The import was not written; preview.problems says why."""

    def __init__(self, preview: Preview):
        super().__init__(say("refused", count=len(preview.problems)))
        self.preview = preview


NO_ROWS = say("no_rows")


def propose(tables: Sequence[RawTable], level: str | None = None) -> list[ColumnMapping | None]:
    """The guessed mapping of each table (None: the table is not imported, e.g. the explanation sheet).
    With level, every table is read as that level (an import of one level)."""
    if level is None:
        return [guess(table) for table in tables]
    guessed = [guess(table) for table in tables]
    chosen = next((i for i, m in enumerate(guessed) if m is not None and m.level == level), None)
    if chosen is None:
        chosen = next((i for i, m in enumerate(guessed) if m is not None), None)
    if chosen is None:  # the level was named: its first table with columns is read as that level
        chosen = next((i for i, t in enumerate(tables) if t.headers and not is_info(t) and not is_explanation(t)),
                      None)
    return [guess(table, level) if index == chosen else None for index, table in enumerate(tables)]


def preview(session: Session, actor: Actor, tables: Sequence[RawTable], mappings: Sequence[ColumnMapping | None],
            target: Target, today: dt.date | None = None) -> Preview:
    """What the import would do; writes nothing (the caller's transaction is left as it was)."""
    importer = _Importer(session, actor, tables, mappings, target, today or dt.date.today())
    return importer.check()


def apply(session: Session, actor: Actor, tables: Sequence[RawTable], mappings: Sequence[ColumnMapping | None],
          target: Target, expected_counter: int | None = None, progress: Progress | None = None,
          today: dt.date | None = None, source: str = "") -> Preview:
    """Check and write the import in the caller's transaction (all or nothing).

    Raises ImportRefused when there is any problem (nothing written), VersionConflict when the plan changed
    since the preview that showed expected_counter."""
    importer = _Importer(session, actor, tables, mappings, target, today or dt.date.today(), progress)
    result = importer.check()
    if not result.ok:
        raise ImportRefused(result)
    if expected_counter is not None and importer.plan is not None:
        check_counter(session, importer.plan.id, expected_counter)
    importer.write(source)
    result.written = True
    result.plan_id = importer.plan.id
    return result


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


class _Importer:
    """One run: convert the tables, load the plan's rows, compare, check the rules; then maybe write."""

    def __init__(self, session: Session, actor: Actor, tables: Sequence[RawTable],
                 mappings: Sequence[ColumnMapping | None], target: Target, today: dt.date,
                 progress: Progress | None = None):
        self.session = session
        self.actor = actor
        self.tables = list(tables)
        self.mappings = list(mappings)
        self.target = target
        self.today = today
        self.progress = progress or (lambda fraction, message: None)
        self.result = Preview()
        self.plan: Plan | None = None
        self.plan_values: dict[str, Any] = {}
        self.records: dict[str, list[Record]] = {level.name: [] for level in layout.LEVELS}
        self.existing: dict[str, dict[tuple, Any]] = {}
        self.in_file: dict[str, dict[tuple, Record]] = {level.name: {} for level in layout.LEVELS}
        self.new_positions: dict[str, int] = {}

    # checking

    def check(self) -> Preview:
        require_admin(self.actor)
        self.progress(0.0, "Datei wird geprüft")
        info = self._info()
        self._convert_tables()
        self._resolve_plan(info)
        self._load_existing()
        for level in layout.LEVELS:
            self._compare_level(level)
        self._check_cycles()
        self.result.problems.sort(key=lambda p: (self._sheet_order(p.sheet), p.row or 0))
        return self.result

    def _problem(self, record: Record, column: str | None, message: str) -> None:
        """A problem of one row (and one of its cells)."""
        self.result.problems.append(Problem(record.sheet, record.row, column, message, record.is_file))

    def _sheet_problem(self, sheet: str, message: str, is_file: bool = False) -> None:
        """A problem of a whole sheet, file or of the plan."""
        self.result.problems.append(Problem(sheet, None, None, message, is_file))

    def _sheet_order(self, sheet: str) -> int:
        names = [table.name for table in self.tables]
        return names.index(sheet) if sheet in names else -1

    def _info(self) -> dict[str, Any]:
        for table, mapping in zip(self.tables, self.mappings):
            if mapping is None and is_info(table):
                pairs = {normalise(label): value for label, value in key_values(table).items()}
                return {f.attribute: pairs[normalise(f.label)] for f in layout.INFO_FIELDS if normalise(f.label) in pairs}
        return {}

    def _convert_tables(self) -> None:
        levels_seen: dict[str, str] = {}
        for table, mapping in zip(self.tables, self.mappings):
            if mapping is None or not table.rows:
                continue
            is_file = bool(table.delimiter)
            for message in mapping_problems(mapping):
                self._sheet_problem(table.name, message, is_file=is_file)
            if mapping.level in levels_seen:
                self._sheet_problem(table.name, say("level_twice", level=layout.level(mapping.level).sheet,
                                                    sheet=levels_seen[mapping.level]), is_file=is_file)
                continue
            levels_seen[mapping.level] = table.name
            if mapping_problems(mapping):
                continue
            self._convert_table(table, mapping, is_file)
        # A workbook with its Info sheet may create an empty plan; a bare table without rows is a mistake.
        if self.tables and not self._info() and not any(mapping is not None and table.rows
                                                        for table, mapping in zip(self.tables, self.mappings)):
            first = self.tables[0]
            self._sheet_problem(first.name, NO_ROWS, is_file=bool(first.delimiter))

    def _convert_table(self, table: RawTable, mapping: ColumnMapping, is_file: bool) -> None:
        level = layout.level(mapping.level)
        columns = dict(mapping.columns)
        periods = set(period_columns(table.headers)) if mapping.wide else set()
        self.result.left_out += [(table.name, header) for header in table.headers
                                 if not columns.get(header) and header not in periods]
        if mapping.wide:
            table = wide_to_long(table, WIDE_DATE, WIDE_VALUE)
            columns.update({WIDE_DATE: "value_date", WIDE_VALUE: "value"})
        index = {header: position for position, header in enumerate(table.headers)}
        sources = [(header, attribute) for header, attribute in columns.items() if attribute and header in index]
        constants = {a: v for a, v in mapping.constants.items()
                     if str(v).strip() and a not in {attribute for _, attribute in sources}}
        marks = self._decimal_marks(table, level, sources, index, is_file)
        for row in table.rows:
            record = Record(level.name, table.name, row.number, is_file, {}, {})
            for header, attribute in sources:
                label = row.sources.get(header, header)
                raw = file_number(row.value(index[header]), marks.get(header))
                self._read_value(record, level, attribute, raw, label)
                self._sample(level, attribute, label, record.values[attribute])
            for attribute, raw in constants.items():
                self._read_value(record, level, attribute, raw, FIXED)
            self.records[level.name].append(record)

    def _decimal_marks(self, table: RawTable, level: layout.Level, sources: list[tuple[str, str]],
                       index: dict[str, int], is_file: bool) -> dict[str, str]:
        """Rule "decimal mark per file column": the mark of each numeric column, decided from all its
        values; a column that leaves it open (only d.ddd, or both marks) is a problem of the sheet."""
        numeric = [header for header, attribute in sources
                   if level.column(attribute).kind in (layout.INTEGER, layout.DECIMAL)]
        found = decimal_marks({header: [row.value(index[header]) for row in table.rows] for header in numeric},
                              GERMAN_FILE_MARK.get(table.delimiter))
        for header, mark in found.items():
            if mark.mark is None:
                self._sheet_problem(table.name, decimal_problem(header, mark), is_file=is_file)
        return {header: mark.mark for header, mark in found.items() if mark.mark}

    def _sample(self, level: layout.Level, attribute: str, label: str, value: Any) -> None:
        if level.column(attribute).kind != layout.DECIMAL or not isinstance(value, (int, float)):
            return
        found = self.result.samples.setdefault(label, [])
        if len(found) < SAMPLES:
            found.append(value)

    def _read_value(self, record: Record, level: layout.Level, attribute: str, raw: Any, label: str) -> None:
        column = level.column(attribute)
        value, message = _cell(level, column, raw)
        record.columns[attribute] = label
        if message:
            self._problem(record, label, message)
            record.values[attribute] = _INVALID
        else:
            record.values[attribute] = value

    # the plan

    def _resolve_plan(self, info: dict[str, Any]) -> None:
        target = self.target
        if target.plan_id is not None:
            self.plan = self.session.get(Plan, target.plan_id)
            if self.plan is None:
                self._sheet_problem("Plan", say("plan_gone"))
        else:
            slug = (target.slug or plain_text(info.get("slug")) or "").strip()
            if not slug:
                self._sheet_problem(layout.INFO_SHEET, say("plan_missing"))
                return
            self.plan = self.session.scalar(select(Plan).where(Plan.slug == slug))
            if self.plan is None:
                self._new_plan(slug, info)
                return
        if self.plan is not None:
            self.result.plan_slug, self.result.plan_name = self.plan.slug, self.plan.name
            self.result.expected_counter = self.plan.change_counter
            if info and plain_text(info.get("slug")) == self.plan.slug:
                self._plan_info(info)

    def _new_plan(self, slug: str, info: dict[str, Any]) -> None:
        if not SLUG_PATTERN.match(slug):
            self._sheet_problem(layout.INFO_SHEET, say("slug_invalid", slug=slug))
        values = {
            "slug": slug,
            "name": _typed(self.target.name) or plain_text(info.get("name")) or slug,
            "owner": _typed(self.target.owner) or plain_text(info.get("owner")),
            "description": plain_text(info.get("description")),
            "horizon_year": self._horizon(info.get("horizon_year")) or 2030,
        }
        self.plan_values = values
        self._check_plan_lengths(values)
        self.result.new_plan = True
        self.result.plan_slug, self.result.plan_name = slug, values["name"]
        self.result.counts["plan"] = LevelCount(new=1)

    def _check_plan_lengths(self, values: dict[str, Any]) -> None:
        """The plan's name, owner and slug against their columns (from the Info sheet or the page's form)."""
        for field in layout.INFO_FIELDS:
            value = values.get(field.attribute)
            if isinstance(value, str) and (message := _too_long(value, schema_length(Plan, field.attribute))):
                self._sheet_problem(layout.INFO_SHEET, say("field", label=field.label, message=message))

    def _horizon(self, raw: Any) -> int | None:
        if is_missing(raw):
            return None
        try:
            year = parse_whole_number(raw)
        except ValueError:
            year = None
        if year is None or not year_in_range(year):
            self._sheet_problem(layout.INFO_SHEET, say("horizon", raw=_shown(raw), low=YEAR_MIN, high=YEAR_MAX))
            return None
        return year

    def _plan_info(self, info: dict[str, Any]) -> None:
        wanted = {"name": plain_text(info.get("name")) or self.plan.name,
                  "owner": plain_text(info.get("owner")) or self.plan.owner,
                  "description": plain_text(info.get("description")),
                  "horizon_year": self._horizon(info.get("horizon_year")) or self.plan.horizon_year}
        changes = {name: [getattr(self.plan, name), value] for name, value in wanted.items()
                   if getattr(self.plan, name) != value}
        self.plan_values = {name: new for name, (_, new) in changes.items()}
        self._check_plan_lengths(self.plan_values)
        self.result.counts["plan"] = LevelCount(changed=1) if changes else LevelCount(unchanged=1)
        if changes:
            self.result.row_changes.append(RowChange("plan", layout.INFO_SHEET, 0, self.plan.slug, "changed", changes))

    # existing rows

    def _load_existing(self) -> None:
        plan_id = self.plan.id if self.plan is not None else -1
        session = self.session
        by_code = {}
        for name in ("action_fields", "guiding_goals", "annual_goals", "measures", "indicators"):
            model = MODELS[name]
            statement = select(model).where(model.plan_id == plan_id)
            if model is Measure:
                statement = statement.options(selectinload(Measure.partners))
            by_code[name] = {(_fold(row.code),): row for row in session.scalars(statement)}
        self.existing.update(by_code)
        organisations = list(session.scalars(select(Organisation)))
        self.existing["organisations"] = {(_fold(o.name),): o for o in organisations}
        reports = session.scalars(select(StatusReport).join(Measure).where(Measure.plan_id == plan_id)
                                  .order_by(StatusReport.id))
        self.existing["status_reports"] = {(_fold(r.measure.code), r.report_date): r for r in reports}
        values = session.scalars(select(IndicatorValue).join(Indicator).where(Indicator.plan_id == plan_id))
        self.existing["indicator_values"] = {(_fold(v.indicator.code), v.value_date): v for v in values}
        meetings = session.scalars(select(Meeting).join(Body).where(Body.plan_id == plan_id))
        self.existing["meetings"] = {(_fold(m.body.name), m.meeting_date): m for m in meetings}
        self.bodies = {_fold(b.name): b for b in session.scalars(select(Body).where(Body.plan_id == plan_id))}
        self.ids = {name: {row.id: row for row in rows.values()} for name, rows in by_code.items()}

    # comparing

    def _compare_level(self, level: layout.Level) -> None:
        records = self.records[level.name]
        if not records:
            return
        count = self.result.counts.setdefault(level.name, LevelCount())
        first_row: dict[tuple, Record] = {}
        for record in records:
            if any(record.values.get(a) is _INVALID for a in level.key):
                continue
            record.key = tuple(_fold(record.values.get(attribute)) for attribute in level.key)
            if record.key in first_row:
                self._duplicate(level, record, first_row[record.key])
                continue
            first_row[record.key] = record
            self.in_file[level.name][record.key] = record
        for record in first_row.values():
            self._canonical_references(level, record)
        for record in first_row.values():
            self._classify(level, record, count)

    def _duplicate(self, level: layout.Level, record: Record, first: Record) -> None:
        shown = ", ".join(f"{level.column(a).header} „{_display(record.values.get(a))}“" for a in level.key)
        self._problem(record, record.columns.get(level.key[0]),
                      say("duplicate", key=shown, row=first.row))

    def _classify(self, level: layout.Level, record: Record, count: LevelCount) -> None:
        existing = self.existing.get(level.name, {}).get(record.key)
        record.existing = existing
        if existing is None:
            self._check_new(level, record)
        desired = self._desired(level, record)
        current = _snapshot(level, existing, self.ids) if existing is not None else {}
        effective = {**current, **desired}
        self._check_rules(level, record, effective)
        if existing is None:
            record.action = "new"
            record.changes = {a: [None, _plain(v)] for a, v in desired.items() if v not in (None, "", ())}
            count.new += 1
        else:
            record.changes = {a: [_plain(current.get(a)), _plain(v)] for a, v in desired.items()
                              if not _same(current.get(a), v)}
            record.action = "changed" if record.changes else "unchanged"
            if record.changes:
                count.changed += 1
            else:
                count.unchanged += 1
        if record.action != "unchanged":
            self.result.row_changes.append(RowChange(level.name, record.sheet, record.row,
                                                     _key_text(level, record), record.action, record.changes))

    def _desired(self, level: layout.Level, record: Record) -> dict[str, Any]:
        desired = {}
        for attribute, value in record.values.items():
            if value is _INVALID:
                continue
            column = level.column(attribute)
            if value is None or value == "":
                if attribute == "position":
                    continue
                value = DEFAULTS.get((level.name, attribute), _empty(column))
            desired[attribute] = value
        return desired

    def _check_new(self, level: layout.Level, record: Record) -> None:
        if "code" in level.key:
            code = record.values.get("code")
            if isinstance(code, str) and not CODE_PATTERN.match(code):
                self._problem(record, record.columns.get("code"), say("code_invalid", code=code, rule=CODE_RULE))

    def _canonical_references(self, level: layout.Level, record: Record) -> None:
        """Replace each reference by the referenced row's own key (as spelled there); unknown ones are problems."""
        for column in level.columns:
            value = record.values.get(column.attribute)
            if column.kind != layout.REFERENCE or value in (None, "", ()) or value is _INVALID:
                continue
            if column.many:
                found = [self._find(column, part, record) for part in value]
                record.values[column.attribute] = tuple(sorted(part for part in found if part is not None))
            else:
                record.values[column.attribute] = self._find(column, value, record)

    def _find(self, column: layout.Column, key: str, record: Record) -> str | None:
        matches = []
        for referenced in column.references:
            spelled = self._spelling(referenced, key)
            if spelled is not None:
                matches.append((referenced, spelled))
        if len(matches) == 1:
            return matches[0][1]
        label = record.columns.get(column.attribute)
        if not matches:
            what = " oder ".join(f"„{layout.level(name).sheet}“" for name in column.references)
            self._problem(record, label, say("reference_unknown", key=key, where=what))
        else:
            what = " und ".join(f"„{layout.level(name).sheet}“" for name, _ in matches)
            self._problem(record, label, say("reference_ambiguous", key=key, where=what))
        return _INVALID

    def _spelling(self, level_name: str, key: str) -> str | None:
        folded = (_fold(key),)
        record = self.in_file[level_name].get(folded)
        if record is not None:
            return record.values.get(layout.level(level_name).key[0])
        row = self.existing.get(level_name, {}).get(folded)
        if row is not None:
            return getattr(row, layout.level(level_name).key[0])
        if level_name == "organisations":
            return self._organisation_by_short_name(key)
        return None

    def _organisation_by_short_name(self, key: str) -> str | None:
        folded = _fold(key)
        names = {r.values.get("name") for r in self.in_file["organisations"].values()
                 if _fold(r.values.get("short_name") or "") == folded}
        names |= {o.name for o in self.existing["organisations"].values() if _fold(o.short_name or "") == folded}
        return names.pop() if len(names) == 1 else None

    # rules

    def _check_rules(self, level: layout.Level, record: Record, values: dict[str, Any]) -> None:
        def fail(attribute: str, message: str) -> None:
            self._problem(record, record.columns.get(attribute) or level.column(attribute).header, message)

        if level.name == "annual_goals" and values.get("prioritised") and not values.get("decision_date"):
            fail("decision_date", say("decision_date"))
        if level.name in CARRY_OVER_LEVELS and values.get("carried_over_from") and not values.get("carry_over_reason"):
            fail("carry_over_reason", say("carry_over_reason"))
        if level.name == "measures":
            self._measure_rules(values, fail)
        if level.name == "status_reports":
            self._report_rules(values, fail)
        if level.name == "indicators":
            baseline, target = values.get("baseline_date"), values.get("target_date")
            if _dates(baseline, target) and target <= baseline:
                fail("target_date", say("target_date"))

    def _measure_rules(self, values: dict[str, Any], fail: Callable[[str, str], None]) -> None:
        start, due = values.get("start_date"), values.get("due_date")
        if _dates(start, due) and due < start:
            fail("due_date", say("due_before_start"))
        lead, partners = values.get("lead_organisation"), values.get("partners") or ()
        if isinstance(lead, str) and isinstance(partners, tuple) and lead in partners:
            fail("partners", say("lead_as_partner", lead=lead))

    def _report_rules(self, values: dict[str, Any], fail: Callable[[str, str], None]) -> None:
        status, progress = values.get("status"), values.get("progress")
        if isinstance(progress, int) and isinstance(status, str) and status is not _INVALID:
            if not completion_matches(status, progress):
                fail("progress", say("completed_full", progress=progress) if status == COMPLETED else
                     say("full_completed", status=status))
        report_date = values.get("report_date")
        if isinstance(report_date, dt.date) and not report_date_allowed(report_date, self.today):
            fail("report_date", say("report_future"))

    def _check_cycles(self) -> None:
        for name in CARRY_OVER_LEVELS:
            sources = {key[0]: _fold(row.carried_over_from.code) for key, row in self.existing[name].items()
                       if row.carried_over_from is not None}
            for key, record in self.in_file[name].items():
                value = record.values.get("carried_over_from", _UNSET)
                if value is _UNSET:
                    continue
                sources.pop(key[0], None)
                if isinstance(value, str) and value:
                    sources[key[0]] = _fold(value)
            for key, record in self.in_file[name].items():
                cycle = _cycle_from(key[0], sources)
                if cycle and key[0] == min(cycle):
                    codes = [self._code_spelling(name, code) for code in [*cycle, cycle[0]]]
                    self._problem(record, record.columns.get("carried_over_from"),
                                  say("cycle", codes=" → ".join(codes)))

    def _code_spelling(self, level_name: str, folded: str) -> str:
        return self._spelling(level_name, folded) or folded

    # writing

    def write(self, source: str) -> None:
        if self.plan is None:
            self.plan = Plan(**self.plan_values)
            self.session.add(self.plan)
            self.session.flush()
        elif self.plan_values:
            changes = {name: [getattr(self.plan, name), value] for name, value in self.plan_values.items()}
            for name, value in self.plan_values.items():
                setattr(self.plan, name, value)
            self._audit("update", "plan", self.plan.id, changes)
        self.objects = {name: {key: row for key, row in rows.items()} for name, rows in self.existing.items()}
        total = max(1, sum(1 for records in self.records.values() for r in records if r.action in ("new", "changed")))
        self.done = 0
        self.total = total
        touched_measures: set[int] = set()
        organisations_changed = False
        for level in layout.LEVELS:
            work = [r for r in self.in_file[level.name].values() if r.action in ("new", "changed")]
            if not work:
                continue
            rows = self._write_level(level, work)
            if level.name == "organisations":
                organisations_changed = True
            if level.name == "status_reports":
                touched_measures |= {row.measure_id for row in rows}
        self._bump_measure_versions(touched_measures)
        changed = self.result.changed_rows + (1 if self.plan_values else 0)
        if changed:
            self._finish(source, organisations_changed)
        self.progress(1.0, "Import abgeschlossen")

    def _write_level(self, level: layout.Level, work: list[Record]) -> list[Any]:
        """Write a level's new and changed rows, flushed in batches (a row carried over from another new
        row of the same sheet comes after it), each batch followed by its audit events."""
        self.progress(self.done / self.total, f"{level.sheet}: {len(work)} Zeilen werden geschrieben")
        rows = []
        batch: list[tuple[Record, Any]] = []
        for record in _carried_over_first(work):
            row = record.existing if record.existing is not None else self._new_row(level, record)
            self._set_values(level, record, row)
            self.objects.setdefault(level.name, {})[record.key] = row
            batch.append((record, row))
            self.done += 1
            if len(batch) == PROGRESS_EVERY:
                rows += self._flush_batch(level, batch)
                batch = []
                self.progress(self.done / self.total, f"{level.sheet}: {self.done} von {self.total} Zeilen")
        rows += self._flush_batch(level, batch)
        if level.name in LEVEL_REFERENCE_LEVELS:
            self.ids[level.name] = {row.id: row for row in self.objects[level.name].values()}
        return rows

    def _flush_batch(self, level: layout.Level, batch: list[tuple[Record, Any]]) -> list[Any]:
        self.session.flush()
        for record, row in batch:
            self._audit("create" if record.action == "new" else "update", OBJECT_TYPES[level.name], row.id,
                        {**({"code": record.values["code"]} if "code" in record.values else {}),
                         "key": _key_text(level, record), **record.changes})
        return [row for _, row in batch]

    def _new_row(self, level: layout.Level, record: Record) -> Any:
        model = MODELS[level.name]
        row = model()
        if hasattr(model, "plan_id"):
            row.plan_id = self.plan.id
        for column in level.columns:
            if column.attribute not in record.values and not column.attribute.startswith("body."):
                default = DEFAULTS.get((level.name, column.attribute))
                if default is not None:
                    setattr(row, column.attribute, default)
                elif column.kind == layout.BOOLEAN:
                    setattr(row, column.attribute, False)
                elif column.kind == layout.TEXT and column.attribute not in NULLABLE_TEXTS:
                    setattr(row, column.attribute, "")
        if "position" in {c.attribute for c in level.columns} and record.values.get("position") is None:
            row.position = self._next_position(level, record)
        self.session.add(row)
        return row

    def _next_position(self, level: layout.Level, record: Record) -> int:
        self.new_positions[level.name] = self.new_positions.get(level.name, -1) + 1
        existing = [getattr(r, "position", 0) or 0 for r in self.existing.get(level.name, {}).values()]
        return (max(existing) + 1 if existing else 0) + self.new_positions[level.name]

    def _set_values(self, level: layout.Level, record: Record, row: Any) -> None:
        desired = self._desired(level, record)
        for attribute, value in desired.items():
            column = level.column(attribute)
            if attribute == "level":
                self._set_indicator_level(row, value)
            elif attribute.startswith("body."):
                continue
            elif column.kind == layout.REFERENCE and column.many:
                setattr(row, attribute, [self._object(column, key) for key in value])
            elif column.kind == layout.REFERENCE:
                setattr(row, attribute, self._object(column, value) if value else None)
            elif attribute in NULLABLE_TEXTS and value == "":
                setattr(row, attribute, None)
            else:
                setattr(row, attribute, value)
        if level.name == "meetings":
            row.body = self._body(desired)
        if level.name == "measures" and record.existing is not None:
            row.version = (row.version or 1) + 1

    def _object(self, column: layout.Column, key: str) -> Any:
        for name in column.references:
            row = self.objects.get(name, {}).get((_fold(key),))
            if row is not None:
                return row
        raise LookupError(key)  # checked in preview; a miss here is a bug

    def _set_indicator_level(self, row: Indicator, code: str | None) -> None:
        for name, id_column in LEVEL_ID_COLUMNS.items():
            target = self.objects.get(name, {}).get((_fold(code),)) if code else None
            setattr(row, id_column, target.id if target is not None else None)

    def _body(self, values: dict[str, Any]) -> Body:
        name = values.get("body.name")
        body = self.bodies.get(_fold(name))
        if body is None:
            body = Body(plan_id=self.plan.id, name=name, kind=values.get("body.kind") or "Gremium")
            self.session.add(body)
            self.bodies[_fold(name)] = body
        elif values.get("body.kind") and body.kind != values["body.kind"]:
            body.kind = values["body.kind"]
        return body

    def _bump_measure_versions(self, measure_ids: set[int]) -> None:
        if measure_ids:
            self.session.execute(update(Measure).where(Measure.id.in_(measure_ids))
                                 .values(version=Measure.version + 1).execution_options(synchronize_session=False))

    def _audit(self, action: str, object_type: str, object_id: int | None, changes: dict[str, Any]) -> None:
        self.session.add(AuditEvent(plan_id=self.plan.id, actor_id=self.actor.user_id, actor_name=self.actor.name,
                                    action=action, object_type=object_type, object_id=object_id,
                                    changes={"source": "Import", **changes}))

    def _finish(self, source: str, organisations_changed: bool) -> None:
        from models.commands import record

        counts = {name: count.new + count.changed for name, count in self.result.counts.items()
                  if name != "plan" and count.new + count.changed}
        # organisations are shared by all plans: then every plan's cached reads must refresh
        record(self.session, self.actor, self.plan.id, "import", "plan", self.plan.id,
               {"source": source or "Import", "new_plan": self.result.new_plan, **counts},
               every_plan=organisations_changed)


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


def _carried_over_first(records: list[Record]) -> list[Record]:
    """The records ordered so that a row carried over from another row of the list comes after it."""
    by_key = {record.key[0]: record for record in records if record.key}
    ordered: list[Record] = []
    placed: set[int] = set()

    def place(record: Record) -> None:
        if id(record) in placed:
            return
        placed.add(id(record))
        source = record.values.get("carried_over_from")
        if isinstance(source, str) and _fold(source) in by_key:
            place(by_key[_fold(source)])
        ordered.append(record)

    for record in records:
        place(record)
    return ordered


def _cycle_from(start: str, sources: dict[str, str]) -> list[str] | None:
    """The carry-over chain from start, when it runs into a circle through start."""
    seen = [start]
    current = sources.get(start)
    while current is not None:
        if current == start:
            return seen
        if current in seen:
            return None
        seen.append(current)
        current = sources.get(current)
    return None


def level_summary(preview_result: Preview) -> list[tuple[str, LevelCount]]:
    """(German level name, counts) in the layout's order; the plan's Info first when present."""
    rows = []
    if "plan" in preview_result.counts:
        rows.append(("Plan (Info)", preview_result.counts["plan"]))
    for level in layout.LEVELS:
        if level.name in preview_result.counts:
            rows.append((level.sheet, preview_result.counts[level.name]))
    return rows

