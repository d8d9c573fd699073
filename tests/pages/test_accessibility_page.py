"""AppTest of the page Barrierefreiheit: the statement and the barrier form for everyone, the reported barriers
for the administration only."""

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.barriers import barrier_reports
from models.commands import SYSTEM
from models.commands.accounts import create_user
from models.db import make_engine
from models.schema import Plan
from tests.pages.conftest import app
from tests.signed_in import sign_in

PAGE = "pages/barrierefreiheit.py"


def _actor(url, role):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name=f"Konto {role}", email=f"{role}@kreis.example", role=role))
    engine.dispose()
    return actor


def _open(actor=None, **params):
    at = app()
    for name, value in params.items():
        at.query_params[name] = value
    if actor is not None:
        sign_in(at, actor)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _reports(url):
    engine = make_engine(url)
    try:
        return barrier_reports(engine)
    finally:
        engine.dispose()


def _send(at, description, contact=""):
    at.text_area[0].input(description)
    at.text_input[0].input(contact)
    at.button[0].click().run()
    return at


def test_a_visitor_reads_the_statement_and_the_enforcement_procedure_even_with_the_public_view_off(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).values(public_view=False))
    engine.dispose()
    at = _open()
    text = "\n".join(md.value for md in at.markdown)
    assert "Stand der Vereinbarkeit" in text and "§ 6 HVBIT" in text and "Regierungspräsidium Gießen" in text
    assert "Barriere melden" in [sub.value for sub in at.subheader]
    assert "Gemeldete Barrieren" not in [sub.value for sub in at.subheader]


def test_a_visitor_reports_a_barrier_and_gets_its_number_and_due_day(mini_app_url):
    at = _send(_open(), "Die Grafik hat **keinen** Text.", "leser@example.org")
    [report] = _reports(mini_app_url)
    assert report.description == "Die Grafik hat **keinen** Text." and report.contact == "leser@example.org"
    assert at.success[0].value.replace("\\", "").startswith(f"Vielen Dank. Ihre Meldung Nr. {report.id} ist eingegangen")
    assert at.text_area[0].value == ""  # a fresh form for the next report


def test_a_wrong_address_is_refused_in_german_and_the_text_is_kept(mini_app_url):
    at = _send(_open(), "Fokus nicht sichtbar", "keine adresse")
    assert _reports(mini_app_url) == []
    assert any("gültige E-Mail-Adresse" in error.value.replace("\\", "") for error in at.error)
    assert at.text_area[0].value == "Fokus nicht sichtbar"


def test_a_second_report_within_a_minute_waits(mini_app_url):
    at = _send(_open(), "Erste Meldung")
    _send(at, "Zweite Meldung")
    assert len(_reports(mini_app_url)) == 1
    assert "warten Sie eine Minute" in at.warning[0].value and at.text_area[0].value == "Zweite Meldung"


def test_the_administration_sees_the_reports_and_answers_one(mini_app_url):
    _send(_open(), "Kontrast zu schwach", "leser@example.org")
    at = _open(_actor(mini_app_url, "admin"))
    assert "Gemeldete Barrieren" in [sub.value for sub in at.subheader]
    assert any("offen, Antwort bis" in expander.label for expander in at.expander)
    assert "Kontrast zu schwach" in [text.value for text in at.text]
    at.button[1].click().run()  # the first report's "Als beantwortet markieren" (button 0: the barrier form)
    [report] = _reports(mini_app_url)
    assert report.state == "beantwortet" and report.contact is None
    assert any("beantwortet am" in expander.label for expander in at.expander)


def test_readers_and_editors_see_no_reports(mini_app_url):
    _send(_open(), "Kontrast zu schwach")
    for role in ("viewer", "editor"):
        at = _open(_actor(mini_app_url, role))
        assert "Gemeldete Barrieren" not in [sub.value for sub in at.subheader]
        assert "Kontrast zu schwach" not in [text.value for text in at.text]


def test_in_english_the_page_says_the_statement_is_german(mini_app_url):
    at = _open(lang="en")
    assert at.info[0].value.startswith("The accessibility statement is published in German")
    assert "Report a barrier" in [sub.value for sub in at.subheader]


def test_with_mail_set_up_the_administration_learns_of_a_report_at_once(mini_app_url, monkeypatch):
    from tests.smtp import smtp_server

    _actor(mini_app_url, "admin")
    with smtp_server() as (inbox, environ):
        for name, value in {**environ, "MPC_PUBLIC_URL": "https://cockpit.kreis.example"}.items():
            monkeypatch.setenv(name, value)
        _send(_open(), "Die Schrift lässt sich nicht vergrößern.", "leser@example.org")
    [report] = _reports(mini_app_url)
    [(recipients, message)] = inbox.messages
    assert recipients == ["admin@kreis.example"] and message["Subject"] == f"Barriere gemeldet (Nr. {report.id})"
    text = message.get_body(("plain",)).get_content()
    assert "https://cockpit.kreis.example/barrierefreiheit" in text and "§ 6 HVBIT" in text
    assert "Schrift" not in text and "leser@example.org" not in text  # the content stays in the app
