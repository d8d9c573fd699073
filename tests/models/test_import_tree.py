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
from models.transfer import tree
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
        assert [tuple(goal) for goal in goals] == [("2-2024", 2024, "Jahresziel 2024"),
                                                   ("6-2024", 2024, "Jahresziel 2024")]
        measure = session.scalar(select(Measure).where(Measure.code == "3"))
        assert measure.title == "Sprachcafé in allen Gemeinden"
        assert measure.description == "Ehrenamtlich begleitet"
        assert measure.lead_organisation.name == "Volkshochschule"
        assert measure.annual_goal.guiding_goal.action_field.title == "Sprache"
    assert [(code, status, progress) for code, _, status, progress, _ in _reports(engine)] == [
        ("3", "in Umsetzung", 0), ("4", "geplant", 0), ("7", "abgeschlossen", 100)]


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
    mapping.indent_source = tree.SPACES
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

