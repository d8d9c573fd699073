"""What parsing leaves out of a sheet and a tree file needs: per row its outline level and each cell's
indentation (leading spaces plus four per Excel indent step), and the blank lines between data rows.

A workbook's shape is read by streaming its XML parts (rows' outlineLevel, cells' style index -> the
alignment's indent, the text's leading spaces), not by openpyxl's full load: that binds every cell as an
object and took several seconds for a 10,000-row plan. read_file has checked the archive against the import
limits before this runs.
"""

from __future__ import annotations

import csv
import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, iterparse

from models.transfer.parsing import RawTable, decode, sniff_delimiter

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_WHITESPACE = " \u00a0\t"


@dataclass
class SheetShape:
    """Per row number the outline level and each cell's indentation, and the blank lines between data rows."""

    outline: dict[int, int] = field(default_factory=dict)
    indents: dict[int, list[int]] = field(default_factory=dict)
    blank_rows: list[int] = field(default_factory=list)


def indent_of(value: Any, steps: int = 0) -> int:
    """A cell's indentation: its leading spaces, plus four for each Excel indent step."""
    if not isinstance(value, str):
        return 4 * steps
    return len(value) - len(value.lstrip(_WHITESPACE)) + 4 * steps


def csv_shape(data: bytes) -> SheetShape:
    text, _ = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    shape = SheetShape()
    start = 1
    for cells in reader:
        shape.indents[start] = [indent_of(cell.replace("\ufeff", "")) for cell in cells]
        start = reader.line_num + 1
    return shape


def xlsx_shapes(data: bytes) -> dict[str, SheetShape]:
    """Each sheet's shape by its title."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        steps = _indent_steps(archive, names)
        strings = _shared_strings(archive, names)
        return {title: _sheet_shape(archive, path, steps, strings) for title, path in _sheets(archive, names)}


def blank_rows(table: RawTable, shape: SheetShape) -> None:
    """The blank lines between the first and the last data row (parsing drops them; the preview counts them)."""
    if not table.rows:
        return
    numbers = {row.number for row in table.rows}
    first, last = table.rows[0].number, table.rows[-1].number
    if shape.indents:  # a CSV's lines by where each record starts: a quoted newline is not a blank line
        shape.blank_rows = [number for number in sorted(shape.indents)
                            if first < number < last and number not in numbers]
    else:
        shape.blank_rows = [number for number in range(first + 1, last) if number not in numbers]


def _elements(archive: zipfile.ZipFile, path: str, tag: str) -> Iterator[Element]:
    """The elements with this (main-namespace) tag, each complete, freed after use."""
    with archive.open(path) as part:
        for _, element in iterparse(part, events=("end",)):
            if element.tag == _MAIN + tag:
                yield element
                element.clear()


def _sheets(archive: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(title, part path) of every worksheet, in the workbook's order."""
    targets: dict[str, str] = {}
    with archive.open("xl/_rels/workbook.xml.rels") as part:
        for _, element in iterparse(part, events=("end",)):
            if element.tag == _PACKAGE_RELS:
                target = element.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                targets[element.get("Id", "")] = path
    sheets = []
    for sheet in _elements(archive, "xl/workbook.xml", "sheet"):
        path = targets.get(sheet.get(_RELATIONSHIP_ID, ""))
        if path in names:
            sheets.append((sheet.get("name", ""), path))
    return sheets


def _indent_steps(archive: zipfile.ZipFile, names: set[str]) -> list[int]:
    """The alignment indent of each cell format (cellXfs), by style index."""
    if "xl/styles.xml" not in names:
        return []
    steps: list[int] = []
    in_cell_formats = False
    with archive.open("xl/styles.xml") as part:
        for event, element in iterparse(part, events=("start", "end")):
            if element.tag == _MAIN + "cellXfs":
                in_cell_formats = event == "start"
            elif in_cell_formats and event == "end" and element.tag == _MAIN + "xf":
                alignment = element.find(_MAIN + "alignment")
                steps.append(_whole(alignment.get("indent")) if alignment is not None else 0)
    return steps


def _shared_strings(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    if "xl/sharedStrings.xml" not in names:
        return []
    return [_text(item) for item in _elements(archive, "xl/sharedStrings.xml", "si")]


def _text(item: Element) -> str:
    """The text of a string item or an inline string: its <t> parts, without phonetic runs."""
    direct = item.find(_MAIN + "t")
    if direct is not None:
        return direct.text or ""
    return "".join(run.findtext(_MAIN + "t") or "" for run in item.findall(_MAIN + "r"))


def _sheet_shape(archive: zipfile.ZipFile, path: str, steps: list[int], strings: list[str]) -> SheetShape:
    shape = SheetShape()
    number = 0
    for row in _elements(archive, path, "row"):
        number = _whole(row.get("r")) or number + 1
        shape.outline[number] = _whole(row.get("outlineLevel"))
        indents: list[int] = []
        for cell in row.iter(_MAIN + "c"):
            column = _column(cell.get("r")) or len(indents) + 1
            indents.extend([0] * (column - 1 - len(indents)))
            style = _whole(cell.get("s"))
            indents.append(indent_of(_cell_text(cell, strings), steps[style] if style < len(steps) else 0))
        shape.indents[number] = indents
    for empty in range(1, number):  # the XML leaves empty rows out
        shape.indents.setdefault(empty, [])
    return shape


def _cell_text(cell: Element, strings: list[str]) -> str | None:
    kind = cell.get("t")
    if kind == "inlineStr":
        inline = cell.find(_MAIN + "is")
        return _text(inline) if inline is not None else None
    value = cell.findtext(_MAIN + "v")
    if kind == "s" and value is not None:
        index = _whole(value)
        return strings[index] if index < len(strings) else None
    return value if kind == "str" else None


def _column(reference: str | None) -> int:
    """The column number of a cell reference (C7 -> 3); 0 without one."""
    number = 0
    for char in reference or "":
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number


def _whole(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0
