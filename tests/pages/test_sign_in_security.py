"""AppTest of the sign-in breaks B2 and B15 of the security review: an open tab loses its rights at its next
run and write when the account is demoted, deactivated or re-assigned; sessions end when idle; an editor's
report date is bounded; an admin dates further back only with a reason."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.commands.accounts import update_user
from models.schema import Measure, Organisation, Plan, SignInSession, StatusReport, User
from tests.pages.conftest import app

PASSWORD = "Vera-Passwort-2026"
REPORT = "pages/sachstand-melden.py"


def _engine(url):
    return make_engine(url)


def _account(url, role="editor", short_name="VHS", email="vera@vhs.example") -> int:
    engine = _engine(url)
    with Session(engine) as session, session.begin():
        organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))
        user_id = create_user(session, SYSTEM, name="Vera Beispiel", email=email, role=role, password=PASSWORD,
                              organisation_id=organisation if role == "editor" else None).id
    engine.dispose()
    return user_id


def _signed_in(email="vera@vhs.example"):
    at = app().run()
    at.switch_page("pages/anmelden.py").run()
    at.text_input[0].input(email)
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and not at.error
    return at.run()  # the browser follows the hand-over redirect to a fresh page; AppTest runs the app again


def _change(url, user_id, **changes):
    engine = _engine(url)
    with Session(engine) as session, session.begin():
        user = session.get(User, user_id)
        values = dict(name=user.name, role=user.role, organisation_id=user.organisation_id, active=user.active)
        values.update(changes)
        plan = session.scalar(select(Plan).limit(1))
        update_user(session, SYSTEM, plan.id, user_id, expected_counter=plan.change_counter, **values)
    engine.dispose()


def _reports(url) -> int:
    engine = _engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(StatusReport))
    engine.dispose()
    return count


@pytest.mark.parametrize("change", [{"role": "viewer", "organisation_id": None}, {"active": False}])
def test_b2_demoted_or_deactivated_editor_loses_the_report_page_at_the_next_run(mini_app_url, change):
    user_id = _account(mini_app_url)
    at = _signed_in()
    at.switch_page(REPORT).run()
    assert not at.exception
    _change(mini_app_url, user_id, **change)
    at.run()
    assert "actor" not in at.session_state
    assert any("Rechte Ihres Kontos wurden geändert" in w.value or "deaktiviert" in w.value for w in at.warning)
    with pytest.raises(ValueError):
        at.switch_page(REPORT)


def test_b2_save_in_an_open_form_after_demotion_is_refused_and_the_text_is_kept(mini_app_url):
    user_id = _account(mini_app_url)
    at = _form_with_summary("Der zweite Kurs hat begonnen.")
    _change(mini_app_url, user_id, role="viewer", organisation_id=None)
    before = _reports(mini_app_url)
    at.button(key="report_submit_M2").click().run()
    assert not at.exception
    assert _reports(mini_app_url) == before
    assert "Rechte haben sich geändert" in at.session_state["report_errors_M2"]["_form"]
    # the page is gone with the rights; what was typed is shown to copy
    assert any("Rechte Ihres Kontos wurden geändert" in w.value for w in at.warning)
    assert "Der zweite Kurs hat begonnen." in [code.value for code in at.code]


def _form_with_summary(summary: str):
    """The signed-in editor's report form on M2 with a Sachstand typed, not yet saved."""
    at = _signed_in()
    at.query_params["massnahme"] = "M2"
    at.switch_page(REPORT).run()
    at.text_area(key="report_summary_M2").input(summary)
    return at


def _idle_for_61_minutes(url):
    engine = _engine(url)
    with Session(engine) as session, session.begin():
        record = session.scalars(select(SignInSession)).one()
        record.last_seen_at -= dt.timedelta(minutes=61)
    engine.dispose()


def test_b2_idle_session_ends_with_a_german_notice(mini_app_url):
    _account(mini_app_url)
    at = _signed_in()
    _idle_for_61_minutes(mini_app_url)
    at.run()
    assert "actor" not in at.session_state
    assert any("länger nicht aktiv" in w.value for w in at.warning)


def test_b2_save_after_the_idle_time_is_refused_and_the_text_is_kept(mini_app_url):
    _account(mini_app_url)
    at = _form_with_summary("Kurs läuft.")
    _idle_for_61_minutes(mini_app_url)
    before = _reports(mini_app_url)
    at.button(key="report_submit_M2").click().run()
    assert not at.exception
    assert _reports(mini_app_url) == before
    assert "Anmeldung ist abgelaufen" in at.session_state["report_errors_M2"]["_form"]
    assert any("länger nicht aktiv" in w.value for w in at.warning)
    assert [code.value for code in at.code] == ["Kurs läuft."]


def test_b2_sign_out_ends_the_server_side_session(mini_app_url):
    _account(mini_app_url)
    at = _signed_in()
    at.switch_page("pages/konto.py").run()
    at.button[0].click().run()
    engine = _engine(mini_app_url)
    with Session(engine) as session:
        assert session.scalars(select(SignInSession.end_reason)).all() == ["signed_out"]
    engine.dispose()
    assert "actor" not in at.session_state


def test_b15_editor_report_date_cannot_go_back_beyond_30_days(mini_app_url):
    _account(mini_app_url)
    at = _signed_in()
    at.query_params["massnahme"] = "M2"
    at.switch_page(REPORT).run()
    field = at.date_input(key="report_report_date_M2")
    assert field.proto.min == (dt.date.today() - dt.timedelta(days=30)).isoformat()
    assert "report_backdate_reason_M2" not in [widget.key for widget in at.text_input]


def test_b15_admin_gets_a_reason_field_and_an_old_date_needs_it(mini_app_url):
    _account(mini_app_url, role="admin", short_name=None, email="buero@kreis.example")
    at = _signed_in("buero@kreis.example")
    at.query_params["massnahme"] = "M2"
    at.switch_page(REPORT).run()
    at.date_input(key="report_report_date_M2").set_value(dt.date.today() - dt.timedelta(days=90))
    at.text_area(key="report_summary_M2").input("Nachtrag")
    at.button(key="report_submit_M2").click().run()
    assert "backdate_reason" in at.session_state["report_errors_M2"]
    at.text_input(key="report_backdate_reason_M2").input("Nachtrag aus der Sitzung vom Frühjahr")
    at.button(key="report_submit_M2").click().run()
    assert not at.exception and "report_errors_M2" not in at.session_state
    engine = _engine(mini_app_url)
    with Session(engine) as session:
        newest = session.scalars(select(StatusReport).join(Measure).where(Measure.code == "M2")
                                 .order_by(StatusReport.id.desc())).first()
        assert newest.report_date == dt.date.today() - dt.timedelta(days=90)
    engine.dispose()
