"""The Berichtsrunde's partner links (admins): per organisation that owes reports in the open round, whether it
has accounts, "Partner-Link erstellen" (the link shown once, to copy), the links made with their state, and
"Widerrufen"."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from models.commands import CommandError
from models.commands.partner_links import issue_partner_link, revoke_partner_link
from models.formats import format_date, format_number, local_time
from models.partner_links import LinkRow, link_url, links_of_round
from models.reminders import RoundRow
from ui.reads import reporting as reads
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor
from ui.shell.context import PlanContext
from ui.shell.passwords import public_base_url
from ui.shell.texts import t
from ui.views.markdown import plain

FLASH = "partner_links_flash"
_SHOWN = "_partner_link_shown"
_REFUSED = "_partner_link_refused"


def partner_links_panel(context: PlanContext, row: RoundRow) -> None:
    """For an open round: the owing organisations with their link button, the new link once, the links made."""
    st.markdown(f"#### {t('partner_links.title')}")
    st.caption(t("partner_links.intro", deadline=format_date(row.deadline)))
    write.show_flash(FLASH)
    _show_new_link()
    owed = reads.owed_reports(context.key, row.since, row.meeting_date)
    owed = owed[owed["lead_organisation_id"].notna()]
    with Session(engine_for(context.url)) as session:
        links = links_of_round(session, row.id)
    if owed.empty:
        st.caption(t("partner_links.none_owed"))
    else:
        _organisations(context, row, owed, links)
    if links:
        _link_list(context, links)


def _organisations(context: PlanContext, row: RoundRow, owed: pd.DataFrame, links: list[LinkRow]) -> None:
    ids = tuple(sorted(int(i) for i in owed["lead_organisation_id"].unique()))
    accounts = reads.organisation_contacts(context.url, ids)["organisation_id"].value_counts()
    working = {link.organisation_id for link in links if link.state() == "valid"}
    groups = sorted(owed.groupby("lead_organisation_id"), key=lambda item: (int(accounts.get(int(item[0]), 0)) > 0,
                                                                              str(item[1]["lead_organisation"].iloc[0])))
    for organisation_id, group in groups:
        organisation_id, name = int(organisation_id), str(group["lead_organisation"].iloc[0])
        count = int(accounts.get(organisation_id, 0))
        who = (t("partner_links.no_accounts") if count == 0 else t("partner_links.account") if count == 1
               else t("partner_links.accounts", count=format_number(count)))
        owes = (t("partner_links.owes_one") if len(group) == 1
                else t("partner_links.owes", count=format_number(len(group))))
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.markdown(f"**{plain(name)}** · {who} · {owes}")
        renew = organisation_id in working
        right.button(t("partner_links.renew" if renew else "partner_links.create"), key=f"partner_link_{organisation_id}",
                     icon=":material/add_link:", type="secondary" if count else "primary",
                     help=t("partner_links.renew_help") if renew else None,
                     on_click=_issue, args=(context.url, row.id, organisation_id, name, row.deadline))


def _issue(url: str, round_id: int, organisation_id: int, name: str, deadline: dt.date) -> None:
    """Button callback: the new link, kept in the session only until it has been shown once."""
    try:
        with write.transaction(url) as session:
            token = issue_partner_link(session, current_actor(), round_id, organisation_id)
    except CommandError as refused:
        st.session_state[_REFUSED] = refused
        return
    st.session_state[_SHOWN] = (name, format_date(deadline), link_url(public_base_url(), token))


def _show_new_link() -> None:
    refused = st.session_state.pop(_REFUSED, None)
    if refused is not None:
        write.show_refusal(refused, {})
    shown = st.session_state.pop(_SHOWN, None)
    if shown is None:
        return
    name, until, address = shown
    st.success(t("partner_links.created", organisation=plain(name)), icon=":material/check_circle:")
    st.markdown(t("partner_links.shown_once", organisation=plain(name), until=until))
    st.code(address, language=None, wrap_lines=True)


def _last_day(expires_at: dt.datetime) -> str:
    """The last day a link works (it expires at the midnight after it, Berlin time)."""
    return format_date(local_time(expires_at - dt.timedelta(seconds=1)).date())


def state_words(link: LinkRow) -> str:
    state = link.state()
    if state == "valid":
        return t("partner_links.state.valid", date=_last_day(link.expires_at))
    if state == "expired":
        return t("partner_links.state.expired", date=_last_day(link.expires_at))
    when = format_date(local_time(link.revoked_at).date())
    return t(f"partner_links.state.{state}", date=when, by=plain(link.revoked_by or ""))


def _link_list(context: PlanContext, links: list[LinkRow]) -> None:
    st.markdown(f"**{t('partner_links.list')}**")
    for link in links:
        used = (t("partner_links.used", date=format_date(local_time(link.last_used_at).date()),
                  count=format_number(link.use_count)) if link.last_used_at else t("partner_links.unused"))
        made = t("partner_links.created_by", date=format_date(local_time(link.created_at).date()),
                 by=plain(link.created_by))
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"**{plain(link.organisation)}**: {state_words(link)} · {used} · {made}")
        if link.state() == "valid" and right.button(t("partner_links.revoke"), key=f"partner_revoke_{link.id}",
                                                    icon=":material/link_off:"):
            write.run(context.url, lambda session, link=link: revoke_partner_link(session, current_actor(), link.id),
                      flash_key=FLASH, success=t("partner_links.revoked", organisation=link.organisation))
