"""The widgets of the page Sachstand melden: the lead's measures, the report form with every
validation message under its field, the save callback with optimistic locking, the report history.

The form keeps the measure's version read when it was first drawn (per measure, in the session).
Saving runs as the submit button's callback, before the page is drawn again: a refusal or a
conflict leaves every typed value in place; a saved report resets the form to the new state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from models.commands import (
    Actor,
    CommandError,
    PermissionDenied,
    ValidationFailed,
    VersionConflict,
    add_status_report,
    report_date_floor,
)
from models.formats import format_date, format_percent
from models.rules import MEASURE_STATUSES, progress_text, progress_value
from models.schema import StatusReport
from models.texts import localised_column
from ui.widgets import components
from ui.reads.db import engine_for
from ui.shell import url_bind, write
from ui.shell.choices import keep_offered
from ui.shell.auth import keep_unsaved
from ui.shell.context import PlanContext
from ui.shell.texts import language, localised, t
from ui.shell.url_state import parse_choice
from ui.views.markdown import labelled_lines

FIELDS = ("report_date", "status", "progress", "summary", "obstacles", "next_steps", "progress_note",
          "backdate_reason")
TEXTS = ("summary", "obstacles", "next_steps", "progress_note")
STATE = ("version", "errors", "conflict")
PICK_KEY = "report_pick"
ORG_KEY = "report_org"
TABLE_KEY = "report_table"
FLASH_KEY = "report_flash"
_TABLE_CODES = "_report_table_codes"
EARLIEST = dt.date(2000, 1, 1)
FORM_ERROR = "_form"
SUMMARY_SHOWN = 200


def key(field: str, code: str) -> str:
    """Session key of one form field (or of the form's version, errors, conflict) of a measure."""
    return f"report_{field}_{code}"


# --- the list of measures ------------------------------------------------------------------


def organisation_filter(measures: pd.DataFrame) -> pd.DataFrame:
    """Admins: the measures of one lead organisation, or all (?org=<id>, as on the page Maßnahmen)."""
    leads = measures.dropna(subset=["lead_organisation_id"]).drop_duplicates("lead_organisation_id")
    names = dict(zip(leads["lead_organisation_id"].astype(int), leads["lead_organisation"]))
    label = t("report.filter.organisation")
    url_bind.adopt("org", ORG_KEY, lambda raw: parse_choice(raw, {str(i): i for i in names}, label))
    if st.session_state.get(ORG_KEY) not in names:
        st.session_state.pop(ORG_KEY, None)
    chosen = st.selectbox(label, sorted(names, key=lambda i: names[i].casefold()), index=None, key=ORG_KEY,
                          format_func=names.__getitem__, placeholder=t("report.filter.all"))
    url_bind.publish("org", None if chosen is None else str(chosen))
    if chosen is None:
        return measures
    return measures[measures["lead_organisation_id"] == chosen].reset_index(drop=True)


def _notes(row) -> str:
    notes = [t("report.note.stale")] if row.stale else []
    if row.overdue:
        notes.append(t("report.note.overdue"))
    if pd.isna(row.last_report_date):
        notes.append(t("report.note.never"))
    return ", ".join(notes)


def measure_table(measures: pd.DataFrame) -> None:
    """The measures with state, traffic light in words and last report; a click picks one."""
    lang = language()
    table = pd.DataFrame({
        "code": measures["code"], "title": measures["title"], "note": [_notes(row) for row in measures.itertuples()],
        "status": [t(f"status.{status}") for status in measures["status"]], "progress": measures["progress"],
        "last_report": measures["last_report_date"],
        "light": [f"{components.light_label(light)}: {reason}" for light, reason
                  in zip(measures["light"], measures[localised_column("reason", lang)])],
        "role": [t("report.role.lead" if lead else "report.role.partner") for lead in measures["is_lead"]],
    })
    st.session_state[_TABLE_CODES] = measures["code"].tolist()
    st.dataframe(
        table, hide_index=True, key=TABLE_KEY, on_select=_table_selected, selection_mode="single-row",
        height=min(40 + 35 * len(table), 400),
        column_config=components.fit_columns(table, {
            "code": st.column_config.TextColumn(t("report.col.code"), pinned=True),
            "title": st.column_config.TextColumn(t("report.col.title")),
            "role": st.column_config.TextColumn(t("report.col.role")),
            "status": st.column_config.TextColumn(t("report.col.status")),
            "progress": st.column_config.ProgressColumn(t("report.col.progress"), min_value=0, max_value=100,
                                                        format="%d %%"),
            "light": st.column_config.TextColumn(t("report.col.light")),
            "last_report": st.column_config.DateColumn(t("report.col.last_report"), format="DD.MM.YYYY"),
            "note": st.column_config.TextColumn(t("report.col.note")),
        }),
    )
    st.caption(t("report.table_hint"))


def _table_selected() -> None:
    rows = st.session_state[TABLE_KEY].selection.rows
    codes = st.session_state.get(_TABLE_CODES, [])
    if rows and rows[0] < len(codes):
        st.session_state[PICK_KEY] = codes[rows[0]]


def measure_picker(measures: pd.DataFrame, offered: pd.DataFrame) -> str | None:
    """The measure to report on (?massnahme=<code>): preselected when the actor has only one."""
    titles = dict(zip(measures["code"], measures["title"]))
    return components.measure_picker(PICK_KEY, titles, offered["code"].tolist(), t("report.pick"),
                                     t("report.pick_placeholder"), "report.unknown", preselect_single=True)


def measure_heading(row: pd.Series) -> None:
    """The chosen measure: code, title and its current state in words."""
    st.markdown(f"### {components.plain(row['code'])} – {components.plain(row['title'])}")
    last = row["last_report_date"]
    st.markdown(t("report.current", status=t(f"status.{row['status']}"), progress=progress_text(row["progress"], language()),
                  light=components.light_label(row["light"]),
                  reason=components.plain(row[localised_column("reason", language())]),
                  last=t("report.never") if pd.isna(last) else format_date(last)))
    if row["stale"]:
        st.warning(t("report.stale_hint"), icon=":material/update:")


# --- the form ------------------------------------------------------------------------------


def _prefill(row: pd.Series, today: dt.date) -> None:
    """Start values when the form is drawn afresh: today, the current status and progress, the version."""
    code = row["code"]
    if key("status", code) in st.session_state:
        return
    for name in STATE:
        st.session_state.pop(key(name, code), None)
    st.session_state.update({
        key("report_date", code): today,
        key("status", code): row["status"],
        key("progress", code): progress_value(row["progress"]) or 0,  # the form always asks for a figure
        **{key(name, code): "" for name in (*TEXTS, "backdate_reason")},
        key("version", code): int(row["version"]),
    })


def _field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.error(components.plain(localised(errors[field])), icon=":material/error:")


def report_form(row: pd.Series, context: PlanContext, actor: Actor, today: dt.date,
                command: Callable[..., StatusReport] = add_status_report) -> None:
    """One report on one measure; each validation message appears under its field. COMMAND saves it
    (add_status_report, or a partner link's add_partner_report, which calls it)."""
    code = row["code"]
    _prefill(row, today)
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(components.plain(flash), icon=":material/check_circle:")
    conflict = st.session_state.get(key("conflict", code))
    if conflict:
        st.warning(components.plain(conflict), icon=":material/sync_problem:")
    errors = st.session_state.get(key("errors", code), {})
    if errors:
        st.error(components.plain(localised(errors.get(FORM_ERROR, t("report.check")))), icon=":material/error:")
    with st.form(f"report_form_{code}", enter_to_submit=False):
        st.markdown(f"**{t('report.form.title')}**")
        left, right = st.columns(2)
        with left:
            floor = report_date_floor_of(context.url, context.plan_id, today)
            st.date_input(t("report.field.report_date"), min_value=EARLIEST if actor.role == "admin" else floor,
                          max_value=today, format="DD.MM.YYYY", key=key("report_date", code),
                          help=t("report.field.report_date_help", date=format_date(floor)))
            _field_error(errors, "report_date")
            if actor.role == "admin":
                st.text_input(t("report.field.backdate_reason"), key=key("backdate_reason", code),
                              help=t("report.field.backdate_reason_help", date=format_date(floor)))
                _field_error(errors, "backdate_reason")
        with right:
            keep_offered(key("status", code), MEASURE_STATUSES, t("report.field.status"))
            st.selectbox(t("report.field.status"), MEASURE_STATUSES, key=key("status", code),
                         format_func=lambda status: t(f"status.{status}"))
            _field_error(errors, "status")
        st.slider(t("report.field.progress"), 0, 100, step=1, format="%d %%", key=key("progress", code),
                  help=t("report.field.progress_help"))
        _field_error(errors, "progress")
        # No max_chars: the browser drops a longer paste without a word; the command refuses it in German and
        # the text stays in the field to be shortened.
        st.text_area(t("report.field.summary"), key=key("summary", code),
                     placeholder=t("report.field.summary_placeholder"))
        _field_error(errors, "summary")
        left, right = st.columns(2)
        with left:
            st.text_area(t("report.field.obstacles"), height=100, key=key("obstacles", code))
            _field_error(errors, "obstacles")
        with right:
            st.text_area(t("report.field.next_steps"), height=100, key=key("next_steps", code))
            _field_error(errors, "next_steps")
        st.text_input(t("report.field.progress_note"), key=key("progress_note", code),
                      help=t("report.field.progress_note_help"))
        _field_error(errors, "progress_note")
        st.form_submit_button(t("report.submit"), type="primary", icon=":material/save:", key=key("submit", code),
                              on_click=_save, args=(context.url, actor, int(row["measure_id"]), code, command))


def report_date_floor_of(url: str, plan_id: int, today: dt.date) -> dt.date:
    """The earliest date an editor may give a report today (30 days back, after the last held Fachbeirat)."""
    with Session(engine_for(url)) as session:
        return report_date_floor(session, plan_id, today)


def _save(url: str, actor: Actor, measure_id: int, code: str,
          command: Callable[..., StatusReport] = add_status_report) -> None:
    """Submit callback: the command validates, checks the version, writes and audits in one transaction."""
    values = {name: st.session_state.get(key(name, code)) for name in FIELDS}
    try:
        with write.transaction(url) as session:
            report = command(
                session, actor, measure_id, st.session_state[key("version", code)],
                report_date=values["report_date"], status=values["status"], progress=int(values["progress"]),
                backdate_reason=values["backdate_reason"] or "", **{name: values[name] or "" for name in TEXTS},
            )
            saved = (report.status, report.progress, report.released)
    except VersionConflict as conflict:
        st.session_state[key("version", code)] = int(conflict.current["version"])
        st.session_state[key("conflict", code)] = t("report.conflict", what=describe_change(conflict.current))
        st.session_state.pop(key("errors", code), None)
        return
    except ValidationFailed as failed:
        st.session_state[key("errors", code)] = failed.field_errors or {FORM_ERROR: failed.args[0]}
        return
    except PermissionDenied as refused:
        st.session_state[key("errors", code)] = {FORM_ERROR: refused.args[0]}
        keep_unsaved([values[name] or "" for name in (*TEXTS, "backdate_reason")])  # the page may go with the rights
        return
    except CommandError as refused:
        st.session_state[key("errors", code)] = {FORM_ERROR: refused.args[0]}
        return
    for name in (*FIELDS, *STATE):
        st.session_state.pop(key(name, code), None)
    status, progress, released = saved
    st.session_state[FLASH_KEY] = (
        t("report.saved_unreleased", code=code) if not released
        else t("report.saved", code=code, status=t(f"status.{status}"), progress=format_percent(progress))
    )


def describe_change(current: dict) -> str:
    """What the newer report says, in words; user text made safe for Markdown."""
    if "report_date" not in current:
        return t("report.conflict.other")
    summary = current["summary"] or ""
    if len(summary) > SUMMARY_SHOWN:
        summary = summary[:SUMMARY_SHOWN - 1] + "…"
    return t("report.conflict.report", date=format_date(current["report_date"]),
             author=components.plain(current["author_name"] or t("report.someone")),
             status=t(f"status.{current['status']}"), progress=progress_text(current["progress"], language()),
             summary=components.plain(summary))


# --- the history ---------------------------------------------------------------------------


def history(reports: pd.DataFrame) -> None:
    """Every report on the measure, newest first; user text shown as plain text."""
    st.markdown(f"#### {t('report.history', count=len(reports))}")
    if reports.empty:
        st.info(t("report.history.empty"), icon=":material/info:")
    for report in reports.itertuples():
        with st.container(border=True):
            st.markdown("**" + t("report.history.head", date=format_date(report.report_date),
                                 status=t(f"status.{report.status}"), progress=progress_text(report.progress, language()))
                        + "**")
            if not report.released:
                st.caption(t("report.history.unreleased"))
            for name in TEXTS:
                value = getattr(report, name)
                if value:
                    st.markdown(labelled_lines(t(f"report.history.{name}"), value))
            if report.author_name:
                st.caption(f"{t('report.history.author')}: {components.plain(report.author_name)}")
