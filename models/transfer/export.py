"""Export of one plan as an Excel workbook or as a zip of CSV files, laid out by layout.py.

What is exported (as of the Stand `as_of`, with the measure filters of the page Maßnahmen):
- the structure (Handlungsfelder, Leitziele, Jahresziele) and the indicators in full, retired
  rows included, so that every reference in the file resolves;
- the measures passing the filters (without filters: every measure, retired ones included), with
  their state as of the Stand in read-only columns (layout.MEASURE_STATE_HEADERS); the
  organisations they name; the Handlungsfelder, Leitziele and Jahresziele with their light as of the
  Stand (layout.LEVEL_STATE_HEADERS: colour, distribution over the active measures, reason), counted
  over all their measures whatever the filters;
- the status reports of those measures dated on or before the Stand, indicator values dated on or
  before the Stand; released_only (the public view) leaves out reports awaiting release and counts
  of people below the confidentiality threshold;
- the meetings of the plan's bodies (the schedule, also future dates).

Excel: real dates and numbers with German number formats, text cells are never formulas.
CSV: one file per sheet in a zip, `;` as delimiter, UTF-8 with BOM, CRLF line ends, dates as
31.12.2019, decimals with a comma and no thousands separator (1234,5): German Excel opens it by a
double click. Text starting with = + - @, a tab or a carriage return is prefixed with an
apostrophe (CSV/formula injection); in Excel files such text is stored as text with Excel's own
quote prefix, so its value stays exact.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.formats import format_date, format_datetime
from models.measures import MeasureFilters, apply_filters, measure_list
from models.queries import measure_states, progress_tree
from models.rules import clean_text, progress_value, small_count_threshold
from models.schema import (
    ActionField,
    AnnualGoal,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
    measure_partner,
)
from models.texts import light_words
from models.transfer import layout
from models.transfer.layout import INFO_FIELDS, LEVELS, Column, Level

INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"
DATE_FORMAT = "DD.MM.YYYY"
INTEGER_FORMAT = "0"
WHOLE_NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0##"
EXCEL_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

INFO_AS_OF = "Stand"
INFO_EXPORTED = "Exportiert am"
INFO_FILTERS = "Filter der Maßnahmen"
INFO_RELEASED = "Nur freigegebene Sachstände"
INFO_NOTE = "Hinweis"
EXAMPLE_NOTE = "Beispieldaten: Dieser Plan ist frei erfunden und dient nur der Vorführung."
MAX_COLUMN_WIDTH = 60


@dataclass(frozen=True)
class ExportOptions:
    """What to export: the Stand (None: today), the measure filters, the public view's limits."""

    as_of: dt.date | None = None
    filters: MeasureFilters = field(default_factory=MeasureFilters)
    released_only: bool = False
    confidentiality_threshold: int = 0  # applied only with released_only (small_count_threshold)

    def stand(self) -> dt.date:
        return self.as_of or dt.date.today()


@dataclass
class PlanExport:
    """The rows of every level (attribute -> value, values as stored), plus the Info lines."""

    info: list[tuple[str, Any]]
    rows: dict[str, list[dict[str, Any]]]
    derived: dict[str, list[list[Any]]]
    slug: str

    def count(self, level_name: str) -> int:
        return len(self.rows[level_name])


# -- collecting ---------------------------------------------------------------------------------


def collect(engine: Engine, plan_id: int, options: ExportOptions | None = None,
            now: dt.datetime | None = None) -> PlanExport:
    """Reads the plan into plain rows per level (see the module docstring for what is included)."""
    options = options or ExportOptions()
    with Session(engine) as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise LookupError(plan_id)
        every_state = measure_states(engine, plan_id, options.stand(), released_only=options.released_only)
        states = _measure_states(engine, plan_id, options, every_state)
        reader = _Reader(session, plan, options, states)
        rows = reader.rows()
        derived = {"measures": [_state_cells(states.get(row["_id"])) for row in rows["measures"]],
                   **_level_cells(progress_tree(engine, plan_id, every_state), reader.codes)}
        names = dict(session.execute(select(Organisation.id, Organisation.name)).all())
        info = _info(plan, options, now or dt.datetime.now(dt.timezone.utc), names)
    for level_rows in rows.values():
        for row in level_rows:
            row.pop("_id", None)
    return PlanExport(info=info, rows=rows, derived=derived, slug=plan.slug)


