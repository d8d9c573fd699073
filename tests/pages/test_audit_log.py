"""AppTest of the page Änderungsprotokoll: events in words, filters from widgets and the URL, hints."""

import datetime as dt

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.audit import local_today
from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM, add_status_report
from models.db import make_engine
from models.queries import change_counter
from models.schema import AuditEvent, Measure
from models.commands.settings import update_plan_settings
from tests.pages.conftest import app, query_param, rendered
from tests.signed_in import sign_in

PAGE = "pages/aenderungsprotokoll.py"
CHANGES = "Änderungen (alt → neu)"


def _admin(url, name="Jürgen Groß"):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name=name, email="admin@kreis.example", role="admin"))
    engine.dispose()
    return actor


def _activity(url, admin):
    """A report on M1 and a settings change, both by the admin."""
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        add_status_report(session, admin, measure.id, measure.version, report_date=dt.date.today(),
                          status="in Umsetzung", progress=60, summary="Weiter")
    with Session(engine) as session, session.begin():
        update_plan_settings(session, admin, 1, change_counter(engine, 1), stale_after_days=90)
    engine.dispose()


def _open(admin, **params):
    at = app()
    sign_in(at, admin)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _table(at):
    return at.dataframe[0].value


def test_the_trail_newest_first_in_words(mini_app_url):
    admin = _admin(mini_app_url)
    _activity(mini_app_url, admin)
    at = _open(admin)
    assert at.title[0].value == "Änderungsprotokoll"
    assert at.markdown[1].value == "**4 Einträge**"
    table = _table(at)
    assert table["Objekt"].tolist() == ["Plan", "Sachstand · M1", "Konto · admin@kreis.example", "Plan"]
    assert table["Aktion"].tolist() == ["geändert", "angelegt", "angelegt", "importiert"]
    assert table["Person"].tolist() == ["Jürgen Groß", "Jürgen Groß", "System", "System"]
    assert table[CHANGES].iloc[0] == "Veraltet nach (Tagen): 180 → 90"
    assert "Fortschritt: 50\xa0% → 60\xa0%" in table[CHANGES].iloc[1]
    assert "Status: in Umsetzung (unverändert)" in table[CHANGES].iloc[1]
    assert "Maßnahme" not in table[CHANGES].iloc[1]  # named in the object column
    assert table[CHANGES].iloc[2] == "E-Mail: – → admin@kreis.example; Rolle: – → Verwaltung"
    assert table[CHANGES].iloc[3] == "Quelle: Beispieldaten; Sachstände: 7; Maßnahmen: 6"
    assert table["Zeitpunkt"].iloc[0].date() == local_today()  # local time, shown as 31.12.2024, 14:05


def test_filters_narrow_the_list_and_go_into_the_url(mini_app_url):
    admin = _admin(mini_app_url)
    _activity(mini_app_url, admin)
    at = _open(admin)
    at.selectbox(key="audit_object").select("status_report").run()
    assert _table(at)["Objekt"].tolist() == ["Sachstand · M1"]
    assert query_param(at, "objekt") == "status_report"
    at.selectbox(key="audit_object").select("").run()
    at.selectbox(key="audit_person").select("system").run()
    assert _table(at)["Person"].tolist() == ["System", "System"]
    assert query_param(at, "person") == "system"
    at.selectbox(key="audit_action").select("import").run()
    assert _table(at)["Aktion"].tolist() == ["importiert"]
    assert at.markdown[1].value == "**1 Eintrag**"


def test_filters_from_a_link(mini_app_url):
    admin = _admin(mini_app_url)
    _activity(mini_app_url, admin)
    at = _open(admin, person="juergen-gross", objekt="plan")
    assert _table(at)[CHANGES].tolist() == ["Veraltet nach (Tagen): 180 → 90"]
    today = local_today()
    at = _open(admin, von=f"{today:%d.%m.%Y}", bis=today.isoformat(), aktion="create")
    assert len(_table(at)) == 2
    assert at.date_input(key="audit_since").value == today
    yesterday = today - dt.timedelta(days=1)
    at = _open(admin, bis=yesterday.isoformat())
    assert at.info[-1].value == "Keine Einträge passen zu diesen Filtern."
    assert not at.dataframe


def test_reversed_dates_are_swapped_with_a_note(mini_app_url):
    admin = _admin(mini_app_url)
    today = local_today()
    at = _open(admin, von=today.isoformat(), bis="2024-01-01")
    assert any("liegt nach dem Bis-Datum" in warning.value for warning in at.warning)
    assert at.markdown[1].value == "**2 Einträge**"


@pytest.mark.parametrize(
    "params, hint",
    [
        ({"objekt": "quatsch"}, "„quatsch“ ist für „Objekt“ nicht bekannt"),
        ({"aktion": "<script>"}, "„<script>“ ist für „Aktion“ nicht bekannt"),
        ({"person": "niemand"}, "„niemand“ ist für „Person“ nicht bekannt"),
        ({"von": "31.02.2024"}, "„31.02.2024“ ist kein gültiges Datum für „Von (Datum)“"),
        ({"bis": "2099-01-01"}, "Das Datum 01.01.2099 für „Bis (Datum)“ liegt in der Zukunft."),
    ],
)
def test_bad_url_parameters_give_hints_and_the_full_list(mini_app_url, params, hint):
    at = _open(_admin(mini_app_url), **params)
    assert any(hint in rendered(warning.value) for warning in at.warning), [w.value for w in at.warning]
    assert at.markdown[1].value == "**2 Einträge**"


def test_a_long_trail_shows_the_newest_500(mini_app_url):
    admin = _admin(mini_app_url)
    engine = make_engine(mini_app_url)
    with engine.begin() as connection:
        connection.execute(insert(AuditEvent), [
            dict(plan_id=1, at=dt.datetime(2024, 1, 1) + dt.timedelta(minutes=n), actor_name="Import",
                 action="update", object_type="measure", changes={"progress": [n, n + 1]})
            for n in range(520)
        ])
    engine.dispose()
    at = _open(admin)
    assert at.markdown[1].value.startswith("**Gezeigt werden die neuesten 500 von 522 Einträgen.")
    assert len(_table(at)) == 500


def test_viewer_has_no_audit_log(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        viewer = actor_of(create_user(session, SYSTEM, name="Gast", email="gast@kreis.example", role="viewer"))
    engine.dispose()
    at = app()
    sign_in(at, viewer)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
