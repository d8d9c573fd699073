"""Statistics files as context indicators (issue 14, shapes 6-9): each fixture of tests/fixtures/imports goes
through the functions the page uses (read_file -> statistics.reshape -> importer.preview -> importer.apply) on
a real database; counts, dates, missing values empty (never 0), nothing dropped silently, re-import idempotent."""

import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.schema import ActionField, Indicator, IndicatorValue, Measure, Plan, StatusReport
from models.transfer import backup, importer, statistics
from models.transfer.importer import Target
from models.transfer.parsing import UnreadableFile, read_file
from models.transfer.statistics import Choice
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"
TODAY = dt.date(2026, 12, 6)
ADMIN = Actor(name="Büro", role="admin")


def _table(name: str):
    return read_file(name, (IMPORTS / name).read_bytes())[0]


def _import(engine, reshaped, slug="mini"):
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug=slug), today=TODAY)
    assert preview.ok, preview.messages()
    with Session(engine) as session, session.begin():
        applied = importer.apply(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug=slug), today=TODAY,
                                 source="test")
    return preview, applied


def _values(engine, slug="mini") -> dict[str, list[tuple[dt.date, float]]]:
    with Session(engine) as session:
        rows = session.execute(select(Indicator.code, IndicatorValue.value_date, IndicatorValue.value)
                               .join(IndicatorValue.indicator).join(Plan).where(Plan.slug == slug)
                               .order_by(Indicator.code, IndicatorValue.value_date)).all()
    found: dict[str, list] = {}
    for code, when, value in rows:
        found.setdefault(code, []).append((when, value))
    return found


def test_official_table_is_read_with_title_rows_hierarchy_and_proposals():
    table = _table("regionalstatistik.csv")
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert table.headers[:2] == ["Spalte 1", "Spalte 2"]  # the empty first header cells kept as columns
    assert statistics.detect_shape(table) == statistics.OFFICIAL
    assert statistics.key_column(table, statistics.OFFICIAL) == "Spalte 1"
    options = dict(statistics.row_options(table, statistics.OFFICIAL))
    assert options["06432"] == "06432 – ····Darmstadt-Dieburg, Landkreis"  # indentation shown
    assert options["064"].startswith("064 – ··Darmstadt")
    assert "__________" not in options
    assert statistics.proposed_stand(table) == dt.date(2024, 12, 31)
    assert statistics.proposed_source(table).startswith("Statistisches Landesamt Musterland")


def test_official_rows_and_columns_become_context_indicators(engine, mini_plan):
    table = _table("regionalstatistik.csv")
    choice = Choice(statistics.OFFICIAL, rows=["06432", "06433"], columns=["Ausländer", "Arbeitslose",
                                                                          "Arbeitslosenquote"],
                    stand=dt.date(2024, 12, 31), source="Statistisches Landesamt (erfunden)")
    reshaped = statistics.reshape(table, choice)
    assert (reshaped.indicators, reshaped.values) == (6, 4)  # "x" and "-" give no value
    preview, applied = _import(engine, reshaped)
    assert preview.counts["indicators"].new == 6 and preview.counts["indicator_values"].new == 4
    values = _values(engine)
    assert values["06432-arbeitslose"] == [(dt.date(2024, 12, 31), 9870.0)]
    assert values["06432-arbeitslosenquote"] == [(dt.date(2024, 12, 31), 4.9)]
    assert "06432-auslaender" not in values and "06433-arbeitslose" not in values  # empty, never 0
    with Session(engine) as session:
        indicator = session.scalar(select(Indicator).where(Indicator.code == "06432-arbeitslose"))
        assert indicator.kind == "context" and indicator.source == "Statistisches Landesamt (erfunden)"
        assert indicator.title == "Arbeitslose – Darmstadt-Dieburg, Landkreis (06432)"
    lines = statistics.note_lines(reshaped.notes)
    assert "Zeile 7, Spalte „Ausländer“: kein Wert („x“): bleibt leer, nicht 0" in lines
    assert "Zeile 8, Spalte „Arbeitslose“: kein Wert („-“): bleibt leer, nicht 0" in lines
    assert "Spalte „Einwohner insgesamt“: Spalte nicht übernommen" in lines
    assert any("weitere Zeile(n) nicht gewählt" in line for line in lines)
    # re-importing the same choice changes nothing
    with Session(engine) as session:
        again = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"), today=TODAY)
    assert again.ok and again.changed_rows == 0


def test_official_choice_by_value_refuses_unknown_rows_and_columns_in_german():
    table = _table("regionalstatistik.csv")
    with pytest.raises(statistics.ChoiceRefused, match="Diese Zeilen gibt es .* nicht: „99999“"):
        statistics.reshape(table, Choice(statistics.OFFICIAL, rows=["99999"], columns=["Arbeitslose"],
                                         stand=dt.date(2024, 12, 31)))
    with pytest.raises(statistics.ChoiceRefused, match="Diese Spalten gibt es nicht"):
        statistics.reshape(table, Choice(statistics.OFFICIAL, rows=["06432"], columns=["Einwohner"],
                                         stand=dt.date(2024, 12, 31)))
    with pytest.raises(statistics.ChoiceRefused, match="Stand"):
        statistics.reshape(table, Choice(statistics.OFFICIAL, rows=["06432"], columns=["Arbeitslose"]))


