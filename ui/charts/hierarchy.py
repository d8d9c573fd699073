"""The plan's hierarchy as a treemap or sunburst: node table in (models.goals.hierarchy_frame),
plotly Figure out. No Streamlit, no database.

Every box carries its words, not only its colour: short title, progress in German format and the
traffic light's name and meaning; a level adds the distribution over its active measures its light is counted
from (models.rules.level_light); the hover adds the reason in words and the counts of all measures per colour.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import ui.strings  # noqa: F401  (registers the UI strings)
from models.rules import progress_text
from models.texts import light_words, localised_column, text
from ui.charts.figures import FONT, wrap_label
from ui.views.goals import counts_words, progress_words

LIGHT_COLOURS = {"green": "#009E73", "yellow": "#E69F00", "red": "#D55E00", "grey": "#8a96a3"}
EMPTY_COLOUR = "#eef1f4"
DARK_TEXT, LIGHT_TEXT = "#1b1f24", "#ffffff"
KINDS = ("treemap", "sunburst")


def _state_line(row, lang: str) -> str:
    progress = (progress_text(row.progress, lang) if row.level == "measure"
                else progress_words(row.progress, row.measures, lang))
    if pd.isna(row.light) or (row.level != "measure" and not row.measures):
        return progress
    return f"{progress} · {light_words(row.light, lang)}"


def _box_text(row, lang: str) -> str:
    """State line, and for a level the distribution its light is counted from ('1 rot · 0 gelb · 8 grün von
    9 laufenden Maßnahmen')."""
    state = _state_line(row, lang)
    if row.level == "measure" or not row.measures:
        return state
    return f"{state}<br>{getattr(row, localised_column('light_distribution', lang))}"


def _colour(row) -> str:
    """The light's colour; a level without any measure is drawn lighter than one without active measures."""
    if pd.isna(row.light) or (row.level != "measure" and not row.measures):
        return EMPTY_COLOUR
    return LIGHT_COLOURS[row.light]


def _label(row, kind: str) -> str:
    if row.level == "plan":
        return wrap_label(row.title, 30, 2)
    if kind == "sunburst":
        return row.code
    return f"<b>{row.code}</b><br>{wrap_label(row.title, 28, 2)}"


def hierarchy_figure(nodes: pd.DataFrame, kind: str = "treemap", lang: str = "de") -> go.Figure:
    """Treemap (default) or sunburst of the node table; colour = traffic light of the node."""
    rows = list(nodes.itertuples(index=False))
    colours = [_colour(row) for row in rows]
    text_colours = [LIGHT_TEXT if row.light == "red" else DARK_TEXT for row in rows]
    level_names = {level: text(f"goals.level.{level}", lang) for level in nodes["level"].unique()}
    reason = localised_column("light_reason", lang)
    customdata = [
        [level_names[row.level], row.title, _state_line(row, lang), counts_words(row, lang, "<br>"),
         getattr(row, reason)] for row in rows
    ]
    trace_class = go.Sunburst if kind == "sunburst" else go.Treemap
    trace = trace_class(
        ids=nodes["id"].tolist(),
        parents=nodes["parent"].tolist(),
        labels=[_label(row, kind) for row in rows],
        values=nodes["value"].tolist(),
        branchvalues="remainder",
        text=[_box_text(row, lang) for row in rows],
        texttemplate="%{label}<br>%{text}",
        customdata=customdata,
        hovertemplate=(
            "%{customdata[0]}: %{customdata[1]}<br>%{customdata[2]}<br>"
            + text("goals.chart.reason_hover", lang) + ": %{customdata[4]}<br>"
            + text("goals.chart.counts_hover", lang) + ":<br>%{customdata[3]}<extra></extra>"
        ),
        marker=dict(colors=colours, line=dict(color="#ffffff", width=1.5)),
        insidetextfont=dict(color=text_colours),
        maxdepth=3 if kind == "treemap" else 4,
        sort=False,
    )
    if kind == "treemap":
        trace.update(tiling=dict(pad=3), pathbar=dict(visible=True))
    figure = go.Figure(trace)
    figure.update_layout(separators=",.", font=FONT, height=620, margin=dict(l=4, r=4, t=30, b=4))
    return figure
