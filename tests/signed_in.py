"""Signing an AppTest session in the way the app does: a real staff account and a server-side sign-in
session (models.sign_in_sessions), so that the run's check of the sign-in finds the account as it is."""

from __future__ import annotations

import os
import uuid

from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from models.commands import Actor, actor_of
from models.db import make_engine
from models.schema import User
from models.sign_in_sessions import start_local_session
from ui.shell.auth import ACTOR_KEY, SESSION_KEY


def open_session(url: str, actor: Actor) -> tuple[Actor, str]:
    """A server-side sign-in session for `actor`; an actor without an account gets one with its name, role and
    organisation. Returns the account's actor and the session token."""
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            user = session.get(User, actor.user_id) if actor.user_id is not None else None
            if user is None:
                user = User(name=actor.name, email=f"test-{uuid.uuid4().hex[:10]}@example.org", role=actor.role,
                            organisation_id=actor.organisation_id, active=True)
                session.add(user)
                session.flush()
            token = start_local_session(session, user.id)
            return actor_of(user, token), token
    finally:
        engine.dispose()


def sign_in(at: AppTest, actor: Actor, url: str | None = None, token: str | None = None) -> Actor:
    """Sign `at` in as `actor`, with a new session, or with the open session `token` of its account."""
    if token is None:
        actor, token = open_session(url or os.environ["DATABASE_URL"], actor)
    at.session_state[ACTOR_KEY] = actor
    at.session_state[SESSION_KEY] = token
    return actor
