"""Pflege tab Maßnahmen: the list, a table for editing many measures at once (saved all or nothing),
a create form, an edit form with optimistic locking on the measure's version, hiding and reordering."""

from __future__ import annotations

import datetime as dt
from itertools import chain
from typing import Any

import pandas as pd
import streamlit as st

from models.commands import structure
from models.commands import measures as measure_commands
from models.commands import TEXT_MAX, VersionConflict
from models.formats import format_number, parse_number
from models.rules import CODE_MAX, NAME_MAX, TITLE_MAX
from ui.maintenance.common import (
    NO_CHOICE,
    Field,
    Page,
    confirm,
    date_words,
    defaults,
    german_number,
    draw_fields,
    reset,
    hidden,
    keep_token,
    pick,
    prefill,
    reload,
    row_of,
    run,
    visible,
)
from ui.maintenance.structure import code_title
from ui.shell.texts import t

EDIT = "mt_me_edit"
NEW = "mt_me_new"
NEW_VALUES = {"code": "", "title": "", "description": "", "partner_ids": [], "origin": "", "start_date": None,
              "due_date": None, "weight": "1"}
BULK_GENERATION = "maintenance_bulk_generation"
BULK_BASE = "maintenance_bulk_base"
BULK_COLUMNS = {"title": "maintenance.col.title", "lead": "maintenance.col.lead", "start_date": "maintenance.col.start",
                "due_date": "maintenance.col.due", "weight": "maintenance.col.weight"}


def measures(page: Page) -> None:
    frame = page.frames["measures"]
    rows = visible(frame)
    st.subheader(t("maintenance.measure.list", count=len(rows)))
    if rows.empty:
        st.info(t("maintenance.measure.none"))
    else:
        st.dataframe(_table(page, rows), hide_index=True)
        bulk_editor(page, rows)
    with st.expander(t("maintenance.measure.new"), icon=":material/add:"):
        create_form(page)
    edit_form(page, rows)
    hidden_measures(page, hidden(frame))


def _organisation_names(page: Page) -> dict[int, str]:
    return {int(row.id): row.name for row in page.frames["organisations"].itertuples(index=False)}


def _table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    names = _organisation_names(page)
    return pd.DataFrame({
        t("maintenance.col.code"): rows["code"],
        t("maintenance.col.title"): rows["title"],
        t("maintenance.col.annual_goal"): rows["annual_goal_code"],
        t("maintenance.col.lead"): rows["lead"].fillna(""),
        t("maintenance.col.partners"): [", ".join(names[i] for i in ids) for ids in rows["partner_ids"]],
        t("maintenance.col.start"): rows["start_date"].map(date_words),
        t("maintenance.col.due"): rows["due_date"].map(date_words),
        t("maintenance.col.weight"): rows["weight"].map(german_number),
        t("maintenance.col.status"): [t(f"status.{status}") for status in rows["status"]],
        t("maintenance.col.carried_from"): rows["carried_over_from_code"].fillna(""),
    })


def _fields(page: Page) -> list[Field]:
    goals = visible(page.frames["annual_goals"])
    goal_labels = {int(row.id): f"{row.code} · {row.title} ({row.year})" for row in goals.itertuples(index=False)}
    organisations = page.frames["organisations"]
    referenced = set(chain.from_iterable(page.frames["measures"]["partner_ids"]))
    usable = organisations[~organisations["retired"].astype(bool) | organisations["id"].isin(referenced)]
    names = {int(row.id): row.name for row in usable.itertuples(index=False)}
    return [
        Field("annual_goal_id", "maintenance.field.annual_goal", "select", list(goal_labels), goal_labels.get),
        Field("code", "maintenance.field.code", max_chars=CODE_MAX, help="maintenance.help.code"),
        Field("title", "maintenance.field.title", max_chars=TITLE_MAX),
        Field("description", "maintenance.field.description", "area", max_chars=TEXT_MAX),
        Field("lead_organisation_id", "maintenance.field.lead", "select", [NO_CHOICE, *names],
              lambda key: names.get(key, t("maintenance.choose"))),
        Field("partner_ids", "maintenance.field.partners", "multi", list(names), names.get),
        Field("origin", "maintenance.field.origin", max_chars=NAME_MAX, help="maintenance.help.origin"),
        Field("start_date", "maintenance.field.start", "date"),
        Field("due_date", "maintenance.field.due", "date"),
        Field("weight", "maintenance.field.weight", "number", help="maintenance.help.weight"),
    ]


