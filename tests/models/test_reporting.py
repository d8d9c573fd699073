"""Reporting queries on the mini plan (known answers): a lead's measures, the report log, the
reporting round before a meeting, contacts, and the reminder text and mailto: link."""

import datetime as dt
from urllib.parse import unquote

import pandas as pd
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import reporting
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor, add_status_report
from models.schema import Measure, Organisation, User

ON = dt.date(2024, 6, 30)
FIRST, SECOND = dt.date(2024, 3, 15), dt.date(2024, 9, 15)


def _organisation(engine, short_name):
    with Session(engine) as session:
        return session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))


def _add_report(engine, code, report_date, progress, actor=SYSTEM, **texts):
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == code)).one()
        add_status_report(session, actor, measure.id, measure.version, report_date=report_date,
                          status="in Umsetzung", progress=progress, today=report_date,
                          summary=texts.pop("summary", "Bericht"), **texts)
        return measure.id


def test_vhs_sees_the_measures_it_leads(engine, mini_plan):
    frame = reporting.measures_to_report(engine, mini_plan, ON, _organisation(engine, "VHS"))
    assert frame["code"].tolist() == ["M1", "M2", "M4"]
    assert frame["is_lead"].tolist() == [True, True, True]
    assert frame["progress"].tolist() == [50, 10, 100]


def test_jobcenter_sees_its_measures_and_the_one_it_is_partner_of_stale_first(engine, mini_plan):
    frame = reporting.measures_to_report(engine, mini_plan, ON, _organisation(engine, "JC"))
    # M5 (last report 2023-06-01, due 2023-12-31) is stale and overdue, so it comes first.
    assert frame["code"].tolist() == ["M5", "M1", "M3", "M6"]
    assert frame["is_lead"].tolist() == [True, False, True, True]
    assert frame[["stale", "overdue"]].iloc[0].tolist() == [True, True]
    assert frame["lead_organisation_id"].iloc[1] == _organisation(engine, "VHS")


def test_admins_see_every_measure_stale_then_overdue_then_by_code(engine, mini_plan):
    frame = reporting.measures_to_report(engine, mini_plan, dt.date(2025, 3, 15))
    # 2025-03-15: M1, M2, M5 stale and overdue; M6 started 2025-01-01 (neither); M3 suspended; M4 done.
    assert frame["code"].tolist() == ["M1", "M2", "M5", "M3", "M4", "M6"]
    assert frame["stale"].tolist() == [True, True, True, False, False, False]


