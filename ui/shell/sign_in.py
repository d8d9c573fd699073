"""Sign-in: the local form and the district's identity provider (OIDC through st.login)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.orm import Session

from models.auth import SignInRefused
from models.commands import Actor
from models.schema import Organisation
from ui.reads.db import engine_for
from ui.shell.auth import sign_in_locally
from ui.shell.context import current
from ui.shell.texts import localised, t


def identity_provider_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def local_sign_in_form() -> None:
    """E-mail and password; a refusal says why (wrong, or locked after repeated failures)."""
    with st.form("sign_in", enter_to_submit=True):
        email = st.text_input(t("sign_in.email"), max_chars=254, autocomplete="username")
        password = st.text_input(t("sign_in.password"), type="password", max_chars=200,
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("sign_in.submit"), type="primary")
    if submitted:
        _sign_in(email, password)


def _sign_in(email: str, password: str) -> None:
    if not email.strip() or not password:
        st.error(t("sign_in.missing"))
        return
    try:
        sign_in_locally(current().url, email, password, client_address())
    except SignInRefused as refused:
        st.error(localised(refused), icon=":material/lock:")
        return
    st.rerun()


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
