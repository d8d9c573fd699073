"""Plotly figure builders: DataFrame in, Figure out (no Streamlit, no database)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from models.formats import format_percent
import ui.strings  # noqa: F401  (registers the UI strings)
from models.texts import localised_column, text

BAR_COLOUR = "#0b5394"
EMPTY_COLOUR = "#8a96a3"
FONT = dict(family="Source Sans Pro, sans-serif", size=14, color="#1b1f24")
LABEL_WIDTH = 28  # characters per line of a progress bar's label


class SharedFigure(go.Figure):
    """A finished figure shown unchanged by every session (ui.reads keeps it per change counter).
    st.plotly_chart asks a figure for to_dict() on every run, and plotly deep-copies the whole figure
    for it; this one makes its dict once. Its readers only read it (plotly.io.to_json builds a new one)."""

    def to_dict(self) -> dict:
        made = self.__dict__.get("_made_dict")
        if made is None:
            made = self.__dict__["_made_dict"] = super().to_dict()
        return made


def shared_figure(figure: go.Figure) -> SharedFigure:
    """The figure as a SharedFigure (once, when a cache is filled: the copy validates the figure)."""
    return SharedFigure(figure)


def wrap_label(label: str, width: int = 42, max_lines: int = 3) -> str:
    """Break a long title into lines for a chart axis; cut with an ellipsis after max_lines."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return "<br>".join(lines)


def progress_bars(frame: pd.DataFrame, label: str, lang: str = "de") -> go.Figure:
    """Horizontal bars of progress (0-100 %), one per row; empty levels say so instead of 0 %. With the
    level's light (queries.LEVEL_LIGHT_COLUMNS) the hover names it with its distribution."""
    light = localised_column("light_words", lang)
    has_light = light in frame
    progress = frame["progress"].astype(float)
    empty = progress.isna()
    unreported = frame["unreported"].fillna(0) if "unreported" in frame else pd.Series(0, index=frame.index)
    labels = [  # an empty bar says why: no measures, or none of them with a progress figure
        text("rollup.no_figure" if missing else "rollup.empty", lang) if is_empty else format_percent(value)
        for value, is_empty, missing in zip(progress, empty, unreported)
    ]
    figure = go.Figure(
        go.Bar(
            x=progress.fillna(0).round(1).tolist(),
            # narrow lines: on a phone (390 px) Plotly's automargin keeps the labels whole only when they
            # leave the bars some room; wider lines were cut at the left edge
            y=[wrap_label(str(value), LABEL_WIDTH, 3) for value in frame[label]],
            orientation="h",
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=[EMPTY_COLOUR if is_empty else BAR_COLOUR for is_empty in empty],
            customdata=frame["measures"].tolist() if "measures" in frame else None,
            hovertext=frame[light].tolist() if has_light else None,
            hovertemplate="%{y}<br>%{text}"
            + ("<br>%{customdata} " + text("chart.measures_hover", lang) if "measures" in frame else "")
            + ("<br>" + text("chart.light_hover", lang) + ": %{hovertext}" if has_light else "")
            + "<extra></extra>",
        )
    )
    figure.update_layout(
        separators=",.",
        font=FONT,
        height=max(160, 56 * len(frame) + 70),
        margin=dict(l=10, r=70, t=10, b=40),
        xaxis=dict(range=[0, 100], ticksuffix=" %", title=text("chart.progress_axis", lang), fixedrange=True,
                   tickfont=dict(color=FONT["color"])),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True, tickfont=dict(color=FONT["color"])),
        plot_bgcolor="#ffffff",
        showlegend=False,
    )
    return figure
