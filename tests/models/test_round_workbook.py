"""The Excel round (issue 15 part 6): a workbook of what one organisation owes in an open reporting round, filled
by openpyxl as a person would, read back (wrong rows named with their row numbers, nothing saved) and, corrected,
saved as one report per filled row of that organisation, all or nothing, audited as coming from its workbook.
On SQLite and PostgreSQL (the engine fixture)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import SYSTEM, Actor
from models.commands import PermissionDenied, ValidationFailed, VersionConflict, add_status_report
from models.commands.accounts import create_user
from models.commands.round_reports import save_round_workbook
from models.commands.rounds import close_round, open_round
from models.mail import compose, mail_settings, send
from models.reminders import send_due
from models.rules import MEASURE_STATUSES
from models.schema import AuditEvent, Measure, Organisation, Plan, StatusReport, User
from models.transfer import round_workbook
from models.transfer.parsing import Limits, OverLimit
from models.transfer.round_workbook import NotARoundWorkbook
from tests.smtp import smtp_server

MEETING, SINCE, OPENED, TODAY = dt.date(2024, 9, 15), dt.date(2024, 6, 15), dt.date(2024, 8, 1), dt.date(2024, 8, 20)
ADMIN = Actor(name="Büro", role="admin")


@pytest.fixture
def excel_round(engine, mini_plan):
    """The mini plan with a third VHS measure without reports, an editor each at VHS and the Jobcenter, and a round
    for the meeting on 15.09.2024 counting reports since 15.06.2024: VHS owes M1, M2 and M7."""
    with Session(engine) as session, session.begin():
        ids = {o.short_name: o.id for o in session.scalars(select(Organisation))}
        template = session.scalars(select(Measure).where(Measure.plan_id == mini_plan, Measure.code == "M1")).one()
        session.add(Measure(plan_id=mini_plan, annual_goal_id=template.annual_goal_id, code="M7", title="Elternkurs",
                            lead_organisation_id=ids["VHS"], start_date=dt.date(2024, 1, 1),
                            due_date=dt.date(2024, 12, 31)))
        for short, email in (("VHS", "eva@vhs.example"), ("JC", "jan@jc.example")):
            create_user(session, SYSTEM, name=email.split("@")[0].title(), email=email, role="editor",
                        organisation_id=ids[short])
        round_id = open_round(session, ADMIN, mini_plan, MEETING, SINCE, OPENED)
        actors = {short: _actor(session, email) for short, email in (("VHS", "eva@vhs.example"),
                                                                      ("JC", "jan@jc.example"))}
    opened = round_workbook.open_round(engine, mini_plan, TODAY)
    assert opened is not None and opened.id == round_id
    return opened, ids, actors


def _actor(session, email):
    user = session.scalar(select(User).where(User.email == email))
    return Actor(name=user.name, role=user.role, user_id=user.id, organisation_id=user.organisation_id)


def _rows(data: bytes) -> dict[str, int]:
    """Code -> row number in the sheet."""
    sheet = openpyxl.load_workbook(io.BytesIO(data))[round_workbook.SHEET]
    return {sheet.cell(row=number, column=2).value: number
            for number in range(round_workbook.FIRST_ROW, sheet.max_row + 1) if sheet.cell(row=number, column=2).value}


def _fill(data: bytes, entries: dict[str, tuple]) -> bytes:
    """What a person does in Excel: per measure code, type status, progress, Sachstand (and a note) into the
    yellow cells, then save."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[round_workbook.SHEET]
    rows = _rows(data)
    for code, values in entries.items():
        for offset, value in enumerate(values):
            sheet.cell(row=rows[code], column=round_workbook.STATUS + 1 + offset, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _reports(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count(StatusReport.id)))


