"""Constraints live in the database: each is checked by writing a row that breaks it."""

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.schema import AnnualGoal, Indicator, Measure, Plan, StatusReport


def _violates(engine, statement) -> None:
    with pytest.raises(IntegrityError):
        with Session(engine) as session, session.begin():
            session.execute(statement)


def _measure(engine, code="M1") -> Measure:
    with Session(engine) as session:
        return session.scalars(select(Measure).where(Measure.code == code)).one()


def _report(measure_id, **overrides):
    values = dict(measure_id=measure_id, report_date=dt.date(2024, 7, 1), status="in Umsetzung", progress=50)
    values.update(overrides)
    return StatusReport.__table__.insert().values(**values)


def test_progress_must_be_between_0_and_100(engine, mini_plan):
    measure = _measure(engine)
    _violates(engine, _report(measure.id, progress=101))
    _violates(engine, _report(measure.id, progress=-1))


def test_status_must_be_known(engine, mini_plan):
    _violates(engine, _report(_measure(engine).id, status="erledigt"))


def test_completed_means_100_percent_and_100_percent_only_when_completed(engine, mini_plan):
    measure = _measure(engine)
    _violates(engine, _report(measure.id, status="abgeschlossen", progress=90))
    _violates(engine, _report(measure.id, status="in Umsetzung", progress=100))


def test_measure_codes_are_unique_per_plan(engine, mini_plan):
    measure = _measure(engine)
    duplicate = Measure.__table__.insert().values(
        plan_id=measure.plan_id, annual_goal_id=measure.annual_goal_id, code="M1", title="Doppelt",
        weight=1.0, version=1, position=9, retired=False, description="", origin="",
    )
    _violates(engine, duplicate)


def test_due_date_may_not_lie_before_start(engine, mini_plan):
    _violates(engine, update(Measure).where(Measure.code == "M1").values(due_date=dt.date(2023, 1, 1)))


def test_weight_may_not_be_negative(engine, mini_plan):
    _violates(engine, update(Measure).where(Measure.code == "M1").values(weight=-1))


def test_foreign_keys_are_enforced(engine, mini_plan):
    _violates(engine, _report(999_999))


def test_prioritised_annual_goal_needs_a_decision_date(engine, mini_plan):
    _violates(engine, update(AnnualGoal).where(AnnualGoal.code == "JZ2024-01").values(decision_date=None))


def test_indicator_belongs_to_at_most_one_level(engine, mini_plan):
    with Session(engine) as session:
        indicator = session.scalars(select(Indicator)).one()
        measure_id = _measure(engine).id
    _violates(engine, update(Indicator).where(Indicator.id == indicator.id).values(measure_id=measure_id))


def test_indicator_target_date_after_baseline(engine, mini_plan):
    _violates(engine, update(Indicator).values(target_date=dt.date(2020, 1, 1)))


def test_plan_change_counter_may_not_be_negative(engine, mini_plan):
    _violates(engine, update(Plan).values(change_counter=-1))
