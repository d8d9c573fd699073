"""What needs attention (models.attention) and the indicators off course (models.indicators.off_course) on the
hand-made plan (tests/fixtures/mini-plan.yaml, reference date 2024-06-30), on SQLite and PostgreSQL."""

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import indicators, queries
from models.attention import by_urgency, needing_attention
from models.measures import MeasureFilters, apply_filters, measure_list
from models.schema import Indicator, IndicatorValue, Measure, Plan, StatusReport

ON = dt.date(2024, 6, 30)


def _add_report(engine, code: str, day: dt.date, status: str, progress: int, released: bool) -> None:
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == code)).one()
        session.add(StatusReport(measure_id=measure.id, report_date=day, status=status, progress=progress,
                                 summary="Neu", released=released))


def test_attention_lists_red_yellow_overdue_and_stale_most_urgent_first(engine, mini_plan):
    attention = needing_attention(queries.measure_states(engine, mini_plan, ON))
    # M5 red, overdue since 31.12.2023 and stale; M2 yellow (10 % of an expected ~50 %); the rest green or grey
    assert attention["code"].tolist() == ["M5", "M2"]
    assert attention["days_overdue"].tolist() == [(ON - dt.date(2023, 12, 31)).days, 0]
    assert attention["stale"].tolist() == [True, False]
    assert attention["lead_organisation"].tolist() == ["Jobcenter Testkreis", "Volkshochschule Testkreis"]


def test_attention_counts_a_stale_measure_by_the_plans_setting_even_when_its_light_is_green(engine, mini_plan):
    assert "M1" not in needing_attention(queries.measure_states(engine, mini_plan, ON))["code"].tolist()
    # with the plan's setting at 20 days, M1's last report (01.06.2024) is stale on 30.06.2024, M1 still green
    with Session(engine) as session, session.begin():
        session.get(Plan, mini_plan).stale_after_days = 20
    states = queries.measure_states(engine, mini_plan, ON)
    row = states.set_index("code").loc["M1"]
    assert row["stale"] and row["light"] == "green" and row["days_overdue"] == 0
    assert "M1" in needing_attention(states)["code"].tolist()


def test_attention_in_the_public_view_ignores_unreleased_reports(engine, mini_plan):
    _add_report(engine, "M1", dt.date(2024, 6, 20), "gefährdet", 50, released=False)
    signed_in = needing_attention(queries.measure_states(engine, mini_plan, ON))
    public = needing_attention(queries.measure_states(engine, mini_plan, ON, released_only=True))
    assert signed_in["code"].tolist() == ["M5", "M1", "M2"]  # red overdue, red gefährdet, yellow
    assert public["code"].tolist() == ["M5", "M2"]


def test_attention_order_red_then_yellow_then_days_overdue_then_oldest_report():
    frame = pd.DataFrame({
        "code": ["G-stale", "Y", "R-10", "G-never", "R-100", "G-ok", "R-0-old"],
        "light": ["green", "yellow", "red", "grey", "red", "green", "red"],
        "days_overdue": [0, 0, 10, 0, 100, 0, 0],
        "stale": [True, False, False, True, False, False, True],
        "last_report_date": [dt.date(2024, 1, 1), dt.date(2024, 5, 1), dt.date(2024, 5, 1), None,
                             dt.date(2024, 6, 1), dt.date(2024, 6, 1), dt.date(2023, 1, 1)],
    })
    assert by_urgency(frame)["code"].tolist() == ["R-100", "R-10", "R-0-old", "Y", "G-never", "G-stale", "G-ok"]
    assert needing_attention(frame)["code"].tolist() == ["R-100", "R-10", "R-0-old", "Y", "G-never", "G-stale"]


def test_attention_filter_of_the_measures_page_is_the_same_list_in_the_same_order(engine, mini_plan):
    _add_report(engine, "M1", dt.date(2024, 6, 20), "gefährdet", 50, released=True)
    states = queries.measure_states(engine, mini_plan, ON)
    shown = apply_filters(measure_list(engine, mini_plan, ON, states), MeasureFilters(attention_only=True))
    assert shown["code"].tolist() == needing_attention(states)["code"].tolist() == ["M5", "M1", "M2"]
    both = apply_filters(measure_list(engine, mini_plan, ON, states),
                         MeasureFilters(attention_only=True, lights=("red",)))
    assert both["code"].tolist() == ["M5", "M1"]


def _add_value(engine, day: dt.date, value: float) -> None:
    with Session(engine) as session, session.begin():
        indicator = session.scalars(select(Indicator).where(Indicator.code == "K1")).one()
        session.add(IndicatorValue(indicator_id=indicator.id, value_date=day, value=value))


def test_indicators_off_course_on_the_stand(engine, mini_plan):
    # K1 rises 100 -> 150 -> 180 towards 500 by 2030: on course at the reference date
    assert indicators.off_course(indicators.indicator_summary(engine, mini_plan, ON)).empty
    # no values yet on 01.01.2023: nothing to judge
    assert indicators.off_course(indicators.indicator_summary(engine, mini_plan, dt.date(2023, 1, 1))).empty
    _add_value(engine, dt.date(2024, 12, 31), 170)  # falling back: the line through the values misses 500
    off = indicators.off_course(indicators.indicator_summary(engine, mini_plan, dt.date(2025, 1, 31)))
    assert off["code"].tolist() == ["K1"] and off["verdict"].tolist() == ["off_track"]
    # the Stand keeps working: before the new value K1 is on course again
    assert indicators.off_course(indicators.indicator_summary(engine, mini_plan, ON)).empty
