"""Jahresziele: the annual goals of one year, the Kreistag's priorities, carry-overs, and the years side by side."""

import pandas as pd
import streamlit as st

from models.formats import format_date, format_number, format_percent
from models.goals import default_year
from ui import components, data, url_bind
from ui.context import current, link_params
from ui.figures import progress_bars
from ui.hierarchy_chart import counts_words, progress_words
from ui.texts import language, t
from ui.url_state import shown

context = current()
components.plan_header(context, t("page.annual_goals"))
lang = language()
years, horizon = data.plan_years(context.url, context.plan_id, context.counter)
if not years:
    st.info(t("annual_goals.no_goals_at_all"))
    st.stop()
fallback = default_year(years, context.as_of)
choices = list(range(years[0], max(horizon, years[-1]) + 1))


def _parse_year(raw: str | None):
    if raw is not None and raw.isascii() and raw.isdigit() and len(raw) == 4:
        if int(raw) in choices:
            return int(raw), None
        return None, t("annual_goals.out_of_range", raw=raw, first=choices[0], last=choices[-1], year=fallback)
    return None, t("annual_goals.bad_year", raw=shown(raw or ""), year=fallback)


url_bind.adopt("jahr", "annual_year", _parse_year)
st.session_state.setdefault("annual_year", fallback)
year = st.selectbox(t("annual_goals.year"), choices, key="annual_year")
url_bind.publish("jahr", str(year))


def _decision(row) -> str:
    if pd.isna(row["decision_reference"]) or not row["decision_reference"]:
        return t("annual_goals.decision_no_reference", date=format_date(row["decision_date"]))
    return t("annual_goals.decision", date=format_date(row["decision_date"]), reference=row["decision_reference"])


def _carried(row) -> str:
    if pd.isna(row["carried_over_from_code"]):
        return ""
    return t("annual_goals.carried_from", code=row["carried_over_from_code"], year=int(row["carried_over_from_year"]))


def show_year(annual: pd.DataFrame) -> None:
    progress = annual["progress"].mean()
    columns = st.columns(4)
    columns[0].metric(t("annual_goals.count", year=year), format_number(len(annual)))
    columns[1].metric(t("annual_goals.prioritised_count"), format_number(int(annual["prioritised"].sum())))
    columns[2].metric(t("annual_goals.measures_count"), format_number(int(annual["measures"].sum())))
    columns[3].metric(t("annual_goals.mean_progress"), progress_words(progress, int(annual["measures"].sum()), lang))

    st.subheader(t("annual_goals.prioritised"))
    prioritised = annual[annual["prioritised"].astype(bool)]
    if prioritised.empty:
        st.write(t("annual_goals.no_prioritised", year=year))
    for _, row in prioritised.iterrows():
        with st.container(border=True):
            st.badge(t("annual_goals.prioritised_mark"), icon=":material/star:", color="blue")
            st.markdown(f"**{components.plain(row['annual_goal_code'])}** {components.plain(row['annual_goal'])}")
            st.caption(components.plain(_decision(row)))
            st.caption(t("annual_goals.goal_line", goal_code=row["guiding_goal_code"], field=row["action_field"],
                         progress=progress_words(row["progress"], row["measures"], lang)))
            st.page_link("pages/goals.py", label=t("annual_goals.to_goal", code=row["guiding_goal_code"]),
                         icon=":material/flag:", query_params=link_params(context, ziel=row["guiding_goal_code"]))

    st.subheader(t("annual_goals.all", year=year))
    mark = " (" + t("annual_goals.prioritised_mark") + ")"
    bars = annual.assign(label=annual["annual_goal_code"] + annual["prioritised"].map({True: mark, False: ""})
                         + " · " + annual["annual_goal"])
    st.plotly_chart(progress_bars(bars, "label", lang), key="annual_progress_chart")
    st.dataframe(pd.DataFrame({
        t("annual_goals.col.code"): annual["annual_goal_code"],
        t("annual_goals.col.annual_goal"): annual["annual_goal"],
        t("annual_goals.col.guiding_goal"): annual["guiding_goal_code"],
        t("annual_goals.col.action_field"): annual["action_field"],
        t("annual_goals.col.progress"): [progress_words(p, m, lang) for p, m in zip(annual["progress"], annual["measures"])],
        t("annual_goals.col.measures"): [counts_words(row, lang) for _, row in annual.iterrows()],
        t("annual_goals.col.prioritised"): [_decision(row) if row["prioritised"] else "" for _, row in annual.iterrows()],
        t("annual_goals.col.carried"): [_carried(row) for _, row in annual.iterrows()],
    }), hide_index=True,
        column_config={t("annual_goals.col.annual_goal"): st.column_config.TextColumn(width="large")})


def show_carried() -> None:
    st.subheader(t("annual_goals.carried"))
    carried = data.carried_over(context.url, context.plan_id, context.counter, year)
    if carried.empty:
        st.write(t("annual_goals.no_carried", year=year))
    for row in carried.itertuples(index=False):
        with st.container(border=True):
            st.markdown(f"**{components.plain(row.code)}** {components.plain(row.title)}")
            st.caption(t(f"annual_goals.kind.{row.kind}") + " · "
                       + t("annual_goals.carried_from", code=row.from_code, year=row.from_year))
            st.markdown(components.plain(t("annual_goals.reason", reason=row.reason)))


def show_summary() -> None:
    st.subheader(t("annual_goals.summary"))
    summary = data.year_summary(context.url, context.plan_id, context.counter, context.as_of,
                                released_only=context.released_only)
    st.dataframe(pd.DataFrame({
        t("annual_goals.col.year"): summary["year"].astype(str),
        t("annual_goals.col.count"): summary["annual_goals"].map(format_number),
        t("annual_goals.col.prioritised_count"): summary["prioritised"].map(format_number),
        t("annual_goals.col.without_measures"): summary["without_measures"].map(format_number),
        t("annual_goals.col.mean_progress"): [format_percent(p) if pd.notna(p) else t("rollup.empty")
                                              for p in summary["progress"]],
    }), hide_index=True)
    st.caption(t("annual_goals.summary_note"))


annual = data.annual_goals_of_year(context.url, context.plan_id, context.counter, context.as_of, year,
                                   released_only=context.released_only)
if annual.empty:
    st.info(t("annual_goals.empty_year", year=year), icon=":material/event_busy:")
else:
    show_year(annual)
show_carried()
show_summary()
