"""The audit trail: a plan's events and the account events, filtered, newest first, in words."""

import datetime as dt

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models.audit import (
    AuditFilters,
    audit_choices,
    audit_events,
    change_items,
    format_value,
    latest_event_id,
    object_reference,
    person_slug,
    reference_field,
)
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor, add_status_report
from models.queries import change_counter
from models.schema import AuditEvent, Measure, Plan
from models.commands.settings import update_plan_settings


def _event(engine, plan_id, at, **fields):
    """An audit event at a known time (UTC, as stored), for the date filters."""
    values = dict(plan_id=plan_id, at=at, actor_name="Test", action="update", object_type="measure",
                  object_id=None, changes={})
    values.update(fields)
    with engine.begin() as connection:
        connection.execute(insert(AuditEvent).values(**values))


def _activity(engine, plan_id):
    """A report and a settings change by two admins, and a new account (no plan)."""
    with Session(engine) as session, session.begin():
        measure = session.query(Measure).filter_by(code="M1").one()
        add_status_report(session, Actor(name="Jürgen Groß", role="admin"), measure.id, measure.version,
                          report_date=dt.date(2024, 7, 1), status="in Umsetzung", progress=60, summary="Weiter",
                          today=dt.date(2024, 7, 1))
    with Session(engine) as session, session.begin():
        update_plan_settings(session, Actor(name="Büro Migration", role="admin"), plan_id,
                             change_counter(engine, plan_id), green_tolerance=20)
    with Session(engine) as session, session.begin():
        create_user(session, SYSTEM, name="Gast", email="gast@kreis.example", role="viewer")


def test_the_import_of_the_mini_plan_is_the_first_event(engine, mini_plan):
    events, total = audit_events(engine, mini_plan)
    assert total == 1
    event = events.iloc[0]
    assert (event["actor_name"], event["action"], event["object_type"], event["object_id"]) == (
        "System", "import", "plan", mini_plan)
    assert event["changes"]["measures"] == 6 and event["changes"]["source"] == "Beispieldaten"


def test_events_newest_first_with_account_events(engine, mini_plan):
    _activity(engine, mini_plan)
    events, total = audit_events(engine, mini_plan)
    assert total == 4
    assert events["object_type"].tolist() == ["user", "plan", "status_report", "plan"]
    assert events.iloc[1]["changes"] == {"green_tolerance": [15, 20]}
    assert events.iloc[2]["changes"]["progress"] == [50, 60]
    assert latest_event_id(engine) == int(events["event_id"].max())


def test_filters_narrow_the_trail(engine, mini_plan):
    _activity(engine, mini_plan)
    by_person, total = audit_events(engine, mini_plan, AuditFilters(actor_names=("Jürgen Groß",)))
    assert total == 1 and by_person["object_type"].tolist() == ["status_report"]
    plans, total = audit_events(engine, mini_plan, AuditFilters(object_type="plan"))
    assert total == 2 and plans["action"].tolist() == ["update", "import"]
    updates, total = audit_events(engine, mini_plan, AuditFilters(object_type="plan", action="update"))
    assert total == 1
    creations, total = audit_events(engine, mini_plan, AuditFilters(action="create"))
    assert sorted(creations["object_type"]) == ["status_report", "user"]


def test_other_plans_events_stay_out(engine, mini_plan):
    _event(engine, None, dt.datetime(2024, 1, 1, 12), object_type="user")
    with Session(engine) as session, session.begin():
        other = Plan(slug="anderer", name="Anderer Plan", owner="Kreis")
        session.add(other)
        session.flush()
        other_id = other.id
    _event(engine, other_id, dt.datetime(2024, 1, 1, 12))
    events, total = audit_events(engine, mini_plan)
    assert total == 2 and set(events["object_type"]) == {"user", "plan"}


