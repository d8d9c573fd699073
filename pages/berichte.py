"""Berichte: the Fachbeirat report for the Stand as PDF and PowerPoint, compared with a previous meeting."""

import streamlit as st

from ui.widgets import components
from ui import board_reports
from ui.shell.context import current
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.reports"))
st.caption(t("reports.intro"))
if context.released_only:
    st.info(t("reports.public"), icon=":material/public:")

since = board_reports.meeting_picker(context)
key = board_reports.ReportKey(context.key, since)
if st.session_state.get("reports_built") != key and st.button(
    t("reports.build"), type="primary", icon=":material/description:", key="reports_build"
) and (built := board_reports.build(key)):
    st.session_state["reports_built"], st.session_state["reports_files"] = key, built
if st.session_state.get("reports_built") == key:
    board_reports.downloads(key, context.slug, st.session_state["reports_files"])
