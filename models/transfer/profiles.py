"""Import profiles: what the user confirmed for a file (columns, levels, made-up levels, label dates, status
values, rows and columns picked, Stand and source) under a name, offered again when a file with the same
columns comes (the next quarter's file), and read by the command line (`import FILE --profile NAME|FILE`).

One JSON shape for a profile, in the database (ImportProfile.choices) and in a profile file: the mapping file
of the tree import (`--mapping`, TreeMapping.to_json) or the options file of the statistics import
(`--options`), with three more keys: "profile" (its name), "shape" and "signature" (the file's normalised
column headers). A profile file is therefore also a valid --mapping or --options file, and a mapping file
downloaded from the page is a valid profile file (shape "tree").

Applying a profile never guesses: a report label or a status value the profile lacks (new in this file) is
left unmapped and listed as needing confirmation (rule: test_rule_a_profile_never_guesses_new_values).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import IMPORT_PROFILE_SHAPES, ImportProfile
from models.transfer import statistics, statistics_columns, tree
from models.transfer.mapping import ColumnMapping, normalise
from models.transfer.parsing import RawTable
from models.transfer.profile_wording import say

PLAN, TREE = "plan", "tree"
SHAPES = IMPORT_PROFILE_SHAPES
META = ("profile", "shape", "signature")
# The TreeMapping fields naming a column of the file (remapped onto the next file's own spelling).
_COLUMN_FIELDS = ("id_column", "parent_column", "code_column", "indent_column", "title_column", "text_column",
                  "label_column", "status_column", "progress_column", "lead_column", "year_column")


class ProfileRefused(ValueError):
    """A profile (file) that cannot be used; the message is German (a Message)."""


def signature(headers: Iterable[Any]) -> list[str]:
    """The file's column signature: its non-empty headers, normalised (case, umlauts, spaces), sorted, once
    each. The next quarter's file with the same columns has the same signature, whatever their order. Letters of
    any script count (a Kyrgyz header is not empty)."""
    return sorted({key for key in (_signature_key(header) for header in headers if header is not None) if key})


def _signature_key(header: Any) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", str(header)).casefold().translate(_UMLAUTS))


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass
class Profile:
    name: str
    shape: str
    signature: list[str] = field(default_factory=list)
    choices: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {"profile": self.name, "shape": self.shape, "signature": list(self.signature)}
        data.update({key: value for key, value in self.choices.items() if key not in META})
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Any, name: str = "") -> Profile:
        if not isinstance(data, dict):
            raise ProfileRefused(say("not_object"))
        shape = data.get("shape") or (TREE if "structure" in data or "depths" in data else None)
        if shape not in SHAPES:
            raise ProfileRefused(say("shape_unknown", shape=shape or "", shapes=", ".join(SHAPES)))
        heads = data.get("signature") or []
        if not isinstance(heads, list):
            raise ProfileRefused(say("wrong_field", reason="signature"))
        choices = {key: value for key, value in data.items() if key not in META}
        if shape == TREE:
            try:  # the same check as --mapping
                tree.TreeMapping.from_json(json.dumps(choices))
            except (ValueError, TypeError) as wrong:
                raise ProfileRefused(say("wrong_field", reason=str(wrong))) from wrong
        else:
            choices["shape"] = shape  # the options file of the statistics import names its shape
        return cls(str(data.get("profile") or name), shape, [str(head) for head in heads], choices)

    @classmethod
    def from_json(cls, text: str, name: str = "") -> Profile:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as wrong:
            raise ProfileRefused(say("not_json", reason=wrong.msg)) from wrong
        return cls.from_dict(data, name)

    @classmethod
    def of_row(cls, row: ImportProfile) -> Profile:
        return cls(row.name, row.shape, [part for part in row.signature.split("\n") if part], dict(row.choices))


def stored_signature(heads: Sequence[str]) -> str:
    """The signature as the database keeps it (models.commands.import_profiles joins it the same way)."""
    return "\n".join(heads)


# --- the database's profiles (read; writes are models.commands.import_profiles) -----------------------


def profiles_of(session: Session, plan_id: int) -> list[ImportProfile]:
    return list(session.scalars(select(ImportProfile).where(ImportProfile.plan_id == plan_id)
                                .order_by(ImportProfile.name)))


def fits(saved: Sequence[str], heads: Sequence[str], shape: str) -> bool:
    """Is a file with this signature the one a profile of this shape was made for? A wide table's period
    columns do not count: next year's file has one more ("2024") and is still the same table."""
    if shape != statistics.WIDE:
        return list(saved) == list(heads)
    return _without_periods(saved) == _without_periods(heads)


def _without_periods(heads: Sequence[str]) -> list[str]:
    return [head for head in heads if statistics_columns.period_of(head) is None]


def matching(session: Session, plan_id: int, heads: Sequence[str], shape: str | None = None) -> list[ImportProfile]:
    """The plan's profiles made for a file with these columns (its signature), newest first; with a shape, only
    profiles of that shape, compared as `fits` does."""
    query = select(ImportProfile).where(ImportProfile.plan_id == plan_id)
    if shape is None:
        query = query.where(ImportProfile.signature == stored_signature(heads))
    else:
        query = query.where(ImportProfile.shape == shape)
    rows = [row for row in session.scalars(query)
            if shape is None or fits([part for part in row.signature.split("\n") if part], heads, shape)]
    return sorted(rows, key=lambda row: row.updated_at, reverse=True)