def _measure_states(engine: Engine, plan_id: int, options: ExportOptions,
                    states) -> dict[int, dict[str, Any]]:
    """State as of the Stand per measure id; with active filters only the measures passing them."""
    if options.filters.active:
        states = apply_filters(measure_list(engine, plan_id, options.stand(), states), options.filters)
    return {int(row["measure_id"]): row for row in states.to_dict("records")}


def _state_cells(state: dict[str, Any] | None) -> list[Any]:
    if state is None:  # a retired measure: no state
        return [None] * len(layout.MEASURE_STATE_HEADERS)
    last = state.get("last_report_date")
    return [
        state["status"], progress_value(state["progress"]), light_words(state["light"]), state.get("reason") or None,
        last if isinstance(last, dt.date) else None,
    ]


# Sheet name -> (progress_tree frame, its id column).
_LEVEL_FRAMES = {"action_fields": ("action_fields", "action_field_id"),
                 "guiding_goals": ("guiding_goals", "guiding_goal_id"),
                 "annual_goals": ("annual_goals", "annual_goal_id")}


def _level_cells(tree, codes: dict[str, dict[int, str]]) -> dict[str, list[list[Any]]]:
    """Per structure sheet, in the order of its rows (codes: id -> code in row order), the level's light in
    words; retired levels have none."""
    cells = {}
    for name, (frame_name, id_column) in _LEVEL_FRAMES.items():
        lights = tree[frame_name].set_index(id_column)
        empty = [None] * len(layout.LEVEL_STATE_HEADERS)
        cells[name] = [
            [light_words(lights.at[level_id, "light"]), lights.at[level_id, "light_distribution"],
             lights.at[level_id, "light_reason"]] if level_id in lights.index else empty
            for level_id in codes[name]
        ]
    return cells


