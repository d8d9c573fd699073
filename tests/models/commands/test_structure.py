"""Handlungsfelder, Leitziele, Jahresziele, carry-over, hiding and reordering (SQLite and PostgreSQL)."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.commands import measures, structure
from models.commands import ValidationFailed
from models.schema import ActionField, AnnualGoal, GuidingGoal, Measure, StatusReport
from tests.models.commands.helpers import (
    ADMIN,
    count_rows,
    get_row,
    id_of,
    last_audit,
    measure_fields,
    organisation_of,
    plan_counter,
    refused_fields,
    retire_kind,
    run_command,
)


def test_create_action_field_appends_it_and_audits(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    new_id = run_command(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter,
                         code="HF4", title="Gesundheit", description="Neu")
    field = get_row(engine, ActionField, new_id)
    assert (field.code, field.title, field.position, field.retired) == ("HF4", "Gesundheit", 3, False)
    assert plan_counter(engine, mini_plan) == counter + 1
    event = last_audit(engine)
    assert (event.action, event.object_type, event.object_id) == ("create", "action_field", new_id)
    assert event.changes["title"] == [None, "Gesundheit"]


def test_update_action_field_records_old_and_new_values(engine, mini_plan):
    field_id = id_of(engine, ActionField, "HF2")
    run_command(engine, structure.update_action_field, ADMIN, mini_plan, field_id,
                expected_counter=plan_counter(engine, mini_plan),
                code="HF2", title="Wohnen und Zusammenleben", description="")
    assert get_row(engine, ActionField, field_id).title == "Wohnen und Zusammenleben"
    assert last_audit(engine).changes == {"title": ["Wohnen", "Wohnen und Zusammenleben"]}


ACTION_FIELD_RULES = [
        ({"code": "", "title": "X"}, "code", "Bitte geben Sie „Kürzel“ an."),
        ({"code": "HF9", "title": "  "}, "title", "Bitte geben Sie „Titel“ an."),
        ({"code": "HF1", "title": "Doppelt"}, "code", "Das Kürzel „HF1“ ist in diesem Plan schon vergeben."),
        ({"code": "hf1", "title": "Doppelt"}, "code", "schon vergeben"),
        ({"code": "HF;9", "title": "X"}, "code", "auch Umlaute"),
        ({"code": "#HF", "title": "X"}, "code", "auch Umlaute"),
        ({"code": "H" * 31, "title": "X"}, "code", "höchstens 30 Zeichen"),
        ({"code": "HF9", "title": "T" * 201}, "title", "höchstens 200 Zeichen"),
        ({"code": "HF9", "title": "X", "description": "d" * 2001}, "description", "höchstens 2000 Zeichen"),
]


def test_action_field_validation_rules(engine, mini_plan):
    for fields, field, words in ACTION_FIELD_RULES:
        errors = refused_fields(engine, structure.create_action_field, ADMIN, mini_plan,
                                expected_counter=plan_counter(engine, mini_plan), **fields)
        assert words in errors[field], fields
    assert count_rows(engine, ActionField) == 3


def test_guiding_goal_needs_a_visible_action_field(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, structure.create_guiding_goal, ADMIN, mini_plan, expected_counter=counter,
                            action_field_id=None, code="LZ9", title="Neu")
    assert errors == {"action_field_id": "Bitte wählen Sie ein sichtbares Handlungsfeld dieses Plans."}
    goal_id = run_command(engine, structure.create_guiding_goal, ADMIN, mini_plan, expected_counter=counter,
                          action_field_id=id_of(engine, ActionField, "HF2"), code="LZ9", title="Wohnen für alle")
    goal = get_row(engine, GuidingGoal, goal_id)
    assert (goal.code, goal.action_field_id, goal.position) == ("LZ9", id_of(engine, ActionField, "HF2"), 0)


def test_moving_a_guiding_goal_to_another_action_field_puts_it_last(engine, mini_plan):
    goal_id = id_of(engine, GuidingGoal, "LZ3")
    run_command(engine, structure.update_guiding_goal, ADMIN, mini_plan, goal_id,
                expected_counter=plan_counter(engine, mini_plan),
                action_field_id=id_of(engine, ActionField, "HF1"), code="LZ3", title="Arbeit für alle")
    goal = get_row(engine, GuidingGoal, goal_id)
    assert (goal.action_field_id, goal.position) == (id_of(engine, ActionField, "HF1"), 2)


# --- Jahresziele ------------------------------------------------------------------------------

def _annual(engine, **changes):
    fields = dict(guiding_goal_id=id_of(engine, GuidingGoal, "LZ1"), code="JZ2025-07", year=2025, title="Mehr Kurse",
                  prioritised=False, decision_date=None, decision_reference="")
    fields.update(changes)
    return fields


ANNUAL_GOAL_RULES = [
        ({"year": 1999}, "year", "zwischen 2000 und 2100"),
        ({"year": 2101}, "year", "zwischen 2000 und 2100"),
        ({"year": 2025.5}, "year", "ganze Zahl"),
        ({"year": "zwanzig"}, "year", "„Jahr“ muss eine Zahl sein."),
        ({"year": None}, "year", "Bitte geben Sie „Jahr“ als Zahl an."),
        ({"prioritised": True}, "decision_date", "braucht das Datum des Kreistagsbeschlusses"),
        ({"decision_date": "31.02.2024"}, "decision_date", "kein gültiges Datum"),
        ({"code": "JZ2024-01"}, "code", "schon vergeben"),
        ({"guiding_goal_id": 99999}, "guiding_goal_id", "sichtbares Leitziel"),
]


def test_annual_goal_validation_rules(engine, mini_plan):
    for changes, field, words in ANNUAL_GOAL_RULES:
        errors = refused_fields(engine, structure.create_annual_goal, ADMIN, mini_plan,
                                expected_counter=plan_counter(engine, mini_plan),
                                **_annual(engine, **changes))
        assert words in errors[field], changes
    assert count_rows(engine, AnnualGoal) == 4


def test_prioritised_annual_goal_with_decision_is_stored(engine, mini_plan):
    goal_id = run_command(engine, structure.create_annual_goal, ADMIN, mini_plan,
                          expected_counter=plan_counter(engine, mini_plan),
                          **_annual(engine, prioritised=True, decision_date="15.03.2025",
                                    decision_reference="DS 12/2025"))
    goal = get_row(engine, AnnualGoal, goal_id)
    assert (goal.year, goal.prioritised, goal.decision_date, goal.decision_reference) == (
        2025, True, dt.date(2025, 3, 15), "DS 12/2025")


def test_carry_over_creates_next_years_goal_with_copies_of_open_measures(engine, mini_plan):
    source_id = id_of(engine, AnnualGoal, "JZ2024-01")
    counter = plan_counter(engine, mini_plan)
    reports = count_rows(engine, StatusReport)
    new_id = run_command(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Kurse laufen weiter",
                         expected_counter=counter)
    with Session(engine) as session:
        goal = session.get(AnnualGoal, new_id)
        # JZ2025-01 exists already: the next free code of 2025
        assert (goal.code, goal.year, goal.title, goal.prioritised) == ("JZ2025-02", 2025, "Mehr Sprachkurse", False)
        assert (goal.guiding_goal.code, goal.carried_over_from_id, goal.carry_over_reason) == (
            "LZ1", source_id, "Kurse laufen weiter")
        copies = {m.carried_over_from.code: m for m in goal.measures}
        # M1 and M2 are in Umsetzung; M3 is ausgesetzt and stays behind
        assert sorted(copies) == ["M1", "M2"]
        m1, m2 = copies["M1"], copies["M2"]
        assert (m1.code, m2.code) == ("M2025-02-01", "M2025-02-02")
        assert (m1.title, m1.lead_organisation.short_name, [p.short_name for p in m1.partners]) == (
            "Sprachkurs A", "VHS", ["JC"])
        assert (m2.weight, m2.start_date, m2.due_date) == (3.0, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        assert {m.carry_over_reason for m in copies.values()} == {"Kurse laufen weiter"}
        assert all(not m.reports for m in copies.values())
        old = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        assert [r.status for r in old.reports] == ["in Umsetzung", "in Umsetzung"]
    assert count_rows(engine, StatusReport) == reports
    # one audit event (and counter step) for the goal and for each copied measure
    assert plan_counter(engine, mini_plan) == counter + 3
    assert last_audit(engine).changes["carried_over_from"] == [None, "M2"]


def test_carry_over_leaves_completed_measures_behind(engine, mini_plan):
    new_id = run_command(engine, structure.carry_over_annual_goal, ADMIN, mini_plan,
                         id_of(engine, AnnualGoal, "JZ2023-01"),
                         "Nachholkurse brauchen ein weiteres Jahr", expected_counter=plan_counter(engine, mini_plan))
    with Session(engine) as session:
        goal = session.get(AnnualGoal, new_id)
        assert goal.code == "JZ2024-03"
        assert [(m.code, m.carried_over_from.code) for m in goal.measures] == [("M2024-03-01", "M5")]


def test_carry_over_needs_a_reason_and_happens_once(engine, mini_plan):
    source_id = id_of(engine, AnnualGoal, "JZ2024-01")
    errors = refused_fields(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "  ",
                            expected_counter=plan_counter(engine, mini_plan))
    assert errors == {"reason": "Bitte geben Sie „Begründung“ an."}
    assert count_rows(engine, AnnualGoal) == 4
    run_command(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Weiter",
                expected_counter=plan_counter(engine, mini_plan))
    errors = refused_fields(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Nochmal",
                            expected_counter=plan_counter(engine, mini_plan))
    assert errors["annual_goal_id"] == "Dieses Jahresziel wurde bereits übertragen (nach JZ2025-02)."


def test_next_codes_follow_the_plans_style():
    assert structure.next_annual_goal_code("JZ2024-01", 2025, ["JZ2025-01", "JZ2025-03", "JZ2024-09"]) == "JZ2025-04"
    assert structure.next_annual_goal_code("Ziel-A", 2025, []) == "JZ2025-01"
    assert structure.measure_code_stem("JZ2025-04") == "M2025-04-"
    assert structure.measure_code_stem("Sonder") == "Sonder-"
    assert structure.next_free_code("M2025-04-", ["M2025-04-01", "M2025-04-x"]) == "M2025-04-02"


def test_retire_refuses_a_level_with_visible_children(engine, mini_plan):
    errors = refused_fields(engine, retire_kind("action_field"), ADMIN, mini_plan, id_of(engine, ActionField, "HF1"),
                            expected_counter=plan_counter(engine, mini_plan))
    assert errors["retired"].startswith("Dieses Handlungsfeld hat noch 2 sichtbare Leitziele.")
    errors = refused_fields(engine, retire_kind("organisation"), ADMIN, mini_plan, organisation_of(engine, "JC"),
                            expected_counter=plan_counter(engine, mini_plan))
    assert "bei 3 sichtbaren Maßnahmen die Federführung" in errors["retired"]


def test_retire_hides_and_restore_shows_again(engine, mini_plan):
    field_id = id_of(engine, ActionField, "HF2")
    run_command(engine, retire_kind("action_field"), ADMIN, mini_plan, field_id,
                expected_counter=plan_counter(engine, mini_plan))
    assert get_row(engine, ActionField, field_id).retired
    assert list(queries.action_fields(engine, mini_plan)["action_field_code"]) == ["HF1", "HF3"]
    assert last_audit(engine).changes["retired"] == [False, True]
    errors = refused_fields(engine, structure.create_guiding_goal, ADMIN, mini_plan,
                            expected_counter=plan_counter(engine, mini_plan),
                            action_field_id=field_id, code="LZ9", title="Unter verstecktem Feld")
    assert "sichtbares Handlungsfeld" in errors["action_field_id"]
    run_command(engine, retire_kind("action_field"), ADMIN, mini_plan, field_id,
                expected_counter=plan_counter(engine, mini_plan),
                retired=False)
    assert not get_row(engine, ActionField, field_id).retired


def test_children_cannot_be_added_under_or_restored_below_a_hidden_parent(engine, mini_plan):
    goal_id = id_of(engine, AnnualGoal, "JZ2024-02")
    run_command(engine, retire_kind("annual_goal"), ADMIN, mini_plan, goal_id,
                expected_counter=plan_counter(engine, mini_plan))
    errors = refused_fields(engine, measures.create_measure, ADMIN, mini_plan,
                            expected_counter=plan_counter(engine, mini_plan),
                            **measure_fields(engine))
    assert "sichtbares Jahresziel" in errors["annual_goal_id"]
    m6 = get_row(engine, Measure, id_of(engine, Measure, "M6"))
    run_command(engine, measures.retire_measure, ADMIN, mini_plan, m6.id, expected_version=m6.version)
    run_command(engine, retire_kind("annual_goal"), ADMIN, mini_plan, id_of(engine, AnnualGoal, "JZ2025-01"),
                expected_counter=plan_counter(engine, mini_plan))
    with pytest.raises(ValidationFailed, match="ausgeblendet"):
        run_command(engine, measures.retire_measure, ADMIN, mini_plan, m6.id, expected_version=m6.version + 1,
                    retired=False)


def test_move_swaps_neighbours_and_renumbers(engine, mini_plan):
    run_command(engine, structure.move, ADMIN, mini_plan, "action_field", id_of(engine, ActionField, "HF3"), -1,
                expected_counter=plan_counter(engine, mini_plan))
    assert list(queries.action_fields(engine, mini_plan)["action_field_code"]) == ["HF1", "HF3", "HF2"]
    assert last_audit(engine).changes["order"] == [["HF1", "HF2", "HF3"], ["HF1", "HF3", "HF2"]]
    with pytest.raises(ValidationFailed, match="ganz oben"):
        run_command(engine, structure.move, ADMIN, mini_plan, "action_field", id_of(engine, ActionField, "HF1"), -1,
                    expected_counter=plan_counter(engine, mini_plan))
