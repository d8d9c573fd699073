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

from models.formats import decimal_marks, parse_date, parse_number, period_end
from models.rules import CODE_MAX
from models.transfer import layout
from models.transfer.cells import GERMAN_FILE_MARK, decimal_problem, file_number, is_missing, plain_text
from models.transfer.mapping import ColumnMapping, guess, mapping_problems, normalise
from models.transfer.parsing import RawRow, RawTable
from models.transfer.statistics_columns import (category_key, combination_title, kinds, period_of, same_period,
                                                wide_columns)
from models.transfer.statistics_wording import say

OFFICIAL, SERIES, WIDE = "official", "series", "wide"
SHAPES = (OFFICIAL, SERIES, WIDE)
SHAPE_LABELS = {OFFICIAL: "Amtliche Statistik (Zeilen je Gebiet, Spalten je Merkmal)",
                SERIES: "Zeitreihe (eine Zeile je Zeitraum)",
                WIDE: "Breite Tabelle (eine Spalte je Zeitraum)"}
MISSING = {"-", ".", "x", "X", "…", "...", "/", "–", "—", "--", "()", "(x)"}
CONTEXT = "Kontext"
_REGION_CODE = re.compile(r"^\d{2,12}$")
_CODE_HEADERS = ("schlüssel", "schluessel", "code", "ags", "kennziffer", "gebiet", "kreis", "spalte ")
_STAND_LINE = re.compile(r"^\s*(?:stand|stichtag)\b\s*:?\s*(?:vom\s+|zum\s+)?(\d{1,2}\.\d{1,2}\.\d{4})", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2}\.\d{1,2}\.\d{4})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_SOURCE = re.compile(r"^\s*(?:quelle|datenquelle|source)\s*:\s*(.+)$", re.IGNORECASE)
_SOURCE_WORDS = ("statistisches", "statistik", "bundesagentur", "destatis", "genesis", "regionaldatenbank")
PERIOD_SHARE = 0.8
SAMPLE = 200
PERIOD_HEADERS = {"jahr", "monat", "quartal", "zeitraum", "periode", "zeit", "stichtag", "datum", "berichtsjahr",
                  "berichtsmonat", "year", "month", "period", "date"}
WIDE_MINIMUM = 3
VALUE_HEADERS = {"value", "values", "wert", "werte", "obsvalue"}
_FRACTION = re.compile(r"^-?\d*[.,]\d+$")
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


def _text(value: Any) -> str:
    return plain_text(value)


def is_missing_value(value: Any) -> bool:
    """Empty, or a missing marker of official statistics ("-", ".", "x", "…", "/"): no value, never 0."""
    return is_missing(value) or (isinstance(value, str) and value.strip() in MISSING)


def _column_values(table: RawTable, header: str) -> list[Any]:
    """The filled cells of a column among the first SAMPLE rows (enough to recognise a shape)."""
    index = table.headers.index(header)
    return [row.value(index) for row in table.rows[:SAMPLE] if not is_missing_value(row.value(index))]


def _share(values: list[Any], test) -> float:
    return sum(1 for value in values if test(value)) / len(values) if values else 0.0


def _is_period_value(value: Any) -> bool:
    """A year, month, quarter or half-year (a full date is no sign of a series: plan files have dates)."""
    text = _text(value)
    try:
        period_end(text)
    except ValueError:
        return False
    try:
        parse_date(text)
    except ValueError:
        return True
    return False


def _is_number(value: Any) -> bool:
    try:
        parse_number(value)
    except (ValueError, TypeError):
        return False
    return True


def _is_fraction(value: Any) -> bool:
    return isinstance(value, float) and not value.is_integer() or bool(_FRACTION.match(_text(value)))


