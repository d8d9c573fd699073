"""Reads of the pages Sachstand melden and Berichtsrunde (signed-in: unreleased reports count too)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models import reporting
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.plan import measure_states


@st.cache_data(show_spinner=False, max_entries=64)
def measures_to_report(key: PlanKey, organisation_id: int | None) -> pd.DataFrame:
    return reporting.measures_to_report(engine_for(key.url), key.plan_id, key.as_of, organisation_id,
                                        states=measure_states(key.with_unreleased()))


@st.cache_data(show_spinner=False, max_entries=64)
def report_log(key: PlanKey, measure_id: int) -> pd.DataFrame:
    return reporting.report_log(engine_for(key.url), measure_id)


@st.cache_data(show_spinner=False, max_entries=16)
def cutoff_meetings(key: PlanKey) -> pd.DataFrame:
    return reporting.cutoff_meetings(engine_for(key.url), key.plan_id)


@st.cache_data(show_spinner=False, max_entries=32)
def owed_reports(key: PlanKey, since: dt.date, until: dt.date) -> pd.DataFrame:
    return reporting.owed_reports(engine_for(key.url), key.plan_id, since, until,
                                  states=measure_states(key.at(until).with_unreleased()))


def organisation_contacts(url: str, organisation_ids: tuple[int, ...]) -> pd.DataFrame:
    """Not cached: accounts belong to no plan, so no plan's change counter follows them."""
    return reporting.organisation_contacts(engine_for(url), organisation_ids)
