"""Gremien and their Sitzungen (each date a reporting cut-off), and the meeting snapshots: the presentation
frozen "Stand zur Sitzung am ..." (reading them back is models.snapshots).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import (
    PermissionDenied,
    ValidationFailed,
    VersionConflict,
    check_counter,
    plain,
    record,
    save_changes,
    save_new,
)
from models.commands.checks import Checks, as_id, checked_values, require_admin
from models.commands.wording import say
from models.rules import NAME_MAX, SHORT_MAX
from models.schema import Body, Meeting, MeetingSnapshot, Plan
from models.slides import build_deck
from models.snapshots import FULL, PUBLIC


def _body_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                 exclude_id: int | None = None) -> dict[str, Any]:
    name = checks.text("name", raw.get("name"), "Name", NAME_MAX, required=True)
    if checks.ok("name"):
        clash = select(Body.id).where(Body.plan_id == plan_id, func.lower(Body.name) == name.lower())
        if exclude_id is not None:
            clash = clash.where(Body.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("name", say("body.taken", name=name))
    return {"name": name, "kind": checks.text("kind", raw.get("kind"), "Art", SHORT_MAX, required=True)}


def create_body(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Body:
    """A new Gremium (name, kind: Fachbeirat, Kreistag, Integrationskonferenz ...)."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _body_values(checks, session, plan_id, raw))
    return save_new(session, actor, plan_id, "body", Body(plan_id=plan_id, **values), values)


def update_body(session: Session, actor: Actor, plan_id: int, body_id: int, *, expected_counter: int,
                **raw: Any) -> Body:
    require_admin(actor)
    body_id = as_id(body_id)
    row = session.get(Body, body_id) if body_id is not None else None
    if row is None or row.plan_id != plan_id:
        raise ValidationFailed(say("body_gone"))
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _body_values(checks, session, plan_id, raw, row.id))
    return save_changes(session, actor, plan_id, "body", row, values)


def _meeting_values(checks: Checks, session: Session, plan_id: int, raw: Mapping[str, Any],
                    exclude_id: int | None = None) -> dict[str, Any]:
    body_id = as_id(raw.get("body_id"))
    body = session.get(Body, body_id) if body_id is not None else None
    if body is None or body.plan_id != plan_id:
        checks.fail("body_id", say("meeting.body"))
    meeting_date = checks.date("meeting_date", raw.get("meeting_date"), "Datum", required=True)
    if body is not None and meeting_date is not None:
        clash = select(Meeting.id).where(Meeting.body_id == body.id, Meeting.meeting_date == meeting_date)
        if exclude_id is not None:
            clash = clash.where(Meeting.id != exclude_id)
        if session.scalar(clash.limit(1)) is not None:
            checks.fail("meeting_date", say("meeting.taken", date=meeting_date))
    return {
        "body_id": body.id if body is not None else None,
        "meeting_date": meeting_date,
        "title": checks.text("title", raw.get("title"), "Bezeichnung", NAME_MAX),
        "is_reporting_cutoff": bool(raw.get("is_reporting_cutoff", True)),
    }


def _meeting_row(session: Session, plan_id: int, meeting_id: Any) -> Meeting:
    meeting_id = as_id(meeting_id)
    row = session.get(Meeting, meeting_id) if meeting_id is not None else None
    if row is None or row.body.plan_id != plan_id:
        raise ValidationFailed(say("meeting_gone"))
    return row


def create_meeting(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Meeting:
    """A meeting (body_id, meeting_date, title, is_reporting_cutoff): its date is a reporting cut-off."""
    require_admin(actor)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _meeting_values(checks, session, plan_id, raw))
    return save_new(session, actor, plan_id, "meeting", Meeting(**values), values)


def update_meeting(session: Session, actor: Actor, plan_id: int, meeting_id: int, *, expected_counter: int,
                   **raw: Any) -> Meeting:
    require_admin(actor)
    row = _meeting_row(session, plan_id, meeting_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _meeting_values(checks, session, plan_id, raw, row.id))
    return save_changes(session, actor, plan_id, "meeting", row, values)


