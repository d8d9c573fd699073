"""Who is using the app: a signed-in staff member (local account or the district's OIDC), or nobody.

The signed-in actor is kept in the session (local sign-in) or derived once per session from the
identity provider's token claims (st.login). Pages ask `current_actor()`; write commands in models/
check the actor's role and scope again themselves, so a page that forgets cannot write.
"""

from __future__ import annotations

import streamlit as st

from models.commands import Actor

ACTOR_KEY = "actor"
ANONYMOUS = "anonymous"


def current_actor() -> Actor | None:
    """The signed-in actor, or None for an anonymous visitor."""
    actor = st.session_state.get(ACTOR_KEY)
    if actor is not None:
        return actor
    if _oidc_signed_in():
        from ui.sign_in import actor_from_identity_provider

        actor = actor_from_identity_provider()
        if actor is not None:
            st.session_state[ACTOR_KEY] = actor
        return actor
    return None


def role() -> str:
    actor = current_actor()
    return actor.role if actor else ANONYMOUS


def signed_in_through_identity_provider() -> bool:
    """True while the district's identity provider (st.login) vouches for the visitor."""
    return _oidc_signed_in()


def _oidc_signed_in() -> bool:
    try:
        return bool(st.user.get("is_logged_in", False))
    except Exception:  # st.user raises when no identity provider is configured
        return False


def sign_out() -> None:
    """Forget the local sign-in; for OIDC also clear the identity cookie (st.logout redirects through
    the provider's end-session endpoint, when it has one, back to the app). Use as a button callback."""
    oidc = _oidc_signed_in()
    st.session_state.pop(ACTOR_KEY, None)
    if oidc:
        st.logout()
