"""Reads of the pages Sachstand melden, Meine Maßnahmen and Berichtsrunde (signed-in: unreleased reports count too)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models import reporting
from models.my_measures import MyMeasures, my_measures as my_measures_of
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


@st.cache_data(show_spinner=False, max_entries=64)
def my_measures(key: PlanKey, organisation_id: int) -> MyMeasures:
    """Meine Maßnahmen of an organisation as of key.as_of (unreleased reports count: they are its own)."""
    return my_measures_of(engine_for(key.url), key.plan_id, organisation_id, key.as_of,
                          states=measure_states(key.with_unreleased()), meetings=cutoff_meetings(key))
