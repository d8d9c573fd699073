"""The sign-in routes (web/sign_in.py) over HTTP (Starlette's test client) on a real SQLite file and a real
PostgreSQL server: the hand-over sets the cookie once, only for this site, only back to this site; sign-out
ends the cookie's session and clears the cookie."""

from __future__ import annotations

import datetime as dt
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.testclient import TestClient

from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.schema import SignInSession
from models.sign_in_cookie import COOKIE_NAME, HAND_OVER_PATH, SIGN_OUT_PATH, ticket, token_from_cookie
from models.sign_in_sessions import configured_limits, end_session, resume, session_digest, start_local_session
from web.sign_in import routes

SECRET = "c" * 64
DEEP_LINK = "/sachstand-melden?plan=darmstadt-dieburg&massnahme=M2026-01-03"


@pytest.fixture
def client(engine) -> TestClient:
    app = Starlette(routes=routes(SECRET, engine=lambda: engine))
    with TestClient(app, follow_redirects=False) as client:
        yield client


@pytest.fixture
def signed_in(engine) -> str:
    """The token of a local sign-in made in the app (the session the ticket names)."""
    with Session(engine) as session, session.begin():
        user = create_user(session, SYSTEM, name="Petra", email="petra@kreis.example", role="viewer",
                           password="ein-langes-passwort-2030")
        return start_local_session(session, user.id)


def _hand_over(client: TestClient, token: str, target: str = DEEP_LINK, **headers):
    return client.get(HAND_OVER_PATH, params={"ticket": ticket(session_digest(token), SECRET), "weiter": target},
                      headers=headers)


def _session(engine, token: str) -> SignInSession:
    with Session(engine) as session:
        return session.scalars(select(SignInSession).where(SignInSession.key_hash == session_digest(token))).one()


def _cookie_token(response) -> str:
    return token_from_cookie(response.cookies.get(COOKIE_NAME), SECRET)


def test_the_hand_over_moves_the_sign_in_into_the_cookie_and_goes_back_to_the_page(engine, client, signed_in):
    response = _hand_over(client, signed_in, **{"Sec-Fetch-Site": "same-origin"})
    assert (response.status_code, response.headers["location"]) == (303, DEEP_LINK)
    header = response.headers["set-cookie"]
    assert f"{COOKIE_NAME}=" in header and "HttpOnly" in header and "SameSite=lax" in header and "Path=/" in header
    assert f"Max-Age={int(configured_limits().lifetime.total_seconds())}" in header and "Secure" not in header
    token = _cookie_token(response)
    with Session(engine) as session, session.begin():
        assert resume(session, token, configured_limits()).actor.name == "Petra"
    old, new = _session(engine, signed_in), _session(engine, token)
    assert (old.end_reason, new.ended_at, new.created_at) == ("handed_over", None, old.created_at)


def test_a_ticket_works_once(client, signed_in):
    first = ticket(session_digest(signed_in), SECRET)
    assert client.get(HAND_OVER_PATH, params={"ticket": first}).cookies.get(COOKIE_NAME)
    again = client.get(HAND_OVER_PATH, params={"ticket": first, "weiter": DEEP_LINK})
    assert again.status_code == 303 and COOKIE_NAME not in again.headers.get("set-cookie", "")
    assert urlsplit(again.headers["location"]).path == "/anmelden"
    assert parse_qs(urlsplit(again.headers["location"]).query) == {"weiter": [DEEP_LINK]}


def test_a_navigation_from_another_site_gets_no_cookie(engine, client, signed_in):
    response = _hand_over(client, signed_in, **{"Sec-Fetch-Site": "cross-site"})
    assert COOKIE_NAME not in response.headers.get("set-cookie", "")
    assert _session(engine, signed_in).ended_at is None


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_the_hand_over_goes_back_only_to_this_site(client, signed_in, target):
    assert _hand_over(client, signed_in, target).headers["location"] == "/"


def test_behind_https_the_cookie_is_secure(client, signed_in):
    assert "Secure" in _hand_over(client, signed_in, **{"X-Forwarded-Proto": "https"}).headers["set-cookie"]


def test_an_expired_or_forged_ticket_or_an_ended_session_gets_no_cookie(engine, client, signed_in):
    expired = ticket(session_digest(signed_in), SECRET, now=time.time() - 120)
    forged = ticket(session_digest(signed_in), "d" * 64)
    for value in (expired, forged, "kaputt"):
        assert not client.get(HAND_OVER_PATH, params={"ticket": value}).cookies.get(COOKIE_NAME)
    with Session(engine) as session, session.begin():
        end_session(session, signed_in, now=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    assert not _hand_over(client, signed_in).cookies.get(COOKIE_NAME)


def test_sign_out_ends_the_cookie_s_session_and_clears_the_cookie(engine, client, signed_in):
    token = _cookie_token(_hand_over(client, signed_in))
    response = client.get(SIGN_OUT_PATH, headers={"Sec-Fetch-Site": "same-origin"})
    assert (response.status_code, response.headers["location"]) == (303, "/")
    assert f'{COOKIE_NAME}=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
    assert _session(engine, token).end_reason == "signed_out"


def test_a_sign_out_from_another_site_ends_nothing(engine, client, signed_in):
    token = _cookie_token(_hand_over(client, signed_in))
    client.get(SIGN_OUT_PATH, headers={"Sec-Fetch-Site": "cross-site"})
    assert _session(engine, token).ended_at is None
