"""Indicator rules: trend projection to the target date, statistical confidentiality."""

import datetime as dt

import pandas as pd
import pytest

from models.indicators import hide_small_counts, indicator_values, indicators, project_trend, trend_of

D = dt.date


def test_trend_projects_a_straight_line_to_the_target_date():
    trend = project_trend([(D(2020, 1, 1), 100), (D(2022, 1, 1), 200)], D(2024, 1, 1), 250)
    assert trend.projected == pytest.approx(300, abs=0.5)
    assert trend.on_pace is True
    assert trend.sentence("Personen") == (
        "Bei gleichbleibendem Tempo wird der Zielwert von 250\u00a0Personen bis 01.01.2024 erreicht "
        "(Prognose: 300\u00a0Personen)."
    )


def test_trend_says_when_the_target_is_missed_at_the_current_pace():
    trend = project_trend([(D(2020, 1, 1), 100), (D(2021, 1, 1), 110)], D(2030, 1, 1), 1000)
    assert trend.on_pace is False
    assert "nicht erreicht" in trend.sentence()


def test_trend_for_a_falling_indicator_needs_to_go_below_target():
    points = [(D(2020, 1, 1), 12.0), (D(2022, 1, 1), 10.0)]
    assert project_trend(points, D(2026, 1, 1), 7.0, "decrease").on_pace is True
    assert project_trend(points, D(2024, 1, 1), 7.0, "decrease").on_pace is False


def test_trend_needs_two_dates():
    trend = project_trend([(D(2020, 1, 1), 100)], D(2030, 1, 1), 500)
    assert trend.projected is None
    assert trend.sentence() == "Für eine Prognose fehlen Messwerte (mindestens zwei Zeitpunkte)."


def test_trend_target_already_reached():
    trend = project_trend([(D(2020, 1, 1), 100), (D(2021, 1, 1), 600)], D(2030, 1, 1), 500)
    assert trend.reached and trend.sentence() == "Der Zielwert von 500 ist bereits erreicht."


def test_trend_without_target():
    assert project_trend([(D(2020, 1, 1), 1)], None, None).sentence() == (
        "Für diese Kennzahl ist kein Zielwert festgelegt."
    )


def test_confidentiality_hides_counts_below_threshold_but_not_zero():
    shown = hide_small_counts(pd.Series([0, 3, 4, 5, 12]), threshold=5)
    assert shown.isna().tolist() == [False, True, True, False, False]


def test_indicator_queries_on_the_mini_plan(engine, mini_plan):
    table = indicators(engine, mini_plan)
    assert table.loc[0, ["code", "guiding_goal", "unit"]].tolist() == ["K1", "Alle sprechen Deutsch", "Personen"]
    values = indicator_values(engine, mini_plan, D(2024, 1, 1))
    assert values["value"].tolist() == [150.0]
    trend = trend_of(table.iloc[0], indicator_values(engine, mini_plan, D(2024, 12, 31)))
    # baseline 100 (end 2022), 150 (end 2023), 180 (mid 2024): about +55 a year, 523 by 2030
    assert trend.projected == pytest.approx(522.7, abs=0.1) and trend.on_pace is True


# --- the page Kennzahlen: summary as of a Stand ---

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models.indicators import (  # noqa: E402
    Trend,
    indicator_fields,
    indicator_summary,
    is_hidden,
    summarise,
    verdict_of,
    with_confidentiality,
)
from models.schema import Indicator, IndicatorValue, Measure  # noqa: E402


