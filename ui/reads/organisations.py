"""Reads of the page Akteure: the organisations with their measures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models import organisations as organisation_queries
from ui.charts.figures import shared_figure
from ui.charts.organisations import measures_figure
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states
from ui.views.organisations import overview_table


@shared(64)  # shared read-only: the page reads it every run
def organisation_overview(key: PlanKey) -> pd.DataFrame:
    return organisation_queries.organisation_overview(engine_for(key.url), key.plan_id, measure_states(key))


@shared(64)
def organisation_view(key: PlanKey, kind: str) -> tuple:
    """The organisations of one kind ("" for all): the rows, the table in words and the bar chart,
    built once per plan state and shared read-only by every session."""
    overview = organisation_overview(key)
    shown = overview[overview["kind"].eq(kind)] if kind else overview
    return shown, overview_table(shown, key.lang), shared_figure(measures_figure(shown, key.lang))


@st.cache_data(show_spinner=False, max_entries=64)
def measures_of_organisation(key: PlanKey, organisation_id: int) -> pd.DataFrame:
    return organisation_queries.measures_of_organisation(engine_for(key.url), key.plan_id, organisation_id,
                                                         measure_states(key))
