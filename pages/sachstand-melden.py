"""Sachstand melden: a lead's measures (stale first) and one report form beside the measure's history.

Editors see the measures their organisation leads or is a partner of; admins see all, with a filter
by lead organisation. The command re-checks role and scope, so this page cannot write beyond them.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from ui import components, data, report_form
from ui.auth import current_actor
from ui.context import current
from ui.texts import t
from ui.navigation import leave_folder_mode

leave_folder_mode()

context = current()
actor = current_actor()
today = dt.date.today()
components.plan_header(replace(context, as_of=today), t("page.report"))

if actor is None or actor.role not in ("editor", "admin"):
    st.warning(t("report.not_allowed"), icon=":material/lock:")
    st.stop()
is_admin = actor.role == "admin"
if not is_admin and actor.organisation_id is None:
    st.info(t("report.no_organisation"), icon=":material/info:")
    st.stop()

measures = data.measures_to_report(context.url, context.plan_id, context.counter, today,
                                   None if is_admin else actor.organisation_id)
st.subheader(t("report.all" if is_admin else "report.mine"))
if measures.empty:
    st.info(t("report.none"), icon=":material/info:")
    st.stop()
st.caption(t("report.intro"))
shown = report_form.organisation_filter(measures) if is_admin else measures
if shown.empty:
    st.info(t("report.none_filtered"), icon=":material/filter_alt_off:")
else:
    report_form.measure_table(shown)

code = report_form.measure_picker(measures, shown)
if code is not None:  # no st.stop() here: hints about the link are shown after the page has run
    row = measures[measures["code"] == code].iloc[0]
    st.divider()
    report_form.measure_heading(row)
    form_column, history_column = st.columns([3, 2], gap="large")
    with form_column:
        report_form.report_form(row, context, actor, today)
    with history_column:
        report_form.history(data.report_log(context.url, context.plan_id, context.counter, int(row["measure_id"])))
