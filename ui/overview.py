"""Sections of the overview page: prioritised goals, measures needing attention, changes since the last meeting."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models.changes import previous_meeting, summarise
from models.formats import format_date, format_number
from ui import data
from ui.components import light_label
from ui.context import PlanContext, link_params
from ui.texts import t

PROGRESS_COLUMN = st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d %%")
DATE_COLUMN = st.column_config.DateColumn(format="DD.MM.YYYY")


def prioritised_goals(annual: pd.DataFrame, year: int) -> None:
    """The prioritised annual goals of the Stand's year, or of the latest earlier year that has any."""
    prioritised = annual[annual["prioritised"] & (annual["year"] <= year)]
    if prioritised.empty:
        st.subheader(t("overview.prioritised", year=year))
        st.write(t("overview.prioritised_none", year=year))
        return
    shown_year = int(prioritised["year"].max())
    st.subheader(t("overview.prioritised", year=shown_year))
    if shown_year != year:
        st.caption(t("overview.prioritised_earlier", year=year, shown=shown_year))
    goals = prioritised[prioritised["year"] == shown_year]
    table = pd.DataFrame(
        {
            t("overview.col.code"): goals["annual_goal_code"],
            t("overview.col.annual_goal"): goals["annual_goal"],
            t("overview.col.progress"): goals["progress"].round(0),
            t("overview.col.progress_words"): [
                t("rollup.empty") if pd.isna(value) else f"{format_number(value)} %" for value in goals["progress"]
            ],
            t("overview.col.decision"): [
                f"{format_date(day)}, {reference or ''}".rstrip(", ") for day, reference
                in zip(goals["decision_date"], goals["decision_reference"])
            ],
        }
    )
    st.dataframe(table, hide_index=True, column_config={t("overview.col.progress"): PROGRESS_COLUMN})


def attention(context: PlanContext, states: pd.DataFrame) -> None:
    """Overdue and stale measures, each list linking to the filtered Maßnahmen page."""
    left, right = st.columns(2)
    with left:
        _measure_list(context, states[states["overdue"]], "overview.overdue", {"ampel": "rot"})
    with right:
        _measure_list(context, states[states["stale"]], "overview.stale", {"veraltet": "1"})


def _measure_list(context: PlanContext, measures: pd.DataFrame, key: str, filters: dict[str, str]) -> None:
    st.subheader(t(key, count=format_number(len(measures))))
    if measures.empty:
        st.write(t(f"{key}_none"))
        return
    table = pd.DataFrame(
        {
            t("overview.col.code"): measures["code"],
            t("overview.col.measure"): measures["title"],
            t("overview.col.lead"): measures["lead_organisation"],
            t("overview.col.last_report"): measures["last_report_date"],
            t("overview.col.light"): [light_label(colour) for colour in measures["light"]],
        }
    )
    st.dataframe(table.head(10), hide_index=True, column_config={t("overview.col.last_report"): DATE_COLUMN})
    st.page_link("pages/measures.py", label=t("overview.show_all", count=format_number(len(measures))),
                 icon=":material/arrow_forward:", query_params=link_params(context, **filters))


def since_last_meeting(context: PlanContext) -> None:
    """What happened between the last Fachbeirat meeting before the Stand and the Stand."""
    since = previous_meeting(data.meetings(context.url, context.plan_id, context.counter), context.as_of)
    if since is None:
        st.subheader(t("overview.since_none_title"))
        st.write(t("overview.since_none"))
        return
    changes = data.changes_between(context.url, context.plan_id, context.counter, since, context.as_of,
                                   released_only=context.released_only)
    summary = summarise(changes, since, context.as_of)
    st.subheader(t("overview.since", date=format_date(summary.since)))
    columns = st.columns(3)
    columns[0].metric(t("overview.since_reports"), format_number(summary.reports))
    columns[1].metric(t("overview.since_status_changes"), format_number(summary.status_changes))
    columns[2].metric(t("overview.since_completions"), format_number(summary.completions))
    if changes.empty:
        st.write(t("overview.since_quiet", date=format_date(summary.since)))
        return
    table = pd.DataFrame(
        {
            t("overview.col.date"): changes["report_date"],
            t("overview.col.code"): changes["code"],
            t("overview.col.measure"): changes["title"],
            t("overview.col.change"): [
                _change_words(row) for row in changes.itertuples()
            ],
            t("overview.col.summary"): changes["summary"],
        }
    )
    st.dataframe(table, hide_index=True, column_config={t("overview.col.date"): DATE_COLUMN})


def _change_words(row) -> str:
    before = row.previous_status if isinstance(row.previous_status, str) else t("status.geplant")
    progress_before = 0 if pd.isna(row.previous_progress) else int(row.previous_progress)
    if row.completed:
        return t("overview.change.completed")
    if row.status_changed:
        return t("overview.change.status", before=t(f"status.{before}"), after=t(f"status.{row.status}"),
                 progress=row.progress)
    return t("overview.change.progress", before=progress_before, after=row.progress)
