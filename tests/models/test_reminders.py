"""Reporting rounds with real e-mail (aiosmtpd on 127.0.0.1): the office opens a round, the reminder job sends
each organisation's editors what they owe with deep links, reminds before and on the deadline, escalates once
after it, and a rerun sends nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.actors import SYSTEM, Actor
from models.commands import PermissionDenied, ValidationFailed
from models.commands.accounts import create_user
from models.commands.rounds import close_round, open_round, set_reminders_off
from models.mail import compose, mail_settings, send
from models.reminders import round_reach, send_due
from models.rules import round_deadline, round_mail_due
from models.schema import MailSent, Measure, Organisation, StatusReport, User
from tests.smtp import smtp_server

MEETING, SINCE, OPENED = dt.date(2024, 9, 15), dt.date(2024, 3, 15), dt.date(2024, 8, 1)
BASE = "https://cockpit.kreis.example"
ADMIN = Actor(name="Büro", role="admin")


def test_rule_round_deadline_is_the_meeting_minus_the_lead_time():
    assert round_deadline(MEETING, 14) == dt.date(2024, 9, 1)
    assert round_deadline(MEETING, 0) == MEETING


@pytest.mark.parametrize("today, opened, kind", [
    (dt.date(2024, 8, 1), dt.date(2024, 8, 1), "einladung"),
    (dt.date(2024, 8, 20), dt.date(2024, 8, 1), "einladung"),   # before the reminder window
    (dt.date(2024, 8, 25), dt.date(2024, 8, 1), "erinnerung"),  # 7 days before the deadline
    (dt.date(2024, 8, 27), dt.date(2024, 8, 26), "einladung"),  # opened inside the window: no extra reminder
    (dt.date(2024, 9, 1), dt.date(2024, 8, 1), "frist"),
    (dt.date(2024, 9, 2), dt.date(2024, 8, 1), "eskalation"),
])
def test_rule_round_mail_due(today, opened, kind):
    assert round_mail_due(today, opened, dt.date(2024, 9, 1), 7) == kind


@pytest.fixture
def smtp():
    with smtp_server() as server:
        yield server


@pytest.fixture
def round_plan(engine, mini_plan):
    """The mini plan with a third organisation whose measure has no report, an editor in each organisation (one
    of them without reminders), an admin, and the Jobcenter's functional address."""
    with Session(engine) as session, session.begin():
        ids = {o.short_name: o.id for o in session.scalars(select(Organisation))}
        caritas = Organisation(name="Caritas Testkreis", short_name="CV", kind="Träger")
        session.add(caritas)
        session.flush()
        ids["CV"] = caritas.id
        session.execute(update(Organisation).where(Organisation.id == ids["JC"])
                        .values(contact_email="integration@jobcenter.example"))
        template = session.scalars(select(Measure).where(Measure.plan_id == mini_plan)).first()
        session.add(Measure(plan_id=mini_plan, annual_goal_id=template.annual_goal_id, code="M-CV 1",
                            title="Patenschaften", lead_organisation_id=caritas.id,
                            start_date=dt.date(2024, 1, 1), due_date=dt.date(2024, 12, 31)))
        for short, email in (("VHS", "eva@vhs.example"), ("JC", "jan@jc.example"), ("CV", "carla@cv.example"),
                             ("CV", "leise@cv.example")):
            create_user(session, SYSTEM, name=email.split("@")[0].title(), email=email, role="editor",
                        organisation_id=ids[short])
        create_user(session, SYSTEM, name="Büro", email="buero@kreis.example", role="admin")
        quiet = session.scalar(select(User).where(User.email == "leise@cv.example"))
        set_reminders_off(session, Actor(name=quiet.name, role="editor", user_id=quiet.id,
                                         organisation_id=quiet.organisation_id), True)
        round_id = open_round(session, ADMIN, mini_plan, MEETING, SINCE, OPENED)
    return round_id, ids


def _run(engine, environ, today, dry_run=False):
    settings = mail_settings(environ)
    return send_due(engine, today, BASE, lambda mail: send(
        compose(mail.recipient, mail.subject, mail.text, mail.html, sender=settings.sender, to_name=mail.name),
        settings), dry_run=dry_run)


def _by_recipient(inbox):
    return {recipients[0]: message for recipients, message in inbox.messages}


def test_a_round_without_any_address_reaches_nobody_and_names_the_organisations(engine, mini_plan):
    reach = round_reach(engine, mini_plan, SINCE, MEETING)  # the mini plan alone: no account, no contact address
    assert reach.nobody and (reach.addresses, reach.organisations) == (0, 0)
    assert reach.unreached == ("Jobcenter Testkreis",)  # the VHS reported after the previous meeting


def test_the_reach_counts_the_addresses_the_job_then_asks(engine, round_plan, smtp, mini_plan):
    with Session(engine) as session, session.begin():  # Caritas's editors take no mails and it has no contact
        session.execute(update(User).where(User.email == "carla@cv.example").values(reminders_off=True))
    reach = round_reach(engine, mini_plan, SINCE, MEETING)
    assert not reach.nobody and (reach.addresses, reach.organisations) == (1, 1)
    assert reach.unreached == ("Caritas Testkreis",)
    asks = [mail for mail in _run(engine, smtp[1], OPENED, dry_run=True).sent if mail.organisation_id]
    assert [mail.recipient for mail in asks] == ["jan@jc.example"]


