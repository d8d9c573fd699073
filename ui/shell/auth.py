"""Who is using the app: a signed-in staff member (local account or the district's OIDC), or nobody.

Each run re-reads the account behind the sign-in once (`check_sign_in`, called by dashboard.py): a
server-side session record decides whether the sign-in still holds (sign-out, a change of rights,
deactivation, idle timeout and absolute lifetime end it), and the role, organisation and name come from
the account as it is now. A local sign-in is kept by the browser in a signed HttpOnly cookie (set by the
hand-over route, web/sign_in.py, after `keep_in_browser`), so reloads and new tabs resume it. Pages ask
`current_actor()`; write commands in models/ check the account again inside their own transaction, so a
page that forgets cannot write.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from models.auth import SignInRefused, actor_from_claims, authenticate
from models.commands import Actor
from models.sign_in_cookie import COOKIE_NAME, HAND_OVER_PATH, SIGN_OUT_PATH, ticket, token_from_cookie
from models.sign_in_sessions import (
    configured_limits,
    end_session,
    identity_key,
    open_identity_session,
    resume,
    session_digest,
    start_local_session,
)
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.texts import localised, t

ACTOR_KEY = "actor"
# The local session token, or the identity provider sign-in's key.
SESSION_KEY = "sign_in_key"
# The identity-provider sign-in this browser session was refused for (not asked again on every run).
REFUSED_KEY = "sign_in_refused"
# The sign-in cookie this browser session found ended (not asked again on every run).
COOKIE_REFUSED_KEY = "sign_in_cookie_refused"
NOTICE_KEY = "sign_in_notice"
UNSAVED_KEY = "sign_in_unsaved"
# Text in the session this long or longer, with a space, counts as typed and is kept for the notice when a
# sign-in ends in the middle of work (choices such as a status or a code are shorter or have no space).
UNSAVED_MIN_CHARS = 20
ANONYMOUS = "anonymous"
ENDED_REASONS = ("idle", "expired", "deactivated", "rights_changed", "signed_out", "password_changed")
_log = logging.getLogger(__name__)


def current_actor() -> Actor | None:
    """The signed-in actor as of this run's check, or None for an anonymous visitor."""
    return st.session_state.get(ACTOR_KEY)


def require(*roles: str, refusal: str, box: Callable[..., object] = st.error) -> Actor:
    """The gate of a page for some roles: the signed-in actor when their role is one of roles; anyone else
    reads the refusal (a text key) in box and the run stops. The navigation hides such pages already,
    but a link still leads to them."""
    actor = current_actor()
    if actor is None or actor.role not in roles:
        box(t(refusal), icon=":material/lock:")
        st.stop()
    return actor


def role() -> str:
    actor = current_actor()
    return actor.role if actor else ANONYMOUS


def check_sign_in(url: str) -> None:
    """Once per run, before anything asks for the role: does the sign-in still hold, and with which rights?"""
    key = st.session_state.get(SESSION_KEY)
    if key is None and _oidc_signed_in():
        key = _open_identity_provider_session(url)
    from_cookie = key is None
    if from_cookie:
        key = _cookie_token()
    if key is None:
        st.session_state.pop(ACTOR_KEY, None)
        return
    with write.transaction(url) as session:
        resumed = resume(session, key, configured_limits())
    if resumed.actor is None:
        _ended(resumed.ended_because, key, from_cookie)
        return
    st.session_state[SESSION_KEY] = key
    st.session_state[ACTOR_KEY] = resumed.actor


def _ended(reason: str | None, key: str, from_cookie: bool) -> None:
    """The sign-in is over: say why, once (a cookie from a session this server never knew needs no word)."""
    st.session_state[COOKIE_REFUSED_KEY] = key
    if from_cookie and reason == "unknown":
        _forget(None)
        return
    reason = reason if reason in ENDED_REASONS else "other"
    _keep_unsaved_text()
    _forget(t(f"sign_in.ended.{reason}"))


def _cookie_secret() -> str:
    return str(st.get_option("server.cookieSecret") or "")


def _cookie_token() -> str | None:
    """The session token of this browser's sign-in cookie (sent with the page's connection), unless it was
    found ended before in this browser session."""
    token = token_from_cookie(st.context.cookies.get(COOKIE_NAME), _cookie_secret())
    return None if token is None or token == st.session_state.get(COOKIE_REFUSED_KEY) else token


def sign_in_locally(url: str, email: str, password: str, client: str | None) -> None:
    """Check e-mail and password; signed in: a new server-side session. Raises SignInRefused."""
    engine = engine_for(url)
    sign_in_as(url, authenticate(engine, email, password, client=client))


