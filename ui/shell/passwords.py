"""The password screens: changing one's own on "Mein Konto", the one-time link's page (/passwort-setzen),
"Passwort vergessen" on the sign-in page, and where links point (the cockpit's public address) and mail goes."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor, CommandError, ValidationFailed
from models.commands.passwords import change_own_password, claim_change_try, request_password_reset, set_password_with_link
from models.mail import MailSettingInvalid, MailSettings, mail_settings, send_later
from models.password_tokens import LinkLifetimes, link_lifetimes, link_url, open_link, reset_message
from models.schema import User
from models.sign_in_sessions import SessionSettingInvalid
from models.wording import say
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor, keep_in_browser, sign_in_as
from ui.shell.context import current
from ui.shell.texts import localised, t
from ui.views.markdown import plain

_log = logging.getLogger(__name__)
_CHANGE_FLASH = "password_change_flash"
_SET_ERROR = "password_set_error"
_SET_DONE = "password_set_done"
_FORGOT_NOTICE = "password_forgot_notice"


def public_base_url() -> str:
    """The cockpit's address for links that leave the browser (mails, an admin's link): MPC_PUBLIC_URL, else
    the address this browser uses (set MPC_PUBLIC_URL in production: a mail's link must not follow the Host
    header a request brought)."""
    configured = os.environ.get("MPC_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "http://localhost:8501"


def configured_mail() -> MailSettings | None:
    """The SMTP settings ([mail] in the secrets before the environment), or None when mail is not set up or
    its settings are wrong (logged)."""
    try:
        secrets = dict(st.secrets.get("mail", {}))
    except FileNotFoundError:
        secrets = {}
    try:
        return mail_settings(secrets=secrets)
    except MailSettingInvalid as invalid:
        _log.error("%s Mail is off.", invalid)
        return None


def has_password(url: str, user_id: int | None) -> bool:
    if user_id is None:
        return False
    with Session(engine_for(url)) as session:
        return bool(session.scalar(select(User.password_hash.is_not(None)).where(User.id == user_id)))


def link_lifetimes_here() -> LinkLifetimes:
    """How long links hold (MPC_PASSWORD_LINK_HOURS, MPC_PASSWORD_RESET_HOURS); defaults when a setting is wrong."""
    try:
        return link_lifetimes()
    except SessionSettingInvalid as invalid:
        _log.error("%s Using the defaults.", invalid)
        return link_lifetimes({})


# --- Mein Konto: change one's own password ----------------------------------------------------------------


def change_password_form(actor: Actor, through_identity_provider: bool) -> None:
    """Old password once, the new one twice; other sign-ins of the account end, this one stays."""
    url = current().url
    st.subheader(t("password.change.title"))
    if through_identity_provider or not has_password(url, actor.user_id):
        st.caption(t("password.change.oidc"))
        return
    write.show_flash(_CHANGE_FLASH)
    with st.form("change_password", clear_on_submit=True, enter_to_submit=False):
        old = st.text_input(t("password.old"), type="password", max_chars=200, autocomplete="current-password")
        old_slot = st.empty()
        new = st.text_input(t("password.new"), type="password", max_chars=200, autocomplete="new-password",
                            help=t("password.rules"))
        new_slot = st.empty()
        repeat = st.text_input(t("password.repeat"), type="password", max_chars=200, autocomplete="new-password")
        repeat_slot = st.empty()
        submitted = st.form_submit_button(t("password.change.submit"), icon=":material/key:")
    st.caption(t("password.rules"))
    if submitted:
        try:
            with write.transaction(url) as session:
                claim_change_try(session, actor)
        except CommandError as refused:
            write.show_refusal(refused, {})
            return
        write.run(url, lambda session: change_own_password(session, actor, old_password=old, new_password=new,
                                                           repeat=repeat),
                  flash_key=_CHANGE_FLASH, success=t("password.change.done"),
                  slots={"old_password": old_slot, "new_password": new_slot, "repeat": repeat_slot})


# --- /passwort-setzen: the one-time link ------------------------------------------------------------------


def set_password_page() -> None:
    """Set a password through a one-time link; signed out, the person is then signed in and sent to the start
    page. An unknown, used, replaced or expired link says so and changes nothing."""
    st.title(t("page.set_password"))
    done = st.session_state.pop(_SET_DONE, None)
    if done:
        st.success(t(done), icon=":material/check_circle:")
        return
    token = str(st.query_params.get("token") or "")
    if not token:
        st.info(t("password.set.no_link"), icon=":material/link_off:")
        return
    with Session(engine_for(current().url)) as session:
        found = open_link(session, token)
        account = (found[1].name, found[1].email) if found is not None else None
    error = st.session_state.pop(_SET_ERROR, None)
    if account is None:
        st.error(localised(say("password.link_invalid")), icon=":material/link_off:")
        if current_actor() is None:
            st.page_link("pages/anmelden.py", label=t("password.set.to_sign_in"), icon=":material/login:")
        return
    st.markdown(t("password.set.intro", name=plain(account[0]), email=plain(account[1])))
    with st.form("set_password", enter_to_submit=False):
        st.text_input(t("password.new"), type="password", max_chars=200, autocomplete="new-password",
                      help=t("password.rules"), key="set_password_new")
        st.text_input(t("password.repeat"), type="password", max_chars=200, autocomplete="new-password",
                      key="set_password_repeat")
        signed_in = current_actor() is not None
        st.form_submit_button(t("password.set.submit_signed_in" if signed_in else "password.set.submit"),
                              type="primary", icon=":material/key:", on_click=_set_password, args=(token,))
    st.caption(t("password.rules"))
    if error:
        st.error("\n\n".join(plain(localised(message)) for message in dict.fromkeys(error)), icon=":material/error:")


def _set_password(token: str) -> None:
    """A callback (as the sign-in's): the redirect to the hand-over must not be dropped by a rerun."""
    new = st.session_state.get("set_password_new") or ""
    repeat = st.session_state.get("set_password_repeat") or ""
    st.session_state["set_password_new"] = st.session_state["set_password_repeat"] = ""
    url = current().url
    try:
        with write.transaction(url) as session:
            actor = set_password_with_link(session, token, new_password=new, repeat=repeat)
    except ValidationFailed as refused:
        st.session_state[_SET_ERROR] = [refused, *refused.field_errors.values()]
        return
    if current_actor() is not None:
        st.session_state[_SET_DONE] = "password.set.done"
        return
    st.session_state[_SET_DONE] = "password.set.signed_in"
    sign_in_as(url, actor)
    keep_in_browser("/")


# --- the sign-in page: "Passwort vergessen" ---------------------------------------------------------------


def forgot_password(client: str | None) -> None:
    """With mail: a reset link by e-mail, and the same answer whether or not the address has an account;
    without mail: ask the office."""
    with st.expander(t("password.forgot.title"), icon=":material/help:",
                     expanded=_FORGOT_NOTICE in st.session_state):
        if configured_mail() is None:
            st.write(t("password.forgot.no_mail"))
            return
        st.write(t("password.forgot.intro"))
        with st.form("forgot_password", clear_on_submit=True, enter_to_submit=True):
            st.text_input(t("password.forgot.email"), max_chars=254, autocomplete="username", key="forgot_email")
            st.form_submit_button(t("password.forgot.submit"), icon=":material/forward_to_inbox:",
                                  on_click=_request_reset, args=(client,))
        notice = st.session_state.pop(_FORGOT_NOTICE, None)
        if notice:
            st.success(notice, icon=":material/mark_email_read:")


def _request_reset(client: str | None) -> None:
    email = str(st.session_state.get("forgot_email") or "")
    lifetimes = link_lifetimes_here()
    settings = configured_mail()
    if email.strip() and settings is not None:
        with write.transaction(current().url) as session:
            reset = request_password_reset(session, email, client=client, lifetimes=lifetimes)
        if reset is not None:
            link = link_url(public_base_url(), reset.token)
            # The answer stays the same (it must not tell whether the account exists); the office sees the log.
            send_later(reset_message(reset.email, reset.name, link, reset.lifetime, settings.sender), settings,
                       lambda failed: _log.error("The password reset mail could not be sent: %s", failed))
    st.session_state[_FORGOT_NOTICE] = t("password.forgot.sent",
                                         hours=int(lifetimes.reset.total_seconds() // 3600))
