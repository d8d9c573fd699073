"""Queries and filters of the page Maßnahmen on the hand-made plan (tests/fixtures/mini-plan.yaml).

Known answers as of 2024-06-30: M1 green 50 %, M2 yellow 10 %, M3 grey ausgesetzt, M4 green
abgeschlossen, M5 red overdue and stale, M6 grey geplant.
"""

import copy
import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.measures import MeasureFilters, apply_filters, measure_detail, measure_list, report_history
from models.schema import Organisation
from models.seed import insert_plan_document, read_document
from tests.conftest import FIXTURES

ON = dt.date(2024, 6, 30)


def _org_id(engine, name: str) -> int:
    with engine.connect() as connection:
        return connection.execute(select(Organisation.id).where(Organisation.name == name)).scalar_one()


def _codes(frame: pd.DataFrame) -> list[str]:
    return frame["code"].tolist()


@pytest.fixture
def mini_list(engine, mini_plan) -> pd.DataFrame:
    return measure_list(engine, mini_plan, ON)


def test_measure_list_keeps_the_states_and_adds_the_page_columns(engine, mini_plan, mini_list):
    states = queries.measure_states(engine, mini_plan, ON)
    assert _codes(mini_list) == _codes(states) == ["M4", "M5", "M1", "M2", "M3", "M6"]
    frame = mini_list.set_index("code")
    assert frame["light"].to_dict() == {
        "M4": "green", "M5": "red", "M1": "green", "M2": "yellow", "M3": "grey", "M6": "grey",
    }
    assert frame.loc["M1", ["progress", "status"]].tolist() == [50, "in Umsetzung"]
    assert frame.loc["M2", "progress"] == 10
    assert frame.loc["M5", "stale"] and not frame.loc["M1", "stale"]
    assert frame.loc["M1", ["action_field_code", "guiding_goal", "annual_goal_code", "annual_goal"]].tolist() == [
        "HF1", "Alle sprechen Deutsch", "JZ2024-01", "Mehr Sprachkurse",
    ]
    assert frame.loc["M6", ["action_field_code", "guiding_goal_code", "guiding_goal"]].tolist() == [
        "HF3", "LZ3", "Arbeit für alle",
    ]
    assert frame.loc["M1", "partners"] == "Jobcenter Testkreis"
    assert (frame.drop(index="M1")["partners"] == "").all()
    vhs, jc = _org_id(engine, "Volkshochschule Testkreis"), _org_id(engine, "Jobcenter Testkreis")
    assert frame["lead_organisation_id"].to_dict() == {
        "M4": vhs, "M5": jc, "M1": vhs, "M2": vhs, "M3": jc, "M6": jc,
    }


def test_measure_list_reuses_given_states(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, dt.date(2024, 4, 15))
    frame = measure_list(engine, mini_plan, dt.date(2024, 4, 15), states=states).set_index("code")
    assert frame.loc["M1", "progress"] == 20
    assert frame.loc["M2", "status"] == "geplant"
    assert frame.loc["M1", "partners"] == "Jobcenter Testkreis"


def test_measure_list_of_a_plan_without_measures_is_empty(engine, mini_plan):
    document = read_document(FIXTURES / "mini-plan.yaml")
    document["plan"]["slug"] = "leer"
    document["action_fields"] = [{"code": "HF1", "title": "Sprache"}]
    document["indicators"] = []
    with Session(engine) as session, session.begin():
        empty_plan = insert_plan_document(session, document).id
    frame = measure_list(engine, empty_plan, ON)
    assert frame.empty and "partners" in frame and "lead_organisation_id" in frame


def test_measure_detail_of_m1(engine, mini_plan):
    detail = measure_detail(engine, mini_plan, "M1")
    assert detail["code"] == "M1" and detail["title"] == "Sprachkurs A"
    assert (detail["start_date"], detail["due_date"]) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert detail["lead_organisation"] == "Volkshochschule Testkreis"
    assert detail["partners"] == ["Jobcenter Testkreis"]
    assert (detail["action_field"], detail["guiding_goal_code"], detail["annual_goal_code"], detail["year"]) == (
        "Sprache", "LZ1", "JZ2024-01", 2024,
    )
    assert detail["prioritised"] is True
    assert detail["weight"] == 1.0
    assert detail["carried_over_from_code"] is None and detail["successors"] == []


def test_measure_detail_of_an_unknown_code_is_none(engine, mini_plan):
    assert measure_detail(engine, mini_plan, "XYZ") is None
    assert measure_detail(engine, mini_plan + 1000, "M1") is None


def test_measure_detail_names_where_a_measure_was_carried_over_from(engine, mini_plan):
    document = copy.deepcopy(read_document(FIXTURES / "mini-plan.yaml"))
    document["plan"]["slug"] = "mini-fortgefuehrt"
    m6 = document["action_fields"][2]["guiding_goals"][0]["annual_goals"][0]["measures"][0]
    m6.update(carried_over_from="M5", carry_over_reason="Nachholkurse 2023 nicht fertig geworden.")
    document["indicators"] = []
    with Session(engine) as session, session.begin():
        other_plan = insert_plan_document(session, document).id

    carried = measure_detail(engine, other_plan, "M6")
    assert (carried["carried_over_from_code"], carried["carried_over_from_title"]) == ("M5", "Nachholkurse")
    assert carried["carry_over_reason"] == "Nachholkurse 2023 nicht fertig geworden."
    assert measure_detail(engine, other_plan, "M5")["successors"] == [("M6", "Jobmesse 2025")]
    # the same code in the first plan is another measure, not carried over
    assert measure_detail(engine, mini_plan, "M6")["carried_over_from_code"] is None
    assert measure_detail(engine, mini_plan, "M5")["successors"] == []