def test_series_tsv_with_bom_quotes_and_mixed_periods(engine, mini_plan):
    table = _table("zeitreihe.tsv")
    assert table.encoding == "utf-8-sig" and table.delimiter == "\t"
    assert statistics.detect_shape(table) == statistics.SERIES
    reshaped = statistics.reshape(table, Choice(statistics.SERIES, columns=["Arbeitslose", "Quote in %"],
                                                source="Bundesagentur (erfunden)", unit="Personen"))
    _import(engine, reshaped)
    values = _values(engine)
    assert values["arbeitslose"] == [
        (dt.date(2005, 1, 31), 1234.0), (dt.date(2005, 2, 28), 1198.0), (dt.date(2005, 3, 31), 1150.0),
        (dt.date(2005, 5, 31), 1101.0), (dt.date(2006, 12, 31), 13500.0), (dt.date(2015, 9, 30), 990.0)]
    assert [when for when, _ in values["quote-in"]][3] == dt.date(2005, 4, 30)
    assert len(values["quote-in"]) == 6  # "." in May: empty
    lines = statistics.note_lines(reshaped.notes)
    assert "Zeile 5, Spalte „Arbeitslose“: kein Wert („-“): bleibt leer, nicht 0" in lines


def test_series_with_an_unreadable_period_is_refused_with_its_row(engine, mini_plan, tmp_path):
    data = "Jahr;Wert\n2019;1\nirgendwann;2\n".encode()
    table = read_file("reihe.csv", data)[0]
    reshaped = statistics.reshape(table, Choice(statistics.SERIES, columns=["Wert"]))
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"))
    assert not preview.ok
    assert [problem.row for problem in preview.problems] == [3]


def test_wide_monthly_table_turns_long_and_names_every_column_left_out(engine, mini_plan):
    table = _table("monatswerte-breit.csv")
    assert statistics.detect_shape(table) == statistics.WIDE
    assert statistics.value_columns(table, statistics.WIDE) == ["2015_01", "2015_02", "2015_03", "2015-04"]
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["Deutschland", "Schweiz"],
                                                columns=["2015_01", "2015_02", "2015-04"]))
    _import(engine, reshaped)
    values = _values(engine)
    assert values["deutschland"] == [(dt.date(2015, 1, 31), 1200.0), (dt.date(2015, 2, 28), 1350.0),
                                     (dt.date(2015, 4, 30), 1500.0)]
    assert values["schweiz"] == [(dt.date(2015, 1, 31), 210.0), (dt.date(2015, 4, 30), 240.0)]
    lines = statistics.note_lines(reshaped.notes)
    assert "Spalte „2015_03“: Spalte nicht übernommen" in lines
    assert "Spalte „Bemerkung“: Spalte nicht übernommen" in lines
    assert "Spalte „Land“: 1 weitere Zeile(n) nicht gewählt" in lines
    assert "Zeile 5, Spalte „2015_02“: kein Wert („x“): bleibt leer, nicht 0" in lines


def test_plan_layout_files_are_not_taken_for_statistics():
    table = read_file("werte.csv", "Kennzahl;Datum;Wert\nK1;31.12.2023;5\nK1;31.12.2024;6\n".encode())[0]
    assert statistics.detect_shape(table) is None


def test_json_plan_format_imports_every_level(engine):
    tables = read_file("plan.json", (IMPORTS / "plan.json").read_bytes())
    with Session(engine) as session, session.begin():
        result = importer.apply(session, ADMIN, tables, importer.propose(tables), Target(), today=TODAY)
    assert result.new_plan and result.plan_slug == "json-plan"
    assert {name: count.new for name, count in result.counts.items()} == {
        "plan": 1, "action_fields": 2, "guiding_goals": 1, "annual_goals": 1, "measures": 1, "status_reports": 1,
        "indicators": 1, "indicator_values": 1}
    with Session(engine) as session:
        report = session.scalar(select(StatusReport))
        assert (report.report_date, report.status, report.progress) == (dt.date(2025, 6, 30), "in Umsetzung", 40)
        assert session.scalar(select(Measure.start_date)) == dt.date(2025, 2, 1)
    with Session(engine) as session:
        again = importer.preview(session, ADMIN, tables, importer.propose(tables), Target(), today=TODAY)
    assert again.ok and again.changed_rows == 0


def test_foreign_json_list_of_objects_becomes_a_table_and_other_json_says_what_was_found():
    tables = read_file("fremde-liste.json", (IMPORTS / "fremde-liste.json").read_bytes())
    assert [(table.name, len(table.rows)) for table in tables] == [("fremde-liste", 17)]
    assert tables[0].headers == ["id", "path", "depth", "übergeordnet", "title"]  # parent derived from depth
    with pytest.raises(UnreadableFile) as refused:
        read_file("fremd.json", b'{"name": "x", "werte": [1, 2]}')
    message = str(refused.value)
    assert "ein Objekt mit den Feldern „name“, „werte“ (Liste mit 2 Einträgen)" in message
    assert "JSON-Planformat" in message and "Sicherung" in message


