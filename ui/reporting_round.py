"""The Berichtsrunde page's round panel: open the round for the chosen meeting (its deadline counted back by the
plan's lead time), see what the reminder job sent, end it early; and whether mail is set up at all."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from models.commands.rounds import close_round, open_round, set_reminders_off
from models.formats import format_date, format_number
from models.reminders import Reach, RoundRow, plan_rounds, reminders_off, round_reach
from models.rules import round_deadline
from models.settings import plan_settings
from ui.partner_links import partner_links_panel
from ui import round_workbook
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor
from ui.shell.passwords import configured_mail
from ui.shell.context import PlanContext
from ui.shell.texts import t
from ui.views.markdown import plain

FLASH = "round_flash"


def round_panel(context: PlanContext, until: dt.date, since: dt.date, today: dt.date) -> None:
    st.subheader(t("reporting_round.panel"), anchor=False)
    write.show_flash(FLASH)
    engine = engine_for(context.url)
    rounds = {row.meeting_date: row for row in plan_rounds(engine, context.plan_id)}
    opened = rounds.get(until)
    if opened is not None:
        _opened(context, opened, today)
    else:
        _to_open(context, until, since, today, plan_settings(engine, context.plan_id)["round_lead_days"],
                 round_reach(engine, context.plan_id, since, until))
    if configured_mail() is not None:
        st.caption(t("reporting_round.mail_job"))
    else:
        st.warning(t("reporting_round.no_mail"), icon=":material/mail_lock:")


def _opened(context: PlanContext, row: RoundRow, today: dt.date) -> None:
    state = "reporting_round.closed" if row.closed else "reporting_round.open"
    st.info(t(state, opened=format_date(row.opened_on), by=row.opened_by, deadline=format_date(row.deadline),
              mails=format_number(row.mails)), icon=":material/forward_to_inbox:")
    if not row.closed and row.mails == 0 and row.meeting_date >= today:  # nothing sent yet: will anything be?
        reach = round_reach(engine_for(context.url), context.plan_id, row.since, row.meeting_date)
        if reach.nobody:
            st.warning(_reach_words(reach), icon=":material/unsubscribe:")
    if not row.closed and st.button(t("reporting_round.close"), icon=":material/stop_circle:", key="round_close"):
        write.run(context.url, lambda session: close_round(session, current_actor(), row.id), flash_key=FLASH,
                  success=t("reporting_round.closed_now"))
    if not row.closed:
        partner_links_panel(context, row)
    if not row.closed and row.meeting_date >= today:
        round_workbook.office_section(context, row.id, row.meeting_date, row.since, row.deadline, today)


def _to_open(context: PlanContext, until: dt.date, since: dt.date, today: dt.date, lead_days: int,
             reach: Reach) -> None:
    """The button that opens the round, with a warning before it when its mails would reach nobody."""
    deadline = round_deadline(until, lead_days)
    st.caption(t("reporting_round.deadline", deadline=format_date(deadline), days=format_number(lead_days)))
    if reach.unreached:
        (st.warning if reach.nobody else st.info)(_reach_words(reach), icon=":material/unsubscribe:")
    if st.button(t("reporting_round.open_button"), type="primary", icon=":material/send:", key="round_open"):
        confirmation = " ".join([t("reporting_round.opened_now", deadline=format_date(deadline)),
                                 t("reporting_round.reach", addresses=format_number(reach.addresses),
                                   organisations=format_number(reach.organisations),
                                   owing=format_number(reach.organisations + len(reach.unreached))),
                                 *([_reach_words(reach, escape=False)] if reach.unreached else [])])
        write.run(context.url, lambda session: open_round(session, current_actor(), context.plan_id, until, since,
                                                          today),
                  flash_key=FLASH, success=confirmation)


def _reach_words(reach: Reach, escape: bool = True) -> str:
    """Which owing organisations the round's mails miss (all of them: it reaches nobody); the names escaped for
    Markdown unless the caller escapes the whole text (write.show_flash does)."""
    names = ", ".join(reach.unreached)
    names = plain(names) if escape else names
    return t("reporting_round.reaches_nobody" if reach.nobody else "reporting_round.unreached", names=names)


def reminder_choice(url: str, actor) -> None:
    """On Mein Konto: whether this account gets the reporting rounds' e-mails (the opt-out every such mail names)."""
    if actor.user_id is None or actor.role not in ("editor", "admin"):
        return
    off = reminders_off(engine_for(url), actor.user_id)
    wanted = st.toggle(t("account.reminders"), value=not off, key="account_reminders",
                       help=t("account.reminders.help"))
    write.show_flash(FLASH)
    if wanted == off:  # the toggle moved
        write.run(url, lambda session: set_reminders_off(session, current_actor(), not wanted), flash_key=FLASH,
                  success=t("account.reminders.on" if wanted else "account.reminders.off"))
