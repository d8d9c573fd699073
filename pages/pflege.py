"""Pflege (admins): keep the plan's structure, organisations, indicators, meetings and accounts.

Every write goes through a command in models/commands/, which checks the role itself; the
navigation shows this page to admins only, and the page refuses anyone else as well.
"""

import streamlit as st

from ui.widgets import components
from ui.maintenance import accounts, common, indicators, measures, meetings, organisations, structure
from ui.shell.auth import require
from ui.shell.context import current
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.maintenance"))
actor = require("admin", refusal="maintenance.admins_only")

st.caption(t("maintenance.intro"))
page = common.start(context, actor)
common.show_flash()

TABS = {
    "handlungsfelder": structure.action_fields,
    "leitziele": structure.guiding_goals,
    "jahresziele": structure.annual_goals,
    "massnahmen": measures.measures,
    "organisationen": organisations.organisations,
    "kennzahlen": indicators.indicators,
    "sitzungen": meetings.meetings,
    "konten": accounts.accounts,
}
for slug, tab in common.tabs(list(TABS)):
    with tab:
        TABS[slug](page)