def test_backup_of_one_plan_imports_as_its_workbook(engine, mini_plan, tmp_path):
    document = backup.backup(engine, plan_id=mini_plan)
    data = backup.dumps(document).encode()
    tables = read_file("sicherung.json", data)
    with Session(engine) as session:
        result = importer.preview(session, ADMIN, tables, importer.propose(tables), Target(slug="mini"))
    assert result.ok, result.messages()
    assert result.changed_rows == 0 and result.counts["action_fields"].unchanged > 0
    whole = json.loads(data)
    whole["tables"]["plan"]["rows"] *= 2
    with pytest.raises(UnreadableFile, match="Sicherung mit 2 Plänen"):
        read_file("sicherung.json", json.dumps(whole).encode())


@pytest.mark.parametrize("name", ["bericht.pdf", "tabelle.ods", "alt.xls", "notiz.docx"])
def test_unsupported_types_are_refused_naming_the_supported_ones(name):
    with pytest.raises(UnreadableFile) as refused:
        read_file(name, b"\x00\x01 binary")
    message = str(refused.value)
    assert "kann der Import nicht lesen" in message or ".xls" in message
    if not name.endswith(".xls"):
        assert ".tsv" in message and ".json" in message


def test_action_fields_untouched_by_a_statistics_import(engine, mini_plan):
    with Session(engine) as session:
        before = session.scalar(select(func.count(ActionField.id)))
    table = _table("monatswerte-breit.csv")
    _import(engine, statistics.reshape(table, Choice(statistics.WIDE, rows=["Österreich"])))
    with Session(engine) as session:
        assert session.scalar(select(func.count(ActionField.id))) == before
    assert "oesterreich" in _values(engine)


def test_wide_regional_table_keeps_the_region_names_in_titles():
    data = ("Kennziffer;Gebiet;2021;2022;2023\n06432;  Darmstadt-Dieburg;1.000;1.100;…\n"
            "06433;  Groß-Gerau;900;x;950\n").encode("cp1252")
    table = read_file("kreise.csv", data)[0]
    assert statistics.detect_shape(table) == statistics.WIDE
    assert dict(statistics.row_options(table, statistics.WIDE))["06432"] == "06432 – ··Darmstadt-Dieburg"
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["06432"]))
    assert [row.cells[:2] for row in reshaped.tables[0].rows] == [["06432", "Darmstadt-Dieburg (06432)"]]
    assert [row.cells[1:3] for row in reshaped.tables[1].rows] == [["2021", 1000.0], ["2022", 1100.0]]  # read with the file's mark
    lines = statistics.note_lines(reshaped.notes)
    assert "Zeile 2, Spalte „2023“: kein Wert („…“): bleibt leer, nicht 0" in lines
    assert not any("„Gebiet“" in line for line in lines)  # the names are used, in the titles


def test_kill_during_a_statistics_import_leaves_the_database_unchanged(tmp_path):
    """The statistics path writes through the same all-or-nothing apply: SIGKILL mid-write changes nothing."""
    import os
    import signal
    import subprocess
    import sys

    from models.db import make_engine, migrate
    from models.seed import insert_plan_document, read_document
    from tests.models.test_import_kill import ROOT, _snapshot

    database = tmp_path / "kill.db"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    engine.dispose()
    months = [f"{1900 + index // 12}_{index % 12 + 1:02d}" for index in range(1500)]
    series = tmp_path / "reihe.tsv"
    series.write_text("Monat\tA\tB\n" + "\n".join(f"{month}\t{i}\t{i},5" for i, month in enumerate(months)),
                      encoding="utf-8-sig")
    before = _snapshot(database)
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "--database-url", f"sqlite:///{database}", "import", str(series),
         "--plan", "mini", "--indicators", "--columns", "A;B"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    seen = []
    for line in process.stderr:
        seen.append(line)
        if " von " in line:  # a first batch of values has been written (uncommitted)
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, seen
    assert _snapshot(database) == before


def test_problems_download_lists_rows_and_what_was_left_out(engine, mini_plan):
    import io

    from openpyxl import load_workbook

    from models.transfer.problem_sheet import problems_xlsx

    table = read_file("reihe.csv", "Jahr;Wert\n2019;1\nirgendwann;=2\n2021;-\n".encode())[0]
    reshaped = statistics.reshape(table, Choice(statistics.SERIES, columns=["Wert"]))
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"))
    book = load_workbook(io.BytesIO(problems_xlsx(preview.problems, reshaped.notes)))
    problems = list(book["Probleme"].values)
    assert problems[0] == ("Blatt / Datei", "Zeile", "Spalte", "Problem")
    assert [row[1] for row in problems[1:]] == [3, 3]  # the period and the value of line 3
    assert list(book["Nicht übernommen"].values)[1] == (4, "Wert", "kein Wert („-“): bleibt leer, nicht 0")
