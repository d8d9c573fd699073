"""Codes made from text in any script, long files with several units, tables with planned and actual columns
(issue 14 point 4, shapes 7 and 8; the second outside review: Open SDG Kyrgyzstan and Los Angeles, Köln's
budget). Invented files of the same layouts go through statistics.reshape and, where it writes, the importer on
a real database."""

import datetime as dt

import pytest

from models.transfer import statistics, statistics_columns
from models.transfer.parsing import RawRow, RawTable
from models.transfer.statistics import Choice, ChoiceRefused
from tests.models.test_import_statistics import _import, _table, _values


def _proposed(table) -> Choice:
    """The choice the page proposes for a series file (its default widgets)."""
    key = statistics.key_column(table, statistics.SERIES)
    unit = statistics_columns.unit_column(table)
    categories = statistics_columns.proposed_categories(table, {header for header in (key, unit) if header})
    offered = statistics.value_columns(table, statistics.SERIES, key, [*categories, *([unit] if unit else [])])
    return Choice(statistics.SERIES, columns=statistics.figure_columns(table, offered), categories=categories,
                  unit_column=unit)


def test_codes_keep_letters_of_any_script_and_german_umlauts_written_out():
    assert statistics.slug("Нарынская область") == "нарынская-область"
    assert statistics.slug("Ärzte je 1.000 Einw.") == "aerzte-je-1-000-einw"
    assert statistics.slug("Café_Ü1") == "café-ue1"
    assert statistics.slug("—") == "x"
    assert statistics.make_code("06432", "Arbeitslosenquote") == "06432-arbeitslosenquote"


def test_cyrillic_open_sdg_file_imports_with_the_proposed_categories_and_readable_distinct_codes(engine, mini_plan):
    table = _table("sdg-kyrillisch.csv")
    assert statistics.detect_shape(table) == statistics.SERIES
    choice = _proposed(table)
    assert choice.categories == ["Территория", "Пол", "Возраст"] and choice.columns == ["Value"]
    reshaped = statistics.reshape(table, choice)
    titles = {row.cells[0]: row.cells[1] for row in reshaped.tables[0].rows}
    assert titles["женщины"] == "Женщины"
    assert titles["нарынская-область-женщины"] == "Нарынская область, Женщины"
    assert titles["insgesamt"] == "insgesamt"
    # "0-17 лет" and "0–17 лет" give the same text code: the second is kept apart by a short hash
    young = sorted(code for code, title in titles.items() if "17" in title)
    assert len(young) == 2 and young[0] == "0-17-лет" and young[1].startswith("0-17-лет-")
    assert (reshaped.indicators, reshaped.values) == (7, 11)
    _import(engine, reshaped)
    values = _values(engine)
    assert values["нарынская-область"] == [(dt.date(2020, 12, 31), 44.1), (dt.date(2021, 12, 31), 43.0)]
    assert values["insgesamt"] == [(dt.date(2020, 12, 31), 35.0), (dt.date(2021, 12, 31), 31.7)]


def test_rows_that_are_the_same_in_every_column_are_refused_as_duplicates_never_with_a_dash():
    headers = ["Year", "Пол", "Value"]
    rows = [RawRow(2, ["2020", "Женщины", "1"]), RawRow(3, ["2021", "Женщины", "2"]),
            RawRow(4, ["2020", "Женщины", "1"])]
    table = RawTable("doppelt", headers, rows, "utf-8", ",")
    with pytest.raises(ChoiceRefused) as refused:
        statistics.reshape(table, Choice(statistics.SERIES, columns=["Value"], categories=["Пол"]))
    text = str(refused.value)
    assert "Zeilen 2 und 4" in text and "doppelte Zeilen" in text and "–" not in text