def delete_meeting(session: Session, actor: Actor, plan_id: int, meeting_id: int, *, expected_counter: int) -> None:
    """Remove a wrongly entered meeting date (nothing refers to it); the audit event keeps what it was."""
    require_admin(actor)
    row = _meeting_row(session, plan_id, meeting_id)
    check_counter(session, plan_id, expected_counter)
    old = {"body": [row.body.name, None], "meeting_date": [plain(row.meeting_date), None], "title": [row.title, None]}
    session.delete(row)
    record(session, actor, plan_id, "delete", "meeting", meeting_id, old)


# --- meeting snapshots ------------------------------------------------------------------------


def freeze_meeting(session: Session, actor: Actor, plan_id: int, meeting_id: int, as_of: dt.date,
                   expected_counter: int | None = None, today: dt.date | None = None) -> int:
    """Store the slides as of `as_of` for a meeting of the plan; returns the snapshot's id. Admin only, checked
    against the plan's change counter (the admin freezes what they saw)."""
    if actor.role != "admin":
        raise PermissionDenied(say("snapshot.admins_only"))
    today = today or dt.date.today()
    if not isinstance(as_of, dt.date) or as_of > today:
        raise ValidationFailed(say("snapshot.future"), {"as_of": say("snapshot.until_today")})
    _checked(session, plan_id, meeting_id, expected_counter)  # refuse before the slides are built
    engine = session.get_bind()
    content = {FULL: build_deck(engine, plan_id, as_of), PUBLIC: build_deck(engine, plan_id, as_of, released_only=True)}
    meeting = _checked(session, plan_id, meeting_id, expected_counter)  # still so after building them
    snapshot = MeetingSnapshot(plan_id=plan_id, meeting_id=meeting.id, meeting_date=meeting.meeting_date,
                               title=meeting.title or meeting.body.name, as_of=as_of, created_by=actor.name,
                               content=content)
    session.add(snapshot)
    session.flush()
    record(session, actor, plan_id, "create", "meeting_snapshot", snapshot.id, {
        "meeting_date": [None, meeting.meeting_date.isoformat()],
        "as_of": [None, as_of.isoformat()],
        "slides": [None, len(content[FULL]["slides"])],
    })
    return snapshot.id


def _checked(session: Session, plan_id: int, meeting_id: int, expected_counter: int | None) -> Meeting:
    """The plan's meeting; refuses an unknown plan or meeting, a meeting that already has a snapshot,
    and a plan changed since the admin looked at the slides (expected_counter)."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise ValidationFailed(say("plan_gone"))
    meeting = _meeting_of_plan(session, plan_id, meeting_id)
    _refuse_duplicate(session, plan_id, meeting.meeting_date)
    if expected_counter is not None and plan.change_counter != expected_counter:
        raise VersionConflict(
            say("snapshot.conflict"),
            current={"change_counter": plan.change_counter},
        )
    return meeting


def _meeting_of_plan(session: Session, plan_id: int, meeting_id: int) -> Meeting:
    meeting = session.execute(
        select(Meeting).join(Body).where(Meeting.id == meeting_id, Body.plan_id == plan_id)
    ).scalar_one_or_none()
    if meeting is None:
        raise ValidationFailed(say("snapshot.no_meeting"), {"meeting": say("snapshot.choose_meeting")})
    return meeting


def _refuse_duplicate(session: Session, plan_id: int, meeting_date: dt.date) -> None:
    taken = session.execute(
        select(MeetingSnapshot.id).where(MeetingSnapshot.plan_id == plan_id,
                                         MeetingSnapshot.meeting_date == meeting_date)
    ).first()
    if taken is not None:
        raise ValidationFailed(say("snapshot.taken", date=meeting_date), {"meeting": say("snapshot.taken_short")})


def delete_snapshot(session: Session, actor: Actor, plan_id: int, snapshot_id: int) -> None:
    """Remove a frozen meeting view (e.g. frozen by mistake), audited."""
    if actor.role != "admin":
        raise PermissionDenied(say("snapshot.delete_admins_only"))
    snapshot = session.get(MeetingSnapshot, snapshot_id)
    if snapshot is None or snapshot.plan_id != plan_id:
        raise ValidationFailed(say("snapshot_gone"))
    changes = {"meeting_date": [snapshot.meeting_date.isoformat(), None],
               "as_of": [snapshot.as_of.isoformat(), None]}
    session.delete(snapshot)
    record(session, actor, plan_id, "delete", "meeting_snapshot", snapshot_id, changes)
