"""Import of a whole plan kept as one tree in one sheet (issue 14, shapes 1-5): each file of
tests/fixtures/imports/ goes through the functions the Import page uses (read_tree_file -> propose_tree ->
reshape -> tree.preview -> tree.apply) into a real database, and is checked for counts, dates, mapped
statuses, text kept as plain text and nothing dropped silently. Re-importing changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.schema import ActionField, AnnualGoal, AuditEvent, GuidingGoal, Measure, Organisation, Plan, StatusReport
from models.transfer import tree, tree_mapping
from models.transfer.importer import ImportRefused, Target
from tests.conftest import FIXTURES

TODAY = dt.date(2024, 6, 30)
ADMIN = Actor(name="Büro", role="admin")
FILES = FIXTURES / "imports"
TARGET = Target(slug="baum", name="Integrationsplan Musterstadt", owner="Landkreis Musterstadt")


def _read(name: str):
    found = tree.read_tree_file(name, (FILES / name).read_bytes())
    table = found.tables[0]
    return table, found.shapes[table.name]


def _proposed(name: str):
    table, shape = _read(name)
    return table, shape, tree.propose_tree(table, shape, today=TODAY)


def _apply(engine, reshaped, target=TARGET):
    with Session(engine) as session, session.begin():
        return tree.apply(session, ADMIN, reshaped, target, today=TODAY, source="test")


def _preview(engine, reshaped, target=TARGET):
    with Session(engine) as session:
        return tree.preview(session, ADMIN, reshaped, target, today=TODAY)


def _counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {model.__name__: session.scalar(select(func.count(model.id)))
                for model in (ActionField, GuidingGoal, AnnualGoal, Measure, StatusReport, Organisation, AuditEvent)}


def _import_twice(engine, reshaped) -> None:
    """Imports once, then again: the second time nothing changes (no row, no audit event, same counter)."""
    result = _apply(engine, reshaped)
    assert result.written
    before = _counts(engine)
    with Session(engine) as session:
        counter = session.scalar(select(Plan.change_counter).where(Plan.slug == TARGET.slug))
    again = _preview(engine, reshaped, Target(slug=TARGET.slug))
    assert again.ok, again.messages()
    assert again.changed_rows == 0
    with Session(engine) as session:
        assert session.scalar(select(Plan.change_counter).where(Plan.slug == TARGET.slug)) == counter
    assert _counts(engine) == before


def _reports(engine) -> list[tuple[str, dt.date, str, int, str]]:
    with Session(engine) as session:
        rows = session.execute(select(Measure.code, StatusReport.report_date, StatusReport.status,
                                      StatusReport.progress, StatusReport.summary)
                               .join(StatusReport.measure).order_by(Measure.code, StatusReport.report_date))
        return [tuple(row) for row in rows]


# --- shape 1: a whole tree in one sheet -------------------------------------------------------------


def test_tree_by_id_and_parent_makes_up_annual_goals_per_year(engine):
    table, shape, mapping = _proposed("tree-parent.xlsx")
    assert mapping.structure == tree.BY_PARENT
    assert (mapping.id_column, mapping.parent_column) == ("ID", "Übergeordnete ID")
    assert mapping.depths == {1: "action_fields", 2: "guiding_goals", 3: "measures"}
    assert mapping.missing == {"annual_goals": tree.PER_YEAR}
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == []
    assert reshaped.skipped == [(8, "Leerzeile")]  # the blank separator line, counted
    assert reshaped.generated == {"annual_goals": 2}
    preview = _preview(engine, reshaped)
    assert preview.ok, preview.messages()
    assert {name: count.new for name, count in preview.counts.items() if name != "plan"} == {
        "action_fields": 2, "guiding_goals": 2, "annual_goals": 2, "organisations": 3, "measures": 3,
        "status_reports": 3}
    _import_twice(engine, reshaped)
    with Session(engine) as session:
        goals = session.execute(select(AnnualGoal.code, AnnualGoal.year, AnnualGoal.title)
                                .order_by(AnnualGoal.code)).all()
        assert [tuple(goal) for goal in goals] == [("2-2024", 2024, "Laufende Maßnahmen 2024"),
                                                   ("6-2024", 2024, "Laufende Maßnahmen 2024")]
        measure = session.scalar(select(Measure).where(Measure.code == "3"))
        assert measure.title == "Sprachcafé in allen Gemeinden"
        assert measure.description == "Ehrenamtlich begleitet"
        assert measure.lead_organisation.name == "Volkshochschule"
        assert measure.annual_goal.guiding_goal.action_field.title == "Sprache"
    assert [(code, status, progress) for code, _, status, progress, _ in _reports(engine)] == [
        ("3", "in Umsetzung", None), ("4", "geplant", None), ("7", "abgeschlossen", 100)]


def test_tree_by_code_prefix_with_four_levels(engine):
    table, shape, mapping = _proposed("tree-code.csv")
    assert (mapping.structure, mapping.code_column) == (tree.BY_CODE, "Nr.")
    assert mapping.depths == {1: "action_fields", 2: "guiding_goals", 3: "annual_goals", 4: "measures"}
    mapping.year_column = "Jahr"
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == [] and reshaped.generated == {}
    assert reshaped.skipped == [(9, "Leerzeile")]
    _import_twice(engine, reshaped)
    with Session(engine) as session:
        measure = session.scalar(select(Measure).where(Measure.code == "1.1.1.2"))
        assert measure.annual_goal.code == "1.1.1" and measure.annual_goal.year == 2024
        assert measure.annual_goal.guiding_goal.code == "1.1"


def test_tree_by_indentation_spaces_and_outline_level(engine):
    table, shape, mapping = _proposed("tree-indent.xlsx")
    assert mapping.structure == tree.BY_INDENT and mapping.indent_column == "Gliederung"
    assert mapping.indent_source == tree.OUTLINE  # the file has Excel outline levels
    assert mapping.depths == {1: "guiding_goals", 2: "measures"}
    by_outline = tree.reshape(table, mapping, shape)
    mapping.indent_source = tree_mapping.SPACES
    by_spaces = tree.reshape(table, mapping, shape)
    assert [t.rows[0].cells for t in by_outline.tables] == [t.rows[0].cells for t in by_spaces.tables]
    assert by_spaces.generated == {"action_fields": 1, "annual_goals": 2}
    _import_twice(engine, by_spaces)
    with Session(engine) as session:
        assert session.scalars(select(ActionField.title)).all() == ["Ohne Handlungsfeld"]
        titles = session.scalars(select(Measure.title).order_by(Measure.code)).all()
        assert titles == ["Dolmetscherpool für Praxen", "Gesundheitslotsen ausbilden", "Schnuppertage im Sportverein"]


def test_a_missing_level_without_a_rule_is_a_problem_not_a_silent_default(engine):
    table, shape, mapping = _proposed("tree-parent.xlsx")
    mapping.missing = {}
    reshaped = tree.reshape(table, mapping, shape)
    assert [problem.text() for problem in reshaped.problems] == [
        "Blatt „Maßnahmenplan“: Die Datei hat keine Ebene „Jahresziele“. Bitte wählen Sie, wie sie entstehen "
        "soll (ein Platzhalter oder je Jahr ein Jahresziel)."]
    before = _counts(engine)
    with pytest.raises(ImportRefused):
        _apply(engine, reshaped)
    assert _counts(engine) == before
    mapping.missing = {"annual_goals": tree.PLACEHOLDER}
    mapping.placeholders = {"annual_goals": "Laufende Maßnahmen"}
    reshaped = tree.reshape(table, mapping, shape)
    _apply(engine, reshaped)
    with Session(engine) as session:
        assert session.scalars(select(AnnualGoal.title)).all() == ["Laufende Maßnahmen"] * 2


def test_tree_mapping_round_trips_through_json():
    _, _, mapping = _proposed("tree-parent.xlsx")
    again = tree.TreeMapping.from_json(mapping.to_json())
    assert again == mapping



# --- shape 2: status reports as child rows with a label ---------------------------------------------


@pytest.mark.parametrize(("label", "expected"), [
    ("geplant", dt.date(2012, 1, 1)),
    ("Sachstand 2013", dt.date(2013, 12, 31)),
    ("Sachstand 2015 / 2016", dt.date(2016, 12, 31)),
    ("Sachstand 2015/2016", dt.date(2016, 12, 31)),
    ("Bericht Frühjahr", None),
])
def test_label_dates_are_the_end_of_the_last_year_named(label, expected):
    assert tree.propose_label_date(label, dt.date(2012, 1, 1)) == expected


def test_report_rows_become_dated_reports_and_the_history_stays(engine):
    table, shape, mapping = _proposed("tree-reports.xlsx")
    assert mapping.depths[4] == tree.REPORT
    labels = tree.distinct_labels(table, mapping, shape)
    assert labels == ["geplant", "Sachstand 2013", "Sachstand 2014", "Sachstand 2015 / 2016", "Sachstand 2015/2016"]
    assert mapping.label_dates["Sachstand 2015/2016"] == "2016-12-31"
    mapping.plan_start = "2012-09-01"
    mapping.label_dates["geplant"] = "2012-09-01"  # the user edits the proposal
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == []
    assert reshaped.reports == [("geplant", dt.date(2012, 9, 1), 2), ("Sachstand 2013", dt.date(2013, 12, 31), 1),
                                ("Sachstand 2014", dt.date(2014, 12, 31), 1),
                                ("Sachstand 2015 / 2016", dt.date(2016, 12, 31), 1),
                                ("Sachstand 2015/2016", dt.date(2016, 12, 31), 1)]
    # issue 14: a report row without a figure stores none (never a made-up 0 %); abgeschlossen counts as 100 %
    assert reshaped.unreported == 5
    assert reshaped.unreported_line().render("de").startswith("5 Sachstände nennen keinen Fortschritt")
    _import_twice(engine, reshaped)
    assert _reports(engine) == [
        ("A1.1", dt.date(2012, 9, 1), "geplant", None, "Mappe für alle Gemeinden entwerfen"),
        ("A1.1", dt.date(2013, 12, 31), "in Umsetzung", None, "Entwurf mit den Gemeinden abgestimmt"),
        ("A1.1", dt.date(2014, 12, 31), "in Umsetzung", None, "Druck der ersten Auflage"),
        ("A1.1", dt.date(2016, 12, 31), "in Umsetzung", None, "Verteilt in 12 von 15 Gemeinden"),
        ("A1.2", dt.date(2012, 9, 1), "geplant", None, "Ein Abend je Halbjahr"),
        ("A1.2", dt.date(2016, 12, 31), "abgeschlossen", 100, "Vier Abende mit je 40 Gästen"),
    ]
    with Session(engine) as session:
        assert session.scalars(select(AnnualGoal.year)).all() == [2012]


def test_a_label_without_date_is_a_problem_with_its_rows(engine):
    table, shape, mapping = _proposed("tree-reports.xlsx")
    del mapping.label_dates["Sachstand 2014"]
    reshaped = tree.reshape(table, mapping, shape)
    assert [(p.row, p.column, p.message) for p in reshaped.problems] == [
        (9, "Bezeichnung", "Für die Bezeichnung „Sachstand 2014“ ist kein Datum angegeben.")]
    before = _counts(engine)
    with pytest.raises(ImportRefused) as refused:
        _apply(engine, reshaped)
    assert refused.value.preview.problems[0].row == 9
    assert _counts(engine) == before


# --- shape 3: status as colours, words and numbers ----------------------------------------------


@pytest.mark.parametrize(("value", "status"), [
    ("#01873B", "in Umsetzung"), ("#AE1B1B", "gefährdet"), ("orange", "verzögert"), ("white", "geplant"),
    ("grün", "in Umsetzung"), ("Rot", "gefährdet"), ("erledigt", "abgeschlossen"), ("In Progress", "in Umsetzung"),
    ("on hold", "ausgesetzt"), ("4", None), ("0", None), ("irgendwas", None),
    ("verzögert/verfehlt", "verzögert"), ("laufend / im Plan", "in Umsetzung"), ("unbekannt", None),
])
def test_status_proposals(value, status):
    assert tree.propose_status(value) == status


def test_status_values_are_mapped_value_by_value_and_an_unmapped_one_is_a_problem(engine):
    table, shape, mapping = _proposed("tree-status.xlsx")
    assert tree.distinct_status_values(table, mapping) == [
        "#01873B", "#AE1B1B", "orange", "white", "grün", "erledigt", "4", "8"]
    assert "4" not in mapping.status_values  # numbers only by the user's word
    reshaped = tree.reshape(table, mapping, shape)
    assert [(p.row, p.column, p.message) for p in reshaped.problems] == [
        (12, "Ampel", "Für den Statuswert „4“ ist kein Status gewählt."),
        (13, "Ampel", "Für den Statuswert „8“ ist kein Status gewählt.")]
    mapping.status_values.update({"4": "in Umsetzung", "8": "abgeschlossen"})
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == []
    assert [(value, status, count) for value, status, count in reshaped.statuses][:2] == [
        ("#01873B", "in Umsetzung", 1), ("#AE1B1B", "gefährdet", 1)]
    _import_twice(engine, reshaped)
    assert [(code, date, status, progress) for code, date, status, progress, _ in _reports(engine)] == [
        ("HF1.1.1", TODAY, "in Umsetzung", 40), ("HF1.1.2", TODAY, "gefährdet", 10),
        ("HF1.1.3", TODAY, "verzögert", 30), ("HF1.1.4", TODAY, "geplant", 0),
        ("HF1.1.5", TODAY, "in Umsetzung", 50), ("HF1.1.6", TODAY, "abgeschlossen", 100),
        ("HF1.1.7", TODAY, "in Umsetzung", 20), ("HF1.1.8", TODAY, "abgeschlossen", 100)]


# --- shape 4: codes as the file has them ------------------------------------------------------------


def test_foreign_codes_are_stored_as_given_and_blank_lines_counted(engine):
    table, shape, mapping = _proposed("tree-codes.xlsx")
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.skipped == [(8, "Leerzeile"), (9, "Leerzeile")]
    _import_twice(engine, reshaped)
    with Session(engine) as session:
        assert sorted(session.scalars(select(Measure.code))) == ["B5+6", "b 7", "m-1", "Üneu1"]
        assert sorted(session.scalars(select(GuidingGoal.code))) == ["HF-2", "Ü1"]
        assert session.scalars(select(ActionField.code)).all() == ["Ü"]


# --- shape 5: a long flat list with HTML in the text ------------------------------------------------


def test_long_flat_list_with_html_becomes_plain_text_and_categories_levels(engine):
    table, shape, mapping = _proposed("flat-html.csv")
    assert len(table.rows) == 1600
    assert (mapping.structure, mapping.level_columns) == (tree.BY_COLUMNS, ["Kategorie", "Unterkategorie"])
    assert mapping.depths == {1: "action_fields", 2: "guiding_goals", 3: "measures"}
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == [] and reshaped.skipped == []
    assert reshaped.counts["measures"] == 1600 and reshaped.counts["status_reports"] == 1600
    assert (reshaped.counts["action_fields"], reshaped.counts["guiding_goals"]) == (4, 7)
    _import_twice(engine, reshaped)
    with Session(engine) as session:
        texts = dict(session.execute(select(Measure.code, Measure.description)
                                     .where(Measure.code.in_(["M0001", "M0002", "M0003", "M0004"]))).all())
        fields = session.scalars(select(ActionField.title).order_by(ActionField.title)).all()
    assert texts["M0004"] == ("Das Angebot richtet sich an alle Neuzugewanderten.\n\n"
                              "- Kurs am Vormittag\n- Kurs am Abend & am Wochenende")
    assert texts["M0001"] == "First paragraph in English.\n\nSecond paragraph\nwith a line break."
    assert texts["M0002"] == "Türkçe açıklama:\n\nKurslar ücretsizdir <herkes için>."
    assert texts["M0003"] == "Zeile eins\nZeile zwei ohne HTML"
    assert fields == ["Arbeit", "Gesundheit", "Sprache", "Wohnen"]


def test_report_rows_with_ids_of_their_own_are_recognised_by_their_labels(engine):
    import io

    from openpyxl import Workbook

    book = Workbook()
    for cells in [["ID", "Parent", "Titel", "Text"], [1, None, "Sprache", None], [2, 1, "B1 für alle", None],
                  [3, 2, "Sprachcafé", None], [4, 3, "geplant", "Idee"], [5, 3, "Sachstand 2014", "läuft"]]:
        book.active.append(cells)
    data = io.BytesIO()
    book.save(data)
    found = tree.read_tree_file("plan.xlsx", data.getvalue())
    table = found.tables[0]
    mapping = tree.propose_tree(table, found.shapes[table.name], today=TODAY)
    assert mapping.depths == {1: "action_fields", 2: "guiding_goals", 3: "measures", 4: tree.REPORT}
    reshaped = tree.reshape(table, mapping, found.shapes[table.name])
    _import_twice(engine, reshaped)
    assert [(code, date, summary) for code, date, _, _, summary in _reports(engine)] == [
        ("3", dt.date(2014, 1, 1), "Idee"), ("3", dt.date(2014, 12, 31), "läuft")]
