"""Sachstand melden: a lead's measures (stale first) and one report form beside the measure's history.

Editors see the measures their organisation leads or is a partner of; admins see all, with a filter
by lead organisation. The command re-checks role and scope, so this page cannot write beyond them.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from ui.widgets import components
from ui import status_report
from ui.reads import reporting as reads
from ui.shell.auth import require
from ui.shell.context import current
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
today = dt.date.today()
components.plan_header(replace(context, as_of=today), t("page.report"))

actor = require("editor", "admin", refusal="report.not_allowed", box=st.warning)
is_admin = actor.role == "admin"
if not is_admin and actor.organisation_id is None:
    st.info(t("report.no_organisation"), icon=":material/info:")
    st.stop()

measures = reads.measures_to_report(context.key.at(today), None if is_admin else actor.organisation_id)
st.subheader(t("report.all" if is_admin else "report.mine"))
if measures.empty:
    st.info(t("report.none"), icon=":material/info:")
    st.stop()
st.caption(t("report.intro"))
shown = status_report.organisation_filter(measures) if is_admin else measures
if shown.empty:
    st.info(t("report.none_filtered"), icon=":material/filter_alt_off:")
else:
    status_report.measure_table(shown)

code = status_report.measure_picker(measures, shown)
if code is not None:  # no st.stop() here: hints about the link are shown after the page has run
    row = measures[measures["code"] == code].iloc[0]
    st.divider()
    status_report.measure_heading(row)
    form_column, history_column = st.columns([3, 2], gap="large")
    with form_column:
        status_report.report_form(row, context, actor, today)
    with history_column:
        status_report.history(reads.report_log(context.key, int(row["measure_id"])))
