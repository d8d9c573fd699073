"""Figure and table builders of the page Kennzahlen: traces, German notation, confidentiality."""

import datetime as dt

import pandas as pd
import pytest

from models.indicators import project_trend, with_confidentiality
from ui.charts.indicators import has_chart, indicator_figure
from ui.views.indicators import format_value, overview_table, values_table, verdict_text

D = dt.date


def _indicator(**changes):
    row = dict(
        indicator_id=1, code="K1", title="Teilnehmende", unit="Personen", kind="result", direction="increase",
        counts_people=True, source="Testquelle", level="guiding_goal", level_title="Alle sprechen Deutsch",
        baseline_date=D(2022, 12, 31), baseline_value=1000.0, baseline_hidden=False,
        target_date=D(2030, 12, 31), target_value=5000.0,
        latest_value=1234.5, latest_date=D(2024, 6, 30), latest_hidden=False, verdict="on_track",
    )
    row.update(changes)
    points = [(row["baseline_date"], row["baseline_value"])] if row["baseline_date"] else []
    row.setdefault("trend", project_trend(points + [(D(2023, 12, 31), 1100.0), (D(2024, 6, 30), 1234.5)],
                                          row["target_date"], row["target_value"]))
    return row


def _values(*pairs, counts_people=True):
    frame = pd.DataFrame(
        [{"indicator_id": 1, "value_date": day, "value": float(value), "source": "", "note": ""} for day, value in pairs],
        columns=["indicator_id", "value_date", "value", "source", "note"],
    )
    return with_confidentiality(frame, counts_people)


def _traces(figure):
    return {trace.name: trace for trace in figure.data}


def test_figure_has_actual_baseline_target_and_trend():
    indicator = _indicator()
    figure = indicator_figure(indicator, _values((D(2023, 12, 31), 1100), (D(2024, 6, 30), 1234.5)))
    traces = _traces(figure)
    assert list(traces) == ["Ausgangswert", "Istwerte", "Trend bei gleichem Tempo", "Zielwert"]
    assert list(traces["Istwerte"].x) == ["2023-12-31", "2024-06-30"]
    assert list(traces["Istwerte"].y) == [1100.0, 1234.5]
    assert traces["Istwerte"].mode == "lines+markers"
    assert (list(traces["Ausgangswert"].x), list(traces["Ausgangswert"].y)) == (["2022-12-31"], [1000.0])
    assert (list(traces["Zielwert"].x), list(traces["Zielwert"].y)) == (["2030-12-31"], [5000.0])
    assert traces["Zielwert"].marker.symbol == "star"
    trend = traces["Trend bei gleichem Tempo"]
    assert trend.line.dash == "dash"
    assert list(trend.x) == ["2024-06-30", "2030-12-31"]
    assert trend.y[0] == 1234.5 and trend.y[1] == pytest.approx(indicator["trend"].projected)


def test_figure_speaks_german_numbers_and_dates():
    figure = indicator_figure(_indicator(), _values((D(2023, 12, 31), 1100), (D(2024, 6, 30), 1234.5)))
    assert figure.layout.separators == ",."
    assert list(_traces(figure)["Istwerte"].hovertext) == ["31.12.2023: 1.100\xa0Personen", "30.06.2024: 1.234,5\xa0Personen"]
    assert _traces(figure)["Zielwert"].hovertext[0] == "Zielwert: 5.000\xa0Personen (31.12.2030)"
    assert figure.layout.yaxis.title.text == "Personen"
    # a value of 31.12.2023 sits under the label "2023" (in the middle of its year), not under "2024"
    assert (figure.layout.xaxis.tickformat, figure.layout.xaxis.ticklabelmode) == ("%Y", "period")


def test_figure_leaves_out_hidden_small_counts():
    indicator = _indicator(baseline_value=3.0, baseline_hidden=True)
    values = _values((D(2023, 12, 31), 4), (D(2024, 6, 30), 9))
    traces = _traces(indicator_figure(indicator, values))
    assert "Ausgangswert" not in traces
    assert list(traces["Istwerte"].y) == [9.0]


def test_figure_without_projection_has_no_trend_line():
    few = project_trend([(D(2022, 12, 31), 1000.0)], D(2030, 12, 31), 5000.0)
    reached = project_trend([(D(2022, 12, 31), 1000.0), (D(2024, 1, 1), 6000.0)], D(2030, 12, 31), 5000.0)
    for trend in (few, reached):
        traces = _traces(indicator_figure(_indicator(trend=trend), _values((D(2024, 1, 1), 6000))))
        assert "Trend bei gleichem Tempo" not in traces and "Istwerte" in traces


def test_figure_in_english():
    traces = _traces(indicator_figure(_indicator(), _values((D(2024, 6, 30), 1234.5)), lang="en"))
    assert list(traces) == ["Baseline", "Actual values", "Trend at the current pace", "Target"]


def test_has_chart_needs_something_to_draw():
    empty = _values()
    nothing = _indicator(baseline_date=None, baseline_value=None, target_date=None, target_value=None,
                         trend=project_trend([], None, None))
    assert not has_chart(nothing, empty)
    assert has_chart(_indicator(), empty)


def test_format_value_german_and_confidential():
    assert format_value(1234.5) == "1.234,5"
    assert format_value(2500.0) == "2.500"
    assert format_value(0.25) == "0,25"
    assert format_value(3.0, hidden=True) == "< 5"
    assert format_value(None) == "–"


def test_verdict_words_carry_an_icon():
    assert verdict_text("on_track") == "✓ auf Kurs"
    assert verdict_text("off_track") == "✗ nicht auf Kurs"
    assert verdict_text("reached") == "★ Ziel erreicht"
    assert verdict_text("too_few") == "… zu wenige Werte"


def test_overview_table_in_words():
    summary = pd.DataFrame([_indicator(), _indicator(code="K2", latest_value=3.0, latest_hidden=True, verdict="too_few",
                                                     kind="context", level="plan", level_title=None)])
    table = overview_table(summary)
    assert table.columns.tolist() == ["Kennzahl", "Aktueller Wert", "Einheit", "Stand des Werts", "Zielwert",
                                      "Zieldatum", "Bewertung", "Art", "Gehört zu"]
    assert table.iloc[0].tolist() == ["K1 · Teilnehmende", "1.234,5", "Personen", "30.06.2024", "5.000",
                                      "31.12.2030", "✓ auf Kurs", "Ergebnis", "Leitziel „Alle sprechen Deutsch“"]
    assert table.iloc[1][["Aktueller Wert", "Bewertung", "Art", "Gehört zu"]].tolist() == [
        "< 5", "… zu wenige Werte", "Kontext", "ganzer Plan"]


def test_values_table_newest_first_with_small_counts_hidden():
    table = values_table(_values((D(2021, 12, 31), 3), (D(2022, 12, 31), 0), (D(2023, 12, 31), 1234)), "Amt")
    assert table["Datum"].tolist() == ["31.12.2023", "31.12.2022", "31.12.2021"]
    assert table["Wert"].tolist() == ["1.234", "0", "< 5"]
    assert table["Quelle"].tolist() == ["Amt", "Amt", "Amt"]
