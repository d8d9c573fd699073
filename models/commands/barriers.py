"""Barrier reports (the feedback mechanism of the accessibility statement): anyone may report a barrier, signed
in or not; the administration marks a report answered, which deletes the reporter's address.

Not plan data: no plan's change counter moves. Every write is audited (without the reporter's address).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.auth import EMAIL_PATTERN
from models.commands.base import TEXT_MAX, ValidationFailed, record
from models.commands.checks import Checks, require_admin
from models.commands.wording import say
from models.rules import BARRIERS_PER_DAY, NAME_MAX
from models.schema import BarrierReport, utc_now

CONTACT_MAX = 254


def report_barrier(session: Session, actor: Actor, *, description: str, page: str = "",
                   contact: str = "") -> int:
    """Store a barrier report; returns its number. Refused when the description is missing or too long, the
    address is not one, or the day's reports are used up (the form is open to everyone)."""
    checks = Checks()
    text = checks.text("description", description, "Beschreibung", TEXT_MAX, required=True)
    where = checks.text("page", page, "Seite", NAME_MAX)
    address = checks.text("contact", contact, "E-Mail-Adresse", CONTACT_MAX)
    if address and not EMAIL_PATTERN.match(address):
        checks.fail("contact", say("barrier.contact"))
    checks.raise_if_any()
    since = utc_now() - dt.timedelta(days=1)
    if session.scalar(select(func.count(BarrierReport.id)).where(BarrierReport.reported_at >= since)) >= BARRIERS_PER_DAY:
        raise ValidationFailed(say("barrier.day_full"))
    report = BarrierReport(description=text, page=where, contact=address or None, state="offen", answer_note="")
    session.add(report)
    session.flush()
    record(session, actor, None, "create", "barrier_report", report.id,
           {"page": [None, where], "description": [None, text], "contact": [None, "angegeben" if address else ""]})
    return report.id


def answer_barrier(session: Session, actor: Actor, report_id: int, note: str = "") -> None:
    """Mark a barrier report answered (admin): the reporter's address is deleted, the note kept."""
    require_admin(actor)
    report = session.get(BarrierReport, report_id)
    if report is None:
        raise ValidationFailed(say("barrier.gone"))
    if report.state == "beantwortet":
        return
    checks = Checks()
    text = checks.text("note", note, "Anmerkung", TEXT_MAX)
    checks.raise_if_any()
    report.state, report.answered_at, report.answer_note, report.contact = "beantwortet", utc_now(), text, None
    record(session, actor, None, "update", "barrier_report", report.id,
           {"state": ["offen", "beantwortet"], "answer_note": [None, text]})
