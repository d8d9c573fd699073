"""A header that spans several lines, as GENESIS and Regionalstatistik tables have it (issue 14, shape 6).

Below the title lines, the upper header line names groups ("Insgesamt", "männlich"), lower lines name the
sub-columns, and cells under a group are left empty. The general header search of models.transfer.parsing
takes the first row filled wide enough, which in such a file is the first data row. `header_block` finds the
real header: when the row found holds figures (numbers that are not years) in columns where the line above has
words, that row is data, and the lines above it with text in those figure columns are the header lines;
`combined_headers` makes one name per column of them ("Insgesamt – männlich").
"""

from __future__ import annotations

import re
from typing import Any

from models.formats import parse_number

YEARS = range(1900, 2101)
JOIN = " – "
LINES_BELOW = 4  # header lines below the row found as the header, at most
_CODE = re.compile(r"^\d{2,12}$")
_DAY = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")


def _text(cell: Any) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _is_figure(cell: Any) -> bool:
    """A number that is not a year (a year heads the columns of a wide table, it is no sign of data)."""
    text = _text(cell)
    if not text:
        return False
    try:
        number = parse_number(text)
    except (ValueError, TypeError):
        return False
    return not (number.is_integer() and int(number) in YEARS and text.isdigit())


def _is_word(cell: Any) -> bool:
    text = _text(cell)
    return bool(text) and not _is_figure(text) and any(char.isalpha() for char in text)


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _is_header_line(cells: list[Any], figures: list[int]) -> bool:
    """Words above figure columns, and not a title (a title line is one cell in the first column)."""
    filled = [cell for cell in cells if _text(cell)]
    return (any(_is_word(_cell(cells, index)) for index in figures)
            and (not _text(_cell(cells, 0)) or len(filled) >= 2))


def header_block(filled: list[tuple[int, list[Any]]], position: int) -> tuple[int, int] | None:
    """(first header line, first data row) as positions in filled when the header above the data has more than
    one line, or when the row at position (found as the header) is already the first data row; None when the
    row at position is the only header line, as usual."""
    def figures_of(at: int) -> list[int]:
        return [index for index, cell in enumerate(filled[at][1]) if _is_figure(cell)] if at < len(filled) else []

    data = position if figures_of(position) else position + 1
    while (data < len(filled) and data - position <= LINES_BELOW and not figures_of(data)
           and not _text(_cell(filled[data][1], 0))):
        data += 1  # the row found is the upper of several header lines (GENESIS: group, subgroup, unit)
    figures = figures_of(data)
    if not figures or data == 0:
        return None
    start = data
    while start > 0 and _is_header_line(filled[start - 1][1], figures):
        start -= 1
    if start == data or (data == position + 1 and start == position):
        return None
    return start, data


def combined_headers(lines: list[list[Any]], width: int) -> list[str]:
    """One name per column from header lines: a group named in an upper line spans the empty cells to its right
    (until the next group), the lowest line names the sub-column; repeats are left out ("Insgesamt – männlich")."""
    names: list[list[str]] = [[] for _ in range(width)]
    for number, line in enumerate(lines):
        upper = number < len(lines) - 1
        group = ""
        for index in range(width):
            text = _text(_cell(line, index))
            if text:
                group = text
            elif not upper or not group:
                continue
            elif upper and number > 0 and _starts_group(lines[:number], index):
                group = ""
                continue
            part = text or group
            if part and part not in names[index]:
                names[index].append(part)
    return [JOIN.join(parts) for parts in names]


def _starts_group(upper_lines: list[list[Any]], index: int) -> bool:
    """Does a line above start a new group at this column (so a group of a lower line stops spanning)?"""
    return any(_text(_cell(line, index)) for line in upper_lines)


def blank_names(headers: list[str], rows: list[list[Any]]) -> list[str | None]:
    """A readable name for a column the header lines leave empty, from its first data rows: "Jahr" (years),
    "Stichtag" (dates), "Regionalschlüssel" (region codes), "Gebiet" (the first text column); None for a column with a name or
    with figures."""
    names: list[str | None] = []
    for index, header in enumerate(headers):
        values = [_text(_cell(row, index)) for row in rows[:50]]
        values = [value for value in values if value]
        name = None
        if not header and values:
            if all(value.isdigit() and int(value) in YEARS and len(value) == 4 for value in values):
                name = "Jahr"
            elif all(_DAY.match(value) for value in values):
                name = "Stichtag"
            elif sum(bool(_CODE.match(value)) for value in values) * 2 > len(values):
                name = "Regionalschlüssel"
            elif "Gebiet" not in names and not any(_is_figure(value) for value in values):
                name = "Gebiet"  # the first text column names the regions; others (age groups) stay "Spalte 4"
        names.append(name)
    return names


_FOOTNOTED_YEAR = re.compile(r"^((?:19|20)\d{2})(\d{1,2})$")


def _year(header: str) -> int | None:
    return int(header) if header.isdigit() and len(header) == 4 and int(header) in YEARS else None


def footnoted_years(headers: list[str]) -> tuple[list[str], dict[str, str]]:
    """Year headers with a footnote mark read as the year ("20221" between "2021" and "2023", or after
    "2020", "2021": 2022 with footnote 1): the headers with such a header renamed, and {year: mark}. Only where
    a neighbouring header is the year before (or after) and the year is not a header of its own already."""
    renamed, marks = list(headers), {}
    for index, header in enumerate(headers):
        match = _FOOTNOTED_YEAR.match(header.strip())
        if match is None or match.group(1) in headers:
            continue
        year = int(match.group(1))
        before = _year(headers[index - 1].strip()) if index > 0 else None
        after = _year(headers[index + 1].strip()) if index + 1 < len(headers) else None
        if year - 1 in (before, after) or year + 1 in (before, after):
            renamed[index] = match.group(1)
            marks[match.group(1)] = match.group(2)
    return renamed, marks
