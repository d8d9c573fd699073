"""Kennzahlen: the chart of one indicator (actual values, baseline, target, trend); its words and tables
are in ui.views.indicators.

DataFrame in, Figure out; no Streamlit, no database. Rows come from
models.indicators.indicator_summary, values from indicator_values + with_confidentiality.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_date
from models.texts import text
from ui.charts.figures import FONT
from ui.views.indicators import date_or_none, format_value, is_missing, with_unit

ACTUAL_COLOUR = "#0072B2"
BASELINE_COLOUR = "#3d4650"
TARGET_COLOUR = "#009E73"
TREND_COLOUR = "#D55E00"


def has_chart(indicator: Mapping[str, Any], values: pd.DataFrame) -> bool:
    """Whether there is anything to draw (else the page says so in words)."""
    shown = _shown(values)
    baseline = not is_missing(indicator["baseline_value"]) and not indicator.get("baseline_hidden", False)
    return bool(len(shown) or baseline or not is_missing(indicator["target_value"]))


def _shown(values: pd.DataFrame) -> pd.DataFrame:
    return values[~values["hidden"].astype(bool)] if "hidden" in values else values


def _point(name: str, day: dt.date, value: float, unit: str, colour: str, symbol: str, size: int,
           label: str) -> go.Scatter:
    return go.Scatter(
        x=[day.isoformat()], y=[float(value)], mode="markers", name=name,
        marker=dict(color=colour, symbol=symbol, size=size, line=dict(color="#1b1f24", width=1)),
        hovertext=[f"{label}: {with_unit(format_value(value), unit)} ({format_date(day)})"],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def indicator_figure(indicator: Mapping[str, Any], values: pd.DataFrame, lang: str = "de") -> go.Figure:
    """Actual values (line with markers), baseline and target (points), and the trend as a dashed
    line from the latest shown value to the projection at the target date. Values marked hidden
    (small counts of people) are left out."""
    unit = indicator["unit"] or ""
    shown = _shown(values)
    figure = go.Figure()
    baseline_date, target_date = date_or_none(indicator["baseline_date"]), date_or_none(indicator["target_date"])
    baseline_shown = (baseline_date is not None and not is_missing(indicator["baseline_value"])
                      and not indicator.get("baseline_hidden", False))
    if baseline_shown:
        name = text("indicators.chart.baseline", lang)
        figure.add_trace(_point(name, baseline_date, indicator["baseline_value"], unit, BASELINE_COLOUR,
                                "diamond", 12, name))
    if len(shown):
        actual = text("indicators.chart.actual", lang)
        figure.add_trace(go.Scatter(
            x=[day.isoformat() for day in shown["value_date"]], y=shown["value"].astype(float).tolist(),
            mode="lines+markers", name=actual, line=dict(color=ACTUAL_COLOUR, width=3),
            marker=dict(color=ACTUAL_COLOUR, size=8, symbol="circle"),
            hovertext=[f"{format_date(day)}: {with_unit(format_value(value), unit)}"
                       for day, value in zip(shown["value_date"], shown["value"])],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    trend = indicator.get("trend")
    start = _trend_start(shown, indicator, baseline_shown)
    if trend is not None and trend.projected is not None and not trend.reached and start and target_date:
        name = text("indicators.chart.trend", lang)
        figure.add_trace(go.Scatter(
            x=[start[0].isoformat(), target_date.isoformat()], y=[start[1], float(trend.projected)],
            mode="lines", name=name, line=dict(color=TREND_COLOUR, width=2, dash="dash"),
            hovertext=["", f"{name}: {with_unit(format_value(round(trend.projected, 1)), unit)} "
                           f"({format_date(target_date)})"],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    if target_date is not None and not is_missing(indicator["target_value"]):
        name = text("indicators.chart.target", lang)
        figure.add_trace(_point(name, target_date, indicator["target_value"], unit, TARGET_COLOUR,
                                "star", 18, name))
    figure.update_layout(
        separators=",.",
        font=FONT,
        height=340,
        margin=dict(l=10, r=20, t=40, b=40),
        plot_bgcolor="#ffffff",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        # Year labels stand in the middle of their year, so a value of 31.12.2005 sits under "2005", not "2006".
        xaxis=dict(type="date", tickformat="%Y", ticklabelmode="period",
                   title=text("indicators.chart.date_axis", lang), gridcolor="#e6e9ed"),
        yaxis=dict(title=unit or text("indicators.chart.value_axis", lang), rangemode="tozero",
                   separatethousands=True, gridcolor="#e6e9ed"),
        hovermode="closest",
    )
    return figure


def _trend_start(shown: pd.DataFrame, indicator: Mapping[str, Any], baseline_shown: bool):
    if len(shown):
        return shown["value_date"].iloc[-1], float(shown["value"].iloc[-1])
    if baseline_shown:
        return indicator["baseline_date"], float(indicator["baseline_value"])
    return None
