"""Pflege (admins): keep the plan's structure, organisations, indicators, meetings and accounts.

Every write goes through a command in models/commands/, which checks the role itself; the
navigation shows this page to admins only, and the page refuses anyone else as well.
"""

import streamlit as st

from ui import components, maintenance_common, maintenance_measures, maintenance_other, maintenance_structure
from ui.auth import current_actor
from ui.context import current
from ui.texts import t
from ui.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.maintenance"))
actor = current_actor()
if actor is None or actor.role != "admin":
    st.error(t("maintenance.admins_only"), icon=":material/lock:")
    st.stop()

st.caption(t("maintenance.intro"))
page = maintenance_common.start(context, actor)
maintenance_common.show_flash()

TABS = {
    "handlungsfelder": maintenance_structure.action_fields,
    "leitziele": maintenance_structure.guiding_goals,
    "jahresziele": maintenance_structure.annual_goals,
    "massnahmen": maintenance_measures.measures,
    "organisationen": maintenance_other.organisations,
    "kennzahlen": maintenance_other.indicators,
    "sitzungen": maintenance_other.meetings,
    "konten": maintenance_other.accounts,
}
for slug, tab in maintenance_common.tabs(list(TABS)):
    with tab:
        TABS[slug](page)
