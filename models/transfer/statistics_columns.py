"""Columns of statistics files beyond one header per figure (issue 14, shapes 7 and 8), for
models.transfer.statistics:

- Period columns named by a word and a year ("Ergebnis 2010", "Ansatz 2011", "Plan 2012"), as budget tables
  have them: the word is the column's kind, the year its period. Kinds are never mixed in one indicator: the
  user picks the kind that becomes the values, or each kind becomes its own indicator (`kinds`, `overlapping`).
- Category columns of long series files (Open SDG: Year, Units, Series, sex, länder, GeoCode, Value): each
  distinct combination of the picked categories' values becomes its own indicator, the empty one "insgesamt"
  (`proposed_categories`, `unit_column`, `combination_title`).
"""

from __future__ import annotations

import re
from typing import Any

from models.formats import parse_number
from models.transfer.cells import is_missing, is_period, plain_text
from models.transfer.parsing import RawTable

_WORD_YEAR = re.compile(r"^\s*(?P<kind>\D*[^\W\d_]\D*?)\s*[-_:]?\s*(?P<year>(?:19|20)\d{2})\s*$")
UNIT_HEADERS = {"units", "unit", "einheit", "einheiten", "maßeinheit", "masseinheit"}
COMMENT_START = ("comment", "kommentar", "anmerkung", "fußnote", "fussnote", "note")
CATEGORY_MAXIMUM = 60  # distinct values at most that a proposed category column has
TOTAL = "insgesamt"
SAMPLE = 2000


def period_of(header: str) -> tuple[str, str] | None:
    """(kind, period) of a period column: ("", "2015-01") for a plain period, ("Plan", "2012") for a word and a
    year; None for any other header."""
    if is_period(header):
        return "", header.strip()
    match = _WORD_YEAR.match(header)
    if match is None:
        return None
    return " ".join(match.group("kind").split()), match.group("year")


def wide_columns(headers: list[str]) -> list[str]:
    """The headers that name periods, plainly or as a word and a year: the value columns of a wide table."""
    return [header for header in headers if period_of(header) is not None]


def kinds(headers: list[str]) -> dict[str, list[str]]:
    """The period columns by kind, in the file's order ({"Ergebnis": ["Ergebnis 2010"], "Plan": [...]}); plain
    periods have the kind ""."""
    found: dict[str, list[str]] = {}
    for header in wide_columns(headers):
        kind, _ = period_of(header)
        found.setdefault(kind, []).append(header)
    return found


def same_period(columns: list[str]) -> list[list[str]]:
    """Groups of the given period columns that name the same period ("Ansatz 2011", "Plan 2011")."""
    by_period: dict[str, list[str]] = {}
    for column in columns:
        found = period_of(column)
        if found is not None:
            by_period.setdefault(found[1], []).append(column)
    return [group for group in by_period.values() if len(group) > 1]


def overlapping(headers: list[str]) -> bool:
    """Do two kinds of period columns name the same period (then the user picks one kind)?"""
    return bool(same_period(wide_columns(headers)))


def proposed_kind(headers: list[str]) -> str | None:
    """The kind proposed to become the values: None (all) when the kinds name different periods, else the
    kind with most columns."""
    found = kinds(headers)
    if len(found) < 2 or not overlapping(headers):
        return None
    return max(found, key=lambda kind: len(found[kind]))


# --- categories of long series files -------------------------------------------------------------------


def _values(table: RawTable, header: str) -> list[str]:
    index = table.headers.index(header)
    return [plain_text(row.value(index)) for row in table.rows[:SAMPLE]]


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except (ValueError, TypeError):
        return False
    return True


def unit_column(table: RawTable) -> str | None:
    """The column that names each row's unit (Units, Einheit), if the file has one."""
    return next((header for header in table.headers if header.strip().casefold() in UNIT_HEADERS), None)


def proposed_categories(table: RawTable, besides: set[str]) -> list[str]:
    """Columns that look like categories: words (not numbers), at least two distinct values and at most
    CATEGORY_MAXIMUM, not a comment column; the user confirms or changes the proposal."""
    proposed = []
    for header in table.headers:
        if header in besides or header.strip().casefold().startswith(COMMENT_START):
            continue
        values = [value for value in _values(table, header) if value]
        distinct = set(values)
        if (2 <= len(distinct | ({""} if len(values) < min(len(table.rows), SAMPLE) else set())) <= CATEGORY_MAXIMUM
                and not any(_is_number(value) for value in distinct)):
            proposed.append(header)
    return _without_twins(table, proposed)


def _without_twins(table: RawTable, headers: list[str]) -> list[str]:
    """Of two columns that name the same groups of rows ("Ortsteil" and its "GeoCode"), only one is proposed: the
    readable one. Both would only make each indicator's name longer."""
    kept: list[str] = []
    for header in headers:
        twin = next((other for other in kept if _same_groups(table, other, header)), None)
        if twin is None:
            kept.append(header)
        elif _code_like(table, twin) and not _code_like(table, header):
            kept[kept.index(twin)] = header
    return kept


def _same_groups(table: RawTable, first: str, second: str) -> bool:
    pairs = set(zip(_values(table, first), _values(table, second)))
    return len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})


def _code_like(table: RawTable, header: str) -> bool:
    """Values without a space and with a digit ("re_ortsteil.0901", "DE712"): codes, not names."""
    values = [value for value in _values(table, header) if value]
    return bool(values) and all(" " not in value and any(ch.isdigit() for ch in value) for value in values)


def category_key(row_values: list[Any]) -> tuple[str, ...]:
    return tuple("" if is_missing(value) else plain_text(value) for value in row_values)


def combination_title(key: tuple[str, ...]) -> str:
    """A readable name of one combination of category values: "foreigns, male"; the empty one "insgesamt"."""
    parts = [part for part in key if part]
    return ", ".join(parts) if parts else TOTAL
