"""AppTest of the password screens: changing one's own on "Mein Konto", the one-time link's page, and
"Passwort vergessen" without mail."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from models.actors import SYSTEM, actor_of
from models.auth import SignInRefused, authenticate
from models.commands.accounts import create_user
from models.commands.passwords import issue_password_link
from models.db import make_engine
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in
from tests.smtp import arrived, smtp_server

OLD = "Alte Brücke am Fluss 7"
NEW = "Neuer Weg durchs Moor 42"


def _account(url, password: str | None = OLD):
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            admin = actor_of(create_user(session, SYSTEM, name="Anna Admin", email="anna@example.org", role="admin",
                                         password="Verwaltung im Kreishaus 1"))
            user = create_user(session, SYSTEM, name="Eva Beispiel", email="eva@example.org", role="viewer",
                               password=password)
            return admin, actor_of(user)
    finally:
        engine.dispose()


def _signs_in(url, password) -> bool:
    engine = make_engine(url)
    try:
        authenticate(engine, "eva@example.org", password)
        return True
    except SignInRefused:
        return False
    finally:
        engine.dispose()


def _konto(actor):
    at = app()
    sign_in(at, actor)
    at.run()
    at.switch_page("pages/konto.py").run()
    assert not at.exception
    return at


def _change(at, old, new, repeat):
    at.text_input[0].input(old)
    at.text_input[1].input(new)
    at.text_input[2].input(repeat)
    next(button for button in at.button if button.label == "Passwort ändern").click().run()
    return at


def test_own_password_change_on_the_account_page(mini_app_url):
    _, eva = _account(mini_app_url)
    at = _konto(eva)
    assert [field.label for field in at.text_input] == ["Bisheriges Passwort", "Neues Passwort",
                                                        "Neues Passwort wiederholen"]
    _change(at, "falsch falsch falsch", NEW, NEW)
    assert "Das bisherige Passwort stimmt nicht." in [rendered(error.value) for error in at.error]
    assert _signs_in(mini_app_url, OLD)
    _change(at, OLD, "Passwort123456", "Passwort123456")
    assert any("häufigsten Passwörtern" in rendered(error.value) for error in at.error)
    _change(at, OLD, NEW, NEW)
    assert not at.exception and not at.error
    assert [rendered(success.value) for success in at.success] == [
        "Ihr Passwort ist geändert. Anmeldungen mit Ihrem Konto in anderen Browsern sind beendet."]
    assert at.session_state["actor"].user_id == eva.user_id  # still signed in here
    assert _signs_in(mini_app_url, NEW) and not _signs_in(mini_app_url, OLD)


def test_an_account_without_password_gets_no_change_form(mini_app_url):
    _, eva = _account(mini_app_url, password=None)
    at = _konto(eva)
    assert not at.text_input
    assert "Dienstkonto" in " ".join(caption.value for caption in at.caption)


def _link_page(token: str):
    at = app()
    at.query_params["token"] = token
    at.run()
    at.switch_page("pages/passwort-setzen.py").run()
    assert not at.exception
    return at


def test_the_link_page_sets_the_password_once_and_signs_in(mini_app_url):
    admin, eva = _account(mini_app_url, password=None)
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        token = issue_password_link(session, admin, eva.user_id)
    engine.dispose()
    at = _link_page(token)
    assert "**Eva Beispiel**" in " ".join(md.value for md in at.markdown)
    at.text_input[0].input("kurz")
    at.text_input[1].input("kurz")
    at.button[0].click().run()
    assert any("mindestens 12 Zeichen" in rendered(error.value) for error in at.error)
    assert "actor" not in at.session_state
    at.text_input[0].input(NEW)
    at.text_input[1].input(NEW)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.session_state["actor"].user_id == eva.user_id
    assert _signs_in(mini_app_url, NEW)
    again = _link_page(token)
    assert "Dieser Link gilt nicht (mehr)" in rendered(again.error[0].value) and not again.text_input


@pytest.mark.parametrize("token", ["unbekannt-123", "x" * 500])
def test_an_unknown_link_says_so_in_german(mini_app_url, token):
    at = _link_page(token)
    assert "Es wurde nichts geändert" in rendered(at.error[0].value)


def test_without_mail_the_sign_in_page_sends_to_the_office(mini_app_url, monkeypatch):
    monkeypatch.delenv("MPC_SMTP_HOST", raising=False)
    at = app()
    at.run()
    at.switch_page("pages/anmelden.py").run()
    assert not at.exception
    texts = " ".join(md.value for md in at.markdown)
    assert "Passwort vergessen?" in [expander.label for expander in at.expander]
    assert "über die Administration" in texts


def test_forgot_password_answers_alike_and_mails_only_an_existing_account(mini_app_url, monkeypatch):
    _account(mini_app_url)
    with smtp_server() as (inbox, environ):
        for name, value in {**environ, "MPC_PUBLIC_URL": "https://cockpit.example.org"}.items():
            monkeypatch.setenv(name, value)
        answers = []
        for address in ("niemand@example.org", "eva@example.org"):
            at = app()
            at.run()
            at.switch_page("pages/anmelden.py").run()
            at.text_input[2].input(address)
            next(button for button in at.button if button.label == "Link anfordern").click().run()
            assert not at.exception
            answers.append([rendered(success.value) for success in at.success])
        arrived(inbox, 1)  # sent in the background, after the answer
    assert answers[0] == answers[1] and "Wenn es zu dieser Adresse ein Konto gibt" in answers[0][0]
    [(recipients, message)] = inbox.messages
    assert recipients == ["eva@example.org"]
    assert "https://cockpit.example.org/passwort-setzen?token=" in message.get_body(("plain",)).get_content()
