"""Übersicht: the plan at a glance — headline figures, traffic lights, progress by level."""

import streamlit as st

from models.formats import format_number
from ui.widgets import components
from ui import overview
from ui.reads import overview as reads
from ui.shell.context import current
from ui.shell.texts import language, t
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

context = current()
lang = language()
components.plan_header(context, t("page.overview"))

facts = reads.overview(context.key)
year = context.as_of.year

# A row of metrics in one horizontal container: one block per run instead of a column block per metric.
row = st.container(horizontal=True)
row.metric(t("overview.action_fields"), format_number(facts.action_fields))
row.metric(t("overview.guiding_goals"), format_number(facts.guiding_goals))
row.metric(t("overview.annual_goals", year=year), format_number(facts.annual_goals_of_year))
row.metric(t("overview.measures"), format_number(facts.measures))

st.subheader(t("overview.lights"))
components.light_metrics(facts.shares)
if facts.plan_light is not None:
    light = facts.plan_light
    st.markdown(f"{components.light_metric_label(light['colour'])} · "
                + t("overview.plan_light", distribution=components.plain(light["distribution"]),
                    reason=components.plain(light["reason"])))


def progress_chart(level: str):
    return reads.progress_chart(context.key, level)


left, right = st.columns(2)
with left:
    st.subheader(t("overview.by_action_field"))
    st.plotly_chart(progress_chart("action_field"), key="chart_action_fields", config=CHART_CONFIG)
with right:
    st.subheader(t("overview.by_guiding_goal"))
    st.plotly_chart(progress_chart("guiding_goal"), key="chart_guiding_goals", config=CHART_CONFIG)
st.caption(t("overview.rollup_note"))

overview.since_last_meeting(context, lang)
overview.prioritised_goals(facts.prioritised, year)
overview.attention(context, facts.overdue, facts.stale)