def test_date_filters_use_local_days(engine, mini_plan):
    # 23:30 UTC on 14 March 2024 is 00:30 on 15 March in Germany (CET, UTC+1)
    _event(engine, mini_plan, dt.datetime(2024, 3, 14, 23, 30), actor_name="Spät")
    _event(engine, mini_plan, dt.datetime(2024, 3, 14, 22, 30), actor_name="Früh")
    on_15th, total = audit_events(engine, mini_plan, AuditFilters(since=dt.date(2024, 3, 15),
                                                                  until=dt.date(2024, 3, 15)))
    assert on_15th["actor_name"].tolist() == ["Spät"] and total == 1
    assert on_15th.iloc[0]["at"] == dt.datetime(2024, 3, 15, 0, 30)
    until_14th, _ = audit_events(engine, mini_plan, AuditFilters(until=dt.date(2024, 3, 14)))
    assert until_14th["actor_name"].tolist() == ["Früh"]
    # summer time (CEST, UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July
    _event(engine, mini_plan, dt.datetime(2024, 6, 30, 22, 30), actor_name="Sommer")
    july, _ = audit_events(engine, mini_plan, AuditFilters(since=dt.date(2024, 7, 1), until=dt.date(2024, 7, 1)))
    assert july["actor_name"].tolist() == ["Sommer"]


def test_limit_keeps_the_newest_and_counts_all(engine, mini_plan):
    for hour in range(5):
        _event(engine, mini_plan, dt.datetime(2024, 1, 1, hour), actor_name=f"P{hour}")
    events, total = audit_events(engine, mini_plan, limit=3)
    assert total == 6 and len(events) == 3
    assert events["actor_name"].tolist()[0] == "System"  # the import happened now, after 2024


def test_choices_list_people_objects_and_actions(engine, mini_plan):
    _activity(engine, mini_plan)
    choices = audit_choices(engine, mini_plan)
    assert choices["actor_name"] == ["Büro Migration", "Jürgen Groß", "System"]
    assert choices["object_type"] == ["plan", "status_report", "user"]
    assert choices["action"] == ["create", "import", "update"]


def test_values_in_german_words():
    assert format_value("progress", 60) == "60\xa0%"
    assert format_value("stale_after_days", 1200) == "1.200"
    assert format_value("weight", 2.5) == "2,5"
    assert format_value("released", True) == "ja" and format_value("released", False, "en") == "no"
    assert format_value("due_date", "2024-12-31") == "31.12.2024"
    assert format_value("status", None) == "–" and format_value("title", "") == "–"
    assert format_value("title", "  <b>Fett</b>\nzwei ") == "<b>Fett</b> zwei"
    assert format_value("codes", ["M1", "M2", "M3"]) == "M1, M2, M3"


def test_change_items_pairs_and_plain_values():
    assert change_items({"progress": [50, 60], "measure": "M1", "status": [None, "geplant"]}) == [
        ("progress", "50\xa0%", "60\xa0%"), ("measure", None, "M1"), ("status", "–", "geplant"),
    ]
    assert change_items({"source": "Beispieldaten", "measures": 6}) == [
        ("source", None, "Beispieldaten"), ("measures", None, "6"),
    ]
    assert change_items({"role": [None, "editor"]}, value_words={"role": {"editor": "Berichten"}}) == [
        ("role", "–", "Berichten")]
    assert change_items({}) == [] and change_items(None) == []
    assert change_items("umbenannt") == [("", None, "umbenannt")]


def test_object_reference_and_person_slug():
    assert object_reference({"measure": "M1", "progress": [1, 2]}) == "M1"
    assert object_reference({"code": ["JZ-1", "JZ-2"]}) == "JZ-2"
    assert object_reference({"email": [None, "gast@kreis.example"]}) == "gast@kreis.example"
    assert object_reference({"measures": 6}) is None and object_reference(None) is None
    assert reference_field({"status": [1, 2], "measure": "M1"}) == "measure"
    assert reference_field({"title": ""}) is None
    assert person_slug("Jürgen Groß") == "juergen-gross"
    assert person_slug("  Dr. Ayşe Öztürk ") == "dr-ayse-oeztuerk"
    assert person_slug("!!!") == "unbekannt"
