"""Import: preview counts, problems with sheet/row/column, all-or-nothing, idempotent re-import (SQLite and
PostgreSQL), the round trip from the Excel export, and random bad rows (hypothesis)."""

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor, PermissionDenied, VersionConflict
from models.db import make_engine, migrate
from models.schema import AuditEvent, IndicatorValue, Measure, Plan, StatusReport
from models.seed import insert_plan_document, read_document
from models.transfer import export, importer, template
from models.transfer.importer import ImportRefused, Problem, Target
from models.transfer.mapping import ColumnMapping
from models.transfer.parsing import read_csv, read_file
from tests.conftest import FIXTURES

TODAY = dt.date(2024, 6, 30)
ADMIN = Actor(name="Büro", role="admin")


def _state(engine) -> tuple:
    """What an import may change: row counts, audit events, the change counters."""
    with Session(engine) as session:
        return (
            session.scalar(select(func.count(StatusReport.id))),
            session.scalar(select(func.count(IndicatorValue.id))),
            session.scalar(select(func.count(Measure.id))),
            session.scalar(select(func.count(AuditEvent.id))),
            tuple(session.scalars(select(Plan.change_counter).order_by(Plan.id))),
        )


def _preview(engine, tables, mappings=None, target=None, actor=ADMIN):
    with Session(engine) as session:
        return importer.preview(session, actor, tables, mappings or importer.propose(tables),
                                target or Target(slug="mini"), today=TODAY)


def _apply(engine, tables, mappings=None, target=None, expected_counter=None, progress=None, today=TODAY):
    with Session(engine) as session, session.begin():
        return importer.apply(session, ADMIN, tables, mappings or importer.propose(tables), target or Target(slug="mini"),
                              expected_counter=expected_counter, progress=progress, today=today, source="test")


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


REPORT_HEADERS = ["Maßnahme", "Datum", "Status", "Fortschritt (%)", "Zusammenfassung", "Verfasst von"]


def test_preview_counts_new_changed_unchanged_and_writes_nothing(engine, mini_plan):
    csv = ("Maßnahme;Datum;Status;Fortschritt (%);Zusammenfassung;Verfasst von\n"
           "M1;01.03.2024;in Umsetzung;20;Start;VHS\n"          # unchanged
           "M1;2024-06-01;in Umsetzung;55;<b>Halbzeit</b> erreicht;VHS\n"  # changed progress and text
           "m2;15.06.2024;verzögert;15;Dozent fehlt;VHS\n")     # new (code matched case-insensitively)
    tables = [read_csv(csv.encode("cp1252"), "Sachstaende")]
    before = _state(engine)
    result = _preview(engine, tables)
    assert result.ok, result.messages()
    assert (result.counts["status_reports"].new, result.counts["status_reports"].changed,
            result.counts["status_reports"].unchanged) == (1, 1, 1)
    changed = next(change for change in result.row_changes if change.action == "changed")
    assert changed.row == 3 and changed.changes == {"progress": [50, 55], "summary": ["Halbzeit", "Halbzeit erreicht"]}
    assert _state(engine) == before
    done = _apply(engine, tables, expected_counter=result.expected_counter)
    assert done.written
    after = _state(engine)
    assert after[0] == before[0] + 1
    assert after[3] == before[3] + 3  # two row events and the import event
    assert after[4][0] == before[4][0] + 1  # one import, one step of the change counter
    again = _preview(engine, tables)
    assert again.counts["status_reports"].unchanged == 3 and again.changed_rows == 0


