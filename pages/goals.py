"""Leitziele 2030: the plan's hierarchy with traffic lights, the goals per action field, one goal in detail."""

import pandas as pd
import streamlit as st

from models.formats import format_date, format_number
from models.texts import localised_column
from ui import components, data, url_bind
from ui.context import current
from ui.figures import progress_bars
from ui.hierarchy_chart import counts_words, light_words, progress_words
from ui.texts import language, t
from ui.url_state import parse_choice, shown

VIEWS = {"kacheln": "treemap", "sonne": "sunburst"}

context = current()
components.plan_header(context, t("page.goals"))
lang = language()
tree = data.progress_tree(context.url, context.plan_id, context.counter, context.as_of,
                          released_only=context.released_only)
goals = tree["guiding_goals"]
titles = dict(zip(goals["guiding_goal_code"], goals["guiding_goal"]))


def _parse_goal(raw: str | None):
    if raw in titles:
        return raw, None
    return None, t("goals.unknown", code=shown(raw or ""))


def _select(code: str) -> None:
    st.session_state["goal_code"] = code


url_bind.adopt("ziel", "goal_code", _parse_goal)
url_bind.adopt("ansicht", "goals_view", lambda raw: parse_choice(raw, {key: key for key in VIEWS}, t("goals.view")))
code = st.selectbox(t("goals.select"), [""] + list(titles), key="goal_code",
                    format_func=lambda c: f"{c} – {titles[c]}" if c else t("goals.select_all"))
url_bind.publish("ziel", code or None)


def show_overview() -> None:
    st.subheader(t("goals.hierarchy"))
    view = st.radio(t("goals.view"), list(VIEWS), key="goals_view", horizontal=True,
                    format_func=lambda key: t(f"goals.view.{VIEWS[key]}"))
    url_bind.publish("ansicht", None if view == "kacheln" else view)
    nodes = data.hierarchy_frame(context.url, context.plan_id, context.counter, context.as_of,
                                 released_only=context.released_only)
    st.plotly_chart(data.hierarchy_chart(context.url, context.plan_id, context.counter, context.as_of, VIEWS[view],
                                         lang, context.released_only, nodes), key="goals_hierarchy")
    st.caption(t("goals.chart_rule"))

    st.subheader(t("goals.list"))
    for field in tree["action_fields"].itertuples(index=False):
        label = t("goals.field_expander", code=field.action_field_code, title=field.action_field,
                  progress=progress_words(field.progress, field.measures, lang))
        with st.expander(components.plain(label)):
            field_goals = goals[goals["action_field_id"] == field.action_field_id]
            if field_goals.empty:
                st.write(t("goals.no_goals"))
            for goal in field_goals.itertuples(index=False):
                text_column, button_column = st.columns([5, 1], vertical_alignment="center")
                text_column.markdown(f"**{components.plain(goal.guiding_goal_code)}** {components.plain(goal.guiding_goal)}")
                text_column.caption(t("goals.goal_line", progress=progress_words(goal.progress, goal.measures, lang),
                                      counts=counts_words(goal, lang)))
                button_column.button(t("goals.details"), key=f"goal_details_{goal.guiding_goal_code}",
                                     on_click=_select, args=(goal.guiding_goal_code,), icon=":material/zoom_in:")


def _percent(frame: pd.DataFrame) -> list[str]:
    return [progress_words(p, m, lang) for p, m in zip(frame["progress"], frame["measures"])]


def show_detail(code: str) -> None:
    detail = data.goal_detail(context.url, context.plan_id, context.counter, context.as_of, code, lang,
                              released_only=context.released_only,
                              threshold=context.confidentiality_threshold if context.released_only else 0)
    goal = detail["goal"]
    st.button(t("goals.back"), on_click=_select, args=("",), icon=":material/arrow_back:")
    st.subheader(components.plain(f"{code} – {goal['guiding_goal']}"))
    st.caption(t("goals.detail_caption", field=goal["action_field"],
                 progress=progress_words(goal["progress"], goal["measures"], lang), counts=counts_words(goal, lang)))

    st.markdown(f"#### {t('goals.annual_goals')}")
    annual = detail["annual_goals"]
    if annual.empty:
        st.write(t("goals.no_annual_goals"))
    else:
        st.dataframe(pd.DataFrame({
            t("goals.col.year"): annual["year"].astype(str),
            t("goals.col.code"): annual["annual_goal_code"],
            t("goals.col.annual_goal"): annual["annual_goal"],
            t("goals.col.prioritised"): [t("goals.yes") if p else t("goals.no") for p in annual["prioritised"]],
            t("goals.col.progress"): _percent(annual),
            t("goals.col.measures"): [counts_words(row, lang) for _, row in annual.iterrows()],
        }), hide_index=True)
        bars = annual.assign(label=annual["year"].astype(str) + " · " + annual["annual_goal_code"])
        st.plotly_chart(progress_bars(bars, "label", lang), key="goal_annual_chart")

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
        st.dataframe(pd.DataFrame({
            t("goals.col.code"): measures["code"],
            t("goals.col.measure"): measures["title"],
            t("goals.col.light"): [f"{light_words(light, lang)} ({reason})"
                                   for light, reason in zip(measures["light"], measures[localised_column("reason", lang)])],
            t("goals.col.progress"): [progress_words(p, 1, lang) for p in measures["progress"]],
            t("goals.col.status"): [t(f"status.{status}") for status in measures["status"]],
            t("goals.col.annual_goal"): measures["annual_goal_code"],
            t("goals.col.lead"): measures["lead_organisation"].fillna("–"),
        }), hide_index=True)


def _dated(label: str, on) -> str:
    return label if on is None or pd.isna(on) else t("goals.dated", label=label, date=format_date(on))


def _value(value: float, unit: str) -> str:
    if pd.isna(value):
        return "–"
    return format_number(value, 0 if float(value).is_integer() else 1) + (f"\u00a0{unit}" if unit else "")


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
