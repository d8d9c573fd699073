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
                                  status="in Umsetzung", progress=progress, summary="Parallel",
                                  today=TODAY)
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


# --- the report form's rules, one test per rule and role (pages/sachstand-melden.py) -------------------

from sqlalchemy import update

from models.schema import Plan


def _organisation(engine, short_name):
    with Session(engine) as session:
        return session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))


def _editor(engine, short_name):
    return Actor(name=f"{short_name}-Leitung", role="editor", organisation_id=_organisation(engine, short_name))


def _refused_field(engine, **fields) -> str:
    """Submit a report that must be refused; return the single field named, check nothing was written."""
    reports, counter = _count(engine, StatusReport), _count(engine, AuditEvent)
    with pytest.raises(ValidationFailed) as refused:
        _report(engine, **fields)
    assert (_count(engine, StatusReport), _count(engine, AuditEvent)) == (reports, counter)
    assert str(refused.value) == "Bitte prüfen Sie die markierten Angaben."
    assert len(refused.value.field_errors) == 1
    return next(iter(refused.value.field_errors.items()))


def _stored(engine, report_id) -> StatusReport:
    with Session(engine) as session:
        return session.get(StatusReport, report_id)


def test_viewer_is_refused(engine, mini_plan):
    with pytest.raises(PermissionDenied, match="keinen Sachstand melden"):
        _report(engine, actor=Actor(name="Gast", role="viewer", organisation_id=_organisation(engine, "VHS")))


def test_editor_without_organisation_is_refused(engine, mini_plan):
    with pytest.raises(PermissionDenied):
        _report(engine, actor=Actor(name="Ohne Organisation", role="editor"))


def test_editor_of_another_organisation_is_refused_and_nothing_is_written(engine, mini_plan):
    reports = _count(engine, StatusReport)
    with pytest.raises(PermissionDenied):
        _report(engine, actor=_editor(engine, "JC"), code="M2")  # VHS leads M2, JC is no partner
    assert _count(engine, StatusReport) == reports


def test_partner_organisation_may_report(engine, mini_plan):
    report_id = _report(engine, actor=_editor(engine, "JC"), code="M1")  # JC is partner of M1
    assert _stored(engine, report_id).author_name == "JC-Leitung"


def test_lead_organisation_may_report(engine, mini_plan):
    assert _stored(engine, _report(engine, actor=_editor(engine, "VHS"), code="M2")).progress == 60


def test_progress_down_without_reason_is_refused(engine, mini_plan):
    field, message = _refused_field(engine, progress=40)  # M1 stands at 50 %
    assert field == "progress_note"
    assert message == "Der Fortschritt sinkt von 50 % auf 40 %: Bitte begründen Sie das kurz."


def test_progress_down_with_only_blanks_as_reason_is_refused(engine, mini_plan):
    assert _refused_field(engine, progress=40, progress_note="   ")[0] == "progress_note"


def test_progress_down_with_reason_is_stored(engine, mini_plan):
    report_id = _report(engine, progress=40, progress_note="  Zwei Kurse sind ausgefallen. ")
    stored = _stored(engine, report_id)
    assert (stored.progress, stored.progress_note) == (40, "Zwei Kurse sind ausgefallen.")


def test_progress_down_is_judged_against_the_state_on_the_report_date(engine, mini_plan):
    # On 2024-04-01 M1 stood at 20 % (the 50 % came on 2024-06-01): 30 % is no drop then.
    report_id = _report(engine, report_date=dt.date(2024, 4, 1), progress=30, backdate_reason="Nachtrag")
    assert _stored(engine, report_id).progress_note == ""


def test_summary_missing_is_refused(engine, mini_plan):
    for summary in ("", "  \n "):
        field, message = _refused_field(engine, summary=summary)
        assert field == "summary" and message == "Bitte beschreiben Sie den Sachstand in ein paar Worten."


@pytest.mark.parametrize("field", ["summary", "obstacles", "next_steps", "progress_note"])
def test_each_text_is_at_most_2000_characters(engine, mini_plan, field):
    assert _refused_field(engine, **{field: "x" * 2001}) == (
        field, "Bitte kürzen Sie den Text auf höchstens 2000 Zeichen (jetzt 2001).")
    assert _stored(engine, _report(engine, **{field: "x" * 2000})).report_date == TODAY


def test_future_date_is_refused(engine, mini_plan):
    assert _refused_field(engine, report_date=TODAY + dt.timedelta(days=1)) == (
        "report_date", "Das Datum des Sachstands darf nicht in der Zukunft liegen.")


def test_missing_date_is_refused(engine, mini_plan):
    assert _refused_field(engine, report_date=None)[0] == "report_date"


def test_full_progress_without_completed_is_refused(engine, mini_plan):
    assert _refused_field(engine, progress=100) == (
        "progress", "100 % Fortschritt gibt es nur mit dem Status „abgeschlossen“.")


def test_completed_without_full_progress_is_refused(engine, mini_plan):
    assert _refused_field(engine, status="abgeschlossen", progress=90) == (
        "progress", "Eine abgeschlossene Maßnahme hat 100 % Fortschritt.")


def test_completed_with_full_progress_is_stored(engine, mini_plan):
    stored = _stored(engine, _report(engine, status="abgeschlossen", progress=100))
    assert (stored.status, stored.progress) == ("abgeschlossen", 100)


def _require_release(engine, plan_id):
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).where(Plan.id == plan_id).values(release_required=True))


def test_release_required_stores_an_editors_report_unreleased(engine, mini_plan):
    _require_release(engine, mini_plan)
    report_id = _report(engine, actor=_editor(engine, "VHS"))
    assert _stored(engine, report_id).released is False
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.changes["released"] is False


def test_release_required_releases_an_admins_report_at_once(engine, mini_plan):
    _require_release(engine, mini_plan)
    admin = Actor(name="Büro", role="admin")
    assert _stored(engine, _report(engine, actor=admin)).released is True


def test_without_release_an_editors_report_is_released(engine, mini_plan):
    assert _stored(engine, _report(engine, actor=_editor(engine, "VHS"))).released is True


def test_conflict_says_what_the_newer_report_says(engine, mini_plan):
    version = _measure(engine).version
    _report(engine, actor=_editor(engine, "JC"), version=version, progress=70, summary="Neue Gruppe gestartet")
    with pytest.raises(VersionConflict) as conflict:
        _report(engine, actor=_editor(engine, "VHS"), version=version, progress=65, summary="Meine Sicht")
    current = conflict.value.current
    assert current == {"version": version + 1, "report_date": TODAY, "status": "in Umsetzung", "progress": 70,
                       "summary": "Neue Gruppe gestartet", "author_name": "JC-Leitung"}


def test_conflict_is_reported_before_validation(engine, mini_plan):
    """A stale form gets the conflict (what changed), not a message about its now outdated values."""
    version = _measure(engine).version
    _report(engine, version=version, progress=80)
    with pytest.raises(VersionConflict):
        _report(engine, version=version, progress=60)  # below 80 %, but the form was drawn at 50 %
