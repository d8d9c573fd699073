"""Jahresziele: the annual goals of one year, the Kreistag's priorities, carry-overs, and the years side by side."""

import streamlit as st

from models.formats import format_number
from models.goals import default_year
from ui.views import annual_goals
from ui.widgets import components
from ui.reads import annual_goals as reads
from ui.shell import url_bind
from ui.shell.choices import keep_offered
from ui.shell.context import current, link_params
from ui.shell.texts import language, t
from ui.shell.url_state import shown
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

context = current()
components.plan_header(context, t("page.annual_goals"))
lang = language()
years, horizon = reads.plan_years(context.key)
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
keep_offered("annual_year", choices, t("annual_goals.year"))
st.session_state.setdefault("annual_year", fallback)
year = st.selectbox(t("annual_goals.year"), choices, key="annual_year")
url_bind.publish("jahr", str(year))


def show_year(view: annual_goals.YearView) -> None:
    row = st.container(horizontal=True)
    row.metric(t("annual_goals.count", year=year), format_number(view.count))
    row.metric(t("annual_goals.prioritised_count"), format_number(view.prioritised))
    row.metric(t("annual_goals.measures_count"), format_number(view.measures))
    row.metric(t("annual_goals.mean_progress"), view.mean_progress)

    st.subheader(t("annual_goals.prioritised"))
    if not view.prioritised:
        st.write(t("annual_goals.no_prioritised", year=year))
    for card in view.cards:
        with st.container(border=True):
            st.badge(t("annual_goals.prioritised_mark"), icon=":material/star:", color="blue")
            st.markdown(f"**{components.plain(card.code)}** {components.plain(card.title)}")
            st.caption(components.plain(card.decision))
            st.caption(card.goal_line)
            st.page_link("pages/leitziele.py", icon=":material/flag:",
                         label=t("annual_goals.to_goal", code=components.plain(card.guiding_goal_code)),
                         query_params=link_params(context, ziel=card.guiding_goal_code))
    if view.prioritised > len(view.cards):
        st.caption(t("annual_goals.more_prioritised", count=format_number(view.prioritised - len(view.cards))))

    st.subheader(t("annual_goals.all", year=year))
    if view.count > annual_goals.CHART_GOALS:
        st.caption(t("annual_goals.chart_by_goal", count=format_number(view.count), year=year))
    st.plotly_chart(reads.annual_goals_chart(context.key, year), key="annual_progress_chart", config=CHART_CONFIG)
    components.dataframe(view.table)


def show_carried() -> None:
    st.subheader(t("annual_goals.carried"))
    carried = reads.carried_over(context.key, year)
    if carried.empty:
        st.write(t("annual_goals.no_carried", year=year))
    for row in carried.head(annual_goals.CARRIED_SHOWN).itertuples(index=False):
        with st.container(border=True):
            st.markdown(f"**{components.plain(row.code)}** {components.plain(row.title)}")
            st.caption(t(f"annual_goals.kind.{row.kind}") + " · "
                       + t("annual_goals.carried_from", code=row.from_code, year=row.from_year))
            st.markdown(components.plain(t("annual_goals.reason", reason=row.reason)))
    if len(carried) > annual_goals.CARRIED_SHOWN:
        st.caption(t("annual_goals.more_carried", count=format_number(len(carried) - annual_goals.CARRIED_SHOWN)))


def show_summary() -> None:
    st.subheader(t("annual_goals.summary"))
    components.dataframe(reads.year_summary_table(context.key))
    st.caption(t("annual_goals.summary_note"))


view = reads.annual_year_view(context.key, year)
if view is None:
    st.info(t("annual_goals.empty_year", year=year), icon=":material/event_busy:")
else:
    show_year(view)
show_carried()
show_summary()