def test_the_workbook_lists_what_the_organisation_owes_with_drop_down_and_protected_columns(engine, excel_round):
    opened, ids, _ = excel_round
    data = round_workbook.build(engine, opened, ids["VHS"])
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[round_workbook.SHEET]
    rows = _rows(data)
    assert sorted(rows) == ["M1", "M2", "M7"]
    m1 = rows["M1"]
    assert sheet.cell(row=m1, column=3).value == "Sprachkurs A"
    assert sheet.cell(row=m1, column=4).value.date() == dt.date(2024, 9, 1)  # the round's deadline
    assert sheet.cell(row=m1, column=4).number_format == "DD.MM.YYYY"
    assert sheet.cell(row=m1, column=5).value.date() == dt.date(2024, 6, 1)  # the last report beside the inputs
    assert sheet.cell(row=m1, column=6).value == "in Umsetzung"
    assert sheet.cell(row=m1, column=8).value == "Halbzeit"
    assert "Sachstand" in sheet.cell(row=3, column=2).value  # the how-to on top
    assert sheet.protection.sheet and sheet.protection.password is None
    assert sheet.cell(row=m1, column=round_workbook.STATUS + 1).protection.locked is False
    assert sheet.cell(row=m1, column=3).protection.locked
    assert sheet.column_dimensions["A"].hidden
    validations = {validation.type: validation for validation in sheet.data_validations.dataValidation}
    assert validations["list"].formula1 == '"' + ",".join(MEASURE_STATUSES) + '"'
    assert (validations["whole"].formula1, validations["whole"].formula2) == ("0", "100")
    assert workbook[round_workbook.META_SHEET].sheet_state == "hidden"


def test_wrong_rows_are_named_and_nothing_saved_then_the_corrected_workbook_saves_one_report_per_row(engine,
                                                                                                   excel_round):
    opened, ids, actors = excel_round
    blank = round_workbook.build(engine, opened, ids["VHS"])
    rows = _rows(blank)
    wrong = _fill(blank, {"M1": ("fertig", 80, "Kurs läuft"), "M2": ("in Umsetzung", 120, "Zweiter Kurs")})
    before = _reports(engine)

    reading = round_workbook.read(engine, "Rueckmeldung.xlsx", wrong, opened.plan_id, TODAY, ids["VHS"])

    named = {(problem.row, problem.code): str(problem.text) for problem in reading.problems}
    assert set(named) == {(rows["M1"], "M1"), (rows["M2"], "M2")}
    assert "„fertig“ ist kein Status" in named[(rows["M1"], "M1")]
    assert "„120“ ist keine ganze Zahl von 0 bis 100" in named[(rows["M2"], "M2")]
    assert reading.changes == [] and reading.skipped == 1  # M7 left empty
    assert _reports(engine) == before

    also_wrong = _fill(blank, {"M1": ("abgeschlossen", 90, "Fast fertig"), "M2": ("in Umsetzung", 5, "Weniger")})
    reading = round_workbook.read(engine, "Rueckmeldung.xlsx", also_wrong, opened.plan_id, TODAY, ids["VHS"])
    texts = " ".join(str(problem.text) for problem in reading.problems)
    assert "abgeschlossene Maßnahme hat 100 %" in texts  # the form's completed <=> 100 % rule
    assert "sinkt von 10 % auf 5 %" in texts  # a drop needs a reason, as in the form

    right = _fill(blank, {"M1": ("in Umsetzung", 70, "Kurs läuft"),
                          "M2": ("abgeschlossen", 100, "Fertig", "", "Zertifikate"),
                          "M7": ("IN UMSETZUNG", "30", "Gestartet", "Raum fehlt")})
    reading = round_workbook.read(engine, "Rueckmeldung.xlsx", right, opened.plan_id, TODAY, ids["VHS"])
    assert reading.problems == [] and reading.skipped == 0
    changes = {change.report.code: change for change in reading.changes}
    assert (changes["M1"].before_status, changes["M1"].before_progress) == ("in Umsetzung", 50)
    assert (changes["M7"].report.status, changes["M7"].report.progress) == ("in Umsetzung", 30)

    with Session(engine) as session, session.begin():
        save_round_workbook(session, actors["VHS"], reading.round_id, reading.organisation_id, reading.reports, TODAY)

    with Session(engine) as session:
        saved = session.scalars(select(StatusReport).join(Measure).where(StatusReport.report_date == TODAY)
                                .order_by(Measure.code)).all()
        assert [(report.measure.code, report.status, report.progress, report.summary) for report in saved] == [
            ("M1", "in Umsetzung", 70, "Kurs läuft"), ("M2", "abgeschlossen", 100, "Fertig"),
            ("M7", "in Umsetzung", 30, "Gestartet")]
        assert saved[1].next_steps == "Zertifikate" and saved[2].obstacles == "Raum fehlt"
        assert {report.author_name for report in saved} == {"Eva"}
        events = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "status_report",
                                                          AuditEvent.actor_name == "Eva")).all()
        assert len(events) == 3
        assert all(event.changes["source"] == "Excel-Vorlage"
                   and event.changes["organisation"] == "Volkshochschule Testkreis" for event in events)
        summary = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "round_workbook")).one()
        assert summary.changes["measures"] == [change.report.code for change in reading.changes]
        assert summary.changes["reports"] == 3
    assert _reports(engine) == before + 3


