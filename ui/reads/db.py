"""The database handle of the UI: one prepared engine per database URL and process, and the plan list."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from models import queries
from models.bootstrap import prepare_database

_ENGINES: dict[str, Engine] = {}


def engine_for(url: str) -> Engine:
    """The prepared engine of a database URL (looked up on every run, so without a cache's hashing)."""
    engine = _ENGINES.get(url)
    if engine is None:
        engine = _ENGINES[url] = _prepared_engine(url)
    return engine


@st.cache_resource(show_spinner="Datenbank wird vorbereitet …")
def _prepared_engine(url: str) -> Engine:
    return prepare_database(url)


def plans(url: str) -> list:
    """Not cached: this one tiny query per run also brings each plan's change counter."""
    return queries.plan_rows(engine_for(url))
