"""Pflege commands: role checks, validation rules by name, versions, carry-over, bulk edits (SQLite and PostgreSQL)."""

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import admin_tables
from models.commands import accounts, checks, indicators, measures, meetings, organisations, structure
from models.commands import base as commands_base
from models import queries
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor, PermissionDenied, ValidationFailed, VersionConflict, add_status_report
from models.schema import (
    ActionField,
    AnnualGoal,
    AuditEvent,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
    User,
)

ADMIN = Actor(name="Admin Test", role="admin")
TODAY = dt.date(2024, 7, 1)


def _run(engine, command, *args, **kwargs):
    """Run a command in its own transaction; the new or changed row's id (or the result)."""
    with Session(engine) as session, session.begin():
        result = command(session, *args, **kwargs)
        return getattr(result, "id", result)


def _counter(engine, plan_id):
    return queries.change_counter(engine, plan_id)


def _count(engine, model, *where):
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _id(engine, model, code):
    with Session(engine) as session:
        return session.scalar(select(model.id).where(model.code == code))


def _org(engine, short_name):
    with Session(engine) as session:
        return session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))


def _get(engine, model, object_id):
    with Session(engine, expire_on_commit=False) as session:
        return session.get(model, object_id)


def _last_audit(engine):
    with Session(engine) as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()


def _retire(kind: str):
    """structure.retire for one kind of row, called like the other commands: (session, actor, plan_id, id, ...)."""
    return lambda session, actor, plan_id, object_id, **kwargs: structure.retire(session, actor, plan_id, kind, object_id,
                                                                          **kwargs)


def _errors(engine, command, *args, **kwargs) -> dict[str, str]:
    """The field errors of a refused command; asserts that nothing was written."""
    plan_id = kwargs.get("plan_id") or args[1]
    before = (_counter(engine, plan_id), _count(engine, AuditEvent))
    with pytest.raises(ValidationFailed) as refused:
        _run(engine, command, *args, **kwargs)
    assert (_counter(engine, plan_id), _count(engine, AuditEvent)) == before
    return refused.value.field_errors


def _measure_fields(engine, **changes):
    fields = dict(annual_goal_id=_id(engine, AnnualGoal, "JZ2024-02"), code="M7", title="Neuer Kurs",
                  description="", lead_organisation_id=_org(engine, "VHS"), partner_ids=[_org(engine, "JC")],
                  origin="Fachbeirat", start_date=dt.date(2024, 3, 1), due_date=dt.date(2024, 12, 31), weight=2)
    fields.update(changes)
    return fields


# --- roles ------------------------------------------------------------------------------------

def _commands(engine, plan_id, counter):
    measure = _get(engine, Measure, _id(engine, Measure, "M1"))
    return {
        "create_action_field": lambda s, a: structure.create_action_field(s, a, plan_id, expected_counter=counter,
                                                                   code="HF9", title="Neu"),
        "update_action_field": lambda s, a: structure.update_action_field(s, a, plan_id, _id(engine, ActionField, "HF2"),
                                                                   expected_counter=counter, code="HF2", title="X"),
        "retire": lambda s, a: structure.retire(s, a, plan_id, "action_field", _id(engine, ActionField, "HF2"),
                                         expected_counter=counter),
        "move": lambda s, a: structure.move(s, a, plan_id, "action_field", _id(engine, ActionField, "HF2"), -1,
                                     expected_counter=counter),
        "create_measure": lambda s, a: measures.create_measure(s, a, plan_id, expected_counter=counter,
                                                         **_measure_fields(engine)),
        "update_measure": lambda s, a: measures.update_measure(s, a, plan_id, measure.id, expected_version=measure.version,
                                                         title="Anders"),
        "bulk_update_measures": lambda s, a: measures.bulk_update_measures(s, a, plan_id, [{"id": measure.id, "weight": 5}],
                                                                     {measure.id: measure.version}),
        "carry_over_annual_goal": lambda s, a: structure.carry_over_annual_goal(
            s, a, plan_id, _id(engine, AnnualGoal, "JZ2024-01"), "Verzögert", expected_counter=counter),
        "create_organisation": lambda s, a: organisations.create_organisation(s, a, plan_id, expected_counter=counter,
                                                                   name="Neue Org", kind="Sonstige"),
        "add_indicator_value": lambda s, a: indicators.add_indicator_value(
            s, a, plan_id, _id(engine, Indicator, "K1"), expected_counter=counter, value_date=TODAY, value=190),
        "create_meeting": lambda s, a: meetings.create_meeting(
            s, a, plan_id, expected_counter=counter, body_id=_body(engine), meeting_date=dt.date(2025, 3, 1)),
        "create_account": lambda s, a: accounts.create_account(s, a, plan_id, expected_counter=counter, name="Neu",
                                                         email="neu@example.org", role="viewer"),
    }


