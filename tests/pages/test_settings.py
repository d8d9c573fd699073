"""AppTest of the page Einstellungen: an admin changes a plan's settings; conflicts keep the input."""

import pytest
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.queries import change_counter
from models.settings import plan_settings
from models.commands.settings import update_plan_settings
from tests.pages.conftest import app
from tests.signed_in import sign_in

PAGE = "pages/einstellungen.py"


def _actor(url, role="admin", name="Büro Migration"):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        user = create_user(session, SYSTEM, name=name, email=f"{role}@kreis.example", role=role)
        actor = actor_of(user)
    engine.dispose()
    return actor


def _open(actor, page=PAGE):
    at = app()
    if actor is not None:
        sign_in(at, actor)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def _stored(url):
    engine = make_engine(url)
    try:
        return plan_settings(engine, 1)
    finally:
        engine.dispose()


def test_the_form_shows_the_stored_settings(mini_app_url):
    at = _open(_actor(mini_app_url))
    assert at.title[0].value == "Einstellungen"
    assert [(toggle.label, toggle.value) for toggle in at.toggle] == [
        ("Öffentliche Ansicht an", True), ("Sachstände müssen freigegeben werden", False)]
    assert [(number.label, number.value) for number in at.number_input] == [
        ("Schwelle für kleine Fallzahlen (Personen)", 5), ("Toleranz der Ampel (Prozentpunkte)", 15),
        ("Veraltet nach (Tagen)", 180), ("Schwelle für Rot einer Ebene (Prozent)", 20),
        ("Schwelle für Gelb einer Ebene (Prozent)", 20), ("Frist der Berichtsrunde: Tage vor der Sitzung", 14),
        ("Erinnerung: Tage vor der Frist", 7)]


def test_rule_level_light_thresholds_are_tuned_on_the_settings_page(mini_app_url):
    at = _open(_actor(mini_app_url))
    at.number_input(key="settings_red_share").set_value(40)
    at.number_input(key="settings_yellow_share").set_value(60)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.success[0].value == (
        "Gespeichert: Schwelle für Rot einer Ebene (Prozent): 20 → 40; "
        "Schwelle für Gelb einer Ebene (Prozent): 20 → 60")


def test_admin_changes_a_setting_and_the_audit_log_shows_old_and_new(mini_app_url):
    at = _open(_actor(mini_app_url))
    at.number_input(key="settings_green_tolerance").set_value(20)
    at.toggle(key="settings_release_required").set_value(True)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.success[0].value == (
        "Gespeichert: Freigabe erforderlich: nein → ja; Toleranz der Ampel (Prozentpunkte): 15 → 20")
    assert at.number_input(key="settings_green_tolerance").value == 20
    stored = _stored(mini_app_url)
    assert (stored["green_tolerance"], stored["release_required"]) == (20, True)

    at.switch_page("pages/aenderungsprotokoll.py").run()
    newest = at.dataframe[0].value.iloc[0]
    assert (newest["Person"], newest["Aktion"], newest["Objekt"]) == ("Büro Migration", "geändert", "Plan")
    assert newest["Änderungen (alt → neu)"] == (
        "Freigabe erforderlich: nein → ja; Toleranz der Ampel (Prozentpunkte): 15 → 20")


def test_saving_unchanged_values_says_so_and_writes_nothing(mini_app_url):
    at = _open(_actor(mini_app_url))
    counter = _stored(mini_app_url)["change_counter"]
    at.button[0].click().run()
    assert at.info[-1].value.startswith("Es gab nichts zu ändern")
    assert _stored(mini_app_url)["change_counter"] == counter


def test_public_view_off_leaves_anonymous_visitors_only_the_sign_in(mini_app_url):
    at = _open(_actor(mini_app_url))
    at.toggle(key="settings_public_view").set_value(False)
    at.button[0].click().run()
    assert "Öffentliche Ansicht: ja → nein" in at.success[0].value

    visitor = app().run()
    assert not visitor.exception
    assert visitor.title[0].value == "Anmelden"
    # only the sign-in (the default page, and its hidden alias at /anmelden), the accessibility statement and the
    # set-password and partner links' pages
    with pytest.raises(ValueError,
                       match=r"Known pages: \[(?:'[^']*(?:anmelden|barrierefreiheit|passwort-setzen|partner-bericht)\.py'(?:, )?)+\]"):
        visitor.switch_page("pages/uebersicht.py")


def test_a_conflict_keeps_what_was_typed_and_the_second_save_applies_it(mini_app_url):
    at = _open(_actor(mini_app_url))
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():  # another admin saves first
        update_plan_settings(session, SYSTEM, 1, change_counter(engine, 1), green_tolerance=25)
    at.number_input(key="settings_green_tolerance").set_value(30)
    at.number_input(key="settings_confidentiality_threshold").set_value(7)
    at.button[0].click().run()
    assert "inzwischen von jemand anderem geändert" in at.error[0].value
    assert "Toleranz der Ampel (Prozentpunkte): 25" in at.info[-1].value
    assert at.number_input(key="settings_green_tolerance").value == 30
    assert at.number_input(key="settings_confidentiality_threshold").value == 7
    assert _stored(mini_app_url)["green_tolerance"] == 25

    at.button[0].click().run()
    assert not at.error
    assert at.success[0].value == ("Gespeichert: Schwelle für kleine Fallzahlen: 5 → 7; "
                                   "Toleranz der Ampel (Prozentpunkte): 25 → 30")
    assert (_stored(mini_app_url)["green_tolerance"], _stored(mini_app_url)["confidentiality_threshold"]) == (30, 7)
    engine.dispose()


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_viewers_and_editors_have_no_settings_page(mini_app_url, role):
    at = app()
    sign_in(at, _actor(mini_app_url, role, "Jemand"))
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_an_admin_chooses_the_licence_of_the_open_data(mini_app_url):
    at = _open(_actor(mini_app_url))
    box = at.selectbox(key="settings_licence")
    assert (box.label, box.value) == ("Lizenz der offenen Daten", "dl-de/by-2-0")
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in box.options
    box.set_value("cc-by-4.0")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert _stored(mini_app_url)["licence"] == "cc-by-4.0"
    assert "Lizenz der offenen Daten: dl-de/by-2-0 → cc-by-4.0" in at.success[0].value


def test_an_admin_gives_the_plan_area_and_a_wrong_key_is_refused_in_german(mini_app_url):
    at = _open(_actor(mini_app_url))
    at.text_input(key="settings_district_key").set_value("0643")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert any("Gemeindeschlüssel mit 2, 3, 5 oder 8 Ziffern" in error.value for error in at.error)
    assert at.text_input(key="settings_district_key").value == "0643"  # what was typed stays
    assert _stored(mini_app_url)["district_key"] == ""
    at.text_input(key="settings_district_key").set_value(" 06432 ")
    at.form_submit_button[0].click().run()
    assert _stored(mini_app_url)["district_key"] == "06432"
    assert "Gemeindeschlüssel (AGS): – → 06432" in at.success[0].value
