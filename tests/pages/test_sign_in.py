"""AppTest of sign-in and the account page: local accounts, wrong passwords, roles in the navigation."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.auth import MAX_FAILED_LOGINS
from models.commands.accounts import create_admin, create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.schema import Organisation
from tests.pages.conftest import app

PASSWORD = "ein-langes-passwort"


def _accounts(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        create_admin(session, "Büro Migration", "buero@kreis.example", PASSWORD)
        create_user(session, SYSTEM, name="Gast", email="gast@kreis.example", role="viewer", password=PASSWORD)
    engine.dispose()


def _sign_in(email, password, **params):
    at = app()
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("pages/anmelden.py").run()
    at.text_input[0].input(email)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def _signed_in(email, password):
    """Signed in: the browser follows the hand-over redirect to a fresh page; AppTest runs the app again."""
    return _sign_in(email, password).run()


def test_local_sign_in_opens_the_role_s_pages(mini_app_url):
    _accounts(mini_app_url)
    at = _signed_in("buero@kreis.example", PASSWORD)
    assert not at.exception and not at.error
    assert at.session_state["actor"].role == "admin"
    at.switch_page("pages/konto.py").run()
    assert "Angemeldet als **Büro Migration** · Rolle: Verwaltung" in [md.value for md in at.markdown]


def test_wrong_password_is_refused_in_german_and_nobody_is_signed_in(mini_app_url):
    _accounts(mini_app_url)
    at = _sign_in("buero@kreis.example", "falsch")
    assert at.error[0].value == "E-Mail-Adresse oder Passwort ist falsch."
    assert "actor" not in at.session_state


def test_wrong_password_is_refused_in_english_with_lang_en(mini_app_url):
    _accounts(mini_app_url)
    at = _sign_in("buero@kreis.example", "falsch", lang="en")
    assert at.error[0].value == "E-mail address or password is wrong."
    assert "actor" not in at.session_state


def test_repeated_wrong_passwords_lock_the_account(mini_app_url):
    _accounts(mini_app_url)
    for _ in range(MAX_FAILED_LOGINS):
        at = _sign_in("buero@kreis.example", "falsch")
    assert "gesperrt" in at.error[0].value
    at = _sign_in("buero@kreis.example", PASSWORD)
    assert "gesperrt" in at.error[0].value and "actor" not in at.session_state


def test_empty_fields_get_a_message(mini_app_url):
    at = _sign_in("", "")
    assert at.error[0].value == "Bitte geben Sie E-Mail-Adresse und Passwort ein."


def test_sign_out_returns_to_anonymous(mini_app_url):
    _accounts(mini_app_url)
    at = _signed_in("gast@kreis.example", PASSWORD)
    at.switch_page("pages/konto.py").run()
    at.button[0].click().run()
    assert "actor" not in at.session_state


def test_account_page_shows_the_organisation_and_how_someone_signed_in(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        create_user(session, SYSTEM, name="VHS-Leitung", email="leitung@vhs.example", role="editor",
                    password=PASSWORD, organisation_id=vhs)
        create_user(session, SYSTEM, name="Ohne Organisation", email="ohne@kreis.example", role="editor",
                    password=PASSWORD)
    engine.dispose()
    at = _signed_in("leitung@vhs.example", PASSWORD)
    at.switch_page("pages/konto.py").run()
    assert "Organisation: Volkshochschule Testkreis" in [md.value for md in at.markdown]
    assert "Angemeldet mit einem lokalen Konto." in [caption.value for caption in at.caption]
    at = _signed_in("ohne@kreis.example", PASSWORD)
    at.switch_page("pages/konto.py").run()
    assert at.warning[0].value.startswith("Ihrem Konto ist keine Organisation zugeordnet.")
