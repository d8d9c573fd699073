"""`python -m cli reminders send`: the round's mails through a real SMTP server, --dry-run, a second run that
sends nothing, and German refusals."""

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from models.db import make_engine
from models.commands.accounts import create_user
from models.commands.rounds import open_round
from models.actors import SYSTEM
from models.schema import Organisation
from sqlalchemy import select
from tests.cli.test_main import cli
from tests.smtp import smtp_server

URL_ENV = {"MPC_PUBLIC_URL": "https://cockpit.kreis.example"}
OPENED = dt.date(2027, 1, 15)


@pytest.fixture
def round_url(example_copy_url) -> str:
    """The example plan with a round opened for its Fachbeirat meeting of 17.03.2027 and an editor at the VHS."""
    url = example_copy_url
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        vhs = session.scalar(select(Organisation.id).where(Organisation.name == "Volkshochschule Darmstadt-Dieburg"))
        create_user(session, SYSTEM, name="Vera VHS", email="vera@vhs.example", role="editor", organisation_id=vhs)
        create_user(session, SYSTEM, name="Büro", email="buero@kreis.example", role="admin")
        open_round(session, SYSTEM, 1, dt.date(2027, 3, 17), dt.date(2026, 9, 24), OPENED)
    engine.dispose()
    return url


def test_dry_run_lists_the_mails_and_sends_nothing_then_the_run_sends_them_once(round_url):
    with smtp_server() as (inbox, environ):
        dry = cli("reminders", "send", "--dry-run", "--today", "2027-01-15", url=round_url, **URL_ENV, **environ)
        assert dry.returncode == 0, dry.stderr
        assert "Würde senden" in dry.stdout and "vera@vhs.example" in dry.stdout and inbox.messages == []
        sent = cli("reminders", "send", "--today", "2027-01-15", url=round_url, **URL_ENV, **environ)
        assert sent.returncode == 0, sent.stderr
        assert "Gesendet" in sent.stdout
        recipients = {recipient for recipients, _ in inbox.messages for recipient in recipients}
        assert {"vera@vhs.example", "buero@kreis.example"} <= recipients
        again = cli("reminders", "send", "--today", "2027-01-15", url=round_url, **URL_ENV, **environ)
        assert again.returncode == 0 and "Heute ist keine E-Mail fällig." in again.stdout


@pytest.mark.parametrize("env, arguments, message", [
    ({}, [], "öffentliche Adresse des Cockpits"),
    (URL_ENV, [], "kein Mailserver eingerichtet"),
    ({**URL_ENV, "MPC_SMTP_HOST": "127.0.0.1"}, [], "MPC_MAIL_FROM"),
    (URL_ENV, ["--dry-run", "--today", "gestern"], "--today braucht ein Datum"),
])
def test_bad_settings_are_refused_in_german(round_url, env, arguments, message):
    result = cli("reminders", "send", *arguments, url=round_url, **{"MPC_SMTP_HOST": "", "MPC_PUBLIC_URL": "", **env})
    assert result.returncode == 2 and message in result.stderr