def region_column(table: RawTable) -> str | None:
    """The column of region codes (06, 064, 06432): most of its cells are 2 to 12 digits; codes with a leading
    zero and a header that names a code (or none) count before columns of figures."""
    best, best_score = None, 0.5
    for header in table.headers:
        values = _column_values(table, header)
        share = _share(values, lambda value: bool(_REGION_CODE.match(_text(value))))
        zeros = any(_text(value).startswith("0") for value in values)
        if share <= 0.5 or (not zeros and _share(values, _is_period_value) >= PERIOD_SHARE):
            continue  # years are periods, not regions
        if normalise(header) in VALUE_HEADERS or any(_is_fraction(value) for value in values):
            continue  # the figures of a long file (Open SDG "Value": 36165, 0.91), not codes
        score = share + (0.5 if zeros else 0.0) + (
            0.25 if any(word in header.casefold() for word in _CODE_HEADERS) else 0.0)
        if score > best_score:
            best, best_score = header, score
    return best


def name_column(table: RawTable, besides: str | None = None) -> str | None:
    """The column of names (mostly text, not numbers): the first after the code column, else the first."""
    headers = table.headers
    start = headers.index(besides) + 1 if besides in headers else 0
    for header in [*headers[start:], *headers[:start]]:
        if header == besides:
            continue
        values = _column_values(table, header)
        if values and _share(values, lambda value: not _is_number(value)) > 0.5:
            return header
    return None


def period_column(table: RawTable) -> str | None:
    """The column of periods of a series: most of its cells name a year, month, quarter or half-year."""
    for header in table.headers:
        values = _column_values(table, header)
        if len(values) >= 2 and _share(values, _is_period_value) >= PERIOD_SHARE:
            return header
    named = [header for header in table.headers if normalise(header) in PERIOD_HEADERS]
    return named[0] if named else None


def detect_shape(table: RawTable) -> str | None:
    """The statistics shape of a table, or None when it is a table of the plan's layout (or none of ours)."""
    proposal = guess(table)
    if proposal is not None and not mapping_problems(proposal):
        return None
    if len(wide_columns(table.headers)) >= WIDE_MINIMUM:
        return WIDE
    periods = period_column(table)
    if periods is not None and not (region_column(table) is not None and _repeats(table, periods)):
        return SERIES
    if region_column(table) is not None or table.indents:
        return OFFICIAL
    return None


def _repeats(table: RawTable, header: str) -> bool:
    """Does a period column name the same period in most rows (a table per region and year, not a series)?"""
    values = [_text(value) for value in _column_values(table, header)]
    return len(set(values)) * 2 < len(values)


def key_column(table: RawTable, shape: str) -> str | None:
    """The column whose values the user picks rows by: region codes, else names (official, wide)."""
    if shape == SERIES:
        return period_column(table)
    if shape == OFFICIAL:
        return region_column(table) or name_column(table)
    periods = set(wide_columns(table.headers))
    return next((header for header in table.headers if header not in periods), None)


def row_options(table: RawTable, shape: str, key: str | None = None) -> list[tuple[str, str]]:
    """(value, label) of every pickable row: the key's value and, for codes, the name with its indentation
    shown by leading spaces kept ("06432 – ··Darmstadt-Dieburg"); in a wide table rows without any value
    (sub-headings) are not offered and a value that repeats under several sub-headings is named with its
    heading ("Chui oblast – Women")."""
    key = key or key_column(table, shape)
    if key is None or shape == SERIES:
        return []
    names = row_names(table, key, shape)
    name = _names_beside(table, key)
    name_index = table.headers.index(name) if name else None
    periods = [table.headers.index(header) for header in wide_columns(table.headers)]
    options, seen = [], set()
    for row in table.rows:
        value = names.get(row.number, "")
        if not value or value in seen or sum(1 for cell in row.cells if not is_missing(cell)) < 2:
            continue
        if shape == WIDE and all(is_missing_value(row.value(position)) for position in periods):
            continue  # a sub-heading ("By sex"): no value to import
        seen.add(value)
        label = value
        if name_index is not None and not is_missing(row.value(name_index)):
            depth = table.indents.get(row.number, {}).get(name_index, 0)
            label = f"{value} – {'·' * depth}{_text(row.value(name_index))}"
        options.append((value, label))
    return options