def _values(row: Any) -> dict[str, Any]:
    return {
        "annual_goal_id": int(row.annual_goal_id), "code": row.code, "title": row.title,
        "description": row.description or "",
        "lead_organisation_id": None if pd.isna(row.lead_organisation_id) else int(row.lead_organisation_id),
        "partner_ids": list(row.partner_ids), "origin": row.origin or "",
        "start_date": None if pd.isna(row.start_date) else row.start_date,
        "due_date": None if pd.isna(row.due_date) else row.due_date, "weight": german_number(row.weight),
    }


def create_form(page: Page) -> None:
    fields = _fields(page)
    defaults(NEW, NEW_VALUES)
    with st.form(f"{NEW}_form", enter_to_submit=False):
        values, slots = draw_fields(NEW, fields)
        submitted = st.form_submit_button(t("maintenance.create"), key=f"{NEW}_submit", type="primary",
                                          icon=":material/add:")
    if submitted:
        run(page, measure_commands.create_measure, expected_counter=page.seen, slots=slots,
            success=lambda measure: t("maintenance.created", label=code_title(measure)),
            on_success=lambda _: reset(NEW), **values)


def edit_form(page: Page, rows: pd.DataFrame) -> None:
    st.subheader(t("maintenance.measure.edit"))
    measure_id = pick("maintenance.measure.pick", rows, code_title, "mt_me_pick")
    if measure_id is None:
        return
    row = row_of(rows, measure_id)
    fields = _fields(page)
    version = prefill(EDIT, fields, measure_id, _values(row), int(row.version), counter_token=False)
    with st.form(f"{EDIT}_form", enter_to_submit=False):
        values, slots = draw_fields(EDIT, fields)
        submitted = st.form_submit_button(t("maintenance.save"), key=f"{EDIT}_submit", type="primary",
                                          icon=":material/save:")
    if submitted:
        run(page, measure_commands.update_measure, measure_id, expected_version=version, slots=slots,
            success=lambda measure: t("maintenance.updated", label=code_title(measure)),
            on_success=lambda _: reload(EDIT),
            on_conflict=lambda conflict: _conflict(page, conflict, values), **values)
    label = code_title(row)
    buttons = st.container(horizontal=True)
    if buttons.button(t("maintenance.up"), key="mt_me_up", icon=":material/arrow_upward:"):
        run(page, structure.move, "measure", measure_id, -1, expected_counter=page.seen,
            success=t("maintenance.moved", label=label))
    if buttons.button(t("maintenance.down"), key="mt_me_down", icon=":material/arrow_downward:"):
        run(page, structure.move, "measure", measure_id, 1, expected_counter=page.seen,
            success=t("maintenance.moved", label=label))
    confirm("mt_me_retire", measure_id, t("maintenance.retire_question", label=label), "maintenance.retire",
            lambda: run(page, measure_commands.retire_measure, measure_id, expected_version=version,
                        success=t("maintenance.retired", label=label), on_conflict=lambda c: reload(EDIT)), buttons)


def _conflict(page: Page, conflict: VersionConflict, typed: dict[str, Any]) -> None:
    """Show what is stored now next to what was typed; the next save may then overwrite it."""
    keep_token(EDIT, conflict.current["version"])
    stored = {name: value for name, value in conflict.current.items() if name in typed}
    differing = [name for name in typed if _shown(page, name, stored.get(name)) != _shown(page, name, typed[name])]
    if differing:
        st.dataframe(pd.DataFrame({
            t("maintenance.conflict.field"): [t(f"maintenance.field.{_field_key(name)}") for name in differing],
            t("maintenance.conflict.stored"): [_shown(page, name, stored.get(name)) for name in differing],
            t("maintenance.conflict.typed"): [_shown(page, name, typed[name]) for name in differing],
        }), hide_index=True)


def _field_key(name: str) -> str:
    return {"annual_goal_id": "annual_goal", "lead_organisation_id": "lead", "partner_ids": "partners",
            "start_date": "start", "due_date": "due"}.get(name, name)


def _shown(page: Page, name: str, value: Any) -> str:
    names = _organisation_names(page)
    if name == "lead_organisation_id":
        return names.get(value, "")
    if name == "partner_ids":
        return ", ".join(sorted(names.get(i, "") for i in value or []))
    if name == "annual_goal_id":
        goals = page.frames["annual_goals"].set_index("id")["code"]
        return str(goals.get(value, ""))
    if isinstance(value, dt.date):
        return date_words(value)
    if name == "weight":
        try:
            return german_number(parse_number(value))
        except (TypeError, ValueError):
            return "" if value is None else str(value)
    return "" if value is None else str(value)


