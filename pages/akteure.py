"""Akteure: the organisations that lead or partner in the plan's measures, and their measures."""

import streamlit as st

from models.formats import format_number
from ui.widgets import components
from ui.reads import organisations as reads
from ui.shell import url_bind
from ui.shell.context import current
from ui.views.organisations import kind_slug, measures_table
from ui.shell.texts import language, t
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

ALL = ""
NONE = 0

context = current()
lang = language()
components.plan_header(context, t("page.organisations"))
overview = reads.organisation_overview(context.key)
if overview.empty:
    st.info(t("organisations.empty"), icon=":material/groups:")
    st.stop()
st.caption(t("organisations.intro"))



kinds = sorted(overview["kind"].unique())
filter_column, pick_column, count_column, lead_column = st.columns([2, 3, 1, 1])
kind = url_bind.select(filter_column, "art", "organisations_kind", t("organisations.filter.kind"),
                       {ALL: t("organisations.filter.all_kinds"), **{k: k for k in kinds}},
                       {kind_slug(k): k for k in kinds}, ALL)
names = dict(zip(overview["organisation_id"].astype(int), overview["name"]))
organisation = url_bind.select(pick_column, "akteur", "organisations_organisation",
                               t("organisations.filter.organisation"), {NONE: t("organisations.filter.none"), **names},
                               {str(i): i for i in names}, NONE)

shown, table, figure = reads.organisation_view(context.key, kind)
count_column.metric(t("organisations.count"), format_number(len(shown)))
lead_column.metric(t("organisations.count_lead"), format_number(int((shown["lead"] > 0).sum())))

if organisation != NONE:
    row = overview[overview["organisation_id"] == organisation].iloc[0]
    st.subheader(t("organisations.detail"), anchor=False)
    st.text(row["name"])
    st.caption(t("organisations.detail_summary", kind=components.plain(row["kind"]),
                 lead=format_number(row["lead"]), partner=format_number(row["partner"])))
    measures = reads.measures_of_organisation(context.key, int(organisation))
    components.dataframe(measures_table(measures, lang), width="stretch")
else:
    st.caption(t("organisations.pick_hint"))

if shown.empty:
    st.info(t("organisations.no_match"), icon=":material/filter_alt_off:")
    st.stop()
st.subheader(t("page.organisations"), anchor=False)
components.dataframe(table, width="stretch")
st.caption(t("organisations.lights_note"))
st.subheader(t("organisations.chart_title"), anchor=False)
st.plotly_chart(figure, key="organisations_chart", config=CHART_CONFIG)