def test_known_problems_are_reported_with_sheet_row_and_column(engine, mini_plan):
    data = _workbook({
        "Jahresziele": [
            ["Code", "Leitziel", "Jahr", "Titel", "Übertragen von", "Begründung der Übertragung"],
            ["JZ-A", "LZ1", 2025, "A", "JZ-B", "weiter"],
            ["JZ-B", "LZ1", 2025, "B", "JZ-A", "weiter"],
            ["JZ-C", "LZ9", "zwanzig", "C", None, None],
        ],
        "Maßnahmen": [
            ["Code", "Jahresziel", "Titel", "Federführung", "Beginn", "Fällig", "Gewicht"],
            ["M7", "JZ2024-01", "Neu", "VHS", "01.01.2024", "31.12.2023", "1,5"],
            ["M7", "JZ2024-01", "Doppelt", "Jobcenter Testkreis", None, None, None],
            ["M8", "JZ2024-01", "Gewicht", "Unbekannte GmbH", "32.01.2024", None, "viel"],
        ],
        "Sachstände": [
            REPORT_HEADERS,
            ["M1", "01.06.2024", "abgeschlossen", 90, "fertig", "VHS"],
            ["M2", "01.06.2024", "in Umsetzung", "100 %", "fast", "VHS"],
            ["M2", "01.07.2030", "in Umsetzung", 10, "Zukunft", "VHS"],
        ],
    })
    before = _state(engine)
    result = _preview(engine, read_file("plan.xlsx", data))
    got = {(p.sheet, p.row, p.column) for p in result.problems}
    assert got == {
        ("Jahresziele", 2, "Übertragen von"),          # cycle JZ-A -> JZ-B -> JZ-A
        ("Jahresziele", 4, "Leitziel"),                # unknown LZ9
        ("Jahresziele", 4, "Jahr"),                    # not a number
        ("Maßnahmen", 2, "Fällig"),                    # due before start
        ("Maßnahmen", 3, "Code"),                      # duplicate M7
        ("Maßnahmen", 4, "Federführung"),              # unknown organisation
        ("Maßnahmen", 4, "Beginn"),                    # no such date
        ("Maßnahmen", 4, "Gewicht"),                   # not a number
        ("Sachstände", 2, "Fortschritt (%)"),          # abgeschlossen without 100 %
        ("Sachstände", 3, "Fortschritt (%)"),          # 100 % without abgeschlossen
        ("Sachstände", 4, "Datum"),                    # in the future
    }
    texts = result.messages()
    assert "Blatt „Jahresziele“, Zeile 2, Spalte „Übertragen von“: Die Übertragungen bilden einen Kreis: " \
           "JZ-A → JZ-B → JZ-A." in texts
    assert "Blatt „Maßnahmen“, Zeile 3, Spalte „Code“: Diese Zeile kommt doppelt vor (Code „M7“): schon in " \
           "Zeile 2. Bitte lassen Sie eine der beiden weg." in texts
    assert any("„Unbekannte GmbH“ gibt es weder in der Datei noch im Plan" in text for text in texts)
    assert any("„abgeschlossen“ bedeutet 100 % Fortschritt, hier stehen 90 %" in text for text in texts)
    with pytest.raises(ImportRefused):
        _apply(engine, read_file("plan.xlsx", data))
    assert _state(engine) == before


def test_all_or_nothing_one_bad_row_among_many(engine, mini_plan):
    rows = [f"K1;{day:%d.%m.%Y};{day.day},5" for day in (dt.date(2020, 1, 1) + dt.timedelta(d) for d in range(300))]
    rows.insert(150, "K1;01.01.2019;viele")
    tables = [read_csv(("Kennzahl;Datum;Wert\n" + "\n".join(rows)).encode(), "Kennzahlwerte")]
    before = _state(engine)
    with pytest.raises(ImportRefused) as refused:
        _apply(engine, tables)
    assert [p.text() for p in refused.value.preview.problems] == [
        "Datei „Kennzahlwerte“, Zeile 152, Spalte „Wert“: „viele“ ist keine Zahl (Beispiel: 1.234,5)."]
    assert _state(engine) == before


