"""Official statistics, series and wide tables as context indicators (Kennzahlen of kind "Kontext") with dated
values (Kennzahlwerte): a reshaping step in front of the importer.

Three shapes of a file (one RawTable) are recognised (detect_shape) and reshaped (reshape) on the user's
choice (Choice) into two tables in the layout's headers, Kennzahlen and Kennzahlwerte, with their mappings;
models.transfer.importer.preview/apply then check and write them as any other import (all or nothing,
re-importing changes nothing):

- OFFICIAL: an official table (GENESIS, Regionalstatistik): title lines above the header, a region-code
  column and a name column whose leading spaces show the hierarchy, one column per figure. The user picks
  rows (by region code or name) and columns; each (row, column) becomes one indicator with one value at
  the Stand (given, or found in the title lines).
  Rows that share the key value (one per age group) are told apart by their other text columns.
- SERIES: one period column (2006, 2005-01, 01/2005, Jan 2005, 2015_01, 2015 Q3 ...) and value columns;
  each picked column becomes one indicator, each row one value at the period's end. Long files (Open SDG)
  name category columns (Choice.categories): each combination of their values is its own indicator, its
  unit from Choice.unit_column; two values for one period of one indicator are refused, naming the columns.
- WIDE: one row per category (a country, a region), one column per period ("2015_01", or a word and a year:
  "Ergebnis 2010", "Plan 2011", see models.transfer.statistics_columns); each picked row becomes one
  indicator, each period column one value; two picked columns of one period and kind are refused. Picked
  columns of several kinds (actual "Ergebnis", planned "Plan") make one indicator per row and kind ("… (Plan)").

Missing markers ("-", ".", "x", "…", "...", "/") give no value (never 0); every such cell, every column not
imported and every row left out is named in Reshaped.notes, so nothing is dropped silently. Numbers and
periods the importer cannot read are its problems, with the file's row number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from models.formats import decimal_marks, period_end
from models.rules import CODE_MAX
from models.transfer import eurostat, layout
from models.transfer.cells import GERMAN_FILE_MARK, decimal_problem, file_number
from models.transfer.mapping import ColumnMapping
from models.transfer.parsing import RawRow, RawTable
from models.transfer.statistics_columns import (category_key, combination_title, kinds, period_of, same_period,
                                                wide_columns)
from models.transfer.statistics_picks import quoted_list
from models.transfer.statistics_proposals import (
    MISSING, OFFICIAL, SERIES, WIDE, _column_values, _is_number, _names_beside, _share, _text, detect_shape,
    figure_columns, is_missing_value, key_column, name_column, period_column, proposed_name, proposed_source,
    proposed_stand, region_column, row_names, row_options, row_stands, stand_column, value_columns)
from models.transfer.statistics_wording import say

# The module's API: the reshaping, and the proposals the page and the command line show before the choice.
__all__ = ["CONTEXT", "Choice", "ChoiceRefused", "MISSING", "Note", "OFFICIAL", "Reshaped", "SERIES", "SHAPES",
           "SHAPE_LABELS", "WIDE", "detect_shape", "figure_columns", "is_missing_value", "key_column", "make_code",
           "name_code", "name_column", "note_lines", "period_column", "proposed_name", "proposed_source",
           "proposed_stand", "region_column",
           "reshape", "row_names", "row_options", "row_stands", "slug", "stand_column", "unit_varies",
           "value_columns"]

SHAPES = (OFFICIAL, SERIES, WIDE)
SHAPE_LABELS = {OFFICIAL: "Amtliche Statistik (Zeilen je Gebiet, Spalten je Merkmal)",
                SERIES: "Zeitreihe (eine Zeile je Zeitraum)",
                WIDE: "Breite Tabelle (eine Spalte je Zeitraum)"}
CONTEXT = "Kontext"
KENNZAHLEN_HEADERS = ("Code", "Titel", "Art", "Einheit", "Quelle")
WERTE_HEADERS = ("Kennzahl", "Datum", "Wert", "Quelle")


@dataclass
class Choice:
    """What the user picked: the shape, the rows (values of the key column) and the value columns, the Stand
    (official tables) and the source, the unit; optionally a code per indicator ({proposed code: code})."""

    shape: str
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    stand: dt.date | None = None
    source: str = ""
    unit: str = ""
    key_column: str | None = None
    codes: dict[str, str] = field(default_factory=dict)
    # Series: columns whose value combinations each become an indicator; the column naming each row's unit.
    categories: list[str] = field(default_factory=list)
    unit_column: str | None = None
    # The name of the series (Bezeichnung, "Indikator 11.2.1"): in front of every code and title of the import,
    # so two files whose rows and columns are named alike never change each other's indicators; "" for none.
    name: str = ""


@dataclass(frozen=True)
class Note:
    """Something of the file that is not imported, and why (German); row None: a whole column."""

    row: int | None
    column: str | None
    reason: str  # a Message: German as str, render(lang) for the screen


@dataclass
class Reshaped:
    tables: list[RawTable]
    mappings: list[ColumnMapping | None]
    notes: list[Note]
    indicators: int
    values: int
    stands: list[dt.date] = field(default_factory=list)  # official tables: the Stands the values got


class ChoiceRefused(ValueError):
    """The choice does not fit the file (a Message: German as str): nothing picked, an unknown row or column."""


# --- reading the table ----------------------------------------------------------------------------


def slug(text: str) -> str:
    """A code part: letters and digits of any script (NFC, lower case), German umlauts written out, other
    characters as "-" ("Территория" stays "территория", not "x")."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(
        str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[\W_]+", "-", folded).strip("-") or "x"


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:4]


