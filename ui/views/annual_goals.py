"""What the page Jahresziele shows for one year, prepared once per change counter, Stand, year and
language (ui.reads.annual_goals caches it), so a run renders and does not compute words per annual goal.

The cards and the chart are bounded: at most PRIORITISED_SHOWN cards (the rest are in the table), and
beyond CHART_GOALS annual goals the chart shows the year's mean progress per Leitziel. No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_date, format_number, format_percent
from models.texts import text
from ui.views.goals import counts_words, progress_words
from ui.views.markdown import plain

PRIORITISED_SHOWN = 12  # cards of prioritised annual goals
CARRIED_SHOWN = 20  # cards of carried-over annual goals and measures
CHART_GOALS = 30  # more annual goals than this: the chart shows them per Leitziel


@dataclass(frozen=True)
class Card:
    """One prioritised annual goal as the page shows it."""

    code: str
    title: str
    decision: str
    goal_line: str
    guiding_goal_code: str


@dataclass(frozen=True)
class YearView:
    count: int
    prioritised: int
    measures: int
    mean_progress: str
    cards: list[Card]  # the first PRIORITISED_SHOWN prioritised goals
    table: pd.DataFrame


def year_view(annual: pd.DataFrame, year: int, lang: str) -> YearView:
    """annual: models.goals.annual_goals_of_year (not empty)."""
    measures = int(annual["measures"].sum())
    prioritised = annual[annual["prioritised"].astype(bool)]
    cards = [
        Card(row.annual_goal_code, row.annual_goal, decision_words(row, lang),
             text("annual_goals.goal_line", lang, goal_code=plain(row.guiding_goal_code),
                  field=plain(row.action_field), progress=progress_words(row.progress, row.measures, lang,
                                                          getattr(row, "unreported", 0))),
             row.guiding_goal_code)
        for row in prioritised.head(PRIORITISED_SHOWN).itertuples(index=False)
    ]
    return YearView(
        count=len(annual),
        prioritised=len(prioritised),
        measures=measures,
        mean_progress=progress_words(annual["progress"].mean(), measures, lang),
        cards=cards,
        table=year_table(annual, lang),
    )


def year_table(annual: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = list(annual.itertuples(index=False))
    return pd.DataFrame({
        text("annual_goals.col.code", lang): annual["annual_goal_code"],
        text("annual_goals.col.annual_goal", lang): annual["annual_goal"],
        text("annual_goals.col.guiding_goal", lang): annual["guiding_goal_code"],
        text("annual_goals.col.action_field", lang): annual["action_field"],
        text("annual_goals.col.progress", lang): [progress_words(row.progress, row.measures, lang,
                                                                            getattr(row, "unreported", 0))
                                                             for row in rows],
        text("annual_goals.col.measures", lang): [counts_words(row, lang) for row in rows],
        text("annual_goals.col.prioritised", lang): [decision_words(row, lang) if row.prioritised else ""
                                                    for row in rows],
        text("annual_goals.col.carried", lang): [carried_words(row, lang) for row in rows],
    })


def decision_words(row, lang: str) -> str:
    """The Kreistag's decision of a prioritised annual goal (row: a named tuple of annual_goals_of_year)."""
    if pd.isna(row.decision_reference) or not row.decision_reference:
        return text("annual_goals.decision_no_reference", lang, date=format_date(row.decision_date))
    return text("annual_goals.decision", lang, date=format_date(row.decision_date), reference=row.decision_reference)


def carried_words(row, lang: str) -> str:
    if pd.isna(row.carried_over_from_code):
        return ""
    return text("annual_goals.carried_from", lang, code=row.carried_over_from_code,
                year=int(row.carried_over_from_year))


def chart_frame(annual: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, str]:
    """The rows of the year's progress chart and their label column: one bar per annual goal, or, beyond
    CHART_GOALS of them, one per Leitziel (mean progress of its annual goals of the year)."""
    if len(annual) <= CHART_GOALS:
        mark = " (" + text("annual_goals.prioritised_mark", lang) + ")"
        prioritised = annual["prioritised"].astype(bool)
        labels = annual["annual_goal_code"] + prioritised.map({True: mark, False: ""}) + " · " + annual["annual_goal"]
        return annual.assign(label=labels), "label"
    by_goal = (
        annual.groupby(["guiding_goal_code", "guiding_goal"], sort=False)
        .agg(progress=("progress", "mean"), measures=("measures", "sum"))
        .reset_index()
    )
    return by_goal.assign(label=by_goal["guiding_goal_code"] + " · " + by_goal["guiding_goal"]), "label"


def summary_table(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """models.goals.year_summary in words (one row per year)."""
    return pd.DataFrame({
        text("annual_goals.col.year", lang): summary["year"].astype(str),
        text("annual_goals.col.count", lang): summary["annual_goals"].map(format_number),
        text("annual_goals.col.prioritised_count", lang): summary["prioritised"].map(format_number),
        text("annual_goals.col.without_measures", lang): summary["without_measures"].map(format_number),
        text("annual_goals.col.mean_progress", lang): [format_percent(p) if pd.notna(p) else text("rollup.empty", lang)
                                                       for p in summary["progress"]],
    })
