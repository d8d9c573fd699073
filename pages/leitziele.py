"""Leitziele 2030: the plan's hierarchy with traffic lights, the goals per action field, one goal in detail."""

import pandas as pd
import streamlit as st

from models.formats import format_date, format_number, format_percent
from models.rules import small_count_threshold
from ui.widgets import components
from ui.reads import goals as reads
from ui.shell import url_bind
from ui.shell.choices import keep_offered
from ui.shell.context import current
from ui.views.goals import counts_words, level_light_words, progress_words
from ui.shell.texts import language, t
from ui.shell.url_state import code_in_url, find_code, parse_choice, shown
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

VIEWS = {"kacheln": "treemap", "sonne": "sunburst"}

context = current()
components.plan_header(context, t("page.goals"))
lang = language()
# The Leitziele per Handlungsfeld in words: small and cached, whatever the number of measures.
fields = reads.goal_list(context.key)
titles = {goal["code"]: goal["title"] for field in fields for goal in field["goals"]}


def _parse_goal(raw: str | None):
    if (found := find_code(raw, titles)) is not None:
        return found, None
    return None, t("goals.unknown", code=shown(raw or ""))


def _select(code: str) -> None:
    st.session_state["goal_code"] = code


url_bind.adopt("ziel", "goal_code", _parse_goal)
url_bind.adopt("ansicht", "goals_view", lambda raw: parse_choice(raw, {key: key for key in VIEWS}, t("goals.view")))
keep_offered("goal_code", ["", *titles], None)
code = st.selectbox(t("goals.select"), [""] + list(titles), key="goal_code",
                    format_func=lambda c: f"{c} – {titles[c]}" if c else t("goals.select_all"))
url_bind.publish("ziel", code_in_url(code, titles) if code else None)


def show_overview() -> None:
    st.subheader(t("goals.hierarchy"))
    keep_offered("goals_view", VIEWS, t("goals.view"))
    view = st.radio(t("goals.view"), list(VIEWS), key="goals_view", horizontal=True,
                    format_func=lambda key: t(f"goals.view.{VIEWS[key]}"))
    url_bind.publish("ansicht", None if view == "kacheln" else view)
    # Down to the Leitziele only; a goal's Jahresziele and Maßnahmen are on its detail view.
    st.plotly_chart(reads.hierarchy_chart(context.key, VIEWS[view]), key="goals_hierarchy", config=CHART_CONFIG)
    shares = reads.level_light_shares(context.key)
    st.caption(t("goals.chart_rule", year=context.as_of.year, red=format_percent(shares[0]),
                 yellow=format_percent(shares[1])))

    st.subheader(t("goals.list"))
    for index, field in enumerate(fields):
        # Only an open field runs its goals; the goal itself is the button to its detail.
        expander = st.expander(components.plain(field["label"]), key=f"goals_field_{index}", on_change="rerun")
        if not expander.open:
            continue
        with expander:
            if not field["goals"]:
                st.write(t("goals.no_goals"))
            for goal in field["goals"]:
                st.button(f"**{components.plain(goal['code'])}** {components.plain(goal['title'])}",
                          key=f"goal_details_{goal['code']}", on_click=_select, args=(goal["code"],),
                          type="tertiary", icon=":material/zoom_in:", help=t("goals.details"))
                st.caption(goal["line"])


def show_detail(code: str) -> None:
    threshold = small_count_threshold(context.confidentiality_threshold, context.released_only)
    detail = reads.goal_detail(context.key, code, threshold=threshold)
    goal = detail["goal"]
    st.button(t("goals.back"), on_click=_select, args=("",), icon=":material/arrow_back:")
    st.subheader(components.plain(f"{code} – {goal['guiding_goal']}"))
    st.caption(t("goals.detail_caption", field=components.plain(goal["action_field"]),
                 progress=progress_words(goal["progress"], goal["measures"], lang, goal.get("unreported", 0)), counts=counts_words(goal, lang),
                 **level_light_words(goal, lang)))

    # Tables in words and the bars are built once per change counter, not on every run.
    tables = reads.goal_detail_tables(context.key, code, threshold)
    st.markdown(f"#### {t('goals.annual_goals')}")
    annual = detail["annual_goals"]
    if annual.empty:
        st.write(t("goals.no_annual_goals"))
    else:
        components.dataframe(tables["annual_goals"])
        st.plotly_chart(reads.goal_annual_chart(context.key, code, threshold), key="goal_annual_chart",
                        config=CHART_CONFIG)

    st.markdown(f"#### {t('goals.indicators')}")
    indicators = detail["indicators"]
    if indicators.empty:
        st.write(t("goals.no_indicators"))
    for _, row in indicators.iterrows():
        with st.container(border=True):
            st.markdown(f"**{components.plain(row['code'])}** {components.plain(row['title'])}")
            latest, target = st.columns(2)
            latest.metric(_dated(t("goals.col.latest"), row["latest_date"]), _latest(row))
            target.metric(_dated(t("goals.col.target"), row["target_date"]), _value(row["target_value"], row["unit"]))
            st.markdown(components.plain(row["trend"]))

    st.markdown(f"#### {t('goals.measures')}")
    measures = detail["measures"]
    if measures.empty:
        st.write(t("goals.no_measures"))
    else:
        components.dataframe(tables["measures"])


def _dated(label: str, on) -> str:
    return label if on is None or pd.isna(on) else t("goals.dated", label=label, date=format_date(on))


def _value(value: float, unit: str) -> str:
    if pd.isna(value):
        return "–"
    number = format_number(value, 0 if float(value).is_integer() else 1)
    return number + f"\u00a0{components.plain(unit)}" if unit else number  # a metric's value is Markdown, too


def _latest(row: pd.Series) -> str:
    if row["latest_hidden"]:
        return t("goals.hidden_value")
    if row["latest_value"] is None or pd.isna(row["latest_value"]):
        return t("goals.no_value")
    return _value(row["latest_value"], row["unit"])


if code:
    show_detail(code)
else:
    show_overview()
