"""Freigabe: when a plan requires release, editors' reports wait (released = false) until an admin
releases them; only then does the public view show them. The reports waiting (reads); releasing them is
models.commands.release.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from models.queries import frame_of
from models.schema import Measure, StatusReport


def pending_reports(engine: Engine, plan_id: int) -> pd.DataFrame:
    """The plan's reports awaiting release, oldest first: report_id, measure code and title,
    report_date, status, progress, summary, obstacles, next_steps, progress_note, author_name,
    created_at."""
    return frame_of(
        engine,
        select(
            StatusReport.id.label("report_id"), Measure.code, Measure.title, StatusReport.report_date,
            StatusReport.status, StatusReport.progress, StatusReport.summary, StatusReport.obstacles,
            StatusReport.next_steps, StatusReport.progress_note, StatusReport.author_name,
            StatusReport.created_at,
        )
        .join(Measure, Measure.id == StatusReport.measure_id)
        .where(Measure.plan_id == plan_id, StatusReport.released.is_(False))
        .order_by(StatusReport.report_date, StatusReport.id),
    )
