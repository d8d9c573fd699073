"""Maßnahmen: every measure of the plan as of the Stand — filter, timeline, detail with its history."""

import pandas as pd
import streamlit as st

from models.formats import format_date, format_number
from models.rules import progress_text
from models.texts import localised_column, text
from ui.widgets import components, measure_filters
from ui.reads import measures as reads
from ui.views import measure_table
from ui.views.markdown import labelled_lines, plain_lines
from ui.shell.context import current
from ui.charts.gantt import dated
from ui.shell.texts import language, t
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

VIEW_KEY = "measures_view"

context = current()
components.plan_header(context, t("page.measures"))

measures = reads.measure_frame(context.key)
if measures.empty:
    st.info(t("measures.none_in_plan"), icon=":material/info:")
    st.stop()

lang = language()
filters = measure_filters.filter_panel(reads.measure_filter_choices(context.key))
shown = reads.measure_selection(context.key, filters)
count, pager = st.columns([4, 1], vertical_alignment="bottom")
with pager:
    page = measure_filters.page_picker(len(shown), filters)
count.markdown(f"**{t('measures.count', shown=format_number(len(shown)), total=format_number(len(measures)))}**")
# Only one page of the table (and of the timeline) goes to the browser per run.
page_rows = measure_table.page_of(shown, page)
paged = len(shown) > len(page_rows)
rows_text = {"page": format_number(page), "pages": format_number(measure_table.page_count(len(shown))),
             "first": format_number((page - 1) * measure_table.PAGE_SIZE + 1),
             "last": format_number((page - 1) * measure_table.PAGE_SIZE + len(page_rows))}

if shown.empty:
    st.info(t("measures.empty"), icon=":material/filter_alt_off:")
else:
    # Only the open tab runs (the timeline is a chart of up to a page of measures).
    list_tab, timeline_tab = st.tabs([t("measures.tab.list"), t("measures.tab.timeline")], key=VIEW_KEY,
                                     on_change="rerun")
    if list_tab.open is not False:
        with list_tab:
            words = reads.measure_table(context.key, filters)
            columns = measure_table.columns(lang)
            measure_filters.remember_table_rows(page_rows["code"].tolist())
            components.dataframe(words, measure_table.page_rows(page), column_config=columns,
                                 column_order=list(columns), height=min(40 + 35 * len(page_rows), 600),
                                 key=measure_filters.TABLE_KEY, on_select=measure_filters.table_selected,
                                 selection_mode="single-row")
            if paged:
                st.caption(t("measures.page_of", **rows_text))
            st.caption(t("measures.table_hint"))
    if timeline_tab.open:
        with timeline_tab:
            undated = len(page_rows) - len(dated(page_rows))
            if undated == len(page_rows):
                st.info(t("measures.timeline_empty"), icon=":material/info:")
            else:
                figure = reads.measure_timeline(context.key, filters, page)
                st.plotly_chart(figure, key="measures_timeline", config=CHART_CONFIG)
                if paged:
                    st.caption(t("measures.timeline_page", **rows_text))
            if undated and undated < len(page_rows):
                st.caption(t("measures.timeline_undated", count=format_number(undated)))


def facts(detail: dict) -> None:
    """Lead, partners, origin, period, weight and where the measure was carried over from."""
    none = t("measures.detail.none_given")
    period = t("measures.detail.period_value", start=format_date(detail["start_date"], none),
               due=format_date(detail["due_date"], none))
    rows = [
        ("measures.detail.lead", detail["lead_organisation"] or none),
        ("measures.detail.partners", ", ".join(detail["partners"]) or none),
        ("measures.detail.origin", detail["origin"] or none),
        ("measures.detail.period", period),
        ("measures.detail.weight", format_number(detail["weight"], 0 if float(detail["weight"]).is_integer() else 1)),
    ]
    for key, value in rows:
        st.markdown(f"**{t(key)}:** {components.plain(value)}")
    if detail["carried_over_from_code"]:
        st.markdown(f"**{t('measures.detail.carried_over')}:**")
        pick_button(detail["carried_over_from_code"], detail["carried_over_from_title"])
        st.markdown(f"**{t('measures.detail.carry_reason')}:** {components.plain(detail['carry_over_reason'])}")
    if detail["successors"]:
        st.markdown(f"**{t('measures.detail.successors')}:**")
        for code, title in detail["successors"]:
            pick_button(code, title)