class _Reader:
    """One query per level; code maps resolve references."""

    def __init__(self, session: Session, plan: Plan, options: ExportOptions, states: dict[int, dict]):
        self.session = session
        self.plan = plan
        self.options = options
        self.states = states
        self.codes: dict[str, dict[int, str]] = {}
        self.people: set[int] = set()  # indicators counting people

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        rows = {}
        rows["action_fields"] = self._action_fields()
        rows["guiding_goals"] = self._guiding_goals()
        rows["annual_goals"] = self._annual_goals()
        measures = self._measures()
        rows["organisations"] = self._organisations(measures)
        rows["measures"] = [row for row, _ in measures]
        rows["status_reports"] = self._status_reports([row["_id"] for row in rows["measures"]])
        rows["indicators"] = self._indicators()
        rows["indicator_values"] = self._indicator_values()
        rows["meetings"] = self._meetings()
        return {level.name: rows[level.name] for level in LEVELS}

    def _all(self, model, *order):
        return list(self.session.scalars(select(model).where(model.plan_id == self.plan.id).order_by(*order)))

    def _remember(self, name: str, items: Iterable[Any]) -> None:
        self.codes[name] = {item.id: item.code for item in items}

    def _action_fields(self) -> list[dict[str, Any]]:
        fields = self._all(ActionField, ActionField.position, ActionField.id)
        self._remember("action_fields", fields)
        return [_plain(f, "code", "title", "description", "position", "retired") for f in fields]

    def _guiding_goals(self) -> list[dict[str, Any]]:
        goals = self._all(GuidingGoal, GuidingGoal.position, GuidingGoal.id)
        self._remember("guiding_goals", goals)
        return [
            {**_plain(g, "code", "title", "description", "position", "retired"),
             "action_field": self.codes["action_fields"][g.action_field_id]}
            for g in goals
        ]

    def _annual_goals(self) -> list[dict[str, Any]]:
        goals = self._all(AnnualGoal, AnnualGoal.year, AnnualGoal.position, AnnualGoal.id)
        self._remember("annual_goals", goals)
        codes = self.codes["annual_goals"]
        return [
            {**_plain(g, "code", "year", "title", "description", "prioritised", "decision_date",
                      "decision_reference", "carry_over_reason", "position", "retired"),
             "guiding_goal": self.codes["guiding_goals"][g.guiding_goal_id],
             "carried_over_from": codes.get(g.carried_over_from_id)}
            for g in goals
        ]

    def _measures(self) -> list[tuple[dict[str, Any], list[int]]]:
        """Rows of the exported measures with the ids of the organisations they name."""
        measures = self._all(Measure, Measure.position, Measure.id)
        self._remember("measures", measures)
        if self.options.filters.active:
            measures = [m for m in measures if m.id in self.states]
        partners = self._partner_ids()
        names = {o.id: o.name for o in self.session.scalars(select(Organisation))}
        goal_order = {goal_id: index for index, goal_id in enumerate(self.codes["annual_goals"])}
        result = []
        for m in sorted(measures, key=lambda m: (goal_order[m.annual_goal_id], m.position, m.id)):
            own = sorted(partners.get(m.id, []), key=lambda org: names[org].casefold())
            row = {
                **_plain(m, "code", "title", "description", "origin", "start_date", "due_date", "weight",
                         "carry_over_reason", "position", "retired"),
                "_id": m.id,
                "annual_goal": self.codes["annual_goals"][m.annual_goal_id],
                "lead_organisation": names.get(m.lead_organisation_id),
                "partners": [names[org] for org in own],
                "carried_over_from": self.codes["measures"].get(m.carried_over_from_id),
            }
            result.append((row, [m.lead_organisation_id, *own] if m.lead_organisation_id else own))
        return result

    def _partner_ids(self) -> dict[int, list[int]]:
        statement = (
            select(measure_partner.c.measure_id, measure_partner.c.organisation_id)
            .join(Measure, Measure.id == measure_partner.c.measure_id)
            .where(Measure.plan_id == self.plan.id)
        )
        partners: dict[int, list[int]] = {}
        for measure_id, organisation_id in self.session.execute(statement):
            partners.setdefault(measure_id, []).append(organisation_id)
        return partners

    def _organisations(self, measures: list[tuple[dict[str, Any], list[int]]]) -> list[dict[str, Any]]:
        wanted = {org for _, ids in measures for org in ids}
        if not wanted:
            return []
        organisations = self.session.scalars(select(Organisation).where(Organisation.id.in_(wanted)))
        rows = [_plain(o, "name", "short_name", "kind", "retired") for o in organisations]
        return sorted(rows, key=lambda row: row["name"].casefold())

    def _status_reports(self, measure_ids: list[int]) -> list[dict[str, Any]]:
        conditions = [Measure.plan_id == self.plan.id, StatusReport.report_date <= self.options.stand()]
        if self.options.released_only:
            conditions.append(StatusReport.released.is_(True))
        reports = self.session.scalars(
            select(StatusReport).join(Measure, Measure.id == StatusReport.measure_id).where(*conditions)
        )
        order = {measure_id: index for index, measure_id in enumerate(measure_ids)}
        chosen = sorted((r for r in reports if r.measure_id in order),
                        key=lambda r: (order[r.measure_id], r.report_date, r.id))
        return [
            {**_plain(r, "report_date", "status", "progress", "summary", "obstacles", "next_steps",
                      "progress_note", "author_name", "released"),
             "measure": self.codes["measures"][r.measure_id]}
            for r in chosen
        ]

    def _indicators(self) -> list[dict[str, Any]]:
        indicators = self._all(Indicator, Indicator.position, Indicator.id)
        self._remember("indicators", indicators)
        self.people = {i.id for i in indicators if i.counts_people}
        return [
            {**_plain(i, "code", "title", "description", "unit", "direction", "kind", "counts_people", "source",
                      "baseline_date", "baseline_value", "target_date", "target_value", "position", "retired"),
             "level": self._indicator_level(i)}
            for i in indicators
        ]

    def _indicator_level(self, indicator: Indicator) -> str | None:
        for name, reference in (("action_fields", indicator.action_field_id),
                                ("guiding_goals", indicator.guiding_goal_id),
                                ("annual_goals", indicator.annual_goal_id), ("measures", indicator.measure_id)):
            if reference is not None:
                return self.codes[name][reference]
        return None

    def _indicator_values(self) -> list[dict[str, Any]]:
        codes = self.codes["indicators"]
        values = self.session.scalars(
            select(IndicatorValue)
            .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
            .where(Indicator.plan_id == self.plan.id, IndicatorValue.value_date <= self.options.stand())
        )
        order = {indicator_id: index for index, indicator_id in enumerate(codes)}
        rows = []
        for v in sorted(values, key=lambda v: (order[v.indicator_id], v.value_date)):
            if self._confidential(v):
                continue
            rows.append({**_plain(v, "value_date", "value", "source", "note"), "indicator": codes[v.indicator_id]})
        return rows

    def _confidential(self, value: IndicatorValue) -> bool:
        threshold = small_count_threshold(self.options.confidentiality_threshold, self.options.released_only)
        return value.indicator_id in self.people and 0 < value.value < threshold

    def _meetings(self) -> list[dict[str, Any]]:
        statement = (
            select(Meeting, Body).join(Body, Body.id == Meeting.body_id)
            .where(Body.plan_id == self.plan.id).order_by(Meeting.meeting_date, Body.name)
        )
        return [
            {**_plain(meeting, "meeting_date", "title", "is_reporting_cutoff"),
             "body.name": body.name, "body.kind": body.kind}
            for meeting, body in self.session.execute(statement)
        ]


