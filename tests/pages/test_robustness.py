"""Forged widget values, unexpected errors and configuration errors: German messages, no secrets, and
the session keeps working (security review B8, B14)."""

import datetime as dt
import logging

from sqlalchemy.orm import Session
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1.element_tree import Selectbox

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor
from models.db import make_engine
from tests.pages.conftest import app, open_page, rendered
from tests.signed_in import sign_in


class _ForgedSelectbox(Selectbox):
    """Sends what a forged websocket message sends: any string as the selectbox's value."""

    forged = "Unsinn"

    @property
    def _widget_state(self) -> WidgetState:
        return WidgetState(id=self.id, string_value=self.forged)


def _forge(box: Selectbox, value: str) -> None:
    box.__class__ = _ForgedSelectbox
    box.forged = value


def _warnings(at) -> str:
    return "\n".join(rendered(warning.value) for warning in at.warning)


def test_b14a_forged_stand_option_gives_a_german_message_and_the_session_keeps_working(mini_app_url):
    at = app().run()
    _forge(at.selectbox(key="as_of_pick"), "Unsinn")
    at.run()
    assert not at.exception
    assert "Die Auswahl für „Stand“ war ungültig und wurde zurückgesetzt." in _warnings(at)
    assert at.session_state["as_of"] == dt.date.today()
    at.run()  # and the next run of the session works as before
    assert not at.exception and at.selectbox(key="as_of_pick").value == dt.date.today()


def test_b14a_forged_plan_and_language_options_keep_the_session_working(mini_app_url):
    at = app().run()
    _forge(at.selectbox(key="plan_slug"), "Unsinn")
    _forge(at.selectbox(key="language"), "xx")
    at.run()
    assert not at.exception and not at.error
    assert at.session_state["language"] == "de" and at.session_state["plan_slug"] != "Unsinn"


def _admin(url) -> Actor:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name="Anna Admin", email="anna@kreis.example", role="admin"))
    engine.dispose()
    return actor


def test_b14a_forged_meeting_of_the_reporting_round_keeps_the_date(mini_app_url):
    at = app()
    sign_in(at, _admin(mini_app_url))
    at.run()
    at.switch_page("pages/berichtsrunde.py").run()
    until = at.session_state["round_until"]
    _forge(at.selectbox(key="round_pick"), "Unsinn")
    at.run()
    assert not at.exception and at.session_state["round_until"] == until
    assert "Die Auswahl für „Sitzung“ war ungültig" in _warnings(at)


def test_b14b_unexpected_error_is_german_without_details_and_logged(mini_app_url, monkeypatch, caplog):
    import ui.shell.navigation

    def broken(*_args, **_kwargs):
        raise RuntimeError("interner Zustand /srv/geheim")

    monkeypatch.setattr(ui.shell.navigation, "build", broken)
    with caplog.at_level(logging.ERROR):
        at = app().run()
    assert not at.exception
    assert [error.value for error in at.error] == [
        "Hier ist leider ein Fehler aufgetreten. Bitte laden Sie die Seite neu; wenn der Fehler bleibt, "
        "wenden Sie sich bitte an die Administration."]
    assert "RuntimeError: interner Zustand /srv/geheim" in caplog.text


def test_b14b_stop_and_page_switches_pass_through(mini_app_url):
    at = open_page("pages/massnahmen.py")
    assert not at.error


def test_b8_visitors_see_no_password_of_a_broken_database_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg//cockpit:GeheimesPasswort123@127.0.0.1:5432/masterplan")
    at = app().run()
    assert not at.exception
    shown = " ".join(rendered(error.value) for error in at.error)
    assert "DATABASE_URL" in shown and "GeheimesPasswort123" not in shown and "cockpit" not in shown
