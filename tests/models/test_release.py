"""Freigabe: waiting reports, the release command, and the public view's released-only reads."""

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import queries
from models.changes import reports_between
from models.commands import Actor, PermissionDenied, ValidationFailed, add_status_report
from models.measures import report_history
from models.release import pending_reports
from models.commands.release import release_reports
from models.schema import AuditEvent, Measure, Organisation, Plan, StatusReport
from models.seed import insert_plan_document, read_document
from tests.conftest import FIXTURES

ADMIN = Actor(name="Büro Migration", role="admin")
ON = dt.date(2024, 6, 30)


def _hold_back(engine, code="M1", report_date=dt.date(2024, 6, 1)) -> int:
    """Mark one report of the mini plan as waiting for release; returns its id."""
    with Session(engine) as session, session.begin():
        report = session.scalars(
            select(StatusReport).join(Measure).where(Measure.code == code, StatusReport.report_date == report_date)
        ).one()
        report.released = False
        return report.id


def _release(engine, plan_id, ids, actor=ADMIN):
    with Session(engine) as session, session.begin():
        return release_reports(session, actor, plan_id, ids)


def _snapshot(engine, plan_id):
    with Session(engine) as session:
        released = session.scalars(select(StatusReport.id).where(StatusReport.released.is_(True))
                                   .order_by(StatusReport.id)).all()
        audits = session.scalar(select(func.count()).select_from(AuditEvent))
    return released, audits, queries.change_counter(engine, plan_id)


def test_nothing_waits_in_the_mini_plan(engine, mini_plan):
    assert pending_reports(engine, mini_plan).empty


def test_pending_reports_lists_the_waiting_ones(engine, mini_plan):
    held = _hold_back(engine)
    pending = pending_reports(engine, mini_plan)
    assert pending["report_id"].tolist() == [held]
    row = pending.iloc[0]
    assert (row["code"], row["title"], row["report_date"], row["status"], row["progress"], row["summary"],
            row["author_name"]) == ("M1", "Sprachkurs A", dt.date(2024, 6, 1), "in Umsetzung", 50, "Halbzeit", "VHS")


def test_admin_releases_with_audit_and_counter(engine, mini_plan):
    first, second = _hold_back(engine), _hold_back(engine, "M2", dt.date(2024, 5, 1))
    counter = queries.change_counter(engine, mini_plan)
    assert _release(engine, mini_plan, [second, first]) == 2
    assert pending_reports(engine, mini_plan).empty
    assert queries.change_counter(engine, mini_plan) == counter + 1
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.object_type, event.actor_name) == ("release", "status_report", "Büro Migration")
    assert event.changes == {"released": [False, True], "reports": 2, "measures": "M1, M2"}


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_viewer_and_editor_may_not_release_and_nothing_is_written(engine, mini_plan, role):
    held = _hold_back(engine)
    before = _snapshot(engine, mini_plan)
    with pytest.raises(PermissionDenied, match="Nur die Administration"):
        _release(engine, mini_plan, [held], Actor(name="Jemand", role=role, organisation_id=1))
    assert _snapshot(engine, mini_plan) == before


def test_an_empty_choice_is_refused(engine, mini_plan):
    with pytest.raises(ValidationFailed, match="mindestens einen Sachstand"):
        _release(engine, mini_plan, [])


def test_already_released_or_foreign_reports_release_nothing_at_all(engine, mini_plan):
    held = _hold_back(engine)
    released_already = _hold_back(engine, "M2", dt.date(2024, 5, 1))
    _release(engine, mini_plan, [released_already])
    before = _snapshot(engine, mini_plan)
    with pytest.raises(ValidationFailed, match="warten nicht mehr auf Freigabe"):
        _release(engine, mini_plan, [held, released_already])
    with pytest.raises(ValidationFailed, match="warten nicht mehr auf Freigabe"):
        _release(engine, mini_plan + 1, [held])  # the report belongs to another plan
    assert _snapshot(engine, mini_plan) == before
    assert pending_reports(engine, mini_plan)["report_id"].tolist() == [held]


