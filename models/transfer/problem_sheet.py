"""The problems of an import preview (and what a statistics import leaves out) as an Excel workbook to
download, so that whoever fixes the file can sort and tick them off row by row."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from models.texts import render
from models.transfer.export import neutralised
from models.transfer.importer import Problem
from models.transfer.statistics import Note

FILE_NAME = "Importprobleme.xlsx"
PROBLEM_HEADERS = ("Blatt / Datei", "Zeile", "Spalte", "Problem")
NOTE_HEADERS = ("Zeile", "Spalte", "Nicht übernommen, weil")


def problems_xlsx(problems: Sequence[Problem], notes: Sequence[Note] = ()) -> bytes:
    """Sheet "Probleme" (one line per problem, German; the row an empty cell for a problem of a whole sheet or
    file, numbers stay numbers to sort by) and, when given, sheet "Nicht übernommen"."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Probleme"
    rows = [(p.sheet, p.row or None, p.column or "", render(p.message, "de")) for p in problems]
    _fill(sheet, PROBLEM_HEADERS, rows)
    if notes:
        _fill(book.create_sheet("Nicht übernommen"), NOTE_HEADERS,
              [(note.row, note.column or "", render(note.reason, "de")) for note in notes])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet, headers: Sequence[str], rows: Sequence[Sequence]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralised(value) if isinstance(value, str) else value for value in row])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCD", (28, 8, 24, 90)):
        sheet.column_dimensions[letter].width = width