def sign_in_as(url: str, actor: Actor) -> None:
    """A new server-side session for ACTOR's account (its password was just checked or set)."""
    with write.transaction(url) as session:
        token = start_local_session(session, actor.user_id)
    st.session_state.pop(NOTICE_KEY, None)
    st.session_state[SESSION_KEY] = token
    st.session_state[ACTOR_KEY] = replace(actor, sign_in_key=token)


def keep_in_browser(return_to: str) -> None:
    """After a local sign-in: send the browser through the hand-over route (web/sign_in.py), which puts the
    sign-in into its cookie and opens RETURN_TO (a relative path of this site), so reloads and new tabs keep it."""
    key = st.session_state.get(SESSION_KEY)
    if key is None:
        return
    query = urlencode({"ticket": ticket(session_digest(key), _cookie_secret()), "weiter": return_to})
    _navigate(f"{HAND_OVER_PATH}?{query}")


def _navigate(path: str) -> None:
    """Send the browser to PATH of this server, a full page load (as st.login and st.logout do)."""
    context = get_script_run_ctx()
    if context is None:
        return
    message = ForwardMsg()
    message.auth_redirect.url = path
    context.enqueue(message)


def signed_in_through_identity_provider() -> bool:
    """True while the district's identity provider (st.login) vouches for the visitor."""
    return _oidc_signed_in()


def sign_out(url: str) -> None:
    """End the server-side session (a copied identity cookie then gives no access either) and forget the
    sign-in; a local sign-in's cookie is cleared by the sign-out route the browser is sent to; for OIDC also clear
    the identity cookie (st.logout redirects through the provider's end-session endpoint, when it has one, back
    to the app). Use as a button callback."""
    key = st.session_state.get(SESSION_KEY)
    if key is not None:
        with write.transaction(url) as session:
            end_session(session, key)
        st.session_state[COOKIE_REFUSED_KEY] = key
    oidc = _oidc_signed_in()
    _forget(None)
    if oidc:
        st.logout()
    else:
        _navigate(SIGN_OUT_PATH)


def show_notice() -> None:
    """Why the sign-in just ended (idle, expired, rights changed, refused by the cockpit), once, with what
    the person had typed and could not save any more: nothing typed is lost silently."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.warning(notice, icon=":material/lock_clock:")
    unsaved = st.session_state.pop(UNSAVED_KEY, None)
    if unsaved:
        with st.expander(t("sign_in.unsaved"), expanded=True, icon=":material/content_copy:"):
            for value in unsaved:
                st.code(value, language=None, wrap_lines=True)


def keep_unsaved(values: list[str]) -> None:
    """Texts a refused write would lose: shown with the notice, to copy."""
    kept = st.session_state.get(UNSAVED_KEY, [])
    st.session_state[UNSAVED_KEY] = list(dict.fromkeys([*kept, *(value for value in values if value.strip())]))


def _keep_unsaved_text() -> None:
    keep_unsaved([value for name, value in st.session_state.to_dict().items()
                  if isinstance(value, str) and len(value.strip()) >= UNSAVED_MIN_CHARS and " " in value.strip()
                  and not name.startswith("_")
                  and name not in (SESSION_KEY, REFUSED_KEY, COOKIE_REFUSED_KEY, NOTICE_KEY)])


def _forget(notice: str | None) -> None:
    for name in (ACTOR_KEY, SESSION_KEY):
        st.session_state.pop(name, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _open_identity_provider_session(url: str) -> str | None:
    """The key of the identity provider's sign-in once the cockpit accepts it (account kept in step with the
    token's claims, session record open); None when it is refused, with the reason as a notice."""
    claims = {name: st.user.get(name) for name in st.user.to_dict()}
    key = identity_key(claims)
    if st.session_state.get(REFUSED_KEY) == key:
        return None
    try:
        with write.transaction(url) as session:
            actor = actor_from_claims(session, claims)
            if not open_identity_session(session, actor.user_id, key, configured_limits(), issued_at=_issued_at(claims)):
                raise SignInRefused(t("sign_in.ended.identity"))
    except SignInRefused as refused:
        st.session_state[REFUSED_KEY] = key
        _forget(localised(refused))
        return None
    st.session_state[SESSION_KEY] = key
    return key


def _issued_at(claims: dict) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(claims["iat"]), dt.timezone.utc).replace(tzinfo=None)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        return None


def _oidc_signed_in() -> bool:
    try:
        return bool(st.user.get("is_logged_in", False))
    except Exception:  # st.user raises when no identity provider is configured
        return False
