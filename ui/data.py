"""Cached reads for the pages: one engine per process, reads keyed by the plan's change counter.

Every cached function takes the database URL, the plan and its change counter as arguments, so
a write anywhere (in any app process) changes the key and the next run reads fresh data.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from models import changes, queries
from models.bootstrap import prepare_database


@st.cache_resource(show_spinner="Datenbank wird vorbereitet …")
def engine_for(url: str) -> Engine:
    return prepare_database(url)


def plans(url: str) -> pd.DataFrame:
    """Not cached: this one tiny query per run also brings each plan's change counter."""
    return queries.plans(engine_for(url))


@st.cache_data(show_spinner=False, max_entries=64)
def measure_states(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    return queries.measure_states(engine_for(url), plan_id, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def progress_tree(url: str, plan_id: int, counter: int, as_of: dt.date) -> dict[str, pd.DataFrame]:
    states = measure_states(url, plan_id, counter, as_of)
    return queries.progress_tree(engine_for(url), plan_id, states)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_counts(url: str, plan_id: int, counter: int) -> dict[str, int]:
    return queries.plan_counts(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def meetings(url: str, plan_id: int, counter: int) -> pd.DataFrame:
    return queries.meetings(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=32)
def changes_between(url: str, plan_id: int, counter: int, since: dt.date, until: dt.date) -> pd.DataFrame:
    return changes.reports_between(engine_for(url), plan_id, since, until)


# Leitziele 2030 and Jahresziele (pages/goals.py, pages/annual_goals.py)
from models import goals as goal_queries  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=32)
def hierarchy_frame(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    tree = progress_tree(url, plan_id, counter, as_of)
    return goal_queries.hierarchy_frame(engine_for(url), plan_id, states, tree)


@st.cache_data(show_spinner=False, max_entries=64)
def goal_detail(url: str, plan_id: int, counter: int, as_of: dt.date, code: str, lang: str) -> dict | None:
    states = measure_states(url, plan_id, counter, as_of)
    tree = progress_tree(url, plan_id, counter, as_of)
    return goal_queries.goal_detail(engine_for(url), plan_id, code, states, tree, as_of, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_years(url: str, plan_id: int, counter: int) -> tuple[list[int], int]:
    return goal_queries.plan_years(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=64)
def annual_goals_of_year(url: str, plan_id: int, counter: int, as_of: dt.date, year: int) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    return goal_queries.annual_goals_of_year(states, progress_tree(url, plan_id, counter, as_of), year)


@st.cache_data(show_spinner=False, max_entries=32)
def carried_over(url: str, plan_id: int, counter: int, year: int) -> pd.DataFrame:
    return goal_queries.carried_over(engine_for(url), plan_id, year)


@st.cache_data(show_spinner=False, max_entries=32)
def year_summary(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    return goal_queries.year_summary(progress_tree(url, plan_id, counter, as_of))


# --- page Maßnahmen -------------------------------------------------------------------------
from models import measures as measure_queries  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=64)
def measure_list(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    return measure_queries.measure_list(engine_for(url), plan_id, as_of, states=states)


@st.cache_data(show_spinner=False, max_entries=64)
def measure_detail(url: str, plan_id: int, counter: int, code: str) -> dict | None:
    return measure_queries.measure_detail(engine_for(url), plan_id, code)


@st.cache_data(show_spinner=False, max_entries=64)
def report_history(url: str, plan_id: int, counter: int, measure_id: int, as_of: dt.date) -> pd.DataFrame:
    return measure_queries.report_history(engine_for(url), measure_id, as_of)


# --- pages Kennzahlen and Akteure ----------------------------------------------------------
from models import indicators as indicator_queries  # noqa: E402
from models import organisations as organisation_queries  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_summary(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    return indicator_queries.indicator_summary(engine_for(url), plan_id, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_values(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    return indicator_queries.indicator_values(engine_for(url), plan_id, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def organisation_overview(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    return organisation_queries.organisation_overview(engine_for(url), plan_id, states)


@st.cache_data(show_spinner=False, max_entries=64)
def measures_of_organisation(url: str, plan_id: int, counter: int, as_of: dt.date, organisation_id: int) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    return organisation_queries.measures_of_organisation(engine_for(url), plan_id, organisation_id, states)
