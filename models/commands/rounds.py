"""Reporting rounds (Berichtsrunden): the office opens one for a meeting and closes it; an account holder turns
the round's reminder mails off or on for herself. The mails themselves are sent by models.reminders."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import ValidationFailed, record
from models.commands.checks import require_admin
from models.commands.wording import say
from models.formats import format_date
from models.rules import round_deadline
from models.schema import Plan, ReportingRound, User, utc_now


def open_round(session: Session, actor: Actor, plan_id: int, meeting_date: dt.date, since: dt.date,
               today: dt.date) -> int:
    """Open the round before MEETING_DATE (reports dated after SINCE count); its deadline is counted back from
    the meeting by the plan's lead time. Refused when that deadline has passed or the meeting has a round."""
    require_admin(actor)
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise ValidationFailed(say("plan_gone"))
    deadline = round_deadline(meeting_date, plan.round_lead_days)
    if deadline < today:
        raise ValidationFailed(say("round.too_late", meeting=format_date(meeting_date), deadline=format_date(deadline),
                                   days=plan.round_lead_days))
    if since >= meeting_date:
        raise ValidationFailed(say("round.window"))
    if session.scalar(select(ReportingRound.id).where(ReportingRound.plan_id == plan_id,
                                                      ReportingRound.meeting_date == meeting_date)) is not None:
        raise ValidationFailed(say("round.exists", meeting=format_date(meeting_date)))
    opened = ReportingRound(plan_id=plan_id, meeting_date=meeting_date, since=since, deadline=deadline,
                            opened_on=today, opened_by=actor.name)
    session.add(opened)
    session.flush()
    record(session, actor, plan_id, "create", "reporting_round", opened.id,
           {"meeting_date": [None, meeting_date.isoformat()], "deadline": [None, deadline.isoformat()],
            "since": [None, since.isoformat()]})
    return opened.id


def close_round(session: Session, actor: Actor, round_id: int) -> None:
    """End a round early: no more mails go out for it."""
    require_admin(actor)
    opened = session.get(ReportingRound, round_id)
    if opened is None:
        raise ValidationFailed(say("round.gone"))
    if opened.closed_at is None:
        opened.closed_at = utc_now()
        record(session, actor, opened.plan_id, "update", "reporting_round", opened.id, {"closed": [False, True]})


def set_reminders_off(session: Session, actor: Actor, off: bool) -> None:
    """The signed-in person's own choice: no reminder mails of reporting rounds (or again)."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None:
        raise ValidationFailed(say("round.no_account"))
    if user.reminders_off != off:
        user.reminders_off = off
        record(session, actor, None, "update", "account", user.id, {"reminders_off": [not off, off]})
