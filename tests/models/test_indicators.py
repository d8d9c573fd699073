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
