"""Gremien and Sitzungen."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.commands import meetings
from models.schema import Body, Meeting
from tests.models.commands.helpers import ADMIN, count_rows, get_row, plan_counter, refused_fields, run_command


def test_bodies_and_meetings(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, meetings.create_body, ADMIN, mini_plan, expected_counter=counter,
                            name="Fachbeirat Test",
                            kind="Fachbeirat")
    assert "gibt es in diesem Plan schon" in errors["name"]
    body_id = run_command(engine, meetings.create_body, ADMIN, mini_plan, expected_counter=counter, name="Kreistag",
                          kind="Kreistag")
    errors = refused_fields(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1,
                            body_id=_body_named(engine, "Fachbeirat Test"), meeting_date=dt.date(2024, 3, 15))
    assert errors == {"meeting_date": "Am 15.03.2024 gibt es schon eine Sitzung dieses Gremiums."}
    errors = refused_fields(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1,
                            body_id=body_id,
                            meeting_date=None)
    assert errors == {"meeting_date": "Bitte geben Sie „Datum“ an."}
    meeting_id = run_command(engine, meetings.create_meeting, ADMIN, mini_plan, expected_counter=counter + 1,
                             body_id=body_id,
                             meeting_date=dt.date(2024, 11, 20), title="Haushalt")
    assert "Kreistag" in set(queries.meetings(engine, mini_plan)["body"])
    run_command(engine, meetings.update_meeting, ADMIN, mini_plan, meeting_id, expected_counter=counter + 2,
                body_id=body_id,
                meeting_date=dt.date(2024, 11, 21), title="Haushalt", is_reporting_cutoff=False)
    assert get_row(engine, Meeting, meeting_id).meeting_date == dt.date(2024, 11, 21)
    run_command(engine, meetings.delete_meeting, ADMIN, mini_plan, meeting_id, expected_counter=counter + 3)
    assert count_rows(engine, Meeting, Meeting.body_id == body_id) == 0


def _body_named(engine, name):
    with Session(engine) as session:
        return session.scalar(select(Body.id).where(Body.name == name))
