"""The write path: validate -> check version -> write -> audit, and the change counter."""

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import queries
from models.commands import (
    SYSTEM,
    Actor,
    PermissionDenied,
    ValidationFailed,
    VersionConflict,
    add_status_report,
)
from models.schema import AuditEvent, Measure, Organisation, StatusReport

TODAY = dt.date(2024, 7, 1)


def _measure(engine, code="M1"):
    with Session(engine) as session:
        return session.scalars(select(Measure).where(Measure.code == code)).one()


def _report(engine, actor=SYSTEM, version=None, code="M1", **fields):
    measure = _measure(engine, code)
    values = dict(report_date=TODAY, status="in Umsetzung", progress=60, summary="Weiter so")
    values.update(fields)
    with Session(engine) as session, session.begin():
        return add_status_report(session, actor, measure.id, version or measure.version, today=TODAY, **values).id


def _count(engine, model):
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


def test_every_write_increments_the_change_counter_and_audits(engine, mini_plan):
    before = queries.change_counter(engine, mini_plan)
    audits = _count(engine, AuditEvent)
    _report(engine)
    assert queries.change_counter(engine, mini_plan) == before + 1
    assert _count(engine, AuditEvent) == audits + 1
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.changes["progress"] == [50, 60] and event.changes["status"] == ["in Umsetzung"] * 2


def test_report_is_appended_and_history_kept(engine, mini_plan):
    _report(engine)
    with Session(engine) as session:
        progress = session.scalars(
            select(StatusReport.progress).join(Measure).where(Measure.code == "M1").order_by(StatusReport.id)
        ).all()
    assert progress == [20, 50, 60]


def test_stale_version_is_a_conflict_and_writes_nothing(engine, mini_plan):
    version = _measure(engine).version
    _report(engine, version=version)
    reports, counter = _count(engine, StatusReport), queries.change_counter(engine, mini_plan)
    with pytest.raises(VersionConflict) as conflict:
        _report(engine, version=version, progress=70)
    assert "inzwischen von jemand anderem geändert" in str(conflict.value)
    assert conflict.value.current["version"] == version + 1
    assert (_count(engine, StatusReport), queries.change_counter(engine, mini_plan)) == (reports, counter)


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"progress": 101}, "progress"),
        ({"progress": -5}, "progress"),
        ({"status": "erledigt"}, "status"),
        ({"status": "abgeschlossen", "progress": 90}, "progress"),
        ({"progress": 100}, "progress"),
        ({"report_date": TODAY + dt.timedelta(days=1)}, "report_date"),
        ({"summary": "x" * 2001}, "summary"),
    ],
)
def test_invalid_report_is_refused_with_german_message_and_writes_nothing(engine, mini_plan, fields, field):
    reports = _count(engine, StatusReport)
    with pytest.raises(ValidationFailed) as refused:
        _report(engine, **fields)
    assert field in refused.value.field_errors
    assert _count(engine, StatusReport) == reports


def test_viewer_may_not_report_and_nothing_is_written(engine, mini_plan):
    reports = _count(engine, StatusReport)
    with pytest.raises(PermissionDenied):
        _report(engine, actor=Actor(name="Gast", role="viewer"))
    assert _count(engine, StatusReport) == reports


def test_editor_may_report_only_on_own_organisations_measures(engine, mini_plan):
    with Session(engine) as session:
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        jobcenter = session.scalar(select(Organisation.id).where(Organisation.short_name == "JC"))
    _report(engine, actor=Actor(name="VHS-Leitung", role="editor", organisation_id=vhs), code="M1")
    _report(engine, actor=Actor(name="JC-Leitung", role="editor", organisation_id=jobcenter), code="M1")  # partner
    with pytest.raises(PermissionDenied):
        _report(engine, actor=Actor(name="VHS-Leitung", role="editor", organisation_id=vhs), code="M5")


def test_two_concurrent_editors_lose_no_update(engine, mini_plan):
    """Two sessions race on one measure: each write either lands or is reported as a conflict."""
    measure = _measure(engine)
    landed, conflicts = [], []
    barrier = threading.Barrier(2)

    def editor(progress):
        barrier.wait()
        try:
            with Session(engine) as session, session.begin():
                add_status_report(session, SYSTEM, measure.id, measure.version, report_date=TODAY,
                                  status="in Umsetzung", progress=progress, today=TODAY)
            landed.append(progress)
        except VersionConflict:
            conflicts.append(progress)

    threads = [threading.Thread(target=editor, args=(p,)) for p in (61, 62)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(landed) == 1 and len(conflicts) == 1
    with Session(engine) as session:
        stored = session.scalars(select(StatusReport.progress).where(StatusReport.measure_id == measure.id)).all()
    assert landed[0] in stored and conflicts[0] not in stored
