"""Meine Maßnahmen: what one organisation owes in the current reporting round, for its project lead's start page.

The rules come from models.rules and models.reporting, once: the round's window (reporting_round), its deadline
(round_deadline, with the plan's lead time), who owes a report (owes_report) and the reporting scope (may_report_on). States are as of today (not as of the meeting), so the light reads as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select

from models.reporting import (
    RoundWindow,
    cutoff_meetings,
    measures_to_report,
    natural_order,
    next_meeting,
    owing,
    partnered_measures,
    reporting_round,
)
from models.rules import COMPLETED, may_report_on, round_deadline
from models.schema import Plan

COLUMNS = ["measure_id", "code", "title", "version", "is_lead", "lead_organisation", "status", "progress", "light",
           "reason", "reason_en", "last_report_date", "days_since", "due", "owes", "overdue", "stale", "may_report"]


@dataclass(frozen=True)
class MyMeasures:
    """An organisation's measures in four groups (each a frame of COLUMNS, overdue first, then by due date and
    code): `owed`, the ones it leads that need a report in this round; `led`, the other running ones it leads
    (reported in this round already, not started or suspended); `partner`, the running ones it is a partner of;
    `completed`, the completed ones of either kind. Column may_report: whether its editors may report on the
    measure (models.rules.may_report_on; today partners may, else their rows are read-only)."""

    window: RoundWindow
    deadline: dt.date | None
    owed: pd.DataFrame
    led: pd.DataFrame
    partner: pd.DataFrame
    completed: pd.DataFrame

    @property
    def nothing(self) -> bool:
        """The organisation has no measure in the plan at all."""
        return all(frame.empty for frame in (self.owed, self.led, self.partner, self.completed))


def my_measures(engine: Engine, plan_id: int, organisation_id: int, today: dt.date,
                states: pd.DataFrame | None = None, meetings: pd.DataFrame | None = None) -> MyMeasures:
    """The measures of ORGANISATION_ID in the plan as of TODAY, grouped (see MyMeasures).

    The round is the one before the next meeting (reporting_round); its deadline is round_deadline of that
    meeting with the plan's lead time, none when no meeting is planned. A measure that owes a report is overdue once the deadline has
    passed; without a deadline, once it is stale (models.rules.is_stale). states: queries.measure_states as of
    today (the caller's cached read, unreleased reports included); meetings: reporting.cutoff_meetings."""
    if meetings is None:
        meetings = cutoff_meetings(engine, plan_id)
    window = reporting_round(meetings, today)
    meeting = next_meeting(meetings, today)
    deadline = None if meeting is None else round_deadline(meeting, _lead_days(engine, plan_id))
    frame = measures_to_report(engine, plan_id, today, states=states)  # every measure of the plan
    partnered = frame["measure_id"].isin(partnered_measures(engine, organisation_id))
    leads = frame["lead_organisation_id"]
    frame = frame.assign(is_lead=(leads == organisation_id).fillna(False).astype(bool))
    frame = frame[frame["is_lead"] | partnered].reset_index(drop=True)
    frame["may_report"] = [
        may_report_on("editor", organisation_id, None if pd.isna(lead) else int(lead),
                      () if is_lead else (organisation_id,))
        for lead, is_lead in zip(frame["lead_organisation_id"], frame["is_lead"])]
    owes = owing(frame, window.since, window.until)
    late = (today > deadline) if deadline is not None else frame["stale"].astype(bool)
    frame = frame.assign(
        owes=owes,
        overdue=owes & late,
        due=deadline,
        days_since=pd.array([None if pd.isna(last) else (today - last).days for last in frame["last_report_date"]],
                            dtype="Int64"),
    )
    frame = frame.assign(_code=natural_order(frame["code"]))
    frame = frame.sort_values(["overdue", "_code"], ascending=[False, True])[COLUMNS].reset_index(drop=True)
    done = frame["status"] == COMPLETED
    return MyMeasures(
        window=window,
        deadline=deadline,
        owed=_part(frame, frame["is_lead"] & frame["owes"] & ~done),
        led=_part(frame, frame["is_lead"] & ~frame["owes"] & ~done),
        partner=_part(frame, ~frame["is_lead"] & ~done),
        completed=_part(frame, done),
    )


def _part(frame: pd.DataFrame, rows: pd.Series) -> pd.DataFrame:
    return frame[rows.astype(bool)].reset_index(drop=True)


def _lead_days(engine: Engine, plan_id: int) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(Plan.round_lead_days).where(Plan.id == plan_id)))
