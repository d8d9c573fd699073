"""Reads of the pages Maßnahmen and Export: the measure list, its filters, table, timeline and detail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models import measures as measure_queries
from ui.charts.figures import shared_figure
from ui.charts.gantt import timeline
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states, progress_tree
from ui.views.measure_filter_options import choices as filter_choices
from ui.views.measure_table import page_of, table_frame


@st.cache_data(show_spinner=False, max_entries=64)
def measure_list(key: PlanKey) -> pd.DataFrame:
    return measure_queries.measure_list(engine_for(key.url), key.plan_id, key.as_of, states=measure_states(key))


@shared(32)
def measure_frame(key: PlanKey) -> pd.DataFrame:
    """measure_list shared read-only by every session: the page reads it on every run, and a copy of
    thousands of rows per run (what st.cache_data returns) cost more than the page's own work."""
    return measure_list(key)


@shared(32)
def measure_titles(key: PlanKey) -> dict[str, str]:
    """Code -> title of every measure (the picker's names); shared read-only by every session."""
    frame = measure_frame(key)
    return dict(zip(frame["code"].tolist(), frame["title"].tolist()))


@shared(32)
def measure_filter_choices(key: PlanKey):
    """The filter options of the pages Maßnahmen and Export (ui.views.measure_filter_options.choices);
    shared read-only."""
    return filter_choices(measure_frame(key), progress_tree(key), key.lang)


# The page's filters (a frozen dataclass of tuples) are part of the key of the reads below.
@shared(32)
def measure_selection(key: PlanKey, filters: measure_queries.MeasureFilters) -> pd.DataFrame:
    """The measures passing the page's filters; built once per key and shared read-only by every session."""
    return measure_queries.apply_filters(measure_frame(key), filters)


@shared(32)
def measure_table(key: PlanKey, filters: measure_queries.MeasureFilters) -> pd.DataFrame:
    """The Maßnahmen table (words in the key's language) of the filtered measures; shared read-only."""
    return table_frame(measure_selection(key, filters), key.lang)


@shared(64)
def measure_timeline(key: PlanKey, filters: measure_queries.MeasureFilters, page: int):
    """The Maßnahmen timeline of one page of the filtered measures, built once per key (plotly's validation
    of large figures dominated the run) and shared read-only by every session."""
    return shared_figure(timeline(page_of(measure_selection(key, filters), page), key.as_of, key.lang))


@st.cache_data(show_spinner=False, max_entries=64)
def measure_detail(key: PlanKey, code: str) -> dict | None:
    return measure_queries.measure_detail(engine_for(key.url), key.plan_id, code)


@st.cache_data(show_spinner=False, max_entries=64)
def report_history(key: PlanKey, measure_id: int) -> pd.DataFrame:
    return measure_queries.report_history(engine_for(key.url), measure_id, key.as_of,
                                          released_only=key.released_only)
