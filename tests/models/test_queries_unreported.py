"""Reports that name no progress figure (issue 14) on the hand-made plan, on SQLite and PostgreSQL: the measure's
progress is the figure of its latest report that has one, a measure with none is left out of the roll-up and
named, its light says so in words, and the open data leave the figure empty instead of 0."""

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from models import open_data, queries
from models.open_data import BY_NAME
from models.rules import state_as_of
from models.schema import Measure, StatusReport

ON = dt.date(2024, 6, 30)


@pytest.fixture
def unreported(engine, mini_plan) -> int:
    """The mini plan with M1's latest report (50 %, 01.06.2024) and M2's only report (10 %) naming no figure."""
    with Session(engine) as session, session.begin():
        ids = dict(session.execute(select(Measure.code, Measure.id)).all())
        session.execute(update(StatusReport).where(
            (StatusReport.measure_id == ids["M1"]) & (StatusReport.report_date == dt.date(2024, 6, 1))
            | (StatusReport.measure_id == ids["M2"])).values(progress=None))
    return mini_plan


def test_measure_progress_is_the_latest_figure_and_none_without_one(engine, unreported):
    states = queries.measure_states(engine, unreported, ON).set_index("code")
    assert states.loc["M1", ["status", "progress", "last_report_date", "progress_date"]].tolist() == [
        "in Umsetzung", 20, dt.date(2024, 6, 1), dt.date(2024, 3, 1)]
    assert pd.isna(states.loc["M2", "progress"]) and states.loc["M2", "progress_date"] is None
    assert states.loc["M2", ["light", "reason_key"]].tolist() == ["grey", "no_progress"]
    assert "kein Fortschritt gemeldet" in states.loc["M2", "reason"]
    assert states.loc["M6", "progress"] == 0  # no report at all: planned with 0 %, as before
    with Session(engine) as session:
        for measure in session.scalars(select(Measure).options(selectinload(Measure.reports))):
            expected = state_as_of(measure.reports, ON).progress
            shown = states.loc[measure.code, "progress"]
            assert (None if pd.isna(shown) else shown) == expected, measure.code


def test_rollup_leaves_the_measure_without_figure_out_and_counts_it(engine, unreported):
    states = queries.measure_states(engine, unreported, ON)
    tree = queries.progress_tree(engine, unreported, states)
    annual = tree["annual_goals"].set_index("annual_goal_code")
    assert annual.loc["JZ2024-01", ["progress", "counted", "excluded", "unreported"]].tolist() == [20.0, 1, 1, 1]
    goals = tree["guiding_goals"].set_index("guiding_goal_code")
    assert goals.loc["LZ1", ["progress", "unreported"]].tolist() == [20.0, 1]


def test_open_data_leave_a_missing_figure_empty(engine, unreported):
    plan = open_data.public_plan(engine, "mini")
    measures = {row["kuerzel"]: row for row in open_data.rows(engine, plan, BY_NAME["massnahmen"], ON)}
    assert measures["M2"]["fortschritt"] is None and measures["M1"]["fortschritt"] == 20
    reports = [row for row in open_data.rows(engine, plan, BY_NAME["sachstaende"], ON) if row["massnahme"] == "M1"]
    assert [row["fortschritt"] for row in reports] == [20, None]
