"""AppTest of Mein Konto: a project lead turns the reporting rounds' e-mails off and on again (the opt-out every
reminder names)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands import SYSTEM
from models.commands.accounts import create_user
from models.db import make_engine
from models.schema import Organisation, User
from tests.pages.conftest import app
from tests.signed_in import sign_in


def _editor(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        actor = actor_of(create_user(session, SYSTEM, name="Vera", email="vera@vhs.example", role="editor",
                                     organisation_id=vhs))
    engine.dispose()
    return actor


def _off(url) -> bool:
    engine = make_engine(url)
    with Session(engine) as session:
        value = session.scalar(select(User.reminders_off).where(User.email == "vera@vhs.example"))
    engine.dispose()
    return value


def test_a_project_lead_turns_the_round_mails_off_and_on(mini_app_url):
    at = app()
    sign_in(at, _editor(mini_app_url))
    at.run()
    at.switch_page("pages/konto.py").run()
    toggle = at.toggle(key="account_reminders")
    assert toggle.value is True and not _off(mini_app_url)
    toggle.set_value(False).run()
    assert _off(mini_app_url) and "keine E-Mails der Berichtsrunden mehr" in at.success[0].value.replace("\\", "")
    at.toggle(key="account_reminders").set_value(True).run()
    assert not _off(mini_app_url)


def test_viewers_have_no_such_choice(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name="Lea", email="lea@kreis.example", role="viewer"))
    engine.dispose()
    at = app()
    sign_in(at, actor)
    at.run()
    at.switch_page("pages/konto.py").run()
    assert not at.exception and not any(toggle.key == "account_reminders" for toggle in at.toggle)
