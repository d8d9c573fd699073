"""Rule "decimal mark per file column" (issue 14, outside review): an Open-SDG-like file with English decimal
points ("70.125") is stored as 70,125, never 70125; a column of only d.ddd values is a German problem naming the
column and an example; German files and forms keep their German reading."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.formats import column_decimal_mark, decimal_marks, parse_number
from models.schema import Indicator, IndicatorValue, Plan
from models.transfer import importer, statistics
from models.transfer.importer import Target
from models.transfer.statistics import Choice
from tests.models.test_import_statistics import ADMIN, TODAY, _import, _table


def test_rule_decimal_mark_per_column_is_decided_from_all_values():
    assert column_decimal_mark(["80.444", "80.574", "80.62"]).mark == "."
    assert column_decimal_mark(["0.125"]).mark == "."
    assert column_decimal_mark(["1,234.5", "12"]).mark == "."
    assert column_decimal_mark(["1.234", "5,5"]).mark == ","
    assert column_decimal_mark(["1.234.567"]).mark == ","
    assert column_decimal_mark(["12", 3.5, "31.12.2019"]).mark == ","  # no evidence: German as before
    ambiguous = column_decimal_mark(["80.444", "80.574"])
    assert ambiguous.mark is None and ambiguous.example == "80.444" and not ambiguous.mixed
    mixed = column_decimal_mark(["80.44", "1.234,5"])
    assert mixed.mark is None and mixed.mixed
    # An only-d.ddd column takes the one mark the file's other number columns show.
    assert decimal_marks({"a": ["1.234"], "b": ["5,1"]})["a"].mark == ","
    assert decimal_marks({"a": ["1.234"], "b": ["5.25"]})["a"].mark == "."
    assert decimal_marks({"a": ["1.234"], "b": ["7"]})["a"].mark is None
    assert decimal_marks({"a": ["1.234"]}, fallback=",")["a"].mark == ","


def test_rule_decimal_mark_per_column_leaves_forms_german():
    assert parse_number("80.444") == 80444.0
    assert parse_number("80,444") == 80.444
    assert parse_number("80.444", decimal=".") == 80.444
    assert parse_number("1,234.5 %", decimal=".") == 1234.5


def _values(engine) -> list[tuple[dt.date, float]]:
    with Session(engine) as session:
        return session.execute(select(IndicatorValue.value_date, IndicatorValue.value).join(IndicatorValue.indicator)
                               .join(Plan).where(Plan.slug == "mini", Indicator.code == "value")
                               .order_by(IndicatorValue.value_date)).all()


def test_rule_decimal_mark_per_column_stores_english_decimals_as_they_are(engine, mini_plan):
    table = _table("sdg-dezimalpunkt.csv")
    assert statistics.detect_shape(table) == statistics.SERIES
    reshaped = statistics.reshape(table, Choice(statistics.SERIES, columns=["Value"], source="Open SDG (erfunden)"))
    _import(engine, reshaped)
    assert [value for _, value in _values(engine)] == [70.125, 70.25, 71.333, 1.5]


def test_rule_decimal_mark_per_column_refuses_a_column_of_only_d_ddd():
    table = _table("sdg-mehrdeutig.csv")
    with pytest.raises(statistics.ChoiceRefused) as refused:
        statistics.reshape(table, Choice(statistics.SERIES, columns=["Value"]))
    message = str(refused.value)
    assert "Spalte „Value“" in message and "„70.125“" in message and "70,125" in message and "70125" in message


def test_rule_decimal_mark_per_column_in_a_level_import(engine, mini_plan):
    """The plan-layout import (Kennzahlwerte sheet) reads the same rule; ambiguity is a problem, nothing saved."""
    tables = _table("sdg-mehrdeutig.csv"), _table("sdg-dezimalpunkt.csv")
    reshaped = [statistics.reshape(table, Choice(statistics.SERIES, columns=["Value"]))
                for table in tables[1:]][0]
    values = reshaped.tables[1]
    rows = [[row.cells[0], row.cells[1], "70.125" if n == 0 else "71.250", ""] for n, row in
            enumerate(values.rows[:2])]
    values.rows[:] = [type(values.rows[0])(row.number, cells) for row, cells in zip(values.rows, rows)]
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"),
                                   today=TODAY)
    assert not preview.ok
    assert any("Spalte „Wert“" in line and "„70.125“" in line for line in preview.messages())


def test_rule_decimal_mark_per_column_shows_read_samples_in_the_preview(engine, mini_plan):
    reshaped = statistics.reshape(_table("sdg-dezimalpunkt.csv"), Choice(statistics.SERIES, columns=["Value"]))
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"),
                                   today=TODAY)
    assert preview.sample_lines() == ["Spalte „Value“ gelesen als: 70,125; 70,25; 71,333"]
