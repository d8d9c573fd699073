"""Reads every screen builds on: the measures' states on the Stand, the progress tree, the meetings."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models import changes, queries
from models.formats import format_date
from models.texts import text
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared


@st.cache_data(show_spinner=False, max_entries=64)
def measure_states(key: PlanKey) -> pd.DataFrame:
    return queries.measure_states(engine_for(key.url), key.plan_id, key.as_of, released_only=key.released_only)


@shared(64)  # shared read-only: read every run
def progress_tree(key: PlanKey) -> dict[str, pd.DataFrame]:
    return queries.progress_tree(engine_for(key.url), key.plan_id, measure_states(key))


@shared(16)  # shared read-only: read every run
def meetings(key: PlanKey) -> pd.DataFrame:
    return queries.meetings(engine_for(key.url), key.plan_id)


@shared(64)
def previous_meeting(key: PlanKey) -> dt.date | None:
    """The date of the last Fachbeirat meeting before the Stand (models.changes.previous_meeting)."""
    return changes.previous_meeting(meetings(key), key.as_of)


@shared(16)
def plan_start(key: PlanKey) -> dt.date | None:
    """The day the plan starts (models.queries.plan_start): a Stand before it is refused."""
    return queries.plan_start(engine_for(key.url), key.plan_id)


@shared(64)
def past_meeting_labels(key: PlanKey) -> tuple:
    """(date, label) of the meetings up to the Stand, newest first: the Stand choices every run shows."""
    table = meetings(key)
    past = table[table["meeting_date"] <= key.as_of].sort_values("meeting_date", ascending=False)
    return tuple((row.meeting_date, text("asof.meeting", key.lang, body=row.body, date=format_date(row.meeting_date)))
                 for row in past.itertuples())
