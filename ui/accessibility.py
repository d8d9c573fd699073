"""The page Barrierefreiheit: the accessibility statement, the form to report a barrier (open to everyone), and
for the administration the reported barriers with the day each answer is due."""

from __future__ import annotations

import logging
import smtplib
import time
from functools import cache
from pathlib import Path

import streamlit as st

from models.actors import Actor
from models.barriers import BarrierRow, announcement, barrier_reports, office_addresses
from models.commands.barriers import answer_barrier, report_barrier
from models.formats import format_date, format_datetime, local_time
from models.mail import compose, send
from models.rules import barrier_answer_due
from models.schema import utc_now
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor
from ui.shell.navigation import PAGES
from ui.shell.passwords import configured_mail, public_base_url
from ui.shell.texts import language, t
from ui.views.markdown import plain

STATEMENT = Path(__file__).parent / "strings" / "barrierefreiheit.md"
VISITOR = Actor(name="Ohne Anmeldung (Barrierefreiheit)", role="anonymous")
SENT = "barrier_sent"
ANSWERED = "barrier_answered"
_ROUND = "barrier_form_round"  # a new round gives empty fields after a report was sent
_LAST_SENT = "barrier_last_sent"
WAIT_SECONDS = 60


@cache
def statement() -> str:
    return STATEMENT.read_text(encoding="utf-8")


def show_statement() -> None:
    if language() != "de":
        st.info(t("accessibility.statement_german"), icon=":material/translate:")
    st.markdown(statement())


def barrier_form(url: str) -> None:
    """The feedback mechanism: where, what, and an address for the answer if wanted."""
    st.subheader(t("accessibility.report.title"), anchor=False)
    st.caption(t("accessibility.report.intro"))
    write.show_flash(SENT)
    round_number = st.session_state.setdefault(_ROUND, 0)
    other = t("accessibility.report.page.other")
    places = [other, *(t(spec.title_key) for spec in PAGES if not spec.hidden)]  # hidden: reached by a link only
    with st.form(f"barrier_form_{round_number}"):
        page = st.selectbox(t("accessibility.report.page"), places)
        description = st.text_area(t("accessibility.report.description"), max_chars=2000)
        contact = st.text_input(t("accessibility.report.contact"), max_chars=254, autocomplete="email",
                                help=t("accessibility.report.contact.help"))
        submitted = st.form_submit_button(t("accessibility.report.submit"), type="primary", icon=":material/send:")
    if not submitted:
        return
    if time.monotonic() - st.session_state.get(_LAST_SENT, -WAIT_SECONDS) < WAIT_SECONDS:
        st.warning(t("accessibility.report.wait"), icon=":material/hourglass_top:")
        return
    write.run(url, lambda session: report_barrier(session, current_actor() or VISITOR, description=description,
                                                  page="" if page == other else page, contact=contact),
              flash_key=SENT, success=_sent, on_success=lambda number: _next_round(url, number))


def _sent(number: int) -> str:
    today = local_time(utc_now()).date()
    return t("accessibility.report.sent", number=number, due=format_date(barrier_answer_due(today)))


def _next_round(url: str, number: int) -> None:
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    st.session_state[_LAST_SENT] = time.monotonic()
    _tell_office(url, number)


def _tell_office(url: str, number: int) -> None:
    """With mail set up, the administrators learn of the report at once (the report is saved either way)."""
    settings = configured_mail()
    if settings is None:
        return
    subject, text = announcement(number, barrier_answer_due(local_time(utc_now()).date()), public_base_url())
    try:
        for name, email in office_addresses(engine_for(url)):
            send(compose(email, subject, text, sender=settings.sender, to_name=name), settings)
    except (smtplib.SMTPException, OSError):
        logging.getLogger(__name__).exception("Barrier report %s saved; the mail to the office failed", number)


def barrier_inbox(url: str) -> None:
    """The reported barriers for the administration: open ones first, each answerable."""
    st.subheader(t("accessibility.inbox.title"), anchor=False)
    write.show_flash(ANSWERED)
    reports = barrier_reports(engine_for(url))
    today = local_time(utc_now()).date()
    if not reports:
        st.caption(t("accessibility.inbox.none"))
        return
    open_ones = [report for report in reports if report.state == "offen"]
    st.caption(t("accessibility.inbox.summary", open=len(open_ones), answered=len(reports) - len(open_ones),
                 overdue=sum(report.answer_due < today for report in open_ones)))
    for report in reports:
        _barrier(url, report, today)


def _barrier(url: str, report: BarrierRow, today) -> None:
    with st.expander(t("accessibility.inbox.item", number=report.id, reported=format_datetime(report.reported_at),
                       state=_state_words(report, today)), expanded=report.state == "offen"):
        if report.page:
            st.caption(t("accessibility.inbox.page", page=plain(report.page)))
        st.text(report.description)  # shown as typed, never as Markdown
        if report.state != "offen":
            if report.answer_note:
                st.caption(t("accessibility.inbox.answered_note", note=plain(report.answer_note)))
            return
        st.caption(t("accessibility.inbox.contact", contact=plain(report.contact)) if report.contact
                   else t("accessibility.inbox.no_contact"))
        with st.form(f"barrier_answer_{report.id}"):
            note = st.text_input(t("accessibility.inbox.note"), max_chars=2000)
            if st.form_submit_button(t("accessibility.inbox.answer"), icon=":material/done:"):
                write.run(url, lambda session: answer_barrier(session, current_actor(), report.id, note),
                          flash_key=ANSWERED, success=t("accessibility.inbox.done"))


def _state_words(report: BarrierRow, today) -> str:
    if report.state != "offen":
        return t("accessibility.inbox.answered", day=format_date(local_time(report.answered_at)))
    key = "accessibility.inbox.overdue" if report.answer_due < today else "accessibility.inbox.open"
    return t(key, due=format_date(report.answer_due))
