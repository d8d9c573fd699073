"""Maßnahmen: every measure of the plan as of the Stand — filter, timeline, detail with its history."""

import numpy as np
import pandas as pd
import streamlit as st

from models.formats import format_date, format_number, format_percent
from models.measures import apply_filters
from models.texts import localised_column
from ui import components, data, measure_filters
from ui.context import current
from ui.gantt import dated
from ui.texts import language, t

context = current()
components.plan_header(context, t("page.measures"))

measures = data.measure_list(context.url, context.plan_id, context.counter, context.as_of,
                             released_only=context.released_only)
if measures.empty:
    st.info(t("measures.none_in_plan"), icon=":material/info:")
    st.stop()

tree = data.progress_tree(context.url, context.plan_id, context.counter, context.as_of,
                          released_only=context.released_only)
filters = measure_filters.filter_panel(measures, tree)
shown = apply_filters(measures, filters)
st.markdown(f"**{t('measures.count', shown=format_number(len(shown)), total=format_number(len(measures)))}**")


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """The measures as the table shows them: words for status, traffic light and freshness."""
    stale_words = np.where(frame["last_report_date"].isna(), t("measures.stale_none"), t("measures.stale"))
    return pd.DataFrame({
        "code": frame["code"], "title": frame["title"], "action_field": frame["action_field"],
        "guiding_goal": frame["guiding_goal"], "year": frame["year"], "lead": frame["lead_organisation"],
        "status": [t(f"status.{status}") for status in frame["status"]], "progress": frame["progress"],
        "light": [components.light_label(light) for light in frame["light"]], "reason": frame[localised_column("reason", language())],
        "last_report": frame["last_report_date"], "freshness": np.where(frame["stale"], stale_words, ""),
        "prioritised": frame["prioritised"].astype(bool),
    })


# The state first (what the board asks about), the place in the plan after it.
COLUMNS = {
    "code": st.column_config.TextColumn(t("measures.col.code"), pinned=True),
    "title": st.column_config.TextColumn(t("measures.col.title"), width="large"),
    "status": st.column_config.TextColumn(t("measures.col.status")),
    "progress": st.column_config.ProgressColumn(t("measures.col.progress"), min_value=0, max_value=100,
                                                format="%d %%"),
    "light": st.column_config.TextColumn(t("measures.col.light")),
    "reason": st.column_config.TextColumn(t("measures.col.reason"), width="large"),
    "last_report": st.column_config.DateColumn(t("measures.col.last_report"), format="DD.MM.YYYY"),
    "freshness": st.column_config.TextColumn(t("measures.col.freshness")),
    "prioritised": st.column_config.CheckboxColumn(t("measures.col.prioritised")),
    "year": st.column_config.NumberColumn(t("measures.col.year"), format="%d"),
    "action_field": st.column_config.TextColumn(t("measures.col.action_field")),
    "guiding_goal": st.column_config.TextColumn(t("measures.col.guiding_goal"), width="large"),
    "lead": st.column_config.TextColumn(t("measures.col.lead")),
}

if shown.empty:
    st.info(t("measures.empty"), icon=":material/filter_alt_off:")
else:
    list_tab, timeline_tab = st.tabs([t("measures.tab.list"), t("measures.tab.timeline")])
    with list_tab:
        measure_filters.remember_table_rows(shown["code"].tolist())
        st.dataframe(table(shown), hide_index=True, column_config=COLUMNS, column_order=list(COLUMNS),
                     height=min(40 + 35 * len(shown), 600), key=measure_filters.TABLE_KEY,
                     on_select=measure_filters.table_selected, selection_mode="single-row")
        st.caption(t("measures.table_hint"))
    with timeline_tab:
        undated = len(shown) - len(dated(shown))
        if undated == len(shown):
            st.info(t("measures.timeline_empty"), icon=":material/info:")
        else:
            figure = data.measure_timeline(context.url, context.plan_id, context.counter, context.as_of, language(),
                                           context.released_only, repr(filters), shown)
            st.plotly_chart(figure, key="measures_timeline")
        if undated and undated < len(shown):
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
    st.button(f"{code} – {title}", icon=":material/link:", type="tertiary", key=f"measures_goto_{code}",
              on_click=lambda: st.session_state.update({measure_filters.PICK_KEY: code}))


def state(row: pd.Series) -> None:
    """Status, progress and traffic light (with its reason) as of the Stand."""
    st.markdown(f"**{t('measures.detail.state', date=format_date(context.as_of))}**")
    st.badge(components.light_label(row["light"]), icon=components.LIGHT_ICONS[row["light"]],
             color=components.LIGHT_BADGE_COLOURS[row["light"]])
    st.markdown(components.plain(row[localised_column("reason", language())]))
    left, right = st.columns(2)
    left.metric(t("measures.detail.status"), t(f"status.{row['status']}"))
    right.metric(t("measures.detail.progress"), format_percent(row["progress"]))
    st.progress(int(row["progress"]) / 100)
    last = row["last_report_date"]
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
                                 progress=format_percent(report.progress)) + "**")
            for field in ("summary", "obstacles", "next_steps"):
                if getattr(report, field):
                    st.markdown(f"**{t(f'measures.report.{field}')}:** {components.plain(getattr(report, field))}")
            if report.author_name:
                st.caption(f"{t('measures.report.author')}: {components.plain(report.author_name)}")


st.divider()
st.subheader(t("measures.detail"))
code = measure_filters.measure_picker(dict(zip(measures["code"], measures["title"])), shown["code"].tolist())
detail = data.measure_detail(context.url, context.plan_id, context.counter, code) if code else None
if detail is None:
    st.caption(t("measures.detail.prompt"))
else:
    st.markdown(f"### {components.plain(detail['code'])} – {components.plain(detail['title'])}")
    st.markdown(t("measures.detail.path", field=components.plain(detail["action_field"]),
                  goal=components.plain(detail["guiding_goal"]), year=detail["year"],
                  annual=components.plain(detail["annual_goal"])))
    if detail["prioritised"]:
        st.caption(t("measures.detail.prioritised"))
    st.markdown(components.plain(detail["description"]) or t("measures.detail.no_description"))
    left, right = st.columns(2)
    with left:
        facts(detail)
    with right:
        state(measures.set_index("code").loc[code])
    history(data.report_history(context.url, context.plan_id, context.counter, detail["measure_id"],
                                context.as_of, released_only=context.released_only))
