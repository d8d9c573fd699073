"""Reads of the admin pages Änderungsprotokoll, Einstellungen, Freigabe and Pflege."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models import audit as audit_queries
from models import admin_tables
from models import release as release_queries
from models import settings as settings_queries
from ui.reads.db import engine_for
from ui.reads.key import PlanKey


def latest_audit_event(url: str) -> int:
    """Not cached: the key of the audit reads (events without a plan, e.g. new accounts, move no
    plan's change counter)."""
    return audit_queries.latest_event_id(engine_for(url))


@st.cache_data(show_spinner=False, max_entries=32)
def audit_events(key: PlanKey, latest_event: int, actor_names: tuple[str, ...], object_type: str | None,
                 action: str | None, since: dt.date | None, until: dt.date | None) -> tuple[pd.DataFrame, int]:
    filters = audit_queries.AuditFilters(actor_names, object_type, action, since, until)
    return audit_queries.audit_events(engine_for(key.url), key.plan_id, filters)


@st.cache_data(show_spinner=False, max_entries=16)
def audit_choices(key: PlanKey, latest_event: int) -> dict[str, list[str]]:
    return audit_queries.audit_choices(engine_for(key.url), key.plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_settings(key: PlanKey) -> dict:
    return settings_queries.plan_settings(engine_for(key.url), key.plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def pending_reports(key: PlanKey) -> pd.DataFrame:
    return release_queries.pending_reports(engine_for(key.url), key.plan_id)


@st.cache_data(show_spinner=False, max_entries=8)
def maintenance_frames(key: PlanKey) -> dict[str, pd.DataFrame]:
    """Every table the Pflege page lists (retired rows included); accounts are in every plan's key,
    because account commands advance every plan's change counter."""
    return admin_tables.maintenance_frames(engine_for(key.url), key.plan_id)
