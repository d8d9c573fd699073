"""Akteure: measures per organisation as a stacked bar chart (the tables in words: ui.views.organisations).

DataFrame in, Figure out; no Streamlit, no database. Rows come from
models.organisations.organisation_overview and measures_of_organisation.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import ui.strings  # noqa: F401  (registers the UI strings)
from models.organisations import LEAD, PARTNER
from models.texts import text
from ui.charts.figures import FONT, wrap_label

ROLE_COLOURS = {LEAD: "#0072B2", PARTNER: "#bfe2f7"}
ROLE_TEXT_COLOURS = {LEAD: "#ffffff", PARTNER: "#1b1f24"}
# The partner bars are hatched as well, so the two roles differ without colour.
ROLE_PATTERNS = {LEAD: "", PARTNER: "/"}


def display_name(row) -> str:
    return row["short_name"] or row["name"]


def measures_figure(overview: pd.DataFrame, lang: str = "de") -> go.Figure:
    """Horizontal stacked bars per organisation: measures it leads and measures it partners in."""
    labels = [wrap_label(display_name(row), width=30, max_lines=2) for _, row in overview.iterrows()]
    figure = go.Figure()
    for role in (LEAD, PARTNER):
        counts = overview[role].astype(int).tolist()
        name = text(f"organisations.role.{role}", lang)
        figure.add_trace(go.Bar(
            x=counts, y=labels, orientation="h", name=name,
            marker=dict(color=ROLE_COLOURS[role], line=dict(color="#1b1f24", width=0.5),
                        pattern=dict(shape=ROLE_PATTERNS[role], fillmode="overlay", fgcolor="#0072B2",
                                     fgopacity=0.6, solidity=0.12, size=10)),
            text=[str(count) if count else "" for count in counts], textposition="inside",
            insidetextanchor="middle", insidetextfont=dict(color=ROLE_TEXT_COLOURS[role]),
            hovertext=[f"{label.replace('<br>', ' ')}: {count} × {name}" for label, count in zip(labels, counts)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    figure.update_layout(
        barmode="stack",
        separators=",.",
        font=FONT,
        height=max(180, 34 * len(overview) + 110),
        margin=dict(l=10, r=20, t=40, b=40),
        plot_bgcolor="#ffffff",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, traceorder="normal"),
        xaxis=dict(title=text("organisations.chart.axis", lang), dtick=1 if _max_total(overview) <= 10 else None,
                   gridcolor="#e6e9ed", fixedrange=True),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True),
    )
    return figure


def _max_total(overview: pd.DataFrame) -> int:
    return int((overview[LEAD] + overview[PARTNER]).max()) if len(overview) else 0