def test_report_history_is_newest_first(engine, mini_plan):
    m1 = measure_detail(engine, mini_plan, "M1")["measure_id"]
    history = report_history(engine, m1, ON)
    assert history["report_date"].tolist() == [dt.date(2024, 6, 1), dt.date(2024, 3, 1)]
    assert history["progress"].tolist() == [50, 20]
    assert history["summary"].tolist() == ["Halbzeit", "Start"]
    assert history["author_name"].tolist() == ["VHS", "VHS"]
    assert set(history.columns) >= {"status", "obstacles", "next_steps"}


def test_report_history_hides_reports_after_the_stand(engine, mini_plan):
    m1 = measure_detail(engine, mini_plan, "M1")["measure_id"]
    history = report_history(engine, m1, dt.date(2024, 4, 15))
    assert history[["report_date", "progress", "summary"]].values.tolist() == [[dt.date(2024, 3, 1), 20, "Start"]]
    assert report_history(engine, m1, dt.date(2024, 2, 29)).empty
    assert len(report_history(engine, m1, dt.date(2024, 6, 1))) == 2  # a report on the Stand counts


@pytest.mark.parametrize(
    "filters, expected",
    [
        (MeasureFilters(), ["M4", "M5", "M1", "M2", "M3", "M6"]),
        (MeasureFilters(lights=("red",)), ["M5"]),
        (MeasureFilters(action_fields=("HF3",)), ["M6"]),
        (MeasureFilters(action_fields=("HF2",)), []),
        (MeasureFilters(guiding_goals=("LZ2",)), ["M4", "M5"]),
        (MeasureFilters(years=(2023, 2025)), ["M4", "M5", "M6"]),
        (MeasureFilters(statuses=("ausgesetzt", "geplant")), ["M3", "M6"]),
        (MeasureFilters(lights=("green", "yellow")), ["M4", "M1", "M2"]),
        (MeasureFilters(prioritised_only=True), ["M1", "M2", "M3"]),
        (MeasureFilters(stale_only=True), ["M5"]),
        (MeasureFilters(search="kurs"), ["M5", "M1", "M2"]),
        (MeasureFilters(search="  SPRACHKURS   a "), ["M1"]),
        (MeasureFilters(search="m6"), ["M6"]),
        (MeasureFilters(search="(a+"), []),  # plain text, never a pattern
        (MeasureFilters(action_fields=("HF1",), statuses=("in Umsetzung",)), ["M5", "M1", "M2"]),
        (MeasureFilters(action_fields=("HF1",), statuses=("in Umsetzung",), lights=("yellow",)), ["M2"]),
        (MeasureFilters(action_fields=("HF3",), lights=("red",)), []),
    ],
)
def test_apply_filters_on_the_mini_plan(mini_list, filters, expected):
    assert _codes(apply_filters(mini_list, filters)) == expected


def test_apply_filters_by_lead_organisation(engine, mini_list):
    jc = _org_id(engine, "Jobcenter Testkreis")
    assert _codes(apply_filters(mini_list, MeasureFilters(organisations=(jc,)))) == ["M5", "M3", "M6"]
    both = (jc, _org_id(engine, "Volkshochschule Testkreis"))
    assert len(apply_filters(mini_list, MeasureFilters(organisations=both))) == 6


def _frame(**columns) -> pd.DataFrame:
    base = {
        "code": ["A1", "B2", "C3"], "title": ["Sprachkurs", "Jobmesse", "Wohnen"],
        "action_field_code": ["HF1", "HF2", "HF2"], "guiding_goal_code": ["LZ1", "LZ2", "LZ3"],
        "year": [2024, 2025, 2025], "status": ["geplant", "verzögert", "gefährdet"],
        "light": ["grey", "yellow", "red"], "lead_organisation_id": pd.array([1, None, 2], dtype="Int64"),
        "prioritised": [True, False, True], "stale": [False, True, False],
    }
    return pd.DataFrame({**base, **columns}, index=[10, 20, 30])


def test_apply_filters_is_pure_and_renumbers_the_rows():
    frame = _frame()
    before = frame.copy()
    result = apply_filters(frame, MeasureFilters(action_fields=("HF2",), statuses=("verzögert", "gefährdet")))
    assert _codes(result) == ["B2", "C3"] and result.index.tolist() == [0, 1]
    pd.testing.assert_frame_equal(frame, before)


def test_apply_filters_leaves_out_measures_without_lead_when_filtering_by_organisation():
    assert _codes(apply_filters(_frame(), MeasureFilters(organisations=(1, 2)))) == ["A1", "C3"]


def test_apply_filters_combines_flags_and_search():
    frame = _frame()
    assert _codes(apply_filters(frame, MeasureFilters(prioritised_only=True, search="s"))) == ["A1"]
    assert _codes(apply_filters(frame, MeasureFilters(stale_only=True, prioritised_only=True))) == []
    assert _codes(apply_filters(frame.iloc[0:0], MeasureFilters(lights=("red",)))) == []


def test_filters_know_whether_they_restrict():
    assert not MeasureFilters().active
    assert MeasureFilters(search="x").active and MeasureFilters(stale_only=True).active