def test_released_only_hides_a_waiting_report_from_measure_states(engine, mini_plan):
    _hold_back(engine)
    everything = queries.measure_states(engine, mini_plan, ON).set_index("code")
    public = queries.measure_states(engine, mini_plan, ON, released_only=True).set_index("code")
    assert (everything.loc["M1", "progress"], everything.loc["M1", "last_report_date"]) == (50, dt.date(2024, 6, 1))
    assert (public.loc["M1", "progress"], public.loc["M1", "last_report_date"]) == (20, dt.date(2024, 3, 1))
    # 20 % against ~50 % expected: the public sees the older, yellow state
    assert (everything.loc["M1", "light"], public.loc["M1", "light"]) == ("green", "yellow")
    assert everything.drop(index="M1")[["progress", "light"]].equals(public.drop(index="M1")[["progress", "light"]])


def test_released_only_hides_a_waiting_report_from_the_changes_and_the_history(engine, mini_plan):
    held = _hold_back(engine)
    since, until = dt.date(2024, 3, 15), dt.date(2024, 9, 15)
    everything = reports_between(engine, mini_plan, since, until)
    public = reports_between(engine, mini_plan, since, until, released_only=True)
    assert held in everything["report_id"].tolist()
    assert sorted(everything["report_id"]) == sorted([*public["report_id"], held])
    measure_id = int(everything.loc[everything["report_id"] == held, "measure_id"].iloc[0])
    assert report_history(engine, measure_id, ON)["progress"].tolist() == [50, 20]
    assert report_history(engine, measure_id, ON, released_only=True)["progress"].tolist() == [20]


def test_released_report_becomes_public(engine, mini_plan):
    held = _hold_back(engine)
    _release(engine, mini_plan, [held])
    public = queries.measure_states(engine, mini_plan, ON, released_only=True).set_index("code")
    assert public.loc["M1", "progress"] == 50


def test_an_editors_report_waits_when_the_plan_requires_release(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).where(Plan.id == mini_plan).values(release_required=True))
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        measure = session.scalars(select(Measure).where(Measure.code == "M2")).one()
        add_status_report(session, Actor(name="Frau Lehmann", role="editor", organisation_id=vhs), measure.id,
                          measure.version, report_date=dt.date(2024, 7, 1), status="in Umsetzung", progress=40,
                          summary="Zweiter Kurs läuft", today=dt.date(2024, 7, 1))
    pending = pending_reports(engine, mini_plan)
    assert pending[["code", "progress", "author_name"]].values.tolist() == [["M2", 40, "Frau Lehmann"]]
    on = dt.date(2024, 7, 1)
    assert queries.measure_states(engine, mini_plan, on, released_only=True).set_index("code").loc["M2", "progress"] == 10
    _release(engine, mini_plan, pending["report_id"].tolist())
    assert queries.measure_states(engine, mini_plan, on, released_only=True).set_index("code").loc["M2", "progress"] == 40


def test_release_stays_within_its_plan(engine, mini_plan):
    with Session(engine) as session, session.begin():
        document = read_document(FIXTURES / "mini-plan.yaml")
        document["plan"]["slug"] = "zweiter"
        for organisation in document["organisations"]:
            organisation["name"] += " (zweiter Plan)"
        other = insert_plan_document(session, document).id
    held = _hold_back_in(engine, other)
    assert pending_reports(engine, mini_plan).empty
    assert pending_reports(engine, other)["report_id"].tolist() == [held]


def _hold_back_in(engine, plan_id) -> int:
    with Session(engine) as session, session.begin():
        report = session.scalars(
            select(StatusReport).join(Measure).where(Measure.plan_id == plan_id).order_by(StatusReport.id)
        ).first()
        report.released = False
        return report.id
