"""Pflege tabs for the plan's structure: Handlungsfelder, Leitziele, Jahresziele (with the carry-over)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from models.commands import structure
from models.commands import TEXT_MAX
from models.rules import CODE_MAX, COMPLETED, NAME_MAX, SUSPENDED, TITLE_MAX
from ui.maintenance.common import Field, Page, date_words, defaults, draw_fields, reset, run, visible
from ui.maintenance.crud import Spec, section
from ui.views.markdown import plain
from ui.shell.texts import t


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _date(value: Any) -> dt.date | None:
    return None if value is None or pd.isna(value) else value


def code_title(row: Any) -> str:
    return f"{row.code} · {row.title}"


def _options(frame: pd.DataFrame) -> tuple[list[int], dict[int, str]]:
    rows = visible(frame)
    labels = {int(row.id): code_title(row) for row in rows.itertuples(index=False)}
    return list(labels), labels


def _base_fields(title_max: int) -> list[Field]:
    return [
        Field("code", "maintenance.field.code", max_chars=CODE_MAX, help="maintenance.help.code"),
        Field("title", "maintenance.field.title", max_chars=title_max),
        Field("description", "maintenance.field.description", "area", max_chars=TEXT_MAX),
    ]


def _base_values(row: Any) -> dict[str, Any]:
    return {"code": row.code, "title": row.title, "description": _text(row.description)}


# --- Handlungsfelder -----------------------------------------------------------------------------

ACTION_FIELDS = Spec(
    kind="action_field", prefix="mt_af", frame="action_fields",
    fields=lambda page: _base_fields(NAME_MAX),
    table=lambda page, rows: pd.DataFrame({
        t("maintenance.col.code"): rows["code"], t("maintenance.col.title"): rows["title"],
        t("maintenance.col.description"): rows["description"]}),
    label=code_title, values=_base_values,
    create=structure.create_action_field, update=structure.update_action_field,
    new_values=lambda page: {"code": "", "title": "", "description": ""}, move=True,
)


def action_fields(page: Page) -> None:
    section(page, ACTION_FIELDS)


# --- Leitziele -----------------------------------------------------------------------------------

def _guiding_goal_fields(page: Page) -> list[Field]:
    ids, labels = _options(page.frames["action_fields"])
    return [Field("action_field_id", "maintenance.field.action_field", "select", ids, labels.get),
            *_base_fields(TITLE_MAX)]


GUIDING_GOALS = Spec(
    kind="guiding_goal", prefix="mt_gg", frame="guiding_goals", fields=_guiding_goal_fields,
    table=lambda page, rows: pd.DataFrame({
        t("maintenance.col.code"): rows["code"], t("maintenance.col.title"): rows["title"],
        t("maintenance.col.action_field"): rows["action_field_code"]}),
    label=code_title, values=lambda row: {"action_field_id": int(row.action_field_id), **_base_values(row)},
    create=structure.create_guiding_goal, update=structure.update_guiding_goal,
    new_values=lambda page: {"code": "", "title": "", "description": ""}, move=True,
)


def guiding_goals(page: Page) -> None:
    section(page, GUIDING_GOALS)


# --- Jahresziele ---------------------------------------------------------------------------------

def _annual_goal_fields(page: Page) -> list[Field]:
    ids, labels = _options(page.frames["guiding_goals"])
    return [
        Field("guiding_goal_id", "maintenance.field.guiding_goal", "select", ids, labels.get),
        Field("year", "maintenance.field.year", "int"),
        *_base_fields(TITLE_MAX),
        Field("prioritised", "maintenance.field.prioritised", "check", help="maintenance.help.prioritised"),
        Field("decision_date", "maintenance.field.decision_date", "date"),
        Field("decision_reference", "maintenance.field.decision_reference", max_chars=NAME_MAX),
    ]


def _annual_goal_values(row: Any) -> dict[str, Any]:
    return {"guiding_goal_id": int(row.guiding_goal_id), "year": int(row.year), **_base_values(row),
            "prioritised": bool(row.prioritised), "decision_date": _date(row.decision_date),
            "decision_reference": _text(row.decision_reference)}


def _annual_goal_table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    measures = visible(page.frames["measures"])
    codes = measures.groupby("annual_goal_id")["code"].agg(", ".join)
    return pd.DataFrame({
        t("maintenance.col.year"): rows["year"].astype(str),
        t("maintenance.col.guiding_goal"): rows["guiding_goal_code"],
        t("maintenance.col.code"): rows["code"],
        t("maintenance.col.title"): rows["title"],
        t("maintenance.col.prioritised"): [
            t("maintenance.prioritised_words", date=date_words(day), reference=_text(reference)).rstrip(", ")
            if flag else "" for flag, day, reference in zip(rows["prioritised"], rows["decision_date"],
                                                            rows["decision_reference"])],
        t("maintenance.col.carried_from"): [
            t("maintenance.carried_words", code=code, reason=_text(reason)) if _text(code) else ""
            for code, reason in zip(rows["carried_over_from_code"], rows["carry_over_reason"])],
        t("maintenance.col.measures"): [codes.get(goal_id, "") for goal_id in rows["id"]],
    })


ANNUAL_GOALS = Spec(
    kind="annual_goal", prefix="mt_ag", frame="annual_goals", fields=_annual_goal_fields,
    table=_annual_goal_table, label=lambda row: f"{row.code} · {row.title} ({row.year})",
    values=_annual_goal_values, create=structure.create_annual_goal, update=structure.update_annual_goal,
    new_values=lambda page: {"code": "", "title": "", "description": "", "year": page.context.as_of.year,
                             "prioritised": False, "decision_date": None, "decision_reference": ""},
    move=True,
)


def annual_goals(page: Page) -> None:
    section(page, ANNUAL_GOALS)
    carry_over(page)


CARRY_FIELDS = [Field("reason", "maintenance.carry.reason", "area", max_chars=TEXT_MAX,
                      help="maintenance.carry.reason_help")]


def carry_over(page: Page) -> None:
    """Carry an annual goal and its open measures over to the next year, in one step."""
    st.subheader(t("maintenance.carry.title"))
    st.caption(t("maintenance.carry.intro"))
    goals = visible(page.frames["annual_goals"])
    done = set(goals["carried_over_from_id"].dropna().astype(int))
    goals = goals[~goals["id"].isin(done)].sort_values(["year", "code"], ascending=[False, True])
    if goals.empty:
        st.info(t("maintenance.carry.none"))
        return
    labels = {int(row.id): f"{row.code} · {row.title} ({row.year})" for row in goals.itertuples(index=False)}
    if st.session_state.get("mt_carry_goal") not in labels:
        st.session_state["mt_carry_goal"] = next(iter(labels))
    goal_id = st.selectbox(t("maintenance.carry.goal"), list(labels), format_func=labels.__getitem__,
                           key="mt_carry_goal")
    year = int(goals.loc[goals["id"] == goal_id, "year"].iloc[0]) + 1
    _carry_preview(page, goal_id, year)
    defaults("mt_carry", {"reason": ""})
    with st.form("mt_carry_form", enter_to_submit=False):
        values, slots = draw_fields("mt_carry", CARRY_FIELDS)
        submitted = st.form_submit_button(t("maintenance.carry.submit", year=year), key="mt_carry_submit",
                                          type="primary", icon=":material/redo:")
    if submitted:
        run(page, structure.carry_over_annual_goal, goal_id, values["reason"], expected_counter=page.seen, slots=slots,
            success=_carried_words, on_success=lambda _: reset("mt_carry"))


def _carry_preview(page: Page, goal_id: int, year: int) -> None:
    measures = visible(page.frames["measures"])
    measures = measures[measures["annual_goal_id"] == goal_id]
    moving = measures[~measures["status"].isin((COMPLETED, SUSPENDED))]
    staying = measures[measures["status"].isin((COMPLETED, SUSPENDED))]
    st.write(t("maintenance.carry.preview", year=year, count=len(moving)))
    if not moving.empty:
        st.dataframe(pd.DataFrame({
            t("maintenance.col.code"): moving["code"], t("maintenance.col.title"): moving["title"],
            t("maintenance.col.lead"): moving["lead"],
            t("maintenance.col.status"): [t(f"status.{status}") for status in moving["status"]]}),
            hide_index=True)
    if not staying.empty:
        st.caption(t("maintenance.carry.staying", codes=plain(", ".join(
            f"{code} ({t(f'status.{status}')})" for code, status in zip(staying["code"], staying["status"])))))


def _carried_words(goal: Any) -> str:
    copies = ", ".join(f"{measure.code} ({t('maintenance.carry.from', code=measure.carried_over_from.code)})"
                       for measure in goal.measures)
    return t("maintenance.carry.done", source=goal.carried_over_from.code, code=goal.code, year=goal.year,
             count=len(goal.measures), copies=copies or t("maintenance.carry.no_copies"))
