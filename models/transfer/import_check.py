"""The checking half of an import (models.transfer.importer): convert the tables, load the plan's rows, compare,
check the rules. Writes nothing; import_write.Importer adds the write."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.commands import Actor
from models.formats import decimal_marks
from models.commands.checks import CODE_PATTERN, CODE_RULE, require_admin
from models.rules import (
    COMPLETED,
    YEAR_MAX,
    YEAR_MIN,
    completion_matches,
    report_date_allowed,
    year_in_range,
)
from models.schema import (
    Body,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
)
from models.transfer import layout
from models.transfer.cells import (GERMAN_FILE_MARK, decimal_problem, file_number, is_missing, parse_whole_number,
                                   plain_text)
from models.transfer.import_results import (SAMPLES, LevelCount, Preview, Problem, Progress, Record, RowChange,
                                            Target)
from models.transfer.import_values import (_INVALID, _UNSET, DEFAULTS, MODELS, _cell, _dates, _display, _empty,
                                           _fold, _key_text, _plain, _same, _shown, _snapshot, _too_long, _typed,
                                           schema_length)
from models.transfer.mapping import ColumnMapping, is_info, mapping_problems, normalise
from models.transfer.parsing import RawTable, key_values, period_columns, wide_to_long
from models.transfer.wording import say

WIDE_DATE = "Stichtag (aus dem Spaltenkopf)"
WIDE_VALUE = "Wert (aus der Spalte)"
FIXED = "fester Wert"
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
CARRY_OVER_LEVELS = ("annual_goals", "measures")


NO_ROWS = say("no_rows")


class Checker:
    """One run: convert the tables, load the plan's rows, compare, check the rules (import_write.Importer
    then maybe writes)."""

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
            # Not public until an admin says so: a plan just brought in is checked before visitors see it.
            "public_view": False,
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
