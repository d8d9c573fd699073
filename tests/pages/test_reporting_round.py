"""AppTest of the Berichtsrunde (admins): who owes a report before a meeting, the reminder per
organisation and its mailto: link, the meeting and the window bound to the URL."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import reporting
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor, add_status_report
from models.db import make_engine
from models.schema import Measure, Organisation
from tests.pages.conftest import app, metrics, query_param
from tests.signed_in import sign_in

PAGE = "pages/berichtsrunde.py"
SECOND = dt.date(2024, 9, 15)


def today() -> dt.date:
    """Read at each use: a run across midnight must not compare with yesterday."""
    return dt.date.today()


def _account(url, role, short_name=None, name="Büro Migration", email="buero@kreis.example") -> Actor:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))
        user = create_user(session, SYSTEM, name=name, email=email, role=role, organisation_id=organisation)
        actor = Actor(name=user.name, role=role, user_id=user.id, organisation_id=organisation)
    engine.dispose()
    return actor


def _open(url, **params):
    at = app()
    for name, value in params.items():
        at.query_params[name] = value
    sign_in(at, _account(url, "admin"))
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _headings(at) -> list[str]:
    return [md.value for md in at.markdown if md.value.startswith("#### ")]


def _codes(at) -> list[list[str]]:
    return [frame.value["Nr."].tolist() for frame in at.dataframe]


def test_without_a_coming_meeting_the_round_runs_to_today_since_the_last_meeting(mini_app_url):
    at = _open(mini_app_url)
    assert at.selectbox(key="round_pick").value == "other"
    assert at.date_input(key="round_other").value == today()
    assert at.date_input(key="round_since").value == SECOND
    # since 15.09.2024 nobody reported: M1, M2 (VHS), M5 and M6 (JC, M6 started 2025) owe a report
    assert metrics(at) == {"Offene Sachstände": "4", "Organisationen": "2", "davon veraltet": "4"}
    assert _headings(at) == ["#### Jobcenter Testkreis \\(2 Maßnahmen\\)",
                             "#### Volkshochschule Testkreis \\(2 Maßnahmen\\)"]
    assert _codes(at) == [["M5", "M6"], ["M1", "M2"]]
    assert at.dataframe[0].value["Hinweis"].tolist() == ["veraltet", "veraltet"]
    assert query_param(at, "sitzung") is None


def test_before_the_second_meeting_only_m5_is_owed_with_its_reminder(mini_app_url):
    at = _open(mini_app_url, sitzung="2024-09-15")
    assert at.selectbox(key="round_pick").value == SECOND
    assert at.date_input(key="round_since").value == dt.date(2024, 3, 15)
    assert metrics(at)["Offene Sachstände"] == "1"
    assert _headings(at) == ["#### Jobcenter Testkreis \\(1 Maßnahme\\)"]
    assert at.dataframe[0].value.iloc[0].tolist() == ["M5", "Nachholkurse", "veraltet", "in Umsetzung", "60\xa0%",
                                                      "01.06.2023", "Rot – kritisch"]
    subject, body = (code.value for code in at.code)
    assert subject == "Betreff: Testplan Mini: Bitte melden Sie den Sachstand für die Sitzung am 15.09.2024"
    assert body == reporting.reminder_text(
        "Jobcenter Testkreis", [("M5", "Nachholkurse", dt.date(2023, 6, 1))], plan_name="Testplan Mini",
        meeting=SECOND, since=dt.date(2024, 3, 15), reply_by=reporting.reply_by(SECOND, today()),
        body="Fachbeirat Test")
    assert "für die Sitzung „Fachbeirat Test“ am 15.09.2024" in body
    assert "- M5 – Nachholkurse (letzter Sachstand vom 01.06.2023)" in body
    assert "Für diese Organisation ist kein Konto mit E-Mail-Adresse hinterlegt" in at.caption[-1].value
    assert not at.get("link_button")


def test_mailto_link_to_the_organisations_accounts(mini_app_url):
    _account(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example")
    _account(mini_app_url, "viewer", "JC", name="Gustav Gast", email="gast@jc.example")
    at = _open(mini_app_url, sitzung="2024-09-15")
    button = at.get("link_button")[0].proto
    assert button.label == "E-Mail schreiben (1 Empfänger)"
    subject = reporting.reminder_subject("Testplan Mini", SECOND)
    body = at.code[1].value
    assert button.url == reporting.mailto_link(["jana@jc.example"], subject, body)
    assert button.url.startswith("mailto:jana@jc.example?subject=Testplan%20Mini%3A%20Bitte%20melden")
    assert at.caption[-1].value == "An: Jana Beispiel \\<jana\\@jc\\.example\\>"


def test_choosing_a_meeting_changes_the_list_and_the_url(mini_app_url):
    at = _open(mini_app_url)
    at.selectbox(key="round_pick").select(SECOND).run()
    assert metrics(at)["Offene Sachstände"] == "1"
    assert query_param(at, "sitzung") == "2024-09-15"
    assert at.date_input(key="round_since").value == dt.date(2024, 3, 15)


def test_a_later_start_of_the_window_from_the_url(mini_app_url):
    at = _open(mini_app_url, sitzung="2024-09-15", seit="2024-07-01")
    assert at.date_input(key="round_since").value == dt.date(2024, 7, 1)
    assert _codes(at) == [["M5"], ["M1", "M2"]]
    assert query_param(at, "seit") == "2024-07-01"


def test_another_cut_off_date_from_the_url(mini_app_url):
    at = _open(mini_app_url, sitzung="2025-03-15")
    assert at.selectbox(key="round_pick").value == "other"
    assert at.date_input(key="round_other").value == dt.date(2025, 3, 15)
    # M6 started on 01.01.2025 and is not stale yet on 15.03.2025
    assert _codes(at) == [["M5", "M6"], ["M1", "M2"]]
    assert metrics(at)["davon veraltet"] == "3"


def test_when_everyone_has_reported_no_reminder_is_needed(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M5")).one()
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date(2024, 8, 1),
                          status="in Umsetzung", progress=70, summary="Nachgereicht",
                          backdate_reason="Nachtrag für die Berichtsrunde")
    engine.dispose()
    at = _open(mini_app_url, sitzung="2024-09-15")
    assert at.success[0].value == ("Alle laufenden Maßnahmen haben seit dem 15.03.2024 einen Sachstand gemeldet. "
                                   "Es ist keine Erinnerung nötig.")
    assert not at.dataframe and not at.code


def test_a_bad_meeting_date_in_the_url_gets_a_hint(mini_app_url):
    at = _open(mini_app_url, sitzung="morgen")
    assert any("„morgen“ ist kein gültiges Datum für „Stichtag“" in warning.value for warning in at.warning)
    assert metrics(at)["Offene Sachstände"] == "4"


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_only_admins_reach_the_round(mini_app_url, role):
    at = app()
    sign_in(at, _account(mini_app_url, role, "VHS", name="Vera", email="vera@vhs.example"))
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(PAGE)


def test_page_and_reminder_in_english(mini_app_url):
    at = _open(mini_app_url, sitzung="2024-09-15", lang="en")
    assert at.title[0].value == "Reporting round"
    assert metrics(at)["Reports owed"] == "1"
    assert at.code[0].value == "Subject: Testplan Mini: please report the status before the meeting on 15.09.2024"
    assert at.code[1].value.startswith("Dear Sir or Madam,")


def _rounds(url):
    from models.reminders import plan_rounds

    engine = make_engine(url)
    try:
        return plan_rounds(engine, 1)
    finally:
        engine.dispose()


def test_the_office_opens_a_round_for_a_meeting_and_ends_it(mini_app_url, monkeypatch):
    monkeypatch.delenv("MPC_SMTP_HOST", raising=False)
    meeting = today() + dt.timedelta(days=60)
    at = _open(mini_app_url, sitzung=meeting.isoformat())
    assert "kein Mailserver eingerichtet" in at.warning[-1].value
    at.button(key="round_open").click().run()
    [opened] = _rounds(mini_app_url)
    assert (opened.meeting_date, opened.deadline, opened.closed) == (meeting, meeting - dt.timedelta(days=14), False)
    assert "Die Berichtsrunde ist eröffnet" in at.success[0].value.replace("\\", "")
    assert any(info.value.replace("\\", "").startswith("Berichtsrunde eröffnet am") for info in at.info)
    at.button(key="round_close").click().run()
    assert _rounds(mini_app_url)[0].closed


def _plain(elements) -> list[str]:
    return [element.value.replace("\\", "") for element in elements]


def test_a_round_that_reaches_nobody_is_named_before_and_after_opening(mini_app_url):
    meeting = today() + dt.timedelta(days=60)
    at = _open(mini_app_url, sitzung=meeting.isoformat())  # no account in an organisation, no contact address
    nobody = ("Diese Runde erreicht niemanden: Keine der Organisationen, die einen Sachstand schulden "
              "(Jobcenter Testkreis, Volkshochschule Testkreis)")
    assert any(warning.startswith(nobody) for warning in _plain(at.warning))
    at.button(key="round_open").click().run()
    [confirmation] = _plain(at.success)
    assert "Die E-Mails der Runde gehen an 0 Empfänger aus 0 von 2 Organisationen" in confirmation
    assert nobody in confirmation
    assert any(warning.startswith(nobody) for warning in _plain(at.warning))  # still said while nothing went out


def test_the_organisations_without_address_are_named_in_the_confirmation(mini_app_url):
    _account(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example")
    at = _open(mini_app_url, sitzung=(today() + dt.timedelta(days=60)).isoformat())
    missing = "Ohne E-Mail-Adresse (kein Konto, das Erinnerungen erhält, keine Kontaktadresse): Volkshochschule Testkreis."
    assert any(info.startswith(missing) for info in _plain(at.info))
    at.button(key="round_open").click().run()
    [confirmation] = _plain(at.success)
    assert "gehen an 1 Empfänger aus 1 von 2 Organisationen" in confirmation and missing in confirmation
    assert not any(warning.startswith("Diese Runde erreicht niemanden") for warning in _plain(at.warning))


def test_a_round_whose_deadline_has_passed_is_refused_in_german(mini_app_url):
    meeting = today() + dt.timedelta(days=5)  # the deadline (14 days before) has passed
    at = _open(mini_app_url, sitzung=meeting.isoformat())
    at.button(key="round_open").click().run()
    assert _rounds(mini_app_url) == []
    assert "Frist schon vorbei" in at.error[0].value.replace("\\", "")
