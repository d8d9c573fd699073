"""The downloadable problems workbook (models/transfer/problem_sheet.py): a problem without a row (a missing column,
the Info sheet, the whole file) has an empty row cell, never the word "None"; row numbers stay numbers."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from models.transfer.importer import Problem
from models.transfer.problem_sheet import problems_xlsx
from models.transfer.wording import say


def test_a_problem_without_a_row_has_an_empty_row_cell():
    problems = [Problem("Maßnahmen", None, None, say("required", column="Code")),
                Problem("Info", 0, None, say("plan_missing")),
                Problem("massnahmen.csv", 1234, "Code", say("required", column="Code"), is_file=True)]
    rows = list(load_workbook(io.BytesIO(problems_xlsx(problems)))["Probleme"].values)
    assert [row[:3] for row in rows[1:]] == [("Maßnahmen", None, None), ("Info", None, None),
                                             ("massnahmen.csv", 1234, "Code")]
    assert not any("None" in str(cell) for row in rows for cell in row if cell is not None)