def test_the_round_invites_each_owing_organisation_with_deep_links_and_a_rerun_sends_nothing(engine, round_plan,
                                                                                             smtp):
    inbox, environ = smtp
    outcome = _run(engine, environ, OPENED)
    mails = _by_recipient(inbox)
    assert not outcome.failed and len(outcome.sent) == len(inbox.messages)
    # Caritas and the Jobcenter owe reports; the VHS reported after the previous meeting; one editor opted out
    assert set(mails) == {"carla@cv.example", "jan@jc.example", "buero@kreis.example"}
    caritas = mails["carla@cv.example"]
    assert caritas["Subject"] == "Testplan Mini: Bitte melden Sie den Sachstand bis zum 01.09.2024"
    text = caritas.get_body(("plain",)).get_content()
    assert "M-CV 1 – Patenschaften (bisher kein Sachstand)" in text
    assert f"{BASE}/sachstand-melden?plan=mini&massnahme=M-CV%201" in text
    assert f"{BASE}/konto" in text and "abbestellen" in text
    html = caritas.get_body(("html",)).get_content()
    assert f'href="{BASE}/sachstand-melden?plan=mini&amp;massnahme=M-CV%201"' in html
    assert f'<a href="{BASE}/konto">{BASE}/konto</a>' in html  # the opt-out, and every other address, is a link
    assert f'<a href="{BASE}/meine-massnahmen?plan=mini">' in html
    assert "Jobcenter" not in text  # each organisation sees only its own measures
    digest = mails["buero@kreis.example"]
    assert digest["Subject"] == "Testplan Mini: Stand der Berichtsrunde am 01.08.2024"
    assert _run(engine, environ, OPENED).sent == [] and len(inbox.messages) == 3


def test_reminder_deadline_and_one_escalation_follow_and_a_report_ends_them(engine, round_plan, smtp, mini_plan):
    inbox, environ = smtp
    _run(engine, environ, OPENED)
    with Session(engine) as session, session.begin():  # the Jobcenter reports in time for its open measure
        for measure in session.scalars(select(Measure).join(Organisation, Measure.lead_organisation_id == Organisation.id)
                                       .where(Organisation.short_name == "JC", Measure.plan_id == mini_plan)):
            session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 8, 10), status="in Umsetzung",
                                     progress=70, summary="läuft", author_name="Jan"))
    inbox.messages.clear()
    assert {m.kind for m in _run(engine, environ, dt.date(2024, 8, 26)).sent} == {"erinnerung", "uebersicht-2024-08-26"}
    assert set(_by_recipient(inbox)) == {"carla@cv.example", "buero@kreis.example"}
    inbox.messages.clear()
    _run(engine, environ, dt.date(2024, 9, 1))
    assert _by_recipient(inbox)["carla@cv.example"]["Subject"].startswith("Heute endet die Frist")
    inbox.messages.clear()
    escalation = _run(engine, environ, dt.date(2024, 9, 2)).sent
    assert {(m.kind, m.recipient) for m in escalation if m.kind == "eskalation"} == {("eskalation", "buero@kreis.example")}
    assert "Frist verstrichen – Testplan Mini: von Caritas Testkreis fehlt noch 1 Sachstand" in {
        message["Subject"] for recipients, message in inbox.messages if recipients == ["buero@kreis.example"]}
    assert _run(engine, environ, dt.date(2024, 9, 3)).sent == []  # once per round
    assert _run(engine, environ, dt.date(2024, 9, 16)).sent == []  # after the meeting the round is over


def test_the_organisation_contact_gets_the_escalation(engine, round_plan, smtp):
    inbox, environ = smtp
    escalation = _run(engine, environ, dt.date(2024, 9, 2)).sent
    assert ("eskalation", "integration@jobcenter.example") in {(m.kind, m.recipient) for m in escalation}


def test_dry_run_lists_and_records_nothing(engine, round_plan, smtp):
    inbox, environ = smtp
    planned = _run(engine, environ, OPENED, dry_run=True).sent
    assert {m.recipient for m in planned} == {"carla@cv.example", "jan@jc.example", "buero@kreis.example"}
    assert inbox.messages == []
    with Session(engine) as session:
        assert session.scalar(select(func.count(MailSent.id))) == 0


def test_a_refused_send_is_not_recorded_and_goes_out_next_run(engine, round_plan):
    with smtp_server() as (_, environ):
        pass  # the server is gone: its port refuses
    outcome = _run(engine, environ, OPENED)
    assert outcome.sent == [] and {reason for _, reason in outcome.failed} == {"ConnectionRefusedError"}
    with smtp_server() as (inbox, environ):
        assert len(_run(engine, environ, OPENED).sent) == 3 == len(inbox.messages)


def test_a_closed_round_sends_nothing_and_only_admins_open_or_close(engine, round_plan, smtp, mini_plan):
    round_id, _ = round_plan
    with Session(engine) as session, session.begin():
        with pytest.raises(PermissionDenied):
            close_round(session, Actor(name="Ed", role="editor"), round_id)
        close_round(session, ADMIN, round_id)
    assert _run(engine, smtp[1], OPENED).sent == []


def test_a_round_cannot_open_after_its_deadline_or_twice(engine, round_plan, mini_plan):
    with Session(engine) as session:
        with pytest.raises(ValidationFailed, match="Frist schon vorbei"):
            open_round(session, ADMIN, mini_plan, MEETING, SINCE, dt.date(2024, 9, 2))
        with pytest.raises(ValidationFailed, match="schon eine Berichtsrunde"):
            open_round(session, ADMIN, mini_plan, MEETING, SINCE, OPENED)
        with pytest.raises(PermissionDenied):
            open_round(session, Actor(name="Ed", role="editor"), mini_plan, dt.date(2025, 3, 1), SINCE, OPENED)