def test_all_or_nothing_a_report_saved_in_between_stops_the_whole_workbook(engine, excel_round):
    opened, ids, actors = excel_round
    blank = round_workbook.build(engine, opened, ids["VHS"])
    filled = _fill(blank, {"M1": ("in Umsetzung", 60, "Weiter"), "M2": ("in Umsetzung", 20, "Weiter")})
    reading = round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, TODAY, ids["VHS"])
    assert len(reading.changes) == 2
    with Session(engine) as session, session.begin():  # someone reports on M2 through the form meanwhile
        m2 = session.scalars(select(Measure).where(Measure.code == "M2")).one()
        add_status_report(session, actors["VHS"], m2.id, m2.version, report_date=TODAY, status="in Umsetzung",
                          progress=15, summary="Per Formular", today=TODAY)
    before = _reports(engine)
    with pytest.raises(VersionConflict), Session(engine) as session, session.begin():
        save_round_workbook(session, actors["VHS"], reading.round_id, reading.organisation_id, reading.reports, TODAY)
    assert _reports(engine) == before  # M1's report, written first, rolled back with the rest


def test_an_editor_of_another_organisation_is_refused_and_the_admin_may_save_for_any(engine, excel_round):
    opened, ids, actors = excel_round
    filled = _fill(round_workbook.build(engine, opened, ids["VHS"]), {"M1": ("in Umsetzung", 60, "Weiter")})
    with pytest.raises(NotARoundWorkbook, match="Diese Vorlage ist für „Volkshochschule Testkreis“; Sie melden für "
                                                "„Jobcenter Testkreis“"):
        round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, TODAY, ids["JC"])
    reading = round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, TODAY)  # the office reads any
    before = _reports(engine)
    with pytest.raises(PermissionDenied, match="nur für Ihre eigene Organisation"), Session(engine) as session, \
            session.begin():
        save_round_workbook(session, actors["JC"], reading.round_id, reading.organisation_id, reading.reports, TODAY)
    assert _reports(engine) == before
    with Session(engine) as session, session.begin():
        create_user(session, SYSTEM, name="Büro", email="buero@kreis.example", role="admin")
    with Session(engine) as session, session.begin():
        save_round_workbook(session, _actor(session, "buero@kreis.example"), reading.round_id,
                            reading.organisation_id, reading.reports, TODAY)
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "status_report")
                                .order_by(AuditEvent.id.desc())).first()
        assert (event.actor_name, event.changes["organisation"]) == ("Büro", "Volkshochschule Testkreis")


def test_a_row_for_a_measure_the_organisation_does_not_lead_is_a_problem(engine, excel_round):
    opened, ids, _ = excel_round
    blank = round_workbook.build(engine, opened, ids["VHS"])
    workbook = openpyxl.load_workbook(io.BytesIO(blank))
    sheet = workbook[round_workbook.SHEET]
    with Session(engine) as session:
        m5 = session.scalars(select(Measure).where(Measure.code == "M5")).one().id  # the Jobcenter's
    row = _rows(blank)["M7"]
    sheet.cell(row=row, column=1, value=m5)
    for offset, value in enumerate(("in Umsetzung", 70, "Fremd")):
        sheet.cell(row=row, column=round_workbook.STATUS + 1 + offset, value=value)
    extra = sheet.max_row + 1
    for offset, value in enumerate(("in Umsetzung", 10, "Neue Zeile")):
        sheet.cell(row=extra, column=round_workbook.STATUS + 1 + offset, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    reading = round_workbook.read(engine, "x.xlsx", buffer.getvalue(), opened.plan_id, TODAY, ids["VHS"])
    problems = {problem.row: str(problem.text) for problem in reading.problems}
    assert "nicht zu den Maßnahmen, die Volkshochschule Testkreis in dieser Runde meldet" in problems[row]
    assert "nennt keine Maßnahme der Vorlage" in problems[extra]
    assert reading.changes == []


def test_a_workbook_of_a_closed_round_or_of_another_plan_is_refused(engine, excel_round):
    opened, ids, actors = excel_round
    filled = _fill(round_workbook.build(engine, opened, ids["VHS"]), {"M1": ("in Umsetzung", 60, "Weiter")})
    reading = round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, TODAY, ids["VHS"])
    with Session(engine) as session, session.begin():
        other = Plan(slug="anderer", name="Anderer Plan", owner="Nachbarkreis")
        session.add(other)
        session.flush()
        other_id = other.id
    with pytest.raises(NotARoundWorkbook, match="gehört zu einem anderen Plan"):
        round_workbook.read(engine, "x.xlsx", filled, other_id, TODAY, ids["VHS"])
    with pytest.raises(NotARoundWorkbook, match="Sitzung am 15.09.2024\\) ist beendet"):
        round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, MEETING + dt.timedelta(days=1), ids["VHS"])
    with Session(engine) as session, session.begin():
        close_round(session, ADMIN, opened.id)
    with pytest.raises(NotARoundWorkbook, match="ist beendet"):
        round_workbook.read(engine, "x.xlsx", filled, opened.plan_id, TODAY, ids["VHS"])
    before = _reports(engine)
    with pytest.raises(ValidationFailed, match="ist beendet"), Session(engine) as session, session.begin():
        save_round_workbook(session, actors["VHS"], reading.round_id, reading.organisation_id, reading.reports, TODAY)
    assert _reports(engine) == before


