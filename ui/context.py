"""What every page needs: the database, the selected plan, its change counter and the Stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from models.db import ConfigurationError, database_url
from ui import data
from ui.texts import t

_CONTEXT_KEY = "plan_context"


@dataclass(frozen=True)
class PlanContext:
    url: str
    plan_id: int
    slug: str
    name: str
    owner: str
    is_example: bool
    counter: int
    as_of: dt.date


def open_database() -> str:
    """The database URL, prepared (created, migrated, seeded) once per process; stops the run with a
    German message when the configuration or the server is unusable."""
    try:
        url = database_url()
        data.engine_for(url)
        return url
    except ConfigurationError as exc:
        st.error(str(exc), icon=":material/error:")
    except SQLAlchemyError as exc:
        st.error(t("app.db_error", detail=type(exc).__name__), icon=":material/error:")
    st.stop()


def select_plan(url: str) -> PlanContext:
    """Plan selector in the sidebar; the plan's slug lives in the URL (?plan=...)."""
    plans = data.plans(url)
    if plans.empty:
        st.warning(t("app.no_plans"))
        st.stop()
    slugs = plans["slug"].tolist()
    wanted = st.query_params.get("plan")
    if wanted is not None and wanted not in slugs:
        st.warning(t("plan.unknown", slug=wanted[:80], name=plans.iloc[0]["name"]), icon=":material/link_off:")
        wanted = None
    if wanted is not None:
        st.session_state["plan_slug"] = wanted
    names = {
        plan.slug: plan.name + (f" ({t('plan.example_short')})" if plan.is_example else "")
        for plan in plans.itertuples()
    }
    slug = st.sidebar.selectbox(
        t("plan.select"), slugs, format_func=names.__getitem__, key="plan_slug"
    )
    st.query_params["plan"] = slug
    row = plans.set_index("slug").loc[slug]
    context = PlanContext(
        url=url,
        plan_id=int(row["id"]),
        slug=slug,
        name=str(row["name"]),
        owner=str(row["owner"]),
        is_example=bool(row["is_example"]),
        counter=int(row["change_counter"]),
        as_of=dt.date.today(),
    )
    st.session_state[_CONTEXT_KEY] = context
    return context


def current() -> PlanContext:
    return st.session_state[_CONTEXT_KEY]
