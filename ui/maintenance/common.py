"""Shared parts of the Pflege page: tabs, running a command (through ui.shell.write), prefilled forms.

A form's widgets live in session state under "<prefix>_<field>". A failed command changes nothing and
leaves them as typed; a successful one reruns the page, which then shows the new state (the plan's
change counter moved, so every cached read refreshes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from models.commands import Actor, VersionConflict
from models.formats import format_date, format_number
from models.commands.base import current_counter
from ui.reads import admin as reads
from ui.shell import url_bind, write
from ui.widgets.components import plain
from ui.shell.context import PlanContext
from ui.shell.texts import t
from ui.shell.url_state import parse_choice

FLASH_KEY = "maintenance_flash"
CONFIRM_KEY = "maintenance_confirm"
TAB_KEY = "maintenance_tab"
COUNTER_FORMS_KEY = "maintenance_counter_forms"
RESET_KEY = "maintenance_reset"
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
# The "nothing chosen" option of a select (ids start at 1); the command receives None.
NO_CHOICE = 0


@dataclass(frozen=True)
class Page:
    """What every tab body needs: the plan, who is writing, the tables, and the change counter the
    user saw when the page was last drawn (the expected counter of this run's commands)."""

    context: PlanContext
    actor: Actor
    frames: dict[str, pd.DataFrame]
    seen: int


@dataclass(frozen=True)
class Field:
    """One form field: its widget kind and the catalogue key of its label."""

    name: str
    label: str
    kind: str = "text"  # text, area, password, int, number (typed as German text), date, check, select, multi
    options: Sequence[Any] = ()
    format: Callable[[Any], str] | None = None
    max_chars: int | None = None
    help: str | None = None


def start(context: PlanContext, actor: Actor) -> Page:
    key = f"maintenance_seen_{context.plan_id}"
    seen = st.session_state.get(key, context.counter)
    st.session_state[key] = context.counter
    return Page(context, actor, reads.maintenance_frames(context.key), seen)


def tabs(slugs: Sequence[str]) -> list[tuple[str, Any]]:
    """The tabs (active one in the URL as ?bereich=...); only the open tab's body runs."""
    labels = {slug: t(f"maintenance.tab.{slug}") for slug in slugs}
    url_bind.adopt("bereich", TAB_KEY, lambda raw: parse_choice(raw, labels, t("maintenance.tab_param")))
    if st.session_state.get(TAB_KEY) not in labels.values():
        st.session_state.pop(TAB_KEY, None)
    containers = st.tabs(list(labels.values()), key=TAB_KEY, on_change="rerun")
    active = st.session_state.get(TAB_KEY, labels[slugs[0]])
    slug = next((slug for slug, label in labels.items() if label == active), slugs[0])
    url_bind.publish("bereich", None if slug == slugs[0] else slug)
    return [(slug, tab) for slug, tab in zip(labels, containers) if tab.open]


def show_flash() -> None:
    write.show_flash(FLASH_KEY)


def run(page: Page, command: Callable[..., Any], *args: Any, slots: dict[str, Any] | None = None,
        success: str | Callable[[Any], str] = "", on_success: Callable[[Any], None] | None = None,
        on_conflict: Callable[[VersionConflict], None] | None = None, **kwargs: Any) -> None:
    """Run a command (actor and plan added) through ui.shell.write.run; done, the forms loaded at the counter
    this write claimed stay current."""
    expected = kwargs.get("expected_counter")

    def work(session: Session) -> tuple[Any, int]:
        result = command(session, page.actor, page.context.plan_id, *args, **kwargs)
        # the plan row is locked by the command: this is the counter after our own write only
        return result, current_counter(session, page.context.plan_id)

    def done(outcome: tuple[Any, int]) -> None:
        result, after = outcome
        if expected is not None:
            _advance_tokens(expected, after)
        if on_success:
            on_success(result)

    write.run(page.context.url, work, flash_key=FLASH_KEY, slots=slots, on_success=done, on_conflict=on_conflict,
              success=lambda outcome: (success(outcome[0]) if callable(success) else success) or t("maintenance.saved"))


# --- forms ------------------------------------------------------------------------------------

def draw_fields(prefix: str, fields: Sequence[Field]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The widgets of a form (state under "<prefix>_<name>"), each with a slot for its message."""
    values, slots = {}, {}
    for spec in fields:
        values[spec.name] = _widget(spec, f"{prefix}_{spec.name}")
        slots[spec.name] = st.empty()
    return values, slots


def _widget(spec: Field, key: str) -> Any:
    label, help_text = t(spec.label), t(spec.help) if spec.help else None
    if spec.kind in ("text", "password", "number"):
        return st.text_input(label, key=key, max_chars=spec.max_chars or 30, help=help_text,
                             type="password" if spec.kind == "password" else "default",
                             placeholder=t("maintenance.number_example") if spec.kind == "number" else None)
    if spec.kind == "area":
        return st.text_area(label, key=key, max_chars=spec.max_chars, help=help_text, height=100)
    if spec.kind == "int":
        return st.number_input(label, key=key, step=1, help=help_text)
    if spec.kind == "date":
        return st.date_input(label, key=key, value=None, format="DD.MM.YYYY", min_value=EARLIEST,
                             max_value=LATEST, help=help_text)
    if spec.kind == "check":
        return st.checkbox(label, key=key, help=help_text)
    options = list(spec.options)
    if spec.kind == "multi":
        st.session_state[key] = [value for value in st.session_state.get(key, []) if value in options]
        return st.multiselect(label, options, format_func=spec.format or str, key=key, help=help_text)
    if st.session_state.get(key, NO_CHOICE) is None and NO_CHOICE in options:
        st.session_state[key] = NO_CHOICE
    if options and st.session_state.get(key, options[0]) not in options:
        st.session_state[key] = options[0]  # assigned, not dropped: the browser shows the same choice
    value = st.selectbox(label, options, format_func=spec.format or str, key=key, help=help_text,
                         placeholder=t("maintenance.choose"))
    return None if value == NO_CHOICE else value


def defaults(prefix: str, values: dict[str, Any]) -> None:
    """Start values of a create form (kept while the user types); after a save, the form is emptied
    here, before its widgets are drawn (assigned, so the browser shows the empty fields too)."""
    emptied = st.session_state.get(RESET_KEY, {}).pop(prefix, False)
    for name, value in values.items():
        if emptied:
            st.session_state[f"{prefix}_{name}"] = value
        else:
            st.session_state.setdefault(f"{prefix}_{name}", value)


def reset(prefix: str) -> None:
    """Empty the form in the next run (its widgets exist already in this one)."""
    st.session_state.setdefault(RESET_KEY, {})[prefix] = True


def prefill(prefix: str, fields: Sequence[Field], object_id: Any, values: dict[str, Any], token: int,
            counter_token: bool = True) -> int:
    """Load a row's stored values into its edit form when another row is chosen (or the widgets were
    dropped); the token (the version or change counter they were read at) is kept with them."""
    if counter_token:
        st.session_state.setdefault(COUNTER_FORMS_KEY, set()).add(prefix)
    marker = f"{prefix}__loaded"
    loaded = st.session_state.get(marker)
    if loaded is None or loaded[0] != object_id or any(f"{prefix}_{spec.name}" not in st.session_state
                                                       for spec in fields):
        for spec in fields:
            st.session_state[f"{prefix}_{spec.name}"] = values.get(spec.name)
        st.session_state[marker] = (object_id, token)
    return st.session_state[marker][1]


def _advance_tokens(before: int, after: int) -> None:
    """Our own write moved the counter: forms loaded at the counter we claimed stay current."""
    for prefix in st.session_state.get(COUNTER_FORMS_KEY, set()):
        loaded = st.session_state.get(f"{prefix}__loaded")
        if loaded is not None and loaded[1] == before:
            st.session_state[f"{prefix}__loaded"] = (loaded[0], after)


def reload(prefix: str) -> None:
    """After a save: read the stored values again."""
    st.session_state.pop(f"{prefix}__loaded", None)


def keep_token(prefix: str, token: int) -> None:
    """After a conflict the user has seen the new state: the next save may overwrite it."""
    loaded = st.session_state.get(f"{prefix}__loaded")
    if loaded is not None:
        st.session_state[f"{prefix}__loaded"] = (loaded[0], token)


def pick(label_key: str, frame: pd.DataFrame, label: Callable[[Any], str], key: str) -> int | None:
    """Choose one row of a table by its id (None when the table is empty)."""
    if frame.empty:
        return None
    labels = {int(row.id): label(row) for row in frame.itertuples(index=False)}
    if st.session_state.get(key) not in labels:
        st.session_state[key] = next(iter(labels))
    return st.selectbox(t(label_key), list(labels), format_func=labels.__getitem__, key=key)


def confirm(prefix: str, object_id: int, question: str, action_key: str, act: Callable[[], None],
            place: Any = None) -> None:
    """A destructive-looking action (hide, delete) asks once more before it runs; the first button
    goes into place (e.g. a row of buttons), the question below it."""
    if st.session_state.get(CONFIRM_KEY) != (prefix, object_id):
        if (place or st).button(t(action_key), key=f"{prefix}_ask", icon=":material/visibility_off:"):
            st.session_state[CONFIRM_KEY] = (prefix, object_id)
            st.rerun()
        return
    st.warning(plain(question), icon=":material/help:")
    buttons = st.container(horizontal=True)
    yes = buttons.button(t(action_key), key=f"{prefix}_yes", type="primary")
    if buttons.button(t("maintenance.cancel"), key=f"{prefix}_no"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()
    if yes:
        st.session_state.pop(CONFIRM_KEY, None)
        act()


def row_of(frame: pd.DataFrame, object_id: int) -> Any:
    """One row as a named tuple (a Series would answer row.name with its index)."""
    return next(frame[frame["id"] == object_id].itertuples(index=False))


def visible(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[~frame["retired"].astype(bool)] if "retired" in frame else frame


def hidden(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["retired"].astype(bool)]


def german_number(value: Any) -> str:
    """A number as a German user types it: 1.350,5 · 2 · 0,25 (no needless decimals)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    plain_text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    decimals = len(plain_text.split(".")[1]) if "." in plain_text else 0
    return format_number(float(value), decimals)


def date_words(value: Any) -> str:
    return "" if value is None or pd.isna(value) else format_date(value)
