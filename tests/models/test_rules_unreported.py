"""Domain rules for reports that name no progress figure (issue 14: imported history never says "0 %")."""

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from models.rules import (
    AT_RISK, COMPLETED, DELAYED, GREEN, GREY, IN_PROGRESS, PLANNED, RED, SUSPENDED, YELLOW,
    progress_text, report_progress, rollup_measures, rollup_measures_frame, state_as_of, traffic_light,
    unreported_words,
)

D = dt.date


def _report(day, status, progress):
    return SimpleNamespace(report_date=day, status=status, progress=progress)


@pytest.mark.parametrize("status, progress, counted", [
    (IN_PROGRESS, None, None), (PLANNED, None, None), (COMPLETED, None, 100), (COMPLETED, 100, 100),
    (IN_PROGRESS, 40, 40), (IN_PROGRESS, 0, 0), (DELAYED, float("nan"), None),
])
def test_rule_report_without_figure_counts_with_none_but_abgeschlossen_counts_as_100(status, progress, counted):
    assert report_progress(status, progress) == counted


def test_rule_measure_progress_is_the_figure_of_its_latest_report_that_has_one():
    reports = [_report(D(2013, 12, 31), IN_PROGRESS, 30), _report(D(2015, 12, 31), IN_PROGRESS, None),
               _report(D(2016, 12, 31), DELAYED, None)]
    state = state_as_of(reports, D(2020, 1, 1))
    assert (state.status, state.progress, state.report_date, state.progress_date) == (
        DELAYED, 30, D(2016, 12, 31), D(2013, 12, 31))
    assert state_as_of(reports, D(2014, 1, 1)).progress_date == D(2013, 12, 31)
    reports.append(_report(D(2017, 6, 30), COMPLETED, None))
    assert state_as_of(reports, D(2020, 1, 1)).progress == 100


def test_rule_measure_progress_is_none_when_no_report_names_a_figure():
    reports = [_report(D(2013, 12, 31), PLANNED, None), _report(D(2015, 12, 31), IN_PROGRESS, None)]
    state = state_as_of(reports, D(2020, 1, 1))
    assert (state.status, state.progress, state.progress_date) == (IN_PROGRESS, None, None)
    assert state_as_of([], D(2020, 1, 1)).progress == 0  # no report at all: planned with 0 %, as before


def test_rule_rollup_leaves_measures_without_figure_out_of_the_mean_and_names_them():
    rollup = rollup_measures([(40, 1, IN_PROGRESS), (None, 1, IN_PROGRESS), (None, 5, DELAYED),
                              (80, 1, IN_PROGRESS), (10, 1, SUSPENDED)])
    assert (rollup.progress, rollup.counted, rollup.excluded, rollup.unreported) == (60.0, 2, 1, 2)
    assert unreported_words(rollup.unreported) == "2 Maßnahmen ohne Fortschrittsangabe"
    assert unreported_words(1) == "1 Maßnahme ohne Fortschrittsangabe" and unreported_words(0) == ""
    nothing = rollup_measures([(None, 1, IN_PROGRESS)])
    assert nothing.progress is None and nothing.describe() == "keine Fortschrittsangabe"


def test_rule_rollup_frame_weights_only_measures_with_a_figure():
    frame = pd.DataFrame({"g": [1, 1, 2], "progress": [50.0, float("nan"), float("nan")],
                          "weight": [1.0, 9.0, 1.0], "status": [IN_PROGRESS] * 3})
    result = rollup_measures_frame(frame, "g")
    assert result.loc[1, "progress"] == 50.0 and result.loc[1, "unreported"] == 1
    assert pd.isna(result.loc[2, "progress"]) and result.loc[2, "counted"] == 0


@pytest.mark.parametrize("status, on, colour, key", [
    (IN_PROGRESS, D(2024, 6, 30), GREY, "no_progress"),  # would need the figure: says so, invents none
    (IN_PROGRESS, D(2025, 2, 1), RED, "overdue"),
    (AT_RISK, D(2024, 6, 30), RED, "at_risk"),
    (DELAYED, D(2024, 6, 30), YELLOW, "delayed"),
    (PLANNED, D(2023, 6, 30), GREY, "not_started"),
    (COMPLETED, D(2024, 6, 30), GREEN, "completed"),
])
def test_rule_traffic_light_without_figure_goes_by_status_and_dates_only(status, on, colour, key):
    light = traffic_light(status, None, D(2024, 1, 1), D(2024, 12, 31), on)
    assert (light.colour, light.reason_key) == (colour, key)
    if key == "no_progress":
        assert "kein Fortschritt gemeldet" in light.reason() and "%" not in light.reason()


def test_rule_progress_text_says_keine_angabe_instead_of_0_percent():
    assert progress_text(None) == "keine Angabe" and progress_text(float("nan"), "en") == "not given"
    assert progress_text(0) == "0\u00a0%" and progress_text(45.0) == "45\u00a0%"
