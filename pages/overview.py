"""Übersicht: the plan at a glance — headline figures, traffic lights, progress by level."""

import streamlit as st

from models import queries
from models.formats import format_number
from ui import components, data, overview
from ui.context import current
from ui.figures import progress_bars
from ui.texts import language, t

context = current()
components.plan_header(context, t("page.overview"))

states = data.measure_states(context.url, context.plan_id, context.counter, context.as_of,
                            released_only=context.released_only)
tree = data.progress_tree(context.url, context.plan_id, context.counter, context.as_of,
                          released_only=context.released_only)
year = context.as_of.year
annual = tree["annual_goals"]

columns = st.columns(4)
columns[0].metric(t("overview.action_fields"), format_number(len(tree["action_fields"])))
columns[1].metric(t("overview.guiding_goals"), format_number(len(tree["guiding_goals"])))
columns[2].metric(t("overview.annual_goals", year=year), format_number(int((annual["year"] == year).sum())))
columns[3].metric(t("overview.measures"), format_number(len(states)))

st.subheader(t("overview.lights"))
components.light_metrics(queries.light_shares(states))

left, right = st.columns(2)
with left:
    st.subheader(t("overview.by_action_field"))
    st.plotly_chart(progress_bars(tree["action_fields"], "action_field", language()), key="chart_action_fields")
with right:
    st.subheader(t("overview.by_guiding_goal"))
    st.plotly_chart(progress_bars(tree["guiding_goals"], "guiding_goal", language()), key="chart_guiding_goals")
st.caption(t("overview.rollup_note"))

overview.since_last_meeting(context)
overview.prioritised_goals(annual, year)
overview.attention(context, states)