def test_reimporting_the_export_changes_nothing(engine, mini_plan):
    data = export.excel_bytes(export.collect(engine, mini_plan))
    before = _state(engine)
    for name, payload in (("mini.xlsx", data), ("mini.zip", export.csv_zip_bytes(export.collect(engine, mini_plan)))):
        result = _apply(engine, read_file(name, payload), target=Target())
        assert result.ok and result.changed_rows == 0
        assert {count.new + count.changed for count in result.counts.values()} == {0}
        assert result.counts["measures"].unchanged == 6
    assert _state(engine) == before


def test_round_trip_example_plan_excel_into_empty_database(example_sqlite_url, engine):
    """The example plan exported to Excel and imported into an empty database reproduces the plan."""
    source = make_engine(example_sqlite_url)
    plan_id = source.connect().execute(select(Plan.id).where(Plan.slug == "darmstadt-dieburg")).scalar_one()
    original = export.collect(source, plan_id)
    tables = read_file("plan.xlsx", export.excel_bytes(original))
    steps = []
    result = _apply(engine, tables, target=Target(), progress=lambda fraction, text: steps.append(fraction),
                    today=dt.date.today())
    assert result.new_plan and result.counts["measures"].new == 105 and result.counts["status_reports"].new == 357
    assert steps[0] == 0.0 and steps[-1] == 1.0 and steps == sorted(steps)
    copy = export.collect(engine, result.plan_id)
    for level in export.LEVELS:
        key = level.key[0]
        assert sorted(original.rows[level.name], key=lambda r: str(r[key])) == \
            sorted(copy.rows[level.name], key=lambda r: str(r[key])), level.name
    assert original.info[:5] == copy.info[:5]
    source.dispose()


def test_one_level_wide_layout_into_existing_plan(engine, mini_plan):
    csv = "Statistik der Sprachkurse\n\nKennzahl;Bezeichnung;2023;2024;2025\nK1;Teilnehmende;150;.;1.234\n"
    tables = [read_csv(csv.encode("utf-8-sig"), "statistik")]
    mappings = importer.propose(tables, "indicator_values")
    assert mappings[0].wide and mappings[0].columns["Kennzahl"] == "indicator"
    result = _preview(engine, tables, mappings)
    assert result.ok, result.messages()
    assert (result.counts["indicator_values"].new, result.counts["indicator_values"].unchanged) == (1, 1)
    assert any("Zeile 4, Spalte „2025“" in p.text() for p in _preview(
        engine, [read_csv(csv.replace("1.234", "n.v.x").encode(), "statistik")], mappings).problems)


def test_a_fixed_value_fills_a_missing_column(engine, mini_plan):
    tables = [read_csv(b"Jahr;Anzahl\n2025;200\n2026;260\n", "zeitreihe")]
    mapping = ColumnMapping("indicator_values", {"Jahr": "value_date", "Anzahl": "value"}, {"indicator": "k1"})
    result = _apply(engine, tables, [mapping])
    assert result.counts["indicator_values"].new == 2


def test_new_plan_from_csv_levels(engine):
    tables = [
        read_csv(b"Code;Titel\nHF1;Sprache\n", "Handlungsfelder"),
        read_csv(b"Code;Handlungsfeld;Titel\nLZ1;hf1;Alle sprechen Deutsch\n", "Leitziele"),
    ]
    result = _apply(engine, tables, target=Target(slug="neu-plan", name="Neuer Plan", owner="Stadt"))
    assert result.new_plan and result.counts["guiding_goals"].new == 1
    with Session(engine) as session:
        plan = session.scalar(select(Plan).where(Plan.slug == "neu-plan"))
        assert (plan.name, plan.owner, plan.change_counter) == ("Neuer Plan", "Stadt", 1)
        assert plan.action_fields[0].guiding_goals[0].title == "Alle sprechen Deutsch"
        assert not plan.public_view, "rule: a plan brought in is not public until an admin releases it"


def test_only_admins_import(engine, mini_plan):
    tables = [read_csv(b"Code;Titel\nHF9;Neu\n", "Handlungsfelder")]
    for role in ("viewer", "editor"):
        with pytest.raises(PermissionDenied):
            _preview(engine, tables, actor=Actor(name="X", role=role))


