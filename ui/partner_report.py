"""The partner link's page (/partner-bericht?link=TOKEN): an organisation without accounts reports through its
personal link. dashboard.py serves it alone: no sign-in, no navigation to other pages, no sidebar; the page's
only write is a report on one of the organisation's measures owed in the link's round.

The link is checked on every run (a revocation takes effect at the visitor's next action) and again inside
the transaction of each report (models.commands.partner_links.add_partner_report). The first opening in a
browser session is counted and audited; wrong links are counted against the client's address (throttled as the
sign-in). The token is never logged or shown: refusals name the reason only.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from models.commands import PermissionDenied
from models.commands.partner_links import (
    add_partner_report,
    claim_link_try,
    link_refusal,
    open_partner_link,
    partner_actor,
)
from models.formats import format_date
from models.partner_links import PartnerScope, token_digest, verify
from ui import status_report
from ui.reads import reporting as reads
from ui.reads.db import engine_for
from ui.shell import url_bind, write
from ui.shell.auth import show_notice
from ui.shell.context import open_database, plan_context
from ui.shell.navigation import PARTNER_PAGE, PAGES
from ui.shell.sign_in import client_address
from ui.shell.texts import localised, pin_language, t
from ui.views.markdown import plain

# The link this browser session opened (its digest, never the token) and a wrong link's refusal, once counted.
_OPENED = "_partner_opened"
_REFUSED = "_partner_refused"
_SPEC = next(spec for spec in PAGES if spec.url_path == PARTNER_PAGE)


def serve_partner_page() -> None:
    """dashboard.py's whole run for the partner page: German, the database, this page alone (hidden navigation;
    any other address in this session falls back to the note that the page needs the link)."""
    pin_language("de")
    try:
        open_database()
        navigation = st.navigation([
            st.Page(_without_link, title=t(_SPEC.title_key), url_path="partner-start", default=True),
            st.Page(_SPEC.path, title=t(_SPEC.title_key), icon=_SPEC.icon, url_path=PARTNER_PAGE),
        ], position="hidden")
        hints = st.container()
        try:
            navigation.run()
        finally:
            url_bind.show_hints(hints)
    finally:
        pin_language(None)


def _without_link() -> None:
    st.title(t("page.partner_report"))
    st.info(t("partner.no_link"), icon=":material/link_off:")


def partner_page() -> None:
    url = open_database()
    scope = _scope(url, str(st.query_params.get("link") or ""))
    if scope is None:
        return
    context = plan_context(url, scope.plan_id)
    today = dt.date.today()
    st.title(t("partner.title", organisation=plain(scope.organisation)))
    st.markdown(t("partner.intro", plan=plain(scope.plan_name), deadline=format_date(scope.deadline),
                  meeting=format_date(scope.meeting_date)))
    flash = st.session_state.pop(status_report.FLASH_KEY, None)
    if flash:
        st.success(plain(flash), icon=":material/check_circle:")
    measures = _owed_measures(context, scope, today)
    if measures.empty:
        st.success(t("partner.all_done"), icon=":material/task_alt:")
        return
    status_report.measure_table(measures)
    code = status_report.measure_picker(measures, measures)
    if code is None:
        return
    row = measures[measures["code"] == code].iloc[0]
    st.divider()
    status_report.measure_heading(row)
    form_column, history_column = st.columns([3, 2], gap="large")
    with form_column:
        status_report.report_form(row, context, partner_actor(scope), today, command=add_partner_report)
    with history_column:
        status_report.history(reads.report_log(context.key, int(row["measure_id"])))


def _owed_measures(context, scope: PartnerScope, today: dt.date) -> pd.DataFrame:
    """The organisation's measures that still owe a report in the link's round (those it leads)."""
    owed = reads.owed_reports(context.key, scope.since, scope.meeting_date)
    codes = set(owed.loc[owed["lead_organisation_id"] == scope.organisation_id, "code"])
    measures = reads.measures_to_report(context.key.at(today), scope.organisation_id)
    return measures[measures["code"].isin(codes)].reset_index(drop=True)


def _scope(url: str, token: str) -> PartnerScope | None:
    """The link's scope for this run, or None after its German refusal (with what was typed, to copy)."""
    digest = token_digest(token)
    if st.session_state.get(_OPENED) == digest:
        with Session(engine_for(url)) as session:
            verdict = verify(session, token)
        if verdict.scope is not None:
            return verdict.scope
        return _refuse(link_refusal(verdict.reason, verdict.deadline))
    refused = st.session_state.get(_REFUSED)
    if refused is not None and refused[0] == digest:
        return _refuse(refused[1])
    with write.transaction(url) as session:  # its own transaction: a wrong link counts even though refused
        refusal = claim_link_try(session, token, client_address())
    if refusal is None:
        try:
            with write.transaction(url) as session:
                scope = open_partner_link(session, token)
        except PermissionDenied as denied:
            refusal = denied.args[0]
        else:
            st.session_state[_OPENED] = digest
            return scope
    st.session_state[_REFUSED] = (digest, refusal)
    return _refuse(refusal)


def _refuse(refusal) -> None:
    st.title(t("page.partner_report"))
    show_notice()
    st.error(plain(localised(refusal)), icon=":material/link_off:")
    return None
