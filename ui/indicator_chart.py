"""Kennzahlen: the chart of one indicator (actual values, baseline, target, trend) and its tables.

DataFrame in, Figure or display DataFrame out; no Streamlit, no database. Rows come from
models.indicators.indicator_summary, values from indicator_values + with_confidentiality.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_date, format_number
from models.indicators import DEFAULT_CONFIDENTIALITY_THRESHOLD
from models.texts import text
from ui.figures import FONT

ACTUAL_COLOUR = "#0072B2"
BASELINE_COLOUR = "#3d4650"
TARGET_COLOUR = "#009E73"
TREND_COLOUR = "#D55E00"
# Icons next to the words of a verdict: tables cannot show colour, and colour alone never speaks.
VERDICT_ICONS = {"on_track": "✓", "off_track": "✗", "reached": "★", "too_few": "…", "no_target": "–"}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def format_value(value: float | None, hidden: bool = False,
                 threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> str:
    """A value in German notation with as many decimals as it has (up to two); small counts of
    people as '< 5'."""
    if hidden:
        return f"< {threshold}"
    if _missing(value):
        return "–"
    value = float(value)
    decimals = 0 if value.is_integer() else 1 if round(value, 1) == value else 2
    return format_number(value, decimals)


def with_unit(number: str, unit: str) -> str:
    return f"{number}\u00a0{unit}" if unit and number != "–" else number


def verdict_text(verdict: str, lang: str = "de") -> str:
    """The verdict in words with its icon, e.g. '✓ auf Kurs'."""
    return f"{VERDICT_ICONS[verdict]} {text(f'indicators.verdict.{verdict}', lang)}"


def level_text(indicator: Mapping[str, Any], lang: str = "de") -> str:
    """What the indicator belongs to, e.g. 'Leitziel „Alle sprechen Deutsch“'."""
    return text(f"indicators.level.{indicator['level']}", lang, title=indicator["level_title"] or "")


def date_or_none(value: Any) -> dt.date | None:
    """A date from a frame cell, None when missing (None, NaN or NaT)."""
    return None if _missing(value) or value is pd.NaT else value


def overview_table(summary: pd.DataFrame, lang: str = "de",
                   threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """One line per indicator: latest value, target and the verdict in words."""
    col = lambda key: text(f"indicators.col.{key}", lang)  # noqa: E731
    rows = [
        {
            col("indicator"): f"{row['code']} · {row['title']}",
            col("kind"): text(f"indicators.kind_short.{row['kind']}", lang),
            col("belongs"): level_text(row, lang),
            col("unit"): row["unit"],
            col("latest"): format_value(row["latest_value"], row["latest_hidden"], threshold),
            col("latest_date"): format_date(date_or_none(row["latest_date"])),
            col("target"): format_value(row["target_value"]),
            col("target_date"): format_date(date_or_none(row["target_date"])),
            col("verdict"): verdict_text(row["verdict"], lang),
        }
        for _, row in summary.iterrows()
    ]
    columns = [col(key) for key in ("indicator", "latest", "unit", "latest_date", "target", "target_date",
                                    "verdict", "kind", "belongs")]
    return pd.DataFrame(rows, columns=columns)


def values_table(values: pd.DataFrame, default_source: str = "", lang: str = "de",
                 threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """Every value of one indicator, newest first; hidden ones as '< 5'."""
    col = lambda key: text(f"indicators.col.{key}", lang)  # noqa: E731
    hidden = values["hidden"] if "hidden" in values else pd.Series(False, index=values.index)
    rows = [
        {
            col("date"): format_date(row["value_date"]),
            col("value"): format_value(row["value"], bool(is_hidden), threshold),
            col("source"): row["source"] or default_source,
            col("note"): row["note"] or "",
        }
        for (_, row), is_hidden in zip(values.iloc[::-1].iterrows(), hidden.iloc[::-1])
    ]
    return pd.DataFrame(rows, columns=[col(key) for key in ("date", "value", "source", "note")])


def has_chart(indicator: Mapping[str, Any], values: pd.DataFrame) -> bool:
    """Whether there is anything to draw (else the page says so in words)."""
    shown = _shown(values)
    baseline = not _missing(indicator["baseline_value"]) and not indicator.get("baseline_hidden", False)
    return bool(len(shown) or baseline or not _missing(indicator["target_value"]))


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
    baseline_shown = (baseline_date is not None and not _missing(indicator["baseline_value"])
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
    if target_date is not None and not _missing(indicator["target_value"]):
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
        xaxis=dict(type="date", tickformat="%Y", title=text("indicators.chart.date_axis", lang),
                   gridcolor="#e6e9ed"),
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