def test_long_file_with_several_units_per_group_is_a_series_each_unit_its_own_indicator(engine, mini_plan):
    table = _table("sdg-einheiten.csv")
    assert statistics.region_column(table) is None  # the Value column holds figures, not region codes
    assert statistics.detect_shape(table) == statistics.SERIES
    choice = _proposed(table)
    assert choice.unit_column == "Units" and choice.categories == ["Sheltered/Unsheltered", "Gender"]
    assert statistics.unit_varies(table, choice.categories, "Units")
    reshaped = statistics.reshape(table, choice)  # the proposal imports without a refusal
    units = {row.cells[1]: row.cells[3] for row in reshaped.tables[0].rows}
    assert units["Percent of Total Population"] == "Percent of Total Population"
    assert units["Total by Gender"] == "Total by Gender"
    assert units["male, Total by Gender"] == "Total by Gender"
    assert (reshaped.indicators, reshaped.values) == (7, 14)
    _import(engine, reshaped)
    values = _values(engine)
    assert values["percent-of-total-population"] == [(dt.date(2019, 12, 31), 0.91), (dt.date(2020, 12, 31), 0.97)]
    assert values["total-by-gender"] == [(dt.date(2019, 12, 31), 36165.0), (dt.date(2020, 12, 31), 41290.0)]


def test_actual_and_planned_columns_never_make_one_series(engine, mini_plan):
    table = _table("haushalt-ist-plan.csv")
    assert statistics.detect_shape(table) == statistics.WIDE
    assert not statistics_columns.overlapping(table.headers)  # the years do not overlap, still never mixed
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["02"]))
    titles = {row.cells[0]: row.cells[1] for row in reshaped.tables[0].rows}
    assert titles == {"02-ergebnis": "Sicherheit und Ordnung (02) (Ergebnis)",
                      "02-plan": "Sicherheit und Ordnung (02) (Plan)"}
    _import(engine, reshaped)
    values = _values(engine)
    assert values["02-ergebnis"] == [(dt.date(2010, 12, 31), 10000.0)]
    assert values["02-plan"] == [(dt.date(2011, 12, 31), 35000.0), (dt.date(2012, 12, 31), 35500.0)]
    one_kind = statistics.reshape(table, Choice(statistics.WIDE, rows=["02"], columns=["Plan 2011", "Plan 2012"]))
    assert [row.cells[:2] for row in one_kind.tables[0].rows] == [["02", "Sicherheit und Ordnung (02)"]]  # one kind: no suffix


def test_two_columns_of_one_kind_and_period_are_refused():
    table = RawTable("doppelt", ["Gebiet", "Plan 2023", "Plan_2023", "Ergebnis 2023"],
                     [RawRow(2, ["Nord", "1", "2", "3"])], "utf-8", ";")
    with pytest.raises(ChoiceRefused, match="„Plan 2023“, „Plan_2023“"):
        statistics.reshape(table, Choice(statistics.WIDE, rows=["Nord"]))
    assert statistics.reshape(table, Choice(statistics.WIDE, rows=["Nord"], columns=["Plan 2023", "Ergebnis 2023"]))


def test_wide_table_offers_no_sub_headings_and_names_repeated_rows_with_their_heading(engine, mini_plan):
    table = _table("breit-unterueberschriften.csv")
    assert statistics.detect_shape(table) == statistics.WIDE
    options = [value for value, _ in statistics.row_options(table, statistics.WIDE, "Items")]
    assert options == ["Republic", "By sex – Women", "By sex – Men", "North oblast", "North oblast – Women",
                       "North oblast – Men", "South oblast", "South oblast – Women", "South oblast – Men"]
    choice = Choice(statistics.WIDE, rows=["North oblast – Women", "South oblast – Women"], key_column="Items")
    reshaped = statistics.reshape(table, choice)
    assert [row.cells[1] for row in reshaped.tables[0].rows] == ["North oblast – Women", "South oblast – Women"]
    assert (reshaped.indicators, reshaped.values) == (2, 6)
    _import(engine, reshaped)
    values = _values(engine)
    assert values["north-oblast-women"][0] == (dt.date(2021, 12, 31), 41.3)
    assert values["south-oblast-women"][-1] == (dt.date(2023, 12, 31), 33.5)
    cyrillic = [value for value, _ in statistics.row_options(table, statistics.WIDE)]
    assert "Северная область – Женщины" in cyrillic and "По полу" not in cyrillic