def hidden_measures(page: Page, rows: pd.DataFrame) -> None:
    if rows.empty:
        return
    with st.expander(t("maintenance.hidden", count=len(rows)), icon=":material/visibility_off:"):
        st.dataframe(_table(page, rows), hide_index=True)
        measure_id = pick("maintenance.restore_pick", rows, code_title, "mt_me_restore_pick")
        if st.button(t("maintenance.restore"), key="mt_me_restore", icon=":material/visibility:"):
            row = row_of(rows, measure_id)
            run(page, measure_commands.retire_measure, measure_id, expected_version=int(row.version), retired=False,
                success=t("maintenance.restored", label=code_title(row)))


# --- many measures at once --------------------------------------------------------------------------

def bulk_editor(page: Page, rows: pd.DataFrame) -> None:
    """Title, lead, dates and weight of many measures in one table. While edits are pending the table
    keeps the rows and versions it was opened with, so rows never shift under the user."""
    with st.expander(t("maintenance.bulk.title"), icon=":material/table_edit:"):
        st.caption(t("maintenance.bulk.intro"))
        key = f"maintenance_bulk_{st.session_state.setdefault(BULK_GENERATION, 0)}"
        base = _bulk_base(page, rows, key)
        names = sorted(set(base["lead"].dropna()) | set(
            visible(page.frames["organisations"])["name"]))
        edited = st.data_editor(
            base.drop(columns=["version"]).rename(columns=_bulk_labels()),
            key=key, hide_index=True, num_rows="fixed",
            disabled=[t("maintenance.col.code"), t("maintenance.col.annual_goal")],
            column_config={
                t("maintenance.col.title"): st.column_config.TextColumn(max_chars=TITLE_MAX, required=True),
                t("maintenance.col.lead"): st.column_config.SelectboxColumn(options=names),
                t("maintenance.col.start"): st.column_config.DateColumn(format="DD.MM.YYYY"),
                t("maintenance.col.due"): st.column_config.DateColumn(format="DD.MM.YYYY"),
                t("maintenance.col.weight"): st.column_config.NumberColumn(min_value=0, step=0.5),
            },
        )
        save, discard = st.columns(2)
        if save.button(t("maintenance.bulk.save"), key="mt_bulk_save", type="primary", icon=":material/save:"):
            _save_bulk(page, base, edited)
        if discard.button(t("maintenance.bulk.discard"), key="mt_bulk_discard", icon=":material/undo:"):
            _reset_bulk()
            st.rerun()


def _bulk_labels() -> dict[str, str]:
    return {"code": t("maintenance.col.code"), "annual_goal_code": t("maintenance.col.annual_goal"),
            **{name: t(label) for name, label in BULK_COLUMNS.items()}}


def _bulk_base(page: Page, rows: pd.DataFrame, key: str) -> pd.DataFrame:
    pending = bool((st.session_state.get(key) or {}).get("edited_rows"))
    snapshot = st.session_state.get(BULK_BASE)
    if snapshot is None or not pending or snapshot[0] != page.context.plan_id:
        base = rows[["id", "code", "annual_goal_code", "title", "lead", "start_date", "due_date", "weight",
                     "version"]].set_index("id")
        st.session_state[BULK_BASE] = (page.context.plan_id, base)
    return st.session_state[BULK_BASE][1]


def _reset_bulk() -> None:
    st.session_state[BULK_GENERATION] = st.session_state.get(BULK_GENERATION, 0) + 1
    st.session_state.pop(BULK_BASE, None)


def _save_bulk(page: Page, base: pd.DataFrame, edited: pd.DataFrame) -> None:
    labels = _bulk_labels()
    ids = {row.name: int(row.id) for row in page.frames["organisations"].itertuples(index=False)}
    changed = []
    for number, (measure_id, before) in enumerate(base.iterrows(), start=1):
        after = edited.iloc[number - 1]
        row = {"id": int(measure_id), "row": number}
        for name in BULK_COLUMNS:
            new = _norm(after[labels[name]])
            if new != _norm(before[name]):
                row["lead_organisation_id" if name == "lead" else name] = ids.get(new) if name == "lead" else new
        if len(row) > 2:
            changed.append(row)
    if not changed:
        st.info(t("maintenance.bulk.nothing"))
        return
    run(page, measure_commands.bulk_update_measures, changed, {int(i): int(v) for i, v in base["version"].items()},
        success=t("maintenance.bulk.done", count=format_number(len(changed))), on_success=lambda _: _reset_bulk())


def _norm(value: Any) -> Any:
    if value is None or (not isinstance(value, (str, list)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):
        return value.item()
    return value