def by_name(session: Session, plan_id: int, name: str) -> ImportProfile | None:
    return session.scalar(select(ImportProfile).where(ImportProfile.plan_id == plan_id,
                                                      ImportProfile.name == name.strip()))


# --- applying a tree profile -----------------------------------------------------------------------


@dataclass
class Applied:
    """A tree profile applied to a file: the mapping with everything the profile knew, and what it did not
    know (new labels with the proposed date, new status values with the proposed status, or None): these
    stay unmapped in `mapping` until confirmed (confirm())."""

    mapping: tree.TreeMapping
    new_labels: dict[str, str | None] = field(default_factory=dict)
    new_statuses: dict[str, str | None] = field(default_factory=dict)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.new_labels or self.new_statuses)

    def confirmed(self) -> tree.TreeMapping:
        """The mapping with the proposals for the new values taken over (the user's confirmation)."""
        mapping = tree.TreeMapping.from_json(self.mapping.to_json())
        mapping.label_dates.update({label: date for label, date in self.new_labels.items() if date})
        mapping.status_values.update({value: status for value, status in self.new_statuses.items() if status})
        return mapping


def apply_tree(profile: Profile, table: RawTable, shape: tree.SheetShape | None = None) -> Applied:
    """The profile's tree mapping for this file: column names follow the file's own spelling (matched
    normalised); labels and status values the profile lacks are listed, not guessed."""
    mapping = tree.TreeMapping.from_json(json.dumps(profile.choices))
    own = {normalise(header): header for header in table.headers}
    for name in _COLUMN_FIELDS:
        value = getattr(mapping, name)
        if value and value not in table.headers and normalise(value) in own:
            setattr(mapping, name, own[normalise(value)])
    mapping.level_columns = [own.get(normalise(header), header) for header in mapping.level_columns]
    start = dt.date.fromisoformat(mapping.plan_start) if mapping.plan_start else dt.date.today()
    applied = Applied(mapping)
    for label in tree.distinct_labels(table, mapping, shape):
        if label not in mapping.label_dates:
            proposed = tree.propose_label_date(label, start)
            applied.new_labels[label] = proposed.isoformat() if isinstance(proposed, dt.date) else None
    for value in tree.distinct_status_values(table, mapping, shape):
        if value not in mapping.status_values:
            applied.new_statuses[value] = tree.propose_status(value)
    return applied


# --- statistics profiles (official tables, series, wide tables) ---------------------------------------


def statistics_choices(choice: statistics.Choice, table: RawTable, file_name: str = "") -> dict[str, Any]:
    """A statistics choice as a profile's choices: the options file of `import --indicators --options`. The
    Stand is never kept (rule: each file's own, from its title lines); the source only when the user gave one
    other than the file's own; a series name the file proposed is marked so, and the next file gets its own."""
    data: dict[str, Any] = {"shape": choice.shape, "rows": list(choice.rows), "columns": list(choice.columns),
                            "key_column": choice.key_column, "unit": choice.unit}
    if choice.name:  # none: the codes and titles only from rows and columns (as in profiles saved before names)
        data["name"] = choice.name
        if file_name and choice.name == statistics.proposed_name(table, file_name, choice.shape):
            data[NAME_FROM] = "file"   # kg_1.1.1.xlsx's „Indikator 1.1.1“ must not name kg_1.5.1.xlsx's values
    if choice.source and choice.source != statistics.proposed_source(table).strip():
        data["source"] = choice.source
    if choice.codes:
        data["codes"] = dict(choice.codes)
    if choice.categories:
        data["categories"] = list(choice.categories)
    if choice.unit_column:
        data["unit_column"] = choice.unit_column
    if choice.shape == statistics.WIDE:
        kinds = {statistics_columns.period_of(column)[0] for column in choice.columns}
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        if choice.columns and list(choice.columns) == statistics.value_columns(table, statistics.WIDE, kind=kind):
            data[ALL_PERIODS] = "all"   # every period: next year's file brings its new column along
            if kind:
                data["kind"] = kind
    return data


ALL_PERIODS = "periods"
NAME_FROM = "name_from"


def series_name(choices: dict[str, Any], table: RawTable, file_name: str, shape: str) -> str:
    """The series name a profile (or options file) gives this file: the file's own proposal where the profile's
    name was the proposal of its file, else the profile's name ("" in profiles saved before names existed)."""
    if choices.get(NAME_FROM) == "file" and file_name:
        return statistics.proposed_name(table, file_name, shape)
    return str(choices.get("name") or "")


