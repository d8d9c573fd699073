"""Helpers of the Pflege command tests: run a command in its own transaction, count, look up, expect a refusal."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import queries
from models.commands import structure
from models.commands import Actor, ValidationFailed
from models.schema import AnnualGoal, AuditEvent, Body, Organisation, Plan


ADMIN = Actor(name="Admin Test", role="admin")
TODAY = dt.date(2024, 7, 1)


def run_command(engine, command, *args, **kwargs):
    """Run a command in its own transaction; the new or changed row's id (or the result)."""
    with Session(engine) as session, session.begin():
               result = command(session, *args, **kwargs)
               return getattr(result, "id", result)


def plan_counter(engine, plan_id):
    return queries.change_counter(engine, plan_id)


def count_rows(engine, model, *where):
    with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(model).where(*where))


def id_of(engine, model, code):
    with Session(engine) as session:
          return session.scalar(select(model.id).where(model.code == code))


def organisation_of(engine, short_name):
    with Session(engine) as session:
                   return session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))


def get_row(engine, model, object_id):
    with Session(engine, expire_on_commit=False) as session:
           return session.get(model, object_id)


def last_audit(engine):
    with Session(engine) as session:
       return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()


def retire_kind(kind: str):
    """structure.retire for one kind of row, called like the other commands: (session, actor, plan_id, id, ...)."""
    return lambda session, actor, plan_id, object_id, **kwargs: structure.retire(session, actor, plan_id, kind,
                                                                                 object_id,
                                                                                 **kwargs)


def refused_fields(engine, command, *args, **kwargs) -> dict[str, str]:
    """The field errors of a refused command; asserts that nothing was written."""
    plan_id = kwargs.get("plan_id") or args[1]
    before = (plan_counter(engine, plan_id), count_rows(engine, AuditEvent))
    with pytest.raises(ValidationFailed) as refused:
               run_command(engine, command, *args, **kwargs)
    assert (plan_counter(engine, plan_id), count_rows(engine, AuditEvent)) == before
    return refused.value.field_errors


def measure_fields(engine, **changes):
    fields = dict(annual_goal_id=id_of(engine, AnnualGoal, "JZ2024-02"), code="M7", title="Neuer Kurs",
                  description="", lead_organisation_id=organisation_of(engine, "VHS"),
                  partner_ids=[organisation_of(engine, "JC")], origin="Fachbeirat", start_date=dt.date(2024, 3, 1),
                  due_date=dt.date(2024, 12, 31), weight=2)
    fields.update(changes)
    return fields


def first_body(engine):
    with Session(engine) as session:
             return session.scalar(select(Body.id))


def plan_of(engine, slug):
    with Session(engine) as session:
       return session.scalar(select(Plan.id).where(Plan.slug == slug))
