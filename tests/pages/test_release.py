"""AppTest of the page Freigabe: an editor's report waits, the public does not see it, the admin
releases it, the public sees it."""

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM, add_status_report
from models.db import make_engine
from models.schema import Measure, Organisation, Plan, StatusReport
from tests.pages.conftest import app, metrics
from tests.signed_in import sign_in

PAGE = "pages/freigabe.py"


def _actor(url, role, name, organisation=None):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        organisation_id = session.scalar(select(Organisation.id).where(Organisation.short_name == organisation))
        user = create_user(session, SYSTEM, name=name, email=f"{role}@kreis.example", role=role,
                           organisation_id=organisation_id)
        actor = actor_of(user)
    engine.dispose()
    return actor


def _require_release(url):
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(update(Plan).values(release_required=True))
    engine.dispose()


def _report(url, actor, code, status="abgeschlossen", progress=100, summary="Kurs beendet"):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == code)).one()
        report = add_status_report(session, actor, measure.id, measure.version, report_date=dt.date.today(),
                                   status=status, progress=progress, summary=summary)
        report_id, released = report.id, report.released
    engine.dispose()
    return report_id, released


def _run(actor=None, page=None):
    at = app()
    if actor is not None:
        sign_in(at, actor)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    return at


def _green(at) -> str:
    return metrics(at)["Grün – im Plan"]


def test_release_flow_editor_report_waits_then_becomes_public(mini_app_url):
    _require_release(mini_app_url)
    editor = _actor(mini_app_url, "editor", "Frau Lehmann", "VHS")
    admin = _actor(mini_app_url, "admin", "Büro Migration")
    viewer = _actor(mini_app_url, "viewer", "Herr Beirat")
    report_id, released = _report(mini_app_url, editor, "M1")
    assert released is False

    # today all mini measures have ended: M4 completed (green), M1 completing makes a second green one
    assert _green(_run()) == "1 (17\xa0%)"  # anonymous: the report waits
    assert _green(_run(viewer)) == "2 (33\xa0%)"  # signed in: seen at once

    at = _run(admin, PAGE)
    assert at.title[0].value == "Freigabe"
    assert at.markdown[1].value == "**1 Sachstand wartet auf Freigabe.**"
    row = at.dataframe[0].value.iloc[0]
    assert (row["Maßnahme"], row["Status"], row["Fortschritt"], row["Sachstand"], row["Gemeldet von"]) == (
        "M1 · Sprachkurs A", "abgeschlossen", "100\xa0%", "Kurs beendet", "Frau Lehmann")
    assert row["Datum"] == f"{dt.date.today():%d.%m.%Y}"
    assert at.button(key="release_selected").disabled
    at.multiselect(key="release_selection").select(report_id).run()
    at.button(key="release_selected").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("1 Sachstand freigegeben")
    assert any("Es warten keine Sachstände auf Freigabe" in box.value for box in at.success)

    assert _green(_run()) == "2 (33\xa0%)"  # anonymous: now public
    at.switch_page("pages/aenderungsprotokoll.py").run()
    newest = at.dataframe[0].value.iloc[0]
    assert (newest["Aktion"], newest["Objekt"]) == ("freigegeben", "Sachstand")
    assert newest["Änderungen (alt → neu)"] == "Freigegeben: nein → ja; Sachstände: 1; Maßnahmen: M1"


def test_release_all_at_once(mini_app_url):
    _require_release(mini_app_url)
    vhs = _actor(mini_app_url, "editor", "Frau Lehmann", "VHS")
    _report(mini_app_url, vhs, "M1")
    _report(mini_app_url, vhs, "M2", "in Umsetzung", 70, "Fast fertig")
    at = _run(_actor(mini_app_url, "admin", "Büro Migration"), PAGE)
    assert at.markdown[1].value == "**2 Sachstände warten auf Freigabe.**"
    assert at.dataframe[0].value["Maßnahme"].tolist() == ["M1 · Sprachkurs A", "M2 · Sprachkurs B"]
    at.button(key="release_all").click().run()
    assert at.success[0].value.startswith("2 Sachstände freigegeben")
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        assert session.scalars(select(StatusReport).where(StatusReport.released.is_(False))).all() == []
    engine.dispose()


def test_admin_reports_need_no_release(mini_app_url):
    _require_release(mini_app_url)
    admin = _actor(mini_app_url, "admin", "Büro Migration")
    assert _report(mini_app_url, admin, "M1")[1] is True
    at = _run(admin, PAGE)
    assert "Es warten keine Sachstände auf Freigabe." in at.success[0].value


def test_empty_state_and_a_note_when_release_is_off(mini_app_url):
    at = _run(_actor(mini_app_url, "admin", "Büro Migration"), PAGE)
    assert at.info[-1].value.startswith("Für diesen Plan ist die Freigabe ausgeschaltet")
    assert at.success[0].value.startswith("Es warten keine Sachstände auf Freigabe.")
    assert not at.multiselect and not at.button


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_viewers_and_editors_have_no_release_page(mini_app_url, role):
    at = _run(_actor(mini_app_url, role, "Jemand", "VHS"))
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
