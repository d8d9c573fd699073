"""The barrier reports as the administration reads them: open ones first, each with the day its answer is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, case, select

from models.formats import format_date, local_time
from models.reporting import NO_MAIL_SUFFIX
from models.rules import barrier_answer_due
from models.schema import BarrierReport, User


@dataclass(frozen=True)
class BarrierRow:
    id: int
    reported_at: dt.datetime
    page: str
    description: str
    contact: str | None
    state: str
    answer_due: dt.date
    answered_at: dt.datetime | None
    answer_note: str


def barrier_reports(engine: Engine, limit: int = 200) -> list[BarrierRow]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(BarrierReport.id, BarrierReport.reported_at, BarrierReport.page, BarrierReport.description,
                   BarrierReport.contact, BarrierReport.state, BarrierReport.answered_at, BarrierReport.answer_note)
            .order_by(case((BarrierReport.state == "offen", 0), else_=1), BarrierReport.reported_at.desc())
            .limit(limit)
        ).all()
    return [BarrierRow(row.id, row.reported_at, row.page, row.description, row.contact, row.state,
                       barrier_answer_due(local_time(row.reported_at).date()), row.answered_at, row.answer_note)
            for row in rows]


def office_addresses(engine: Engine) -> list[tuple[str, str]]:
    """(name, e-mail) of the active administrators: a new barrier report is announced to them by mail."""
    with engine.connect() as connection:
        rows = connection.execute(select(User.name, User.email)
                                  .where(User.role == "admin", User.active.is_(True)).order_by(User.name)).all()
    return [(row.name, row.email) for row in rows if not row.email.lower().endswith(NO_MAIL_SUFFIX)]


def announcement(number: int, due: dt.date, base_url: str) -> tuple[str, str]:
    """Subject and text of the mail that tells the office of a new barrier report (no content: it is in the app)."""
    subject = f"Barriere gemeldet (Nr. {number})"
    text = (f"Guten Tag,\n\nüber die Seite Barrierefreiheit des Masterplan-Cockpits wurde eine Barriere gemeldet "
            f"(Nr. {number}). Bitte antworten Sie bis zum {format_date(due)} (sechs Wochen, § 6 HVBIT), wenn die "
            f"meldende Person eine E-Mail-Adresse angegeben hat. Die Meldung und die Adresse finden Sie nach der "
            f"Anmeldung hier:\n\n{base_url.rstrip('/')}/barrierefreiheit\n\nMasterplan-Cockpit\n")
    return subject, text
