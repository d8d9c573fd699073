"""Sections of the overview page: prioritised goals, measures needing attention, changes since the last meeting.

What they show comes prepared and cut to a few rows from ui.reads.overview (ui.views.overview_facts), once per
change counter, Stand and language: a run renders, it does not compute over every measure or report.
"""

from __future__ import annotations

import streamlit as st

from models.formats import format_date, format_number
from ui.widgets import components
from ui.reads import overview as overview_reads, plan as plan_reads
from ui.shell.context import PlanContext, link_params
from ui.views.overview_facts import MeasureList, Prioritised
from ui.shell.texts import t

PROGRESS_COLUMN = st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d %%")
DATE_COLUMN = st.column_config.DateColumn(format="DD.MM.YYYY")


def prioritised_goals(prioritised: Prioritised, year: int) -> None:
    """The prioritised annual goals of the Stand's year, or of the latest earlier year that has any."""
    if prioritised.year is None:
        st.subheader(t("overview.prioritised", year=year))
        st.write(t("overview.prioritised_none", year=year))
        return
    st.subheader(t("overview.prioritised", year=prioritised.year))
    if prioritised.year != year:
        st.caption(t("overview.prioritised_earlier", year=year, shown=prioritised.year))
    components.dataframe(prioritised.table, column_config={t("overview.col.progress"): PROGRESS_COLUMN})


def attention(context: PlanContext, overdue: MeasureList, stale: MeasureList) -> None:
    """Overdue and stale measures, each list linking to the filtered Maßnahmen page."""
    left, right = st.columns(2)
    with left:
        _measure_list(context, overdue, "overview.overdue", {"ampel": "rot"})
    with right:
        _measure_list(context, stale, "overview.stale", {"veraltet": "1"})


def _measure_list(context: PlanContext, measures: MeasureList, key: str, filters: dict[str, str]) -> None:
    st.subheader(t(key, count=format_number(measures.count)))
    if not measures.count:
        st.write(t(f"{key}_none"))
        return
    components.dataframe(measures.table, column_config={t("overview.col.last_report"): DATE_COLUMN})
    st.page_link("pages/massnahmen.py", label=t("overview.show_all", count=format_number(measures.count)),
                 icon=":material/arrow_forward:", query_params=link_params(context, **filters))


def since_last_meeting(context: PlanContext, lang: str) -> None:
    """What happened between the last Fachbeirat meeting before the Stand and the Stand: the figures
    of every report, the newest reports listed (with the total in words and a link to the measures)."""
    since = plan_reads.previous_meeting(context.key)
    if since is None:
        st.subheader(t("overview.since_none_title"))
        st.write(t("overview.since_none"))
        return
    summary, newest = overview_reads.changes_since(context.key, since)
    st.subheader(t("overview.since", date=format_date(summary.since)))
    row = st.container(horizontal=True)
    row.metric(t("overview.since_reports"), format_number(summary.reports))
    row.metric(t("overview.since_status_changes"), format_number(summary.status_changes))
    row.metric(t("overview.since_completions"), format_number(summary.completions))
    if not summary.reports:
        st.write(t("overview.since_quiet", date=format_date(summary.since)))
        return
    components.dataframe(newest, column_config={t("overview.col.date"): DATE_COLUMN})
    if summary.reports > len(newest):
        st.caption(t("overview.since_newest", shown=format_number(len(newest)),
                     total=format_number(summary.reports)))
        st.page_link("pages/massnahmen.py", label=t("overview.since_to_measures"),
                     icon=":material/arrow_forward:", query_params=link_params(context))
