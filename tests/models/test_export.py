"""Excel and CSV export (models/transfer/export.py). The command line's export, backup and restore:
tests/cli/test_transfer.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import queries
from models.commands import SYSTEM, add_status_report
from models.db import make_engine
from models.measures import MeasureFilters
from models.schema import Indicator, IndicatorValue, Measure, StatusReport
from models.transfer import layout
from models.transfer.export import (
    DATE_FORMAT,
    ExportOptions,
    collect,
    csv_file_name,
    csv_zip_bytes,
    describe_filters,
    excel_bytes,
)
from tests.cli.test_main import cli

AS_OF = dt.date(2024, 6, 30)
EXAMPLE_COUNTS = {"action_fields": 6, "guiding_goals": 10, "annual_goals": 48, "measures": 105,
                  "status_reports": 357, "indicators": 11}


@pytest.fixture(scope="module")
def example(example_sqlite_url):
    engine = make_engine(example_sqlite_url)
    plans = queries.plans(engine)
    plan_id = int(plans[plans["slug"] == "darmstadt-dieburg"]["id"].iloc[0])
    yield engine, plan_id
    engine.dispose()


def _workbook(data):
    return load_workbook(io.BytesIO(excel_bytes(data)))


def _records(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def _csv(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    raw = archive.read(name)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: German Excel detects the encoding
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_example_plan_in_excel_has_every_level_with_its_german_headers_and_counts(example):
    engine, plan_id = example
    book = _workbook(collect(engine, plan_id))
    assert book.sheetnames == [layout.INFO_SHEET] + [level.sheet for level in layout.LEVELS]
    for level in layout.LEVELS:
        headers = [cell.value for cell in book[level.sheet][1]]
        assert headers == level.headers + list(level.derived)
    for name, count in EXAMPLE_COUNTS.items():
        assert book[layout.level(name).sheet].max_row - 1 == count, name
    info = {row[0]: row[1] for row in book["Info"].iter_rows(values_only=True)}
    assert info["Plan-Kürzel"] == "darmstadt-dieburg" and info["Zieljahr"] == 2030
    assert "Beispieldaten" in info["Hinweis"] and info["Filter der Maßnahmen"] == "keine"
    assert info["Stand"].date() == dt.date.today()


def test_excel_cells_are_typed_and_formatted_the_german_way(example):
    engine, plan_id = example
    book = _workbook(collect(engine, plan_id, ExportOptions(as_of=AS_OF)))
    sheet = book["Maßnahmen"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:S{sheet.max_row}"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["C"].width > 20
    first = _records(sheet)[0]
    assert first["Code"] == "M2019-01-01" and first["Jahresziel"] == "JZ2019-01"
    assert first["Beginn"] == dt.datetime(2019, 3, 1) and sheet["H2"].number_format == DATE_FORMAT
    assert first["Gewicht"] == 2 and sheet["J2"].number_format == "#,##0"
    assert first["Ausgelaufen"] == "nein" and first["Status zum Stand"] == "abgeschlossen"
    assert first["Ampel"].startswith("Grün – ")  # the colour comes with words
    assert "; " in first["Partner"]
    years = book["Jahresziele"]
    assert years["C2"].value == 2019 and years["C2"].number_format == "0"  # no "2.019"
    kennzahl = _records(book["Kennzahlen"])[0]
    assert kennzahl["Richtung"] in ("steigend", "fallend") and kennzahl["Art"] in ("Ergebnis", "Kontext")
    values = book["Kennzahlwerte"]
    assert all(isinstance(row[2], (int, float)) for row in values.iter_rows(min_row=2, values_only=True))


def test_the_stand_limits_reports_and_values_to_their_dates(example):
    engine, plan_id = example
    data = collect(engine, plan_id, ExportOptions(as_of=AS_OF))
    with Session(engine) as session:
        reports = session.scalar(select(func.count()).select_from(StatusReport).join(Measure)
                                 .where(Measure.plan_id == plan_id, StatusReport.report_date <= AS_OF))
        values = session.scalar(select(func.count()).select_from(IndicatorValue).join(Indicator)
                                .where(Indicator.plan_id == plan_id, IndicatorValue.value_date <= AS_OF))
    assert 0 < data.count("status_reports") == reports < EXAMPLE_COUNTS["status_reports"]
    assert data.count("indicator_values") == values
    assert all(row["report_date"] <= AS_OF for row in data.rows["status_reports"])
    assert ("Stand", AS_OF) in data.info


def test_measure_filters_limit_measures_reports_and_organisations(example):
    engine, plan_id = example
    filters = MeasureFilters(action_fields=("HF1",), statuses=("abgeschlossen",))
    data = collect(engine, plan_id, ExportOptions(as_of=AS_OF, filters=filters))
    states = queries.measure_states(engine, plan_id, AS_OF)
    expected = set(states[(states["status"] == "abgeschlossen")]["code"])
    codes = {row["code"] for row in data.rows["measures"]}
    assert codes and codes < expected
    assert {row["measure"] for row in data.rows["status_reports"]} <= codes
    named = {row["lead_organisation"] for row in data.rows["measures"]} - {None}
    assert named <= {row["name"] for row in data.rows["organisations"]}
    assert data.count("action_fields") == 6  # the structure stays whole: references resolve
    assert dict(data.info)["Filter der Maßnahmen"] == "Handlungsfeld: HF1; Status: abgeschlossen"
    assert describe_filters(MeasureFilters(prioritised_only=True, search=" kurs ")) == (
        "nur priorisierte Jahresziele; Suche: kurs")


def _inject(engine, plan_id):
    """Text that Excel would run as a formula, a report awaiting release, a small count of people."""
    with Session(engine) as session, session.begin():
        measure = session.scalar(select(Measure).where(Measure.plan_id == plan_id, Measure.code == "M1"))
        measure.title = '=HYPERLINK("http://example.org","klick")'
        measure.description = "-2+3"
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 6, 20), status="in Umsetzung",
                                 progress=60, summary="@SUM(A1)", obstacles="\tTab", next_steps="+49 6151",
                                 released=False))
        indicator = session.scalar(select(Indicator).where(Indicator.plan_id == plan_id))
        session.add(IndicatorValue(indicator_id=indicator.id, value_date=dt.date(2024, 3, 31), value=3.0))


def test_formula_text_stays_text_in_excel_and_is_prefixed_in_csv(engine, mini_plan):
    _inject(engine, mini_plan)
    data = collect(engine, mini_plan, ExportOptions(as_of=AS_OF))
    book = _workbook(data)
    m1 = next(row for row in book["Maßnahmen"].iter_rows(min_row=2) if row[0].value == "M1")
    title = m1[2]
    assert title.value == '=HYPERLINK("http://example.org","klick")'
    assert title.data_type == "s" and title.quotePrefix  # text, shown as text, value exact
    assert m1[3].quotePrefix and m1[3].value == "-2+3"
    assert not m1[0].quotePrefix
    reports = [row for row in book["Sachstände"].iter_rows(min_row=2) if row[4].value == "@SUM(A1)"]
    assert reports and all(cell.data_type != "f" for row in book["Sachstände"].iter_rows() for cell in row)

    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(data)))
    rows = [row for row in _csv(archive, csv_file_name("Maßnahmen", 5)) if row[0] == "M1"]
    assert rows[0][2] == "'=HYPERLINK(\"http://example.org\",\"klick\")" and rows[0][3] == "'-2+3"
    report = next(row for row in _csv(archive, csv_file_name("Sachstände", 6)) if row[4] == "'@SUM(A1)")
    assert report[5] == "'\tTab" and report[6] == "'+49 6151" and report[9] == "nein"


def test_the_public_export_leaves_out_unreleased_reports_and_small_counts(engine, mini_plan):
    _inject(engine, mini_plan)
    inside = collect(engine, mini_plan, ExportOptions(as_of=AS_OF))
    public = collect(engine, mini_plan, ExportOptions(as_of=AS_OF, released_only=True, confidentiality_threshold=5))
    assert inside.count("status_reports") == public.count("status_reports") + 1
    assert all(row["released"] for row in public.rows["status_reports"])
    assert 3.0 in [row["value"] for row in inside.rows["indicator_values"]]
    assert 3.0 not in [row["value"] for row in public.rows["indicator_values"]]
    assert dict(public.info)["Nur freigegebene Sachstände"] == "ja"


@pytest.mark.parametrize("empty_url", ["sqlite"], indirect=True)
def test_csv_zip_has_one_file_per_level_in_german_excel_conventions(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.scalar(select(Measure).where(Measure.code == "M1")).weight = 1234.5
    data = collect(engine, mini_plan, ExportOptions(as_of=AS_OF))
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(data)))
    assert archive.namelist() == ["00-Info.csv"] + [
        csv_file_name(level.sheet, index) for index, level in enumerate(layout.LEVELS, start=1)]
    assert "05-Massnahmen.csv" in archive.namelist() and "06-Sachstaende.csv" in archive.namelist()
    assert b"\r\n" in archive.read("01-Handlungsfelder.csv")
    goals = _csv(archive, csv_file_name("Jahresziele", 3))
    assert goals[0] == layout.ANNUAL_GOALS.headers + list(layout.LEVEL_STATE_HEADERS)
    first = {row[0]: dict(zip(goals[0], row)) for row in goals[1:]}["JZ2024-01"]
    # rule "level light": M1 green, M2 yellow are active, M3 ausgesetzt is not
    assert [first[header] for header in layout.LEVEL_STATE_HEADERS] == [
        "Gelb – Verzug", "0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen",
        "50\xa0% der laufenden Maßnahmen sind rot oder gelb; ab 20\xa0% ist die Ebene gelb"]
    field_rows = _csv(archive, csv_file_name("Handlungsfelder", 1))
    fields = {row[0]: dict(zip(field_rows[0], row)) for row in field_rows[1:]}
    assert (fields["HF1"]["Ampel zum Stand"], fields["HF2"]["Verteilung der laufenden Maßnahmen"]) == (
        "Rot – kritisch", "keine laufenden Maßnahmen")
    assert first["Beschlussdatum"] == "01.02.2024" and first["Priorisiert"] == "ja" and first["Jahr"] == "2024"
    values = _csv(archive, csv_file_name("Kennzahlen", 7))
    indicator = dict(zip(values[0], values[1]))
    assert indicator["Ausgangswert"] == "100" and indicator["Bezug"] == "LZ1" and indicator["Richtung"] == "steigend"
    info = dict(_csv(archive, "00-Info.csv")[1:])
    assert info["Plan-Kürzel"] == "mini" and info["Stand"] == "30.06.2024"
    rows = _csv(archive, csv_file_name("Maßnahmen", 5))
    assert {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}["M1"]["Gewicht"] == "1234,5"


# --- B6: control characters ----------------------------------------------------------------------

PASTED = "Folie 3: Kurse laufen\u000bTeilnahme 80 %"  # U+000B: PowerPoint's soft line break


def _m2(session) -> Measure:
    return session.scalar(select(Measure).where(Measure.code == "M2"))


def _exported_summaries(data) -> list[str]:
    return [row["Zusammenfassung"] for row in _records(_workbook(data)["Sachstände"])]


def test_b6_a_vertical_tab_pasted_into_a_sachstand_is_stored_as_a_line_break(engine, mini_plan):
    with Session(engine) as session, session.begin():
        measure = _m2(session)
        report = add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date(2024, 6, 20),
                                   status="in Umsetzung", progress=40, summary=PASTED, today=AS_OF)
        assert report.summary == "Folie 3: Kurse laufen\nTeilnahme 80 %"
    assert "Folie 3: Kurse laufen\nTeilnahme 80 %" in _exported_summaries(collect(engine, mini_plan,
                                                                                  ExportOptions(as_of=AS_OF)))


def test_b6_rows_stored_before_the_cleaning_still_export_to_excel_csv_and_the_command_line(engine, mini_plan,
                                                                                          tmp_path):
    with Session(engine) as session, session.begin():  # as stored before the commands cleaned texts
        session.add(StatusReport(measure_id=_m2(session).id, report_date=dt.date(2024, 6, 20),
                                 status="in Umsetzung", progress=40, summary=PASTED, obstacles="Esc\u001b-Taste"))
    data = collect(engine, mini_plan, ExportOptions(as_of=AS_OF))
    assert "Folie 3: Kurse laufen\nTeilnahme 80 %" in _exported_summaries(data)
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(data)))
    report = next(row for row in _csv(archive, csv_file_name("Sachstände", 6)) if row[4].startswith("Folie 3"))
    assert report[4] == "Folie 3: Kurse laufen\nTeilnahme 80 %" and report[5] == "Esc-Taste"
    out = tmp_path / "plan.xlsx"
    result = cli("export", "--format", "xlsx", "--plan", "mini", "--out", str(out),
                 url=engine.url.render_as_string(hide_password=False))
    assert result.returncode == 0, result.stderr
    assert "Folie 3: Kurse laufen\nTeilnahme 80 %" in [row["Zusammenfassung"] for row in
                                                       _records(load_workbook(out)["Sachstände"])]
