"""Sections of the overview page, now first: this year's annual goals, the measures needing attention, the
indicators off course, the changes since the last meeting; the progress since the plan began below.

What they show comes prepared and cut to a few rows from ui.reads.overview (ui.views.overview_facts), once per
change counter, Stand and language: a run renders, it does not compute over every measure or report.
"""

from __future__ import annotations

import streamlit as st

from models.formats import format_date, format_number, format_percent
from ui.widgets import components
from ui.reads import overview as overview_reads, plan as plan_reads
from ui.shell.context import PlanContext, link_params
from ui.views.overview_facts import MeasureList, OffCourse, ThisYear
from ui.widgets.measure_filters import ATTENTION_PARAM, ATTENTION_WORD
from ui.shell.texts import t

DATE_COLUMN = st.column_config.DateColumn(format="DD.MM.YYYY")


def this_year(facts: ThisYear) -> None:
    """Section 1: the annual goals of the Stand's year, their progress and light with the distribution."""
    st.subheader(t("overview.this_year", year=facts.year))
    if not facts.goals:
        st.write(t("overview.this_year_none", year=facts.year))
        return
    st.metric(t("overview.this_year_progress", year=facts.year),
              t("rollup.empty") if facts.progress is None else format_percent(facts.progress))
    if facts.light is not None:
        _light_line(facts.light, t("overview.this_year_light", year=facts.year,
                                   distribution=components.plain(facts.light["distribution"]),
                                   reason=components.plain(facts.light["reason"])))
    components.dataframe(facts.table, column_config={
        t("overview.col.guiding_goal"): st.column_config.TextColumn(width=70),
        t("overview.col.code"): st.column_config.TextColumn(width=95),
        t("overview.col.progress"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d %%",
                                                                    width=110),
        t("overview.col.light"): st.column_config.TextColumn(width=430)})
    st.caption(t("overview.this_year_note"))


def plan_light(light: dict[str, str] | None) -> None:
    """The light of the whole plan over its active measures, with distribution and reason."""
    if light is not None:
        _light_line(light, t("overview.plan_light", distribution=components.plain(light["distribution"]),
                             reason=components.plain(light["reason"])))


def _light_line(light: dict[str, str], words: str) -> None:
    st.markdown(f"{components.light_metric_label(light['colour'])} · {words}")


def attention(context: PlanContext, measures: MeasureList, stale_after_days: int) -> None:
    """Section 2: the measures red, yellow, overdue or stale, most urgent first, and a link to all of them
    on the Maßnahmen page (?auswahl=aufmerksamkeit: the same measures in the same order)."""
    st.subheader(t("overview.attention", count=format_number(measures.count)))
    if not measures.count:
        st.write(t("overview.attention_none"))
        return
    st.caption(t("overview.attention_note", days=format_number(stale_after_days)))
    components.dataframe(measures.table, column_config={
        t("overview.col.code"): st.column_config.TextColumn(width=105),
        t("overview.col.light"): st.column_config.TextColumn(width=115),
        t("overview.col.days_overdue"): st.column_config.TextColumn(width=110),
        t("overview.col.due"): st.column_config.DateColumn(format="DD.MM.YYYY", width=90),
        t("overview.col.last_report"): st.column_config.DateColumn(format="DD.MM.YYYY", width=125),
        t("overview.col.lead"): st.column_config.TextColumn(width=180),
        t("overview.col.measure"): st.column_config.TextColumn(width=220)})
    if measures.count > len(measures.table):
        st.caption(t("overview.attention_shown", shown=format_number(len(measures.table)),
                     count=format_number(measures.count)))
    st.page_link("pages/massnahmen.py", label=t("overview.show_all_attention", count=format_number(measures.count)),
                 icon=":material/arrow_forward:",
                 query_params=link_params(context, **{ATTENTION_PARAM: ATTENTION_WORD}))


def off_course(context: PlanContext, facts: OffCourse) -> None:
    """Section 3: the result indicators off course, with a link to the Kennzahlen page."""
    st.subheader(t("overview.off_course", count=format_number(facts.count), total=format_number(facts.results)))
    if not facts.results:
        st.write(t("overview.off_course_no_results"))
    elif not facts.count:
        st.write(t("overview.off_course_none"))
    else:
        components.dataframe(facts.table, column_config={
            t("indicators.col.indicator"): st.column_config.TextColumn(width=260),
            t("indicators.col.latest"): st.column_config.TextColumn(width=110),
            t("indicators.col.latest_date"): st.column_config.TextColumn(width=110),
            t("indicators.col.target"): st.column_config.TextColumn(width=100)})
    st.caption(t("overview.off_course_note"))
    st.page_link("pages/kennzahlen.py", label=t("overview.to_indicators"), icon=":material/arrow_forward:",
                 query_params=link_params(context))


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
