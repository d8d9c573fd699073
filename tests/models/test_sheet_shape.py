"""The shape of a workbook read from its XML parts gives what openpyxl's full load gives: per row the outline
level and each cell's indentation (leading spaces plus four per Excel indent step), on every tree fixture and
on a workbook with indents, inline strings and rows left out."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.styles import Alignment

from models.transfer.sheet_shape import indent_of, xlsx_shapes
from tests.conftest import FIXTURES


def _by_openpyxl(data: bytes) -> dict[str, tuple[dict[int, int], dict[int, list[int]]]]:
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    shapes = {}
    for sheet in book.worksheets:
        outline, indents = {}, {}
        for row in sheet.iter_rows():
            if row:
                number = row[0].row
                outline[number] = int(sheet.row_dimensions[number].outline_level or 0)
                indents[number] = [indent_of(cell.value, int(cell.alignment.indent or 0)) for cell in row]
        shapes[sheet.title] = (outline, indents)
    return shapes


def _same(data: bytes) -> None:
    streamed = xlsx_shapes(data)
    for title, (outline, indents) in _by_openpyxl(data).items():
        shape = streamed[title]
        for number, cells in indents.items():
            assert shape.outline.get(number, 0) == outline[number], (title, number)
            mine = shape.indents.get(number, [])
            assert mine + [0] * (len(cells) - len(mine)) == cells, (title, number)


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "imports").glob("*.xlsx")))
def test_streamed_shape_equals_openpyxls_on_each_fixture(name):
    _same((FIXTURES / "imports" / name).read_bytes())


def test_excel_indent_leading_spaces_outline_and_gaps():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet["A1"] = "Titel"
    sheet["A3"] = "Handlungsfeld"
    sheet["A4"] = "Leitziel"
    sheet["A4"].alignment = Alignment(indent=2)
    sheet["C4"] = "  zwei Leerzeichen"
    sheet["A7"] = "\u00a0\u00a0\u00a0Maßnahme"
    sheet.row_dimensions[4].outline_level = 1
    sheet.row_dimensions[7].outline_level = 2
    second = book.create_sheet("Zweites Blatt")
    second["B2"] = 5
    out = io.BytesIO()
    book.save(out)
    _same(out.getvalue())
    shapes = xlsx_shapes(out.getvalue())
    assert shapes["Plan"].indents[4] == [8, 0, 2] and shapes["Plan"].outline[7] == 2
    assert shapes["Plan"].indents[7] == [3] and shapes["Plan"].indents[5] == []
    assert shapes["Zweites Blatt"].indents[2] == [0, 0]
