"""The barrier reports as the administration reads them: open ones first, each with the day its answer is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, case, select

from models.formats import local_time
from models.rules import barrier_answer_due
from models.schema import BarrierReport


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
