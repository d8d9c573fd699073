"""Maßnahmen: validation rules by name, versions, hiding, bulk edit (SQLite and PostgreSQL)."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.commands import measures
from models.commands import base as commands_base
from models.commands import SYSTEM, VersionConflict, add_status_report
from models.schema import AuditEvent, Measure, StatusReport
from tests.models.commands.helpers import (
    ADMIN,
    TODAY,
    count_rows,
    get_row,
    id_of,
    last_audit,
    measure_fields,
    organisation_of,
    plan_counter,
    refused_fields,
    run_command,
)


def test_create_measure_with_lead_and_partners(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    new_id = run_command(engine, measures.create_measure, ADMIN, mini_plan, expected_counter=counter,
                         **measure_fields(engine))
    with Session(engine) as session:
        measure = session.get(Measure, new_id)
        assert (measure.code, measure.annual_goal.code, measure.lead_organisation.short_name) == (
            "M7", "JZ2024-02", "VHS")
        assert ([p.short_name for p in measure.partners], measure.weight, measure.version) == (["JC"], 2.0, 1)
    assert last_audit(engine).changes["start_date"] == [None, "2024-03-01"]


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
            changes = {"partner_ids": [organisation_of(engine, "VHS")]}
        errors = refused_fields(engine, measures.create_measure, ADMIN, mini_plan,
                                expected_counter=plan_counter(engine, mini_plan),
                                **measure_fields(engine, **changes))
        assert words in errors[field], changes
    assert count_rows(engine, Measure) == 6


def test_update_measure_bumps_the_version_and_audits(engine, mini_plan):
    measure = get_row(engine, Measure, id_of(engine, Measure, "M2"))
    run_command(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
                title="Sprachkurs B (neu)", weight="2,5", lead_organisation_id=organisation_of(engine, "JC"))
    updated = get_row(engine, Measure, measure.id)
    assert (updated.title, updated.weight, updated.lead_organisation_id, updated.version) == (
        "Sprachkurs B (neu)", 2.5, organisation_of(engine, "JC"), measure.version + 1)
    changes = last_audit(engine).changes
    assert changes["title"] == ["Sprachkurs B", "Sprachkurs B (neu)"] and changes["weight"] == [3, 2.5]
    assert changes["code"] == "M2"


def test_stale_measure_version_is_a_conflict_with_the_stored_values(engine, mini_plan):
    measure = get_row(engine, Measure, id_of(engine, Measure, "M1"))
    run_command(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
                title="Erster")
    counter = plan_counter(engine, mini_plan)
    with pytest.raises(VersionConflict) as conflict:
        run_command(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
                    title="Zweiter")
    assert "inzwischen von jemand anderem geändert" in str(conflict.value)
    assert conflict.value.current["title"] == "Erster" and conflict.value.current["version"] == measure.version + 1
    assert get_row(engine, Measure, measure.id).title == "Erster" and plan_counter(engine, mini_plan) == counter


def test_a_status_report_in_between_is_a_conflict_for_the_measure_form(engine, mini_plan):
    measure = get_row(engine, Measure, id_of(engine, Measure, "M1"))
    with Session(engine) as session, session.begin():
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=TODAY, status="in Umsetzung",
                          progress=55, summary="Weiter", today=TODAY)
    with pytest.raises(VersionConflict):
        run_command(engine, measures.update_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version,
                    weight=4)
    assert get_row(engine, Measure, measure.id).weight == 1.0


def test_retire_measure_hides_it_and_keeps_its_reports(engine, mini_plan):
    measure = get_row(engine, Measure, id_of(engine, Measure, "M3"))
    run_command(engine, measures.retire_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version)
    assert get_row(engine, Measure, measure.id).retired
    assert count_rows(engine, StatusReport, StatusReport.measure_id == measure.id) == 1
    assert "M3" not in set(queries.measure_states(engine, mini_plan, TODAY)["code"])
    run_command(engine, measures.retire_measure, ADMIN, mini_plan, measure.id, expected_version=measure.version + 1,
                retired=False)
    assert not get_row(engine, Measure, measure.id).retired
    assert last_audit(engine).action == "restore"


# --- bulk edit --------------------------------------------------------------------------------

def _versions(engine, *codes):
    with Session(engine) as session:
        return {m.id: m.version for m in session.scalars(select(Measure).where(Measure.code.in_(codes)))}


def test_bulk_update_is_all_or_nothing(engine, mini_plan):
    m1, m2 = id_of(engine, Measure, "M1"), id_of(engine, Measure, "M2")
    rows = [
        {"id": m1, "row": 1, "title": "Sprachkurs A1", "weight": 2},
        {"id": m2, "row": 3, "due_date": dt.date(2023, 1, 1)},
        {"id": m1, "row": 4, "weight": "schwer", "title": ""},
    ]
    before = (plan_counter(engine, mini_plan), count_rows(engine, AuditEvent))
    with pytest.raises(commands_base.BulkValidationFailed) as refused:
        run_command(engine, measures.bulk_update_measures, ADMIN, mini_plan, rows, _versions(engine, "M1", "M2"))
    assert refused.value.problems == [
        "Zeile 3 (M2): Das Enddatum liegt vor dem Beginn.",
        "Zeile 4 (M1): „Gewicht“ muss eine Zahl sein.",
        "Zeile 4 (M1): Bitte geben Sie „Titel“ an.",
    ]
    assert str(refused.value).startswith("Es wurde nichts gespeichert")
    assert (plan_counter(engine, mini_plan), count_rows(engine, AuditEvent)) == before
    assert get_row(engine, Measure, m1).title == "Sprachkurs A"


def test_bulk_update_writes_changed_rows_with_one_audit_event_each(engine, mini_plan):
    m1, m2, m5 = (id_of(engine, Measure, code) for code in ("M1", "M2", "M5"))
    versions = _versions(engine, "M1", "M2", "M5")
    rows = [
        {"id": m1, "title": "Sprachkurs A1", "lead_organisation_id": organisation_of(engine, "VHS"), "weight": 1.0},
        {"id": m2, "start_date": "01.02.2024", "due_date": dt.datetime(2025, 6, 30), "weight": "3"},
        {"id": m5, "title": "Nachholkurse"},  # unchanged: neither written nor audited
    ]
    counter = plan_counter(engine, mini_plan)
    assert run_command(engine, measures.bulk_update_measures, ADMIN, mini_plan, rows, versions) == 2
    assert plan_counter(engine, mini_plan) == counter + 2
    first, second = get_row(engine, Measure, m1), get_row(engine, Measure, m2)
    assert (first.title, first.version) == ("Sprachkurs A1", versions[m1] + 1)
    assert (second.start_date, second.due_date, second.version) == (
        dt.date(2024, 2, 1), dt.date(2025, 6, 30), versions[m2] + 1)
    assert get_row(engine, Measure, m5).version == versions[m5]
    assert last_audit(engine).changes["due_date"] == ["2024-12-31", "2025-06-30"]


def test_bulk_update_with_a_stale_row_writes_nothing(engine, mini_plan):
    m1, m2 = id_of(engine, Measure, "M1"), id_of(engine, Measure, "M2")
    versions = _versions(engine, "M1", "M2")
    run_command(engine, measures.update_measure, ADMIN, mini_plan, m2, expected_version=versions[m2], origin="Kreistag")
    with pytest.raises(VersionConflict, match="M2"):
        run_command(engine, measures.bulk_update_measures, ADMIN, mini_plan,
                    [{"id": m1, "weight": 4}, {"id": m2, "weight": 5}], versions)
    assert (get_row(engine, Measure, m1).weight, get_row(engine, Measure, m2).weight) == (1.0, 3.0)
    assert get_row(engine, Measure, m1).version == versions[m1]
