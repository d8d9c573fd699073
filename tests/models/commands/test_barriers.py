"""Barrier reports: anyone reports, the administration answers; the reporter's address lives only until then."""

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.barriers import barrier_reports
from models.commands import Actor, PermissionDenied, ValidationFailed
from models.commands.barriers import answer_barrier, report_barrier
from models.rules import BARRIERS_PER_DAY
from models.schema import AuditEvent, BarrierReport
from tests.models.commands.helpers import ADMIN, count_rows, last_audit, run_command

VISITOR = Actor(name="Ohne Anmeldung (Barrierefreiheit)", role="anonymous")


def _report(engine, **fields):
    values = {"description": "Die Tabelle lässt sich mit der Tastatur nicht bedienen.", "page": "Maßnahmen"} | fields
    return run_command(engine, report_barrier, VISITOR, **values)


def _refusal(engine, **fields) -> ValidationFailed:
    before = (count_rows(engine, BarrierReport), count_rows(engine, AuditEvent))
    with pytest.raises(ValidationFailed) as refused:
        _report(engine, **fields)
    assert (count_rows(engine, BarrierReport), count_rows(engine, AuditEvent)) == before
    return refused.value


def test_a_visitor_reports_a_barrier_and_the_office_sees_it_open_with_its_due_day(engine):
    number = _report(engine, contact="leser@example.org")
    [row] = barrier_reports(engine)
    assert (row.id, row.state, row.page, row.contact) == (number, "offen", "Maßnahmen", "leser@example.org")
    assert row.answer_due - row.reported_at.date() in (dt.timedelta(days=42), dt.timedelta(days=43))
    audit = last_audit(engine)
    assert (audit.action, audit.object_type, audit.actor_name) == ("create", "barrier_report", VISITOR.name)
    assert "leser@example.org" not in str(audit.changes)  # the address is not kept in the audit trail


def test_a_report_needs_a_description_and_a_real_address_if_one_is_given(engine):
    assert "description" in _refusal(engine, description="   ").field_errors
    assert "contact" in _refusal(engine, contact="keine-adresse").field_errors
    assert "description" in _refusal(engine, description="x" * 2001).field_errors


def test_the_reports_of_a_day_are_limited_for_everyone_together(engine):
    with Session(engine) as session, session.begin():
        session.add_all(BarrierReport(description=f"Meldung {n}", page="", state="offen", answer_note="")
                        for n in range(BARRIERS_PER_DAY))
    refusal = _refusal(engine)
    assert "morgen" in str(refusal)
    with Session(engine) as session, session.begin():  # a day later there is room again
        session.execute(update(BarrierReport).values(reported_at=BarrierReport.reported_at - dt.timedelta(days=2)))
    _report(engine)


def test_answering_deletes_the_address_and_keeps_the_note(engine):
    number = _report(engine, contact="leser@example.org")
    run_command(engine, answer_barrier, ADMIN, number, "Tabelle hat jetzt eine Textfassung.")
    [row] = barrier_reports(engine)
    assert (row.state, row.contact, row.answer_note) == ("beantwortet", None, "Tabelle hat jetzt eine Textfassung.")
    assert row.answered_at is not None
    run_command(engine, answer_barrier, ADMIN, number, "noch einmal")  # answering twice changes nothing
    assert barrier_reports(engine)[0].answer_note == "Tabelle hat jetzt eine Textfassung."


def test_only_the_administration_answers(engine):
    number = _report(engine)
    for actor in (VISITOR, Actor(name="Ed", role="editor")):
        with pytest.raises(PermissionDenied):
            run_command(engine, answer_barrier, actor, number, "")
    with pytest.raises(ValidationFailed):
        run_command(engine, answer_barrier, ADMIN, number + 1000, "")


def test_open_reports_come_first(engine):
    first, second = _report(engine), _report(engine)
    run_command(engine, answer_barrier, ADMIN, first, "")
    assert [row.id for row in barrier_reports(engine)] == [second, first]
    with Session(engine) as session:
        assert session.scalar(select(func.count(BarrierReport.id))) == 2
