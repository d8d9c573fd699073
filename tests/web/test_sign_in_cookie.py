"""The sign-in cookie's signature, the hand-over ticket and the return target (models/sign_in_cookie.py)."""

from __future__ import annotations

import pytest

from models.sign_in_cookie import (
    TICKET_SECONDS,
    cookie_value,
    digest_from_ticket,
    return_target,
    ticket,
    token_from_cookie,
)

SECRET = "a" * 64
TOKEN = "t0k3n-Zufall_abc"
DIGEST = "f" * 64


def test_a_signed_cookie_gives_back_its_token():
    assert token_from_cookie(cookie_value(TOKEN, SECRET), SECRET) == TOKEN


@pytest.mark.parametrize("value", [
    None, "", TOKEN, f"{TOKEN}.", f".{cookie_value(TOKEN, SECRET).rsplit('.', 1)[1]}",
    cookie_value(TOKEN, "b" * 64),  # signed with another secret
    cookie_value(TOKEN, SECRET)[:-2],  # signature cut short
    cookie_value(TOKEN, SECRET).replace(TOKEN, TOKEN + "x"),  # token changed, old signature
    ticket(TOKEN, SECRET, now=1_000.0),  # a ticket is no cookie (the purpose is signed); fixed time: stable test ids
])
def test_a_forged_or_altered_cookie_gives_nothing(value):
    assert token_from_cookie(value, SECRET) is None


def test_without_a_secret_nothing_verifies():
    assert token_from_cookie(cookie_value(TOKEN, ""), "") is None


def test_a_ticket_names_its_session_for_a_minute():
    issued = ticket(DIGEST, SECRET, now=1_000.0)
    assert digest_from_ticket(issued, SECRET, now=1_000.0 + TICKET_SECONDS) == DIGEST
    assert digest_from_ticket(issued, SECRET, now=1_001.0 + TICKET_SECONDS) is None


@pytest.mark.parametrize("value", [
    None, "", "x.y", cookie_value(DIGEST, SECRET), ticket(DIGEST, "b" * 64, now=1_000.0),
    ticket(DIGEST, SECRET, now=1_000.0).replace("~", "~9"),  # expiry moved, old signature
])
def test_a_forged_ticket_names_nothing(value):
    assert digest_from_ticket(value, SECRET, now=1_000.0) is None


@pytest.mark.parametrize("raw", [
    "/sachstand-melden?plan=darmstadt-dieburg&massnahme=M2026-01-03", "/", "/konto", "/?plan=x",
])
def test_a_relative_path_of_this_site_is_a_return_target(raw):
    assert return_target(raw) == raw


@pytest.mark.parametrize("raw", [
    None, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
    "evil.example/x", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b", "/x\\y", "/" + "a" * 2100,
    "http:/evil.example",
])
def test_anything_else_returns_to_the_start_page(raw):
    assert return_target(raw) == "/"
