"""Queries on the hand-made plan (tests/fixtures/mini-plan.yaml) with known answers."""

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import queries
from models.rules import state_as_of
from models.schema import Measure

ON = dt.date(2024, 6, 30)


def _by_code(frame):
    return frame.set_index("code")


def test_measure_states_as_of_reference_date(engine, mini_plan):
    states = _by_code(queries.measure_states(engine, mini_plan, ON))
    assert states.loc["M1", ["status", "progress", "light"]].tolist() == ["in Umsetzung", 50, "green"]
    assert states.loc["M2", ["progress", "light"]].tolist() == [10, "yellow"]
    assert states.loc["M3", ["status", "light"]].tolist() == ["ausgesetzt", "grey"]
    assert states.loc["M4", ["status", "light"]].tolist() == ["abgeschlossen", "green"]
    assert states.loc["M5", "light"] == "red"
    assert states.loc["M5", "reason"] == "überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen"
    assert states.loc["M6", ["status", "progress", "light"]].tolist() == ["geplant", 0, "grey"]


def test_measure_states_as_of_an_earlier_date_hides_later_reports(engine, mini_plan):
    states = _by_code(queries.measure_states(engine, mini_plan, dt.date(2024, 4, 15)))
    assert states.loc["M1", "progress"] == 20
    assert states.loc["M2", ["status", "progress"]].tolist() == ["geplant", 0]
    assert pd.isna(states.loc["M2", "last_report_date"])


def test_measure_states_flags_overdue_measures(engine, mini_plan):
    states = _by_code(queries.measure_states(engine, mini_plan, ON))
    assert states.index[states["overdue"]].tolist() == ["M5"]


def test_measure_states_flags_stale_measures(engine, mini_plan):
    states = _by_code(queries.measure_states(engine, mini_plan, ON))
    assert states["stale"].to_dict() == {
        "M4": False, "M5": True, "M1": False, "M2": False, "M3": False, "M6": False,
    }


@pytest.mark.parametrize("on", [dt.date(2023, 6, 1), dt.date(2024, 3, 31), ON, dt.date(2030, 1, 1)])
def test_sql_state_as_of_agrees_with_the_pure_rule(engine, mini_plan, on):
    states = _by_code(queries.measure_states(engine, mini_plan, on))
    with Session(engine) as session:
        for measure in session.scalars(select(Measure).options(selectinload(Measure.reports))):
            expected = state_as_of(measure.reports, on)
            assert (states.loc[measure.code, "status"], states.loc[measure.code, "progress"]) == (
                expected.status,
                expected.progress,
            )


def test_progress_tree_rolls_up_every_level(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, ON)
    tree = queries.progress_tree(engine, mini_plan, states)
    annual = tree["annual_goals"].set_index("annual_goal_code")
    assert annual.loc["JZ2024-01", "progress"] == pytest.approx(20.0)  # (50*1 + 10*3) / 4, M3 suspended
    assert annual.loc["JZ2024-01", ["counted", "excluded"]].tolist() == [2, 1]
    assert pd.isna(annual.loc["JZ2024-02", "progress"])  # no measures: not 0 %
    assert annual.loc["JZ2023-01", "progress"] == pytest.approx(80.0)
    goals = tree["guiding_goals"].set_index("guiding_goal_code")
    assert goals["progress"].round(6).to_dict() == {"LZ1": 20.0, "LZ2": 80.0, "LZ3": 0.0}
    assert goals.loc["LZ1", ["green", "yellow", "red", "grey", "measures"]].tolist() == [1, 1, 0, 1, 3]
    fields = tree["action_fields"].set_index("action_field_code")
    assert fields.loc["HF1", "progress"] == pytest.approx(50.0)
    assert pd.isna(fields.loc["HF2", "progress"]) and fields.loc["HF2", "measures"] == 0
    assert fields.loc["HF3", "progress"] == pytest.approx(0.0)


def test_light_shares_count_every_colour_in_fixed_order(engine, mini_plan):
    shares = queries.light_shares(queries.measure_states(engine, mini_plan, ON))
    assert shares["light"].tolist() == ["green", "yellow", "red", "grey"]
    assert shares["count"].tolist() == [2, 1, 1, 2]
    assert shares["share"].sum() == pytest.approx(100.0)


def test_light_shares_of_an_empty_plan_are_zero_not_an_error():
    empty = pd.DataFrame({"light": pd.Series([], dtype=str)})
    assert queries.light_shares(empty)["count"].tolist() == [0, 0, 0, 0]


def test_plan_counts_and_meetings(engine, mini_plan):
    assert queries.plan_counts(engine, mini_plan) == {
        "action_fields": 3, "guiding_goals": 3, "annual_goals": 4, "measures": 6,
        "status_reports": 7, "indicators": 1, "meetings": 2,
    }
    assert queries.meetings(engine, mini_plan)["meeting_date"].tolist() == [dt.date(2024, 3, 15), dt.date(2024, 9, 15)]


def test_plan_start_is_the_first_annual_goal_year(engine, mini_plan):
    assert queries.plan_start(engine, mini_plan) == dt.date(2023, 1, 1)  # goals of 2023, measures from 2023-01-01
    assert queries.plan_start(engine, mini_plan + 1) is None  # no such plan: nothing starts
