"""Berichte: the Fachbeirat report for the Stand as PDF and PowerPoint, compared with a previous meeting."""

import streamlit as st

from ui import components, reports
from ui.context import current
from ui.texts import t
from ui.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.reports"))
st.caption(t("reports.intro"))
if context.released_only:
    st.info(t("reports.public"), icon=":material/public:")

since = reports.meeting_picker(context)
key = reports.ReportKey(context.url, context.plan_id, context.counter, context.as_of, since, context.released_only)
if st.session_state.get("reports_built") != key and st.button(
    t("reports.build"), type="primary", icon=":material/description:", key="reports_build"
) and (built := reports.build(key)):
    st.session_state["reports_built"], st.session_state["reports_files"] = key, built
if st.session_state.get("reports_built") == key:
    reports.downloads(key, context.slug, st.session_state["reports_files"])