def test_a_change_after_the_preview_is_a_conflict(engine, mini_plan):
    tables = [read_csv(b"Code;Titel\nHF9;Neu\n", "Handlungsfelder")]
    result = _preview(engine, tables)
    _apply(engine, [read_csv(b"Code;Titel\nHF8;Anders\n", "Handlungsfelder")])
    before = _state(engine)
    with pytest.raises(VersionConflict):
        _apply(engine, tables, expected_counter=result.expected_counter)
    assert _state(engine) == before


def test_the_filled_template_imports(engine):
    tables = read_file(template.EXCEL_NAME, template.excel_template())
    assert tables[0].name == "Info" and tables[-1].name == "Erläuterungen"
    result = _preview(engine, tables, target=Target(slug="vorlage"))
    assert result.ok and result.new_plan and result.changed_rows == 0
    zipped = read_file(template.CSV_NAME, template.csv_template())
    assert [mapping.level for mapping in importer.propose(zipped) if mapping] == [
        level.name for level in export.LEVELS]


# --- random bad rows (hypothesis) -----------------------------------------------------------------

CELLS = st.one_of(
    st.none(), st.just("-"), st.just("."), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.sampled_from(["M1", "M2", "m9", "abgeschlossen", "in Umsetzung", "verzögert", "100", "50 %", "1.234,5",
                     "31.12.2019", "2019-12-31", "32.13.2019", "<b>x</b>", "**y**", "=1+1", "ja", "JA", "K1"]),
    st.integers(min_value=-10**6, max_value=10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)


@pytest.fixture(scope="module")
def random_db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('random') / 'random.db'}"
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    yield engine
    engine.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(level=st.sampled_from(["status_reports", "indicator_values", "measures", "annual_goals"]),
       rows=st.lists(st.lists(CELLS, min_size=0, max_size=8), min_size=1, max_size=6))
def test_random_bad_rows_give_messages_never_exceptions_and_write_nothing(random_db, level, rows):
    headers = importer.layout.level(level).headers[:8]
    bad_row = ["?"] * len(headers)  # at least one row that cannot be valid
    lines = [headers, *rows, bad_row]
    text = "\n".join(";".join("" if cell is None else str(cell).replace(";", ",") for cell in line) for line in lines)
    tables = read_file("random.csv", text.encode("utf-8"))
    before = _state(random_db)
    with pytest.raises(ImportRefused) as refused:
        _apply(random_db, tables)
    problems = refused.value.preview.problems
    assert problems and all(isinstance(p, Problem) and p.message and p.sheet for p in problems)
    assert _state(random_db) == before


def test_a_file_without_data_rows_is_refused_not_reported_as_nothing_to_change(engine, mini_plan):
    tables = [read_csv("Code;Jahresziel;Titel;Federführung\n".encode(), "massnahmen")]
    before = _state(engine)
    result = _preview(engine, tables)
    assert [problem.message for problem in result.problems] == [importer.NO_ROWS]
    assert _state(engine) == before


def test_b6_a_csv_import_with_a_vertical_tab_stores_a_line_break_and_the_excel_export_works(engine, mini_plan):
    line = ";".join(["M2", "20.06.2024", "in Umsetzung", "40", "Zeile eins\u000bZeile zwei\u0000", "VHS"])
    tables = [read_csv(f"{';'.join(REPORT_HEADERS)}\n{line}\n".encode(), "Sachstände")]
    result = _apply(engine, tables)
    assert result.counts["status_reports"].new == 1
    with Session(engine) as session:
        summary = session.scalar(select(StatusReport.summary).where(StatusReport.report_date == TODAY.replace(day=20)))
    assert summary == "Zeile eins\nZeile zwei"
    book = load_workbook(io.BytesIO(export.excel_bytes(export.collect(engine, mini_plan))))
    assert "Zeile eins\nZeile zwei" in [row[4] for row in book["Sachstände"].iter_rows(values_only=True)]
