"""Eurostat tables and the smaller statistics faults of the fourth outside review (issue 14, shapes 6-8): a
Eurostat TSV (dimension codes in the first header cell, flags beside the values, ":" for no value), its
transposed form, problem places in the file's own rows and columns, and a year header with a footnote mark.
Each invented file goes through the functions the page uses (read_file -> statistics.reshape ->
importer.preview -> importer.apply) on a real database."""

import datetime as dt

from sqlalchemy.orm import Session

from models.formats import period_end
from models.transfer import eurostat, importer, statistics, statistics_columns
from models.transfer.header_lines import footnoted_years
from models.transfer.importer import Target
from models.transfer.statistics import Choice
from tests.models.test_import_statistics import ADMIN, TODAY, _import, _table, _values


def test_eurostat_cells_give_the_number_and_its_flags_and_colon_is_missing():
    assert eurostat.split_cell("-27007 e") == ("-27007", "e")
    assert eurostat.split_cell("43110 b") == ("43110", "b")
    assert eurostat.split_cell(": c") == (":", "c")
    assert eurostat.split_cell(":") == (":", "")
    assert eurostat.split_cell("12 x") == ("12 x", "")  # not a Eurostat flag: left for its own message
    assert eurostat.dimensions("indic_de,geo\\time") == (["indic_de", "geo"], "time")
    assert eurostat.dimensions("Gebiet") is None
    assert [period_end(p) for p in ("2015M01", "2015Q3", "2015-S1", "2015S2")] == [
        dt.date(2015, 1, 31), dt.date(2015, 9, 30), dt.date(2015, 6, 30), dt.date(2015, 12, 31)]


def test_eurostat_table_imports_its_rows_with_missing_empty_and_flags_named(engine, mini_plan):
    table = _table("eurostat-wanderung.tsv")
    assert table.headers == ["indic_de,geo", "indic_de", "geo", "2021", "2020", "2019", "2018"]
    assert statistics.detect_shape(table) == statistics.WIDE
    assert statistics.key_column(table, statistics.WIDE) == "indic_de,geo"
    options = statistics.row_options(table, statistics.WIDE)
    assert [value for value, _ in options][:2] == ["CNMIGRAT,DE7", "CNMIGRAT,DE71"]
    assert all(value and label for value, label in options)  # the row list never begins with an empty option
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["CNMIGRAT,DE71", "CNMIGRAT,DE711"]))
    assert (reshaped.indicators, reshaped.values) == (2, 6)  # 2021 is ":" in both rows: no value, never 0
    lines = statistics.note_lines(reshaped.notes)
    assert "Zeile 3, Spalte „2021“: kein Wert („:“): bleibt leer, nicht 0" in lines
    assert "2 Wert(e) mit Kennzeichen e (geschätzt): CNMIGRAT,DE71 2020, CNMIGRAT,DE71 2019" in lines
    assert "1 Wert(e) mit Kennzeichen b (Zeitreihenbruch): CNMIGRAT,DE71 2018" in lines
    assert "1 Wert(e) mit Kennzeichen c (vertraulich): CNMIGRAT,DE711 2021" in lines  # a missing value's flag
    assert "1 Wert(e) mit Kennzeichen p (vorläufig): CNMIGRAT,DE711 2018" in lines
    assert not any("18807" in line for line in lines)  # a row not picked: its flags are not the import's
    _import(engine, reshaped)
    values = _values(engine)
    assert values["cnmigrat-de71"] == [(dt.date(2018, 12, 31), 6020.0), (dt.date(2019, 12, 31), 5893.0),
                                       (dt.date(2020, 12, 31), 6112.0)]
    assert values["cnmigrat-de711"][1] == (dt.date(2019, 12, 31), -87.0)


def test_eurostat_rows_can_be_picked_by_one_dimension(engine, mini_plan):
    table = _table("eurostat-wanderung.tsv")
    assert "DE71" in dict(statistics.row_options(table, statistics.WIDE, "geo"))
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["DE71"], key_column="geo"))
    # CNMIGRAT and POP share the region: each its own indicator, told apart by the indicator code
    assert sorted(row.cells[1] for row in reshaped.tables[0].rows) == ["DE71 – CNMIGRAT", "DE71 – POP"]


def test_transposed_eurostat_table_is_a_series_with_regions_as_columns(engine, mini_plan):
    table = _table("eurostat-quer.tsv")
    assert table.headers == ["unit", "sex", "time", "DE7", "DE71", "DE711"]
    assert statistics.detect_shape(table) == statistics.SERIES
    assert statistics.key_column(table, statistics.SERIES) == "time"
    reshaped = statistics.reshape(table, Choice(statistics.SERIES, columns=["DE711"], categories=["sex"],
                                                unit_column="unit"))
    lines = statistics.note_lines(reshaped.notes)
    assert "1 Wert(e) mit Kennzeichen e (geschätzt): 2021S1 DE711" in lines
    _import(engine, reshaped)
    values = _values(engine)
    assert values[statistics.make_code("T")] == [(dt.date(2021, 6, 30), 297844.0)]  # 2021S2 ": c" stays empty
    assert values[statistics.make_code("F")] == [(dt.date(2021, 6, 30), 151003.0)]


def test_value_problems_name_the_files_row_and_period_column(engine, mini_plan):
    table = _table("eurostat-wanderung.tsv")
    table.rows[1].cells[5] = "58x3"  # CNMIGRAT,DE71 in 2019: no number
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["CNMIGRAT,DE71"]))
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"),
                                   today=TODAY)
    [problem] = preview.problems
    assert (problem.sheet, problem.row, problem.column) == ("eurostat-wanderung", 3, "2019")
    assert problem.text().startswith("Datei „eurostat-wanderung“, Zeile 3, Spalte „2019“: ")


def test_year_header_with_a_footnote_mark_is_the_year_and_the_footnote_is_named(engine, mini_plan):
    table = _table("fussnote-jahr.csv")
    assert table.headers == ["Gebiet", "2019", "2020", "2021", "2022", "2023"]
    assert statistics_columns.wide_columns(table.headers) == ["2019", "2020", "2021", "2022", "2023"]
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["Landkreis Darmstadt-Dieburg"]))
    assert "Spalte „2022“: Spalte „20221“ als Jahr 2022 gelesen, mit Fußnote 1" in statistics.note_lines(
        reshaped.notes)
    _import(engine, reshaped)
    assert (dt.date(2022, 12, 31), 73.0) in _values(engine)["landkreis-darmstadt-dieburg"]


def test_rule_footnote_mark_only_beside_consecutive_years():
    assert footnoted_years(["Gebiet", "2020", "2021", "20221"]) == (["Gebiet", "2020", "2021", "2022"],
                                                                    {"2022": "1"})
    assert footnoted_years(["Gebiet", "20221", "Einwohner"])[1] == {}  # no year beside: a number, not a year
    assert footnoted_years(["2021", "20212"])[1] == {}  # 2021 is a header already


def test_rule_context_indicator_without_target_has_no_direction():
    from models.rules import direction_is_set
    assert not direction_is_set("context", None) and not direction_is_set("context", float("nan"))
    assert direction_is_set("context", 17.0) and direction_is_set("result", None)
