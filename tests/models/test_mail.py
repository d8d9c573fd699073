"""Mail over a real SMTP server on 127.0.0.1 (aiosmtpd): the settings, a message with both parts, and the
"Passwort vergessen" mail whose link sets the password."""

from __future__ import annotations

import re
from email import message_from_bytes, policy

import pytest
from sqlalchemy.orm import Session

from models.actors import SYSTEM
from models.auth import authenticate
from models.commands.accounts import create_user
from models.commands.passwords import request_password_reset, set_password_with_link
from models.mail import MailSettingInvalid, compose, mail_configured, mail_settings, send, send_later
from models.password_tokens import link_url, reset_message
from models.schema import PasswordToken
from tests.smtp import free_port, smtp_server

NEW = "Neuer Weg durchs Moor 42"


@pytest.fixture
def smtp():
    with smtp_server() as server:
        yield server


def test_mail_settings_say_in_german_what_is_missing():
    assert mail_settings({}) is None and not mail_configured({})
    with pytest.raises(MailSettingInvalid, match="Absenderadresse"):
        mail_settings({"MPC_SMTP_HOST": "mail.example.org"})
    with pytest.raises(MailSettingInvalid, match="starttls, tls oder none"):
        mail_settings({"MPC_SMTP_HOST": "mail.example.org", "MPC_MAIL_FROM": "a@b.de", "MPC_SMTP_SECURITY": "ssl"})
    with pytest.raises(MailSettingInvalid, match="gehören zusammen"):
        mail_settings({"MPC_SMTP_HOST": "mail.example.org", "MPC_MAIL_FROM": "a@b.de", "MPC_SMTP_USER": "u"})
    settings = mail_settings({"MPC_SMTP_HOST": "mail.example.org", "MPC_MAIL_FROM": "a@b.de"},
                             {"security": "tls", "port": "2465"})
    assert (settings.security, settings.port) == ("tls", 2465)
    assert mail_settings({"MPC_SMTP_HOST": "h", "MPC_MAIL_FROM": "a@b.de"}).port == 587


def test_a_message_with_text_and_html_arrives(smtp):
    inbox, environ = smtp
    send(compose("eva@example.org", "Grüße", "Hallo Eva, schön.", "<p>Hallo <b>Eva</b></p>",
                 sender="cockpit@example.org", to_name="Eva Müller"), mail_settings(environ))
    [(recipients, message)] = inbox.messages
    assert recipients == ["eva@example.org"] and message["Subject"] == "Grüße"
    assert message.get_body(("plain",)).get_content().strip() == "Hallo Eva, schön."
    assert "<b>Eva</b>" in message.get_body(("html",)).get_content()


def test_a_mail_sent_later_arrives_and_a_refusal_reaches_the_callback(smtp):
    inbox, environ = smtp
    failures = []
    message = compose("eva@example.org", "Später", "Hallo", sender="cockpit@example.org")
    send_later(message, mail_settings(environ), failures.append).result(timeout=20)
    assert [recipients for recipients, _ in inbox.messages] == [["eva@example.org"]] and failures == []
    closed = mail_settings({**environ, "MPC_SMTP_PORT": str(free_port())})  # nothing listens there
    send_later(message, closed, failures.append).result(timeout=20)
    assert len(failures) == 1 and isinstance(failures[0], OSError)


def test_the_reset_mail_arrives_and_its_link_sets_the_password(engine, smtp):
    inbox, environ = smtp
    with Session(engine) as session, session.begin():
        user_id = create_user(session, SYSTEM, name="Eva <Beispiel>", email="eva@example.org", role="viewer",
                              password="Alte Brücke am Fluss 7").id
    for address in ("eva@example.org", "niemand@example.org"):
        with Session(engine) as session, session.begin():
            reset = request_password_reset(session, address)
        if reset is not None:
            link = link_url("https://cockpit.example.org", reset.token)
            send(reset_message(reset.email, reset.name, link, reset.lifetime, "cockpit@example.org"),
                 mail_settings(environ))
    [(recipients, message)] = inbox.messages
    assert recipients == ["eva@example.org"]
    text = message.get_body(("plain",)).get_content()
    assert "2 Stunden" in text and "&lt;Beispiel&gt;" in message.get_body(("html",)).get_content()
    found = re.search(r"https://cockpit\.example\.org/passwort-setzen\?token=([\w-]+)", text)
    assert found is not None
    with Session(engine) as session:
        assert session.query(PasswordToken).one().token_hash != found.group(1)
    with Session(engine) as session, session.begin():
        set_password_with_link(session, found.group(1), new_password=NEW, repeat=NEW)
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id


@pytest.mark.parametrize("name", [
    "Kreisagentur für Beschäftigung Darmstadt-Dieburg (Jobcenter)", "Verein (e. V.), Abteilung: Süd; Ost",
    'Kontakt **MGH** <img src=x onerror="alert(1)"> Mehrgenerationenhaus Dieburg e. V. und noch mehr Text',
])
def test_an_organisations_name_never_changes_the_recipient(name):
    message = compose("kontakt@traeger.example", "Runde", "Hallo", sender="cockpit@example.org", to_name=name)
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    [address] = parsed["To"].addresses
    assert address.addr_spec == "kontakt@traeger.example"
    assert not set(address.display_name) & set('<>"')
