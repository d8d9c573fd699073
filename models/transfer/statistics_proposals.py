"""What a statistics file proposes before the user chooses (models.transfer.statistics reshapes the choice):
its shape, the key, name, period and value columns, the rows to offer and their names, the Stand and the source.
Every proposal is only a default on the page and the command line; the user's choice decides."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from models.formats import parse_date, parse_number, period_end
from models.transfer import eurostat
from models.transfer.cells import is_missing, plain_text
from models.transfer.mapping import guess, mapping_problems, normalise
from models.transfer.parsing import RawRow, RawTable
from models.transfer.statistics_columns import period_of, wide_columns

OFFICIAL, SERIES, WIDE = "official", "series", "wide"
MISSING = {"-", ".", "x", "X", "…", "...", "/", "–", "—", "--", "()", "(x)", ":"}  # ":" Eurostat
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
_INDICATOR_ID = re.compile(r"indi[ck]ator[_ -]?(\d+(?:[-_.]\d+)+)", re.IGNORECASE)  # Open SDG: indicator_11-2-1
_DIGITS = re.compile(r"[-+]?[\d.,\s\u00a0]*\d[\d.,\s\u00a0]*")
_NUMBERED = re.compile(r"(?:^|[_ -])(\d+(?:[-_.]\d+){2,})$")  # kg_1-2-1: an SDG indicator's number
NAME_HEADERS = {"series", "serie", "reihe", "titel", "title", "bezeichnung", "indikator", "indicator"}


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
    """The statistics shape of a table, or None when it is a table of the plan's layout (or none of ours), or a
    list whose columns are mostly text (a list of actions with a running number: the tree / list path)."""
    proposal = guess(table)
    if proposal is not None and not mapping_problems(proposal):
        return None
    if len(wide_columns(table.headers)) >= WIDE_MINIMUM:
        return WIDE
    periods = period_column(table)
    if periods is not None and not (region_column(table) is not None and _repeats(table, periods)):
        return SERIES if _figures(table, [header for header in table.headers if header != periods]) else None
    if region_column(table) is not None or table.indents:
        key = key_column(table, OFFICIAL)
        candidates = [header for header in table.headers if header not in (key, stand_column(table, key))]
        return OFFICIAL if len(_figures(table, candidates)) * 2 > len(candidates) else None
    return None


def _figures(table: RawTable, headers: Sequence[str]) -> list[str]:
    """The headers whose cells are figures: mostly numbers (in any reading: "70.250" with an open decimal mark
    too), and not a running number (1, 2, 3 ...: an id)."""
    return [header for header in headers if _share(_column_values(table, header), _is_figure) > 0.5
            and not _running_number(table, header)]


def _is_figure(value: Any) -> bool:
    return _is_number(value) or bool(_DIGITS.fullmatch(_text(value)))


def _running_number(table: RawTable, header: str) -> bool:
    values = _column_values(table, header)
    try:
        numbers = [parse_number(value) for value in values]
    except (ValueError, TypeError):
        return False
    return (len(numbers) >= 3 and all(float(n).is_integer() for n in numbers) and numbers == sorted(set(numbers))
            and numbers[-1] - numbers[0] == len(numbers) - 1)


def proposed_name(table: RawTable, file_name: str, shape: str) -> str:
    """The name of the series a file proposes (Choice.name): the indicator an Open SDG file name names
    ("indicator_11-2-1.csv" -> "Indikator 11.2.1"), else the one value of a Series or title column, else the
    file name without extension, made readable ("arbeitslose_kreise.csv" -> "Arbeitslose kreise"). Empty for
    official tables: their codes and titles already name the figure and the region ("06432-arbeitslose")."""
    if shape == OFFICIAL:
        return ""
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "." in file_name else file_name
    if match := _INDICATOR_ID.search(stem) or _NUMBERED.search(stem):
        return "Indikator " + re.sub(r"[-_.]", ".", match.group(1))
    for header in table.headers:
        if normalise(header) in NAME_HEADERS:
            values = {_text(value) for value in _column_values(table, header)}
            if len(values) == 1:
                return next(iter(values))[:80]
    stem = re.sub(r"[\s_-]+", " ", stem).strip()
    return (stem[:1].upper() + stem[1:])[:80] if stem else ""


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
    if shape != WIDE or key in eurostat.dimension_columns(table):
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


def _names_beside(table: RawTable, key: str) -> str | None:
    """The name column that goes with a column of region codes (None for any other key column)."""
    if key != region_column(table):
        return None
    name = name_column(table, key)
    return name if name not in wide_columns(table.headers) else None
