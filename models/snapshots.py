"""Meeting snapshots: the presentation frozen "Stand zur Sitzung am ...", shown again exactly as stored.

A snapshot holds two decks (models.slides): "full" for signed-in users and "public" (released reports
only) for the public view, so an anonymous visitor never sees a report that awaited release when the
snapshot was taken. Commands: admin only, validated, checked against the plan's change counter (the
admin freezes what they saw), audited, in one transaction.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.commands import Actor, PermissionDenied, ValidationFailed, VersionConflict, record
from models.formats import format_date
from models.queries import frame_of
from models.schema import Body, Meeting, MeetingSnapshot, Plan
from models.slides import build_deck

FULL, PUBLIC = "full", "public"
# Figures compared "then vs. now" (keys of models.slides.key_figures; lights are per colour).
COMPARED_FIGURES = ("measures", "progress", "completed", "overdue", "at_risk", "stale")


def freeze_meeting(engine: Engine, actor: Actor, plan_id: int, meeting_id: int, as_of: dt.date,
                   expected_counter: int | None = None, today: dt.date | None = None) -> int:
    """Store the slides as of `as_of` for a meeting of the plan; returns the snapshot's id."""
    if actor.role != "admin":
        raise PermissionDenied("Nur die Administration darf einen Sitzungsstand festhalten.")
    today = today or dt.date.today()
    if not isinstance(as_of, dt.date) or as_of > today:
        raise ValidationFailed("Der Stand darf nicht in der Zukunft liegen.", {"as_of": "Bitte wählen Sie einen Stand bis heute."})
    with Session(engine) as session:  # refuse before the slides are built
        _checked(session, plan_id, meeting_id, expected_counter)
    content = {FULL: build_deck(engine, plan_id, as_of), PUBLIC: build_deck(engine, plan_id, as_of, released_only=True)}
    with Session(engine) as session, session.begin():
        meeting = _checked(session, plan_id, meeting_id, expected_counter)
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
        raise ValidationFailed("Diesen Plan gibt es nicht (mehr).")
    meeting = _meeting_of_plan(session, plan_id, meeting_id)
    _refuse_duplicate(session, plan_id, meeting.meeting_date)
    if expected_counter is not None and plan.change_counter != expected_counter:
        raise VersionConflict(
            "Der Plan wurde inzwischen geändert. Bitte prüfen Sie die Folien und halten Sie den Stand erneut fest.",
            current={"change_counter": plan.change_counter},
        )
    return meeting


def _meeting_of_plan(session: Session, plan_id: int, meeting_id: int) -> Meeting:
    meeting = session.execute(
        select(Meeting).join(Body).where(Meeting.id == meeting_id, Body.plan_id == plan_id)
    ).scalar_one_or_none()
    if meeting is None:
        raise ValidationFailed("Diese Sitzung gibt es in diesem Plan nicht.",
                               {"meeting": "Bitte wählen Sie eine Sitzung des Plans."})
    return meeting


def _refuse_duplicate(session: Session, plan_id: int, meeting_date: dt.date) -> None:
    taken = session.execute(
        select(MeetingSnapshot.id).where(MeetingSnapshot.plan_id == plan_id,
                                         MeetingSnapshot.meeting_date == meeting_date)
    ).first()
    if taken is not None:
        raise ValidationFailed(
            f"Für die Sitzung am {format_date(meeting_date)} ist schon ein Stand festgehalten. "
            "Löschen Sie ihn zuerst, wenn Sie ihn ersetzen möchten.",
            {"meeting": "Für diese Sitzung gibt es schon einen festgehaltenen Stand."},
        )


def delete_snapshot(engine: Engine, actor: Actor, plan_id: int, snapshot_id: int) -> None:
    """Remove a frozen meeting view (e.g. frozen by mistake), audited."""
    if actor.role != "admin":
        raise PermissionDenied("Nur die Administration darf einen Sitzungsstand löschen.")
    with Session(engine) as session, session.begin():
        snapshot = session.get(MeetingSnapshot, snapshot_id)
        if snapshot is None or snapshot.plan_id != plan_id:
            raise ValidationFailed("Diesen festgehaltenen Sitzungsstand gibt es nicht (mehr).")
        changes = {"meeting_date": [snapshot.meeting_date.isoformat(), None],
                   "as_of": [snapshot.as_of.isoformat(), None]}
        session.delete(snapshot)
        record(session, actor, plan_id, "delete", "meeting_snapshot", snapshot_id, changes)


# --- queries ---------------------------------------------------------------------------------------

def snapshots(engine: Engine, plan_id: int) -> pd.DataFrame:
    """The plan's frozen meeting views, newest meeting first (without their content)."""
    return frame_of(
        engine,
        select(MeetingSnapshot.id.label("snapshot_id"), MeetingSnapshot.meeting_id, MeetingSnapshot.meeting_date,
               MeetingSnapshot.title, MeetingSnapshot.as_of, MeetingSnapshot.created_at, MeetingSnapshot.created_by)
        .where(MeetingSnapshot.plan_id == plan_id)
        .order_by(MeetingSnapshot.meeting_date.desc()),
    )


def snapshot_deck(engine: Engine, plan_id: int, snapshot_id: int, public: bool) -> dict | None:
    """The stored deck of a snapshot, exactly as stored (public: the released-only deck)."""
    with engine.connect() as connection:
        content = connection.execute(
            select(MeetingSnapshot.content).where(MeetingSnapshot.id == snapshot_id,
                                                  MeetingSnapshot.plan_id == plan_id)
        ).scalar_one_or_none()
    if content is None:
        return None
    return content[PUBLIC if public else FULL]


def compare(then: dict, now: dict) -> dict:
    """A slide of key figures and each Leitziel's progress then (a snapshot's deck) and now (a fresh deck)."""
    figures = [{"key": key, "then": then["figures"].get(key), "now": now["figures"].get(key)}
               for key in COMPARED_FIGURES]
    figures += [{"key": f"light.{light}", "then": then["figures"]["lights"].get(light),
                 "now": now["figures"]["lights"].get(light)} for light in now["figures"]["lights"]]
    goals_then = {slide["code"]: slide for slide in then["slides"] if slide["kind"] == "guiding_goal"}
    goals_now = {slide["code"]: slide for slide in now["slides"] if slide["kind"] == "guiding_goal"}
    codes = list(goals_then) + [code for code in goals_now if code not in goals_then]
    goals = [
        {"code": code, "title": (goals_now.get(code) or goals_then[code])["title"],
         "then": goals_then[code]["progress"] if code in goals_then else None,
         "now": goals_now[code]["progress"] if code in goals_now else None}
        for code in codes
    ]
    return {"kind": "comparison", "then_as_of": then["as_of"], "now_as_of": now["as_of"], "figures": figures,
            "goals": goals}
