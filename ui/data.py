"""Cached reads for the pages: one engine per process, reads keyed by the plan's change counter.

Every cached function takes the database URL, the plan and its change counter as arguments, so
a write anywhere (in any app process) changes the key and the next run reads fresh data.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from models import queries
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
