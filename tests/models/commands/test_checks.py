"""Every Pflege command is for admins only; German numbers as typed."""

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from models.commands import accounts, indicators, measures, meetings, organisations, structure
from models.commands import Actor, PermissionDenied
from models.schema import (
    ActionField,
    AnnualGoal,
    AuditEvent,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    User,
)
from tests.models.commands.helpers import (
    TODAY,
    count_rows,
    first_body,
    get_row,
    id_of,
    measure_fields,
    organisation_of,
    plan_counter,
)


def _commands(engine, plan_id, counter):
    measure = get_row(engine, Measure, id_of(engine, Measure, "M1"))
    return {
        "create_action_field": lambda s, a: structure.create_action_field(s, a, plan_id, expected_counter=counter,
                                                                          code="HF9", title="Neu"),
        "update_action_field": lambda s, a: structure.update_action_field(s, a, plan_id,
                                                                          id_of(engine, ActionField, "HF2"),
                                                                          expected_counter=counter, code="HF2",
                                                                          title="X"),
        "retire": lambda s, a: structure.retire(s, a, plan_id, "action_field", id_of(engine, ActionField, "HF2"),
                                                expected_counter=counter),
        "move": lambda s, a: structure.move(s, a, plan_id, "action_field", id_of(engine, ActionField, "HF2"), -1,
                                            expected_counter=counter),
        "create_measure": lambda s, a: measures.create_measure(s, a, plan_id, expected_counter=counter,
                                                               **measure_fields(engine)),
        "update_measure": lambda s, a: measures.update_measure(s, a, plan_id, measure.id,
                                                               expected_version=measure.version,
                                                               title="Anders"),
        "bulk_update_measures": lambda s, a: measures.bulk_update_measures(s, a, plan_id,
                                                                           [{"id": measure.id, "weight": 5}],
                                                                           {measure.id: measure.version}),
        "carry_over_annual_goal": lambda s, a: structure.carry_over_annual_goal(
            s, a, plan_id, id_of(engine, AnnualGoal, "JZ2024-01"), "Verzögert", expected_counter=counter),
        "create_organisation": lambda s, a: organisations.create_organisation(s, a, plan_id, expected_counter=counter,
                                                                              name="Neue Org", kind="Sonstige"),
        "add_indicator_value": lambda s, a: indicators.add_indicator_value(
            s, a, plan_id, id_of(engine, Indicator, "K1"), expected_counter=counter, value_date=TODAY, value=190),
        "create_meeting": lambda s, a: meetings.create_meeting(
            s, a, plan_id, expected_counter=counter, body_id=first_body(engine), meeting_date=dt.date(2025, 3, 1)),
        "create_account": lambda s, a: accounts.create_account(s, a, plan_id, expected_counter=counter, name="Neu",
                                                               email="neu@example.org", role="viewer"),
    }


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_every_command_refuses_editors_and_viewers_and_writes_nothing(engine, mini_plan, role):
    actor = Actor(name="Eva", role=role, organisation_id=organisation_of(engine, "VHS"))
    counter = plan_counter(engine, mini_plan)
    tables = (ActionField, Measure, AnnualGoal, Organisation, IndicatorValue, Meeting, User, AuditEvent)
    before = [count_rows(engine, model) for model in tables]
    for name, command in _commands(engine, mini_plan, counter).items():
        with pytest.raises(PermissionDenied, match="Nur die Administration"), Session(engine) as session:
            with session.begin():
                command(session, actor)
        assert [count_rows(engine, model) for model in tables] == before, name
    assert plan_counter(engine, mini_plan) == counter
    assert get_row(engine, ActionField, id_of(engine, ActionField, "HF2")).title == "Wohnen"

