"""One tab section of the Pflege page for a simple kind of row: the table, a create form, a prefilled
edit form, reordering, hiding with confirmation, and showing hidden rows again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from models.commands import structure
from ui.maintenance.common import (
    row_of,
    Field,
    Page,
    confirm,
    defaults,
    draw_fields,
    reset,
    hidden,
    keep_token,
    pick,
    prefill,
    reload,
    run,
    visible,
)
from ui.shell.texts import t


def _same(values: dict[str, Any]) -> dict[str, Any]:
    return values


@dataclass(frozen=True)
class Spec:
    """How one kind of row is listed and edited. Strings: maintenance.<kind>.list/none/new/edit/pick."""

    kind: str
    prefix: str
    frame: str
    fields: Callable[[Page], list[Field]]
    table: Callable[[Page, pd.DataFrame], pd.DataFrame]
    label: Callable[[Any], str]
    values: Callable[[Any], dict[str, Any]]
    create: Callable[..., Any]
    update: Callable[..., Any]
    new_values: Callable[[Page], dict[str, Any]]
    to_command: Callable[[dict[str, Any]], dict[str, Any]] = _same
    retire: bool = True
    move: bool = False
    delete: Callable[..., Any] | None = None
    edit_fields: Callable[[Page], list[Field]] | None = None


def section(page: Page, spec: Spec) -> None:
    frame = page.frames[spec.frame]
    rows = visible(frame)
    st.subheader(t(f"maintenance.{spec.kind}.list", count=len(rows)))
    if rows.empty:
        st.info(t(f"maintenance.{spec.kind}.none"))
    else:
        st.dataframe(spec.table(page, rows), hide_index=True)
    with st.expander(t(f"maintenance.{spec.kind}.new"), icon=":material/add:"):
        create_form(page, spec)
    edit_form(page, spec, rows)
    if spec.retire:
        hidden_rows(page, spec, hidden(frame))


def create_form(page: Page, spec: Spec) -> None:
    fields, prefix = spec.fields(page), f"{spec.prefix}_new"
    defaults(prefix, spec.new_values(page))
    with st.form(f"{prefix}_form", enter_to_submit=False):
        values, slots = draw_fields(prefix, fields)
        submitted = st.form_submit_button(t("maintenance.create"), key=f"{prefix}_submit", type="primary",
                                          icon=":material/add:")
    if submitted:
        run(page, spec.create, expected_counter=page.seen, slots=slots,
            success=lambda row: t("maintenance.created", label=spec.label(row)),
            on_success=lambda _: reset(prefix), **spec.to_command(values))


def edit_form(page: Page, spec: Spec, rows: pd.DataFrame) -> None:
    st.subheader(t(f"maintenance.{spec.kind}.edit"))
    object_id = pick(f"maintenance.{spec.kind}.pick", rows, spec.label, f"{spec.prefix}_pick")
    if object_id is None:
        return
    row = row_of(rows, object_id)
    fields, prefix = (spec.edit_fields or spec.fields)(page), f"{spec.prefix}_edit"
    token = prefill(prefix, fields, object_id, spec.values(row), page.context.counter)
    with st.form(f"{prefix}_form", enter_to_submit=False):
        values, slots = draw_fields(prefix, fields)
        submitted = st.form_submit_button(t("maintenance.save"), key=f"{prefix}_submit", type="primary",
                                          icon=":material/save:")
    if submitted:
        run(page, spec.update, object_id, expected_counter=token, slots=slots,
            success=lambda saved: t("maintenance.updated", label=spec.label(saved)),
            on_success=lambda _: reload(prefix),
            on_conflict=lambda conflict: keep_token(prefix, conflict.current.get("counter", token)),
            **spec.to_command(values))
    actions(page, spec, object_id, spec.label(row))


def actions(page: Page, spec: Spec, object_id: int, label: str) -> None:
    row = st.container(horizontal=True)
    if spec.move:
        if row.button(t("maintenance.up"), key=f"{spec.prefix}_up", icon=":material/arrow_upward:"):
            run(page, structure.move, spec.kind, object_id, -1, expected_counter=page.seen,
                success=t("maintenance.moved", label=label))
        if row.button(t("maintenance.down"), key=f"{spec.prefix}_down", icon=":material/arrow_downward:"):
            run(page, structure.move, spec.kind, object_id, 1, expected_counter=page.seen,
                success=t("maintenance.moved", label=label))
    if spec.retire:
        confirm(f"{spec.prefix}_retire", object_id, t("maintenance.retire_question", label=label), "maintenance.retire",
                lambda: run(page, structure.retire, spec.kind, object_id, expected_counter=page.seen,
                            success=t("maintenance.retired", label=label)), row)
    if spec.delete is not None:
        confirm(f"{spec.prefix}_delete", object_id, t("maintenance.delete_question", label=label), "maintenance.delete",
                lambda: run(page, spec.delete, object_id, expected_counter=page.seen,
                            success=t("maintenance.deleted", label=label)), row)


def hidden_rows(page: Page, spec: Spec, rows: pd.DataFrame) -> None:
    if rows.empty:
        return
    with st.expander(t("maintenance.hidden", count=len(rows)), icon=":material/visibility_off:"):
        st.dataframe(spec.table(page, rows), hide_index=True)
        object_id = pick("maintenance.restore_pick", rows, spec.label, f"{spec.prefix}_restore_pick")
        if st.button(t("maintenance.restore"), key=f"{spec.prefix}_restore", icon=":material/visibility:"):
            label = spec.label(row_of(rows, object_id))
            run(page, structure.retire, spec.kind, object_id, expected_counter=page.seen, retired=False,
                success=t("maintenance.restored", label=label))