def test_codes_sort_by_their_numbers(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(update(Measure).where(Measure.code == "M2").values(code="M10"))
    frame = reporting.measures_to_report(engine, mini_plan, ON, _organisation(engine, "VHS"))
    assert frame["code"].tolist() == ["M1", "M4", "M10"]


def test_report_log_newest_first_with_reason_and_release(engine, mini_plan):
    with Session(engine) as session, session.begin():
        from models.schema import Plan

        session.execute(update(Plan).where(Plan.id == mini_plan).values(release_required=True))
    vhs = Actor(name="VHS-Leitung", role="editor", organisation_id=_organisation(engine, "VHS"))
    measure_id = _add_report(engine, "M1", ON, 45, actor=vhs, progress_note="Kurs ausgefallen")
    log = reporting.report_log(engine, measure_id)
    assert log["progress"].tolist() == [45, 50, 20]
    assert log["summary"].tolist() == ["Bericht", "Halbzeit", "Start"]
    assert log["progress_note"].tolist() == ["Kurs ausgefallen", "", ""]
    assert log["released"].tolist() == [False, True, True]
    assert log["author_name"].iloc[0] == "VHS-Leitung"


def test_meetings_next_and_previous(engine, mini_plan):
    meetings = reporting.cutoff_meetings(engine, mini_plan)
    assert meetings["meeting_date"].tolist() == [FIRST, SECOND]
    assert reporting.next_meeting(meetings, ON) == SECOND
    assert reporting.next_meeting(meetings, FIRST) == FIRST  # a meeting today is still ahead
    assert reporting.next_meeting(meetings, SECOND + dt.timedelta(days=1)) is None
    assert reporting.previous_cutoff(meetings, SECOND) == FIRST
    assert reporting.previous_cutoff(meetings, FIRST) is None


def test_the_reporting_body_comes_before_other_bodies():
    meetings = pd.DataFrame({
        "meeting_date": [dt.date(2025, 5, 1), dt.date(2025, 6, 1), dt.date(2025, 7, 1)],
        "body_kind": ["Kreistag", "Fachbeirat", "Kreistag"],
    })
    assert reporting.next_meeting(meetings, dt.date(2025, 1, 1)) == dt.date(2025, 6, 1)
    assert reporting.next_meeting(meetings, dt.date(2025, 6, 2)) == dt.date(2025, 7, 1)
    assert reporting.previous_cutoff(meetings, dt.date(2025, 8, 1)) == dt.date(2025, 6, 1)
    assert reporting.previous_cutoff(meetings, dt.date(2025, 5, 15)) == dt.date(2025, 5, 1)


def test_rule_reporting_round_window_defaults_to_the_next_and_the_previous_meeting():
    meetings = pd.DataFrame({
        "meeting_date": [dt.date(2025, 5, 1), dt.date(2025, 6, 1), dt.date(2025, 6, 1), dt.date(2025, 7, 1)],
        "body_kind": ["Kreistag", "Kreistag", "Fachbeirat", "Kreistag"],
        "body": ["Kreistag", "Kreistag", "Fachbeirat Integration", "Kreistag"],
    })
    today = dt.date(2025, 5, 10)
    assert reporting.reporting_round(meetings, today) == reporting.RoundWindow(
        dt.date(2025, 6, 1), dt.date(2025, 5, 1), "Fachbeirat Integration")
    chosen = reporting.reporting_round(meetings, today, dt.date(2025, 7, 1), dt.date(2025, 6, 15))
    assert chosen == reporting.RoundWindow(dt.date(2025, 7, 1), dt.date(2025, 6, 15), "Kreistag")
    # No meeting ahead: the round prepares today; no meeting before: the last 180 days count; no body signs.
    alone = reporting.reporting_round(meetings.iloc[0:0], today)
    assert alone == reporting.RoundWindow(today, today - dt.timedelta(days=180), "")


def test_rule_the_fachbeirat_signs_the_reminder_when_several_bodies_meet_that_day():
    meetings = pd.DataFrame({"meeting_date": [dt.date(2025, 6, 1)] * 2, "body_kind": ["Kreistag", "Fachbeirat"],
                             "body": ["Kreistag", "Fachbeirat Integration"]})
    assert reporting.reminder_body(meetings, dt.date(2025, 6, 1)) == "Fachbeirat Integration"
    assert reporting.reminder_body(meetings, dt.date(2025, 6, 2)) == ""


def test_owed_before_the_second_meeting_is_only_m5(engine, mini_plan):
    owed = reporting.owed_reports(engine, mini_plan, FIRST, SECOND)
    # M1 and M2 reported after 15.03., M3 is suspended, M4 completed, M6 starts in 2025.
    assert owed["code"].tolist() == ["M5"]
    assert owed["lead_organisation"].tolist() == ["Jobcenter Testkreis"]
    assert owed[["stale", "overdue"]].iloc[0].tolist() == [True, True]
    assert owed["last_report_date"].iloc[0] == dt.date(2023, 6, 1)


def test_owed_at_a_later_cut_off_grouped_by_lead_stale_first(engine, mini_plan):
    owed = reporting.owed_reports(engine, mini_plan, SECOND, dt.date(2025, 3, 15))
    assert owed["code"].tolist() == ["M5", "M6", "M1", "M2"]
    assert owed["lead_organisation"].tolist() == ["Jobcenter Testkreis"] * 2 + ["Volkshochschule Testkreis"] * 2
    assert owed["stale"].tolist() == [True, False, True, True]
    assert owed["last_report_date"].isna().tolist() == [False, True, False, False]


def test_a_report_in_the_window_settles_the_debt(engine, mini_plan):
    _add_report(engine, "M5", dt.date(2024, 7, 1), 70)
    assert reporting.owed_reports(engine, mini_plan, FIRST, SECOND).empty
    # A report on the start day of the window does not count: it was due for the meeting before.
    later = reporting.owed_reports(engine, mini_plan, dt.date(2024, 7, 1), SECOND)
    assert later["code"].tolist() == ["M5", "M1", "M2"]


def _accounts(engine):
    vhs, jc = _organisation(engine, "VHS"), _organisation(engine, "JC")
    with Session(engine) as session, session.begin():
        for name, email, role, organisation in (
            ("Vera Beispiel", "vera@vhs.example", "editor", vhs),
            ("Gustav Gast", "gast@vhs.example", "viewer", vhs),
            ("Jana Beispiel", "jana@jc.example", "editor", jc),
            ("Ohne Mail", "sub-1@oidc.invalid", "editor", jc),
            ("Büro", "buero@kreis.example", "admin", None),
        ):
            create_user(session, SYSTEM, name=name, email=email, role=role, organisation_id=organisation)
        session.execute(update(User).where(User.email == "jana@jc.example").values(active=False))
    return vhs, jc


def test_contacts_are_active_reporting_accounts_with_a_real_address(engine, mini_plan):
    vhs, jc = _accounts(engine)
    contacts = reporting.organisation_contacts(engine, [vhs, jc])
    assert contacts.to_dict("records") == [{"organisation_id": vhs, "name": "Vera Beispiel", "email": "vera@vhs.example"}]
    assert reporting.organisation_contacts(engine, [jc]).empty
    assert reporting.organisation_contacts(engine, []).empty


def test_reply_by_is_the_round_s_deadline_but_not_in_the_past():
    assert reporting.reply_by(dt.date(2025, 3, 15), dt.date(2025, 1, 1)) == dt.date(2025, 3, 1)  # 14 days before
    assert reporting.reply_by(dt.date(2025, 3, 15), dt.date(2025, 1, 1), lead_days=7) == dt.date(2025, 3, 8)
    assert reporting.reply_by(dt.date(2025, 3, 15), dt.date(2025, 3, 12)) == dt.date(2025, 3, 12)


def test_reminder_text_names_the_measures_and_dates_politely():
    body = reporting.reminder_text(
        "Volkshochschule Testkreis",
        [("M1", "Sprachkurs A", dt.date(2024, 6, 1)), ("M6", "Jobmesse 2025", None)],
        plan_name="Testplan Mini", meeting=dt.date(2025, 3, 15), since=SECOND, reply_by=dt.date(2025, 3, 8),
        body="Fachbeirat Test",
    )
    assert body.startswith("Sehr geehrte Damen und Herren,\n\n")
    assert "für die Sitzung „Fachbeirat Test“ am 15.03.2025 stellen wir den aktuellen Umsetzungsstand zusammen " \
           "(Testplan Mini)." in body
    assert "Maßnahmen unter Federführung von Volkshochschule Testkreis liegt uns seit dem 15.09.2024" in body
    assert "- M1 – Sprachkurs A (letzter Sachstand vom 01.06.2024)\n- M6 – Jobmesse 2025 (bisher kein Sachstand)" in body
    assert "Wir bitten Sie, den aktuellen Sachstand bis zum 08.03.2025" in body
    assert body.endswith("Mit freundlichen Grüßen\nIhr Büro für Migration und Inklusion")
    assert " du " not in body and " dein" not in body.lower()


def test_reminder_without_body_with_a_sender_and_in_english():
    body = reporting.reminder_text("VHS", [("M1", "Kurs", None)], plan_name="Plan", meeting=SECOND, since=FIRST,
                                   reply_by=SECOND, sender="Stabsstelle Integration")
    assert "für die Sitzung am 15.09.2024" in body and body.endswith("\nStabsstelle Integration")
    english = reporting.reminder_text("VHS", [("M1", "Kurs", None)], plan_name="Plan", meeting=SECOND,
                                      since=FIRST, reply_by=SECOND, lang="en")
    assert english.startswith("Dear Sir or Madam") and "- M1 – Kurs (no report yet)" in english


def test_reminder_subject():
    assert reporting.reminder_subject("Testplan Mini", SECOND) == (
        "Testplan Mini: Bitte melden Sie den Sachstand für die Sitzung am 15.09.2024")


def test_mailto_link_encodes_recipients_subject_and_body():
    link = reporting.mailto_link(["vera@vhs.example", "jana@jc.example"], "Sachstand & Termin", "Zeile 1\nÄnderung")
    assert link == ("mailto:vera@vhs.example,jana@jc.example?subject=Sachstand%20%26%20Termin"
                    "&body=Zeile%201%0D%0A%C3%84nderung")
    assert unquote(link.split("body=")[1]) == "Zeile 1\r\nÄnderung"