def pick_button(code: str, title: str) -> None:
    st.button(f"{components.plain(code)} – {components.plain(title)}", icon=":material/link:", type="tertiary",
              key=f"measures_goto_{code}", on_click=lambda: st.session_state.update({measure_filters.PICK_KEY: code}))


def state(row: pd.Series) -> None:
    """Status, progress and traffic light (with its reason) as of the Stand."""
    st.markdown(f"**{t('measures.detail.state', date=format_date(context.as_of))}**")
    st.badge(components.light_label(row["light"]), icon=components.LIGHT_ICONS[row["light"]],
             color=components.LIGHT_BADGE_COLOURS[row["light"]])
    st.markdown(components.plain(row[localised_column("reason", lang)]))
    left, right = st.columns(2)
    left.metric(t("measures.detail.status"), t(f"status.{row['status']}"))
    right.metric(t("measures.detail.progress"), progress_text(row["progress"], lang))
    last, figure_date = row["last_report_date"], row.get("progress_date")
    if not pd.isna(row["progress"]):
        st.progress(int(row["progress"]) / 100)
        if figure_date is not None and not pd.isna(figure_date) and figure_date != last:
            st.caption(text("progress.reported_on", lang, date=format_date(figure_date)))
    st.markdown(f"**{t('measures.detail.last_report')}:** "
                + (format_date(last) if not pd.isna(last) else t("measures.detail.no_report")))
    if row["stale"]:
        st.warning(t("measures.detail.stale"), icon=":material/update:")


def history(reports: pd.DataFrame) -> None:
    """Every report up to the Stand, newest first; user text shown as plain text."""
    st.markdown(f"#### {t('measures.history', count=format_number(len(reports)))}")
    st.caption(t("measures.history.until", date=format_date(context.as_of)))
    if reports.empty:
        st.info(t("measures.history.empty", date=format_date(context.as_of)), icon=":material/info:")
    for report in reports.itertuples():
        with st.container(border=True):
            st.markdown("**" + t("measures.report.head", date=format_date(report.report_date),
                                 status=t(f"status.{report.status}"),
                                 progress=progress_text(report.progress, lang)) + "**")
            for field in ("summary", "obstacles", "next_steps"):
                if getattr(report, field):
                    st.markdown(labelled_lines(t(f"measures.report.{field}"), getattr(report, field)))
            if report.author_name:
                st.caption(f"{t('measures.report.author')}: {components.plain(report.author_name)}")


st.divider()
st.subheader(t("measures.detail"))
titles = reads.measure_titles(context.key)
code = measure_filters.measure_picker(titles, page_rows["code"].tolist())
detail = reads.measure_detail(context.key, code) if code else None
if detail is None:
    st.caption(t("measures.detail.prompt"))
else:
    st.markdown(f"### {components.plain(detail['code'])} – {components.plain(detail['title'])}")
    st.markdown(t("measures.detail.path", field=components.plain(detail["action_field"]),
                  goal=components.plain(detail["guiding_goal"]), year=detail["year"],
                  annual=components.plain(detail["annual_goal"])))
    if detail["prioritised"]:
        st.caption(t("measures.detail.prioritised"))
    st.markdown(plain_lines(detail["description"]) or t("measures.detail.no_description"))
    left, right = st.columns(2)
    with left:
        facts(detail)
    with right:
        state(measures[measures["code"] == code].iloc[0])
    history(reads.report_history(context.key, detail["measure_id"]))