def _plain(item: Any, *attributes: str) -> dict[str, Any]:
    return {attribute: getattr(item, attribute) for attribute in attributes}


def _info(plan: Plan, options: ExportOptions, now: dt.datetime, names: dict[int, str]) -> list[tuple[str, Any]]:
    lines: list[tuple[str, Any]] = [(f.label, getattr(plan, f.attribute)) for f in INFO_FIELDS]
    lines += [
        (INFO_AS_OF, options.stand()),
        (INFO_EXPORTED, format_datetime(now)),
        (INFO_FILTERS, describe_filters(options.filters, names)),
        (INFO_RELEASED, layout.TRUE_WORD if options.released_only else layout.FALSE_WORD),
    ]
    if plan.is_example:
        lines.append((INFO_NOTE, EXAMPLE_NOTE))
    return lines


def describe_filters(filters: MeasureFilters, organisation_names: dict[int, str] | None = None) -> str:
    """The active measure filters in German words ("keine" without filters)."""
    names = organisation_names or {}
    parts = []
    for label, chosen in (("Handlungsfeld", filters.action_fields), ("Leitziel", filters.guiding_goals),
                          ("Jahr", filters.years), ("Status", filters.statuses),
                          ("Ampel", [light_words(light) for light in filters.lights]),
                          ("Federführung", [names.get(org, f"Nr. {org}") for org in filters.organisations])):
        if chosen:
            parts.append(f"{label}: {', '.join(str(value) for value in chosen)}")
    if filters.prioritised_only:
        parts.append("nur priorisierte Jahresziele")
    if filters.stale_only:
        parts.append("nur veraltete Sachstände")
    if filters.attention_only:
        parts.append("nur Maßnahmen, die Aufmerksamkeit brauchen")
    if filters.search.strip():
        parts.append(f"Suche: {filters.search.strip()}")
    return "; ".join(parts) or "keine"


# -- cell values ----------------------------------------------------------------------------------


def cell_value(column: Column, value: Any) -> Any:
    """The value as the workbook holds it: labels for choices, ja/nein, joined references."""
    if value is None:
        return None
    if column.kind == layout.BOOLEAN:
        return layout.TRUE_WORD if value else layout.FALSE_WORD
    if column.kind == layout.CHOICE:
        return column.choice_label(value)
    if column.many:
        return layout.REFERENCE_SEPARATOR.join(value) or None
    if column.kind == layout.TEXT and value == "":
        return None
    return value