def test_a_random_workbook_or_another_file_gets_a_german_refusal(engine, excel_round):
    opened, ids, _ = excel_round
    workbook = openpyxl.Workbook()
    workbook.active.title = "Tabelle1"
    workbook.active.append(["Name", "Wert"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(NotARoundWorkbook, match="keine Rückmelde-Vorlage des Masterplan-Cockpits .*„Tabelle1“"):
        round_workbook.read(engine, "Liste.xlsx", buffer.getvalue(), opened.plan_id, TODAY)
    with pytest.raises(NotARoundWorkbook, match="„Bericht.pdf“ ist keine Excel-Datei"):
        round_workbook.read(engine, "Bericht.pdf", b"%PDF-1.4 ...", opened.plan_id, TODAY)
    with pytest.raises(NotARoundWorkbook, match="Die Datei ist leer"):
        round_workbook.read(engine, "leer.xlsx", b"", opened.plan_id, TODAY)
    big = round_workbook.build(engine, opened, ids["VHS"])
    with pytest.raises(OverLimit, match="zu groß"):
        round_workbook.read(engine, "x.xlsx", big, opened.plan_id, TODAY, limits=Limits(file_bytes=len(big) - 1))
    with pytest.raises(OverLimit, match="zu viele Zeilen"):
        round_workbook.read(engine, "x.xlsx", big, opened.plan_id, TODAY, limits=Limits(rows=3))


def test_the_invitation_mail_carries_the_organisations_workbook_which_reads_back(engine, excel_round):
    opened, ids, _ = excel_round
    with smtp_server() as (inbox, environ):
        settings = mail_settings(environ)
        outcome = send_due(engine, OPENED, "https://cockpit.kreis.example", lambda mail: send(compose(
            mail.recipient, mail.subject, mail.text, mail.html, sender=settings.sender, to_name=mail.name,
            attachments=mail.attachments), settings))
    assert not outcome.failed
    mails = {recipients[0]: message for recipients, message in inbox.messages}
    vhs = mails["eva@vhs.example"]
    assert "Im Anhang finden Sie die Vorlage mit diesen Maßnahmen" in vhs.get_body(("plain",)).get_content()
    [attachment] = list(vhs.iter_attachments())
    assert attachment.get_filename() == "Rueckmeldung-Volkshochschule-Testkreis-2024-09-15.xlsx"
    assert attachment.get_content_type() == round_workbook.MIME
    data = attachment.get_content()
    assert sorted(_rows(data)) == ["M1", "M2", "M7"]
    reading = round_workbook.read(engine, attachment.get_filename(), _fill(data, {"M1": ("in Umsetzung", 60, "Weiter")}),
                                  opened.plan_id, TODAY, ids["VHS"])
    assert [change.report.code for change in reading.changes] == ["M1"] and reading.skipped == 2
    [jobcenter] = list(mails["jan@jc.example"].iter_attachments())
    assert sorted(_rows(jobcenter.get_content())) == ["M5"]  # each organisation gets only its own measures
