"""Berichtsrunde: before a meeting, which running measures still owe a report since the previous one,
grouped by lead organisation, with a reminder to copy and a mailto: link per organisation.

The meeting (?sitzung=YYYY-MM-DD) and the start of the window (?seit=YYYY-MM-DD) default as
models.reporting.reporting_round says (the next Fachbeirat meeting, the meeting before it).
"""

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from models import reporting
from models.formats import format_date, format_number
from models.rules import progress_text
from ui.reporting_round import round_panel
from ui.widgets import components
from ui.reads import admin as admin_reads
from ui.reads import reporting as reads
from ui.shell import url_bind
from ui.shell.choices import date_within, keep_offered
from ui.shell.context import current
from ui.shell.texts import language, t
from ui.shell.url_state import parse_date
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

OTHER = "other"
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)

context = current()
today = dt.date.today()
lang = language()
components.plan_header(replace(context, as_of=today), t("page.reporting_round"))
st.write(t("reporting_round.intro"))
meetings = reads.cutoff_meetings(context.key)


def meeting_labels() -> dict:
    """Every cut-off date of the plan (several bodies on one day share a line), then 'other date'."""
    labels: dict = {}
    for row in meetings.itertuples():
        title = f" ({row.title})" if row.title else ""
        words = t("reporting_round.meeting_option", date=format_date(row.meeting_date), body=row.body, title=title)
        labels[row.meeting_date] = f"{labels[row.meeting_date]}; {words}" if row.meeting_date in labels else words
    labels[OTHER] = t("reporting_round.other")
    return labels


def pick_until(default: dt.date) -> dt.date:
    """The meeting (cut-off date) the round prepares, bound to ?sitzung=."""
    labels = meeting_labels()
    url_bind.adopt("sitzung", "round_until", lambda raw: parse_date(raw, EARLIEST, LATEST, t("reporting_round.until")))
    until = st.session_state.setdefault("round_until", default)
    keep_offered("round_pick", labels, t("reporting_round.meeting"))
    if st.session_state.get("_round_until_shown") != until or "round_pick" not in st.session_state:
        st.session_state["round_pick"] = until if until in labels else OTHER
    pick = st.selectbox(t("reporting_round.meeting"), list(labels), format_func=labels.__getitem__, key="round_pick",
                        on_change=_pick_changed)
    if pick == OTHER:
        st.session_state.setdefault("round_other", until)
        st.date_input(t("reporting_round.until"), min_value=EARLIEST, max_value=LATEST, format="DD.MM.YYYY",
                      key="round_other", on_change=_other_changed)
    st.session_state["_round_until_shown"] = until
    url_bind.publish("sitzung", None if until == default else until.isoformat())
    return until


def _pick_changed() -> None:
    pick = st.session_state["round_pick"]
    if pick == OTHER:
        st.session_state["round_other"] = st.session_state.get("round_until", today)
    elif date_within(pick, EARLIEST, LATEST):
        st.session_state["round_until"] = pick


def _other_changed() -> None:
    if date_within(st.session_state.get("round_other"), EARLIEST, LATEST):
        st.session_state["round_until"] = st.session_state["round_other"]


def pick_since(until: dt.date) -> dt.date:
    """Reports dated after this day count (?seit=); by default the previous meeting."""
    default = reporting.reporting_round(meetings, today, until).since
    latest = until - dt.timedelta(days=1)
    url_bind.adopt("seit", "round_since", lambda raw: parse_date(raw, EARLIEST, latest, t("reporting_round.since")))
    moved = st.session_state.get("_round_since_for") not in (None, until)
    since = st.session_state.get("round_since")
    if moved or since is None or since > latest:
        st.session_state["round_since"] = default
    since = st.date_input(t("reporting_round.since"), min_value=EARLIEST, max_value=latest, format="DD.MM.YYYY",
                          key="round_since", help=t("reporting_round.since_help")) or default
    st.session_state["_round_since_for"] = until
    url_bind.publish("seit", None if since == default else since.isoformat())
    return since


def owed_table(group: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("reporting_round.col.code"): group["code"],
        t("reporting_round.col.title"): group["title"],
        t("reporting_round.col.flag"): [t("reporting_round.flag.stale") if stale else "" for stale in group["stale"]],
        t("reporting_round.col.status"): [t(f"status.{status}") for status in group["status"]],
        t("reporting_round.col.progress"): [progress_text(value, language()) for value in group["progress"]],
        t("reporting_round.col.last_report"): [format_date(None if pd.isna(day) else day) for day
                                               in group["last_report_date"]],
        t("reporting_round.col.light"): [components.light_label(light) for light in group["light"]],
    })


def organisation_block(name: str, group: pd.DataFrame, contacts: pd.DataFrame, until: dt.date, since: dt.date,
                       body: str) -> None:
    """One organisation: its measures, the reminder to copy and, with known addresses, a mailto: link."""
    shown_name = name or t("reporting_round.no_lead")
    key = "reporting_round.group_one" if len(group) == 1 else "reporting_round.group"
    with st.container(border=True):
        st.markdown(f"#### {components.plain(t(key, organisation=shown_name, count=format_number(len(group))))}")
        components.dataframe(owed_table(group))
        if not name:
            st.caption(t("reporting_round.no_lead_hint"))
            return
        subject = reporting.reminder_subject(context.name, until, lang)
        body_text = reporting.reminder_text(
            name, list(zip(group["code"], group["title"], group["last_report_date"].map(
                lambda day: None if pd.isna(day) else day))),
            plan_name=context.name, meeting=until, since=since, reply_by=reporting.reply_by(until, today, lead_days),
            body=body, lang=lang)
        with st.expander(t("reporting_round.reminder"), icon=":material/content_copy:"):
            st.code(t("reporting_round.subject", subject=subject), language=None, wrap_lines=True)
            st.code(body_text, language=None, wrap_lines=True)
        if contacts.empty:
            st.caption(t("reporting_round.no_contacts"))
            return
        st.link_button(t("reporting_round.mail", count=format_number(len(contacts))),
                       reporting.mailto_link(contacts["email"].tolist(), subject, body_text),
                       icon=":material/mail:", help=t("reporting_round.mail_help"))
        st.caption(t("reporting_round.recipients", names=components.plain(
            ", ".join(f"{row.name} <{row.email}>" for row in contacts.itertuples()))))


until = pick_until(reporting.reporting_round(meetings, today).until)
lead_days = admin_reads.plan_settings(context.key)["round_lead_days"]
window = reporting.reporting_round(meetings, today, until, pick_since(until))
until, since = window.until, window.since
st.caption(t("reporting_round.window", since=format_date(since), until=format_date(until)))
round_panel(context, until, since, today)

owed = reads.owed_reports(context.key, since, until)
columns = st.columns(3)
columns[0].metric(t("reporting_round.owed"), format_number(len(owed)))
columns[1].metric(t("reporting_round.organisations"), format_number(owed["lead_organisation"].nunique()))
columns[2].metric(t("reporting_round.stale"), format_number(int(owed["stale"].sum())))
if owed.empty:
    st.success(t("reporting_round.none", since=format_date(since)), icon=":material/task_alt:")
    st.stop()

lead_ids = tuple(sorted(int(i) for i in owed["lead_organisation_id"].dropna().unique()))
contacts = reads.organisation_contacts(context.url, lead_ids)
for name, group in owed.groupby("lead_organisation", sort=False):
    ids = group["lead_organisation_id"].dropna()
    mine = contacts[contacts["organisation_id"] == int(ids.iloc[0])] if len(ids) else contacts.iloc[0:0]
    organisation_block(name, group, mine, until, since, window.body)