def row_names(table: RawTable, key: str, shape: str) -> dict[int, str]:
    """Row number -> the value the row is picked by: its key value; in a wide table a value that repeats apart
    (Women under each region, not one group of adjacent rows) with the nearest row above whose value is unique
    ("Chui oblast – Women"), when that tells all of them apart."""
    index = table.headers.index(key)
    values = {row.number: _text(row.value(index)) for row in table.rows if _text(row.value(index))}
    if shape != WIDE:
        return values
    order = list(values)
    places: dict[str, list[int]] = {}
    for position, number in enumerate(order):
        places.setdefault(values[number], []).append(position)
    apart = {value for value, found in places.items() if len(found) > 1 and found[-1] - found[0] >= len(found)}
    names, heading = dict(values), ""
    for number in order:
        value = values[number]
        if len(places[value]) == 1:
            heading = value
        elif value in apart and heading:
            names[number] = f"{heading} – {value}"
    for value in apart:
        qualified = [names[order[position]] for position in places[value]]
        if len(set(qualified)) < len(qualified) or value in qualified:
            for position in places[value]:
                names[order[position]] = value  # headings do not tell them apart: the rows stay one pick
    return names


def value_columns(table: RawTable, shape: str, key: str | None = None, besides: Sequence[str] = (),
                  kind: str | None = None) -> list[str]:
    """The columns that may become indicators (official, series: not the categories and unit column besides) or
    values (wide: the periods, of one kind when given)."""
    if shape == WIDE:
        return [column for column in wide_columns(table.headers) if kind is None or period_of(column)[0] == kind]
    key = key or key_column(table, shape)
    skip = {key, *besides}
    if shape == OFFICIAL:
        skip |= {name_column(table, key), stand_column(table, key)}
    return [header for header in table.headers if header not in skip]


def figure_columns(table: RawTable, headers: Sequence[str]) -> list[str]:
    """The headers whose filled cells are mostly numbers (the Value column of a long file)."""
    return [header for header in headers if _share(_column_values(table, header), _is_number) > 0.5]


def _lines(rows: Sequence[RawRow]) -> list[str]:
    return [" ".join(_text(cell) for cell in row.cells if not is_missing(cell)) for row in rows]


def stand_column(table: RawTable, key: str | None = None) -> str | None:
    """The column that dates each row of an official table: all its filled cells are years or full dates
    (GENESIS: "2023", "31.12.2023"); not the key column."""
    for header in table.headers:
        values = [value for value in _column_values(table, header) if not is_missing_value(value)]
        if header != key and values and all(_YEAR.fullmatch(text := _text(value)) or _DATE.fullmatch(text)
                                            for value in values):
            return header
    return None


def row_stands(table: RawTable, rows: Sequence[str] = (), key: str | None = None) -> list[dt.date]:
    """The Stands the stand column gives the picked rows (values of the key column; all rows when none),
    each period at its end (2023 -> 31.12.2023), sorted; empty without a stand column."""
    column = stand_column(table, key := key or key_column(table, OFFICIAL))
    if column is None:
        return []
    position, key_position = table.headers.index(column), table.headers.index(key) if key in table.headers else None
    wanted = {value.strip() for value in rows}
    found = set()
    for row in table.rows:
        if wanted and (key_position is None or _text(row.value(key_position)) not in wanted):
            continue
        if not is_missing_value(period := row.value(position)):
            found.add(period_end(_text(period)))
    return sorted(found)


def proposed_stand(table: RawTable, rows: Sequence[str] = (), key: str | None = None) -> dt.date | None:
    """The Stand of an official table: the one period of the picked rows in its stand column (a year -> its
    31.12.), else a title line that starts with "Stand" or "Stichtag" ("Stand: 31.12.2024"); never a footnote
    (the download date, a "Gebietsstand" of a footnote). None when the picked rows name several periods (each
    value then gets its row's period) or nothing names a Stand."""
    if stand_column(table, key or key_column(table, OFFICIAL)) is not None:
        stands = row_stands(table, rows, key)
        return stands[0] if len(stands) == 1 else None
    for line in _lines(table.preamble):
        if match := _STAND_LINE.match(line):
            try:
                return parse_date(match.group(1))
            except ValueError:
                continue
    return None


