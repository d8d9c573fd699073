"""The widgets of the page Meine Maßnahmen: the round's deadline, one row per measure (light in words, last
report, one link to the form) and the quick report "unverändert" with its confirmation.

"Unverändert melden" only opens the confirmation (a note may be added); "Ja, unverändert melden" writes through
models.commands.report_unchanged in ui.shell.write's transaction, as a callback: a refusal leaves the
confirmation open with the note as typed and the message under it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models.commands import (
    TEXT_MAX,
    Actor,
    CommandError,
    PermissionDenied,
    VersionConflict,
    report_unchanged,
)
from models.formats import format_date, format_percent
from models.rules import progress_text
from models.my_measures import MyMeasures
from models.texts import localised_column
from ui.shell import write
from ui.shell.auth import keep_unsaved
from ui.shell.context import PlanContext, link_params
from ui.shell.texts import language, localised, t
from ui.views.markdown import plain
from ui.widgets import components

FORM_PAGE = "pages/sachstand-melden.py"
PENDING_KEY = "my_measures_pending"
FLASH_KEY = "my_measures_flash"


def key(name: str, code: str) -> str:
    """Session key of a row's widget or state (unchanged, note, confirm, cancel, error)."""
    return f"my_measures_{name}_{code}"


def round_caption(mine: MyMeasures) -> None:
    if mine.deadline is None:
        st.caption(t("my_measures.round_open", since=format_date(mine.window.since)))
    else:
        st.markdown(t("my_measures.round", meeting=format_date(mine.window.until),
                      deadline=format_date(mine.deadline), since=format_date(mine.window.since)))


def show_flash() -> None:
    write.show_flash(FLASH_KEY)


def rows(frame: pd.DataFrame, context: PlanContext, actor: Actor, today: dt.date, quick: bool = True) -> None:
    """One bordered row per measure; QUICK offers "Unverändert melden" (not for completed measures)."""
    for row in frame.to_dict("records"):
        _row(row, context, actor, today, quick)


def last_report_words(days: int | None, last: dt.date | None) -> str:
    """'Letzter Sachstand: vor 12 Tagen (01.06.2024)', 'heute (…)', or 'noch keiner'."""
    if days is None or pd.isna(days):
        return t("my_measures.last_never")
    date = format_date(last)
    when = (t("my_measures.today", date=date) if days <= 0 else t("my_measures.one_day", date=date) if days == 1
            else t("my_measures.days", days=int(days), date=date))
    return t("my_measures.last", when=when)


def _due_words(row: dict) -> str:
    """The round's deadline of a measure the organisation leads (a partner's report is not asked for)."""
    if not row["is_lead"]:
        return ""
    due = row["due"]
    dated = due is not None and not pd.isna(due)
    if row["overdue"]:
        return t("my_measures.overdue", date=format_date(due)) if dated else t("my_measures.overdue_stale")
    return t("my_measures.due", date=format_date(due)) if row["owes"] and dated else ""


def _row(row: dict, context: PlanContext, actor: Actor, today: dt.date, quick: bool) -> None:
    code = row["code"]
    state = t("my_measures.state", status=t(f"status.{row['status']}"), progress=progress_text(row["progress"], language()))
    with st.container(border=True, key=key("row", code)):
        text_column, action_column = st.columns([3, 1], vertical_alignment="center")
        with text_column:
            st.markdown(f"**{plain(code)}** – {plain(row['title'])}")
            light = f"{components.light_metric_label(row['light'])}: {plain(row[localised_column('reason', language())])}"
            st.markdown(f"{light}  \n{plain(state)} · {plain(last_report_words(row['days_since'], row['last_report_date']))}")
            due = _due_words(row)
            if due:
                icon = ":material/warning:" if row["overdue"] else ":material/event:"
                st.markdown(f":{'red' if row['overdue'] else 'blue'}-badge[{icon} {plain(due)}]")
        with action_column:
            if not row["may_report"]:
                st.caption(t("my_measures.read_only"))
                return
            st.page_link(FORM_PAGE, label=t("my_measures.to_form"), icon=":material/edit_note:",
                         query_params=link_params(context, massnahme=code))
            if quick and not pd.isna(row["last_report_date"]):
                st.button(t("my_measures.unchanged"), key=key("unchanged", code), icon=":material/done_all:",
                          help=t("my_measures.unchanged_help"), on_click=_ask, args=(code,))
        if quick and st.session_state.get(PENDING_KEY) == code:
            _confirmation(row, state, context, actor, today)


def _ask(code: str) -> None:
    st.session_state[PENDING_KEY] = code
    st.session_state.pop(key("error", code), None)


def _confirmation(row: dict, state: str, context: PlanContext, actor: Actor, today: dt.date) -> None:
    """The one confirmation: what will be reported, an optional note, yes or cancel."""
    code = row["code"]
    st.markdown(plain(t("my_measures.confirm", code=code, state=state, date=format_date(today))))
    st.text_input(t("my_measures.note"), max_chars=TEXT_MAX, key=key("note", code), help=t("my_measures.note_help"))
    error = st.session_state.get(key("error", code))
    if error:
        st.error(plain(localised(error)), icon=":material/error:")
    yes, no = st.columns(2)
    yes.button(t("my_measures.confirm_yes"), type="primary", key=key("confirm", code), icon=":material/check:",
               on_click=_confirm, args=(context.url, actor, int(row["measure_id"]), int(row["version"]), code, today))
    no.button(t("my_measures.confirm_no"), key=key("cancel", code), on_click=_cancel, args=(code,))


def _cancel(code: str) -> None:
    st.session_state.pop(PENDING_KEY, None)
    st.session_state.pop(key("error", code), None)


def _confirm(url: str, actor: Actor, measure_id: int, version: int, code: str, today: dt.date) -> None:
    """Confirm callback: the command checks scope, version and rules again, writes and audits in one transaction."""
    note = st.session_state.get(key("note", code)) or ""
    try:
        with write.transaction(url) as session:
            report = report_unchanged(session, actor, measure_id, version, note=note, today=today)
            saved = (report.status, report.progress, report.released, report.report_date)
    except VersionConflict:
        st.session_state[key("error", code)] = t("my_measures.conflict", code=code)
        return
    except PermissionDenied as refused:
        st.session_state[key("error", code)] = refused.args[0]
        keep_unsaved([note])  # the page may go with the rights
        return
    except CommandError as refused:
        fields = getattr(refused, "field_errors", None) or {}
        st.session_state[key("error", code)] = next(iter(fields.values()), refused.args[0])
        return
    for name in ("note", "error"):
        st.session_state.pop(key(name, code), None)
    st.session_state.pop(PENDING_KEY, None)
    status, progress, released, report_date = saved
    st.session_state[FLASH_KEY] = (
        t("my_measures.saved", code=code, status=t(f"status.{status}"), progress=format_percent(progress),
          date=format_date(report_date)) if released
        else t("my_measures.saved_unreleased", code=code, date=format_date(report_date))
    )
