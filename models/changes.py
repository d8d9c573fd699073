"""What changed between two dates, e.g. since the last Fachbeirat meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, case, func, select

from models.queries import frame_of
from models.rules import COMPLETED, FACHBEIRAT_ONLY
from models.rules import previous_meeting as previous_meeting_of
from models.schema import Measure, Organisation, StatusReport

PLANNED = "geplant"  # the status of a measure before its first report


def reports_between(engine: Engine, plan_id: int, since: dt.date, until: dt.date,
                    released_only: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Reports dated after `since` up to and including `until`, newest first, each with the measure's
    state before it (previous status and progress) and flags for status changes and completions.
    released_only (the public view): reports awaiting release are left out, also as "before".
    limit: only the newest `limit` reports (None: all)."""
    history = _history(plan_id, since, until, released_only)
    statement = (
        select(history, Measure.code, Measure.title, Organisation.name.label("lead_organisation"))
        .join(Measure, Measure.id == history.c.measure_id)
        .outerjoin(Organisation, Organisation.id == Measure.lead_organisation_id)
        .where(history.c.report_date > since)
        .order_by(history.c.report_date.desc(), history.c.report_id.desc())
        .limit(limit)
    )
    frame = frame_of(engine, statement)
    previous = frame["previous_status"].fillna(PLANNED)
    frame["status_changed"] = frame["status"] != previous
    frame["completed"] = (frame["status"] == COMPLETED) & (previous != COMPLETED)
    return frame


def change_summary(engine: Engine, plan_id: int, since: dt.date, until: dt.date,
                   released_only: bool = False) -> ChangeSummary:
    """The figures of summarise(reports_between(...)), counted in the database: one row back
    instead of every report of the period."""
    history = _history(plan_id, since, until, released_only)
    previous = func.coalesce(history.c.previous_status, PLANNED)
    statement = select(
        func.count(),
        func.count(history.c.measure_id.distinct()),
        func.coalesce(func.sum(case((history.c.status != previous, 1), else_=0)), 0),
        func.coalesce(func.sum(case(((history.c.status == COMPLETED) & (previous != COMPLETED), 1), else_=0)), 0),
    ).where(history.c.report_date > since)
    with engine.connect() as connection:
        reports, measures, status_changes, completions = connection.execute(statement).one()
    return ChangeSummary(since=since, until=until, reports=int(reports), measures=int(measures),
                         status_changes=int(status_changes), completions=int(completions))


def _history(plan_id: int, since: dt.date, until: dt.date, released_only: bool):
    """The reports up to `until` of the measures reported on after `since`, each with the status and
    progress of the report before it (of the same measure): a subquery for reports_between and
    change_summary (the previous report may lie before `since`, so the measure's history is needed)."""
    reported = select(StatusReport.measure_id).where(StatusReport.report_date > since,
                                                     StatusReport.report_date <= until)
    conditions = [Measure.plan_id == plan_id, StatusReport.report_date <= until,
                  StatusReport.measure_id.in_(reported)]
    if released_only:
        conditions.append(StatusReport.released.is_(True))
    return (
        select(
            StatusReport.id.label("report_id"),
            StatusReport.measure_id,
            StatusReport.report_date,
            StatusReport.status,
            StatusReport.progress,
            StatusReport.summary,
            StatusReport.author_name,
            func.lag(StatusReport.status)
            .over(partition_by=StatusReport.measure_id, order_by=(StatusReport.report_date, StatusReport.id))
            .label("previous_status"),
            func.lag(StatusReport.progress)
            .over(partition_by=StatusReport.measure_id, order_by=(StatusReport.report_date, StatusReport.id))
            .label("previous_progress"),
        )
        .join(Measure, Measure.id == StatusReport.measure_id)
        .where(*conditions)
        .subquery()
    )


@dataclass(frozen=True)
class ChangeSummary:
    since: dt.date | None
    until: dt.date
    reports: int
    measures: int
    status_changes: int
    completions: int


def summarise(changes: pd.DataFrame, since: dt.date | None, until: dt.date) -> ChangeSummary:
    return ChangeSummary(
        since=since,
        until=until,
        reports=len(changes),
        measures=int(changes["measure_id"].nunique()) if len(changes) else 0,
        status_changes=int(changes["status_changed"].sum()) if len(changes) else 0,
        completions=int(changes["completed"].sum()) if len(changes) else 0,
    )


def previous_meeting(meetings: pd.DataFrame, before: dt.date) -> dt.date | None:
    """The Übersicht's "since the last meeting": the last Fachbeirat meeting strictly before `before`, none
    without one, since its words name the Fachbeirat (meetings: the frame of models.queries.meetings)."""
    return previous_meeting_of(meetings, before, FACHBEIRAT_ONLY)
