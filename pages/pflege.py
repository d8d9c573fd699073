"""Pflege (admins): keep the plan's structure, organisations, indicators, meetings and accounts.

Every write goes through a command in models/maintenance.py, which checks the role itself; the
navigation shows this page to admins only, and the page refuses anyone else as well.
"""

import streamlit as st

from ui.widgets import components
from ui.maintenance import common, measures, other, structure
from ui.shell.auth import current_actor
from ui.shell.context import current
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.maintenance"))
actor = current_actor()
if actor is None or actor.role != "admin":
    st.error(t("maintenance.admins_only"), icon=":material/lock:")
    st.stop()

st.caption(t("maintenance.intro"))
page = common.start(context, actor)
common.show_flash()

TABS = {
    "handlungsfelder": structure.action_fields,
    "leitziele": structure.guiding_goals,
    "jahresziele": structure.annual_goals,
    "massnahmen": measures.measures,
    "organisationen": other.organisations,
    "kennzahlen": other.indicators,
    "sitzungen": other.meetings,
    "konten": other.accounts,
}
for slug, tab in common.tabs(list(TABS)):
    with tab:
        TABS[slug](page)