def make_code(*parts: str) -> str:
    """A code from its parts ("06432", "Arbeitslosenquote" -> "06432-arbeitslosenquote"), at most CODE_MAX
    characters; a shortened one ends in four characters of a hash of the whole, so codes stay distinct."""
    code = "-".join(slug(part) for part in parts if part)
    if len(code) <= CODE_MAX:
        return code
    return code[:CODE_MAX - 5].rstrip("-") + "-" + _hash(code)


def name_code(name: str) -> str:
    """The code part of a series name: its slug ("Indikator 11.2.1" -> "ind11-2-1"), a long one shortened to
    eleven characters and four of a hash of the whole, so two names stay apart."""
    part = re.sub(r"^indikator-(?=\d)", "ind", slug(name))
    return part if len(part) <= 16 else part[:11].rstrip("-") + "-" + _hash(part)


@dataclass
class _Builder:
    table: RawTable
    choice: Choice
    indicators: list[RawRow] = field(default_factory=list)
    values: list[RawRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    marks: dict[str, str] = field(default_factory=dict)
    identities: dict[str, Any] = field(default_factory=dict)  # proposed code -> what the indicator is
    stands: set[dt.date] = field(default_factory=set)
    labels: dict[int, str] = field(default_factory=dict)  # row number -> the row's name (flags' places)
    flagged: dict[str, list[str]] = field(default_factory=dict)  # Eurostat flag letter -> places of its cells

    def indicator(self, number: int, proposed: str, title: str, unit: str | None = None,
                  identity: Any = None) -> str:
        """The code of the indicator that identity (else the title) names, made once; two identities whose texts
        give the same proposed code ("Ü 1", "ü-1") are kept apart by a short hash of the identity."""
        identity = title if identity is None else identity
        if name := self.choice.name.strip():
            proposed, title = make_code(name_code(name), proposed), _title([name, title])
        if self.identities.get(proposed, identity) != identity:
            proposed = make_code(proposed[:CODE_MAX - 5], _hash(repr(identity)))
        self.identities.setdefault(proposed, identity)
        code = self.choice.codes.get(proposed, proposed)
        if code not in self.codes:
            self.codes.add(code)
            self.indicators.append(RawRow(number, [code, title[:300], CONTEXT,
                                                   self.choice.unit if unit is None else unit, self.choice.source]))
        return code

    def value(self, number: int, code: str, when: Any, raw: Any, column: str, when_column: str | None = None) -> None:
        """One value; a problem with it names the file's column (the period column of a wide table)."""
        eurostat.flag_places(self.table, self.flagged, number, column,
                             " ".join(part for part in (self.labels.get(number, ""), column) if part))
        if is_missing_value(raw):
            shown = str(raw).strip() if raw is not None and str(raw).strip() else "leer"
            self.notes.append(Note(number, column, say("missing_value", shown=shown)))
            return
        self.values.append(RawRow(number, [code, when, file_number(raw, self.marks.get(column)), self.choice.source],
                                  {"Wert": column, "Datum": when_column or column}))


def _rows_by_key(table: RawTable, key: str, names: dict[int, str], wanted: list[str]) -> list[RawRow]:
    found = [row for row in table.rows if names.get(row.number) in wanted]
    missing = [value for value in wanted if value not in {names[row.number] for row in found}]
    if missing:
        raise ChoiceRefused(say("unknown_rows", key=key, values=", ".join(f"„{value}“" for value in missing)))
    return found


def _check_columns(table: RawTable, columns: list[str], allowed: list[str]) -> None:
    unknown = [column for column in columns if column not in allowed]
    if unknown:
        raise ChoiceRefused(say("unknown_columns", columns=", ".join(f"„{c}“" for c in unknown),
                                allowed=", ".join(f"„{c}“" for c in allowed)))


def reshape(table: RawTable, choice: Choice) -> Reshaped:
    """The Kennzahlen and Kennzahlwerte the choice makes of the table (see the module docstring);
    ChoiceRefused when the choice does not fit the file."""
    if choice.shape not in SHAPES:
        raise ChoiceRefused(say("unknown_shape", shape=choice.shape))
    key = choice.key_column or key_column(table, choice.shape)
    if key is None or key not in table.headers:
        raise ChoiceRefused(say("no_period_column" if choice.shape == SERIES else "no_key_column"))
    besides = [*choice.categories, *([choice.unit_column] if choice.unit_column else [])]
    _check_columns(table, besides, [header for header in table.headers if header != key])
    allowed = value_columns(table, choice.shape, key, besides)
    columns = list(choice.columns) or (allowed if choice.shape == WIDE else [])
    _check_columns(table, columns, allowed)
    if not columns:
        raise ChoiceRefused(say("no_column", columns=quoted_list(allowed)))
    index = {header: position for position, header in enumerate(table.headers)}
    builder = _Builder(table, choice, marks=_decimal_marks(table, columns, allowed, index))
    if choice.shape == SERIES:
        builder.labels = {row.number: _text(row.value(index[key])) for row in table.rows}
        _series(builder, key, columns, index)
        _refuse_repeated_periods(builder, key, columns, index)
    else:
        names = row_names(table, key, choice.shape)
        if not choice.rows:
            raise ChoiceRefused(say("no_row", key=key, rows=quoted_list(list(dict.fromkeys(names.values())))))
        builder.labels = names
        rows = _rows_by_key(table, key, names, [value.strip() for value in choice.rows])
        if choice.shape == OFFICIAL:
            if choice.stand is None and stand_column(table, key) is None:
                raise ChoiceRefused(say("no_stand"))
            _official(builder, key, rows, columns, index)
        else:
            if repeated := [group for same_kind in kinds(columns).values() for group in same_period(same_kind)]:
                raise ChoiceRefused(say("same_period", columns=", ".join(f"„{c}“" for c in repeated[0])))
            _wide(builder, key, rows, columns, index)
        left_out = len(set(names.values())) - len({names[row.number] for row in rows})
        if left_out:
            builder.notes.append(Note(None, key, say("rows_not_picked", count=left_out)))
    used = {key, *columns, *besides}
    if choice.shape != SERIES:
        used.add(_names_beside(table, key))
    if choice.shape == OFFICIAL:
        used.add(stand_column(table, key))
    for header in table.headers:
        if header not in used:
            builder.notes.append(Note(None, header, say("column_not_imported")))
    return _result(table, builder)


def _decimal_marks(table: RawTable, columns: list[str], allowed: list[str], index: dict[str, int]) -> dict[str, str]:
    """Rule "decimal mark per file column" for the chosen value columns (the file's other value columns count
    as evidence); ChoiceRefused when one leaves it open."""
    found = decimal_marks({column: [row.value(index[column]) for row in table.rows] for column in allowed},
                          GERMAN_FILE_MARK.get(table.delimiter))
    for column in columns:
        if found[column].mark is None:
            raise ChoiceRefused(decimal_problem(column, found[column]))
    return {column: found[column].mark for column in columns}


def _title(parts: list[str]) -> str:
    return " – ".join(part for part in parts if part)


def _distinctions(table: RawTable, rows: list[RawRow], key: str, skip: set[str],
                  index: dict[str, int]) -> dict[int, list[str]]:
    """Row number -> the texts that tell apart rows with the same key value (an age group, a budget line):
    the other text columns whose values differ among them; each such row is its own indicator."""
    groups: dict[str, list[RawRow]] = {}
    for row in rows:
        groups.setdefault(_text(row.value(index[key])), []).append(row)
    found: dict[int, list[str]] = {}
    others = [header for header in table.headers if header not in skip
              and _share(_column_values(table, header), _is_number) < 0.5]
    for group in groups.values():
        if len(group) < 2:
            continue
        differing = [header for header in others if len({_text(row.value(index[header])) for row in group}) > 1]
        for row in group:
            found[row.number] = [_text(row.value(index[header])) for header in differing]
    return found


def _official(builder: _Builder, key: str, rows: list[RawRow], columns: list[str], index: dict[str, int]) -> None:
    """One indicator per row and column, its value at the Stand given, else at the row's period (stand column);
    rows with only missing values in the chosen columns make no indicator and are named in one note."""
    name = _names_beside(builder.table, key)
    dated = stand_column(builder.table, key)
    apart = _distinctions(builder.table, rows, key, {key, name, dated}, index)
    empty: list[str] = []
    for row in rows:
        code_value = _text(row.value(index[key]))
        if all(is_missing_value(row.value(index[column])) for column in columns):
            empty.append(code_value)
            continue
        place = _text(row.value(index[name])) if name and name != key else ""
        extra = apart.get(row.number, [])
        when = builder.choice.stand or period_end(_text(row.value(index[dated])))
        builder.stands.add(when)
        for column in columns:
            title = _title([column, f"{place} ({code_value})" if place else code_value, *extra])
            code = builder.indicator(row.number, make_code(code_value, *extra, column), title)
            builder.value(row.number, code, when, row.value(index[column]), column)
    if empty:
        builder.notes.append(Note(None, key, say("no_values", rows=", ".join(dict.fromkeys(empty)))))


def _series(builder: _Builder, key: str, columns: list[str], index: dict[str, int]) -> None:
    """One indicator per value column, or per value column and combination of the categories' values (the
    empty combination "insgesamt"), its unit from the unit column when there is one."""
    choice = builder.choice
    categories = [index[header] for header in choice.categories]
    several = len(columns) > 1
    by_unit = unit_varies(builder.table, choice.categories, choice.unit_column)
    for row in builder.table.rows:
        period = row.value(index[key])
        if is_missing_value(period):
            builder.notes.append(Note(row.number, key, say("no_period")))
            continue
        combination = category_key([row.value(position) for position in categories])
        unit = _text(row.value(index[choice.unit_column])) if choice.unit_column else choice.unit
        if by_unit:  # each unit its own indicator: values in percent and in persons are never one series
            combination = (*combination, unit)
        named = [part for part in combination if part] or [combination_title(combination)]
        for column in columns:
            if categories or by_unit:
                title = _title([*([column] if several else []), combination_title(combination)])
                code = builder.indicator(row.number, make_code(*([column] if several else []), *named), title, unit,
                                         identity=(column, combination))
            else:
                code = builder.indicator(row.number, make_code(column), column, unit)
            builder.value(row.number, code, _text(period), row.value(index[column]), column, key)


def unit_varies(table: RawTable, categories: Sequence[str], unit: str | None) -> bool:
    """Does the unit column name several units inside one combination of the categories (Open SDG: "Percent"
    and "Total" rows of one group)? Then the unit is part of each indicator's identity."""
    if not unit or unit not in table.headers:
        return False
    positions = [table.headers.index(header) for header in categories]
    seen: dict[tuple[str, ...], str] = {}
    for row in table.rows:
        found = _text(row.value(table.headers.index(unit)))
        if seen.setdefault(category_key([row.value(position) for position in positions]), found) != found:
            return True
    return False


def _refuse_repeated_periods(builder: _Builder, key: str, columns: list[str], index: dict[str, int]) -> None:
    """ChoiceRefused when one indicator would get two values for one period: the rows differ in a column the
    user did not pick as a category (the refusal names it), so values of other categories would be mixed."""
    seen: dict[tuple[str, str], int] = {}
    numbers = {row.number: row for row in builder.table.rows}
    for value in builder.values:
        place = (value.cells[0], _text(value.cells[1]))
        if place in seen and seen[place] != value.number:
            first, second = numbers[seen[place]], numbers[value.number]
            skip = {key, *columns, *builder.choice.categories}
            differing = [header for header in builder.table.headers if header not in skip
                         and _text(first.value(index[header])) != _text(second.value(index[header]))]
            if not differing:
                raise ChoiceRefused(say("duplicate_rows", period=place[1], first=first.number, second=second.number))
            raise ChoiceRefused(say("repeated_period", period=place[1], first=first.number, second=second.number,
                                    columns=", ".join(f"„{c}“" for c in differing)))
        seen[place] = value.number


def _wide(builder: _Builder, key: str, rows: list[RawRow], columns: list[str], index: dict[str, int]) -> None:
    name = _names_beside(builder.table, key)
    skip = {key, name, *wide_columns(builder.table.headers), *eurostat.combined_column(builder.table)}
    apart = _distinctions(builder.table, rows, key, skip, index)
    by_kind = kinds(columns)
    names = row_names(builder.table, key, WIDE)
    for row in rows:
        category = names[row.number]
        place = _text(row.value(index[name])) if name else ""
        extra = apart.get(row.number, [])
        title = _title([f"{place} ({category})" if place else category, *extra])
        for kind, kind_columns in by_kind.items():
            # actual and planned figures are never one series: each kind its own indicator ("… (Plan)")
            named = len(by_kind) > 1 and kind
            code = builder.indicator(row.number, make_code(category, *extra, *([kind] if named else [])),
                                     f"{title} ({kind})" if named else title)
            for column in kind_columns:
                builder.value(row.number, code, period_of(column)[1], row.value(index[column]), column)


def _result(table: RawTable, builder: _Builder) -> Reshaped:
    indicators = RawTable(f"{table.name} (Kennzahlen)", list(KENNZAHLEN_HEADERS), builder.indicators,
                          table.encoding, table.delimiter)
    # The values' problems name the file's own place: its name, row number and column (row.sources).
    values = RawTable(table.name, list(WERTE_HEADERS), builder.values,
                      table.encoding, table.delimiter)
    mappings = [_mapping("indicators", KENNZAHLEN_HEADERS), _mapping("indicator_values", WERTE_HEADERS)]
    notes = [*builder.notes, *_marks(table, builder)]
    return Reshaped([indicators, values], mappings, notes, len(builder.indicators), len(builder.values),
                    sorted(builder.stands))


def _marks(table: RawTable, builder: _Builder) -> list[Note]:
    """Notes on what cells and headers said beside their values: Eurostat flags, footnote marks of years."""
    notes = [Note(None, None, say("flagged", count=len(places), flag=letter, meaning=eurostat.flag_meaning(letter),
                                  places=eurostat.shown_places(places)))
             for letter, places in sorted(builder.flagged.items())]
    used = {row.sources.get("Wert") for row in builder.values}
    notes += [Note(None, header, say("footnoted_year", year=header, mark=mark))
              for header, mark in table.header_marks.items() if header in used]
    return notes


def _mapping(level_name: str, headers: Sequence[str]) -> ColumnMapping:
    level = layout.level(level_name)
    by_header = {column.header: column.attribute for column in level.columns}
    return ColumnMapping(level_name, {header: by_header[header] for header in headers})


def note_lines(notes: Sequence[Note]) -> list[str]:
    """The notes as German lines ("Zeile 12, Spalte „Ausländer“: kein Wert („x“): bleibt leer, nicht 0")."""
    lines = []
    for note in notes:
        place = [f"Zeile {note.row}" if note.row else "", f"Spalte „{note.column}“" if note.column else ""]
        where = ", ".join(part for part in place if part)
        lines.append(f"{where}: {note.reason}" if where else str(note.reason))
    return lines
