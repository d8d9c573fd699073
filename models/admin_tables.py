"""The tables of the Pflege page (read only): every row of a plan's structure, organisations, indicators,
meetings and accounts, retired rows included.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, aliased

from models.queries import frame_of
from models.rules import COMPLETED, PLANNED, SUSPENDED
from models.schema import (
    ActionField,
    AnnualGoal,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    StatusReport,
    User,
    measure_partner,
)


def maintenance_frames(engine: Engine, plan_id: int) -> dict[str, pd.DataFrame]:
    """Everything the Pflege page lists, retired rows included (column retired), one query per table."""
    return {
        "action_fields": _action_fields(engine, plan_id),
        "guiding_goals": _guiding_goals(engine, plan_id),
        "annual_goals": _annual_goals(engine, plan_id),
        "measures": _measures(engine, plan_id),
        "organisations": frame_of(engine, select(
            Organisation.id, Organisation.name, Organisation.short_name, Organisation.kind, Organisation.retired,
            Organisation.contact_email)
            .order_by(Organisation.name)),
        "indicators": frame_of(engine, select(Indicator).where(Indicator.plan_id == plan_id)
                               .order_by(Indicator.position, Indicator.id)),
        "indicator_values": frame_of(engine, select(
            IndicatorValue.id, IndicatorValue.indicator_id, Indicator.code.label("indicator_code"),
            IndicatorValue.value_date, IndicatorValue.value, IndicatorValue.source, IndicatorValue.note)
            .join(Indicator).where(Indicator.plan_id == plan_id)
            .order_by(Indicator.position, Indicator.id, IndicatorValue.value_date)),
        "bodies": frame_of(engine, select(Body.id, Body.name, Body.kind).where(Body.plan_id == plan_id)
                           .order_by(Body.name)),
        "meetings": frame_of(engine, select(
            Meeting.id, Meeting.body_id, Body.name.label("body"), Meeting.meeting_date, Meeting.title,
            Meeting.is_reporting_cutoff).join(Body).where(Body.plan_id == plan_id).order_by(Meeting.meeting_date)),
        "users": _users(engine),
    }


def _action_fields(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(engine, select(
        ActionField.id, ActionField.code, ActionField.title, ActionField.description, ActionField.position,
        ActionField.retired).where(ActionField.plan_id == plan_id).order_by(ActionField.position, ActionField.id))


def _guiding_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(engine, select(
        GuidingGoal.id, GuidingGoal.code, GuidingGoal.title, GuidingGoal.description, GuidingGoal.action_field_id,
        ActionField.code.label("action_field_code"), GuidingGoal.position, GuidingGoal.retired)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(GuidingGoal.plan_id == plan_id)
        .order_by(ActionField.position, GuidingGoal.position, GuidingGoal.id))


def _annual_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    source = aliased(AnnualGoal)
    return frame_of(engine, select(
        AnnualGoal.id, AnnualGoal.code, AnnualGoal.year, AnnualGoal.title, AnnualGoal.description,
        AnnualGoal.prioritised, AnnualGoal.decision_date, AnnualGoal.decision_reference, AnnualGoal.guiding_goal_id,
        GuidingGoal.code.label("guiding_goal_code"), AnnualGoal.carried_over_from_id,
        source.code.label("carried_over_from_code"), AnnualGoal.carry_over_reason, AnnualGoal.position,
        AnnualGoal.retired)
        .join(GuidingGoal, AnnualGoal.guiding_goal_id == GuidingGoal.id)
        .outerjoin(source, AnnualGoal.carried_over_from_id == source.id)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(AnnualGoal.plan_id == plan_id)
        .order_by(AnnualGoal.year, ActionField.position, GuidingGoal.position, AnnualGoal.position, AnnualGoal.id))


def _measures(engine: Engine, plan_id: int) -> pd.DataFrame:
    source = aliased(Measure)
    frame = frame_of(engine, select(
        Measure.id, Measure.code, Measure.title, Measure.description, Measure.annual_goal_id,
        AnnualGoal.code.label("annual_goal_code"), AnnualGoal.year, Measure.lead_organisation_id,
        Organisation.name.label("lead"), Measure.origin, Measure.start_date, Measure.due_date, Measure.weight,
        Measure.version, Measure.position, Measure.retired, source.code.label("carried_over_from_code"),
        Measure.carry_over_reason, latest_status().label("status"))
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .outerjoin(Organisation, Measure.lead_organisation_id == Organisation.id)
        .outerjoin(source, Measure.carried_over_from_id == source.id)
        .where(Measure.plan_id == plan_id)
        .order_by(AnnualGoal.year, AnnualGoal.code, Measure.position, Measure.id))
    partners = frame_of(engine, select(measure_partner.c.measure_id, measure_partner.c.organisation_id)
                        .join(Measure, Measure.id == measure_partner.c.measure_id).where(Measure.plan_id == plan_id))
    grouped: dict[int, list[int]] = {}
    for measure_id, organisation_id in zip(partners["measure_id"], partners["organisation_id"]):
        grouped.setdefault(int(measure_id), []).append(int(organisation_id))
    frame["partner_ids"] = [sorted(grouped.get(int(measure_id), [])) for measure_id in frame["id"]]
    return frame


def _users(engine: Engine) -> pd.DataFrame:
    return frame_of(engine, select(
        User.id, User.name, User.email, User.role, User.organisation_id, Organisation.name.label("organisation"),
        User.active, User.password_hash.is_not(None).label("local"), User.oidc_subject.is_not(None).label("oidc"),
        User.last_login_at).outerjoin(Organisation, User.organisation_id == Organisation.id).order_by(User.name))


def latest_status():
    """The latest status of Measure (correlated): its last report's, or geplant without one."""
    latest = (
        select(StatusReport.status)
        .where(StatusReport.measure_id == Measure.id)
        .order_by(StatusReport.report_date.desc(), StatusReport.id.desc())
        .limit(1)
        .correlate(Measure)
        .scalar_subquery()
    )
    return func.coalesce(latest, PLANNED)


def open_measures(session: Session, annual_goal_id: int) -> list[Measure]:
    """Visible measures of an annual goal that are neither completed nor suspended."""
    return list(session.scalars(
        select(Measure)
        .where(Measure.annual_goal_id == annual_goal_id, Measure.retired.is_(False),
               latest_status().not_in((COMPLETED, SUSPENDED)))
        .order_by(Measure.position, Measure.id)
    ))


