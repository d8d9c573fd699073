"""Meine Maßnahmen: a project lead's start page. What her organisation owes in the current reporting round
(overdue first), each with one link to the form and a quick "unverändert"; then the other measures it leads, the
ones it is a partner of, and the completed ones folded away.

Editors, and admins who report for an organisation. The commands re-check role and scope.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from ui import my_measures as view
from ui import round_workbook
from ui.reads import reporting as reads
from ui.shell.auth import require
from ui.shell.context import current
from ui.shell.navigation import leave_folder_mode
from ui.shell.sign_in import organisation_name
from models.formats import format_number
from ui.shell.texts import t
from ui.views.markdown import plain
from ui.widgets import components

leave_folder_mode()

context = current()
today = dt.date.today()
components.plan_header(replace(context, as_of=today), t("page.my_measures"))

actor = require("editor", "admin", refusal="my_measures.not_allowed", box=st.warning)
if actor.organisation_id is None:
    st.info(t("report.no_organisation"), icon=":material/info:")
    st.stop()

st.caption(t("my_measures.organisation", organisation=plain(organisation_name(actor) or "")))
mine = reads.my_measures(context.key.at(today), actor.organisation_id)
view.show_flash()
if mine.nothing:
    st.info(t("my_measures.nothing"), icon=":material/info:")
    st.stop()
view.round_caption(mine)

st.subheader(t("my_measures.owed", count=format_number(len(mine.owed))))
if mine.owed.empty:
    st.success(t("my_measures.all_reported"), icon=":material/task_alt:")
else:
    st.caption(t("my_measures.owed_hint"))
    view.rows(mine.owed, context, actor, today)
round_workbook.editor_section(context, actor.organisation_id, organisation_name(actor) or "", today)

if not mine.led.empty:
    st.subheader(t("my_measures.led", count=format_number(len(mine.led))))
    st.caption(t("my_measures.led_hint"))
    view.rows(mine.led, context, actor, today)

if not mine.partner.empty:
    st.subheader(t("my_measures.partner", count=format_number(len(mine.partner))))
    st.caption(t("my_measures.partner_hint"))
    view.rows(mine.partner, context, actor, today)

if not mine.completed.empty:
    with st.expander(t("my_measures.completed", count=format_number(len(mine.completed))),
                     icon=":material/inventory_2:"):
        view.rows(mine.completed, context, actor, today, quick=False)
