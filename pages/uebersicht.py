"""Übersicht: the plan at a glance, now first — this year's annual goals, what needs attention, the indicators
off course, the changes since the last meeting — and the progress since the plan began below."""

import streamlit as st

from models.formats import format_number
from models.rules import small_count_threshold
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
overview.plan_light(facts.plan_light)

# 1. now: this year's annual goals; 2. what needs attention; 3. indicators off course
overview.this_year(facts.this_year)
overview.attention(context, facts.attention, facts.stale_after_days)
threshold = small_count_threshold(context.confidentiality_threshold, context.released_only)
overview.off_course(context, reads.off_course(context.key, threshold))
overview.since_last_meeting(context, lang)

# 4. since the plan began (completed measures of earlier years included)
st.subheader(t("overview.all_time"))
st.caption(t("overview.all_time_note"))
st.markdown(f"**{t('overview.lights_all_time')}**")
components.light_metrics(facts.shares)


def progress_chart(level: str):
    return reads.progress_chart(context.key, level)


left, right = st.columns(2)
with left:
    st.markdown(f"**{t('overview.by_action_field')}**")
    st.plotly_chart(progress_chart("action_field"), key="chart_action_fields", config=CHART_CONFIG)
with right:
    st.markdown(f"**{t('overview.by_guiding_goal')}**")
    st.plotly_chart(progress_chart("guiding_goal"), key="chart_guiding_goals", config=CHART_CONFIG)
st.caption(t("overview.rollup_note"))