def chosen_columns(choices: dict[str, Any], table: RawTable, shape: str, key: str | None,
                   besides: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The file's own headers of the columns a profile (or options file) picks, and the picked columns the file
    lacks. A wide table picked with all its periods gets all periods of this file."""
    offered = statistics.value_columns(table, shape, key, besides)
    if shape == statistics.WIDE and choices.get(ALL_PERIODS) == "all":
        return statistics.value_columns(table, shape, key, besides, kind=choices.get("kind")), []
    by_column = {normalise(column): column for column in offered}
    wanted = [str(column) for column in choices.get("columns", [])]
    found = [by_column.get(normalise(column)) for column in wanted]
    return ([column for column in found if column],
            [column for column, column_found in zip(wanted, found) if not column_found])


@dataclass
class StatisticsApplied:
    """A statistics profile applied to a file: what it picks that the file has, and what it picks that the file
    lacks (named, never dropped silently). Columns new in the file are not picked (the preview names them as
    not imported)."""

    key_column: str | None
    rows: list[str]
    columns: list[str]
    source: str | None
    unit: str
    missing_rows: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    unit_column: str | None = None
    kind: str | None = None  # wide tables whose kinds of period columns overlap: the kind of the columns
    name: str = ""  # the name of the series; a profile saved before names existed has none (its codes stay)


def apply_statistics(profile: Profile, table: RawTable, file_name: str = "") -> StatisticsApplied:
    choices = profile.choices
    own = {normalise(header): header for header in table.headers}
    key = choices.get("key_column")
    key = own.get(normalise(key), key) if key else statistics.key_column(table, profile.shape)
    offered_rows = [value for value, _ in statistics.row_options(table, profile.shape, key)] if key else []
    categories = [own[normalise(str(column))] for column in choices.get("categories", [])
                  if normalise(str(column)) in own]
    unit_column = own.get(normalise(str(choices.get("unit_column") or "")))
    columns, missing_columns = chosen_columns(choices, table, profile.shape, key,
                                              [*categories, *([unit_column] if unit_column else [])])
    rows = [str(row) for row in choices.get("rows", [])]
    kinds = {statistics_columns.period_of(column)[0] for column in columns if column} if (
        profile.shape == statistics.WIDE and statistics_columns.overlapping(table.headers)) else set()
    return StatisticsApplied(
        categories=categories, unit_column=unit_column, kind=next(iter(kinds)) if len(kinds) == 1 else None,
        key_column=key,
        rows=[row for row in rows if row in offered_rows],
        columns=columns,
        source=choices.get("source"),
        unit=str(choices.get("unit") or ""),
        name=series_name(choices, table, file_name, profile.shape),
        missing_rows=[row for row in rows if row not in offered_rows],
        missing_columns=missing_columns)


# --- level-mapping profiles (a plan or one level, sheet by sheet) ----------------------------------------


def plan_signature(tables: Sequence[RawTable]) -> list[str]:
    """The signature of a file of level tables: the headers of all its tables."""
    return signature(header for table in tables for header in table.headers)


def plan_choices(tables: Sequence[RawTable], mappings: Sequence[ColumnMapping | None], scope: str) -> dict[str, Any]:
    """The level mapping of the page (or --level) as a profile's choices: per mapped sheet its level, its
    columns (the file's header -> our attribute or null), fixed values and whether it is wide."""
    return {"scope": scope, "sheets": [
        {"sheet": table.name, "level": mapping.level, "columns": dict(mapping.columns),
         "constants": dict(mapping.constants), "wide": mapping.wide}
        for table, mapping in zip(tables, mappings) if mapping is not None]}


@dataclass
class PlanApplied:
    """A level-mapping profile applied to a file: a mapping per table (None: not imported), the profile's sheets
    the file lacks and the file's columns the profile does not know (left unmapped, named)."""

    scope: str
    mappings: list[ColumnMapping | None]
    missing_sheets: list[str] = field(default_factory=list)
    new_columns: list[tuple[str, str]] = field(default_factory=list)   # (sheet, header)


def apply_plan(profile: Profile, tables: Sequence[RawTable]) -> PlanApplied:
    sheets = [sheet for sheet in profile.choices.get("sheets", []) if isinstance(sheet, dict)]
    by_name = {normalise(str(sheet.get("sheet", ""))): sheet for sheet in sheets}
    readable = [table for table in tables if table.headers]
    applied = PlanApplied(str(profile.choices.get("scope") or "*"), [])
    used: set[int] = set()
    for table in tables:
        sheet = by_name.get(normalise(table.name))
        if sheet is None and len(readable) == 1 and len(sheets) == 1 and table.headers:
            sheet = sheets[0]  # one CSV file: its name is the file's, which changes with the quarter
        if sheet is None or not table.headers:
            applied.mappings.append(None)
            continue
        used.add(id(sheet))
        known = {normalise(str(header)): attribute for header, attribute in dict(sheet.get("columns", {})).items()}
        columns = {}
        for header in table.headers:
            if normalise(header) in known:
                columns[header] = known[normalise(header)]
            else:
                columns[header] = None
                applied.new_columns.append((table.name, header))
        applied.mappings.append(ColumnMapping(str(sheet["level"]), columns,
                                              {str(k): str(v) for k, v in dict(sheet.get("constants", {})).items()},
                                              wide=bool(sheet.get("wide"))))
    applied.missing_sheets = [str(sheet.get("sheet")) for sheet in sheets if id(sheet) not in used]
    return applied
