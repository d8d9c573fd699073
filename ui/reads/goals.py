"""Reads of the page Leitziele: the hierarchy, the goal list in words, one Leitziel's detail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models import goals as goal_queries, queries
from models.indicators import DEFAULT_CONFIDENTIALITY_THRESHOLD
from ui.charts.figures import progress_bars, shared_figure
from ui.charts.hierarchy import hierarchy_figure
from ui.views.goals import annual_goal_table, goal_list as goal_words, goal_measure_table, overview_nodes
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states, progress_tree


@st.cache_data(show_spinner=False, max_entries=32)
def hierarchy_frame(key: PlanKey) -> pd.DataFrame:
    return goal_queries.hierarchy_frame(engine_for(key.url), key.plan_id, measure_states(key), progress_tree(key))


@shared(32)  # shared read-only: read every run
def hierarchy_overview(key: PlanKey) -> pd.DataFrame:
    """The node table of the Leitziele overview: plan, Handlungsfelder, Leitziele (small whatever the data)."""
    return overview_nodes(hierarchy_frame(key))


@shared(32)
def hierarchy_chart(key: PlanKey, kind: str):
    """The overview as a treemap or sunburst (kind), built once per key: plotly's validation of large
    figures dominated the run. Shared read-only (st.plotly_chart copies a figure before serialising it)."""
    return shared_figure(hierarchy_figure(hierarchy_overview(key), kind, key.lang))


@shared(32)  # shared read-only: read every run
def goal_list(key: PlanKey) -> list[dict]:
    """The Leitziele per Handlungsfeld in words (ui.views.goals.goal_list)."""
    return goal_words(progress_tree(key), key.lang)


@shared(64)  # shared read-only: read every run
def goal_detail(key: PlanKey, code: str, threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> dict | None:
    return goal_queries.goal_detail(engine_for(key.url), key.plan_id, code, measure_states(key), progress_tree(key),
                                    key.as_of, key.lang, threshold)


@shared(64)  # shared read-only: read every run
def goal_detail_tables(key: PlanKey, code: str, threshold: int = 0) -> dict[str, pd.DataFrame]:
    """The display tables of one Leitziel's detail: "annual_goals" and "measures" in words."""
    detail = goal_detail(key, code, threshold)
    return {"annual_goals": annual_goal_table(detail["annual_goals"], key.lang),
            "measures": goal_measure_table(detail["measures"], key.lang)}


@shared(64)
def goal_annual_chart(key: PlanKey, code: str, threshold: int = 0):
    """The progress bars of one Leitziel's Jahresziele (shared read-only, like hierarchy_chart)."""
    annual = goal_detail(key, code, threshold)["annual_goals"]
    bars = annual.assign(label=annual["year"].astype(str) + " · " + annual["annual_goal_code"])
    return shared_figure(progress_bars(bars, "label", key.lang))


@shared(32)
def level_light_shares(key: PlanKey) -> tuple[int, int]:
    """The plan's thresholds of a level's light (red_share, yellow_share), for the chart's caption."""
    return queries.level_light_shares(engine_for(key.url), key.plan_id)
