"""Meeting snapshots: frozen slides stay exactly as stored, commands are admin-only and audited."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, Actor, PermissionDenied, ValidationFailed, VersionConflict, add_status_report
from models.queries import change_counter, meetings
from models.schema import AuditEvent, Measure
from models.slides import build_deck
from models.snapshots import compare, snapshot_deck, snapshots
from models.commands.meetings import delete_snapshot, freeze_meeting

STAND = dt.date(2024, 6, 30)
TODAY = dt.date(2025, 1, 15)
VIEWER = Actor(name="Beirat", role="viewer")


def _write(engine, command, *args, **kwargs):
    """A command in its own transaction (as the screens run it)."""
    with Session(engine) as session, session.begin():
        return command(session, *args, **kwargs)


def _meeting_id(engine, plan_id: int, day: dt.date) -> int:
    frame = meetings(engine, plan_id)
    return int(frame.loc[frame["meeting_date"] == day, "meeting_id"].iloc[0])


def test_snapshot_stays_identical_after_later_reports(engine, mini_plan):
    meeting = _meeting_id(engine, mini_plan, dt.date(2024, 9, 15))
    counter = change_counter(engine, mini_plan)
    snapshot_id = _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, STAND, expected_counter=counter, today=TODAY)
    stored = snapshot_deck(engine, mini_plan, snapshot_id, public=False)
    assert stored == build_deck(engine, mini_plan, STAND)
    assert change_counter(engine, mini_plan) == counter + 1

    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.plan_id == mini_plan, Measure.code == "M2")).one()
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date(2024, 6, 20),
                          status="in Umsetzung", progress=45, summary="Nachgemeldet", today=TODAY,
                          backdate_reason="Nachtrag zur Sitzung")

    assert snapshot_deck(engine, mini_plan, snapshot_id, public=False) == stored
    assert build_deck(engine, mini_plan, STAND) != stored  # the live view did change
    row = snapshots(engine, mini_plan).iloc[0]
    assert (row["meeting_date"], row["as_of"], row["title"], row["created_by"]) == (
        dt.date(2024, 9, 15), STAND, "Sitzung 2/2024", "System")
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "meeting_snapshot")).one()
    assert (event.action, event.object_id, event.changes["slides"]) == ("create", snapshot_id, [None, 9])


def test_compare_then_and_now(engine, mini_plan):
    meeting = _meeting_id(engine, mini_plan, dt.date(2024, 3, 15))
    snapshot_id = _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, dt.date(2024, 3, 15), today=TODAY)
    then = snapshot_deck(engine, mini_plan, snapshot_id, public=True)
    slide = compare(then, build_deck(engine, mini_plan, STAND, released_only=True))

    figures = {row["key"]: (row["then"], row["now"]) for row in slide["figures"]}
    assert slide["kind"] == "comparison"
    assert figures["measures"] == (6, 6)
    assert figures["completed"] == (1, 1)
    goals = {row["code"]: (row["then"], row["now"]) for row in slide["goals"]}
    # LZ1 on 15.03.2024: M1 20 %, M2 (weight 3) and M3 not yet reported, 0 % -> 20 / 5 = 4 %; on 30.06.: 20 %
    assert goals["LZ1"] == (4.0, 20.0)


def test_only_admins_freeze_and_duplicates_and_foreign_meetings_are_refused(engine, mini_plan):
    meeting = _meeting_id(engine, mini_plan, dt.date(2024, 9, 15))
    counter = change_counter(engine, mini_plan)
    with pytest.raises(PermissionDenied):
        _write(engine, freeze_meeting, VIEWER, mini_plan, meeting, STAND, today=TODAY)
    with pytest.raises(ValidationFailed, match="Zukunft"):
        _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, TODAY + dt.timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationFailed, match="gibt es in diesem Plan nicht"):
        _write(engine, freeze_meeting, SYSTEM, mini_plan, 99_999, STAND, today=TODAY)
    with pytest.raises(VersionConflict):
        _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, STAND, expected_counter=counter - 1, today=TODAY)
    assert change_counter(engine, mini_plan) == counter and snapshots(engine, mini_plan).empty

    snapshot_id = _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, STAND, today=TODAY)
    with pytest.raises(ValidationFailed, match="15.09.2024 ist schon ein Stand"):
        _write(engine, freeze_meeting, SYSTEM, mini_plan, meeting, STAND, today=TODAY)

    with pytest.raises(PermissionDenied):
        _write(engine, delete_snapshot, VIEWER, mini_plan, snapshot_id)
    _write(engine, delete_snapshot, SYSTEM, mini_plan, snapshot_id)
    assert snapshots(engine, mini_plan).empty
    assert snapshot_deck(engine, mini_plan, snapshot_id, public=False) is None
    with Session(engine) as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "meeting_snapshot")
                                  .order_by(AuditEvent.id)).all()
    assert actions == ["create", "delete"]