def test_summary_of_the_mini_plan_as_of_a_stand_before_the_last_value(engine, mini_plan):
    row = indicator_summary(engine, mini_plan, D(2024, 1, 1)).iloc[0]
    assert (row["code"], row["latest_value"], row["latest_date"]) == ("K1", 150.0, D(2023, 12, 31))
    assert row["latest_source"] == "Testquelle"  # the value has no own source: the indicator's
    assert (row["level"], row["level_title"]) == ("guiding_goal", "Alle sprechen Deutsch")
    assert (row["field_code"], row["field"]) == ("HF1", "Sprache")
    assert row["values_count"] == 1 and not row["latest_hidden"]
    # 100 (end 2022) -> 150 (end 2023): +50 a year, about 500 by the end of 2030
    assert row["trend"].projected == pytest.approx(500.3, abs=0.1)
    assert row["verdict"] == "on_track"


def test_summary_as_of_a_later_stand_takes_the_latest_value(engine, mini_plan):
    row = indicator_summary(engine, mini_plan, D(2024, 12, 31)).iloc[0]
    assert (row["latest_value"], row["latest_date"], row["values_count"]) == (180.0, D(2024, 6, 30), 2)


def test_summary_before_any_value(engine, mini_plan):
    row = indicator_summary(engine, mini_plan, D(2023, 1, 1)).iloc[0]
    assert row["latest_value"] is None and row["values_count"] == 0
    assert row["verdict"] == "too_few"  # the baseline alone is one date


def test_indicator_fields_resolve_every_level(engine, mini_plan):
    with Session(engine) as session, session.begin():
        measure_id = session.scalar(select(Measure.id).where(Measure.code == "M6"))
        session.add(Indicator(plan_id=mini_plan, code="K2", title="Messebesuche", measure_id=measure_id))
        session.add(Indicator(plan_id=mini_plan, code="K3", title="Ganzer Plan"))
    fields = indicator_fields(engine, mini_plan).merge(
        indicators(engine, mini_plan)[["indicator_id", "code"]], on="indicator_id"
    ).set_index("code")
    assert fields.loc["K1", "field_code"] == "HF1"
    assert fields.loc["K2", ["field_code", "field"]].tolist() == ["HF3", "Arbeit"]
    assert pd.isna(fields.loc["K3", "field_id"])
    summary = indicator_summary(engine, mini_plan, D(2024, 12, 31)).set_index("code")
    assert summary.loc["K2", ["level", "level_title", "verdict"]].tolist() == ["measure", "Jobmesse 2025", "no_target"]
    assert summary.loc["K3", "level"] == "plan"


def test_small_counts_of_people_are_marked_hidden(engine, mini_plan):
    with Session(engine) as session, session.begin():
        k1 = session.query(Indicator).filter_by(code="K1").one()
        session.add(IndicatorValue(indicator_id=k1.id, value_date=D(2024, 9, 30), value=3))
    row = indicator_summary(engine, mini_plan, D(2024, 12, 31)).iloc[0]
    assert row["latest_value"] == 3 and row["latest_hidden"]
    values = with_confidentiality(indicator_values(engine, mini_plan, D(2024, 12, 31)), counts_people=True)
    assert values["hidden"].tolist() == [False, False, True]


def test_is_hidden_only_for_counts_of_people():
    assert is_hidden(3, True) and not is_hidden(3, False)
    assert not is_hidden(0, True) and not is_hidden(5, True) and not is_hidden(None, True)
    assert not with_confidentiality(pd.DataFrame({"value": [1.0]}), counts_people=False)["hidden"].any()


def test_verdicts():
    day = D(2030, 1, 1)
    assert verdict_of(Trend(None, None, None, None)) == "no_target"
    assert verdict_of(Trend(600, 500, day, True, reached=True)) == "reached"
    assert verdict_of(Trend(None, 500, day, None)) == "too_few"
    assert verdict_of(Trend(520, 500, day, True)) == "on_track"
    assert verdict_of(Trend(300, 500, day, False)) == "off_track"


def test_summarise_without_indicators_is_empty():
    table = pd.DataFrame(columns=["indicator_id"])
    values = pd.DataFrame(columns=["indicator_id", "value_date", "value", "source", "note"])
    summary = summarise(table, values)
    assert summary.empty and "verdict" in summary.columns
