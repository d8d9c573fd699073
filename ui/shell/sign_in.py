"""Sign-in: the local form and the district's identity provider (OIDC through st.login)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from sqlalchemy.orm import Session

from models.auth import SignInRefused
from models.commands import Actor
from models.schema import Organisation
from models.sign_in_cookie import return_target
from ui.reads.db import engine_for
from ui.shell.auth import keep_in_browser, sign_in_locally
from ui.shell.context import current
from ui.shell.navigation import SIGN_IN, opened_page
from ui.shell.passwords import forgot_password
from ui.shell.texts import localised, t


def identity_provider_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def sign_in_page(return_to: str, wanted: str | None = None) -> None:
    """The sign-in page; signed in, the browser goes on to RETURN_TO (the page WANTED, when a link to a
    signed-in page brought the visitor here)."""
    st.title(t("page.sign_in"))
    st.write(t("sign_in.intro"))
    if wanted:
        st.info(t("sign_in.first", page=wanted), icon=":material/lock:")
    identity_provider_button()
    if identity_provider_configured():
        st.caption(t("sign_in.or_local"))
    local_sign_in_form(return_to)
    forgot_password(client_address())
    st.caption(t("sign_in.no_account"))


def sign_in_destination() -> tuple[str, str | None]:
    """Where to go once signed in, and the title of the page asked for when the sign-in stands at another
    page's address (a link to a signed-in page opened signed out)."""
    opened = opened_page()
    if opened is not None and opened is not SIGN_IN:
        return requested_target(opened.url_path), t(opened.title_key)
    return asked_target(), None


def asked_target() -> str:
    """Where the sign-in page was asked to lead afterwards (?weiter=, same site only); else the start page
    with the page's other query parameters (such as the plan)."""
    asked = st.query_params.get("weiter")
    if asked:
        return return_target(asked)
    query = urlencode({name: value for name, value in st.query_params.to_dict().items() if name != "weiter"})
    return f"/?{query}" if query else "/"


def requested_target(url_path: str) -> str:
    """This page's own address with its query, to come back to after signing in."""
    query = urlencode(st.query_params.to_dict())
    return return_target(f"/{url_path}?{query}" if query else f"/{url_path}")


def local_sign_in_form(return_to: str = "/") -> None:
    """E-mail and password; a refusal says why (wrong, or locked after repeated failures). Signed in, the
    browser goes through the hand-over route to RETURN_TO in the same run (no rerun: it would drop that redirect).
    The fields have no keys: keyed widgets measurably slowed every run of this page (bench rerun)."""
    with st.form("sign_in", enter_to_submit=True):
        email = st.text_input(t("sign_in.email"), max_chars=254, autocomplete="username")
        password = st.text_input(t("sign_in.password"), type="password", max_chars=200,
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("sign_in.submit"), type="primary")
    if submitted:
        _sign_in(email, password, return_to)


def _sign_in(email: str, password: str, return_to: str) -> None:
    if not email.strip() or not password:
        st.error(t("sign_in.missing"))
        return
    try:
        sign_in_locally(current().url, email, password, client_address())
    except SignInRefused as refused:
        st.error(localised(refused), icon=":material/lock:")
        return
    keep_in_browser(return_to)


def client_address() -> str | None:
    """The visitor's address for throttling. Streamlit gives none for a peer on this machine: that is the
    proxy (nginx, deploy/nginx.conf), which passes the visitor's address as X-Real-IP, or a local process,
    which is not throttled by address; a header from a remote peer is not trusted."""
    peer = st.context.ip_address
    if peer is None:
        forwarded = (st.context.headers.get("X-Real-IP") or "").strip()
        return forwarded[:64] or None
    return peer


def identity_provider_button() -> None:
    if identity_provider_configured():
        st.button(t("sign_in.oidc"), icon=":material/key:", on_click=st.login)


def organisation_name(actor: Actor) -> str | None:
    """The name of the organisation the actor reports for (from the account or the token's claim)."""
    if actor.organisation_id is None:
        return None
    with Session(engine_for(current().url)) as session:
        organisation = session.get(Organisation, actor.organisation_id)
        return organisation.name if organisation is not None else None