def _body(engine):
    with Session(engine) as session:
        return session.scalar(select(Body.id))


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_every_command_refuses_editors_and_viewers_and_writes_nothing(engine, mini_plan, role):
    actor = Actor(name="Eva", role=role, organisation_id=_org(engine, "VHS"))
    counter = _counter(engine, mini_plan)
    tables = (ActionField, Measure, AnnualGoal, Organisation, IndicatorValue, Meeting, User, AuditEvent)
    before = [_count(engine, model) for model in tables]
    for name, command in _commands(engine, mini_plan, counter).items():
        with pytest.raises(PermissionDenied, match="Nur die Administration"), Session(engine) as session:
            with session.begin():
                command(session, actor)
        assert [_count(engine, model) for model in tables] == before, name
    assert _counter(engine, mini_plan) == counter
    assert _get(engine, ActionField, _id(engine, ActionField, "HF2")).title == "Wohnen"


# --- Handlungsfelder, Leitziele ---------------------------------------------------------------

def test_create_action_field_appends_it_and_audits(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    new_id = _run(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter,
                  code="HF4", title="Gesundheit", description="Neu")
    field = _get(engine, ActionField, new_id)
    assert (field.code, field.title, field.position, field.retired) == ("HF4", "Gesundheit", 3, False)
    assert _counter(engine, mini_plan) == counter + 1
    event = _last_audit(engine)
    assert (event.action, event.object_type, event.object_id) == ("create", "action_field", new_id)
    assert event.changes["title"] == [None, "Gesundheit"]


def test_update_action_field_records_old_and_new_values(engine, mini_plan):
    field_id = _id(engine, ActionField, "HF2")
    _run(engine, structure.update_action_field, ADMIN, mini_plan, field_id, expected_counter=_counter(engine, mini_plan),
         code="HF2", title="Wohnen und Zusammenleben", description="")
    assert _get(engine, ActionField, field_id).title == "Wohnen und Zusammenleben"
    assert _last_audit(engine).changes == {"title": ["Wohnen", "Wohnen und Zusammenleben"]}


ACTION_FIELD_RULES = [
        ({"code": "", "title": "X"}, "code", "Bitte geben Sie „Kürzel“ an."),
        ({"code": "HF9", "title": "  "}, "title", "Bitte geben Sie „Titel“ an."),
        ({"code": "HF1", "title": "Doppelt"}, "code", "Das Kürzel „HF1“ ist in diesem Plan schon vergeben."),
        ({"code": "hf1", "title": "Doppelt"}, "code", "schon vergeben"),
        ({"code": "HF 9", "title": "X"}, "code", "ohne Umlaute"),
        ({"code": "HFÄ", "title": "X"}, "code", "ohne Umlaute"),
        ({"code": "H" * 31, "title": "X"}, "code", "höchstens 30 Zeichen"),
        ({"code": "HF9", "title": "T" * 201}, "title", "höchstens 200 Zeichen"),
        ({"code": "HF9", "title": "X", "description": "d" * 2001}, "description", "höchstens 2000 Zeichen"),
]


def test_action_field_validation_rules(engine, mini_plan):
    for fields, field, words in ACTION_FIELD_RULES:
        errors = _errors(engine, structure.create_action_field, ADMIN, mini_plan,
                         expected_counter=_counter(engine, mini_plan), **fields)
        assert words in errors[field], fields
    assert _count(engine, ActionField) == 3


def test_guiding_goal_needs_a_visible_action_field(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    errors = _errors(engine, structure.create_guiding_goal, ADMIN, mini_plan, expected_counter=counter,
                     action_field_id=None, code="LZ9", title="Neu")
    assert errors == {"action_field_id": "Bitte wählen Sie ein sichtbares Handlungsfeld dieses Plans."}
    goal_id = _run(engine, structure.create_guiding_goal, ADMIN, mini_plan, expected_counter=counter,
                   action_field_id=_id(engine, ActionField, "HF2"), code="LZ9", title="Wohnen für alle")
    goal = _get(engine, GuidingGoal, goal_id)
    assert (goal.code, goal.action_field_id, goal.position) == ("LZ9", _id(engine, ActionField, "HF2"), 0)


def test_moving_a_guiding_goal_to_another_action_field_puts_it_last(engine, mini_plan):
    goal_id = _id(engine, GuidingGoal, "LZ3")
    _run(engine, structure.update_guiding_goal, ADMIN, mini_plan, goal_id, expected_counter=_counter(engine, mini_plan),
         action_field_id=_id(engine, ActionField, "HF1"), code="LZ3", title="Arbeit für alle")
    goal = _get(engine, GuidingGoal, goal_id)
    assert (goal.action_field_id, goal.position) == (_id(engine, ActionField, "HF1"), 2)


# --- Jahresziele ------------------------------------------------------------------------------

def _annual(engine, **changes):
    fields = dict(guiding_goal_id=_id(engine, GuidingGoal, "LZ1"), code="JZ2025-07", year=2025, title="Mehr Kurse",
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
        errors = _errors(engine, structure.create_annual_goal, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                         **_annual(engine, **changes))
        assert words in errors[field], changes
    assert _count(engine, AnnualGoal) == 4


def test_prioritised_annual_goal_with_decision_is_stored(engine, mini_plan):
    goal_id = _run(engine, structure.create_annual_goal, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                   **_annual(engine, prioritised=True, decision_date="15.03.2025", decision_reference="DS 12/2025"))
    goal = _get(engine, AnnualGoal, goal_id)
    assert (goal.year, goal.prioritised, goal.decision_date, goal.decision_reference) == (
        2025, True, dt.date(2025, 3, 15), "DS 12/2025")


def test_carry_over_creates_next_years_goal_with_copies_of_open_measures(engine, mini_plan):
    source_id = _id(engine, AnnualGoal, "JZ2024-01")
    counter = _counter(engine, mini_plan)
    reports = _count(engine, StatusReport)
    new_id = _run(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Kurse laufen weiter",
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
    assert _count(engine, StatusReport) == reports
    # one audit event (and counter step) for the goal and for each copied measure
    assert _counter(engine, mini_plan) == counter + 3
    assert _last_audit(engine).changes["carried_over_from"] == [None, "M2"]


def test_carry_over_leaves_completed_measures_behind(engine, mini_plan):
    new_id = _run(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, _id(engine, AnnualGoal, "JZ2023-01"),
                  "Nachholkurse brauchen ein weiteres Jahr", expected_counter=_counter(engine, mini_plan))
    with Session(engine) as session:
        goal = session.get(AnnualGoal, new_id)
        assert goal.code == "JZ2024-03"
        assert [(m.code, m.carried_over_from.code) for m in goal.measures] == [("M2024-03-01", "M5")]


def test_carry_over_needs_a_reason_and_happens_once(engine, mini_plan):
    source_id = _id(engine, AnnualGoal, "JZ2024-01")
    errors = _errors(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "  ",
                     expected_counter=_counter(engine, mini_plan))
    assert errors == {"reason": "Bitte geben Sie „Begründung“ an."}
    assert _count(engine, AnnualGoal) == 4
    _run(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Weiter",
         expected_counter=_counter(engine, mini_plan))
    errors = _errors(engine, structure.carry_over_annual_goal, ADMIN, mini_plan, source_id, "Nochmal",
                     expected_counter=_counter(engine, mini_plan))
    assert errors["annual_goal_id"] == "Dieses Jahresziel wurde bereits übertragen (nach JZ2025-02)."


def test_next_codes_follow_the_plans_style():
    assert structure.next_annual_goal_code("JZ2024-01", 2025, ["JZ2025-01", "JZ2025-03", "JZ2024-09"]) == "JZ2025-04"
    assert structure.next_annual_goal_code("Ziel-A", 2025, []) == "JZ2025-01"
    assert structure.measure_code_stem("JZ2025-04") == "M2025-04-"
    assert structure.measure_code_stem("Sonder") == "Sonder-"
    assert structure.next_free_code("M2025-04-", ["M2025-04-01", "M2025-04-x"]) == "M2025-04-02"


# --- Maßnahmen --------------------------------------------------------------------------------

def test_create_measure_with_lead_and_partners(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    new_id = _run(engine, measures.create_measure, ADMIN, mini_plan, expected_counter=counter, **_measure_fields(engine))
    with Session(engine) as session:
        measure = session.get(Measure, new_id)
        assert (measure.code, measure.annual_goal.code, measure.lead_organisation.short_name) == (
            "M7", "JZ2024-02", "VHS")
        assert ([p.short_name for p in measure.partners], measure.weight, measure.version) == (["JC"], 2.0, 1)
    assert _last_audit(engine).changes["start_date"] == [None, "2024-03-01"]


MEASURE_RULES = [
        ({"due_date": dt.date(2024, 2, 1)}, "due_date", "Das Enddatum liegt vor dem Beginn."),
        ({"weight": "viel"}, "weight", "„Gewicht“ muss eine Zahl sein."),
        ({"weight": -1}, "weight", "nicht kleiner als 0"),
        ({"weight": None}, "weight", "als Zahl an"),
        ({"lead_organisation_id": None}, "lead_organisation_id", "Bitte wählen Sie die federführende Organisation."),
        ({"lead_organisation_id": 99999}, "lead_organisation_id", "gibt es nicht"),
        ({"partner_ids": ["VHS"]}, "partner_ids", "zugleich Partnerin"),
        ({"code": "M1"}, "code", "schon vergeben"),
        ({"title": ""}, "title", "Bitte geben Sie „Titel“ an."),
        ({"annual_goal_id": None}, "annual_goal_id", "sichtbares Jahresziel"),
        ({"start_date": "2024-13-01"}, "start_date", "kein gültiges Datum"),
]


def test_measure_validation_rules(engine, mini_plan):
    for changes, field, words in MEASURE_RULES:
        if changes.get("partner_ids") == ["VHS"]:
            changes = {"partner_ids": [_org(engine, "VHS")]}
        errors = _errors(engine, measures.create_measure, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                         **_measure_fields(engine, **changes))
        assert words in errors[field], changes
    assert _count(engine, Measure) == 6


def test_update_measure_bumps_the_version_and_audits(engine, mini_plan):
    measure = _get(engine, Measure, _id(engine, Measure, "M2"))
    _run(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
         title="Sprachkurs B (neu)", weight="2,5", lead_organisation_id=_org(engine, "JC"))
    updated = _get(engine, Measure, measure.id)
    assert (updated.title, updated.weight, updated.lead_organisation_id, updated.version) == (
        "Sprachkurs B (neu)", 2.5, _org(engine, "JC"), measure.version + 1)
    changes = _last_audit(engine).changes
    assert changes["title"] == ["Sprachkurs B", "Sprachkurs B (neu)"] and changes["weight"] == [3, 2.5]
    assert changes["code"] == "M2"


def test_stale_measure_version_is_a_conflict_with_the_stored_values(engine, mini_plan):
    measure = _get(engine, Measure, _id(engine, Measure, "M1"))
    _run(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version, title="Erster")
    counter = _counter(engine, mini_plan)
    with pytest.raises(VersionConflict) as conflict:
        _run(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
             title="Zweiter")
    assert "inzwischen von jemand anderem geändert" in str(conflict.value)
    assert conflict.value.current["title"] == "Erster" and conflict.value.current["version"] == measure.version + 1
    assert _get(engine, Measure, measure.id).title == "Erster" and _counter(engine, mini_plan) == counter


def test_a_status_report_in_between_is_a_conflict_for_the_measure_form(engine, mini_plan):
    measure = _get(engine, Measure, _id(engine, Measure, "M1"))
    with Session(engine) as session, session.begin():
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=TODAY, status="in Umsetzung",
                          progress=55, summary="Weiter", today=TODAY)
    with pytest.raises(VersionConflict):
        _run(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version, weight=4)
    assert _get(engine, Measure, measure.id).weight == 1.0


def test_retire_measure_hides_it_and_keeps_its_reports(engine, mini_plan):
    measure = _get(engine, Measure, _id(engine, Measure, "M3"))
    _run(engine, measures.retire_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version)
    assert _get(engine, Measure, measure.id).retired
    assert _count(engine, StatusReport, StatusReport.measure_id == measure.id) == 1
    assert "M3" not in set(queries.measure_states(engine, mini_plan, TODAY)["code"])
    _run(engine, measures.retire_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version + 1, retired=False)
    assert not _get(engine, Measure, measure.id).retired
    assert _last_audit(engine).action == "restore"


# --- bulk edit --------------------------------------------------------------------------------

def _versions(engine, *codes):
    with Session(engine) as session:
        return {m.id: m.version for m in session.scalars(select(Measure).where(Measure.code.in_(codes)))}


def test_bulk_update_is_all_or_nothing(engine, mini_plan):
    m1, m2 = _id(engine, Measure, "M1"), _id(engine, Measure, "M2")
    rows = [
        {"id": m1, "row": 1, "title": "Sprachkurs A1", "weight": 2},
        {"id": m2, "row": 3, "due_date": dt.date(2023, 1, 1)},
        {"id": m1, "row": 4, "weight": "schwer", "title": ""},
    ]
    before = (_counter(engine, mini_plan), _count(engine, AuditEvent))
    with pytest.raises(commands_base.BulkValidationFailed) as refused:
        _run(engine, measures.bulk_update_measures, ADMIN, mini_plan, rows, _versions(engine, "M1", "M2"))
    assert refused.value.problems == [
        "Zeile 3 (M2): Das Enddatum liegt vor dem Beginn.",
        "Zeile 4 (M1): „Gewicht“ muss eine Zahl sein.",
        "Zeile 4 (M1): Bitte geben Sie „Titel“ an.",
    ]
    assert str(refused.value).startswith("Es wurde nichts gespeichert")
    assert (_counter(engine, mini_plan), _count(engine, AuditEvent)) == before
    assert _get(engine, Measure, m1).title == "Sprachkurs A"


def test_bulk_update_writes_changed_rows_with_one_audit_event_each(engine, mini_plan):
    m1, m2, m5 = (_id(engine, Measure, code) for code in ("M1", "M2", "M5"))
    versions = _versions(engine, "M1", "M2", "M5")
    rows = [
        {"id": m1, "title": "Sprachkurs A1", "lead_organisation_id": _org(engine, "VHS"), "weight": 1.0},
        {"id": m2, "start_date": "01.02.2024", "due_date": dt.datetime(2025, 6, 30), "weight": "3"},
        {"id": m5, "title": "Nachholkurse"},  # unchanged: neither written nor audited
    ]
    counter = _counter(engine, mini_plan)
    assert _run(engine, measures.bulk_update_measures, ADMIN, mini_plan, rows, versions) == 2
    assert _counter(engine, mini_plan) == counter + 2
    first, second = _get(engine, Measure, m1), _get(engine, Measure, m2)
    assert (first.title, first.version) == ("Sprachkurs A1", versions[m1] + 1)
    assert (second.start_date, second.due_date, second.version) == (
        dt.date(2024, 2, 1), dt.date(2025, 6, 30), versions[m2] + 1)
    assert _get(engine, Measure, m5).version == versions[m5]
    assert _last_audit(engine).changes["due_date"] == ["2024-12-31", "2025-06-30"]


def test_bulk_update_with_a_stale_row_writes_nothing(engine, mini_plan):
    m1, m2 = _id(engine, Measure, "M1"), _id(engine, Measure, "M2")
    versions = _versions(engine, "M1", "M2")
    _run(engine, measures.update_measure, ADMIN, mini_plan, m2, expected_version=versions[m2], origin="Kreistag")
    with pytest.raises(VersionConflict, match="M2"):
        _run(engine, measures.bulk_update_measures, ADMIN, mini_plan,
             [{"id": m1, "weight": 4}, {"id": m2, "weight": 5}], versions)
    assert (_get(engine, Measure, m1).weight, _get(engine, Measure, m2).weight) == (1.0, 3.0)
    assert _get(engine, Measure, m1).version == versions[m1]


# --- counter conflicts, retire, reorder --------------------------------------------------------

def test_stale_plan_counter_is_a_conflict_that_names_the_change(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    _run(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter, code="HF4", title="Gesundheit")
    with pytest.raises(VersionConflict) as conflict:
        _run(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter, code="HF5", title="Kultur")
    assert "Ihre Eingaben sind erhalten" in str(conflict.value)
    assert conflict.value.current["counter"] == counter + 1
    [change] = conflict.value.current["changes"]
    assert (change["actor"], change["object_type"], change["code"]) == ("Admin Test", "action_field", "HF4")
    assert _count(engine, ActionField) == 4


def _race(engine, writes) -> tuple[list, list]:
    """Run the writes at the same moment in two sessions: which landed, which met a conflict."""
    landed, conflicts = [], []
    barrier = threading.Barrier(len(writes))

    def write(name, command):
        barrier.wait()
        try:
            with Session(engine) as session, session.begin():
                command(session)
            landed.append(name)
        except VersionConflict:
            conflicts.append(name)

    threads = [threading.Thread(target=write, args=item) for item in writes.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return landed, conflicts


def test_two_admins_racing_lose_no_update(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    field_id = _id(engine, ActionField, "HF2")
    landed, conflicts = _race(engine, {
        title: (lambda session, title=title: structure.update_action_field(
            session, ADMIN, mini_plan, field_id, expected_counter=counter, code="HF2", title=title))
        for title in ("Wohnen A", "Wohnen B")})
    assert len(landed) == 1 and len(conflicts) == 1
    assert _get(engine, ActionField, field_id).title == landed[0]
    assert _counter(engine, mini_plan) == counter + 1
    measure = _get(engine, Measure, _id(engine, Measure, "M1"))
    landed, conflicts = _race(engine, {
        weight: (lambda session, weight=weight: measures.update_measure(
            session, ADMIN, mini_plan, measure.id, expected_version=measure.version, weight=weight))
        for weight in (4.0, 5.0)})
    assert len(landed) == 1 and len(conflicts) == 1
    assert _get(engine, Measure, measure.id).weight == landed[0]


def test_retire_refuses_a_level_with_visible_children(engine, mini_plan):
    errors = _errors(engine, _retire("action_field"), ADMIN, mini_plan, _id(engine, ActionField, "HF1"),
                     expected_counter=_counter(engine, mini_plan))
    assert errors["retired"].startswith("Dieses Handlungsfeld hat noch 2 sichtbare Leitziele.")
    errors = _errors(engine, _retire("organisation"), ADMIN, mini_plan, _org(engine, "JC"),
                     expected_counter=_counter(engine, mini_plan))
    assert "bei 3 sichtbaren Maßnahmen die Federführung" in errors["retired"]


def test_retire_hides_and_restore_shows_again(engine, mini_plan):
    field_id = _id(engine, ActionField, "HF2")
    _run(engine, _retire("action_field"), ADMIN, mini_plan, field_id, expected_counter=_counter(engine, mini_plan))
    assert _get(engine, ActionField, field_id).retired
    assert list(queries.action_fields(engine, mini_plan)["action_field_code"]) == ["HF1", "HF3"]
    assert _last_audit(engine).changes["retired"] == [False, True]
    errors = _errors(engine, structure.create_guiding_goal, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                     action_field_id=field_id, code="LZ9", title="Unter verstecktem Feld")
    assert "sichtbares Handlungsfeld" in errors["action_field_id"]
    _run(engine, _retire("action_field"), ADMIN, mini_plan, field_id, expected_counter=_counter(engine, mini_plan),
         retired=False)
    assert not _get(engine, ActionField, field_id).retired


def test_children_cannot_be_added_under_or_restored_below_a_hidden_parent(engine, mini_plan):
    goal_id = _id(engine, AnnualGoal, "JZ2024-02")
    _run(engine, _retire("annual_goal"), ADMIN, mini_plan, goal_id, expected_counter=_counter(engine, mini_plan))
    errors = _errors(engine, measures.create_measure, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                     **_measure_fields(engine))
    assert "sichtbares Jahresziel" in errors["annual_goal_id"]
    m6 = _get(engine, Measure, _id(engine, Measure, "M6"))
    _run(engine, measures.retire_measure, ADMIN, mini_plan, m6.id, expected_version=m6.version)
    _run(engine, _retire("annual_goal"), ADMIN, mini_plan, _id(engine, AnnualGoal, "JZ2025-01"),
         expected_counter=_counter(engine, mini_plan))
    with pytest.raises(ValidationFailed, match="ausgeblendet"):
        _run(engine, measures.retire_measure, ADMIN, mini_plan, m6.id, expected_version=m6.version + 1, retired=False)


def test_move_swaps_neighbours_and_renumbers(engine, mini_plan):
    _run(engine, structure.move, ADMIN, mini_plan, "action_field", _id(engine, ActionField, "HF3"), -1,
         expected_counter=_counter(engine, mini_plan))
    assert list(queries.action_fields(engine, mini_plan)["action_field_code"]) == ["HF1", "HF3", "HF2"]
    assert _last_audit(engine).changes["order"] == [["HF1", "HF2", "HF3"], ["HF1", "HF3", "HF2"]]
    with pytest.raises(ValidationFailed, match="ganz oben"):
        _run(engine, structure.move, ADMIN, mini_plan, "action_field", _id(engine, ActionField, "HF1"), -1,
             expected_counter=_counter(engine, mini_plan))


# --- Organisationen, Kennzahlen, Sitzungen, Konten -----------------------------------------------

def test_organisations_are_unique_and_a_change_refreshes_every_plan(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.add(Plan(slug="other", name="Anderer Plan", owner="Kreis"))
    other = _id_plan(engine, "other")
    counters = (_counter(engine, mini_plan), _counter(engine, other))
    errors = _errors(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counters[0],
                     name="jobcenter testkreis", kind="Jobcenter")
    assert errors["name"] == "Eine Organisation „jobcenter testkreis“ gibt es schon."
    org_id = _run(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counters[0],
                  name="IHK Testkreis", short_name="IHK", kind="Kammer")
    assert _get(engine, Organisation, org_id).kind == "Kammer"
    assert (_counter(engine, mini_plan), _counter(engine, other)) == (counters[0] + 1, counters[1] + 1)
    _run(engine, organisations.update_organisation, ADMIN, mini_plan, org_id, expected_counter=counters[0] + 1,
         name="IHK Testkreis", short_name="IHK TK", kind="Kammer")
    assert _last_audit(engine).changes == {"short_name": ["IHK", "IHK TK"]}


def _id_plan(engine, slug):
    with Session(engine) as session:
        return session.scalar(select(Plan.id).where(Plan.slug == slug))


def _indicator(engine, **changes):
    fields = dict(code="K2", title="Abschlüsse", unit="Personen", direction="increase", kind="result",
                  counts_people=True, source="Statistik", baseline_date=dt.date(2023, 1, 1), baseline_value="1.200",
                  target_date=dt.date(2030, 12, 31), target_value=2000,
                  level=("guiding_goal", _id(engine, GuidingGoal, "LZ2")))
    fields.update(changes)
    return fields


INDICATOR_RULES = [
        ({"target_date": dt.date(2022, 1, 1)}, "target_date", "nach dem Datum des Ausgangswerts"),
        ({"target_value": "viele"}, "target_value", "„Zielwert“ muss eine Zahl sein."),
        ({"direction": "up"}, "direction", "steigender oder ein fallender"),
        ({"level": ("measure", 99999)}, "level", "sichtbare Ebene"),
        ({"code": "K1"}, "code", "schon vergeben"),
]


def test_indicator_validation_rules(engine, mini_plan):
    for changes, field, words in INDICATOR_RULES:
        errors = _errors(engine, indicators.create_indicator, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                         **_indicator(engine, **changes))
        assert words in errors[field], changes
    assert _count(engine, Indicator) == 1


def test_indicator_and_its_values(engine, mini_plan):
    indicator_id = _run(engine, indicators.create_indicator, ADMIN, mini_plan, expected_counter=_counter(engine, mini_plan),
                        **_indicator(engine))
    indicator = _get(engine, Indicator, indicator_id)
    assert (indicator.baseline_value, indicator.guiding_goal_id, indicator.position) == (
        1200.0, _id(engine, GuidingGoal, "LZ2"), 1)
    counter = _counter(engine, mini_plan)
    errors = _errors(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id, expected_counter=counter,
                     value_date=dt.date(2024, 1, 1), value="ein paar", today=TODAY)
    assert errors == {"value": "„Wert“ muss eine Zahl sein."}
    errors = _errors(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id, expected_counter=counter,
                     value_date=dt.date(2024, 8, 1), value=5, today=TODAY)
    assert "Zukunft" in errors["value_date"]
    value_id = _run(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id, expected_counter=counter,
                    value_date=dt.date(2024, 1, 1), value="1.350,5", today=TODAY)
    assert _get(engine, IndicatorValue, value_id).value == 1350.5
    errors = _errors(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id,
                     expected_counter=counter + 1, value_date=dt.date(2024, 1, 1), value=3, today=TODAY)
    assert errors == {"value_date": "Für den 01.01.2024 gibt es schon einen Messwert."}
    _run(engine, indicators.update_indicator_value, ADMIN, mini_plan, value_id, expected_counter=counter + 1,
         value_date=dt.date(2024, 1, 1), value=1400, source="Amt", today=TODAY)
    assert _last_audit(engine).changes == {"value": [1350.5, 1400], "source": ["", "Amt"]}
    _run(engine, indicators.delete_indicator_value, ADMIN, mini_plan, value_id, expected_counter=counter + 2)
    assert _count(engine, IndicatorValue, IndicatorValue.indicator_id == indicator_id) == 0
    assert _last_audit(engine).changes["value"] == [1400, None]
    _run(engine, _retire("indicator"), ADMIN, mini_plan, indicator_id, expected_counter=counter + 3)
    assert _get(engine, Indicator, indicator_id).retired


def test_bodies_and_meetings(engine, mini_plan):
    counter = _counter(engine, mini_plan)
    errors = _errors(engine, meetings.create_body, ADMIN, mini_plan, expected_counter=counter, name="Fachbeirat Test",
                     kind="Fachbeirat")
    assert "gibt es in diesem Plan schon" in errors["name"]
    body_id = _run(engine, meetings.create_body, ADMIN, mini_plan, expected_counter=counter, name="Kreistag",
                   kind="Kreistag")
    errors = _errors(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1,
                     body_id=_body_named(engine, "Fachbeirat Test"), meeting_date=dt.date(2024, 3, 15))
    assert errors == {"meeting_date": "Am 15.03.2024 gibt es schon eine Sitzung dieses Gremiums."}
    errors = _errors(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1, body_id=body_id,
                     meeting_date=None)
    assert errors == {"meeting_date": "Bitte geben Sie „Datum“ an."}
    meeting_id = _run(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1, body_id=body_id,
                      meeting_date=dt.date(2024, 11, 20), title="Haushalt")
    assert "Kreistag" in set(queries.meetings(engine, mini_plan)["body"])
    _run(engine, meetings.update_meeting, ADMIN, mini_plan, meeting_id, expected_counter=counter + 2, body_id=body_id,
         meeting_date=dt.date(2024, 11, 21), title="Haushalt", is_reporting_cutoff=False)
    assert _get(engine, Meeting, meeting_id).meeting_date == dt.date(2024, 11, 21)
    _run(engine, meetings.delete_meeting, ADMIN, mini_plan, meeting_id, expected_counter=counter + 3)
    assert _count(engine, Meeting, Meeting.body_id == body_id) == 0


def _body_named(engine, name):
    with Session(engine) as session:
        return session.scalar(select(Body.id).where(Body.name == name))


def test_accounts_are_created_and_changed_by_rules(engine, mini_plan):
    with Session(engine) as session, session.begin():
        me = create_user(session, SYSTEM, name="Anna Admin", email="anna@example.org", role="admin",
                         password="ein-langes-passwort").id
    actor = Actor(name="Anna Admin", role="admin", user_id=me)
    counter = _counter(engine, mini_plan)
    errors = _errors(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                     email="ed@example.org", role="editor")
    assert "braucht eine Organisation" in errors["organisation_id"]
    errors = _errors(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                     email="anna@example.org", role="viewer", password="kurz")
    assert set(errors) == {"email", "password"}
    editor = _run(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                  email="ed@example.org", role="editor", organisation_id=_org(engine, "VHS"))
    assert _get(engine, User, editor).password_hash is None
    counter = _counter(engine, mini_plan)
    errors = _errors(engine, accounts.update_user, actor, mini_plan, me, expected_counter=counter, name="Anna Admin",
                     role="viewer", organisation_id=None, active=True)
    assert "nicht selbst die Administration entziehen" in errors["role"]
    _run(engine, accounts.update_user, actor, mini_plan, editor, expected_counter=counter, name="Ed Editor",
         role="viewer", organisation_id=None, active=False)
    user = _get(engine, User, editor)
    assert (user.name, user.role, user.organisation_id, user.active) == ("Ed Editor", "viewer", None, False)
    assert _last_audit(engine).changes["active"] == [True, False]


def test_the_last_active_admin_stays(engine, mini_plan):
    with Session(engine) as session, session.begin():
        only = create_user(session, SYSTEM, name="Einzige Admin", email="one@example.org", role="admin").id
    errors = _errors(engine, accounts.update_user, ADMIN, mini_plan, only, expected_counter=_counter(engine, mini_plan),
                     name="Einzige Admin", role="admin", organisation_id=None, active=False)
    assert "mindestens ein aktives Konto" in errors["role"]


# --- read side --------------------------------------------------------------------------------

def test_maintenance_frames_list_every_row_with_status_and_partners(engine, mini_plan):
    m3 = _get(engine, Measure, _id(engine, Measure, "M3"))
    _run(engine, measures.retire_measure, ADMIN, mini_plan, m3.id, expected_version=m3.version)
    frames = admin_tables.maintenance_frames(engine, mini_plan)
    listed = frames["measures"].set_index("code")
    assert list(listed.index) == ["M4", "M5", "M1", "M2", "M3", "M6"]
    assert listed.loc["M1", "partner_ids"] == [_org(engine, "JC")]
    assert listed.loc["M2", "partner_ids"] == []
    assert (listed.loc["M3", "status"], bool(listed.loc["M3", "retired"])) == ("ausgesetzt", True)
    assert (listed.loc["M4", "status"], listed.loc["M6", "status"]) == ("abgeschlossen", "geplant")
    assert list(frames["action_fields"]["code"]) == ["HF1", "HF2", "HF3"]
    assert list(frames["annual_goals"]["code"]) == ["JZ2023-01", "JZ2024-01", "JZ2024-02", "JZ2025-01"]
    assert list(frames["indicator_values"]["value"]) == [150.0, 180.0]
    assert list(frames["meetings"]["title"]) == ["Sitzung 1/2024", "Sitzung 2/2024"]
    assert set(frames["organisations"]["short_name"]) == {"VHS", "JC"}


def test_parse_number_reads_german_and_plain_numbers():
    assert checks.parse_number("1.234,5") == 1234.5
    assert checks.parse_number("1234.5") == 1234.5
    assert checks.parse_number("1.200") == 1200.0
    assert checks.parse_number("1.5") == 1.5
    assert checks.parse_number(3) == 3.0
    for bad in ("abc", float("nan"), True, "inf"):
        with pytest.raises(ValueError):
            checks.parse_number(bad)
