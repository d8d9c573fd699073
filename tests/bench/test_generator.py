"""The benchmark generator: the same seed gives the same rows, and the rows are a valid plan."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bench.generator import Sizes, generate, write_plan
from models import queries
from models.commands import SYSTEM, add_status_report
from models.rules import COMPLETED, LIGHTS
from models.schema import AuditEvent, Measure, Plan, StatusReport

TODAY = dt.date(2026, 6, 30)
TINY = 0.02  # 16 measures, 160 reports


def test_same_seed_gives_same_rows_and_another_seed_other_rows():
    first = generate(TINY, seed=7, today=TODAY)
    assert first.rows == generate(TINY, seed=7, today=TODAY).rows
    assert first.rows["status_report"] != generate(TINY, seed=8, today=TODAY).rows["status_report"]


def test_sizes_follow_the_scale():
    assert Sizes.of(1) == Sizes(annual_goals=160, measures=800, reports=8000)
    assert Sizes.of(10) == Sizes(annual_goals=1600, measures=8000, reports=80000)
    plan = generate(TINY, today=TODAY)
    assert plan.count("measure") == 16 and plan.count("status_report") == 160
    assert plan.count("action_field") == 6 and plan.count("guiding_goal") == 20
    assert plan.count("indicator") == 40 and plan.count("indicator_value") == 400


def test_written_plan_is_valid_and_accepts_the_next_command(engine):
    plan_id = write_plan(engine, TINY, seed=3, today=TODAY)
    with Session(engine) as session:
        reports = session.scalars(select(StatusReport).order_by(StatusReport.measure_id, StatusReport.id)).all()
        events = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.plan_id == plan_id))
        plan = session.get(Plan, plan_id)
        assert plan.change_counter == events == 161
        for report in reports:
            assert report.report_date <= TODAY
            assert (report.status == COMPLETED) == (report.progress == 100)
        for measure in session.scalars(select(Measure)):
            history = [r.progress for r in reports if r.measure_id == measure.id]
            assert measure.version == 1 + len(history)
            assert history == sorted(history), "progress never falls without a reason"
        measure = session.scalars(select(Measure).order_by(Measure.id)).first()
        version = measure.version
    states = queries.measure_states(engine, plan_id, TODAY)
    assert len(states) == 16 and set(states["light"]) <= set(LIGHTS)
    with Session(engine) as session, session.begin():
        add_status_report(session, SYSTEM, measure.id, version, report_date=TODAY, status=COMPLETED,
                          progress=100, summary="Abgeschlossen.", today=TODAY)
    with Session(engine) as session:
        assert session.get(Plan, plan_id).change_counter == 162
