"""Read side of the page Maßnahmen: the filterable list, one measure's detail, its report history.

The list extends queries.measure_states (state, traffic light and staleness as of a date) with
the columns the page shows and filters by; filtering itself is a pure function on that frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import aliased

from models.attention import attention_mask, by_urgency
from models.queries import frame_of, measure_states
from models.schema import (
    ActionField,
    AnnualGoal,
    GuidingGoal,
    Measure,
    Organisation,
    StatusReport,
    measure_partner,
)

LIST_EXTRAS = [
    "lead_organisation_id", "action_field_code", "guiding_goal", "annual_goal_code", "annual_goal", "partners",
]


def measure_list(engine: Engine, plan_id: int, as_of: dt.date, states: pd.DataFrame | None = None) -> pd.DataFrame:
    """measure_states plus lead organisation id, action field code, guiding goal title, annual goal
    code and title and the partners (names joined by ", "). Pass `states` to reuse a computed frame."""
    if states is None:
        states = measure_states(engine, plan_id, as_of)
    extras = frame_of(
        engine,
        select(
            Measure.id.label("measure_id"), Measure.lead_organisation_id,
            ActionField.code.label("action_field_code"), GuidingGoal.title.label("guiding_goal"),
            AnnualGoal.code.label("annual_goal_code"), AnnualGoal.title.label("annual_goal"),
        )
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .join(GuidingGoal, AnnualGoal.guiding_goal_id == GuidingGoal.id)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(Measure.plan_id == plan_id, Measure.retired.is_(False)),
    )
    partners = _partner_names(engine, plan_id)
    extras["partners"] = extras["measure_id"].map(partners).fillna("")
    frame = states.drop(columns=[c for c in LIST_EXTRAS if c in states]).merge(extras, on="measure_id", how="left")
    frame["lead_organisation_id"] = frame["lead_organisation_id"].astype("Int64")
    frame["lead_organisation"] = frame["lead_organisation"].fillna("")
    return frame


def _partner_names(engine: Engine, plan_id: int) -> pd.Series:
    """Partner names per measure id, joined by ", " in alphabetical order (one query, one pandas step)."""
    rows = frame_of(
        engine,
        select(measure_partner.c.measure_id, Organisation.name)
        .join(Organisation, Organisation.id == measure_partner.c.organisation_id)
        .join(Measure, Measure.id == measure_partner.c.measure_id)
        .where(Measure.plan_id == plan_id)
        .order_by(measure_partner.c.measure_id, Organisation.name),
    )
    return rows.groupby("measure_id")["name"].agg(", ".join)


def measure_detail(engine: Engine, plan_id: int, code: str) -> dict[str, Any] | None:
    """Everything the detail view shows about one measure (by code), or None when the plan has none
    with that code. Keys: the measure's own fields, its path (action field -> guiding goal -> annual
    goal), lead, partners (list of names), predecessor (carried over from) and successors."""
    lead, previous = aliased(Organisation), aliased(Measure)
    statement = (
        select(
            Measure.id.label("measure_id"), Measure.code, Measure.title, Measure.description, Measure.origin,
            Measure.start_date, Measure.due_date, Measure.weight, Measure.carry_over_reason,
            Measure.lead_organisation_id, lead.name.label("lead_organisation"),
            previous.code.label("carried_over_from_code"), previous.title.label("carried_over_from_title"),
            AnnualGoal.code.label("annual_goal_code"), AnnualGoal.title.label("annual_goal"), AnnualGoal.year,
            AnnualGoal.prioritised, GuidingGoal.code.label("guiding_goal_code"),
            GuidingGoal.title.label("guiding_goal"), ActionField.code.label("action_field_code"),
            ActionField.title.label("action_field"),
        )
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .join(GuidingGoal, AnnualGoal.guiding_goal_id == GuidingGoal.id)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .outerjoin(lead, Measure.lead_organisation_id == lead.id)
        .outerjoin(previous, Measure.carried_over_from_id == previous.id)
        .where(Measure.plan_id == plan_id, Measure.code == code, Measure.retired.is_(False))
    )
    with engine.connect() as connection:
        row = connection.execute(statement).mappings().first()
        if row is None:
            return None
        detail = dict(row)
        detail["partners"] = list(connection.execute(
            select(Organisation.name)
            .join(measure_partner, measure_partner.c.organisation_id == Organisation.id)
            .where(measure_partner.c.measure_id == detail["measure_id"])
            .order_by(Organisation.name)
        ).scalars())
        detail["successors"] = [tuple(r) for r in connection.execute(
            select(Measure.code, Measure.title)
            .where(Measure.carried_over_from_id == detail["measure_id"], Measure.retired.is_(False))
            .order_by(Measure.code)
        )]
    return detail


def report_history(engine: Engine, measure_id: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    """A measure's status reports dated on or before as_of, newest first (same date: latest entry first);
    released_only (the public view) leaves out reports awaiting release."""
    conditions = [StatusReport.measure_id == measure_id, StatusReport.report_date <= as_of]
    if released_only:
        conditions.append(StatusReport.released.is_(True))
    return frame_of(
        engine,
        select(
            StatusReport.id.label("report_id"), StatusReport.report_date, StatusReport.status,
            StatusReport.progress, StatusReport.summary, StatusReport.obstacles, StatusReport.next_steps,
            StatusReport.author_name,
        )
        .where(*conditions)
        .order_by(StatusReport.report_date.desc(), StatusReport.id.desc()),
    )


@dataclass(frozen=True)
class MeasureFilters:
    """The filter values of the list; empty tuples and False mean "no restriction"."""

    action_fields: tuple[str, ...] = ()  # action field codes
    guiding_goals: tuple[str, ...] = ()  # guiding goal codes
    years: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()  # domain values, e.g. "verzögert"
    lights: tuple[str, ...] = ()  # "green", "yellow", "red", "grey"
    organisations: tuple[int, ...] = ()  # lead organisation ids
    prioritised_only: bool = False
    stale_only: bool = False
    search: str = ""  # in code or title, case-insensitive
    attention_only: bool = False  # red, yellow, overdue or stale (models.attention), most urgent first

    @property
    def active(self) -> bool:
        return self != MeasureFilters()


def apply_filters(frame: pd.DataFrame, filters: MeasureFilters) -> pd.DataFrame:
    """The rows of a measure_list frame that pass every filter (AND across filters, OR within one),
    in their original order with a fresh index; with attention_only most urgent first (models.attention)."""
    mask = pd.Series(True, index=frame.index)
    for column, chosen in (
        ("action_field_code", filters.action_fields),
        ("guiding_goal_code", filters.guiding_goals),
        ("year", filters.years),
        ("status", filters.statuses),
        ("light", filters.lights),
        ("lead_organisation_id", filters.organisations),
    ):
        if chosen:
            mask &= frame[column].isin(list(chosen)).fillna(False).astype(bool)
    if filters.prioritised_only:
        mask &= frame["prioritised"].astype(bool)
    if filters.stale_only:
        mask &= frame["stale"].astype(bool)
    term = " ".join(filters.search.split()).casefold()
    if term:
        haystack = frame["code"].astype(str) + "\n" + frame["title"].astype(str)
        mask &= haystack.str.casefold().str.contains(term, regex=False)
    if filters.attention_only:
        return by_urgency(frame[mask & attention_mask(frame)])
    return frame[mask].reset_index(drop=True)
