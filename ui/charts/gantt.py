"""Timeline (Gantt) of measures: DataFrame in, plotly Figure out (no Streamlit, no database).

One bar trace per traffic-light colour, not per measure, so a plan with hundreds of measures
stays light; the colour is always named in words (legend and hover) and carries a pattern.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_date
from models.rules import GREEN, GREY, RED, YELLOW, progress_text
from models.texts import light_words, localised_column, text
from ui.charts.figures import FONT, wrap_label

LIGHT_COLOURS = {GREEN: "#009E73", YELLOW: "#E69F00", RED: "#D55E00", GREY: "#8a96a3"}
LIGHT_PATTERNS = {GREEN: "", YELLOW: "/", RED: "x", GREY: "."}
LEGEND_ORDER = (GREEN, YELLOW, RED, GREY)
STAND_COLOUR = "#1b1f24"
ROW_HEIGHT = 26
MIN_HEIGHT = 260
MAX_HEIGHT = 1400
FULL_LABELS_UP_TO = 40  # more rows than this: the axis names codes only (titles stay in the hover)
DAY_MS = 86_400_000



def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that have both a start and a due date (only those can be drawn)."""
    return frame[frame["start_date"].notna() & frame["due_date"].notna()]


def timeline(frame: pd.DataFrame, as_of: dt.date, lang: str = "de") -> go.Figure:
    """Bars from start to due date per measure (in the frame's order, first on top), coloured by
    traffic light, with a vertical line at the Stand. Input columns: code, title, start_date,
    due_date, light, reason, status, progress."""
    rows = dated(frame)
    figure = go.Figure()
    if rows.empty:
        return _empty(figure, lang)
    labels = _axis_labels(rows)
    for colour in LEGEND_ORDER:
        part = rows[rows["light"] == colour]
        if not part.empty:
            figure.add_trace(_bars(part, labels.loc[part.index], colour, lang))
    _stand_line(figure, as_of, lang)
    figure.update_layout(
        separators=",.",
        font=FONT,
        height=min(MAX_HEIGHT, max(MIN_HEIGHT, ROW_HEIGHT * len(rows) + 150)),
        margin=dict(l=10, r=20, t=90, b=40),
        barmode="overlay",
        bargap=0.3,
        plot_bgcolor="#ffffff",
        legend=dict(title=dict(text=text("measures.gantt.legend", lang)), orientation="h",
                    yref="container", y=1, yanchor="top", x=0, xanchor="left", traceorder="normal"),
        xaxis=dict(type="date", showgrid=True, gridcolor="#d5dbe1", tickformatstops=_german_ticks()),
        yaxis=dict(type="category", categoryorder="array", categoryarray=labels.tolist(),
                   autorange="reversed", automargin=True,
                   tickfont=dict(size=13 if len(rows) <= FULL_LABELS_UP_TO else 11)),
    )
    return figure


def _axis_labels(rows: pd.DataFrame) -> pd.Series:
    if len(rows) > FULL_LABELS_UP_TO:
        return rows["code"].astype(str)
    return pd.Series(
        [f"{code} {_short(str(title))}" for code, title in zip(rows["code"], rows["title"])], index=rows.index
    )


def _short(title: str, width: int = 36) -> str:
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def _bars(part: pd.DataFrame, labels: pd.Series, colour: str, lang: str) -> go.Bar:
    start = pd.to_datetime(part["start_date"])
    # The due date is the last day of the measure: the bar ends when that day ends.
    end = pd.to_datetime(part["due_date"]) + pd.Timedelta(days=1)
    return go.Bar(
        orientation="h",
        base=start.dt.strftime("%Y-%m-%d").tolist(),
        x=((end - start).dt.total_seconds() * 1000).clip(lower=DAY_MS).tolist(),
        y=labels.tolist(),
        name=light_words(colour, lang),
        marker=dict(color=LIGHT_COLOURS[colour], line=dict(color="#ffffff", width=0.5),
                    # bgcolor must be given with fgcolor, or Streamlit's plotly.js draws nothing
                    pattern=dict(shape=LIGHT_PATTERNS[colour], bgcolor=LIGHT_COLOURS[colour], fgcolor="#ffffff")),
        hovertext=[_hover(row, colour, lang) for row in part.itertuples()],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _hover(row, colour: str, lang: str) -> str:
    """Hover text; user text is escaped (plotly renders a subset of HTML in hover labels)."""
    title = wrap_label(html.escape(str(row.title)), width=60)
    reason = html.escape(str(getattr(row, localised_column("reason", lang), row.reason)))
    status = text(f"status.{row.status}", lang)
    period = text("measures.detail.period_value", lang, start=format_date(row.start_date), due=format_date(row.due_date))
    return (
        f"<b>{html.escape(str(row.code))}</b> {title}"
        f"<br>{text('measures.gantt.light', lang)}: {light_words(colour, lang)}"
        f"<br>{text('measures.gantt.reason', lang)}: {reason}"
        f"<br>{text('measures.gantt.status', lang)}: {status} · {progress_text(row.progress, lang)}"
        f"<br>{text('measures.gantt.period', lang)}: {period}"
    )


def _stand_line(figure: go.Figure, as_of: dt.date, lang: str) -> None:
    # add_vline(annotation_text=...) fails on date axes; a shape plus an annotation does not.
    day = as_of.isoformat()
    figure.add_shape(type="line", xref="x", yref="paper", x0=day, x1=day, y0=0, y1=1,
                     line=dict(color=STAND_COLOUR, width=2, dash="dash"))
    figure.add_annotation(x=day, xref="x", y=1, yref="paper", yanchor="bottom", showarrow=False,
                          text=text("measures.gantt.stand", lang, date=format_date(as_of)),
                          font=dict(color=STAND_COLOUR, size=13), bgcolor="#ffffff")


def _german_ticks() -> list[dict]:
    """Numeric German dates at every zoom level (plotly's month names would be English)."""
    return [
        dict(dtickrange=[None, 28 * DAY_MS], value="%d.%m.%Y"),
        dict(dtickrange=[28 * DAY_MS, 365 * DAY_MS], value="%m.%Y"),
        dict(dtickrange=[365 * DAY_MS, None], value="%Y"),
    ]


def _empty(figure: go.Figure, lang: str) -> go.Figure:
    figure.add_annotation(text=text("measures.timeline_empty", lang), x=0.5, y=0.5, xref="paper", yref="paper",
                          showarrow=False, font=dict(size=15))
    figure.update_layout(separators=",.", font=FONT, height=MIN_HEIGHT, plot_bgcolor="#ffffff",
                         xaxis=dict(visible=False), yaxis=dict(visible=False))
    return figure
