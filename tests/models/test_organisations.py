"""Organisations of the hand-made plan (tests/fixtures/mini-plan.yaml): leads, partners, lights."""

import datetime as dt

from sqlalchemy.orm import Session

from models import queries
from models.organisations import involvement, measures_of_organisation, organisation_overview
from models.schema import Measure, Organisation

ON = dt.date(2024, 6, 30)


def _overview(engine, plan_id, on=ON):
    states = queries.measure_states(engine, plan_id, on)
    return organisation_overview(engine, plan_id, states).set_index("short_name")


def _organisation_id(engine, short_name):
    with Session(engine) as session:
        return session.query(Organisation.id).filter_by(short_name=short_name).scalar()


def test_overview_counts_leads_and_partners(engine, mini_plan):
    overview = _overview(engine, mini_plan)
    assert overview.index.tolist() == ["JC", "VHS"]  # most leads first, then most partners
    assert overview.loc["VHS", ["lead", "partner", "measures"]].tolist() == [3, 0, 3]
    assert overview.loc["JC", ["lead", "partner", "measures"]].tolist() == [3, 1, 4]
    assert overview.loc["JC", "kind"] == "Jobcenter"
    assert overview.loc["VHS", "name"] == "Volkshochschule Testkreis"


def test_overview_counts_the_traffic_lights_of_all_measures_of_an_organisation(engine, mini_plan):
    overview = _overview(engine, mini_plan)
    # as of 30.06.2024: M1 green, M2 yellow, M4 green (VHS); M1 green, M3 grey, M5 red, M6 grey (JC)
    assert overview.loc["VHS", ["green", "yellow", "red", "grey"]].tolist() == [2, 1, 0, 0]
    assert overview.loc["JC", ["green", "yellow", "red", "grey"]].tolist() == [1, 0, 1, 2]


def test_overview_follows_the_stand(engine, mini_plan):
    overview = _overview(engine, mini_plan, dt.date(2023, 1, 1))
    # before any report of M4/M5 they are planned and just started: green, nothing else is due
    assert overview.loc["VHS", ["green", "yellow", "red", "grey"]].tolist() == [1, 0, 0, 2]


def test_overview_of_a_plan_without_measures_is_empty(engine, mini_plan):
    with Session(engine) as session, session.begin():
        for measure in session.query(Measure):
            measure.retired = True
    overview = _overview(engine, mini_plan)
    assert overview.empty and "lead" in overview.columns


def test_lead_wins_when_an_organisation_is_also_named_partner(engine, mini_plan):
    with Session(engine) as session, session.begin():
        m2 = session.query(Measure).filter_by(code="M2").one()
        m2.partners.append(m2.lead_organisation)
    roles = involvement(engine, mini_plan, _organisation_id(engine, "VHS"))
    assert roles["role"].tolist() == ["lead", "lead", "lead"]


def test_measures_of_an_organisation(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, ON)
    jc = measures_of_organisation(engine, mini_plan, _organisation_id(engine, "JC"), states).set_index("code")
    assert sorted(jc.index) == ["M1", "M3", "M5", "M6"]
    assert jc.loc["M1", ["role", "status", "progress", "light"]].tolist() == ["partner", "in Umsetzung", 50, "green"]
    assert jc.loc["M3", ["role", "status", "light"]].tolist() == ["lead", "ausgesetzt", "grey"]
    assert jc.loc["M5", "reason"] == "überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen"


def test_measures_of_an_unknown_organisation_is_empty(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, ON)
    assert measures_of_organisation(engine, mini_plan, 999999, states).empty
