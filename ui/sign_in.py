"""Sign-in: the local form and the district's identity provider (OIDC through st.login)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.orm import Session

from models.auth import SignInRefused, actor_from_claims, authenticate
from models.commands import Actor
from models.schema import Organisation
from ui import data
from ui.auth import ACTOR_KEY
from ui.context import current
from ui.texts import t


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
    engine = data.engine_for(current().url)
    with Session(engine) as session:
        try:
            actor = authenticate(session, email, password)
        except SignInRefused as refused:
            session.commit()  # the failure counts towards the lock
            st.error(str(refused), icon=":material/lock:")
            return
        session.commit()
    st.session_state[ACTOR_KEY] = actor
    st.rerun()


def identity_provider_button() -> None:
    if identity_provider_configured():
        st.button(t("sign_in.oidc"), icon=":material/key:", on_click=st.login)


def actor_from_identity_provider() -> Actor | None:
    """The actor for the identity provider's signed-in user (role and organisation from claims)."""
    claims = {key: st.user.get(key) for key in st.user.to_dict()}
    engine = data.engine_for(current().url)
    try:
        with Session(engine) as session, session.begin():
            return actor_from_claims(session, claims)
    except SignInRefused as refused:
        st.error(str(refused), icon=":material/lock:")
        return None


def organisation_name(actor: Actor) -> str | None:
    """The name of the organisation the actor reports for (from the account or the token's claim)."""
    if actor.organisation_id is None:
        return None
    with Session(data.engine_for(current().url)) as session:
        organisation = session.get(Organisation, actor.organisation_id)
        return organisation.name if organisation is not None else None