def needs_neutralising(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(INJECTION_STARTS)


def neutralised(value: str) -> str:
    """Text Excel must not read as a formula, prefixed with an apostrophe (for CSV)."""
    return "'" + value if needs_neutralising(value) else value


def csv_text(value: Any) -> str:
    """One CSV cell in German Excel's conventions."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return layout.TRUE_WORD if value else layout.FALSE_WORD
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, float):
        return _decimal_text(value)
    if isinstance(value, int):
        return str(value)
    return neutralised(clean_text(str(value)))


def _decimal_text(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return repr(value).replace(".", ",")


def _sheet_rows(data: PlanExport, level: Level) -> tuple[list[str], list[list[Any]]]:
    headers = level.headers + list(level.derived)
    derived = data.derived.get(level.name, [])
    rows = []
    for index, row in enumerate(data.rows[level.name]):
        cells = [cell_value(column, row.get(column.attribute)) for column in level.columns]
        rows.append(cells + (derived[index] if level.derived else []))
    return headers, rows


# -- Excel ----------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE5EE")


def excel_bytes(data: PlanExport) -> bytes:
    """The workbook: sheet Info, then one sheet per level."""
    book = Workbook()
    _info_sheet(book.active, data.info)
    for level in LEVELS:
        headers, rows = _sheet_rows(data, level)
        kinds = [column.kind for column in level.columns] + _derived_kinds(level)
        _table_sheet(book.create_sheet(level.sheet), headers, rows, kinds)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _derived_kinds(level: Level) -> list[str]:
    if level.name != "measures":
        return [layout.TEXT] * len(level.derived)
    return [layout.TEXT, layout.INTEGER, layout.TEXT, layout.TEXT, layout.DATE]


def _info_sheet(sheet: Worksheet, info: list[tuple[str, Any]]) -> None:
    sheet.title = layout.INFO_SHEET
    for label, value in info:
        sheet.append([label, None])
        _set(sheet.cell(sheet.max_row, 2), value, layout.DATE if isinstance(value, dt.date) else layout.TEXT)
        sheet.cell(sheet.max_row, 1).font = HEADER_FONT
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 90
    for row in sheet.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _table_sheet(sheet: Worksheet, headers: list[str], rows: list[list[Any]], kinds: list[str]) -> None:
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for row_number, row in enumerate(rows, start=2):
        for column_number, value in enumerate(row, start=1):
            _set(sheet.cell(row_number, column_number), value, kinds[column_number - 1])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 2)}"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(header, [row[index - 1] for row in rows])


def _set(cell, value: Any, kind: str) -> None:
    if isinstance(value, str):
        value = clean_text(value)  # a row stored before texts were cleaned must not break the workbook
        cell.value = value
        cell.data_type = "s"  # never a formula, also when it starts with "="
        if needs_neutralising(value):
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = DATE_FORMAT
    elif kind == layout.INTEGER:
        cell.number_format = INTEGER_FORMAT
    elif isinstance(value, float):
        cell.number_format = WHOLE_NUMBER_FORMAT if value.is_integer() else DECIMAL_FORMAT


def _width(header: str, values: list[Any]) -> float:
    longest = len(header)
    for value in values[:500]:
        if isinstance(value, (dt.date, dt.datetime)):
            longest = max(longest, 10)
        elif value is not None:
            longest = max(longest, len(str(value)))
    return min(longest + 2, MAX_COLUMN_WIDTH)


# -- CSV ------------------------------------------------------------------------------------------


def csv_file_name(sheet: str, index: int) -> str:
    """ASCII names, numbered in the order of the levels: 01-Handlungsfelder.csv ..."""
    ascii_name = sheet
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        ascii_name = ascii_name.replace(umlaut, plain)
    return f"{index:02d}-{ascii_name}.csv"


def csv_bytes(headers: list[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return buffer.getvalue().encode(CSV_ENCODING)


def csv_zip_bytes(data: PlanExport) -> bytes:
    """A zip of 00-Info.csv and one CSV file per level."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(csv_file_name(layout.INFO_SHEET, 0), csv_bytes(["Angabe", "Wert"], data.info))
        for index, level in enumerate(LEVELS, start=1):
            headers, rows = _sheet_rows(data, level)
            archive.writestr(csv_file_name(level.sheet, index), csv_bytes(headers, rows))
    return buffer.getvalue()


def file_name(data: PlanExport, extension: str, as_of: dt.date) -> str:
    return f"masterplan-{data.slug}-{as_of.isoformat()}.{extension}"