def proposed_source(table: RawTable) -> str:
    """The source the title lines or footnotes name ("Quelle: Statistisches Landesamt ...")."""
    lines = _lines([*table.footer, *table.preamble])
    for line in lines:
        if match := _SOURCE.match(line):
            return match.group(1).strip()
    for line in lines:
        if any(word in line.casefold() for word in _SOURCE_WORDS):
            return line.strip()
    return ""


# --- reshaping ------------------------------------------------------------------------------------


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

    def indicator(self, number: int, proposed: str, title: str, unit: str | None = None,
                  identity: Any = None) -> str:
        """The code of the indicator that identity (else the title) names, made once; two identities whose texts
        give the same proposed code ("Ü 1", "ü-1") are kept apart by a short hash of the identity."""
        identity = title if identity is None else identity
        if self.identities.get(proposed, identity) != identity:
            proposed = make_code(proposed[:CODE_MAX - 5], _hash(repr(identity)))
        self.identities.setdefault(proposed, identity)
        code = self.choice.codes.get(proposed, proposed)
        if code not in self.codes:
            self.codes.add(code)
            self.indicators.append(RawRow(number, [code, title[:300], CONTEXT,
                                                   self.choice.unit if unit is None else unit, self.choice.source]))
        return code

    def value(self, number: int, code: str, when: Any, raw: Any, column: str) -> None:
        if is_missing_value(raw):
            shown = str(raw).strip() if raw is not None and str(raw).strip() else "leer"
            self.notes.append(Note(number, column, say("missing_value", shown=shown)))
            return
        self.values.append(RawRow(number, [code, when, file_number(raw, self.marks.get(column)),
                                           self.choice.source]))


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
        raise ChoiceRefused(say("no_column"))
    index = {header: position for position, header in enumerate(table.headers)}
    builder = _Builder(table, choice, marks=_decimal_marks(table, columns, allowed, index))
    if choice.shape == SERIES:
        _series(builder, key, columns, index)
        _refuse_repeated_periods(builder, key, columns, index)
    else:
        if not choice.rows:
            raise ChoiceRefused(say("no_row"))
        names = row_names(table, key, choice.shape)
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
            builder.value(row.number, code, _text(period), row.value(index[column]), column)


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


def _names_beside(table: RawTable, key: str) -> str | None:
    """The name column that goes with a column of region codes (None for any other key column)."""
    if key != region_column(table):
        return None
    name = name_column(table, key)
    return name if name not in wide_columns(table.headers) else None


def _wide(builder: _Builder, key: str, rows: list[RawRow], columns: list[str], index: dict[str, int]) -> None:
    name = _names_beside(builder.table, key)
    apart = _distinctions(builder.table, rows, key, {key, name, *wide_columns(builder.table.headers)}, index)
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
    values = RawTable(f"{table.name} (Kennzahlwerte)", list(WERTE_HEADERS), builder.values,
                      table.encoding, table.delimiter)
    mappings = [_mapping("indicators", KENNZAHLEN_HEADERS), _mapping("indicator_values", WERTE_HEADERS)]
    return Reshaped([indicators, values], mappings, builder.notes, len(builder.indicators), len(builder.values),
                    sorted(builder.stands))


def _mapping(level_name: str, headers: Sequence[str]) -> ColumnMapping:
    level = layout.level(level_name)
    by_header = {column.header: column.attribute for column in level.columns}
    return ColumnMapping(level_name, {header: by_header[header] for header in headers})


def note_lines(notes: Sequence[Note]) -> list[str]:
    """The notes as German lines ("Zeile 12, Spalte „Ausländer“: kein Wert („x“): bleibt leer, nicht 0")."""
    lines = []
    for note in notes:
        place = [f"Zeile {note.row}" if note.row else "", f"Spalte „{note.column}“" if note.column else ""]
        lines.append(", ".join(part for part in place if part) + ": " + note.reason)
    return lines
