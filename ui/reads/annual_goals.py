"""Reads of the page Jahresziele: the year's goals, words, cards and chart, built once per key and year."""

from __future__ import annotations

import pandas as pd

from models import goals as goal_queries
from ui.charts.figures import progress_bars, shared_figure
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states, progress_tree
from ui.views.annual_goals import YearView, chart_frame, summary_table, year_view


@shared(16)  # shared read-only: read every run
def plan_years(key: PlanKey) -> tuple[list[int], int]:
    return goal_queries.plan_years(engine_for(key.url), key.plan_id)


@shared(64)  # shared read-only: read every run
def annual_goals_of_year(key: PlanKey, year: int) -> pd.DataFrame:
    return goal_queries.annual_goals_of_year(measure_states(key), progress_tree(key), year)


@shared(32)  # shared read-only: read every run
def carried_over(key: PlanKey, year: int) -> pd.DataFrame:
    return goal_queries.carried_over(engine_for(key.url), key.plan_id, year)


@shared(32)  # shared read-only: read every run
def year_summary(key: PlanKey) -> pd.DataFrame:
    return goal_queries.year_summary(progress_tree(key))


@shared(64)  # shared read-only: read every run
def annual_year_view(key: PlanKey, year: int) -> YearView | None:
    """None when the year has no annual goals."""
    annual = annual_goals_of_year(key, year)
    return None if annual.empty else year_view(annual, year, key.lang)


@shared(64)
def annual_goals_chart(key: PlanKey, year: int):
    """The year's progress chart (ui.views.annual_goals.chart_frame), shared read-only by every session."""
    frame, label = chart_frame(annual_goals_of_year(key, year), key.lang)
    return shared_figure(progress_bars(frame, label, key.lang))


@shared(32)  # shared read-only: read every run
def year_summary_table(key: PlanKey) -> pd.DataFrame:
    return summary_table(year_summary(key), key.lang)
