"""Organisations: unique names; a change refreshes every plan."""

from sqlalchemy.orm import Session

from models.commands import organisations
from models.schema import Organisation, Plan
from tests.models.commands.helpers import (
    ADMIN,
    get_row,
    last_audit,
    plan_counter,
    plan_of,
    refused_fields,
    run_command,
)


def test_organisations_are_unique_and_a_change_refreshes_every_plan(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.add(Plan(slug="other", name="Anderer Plan", owner="Kreis"))
    other = plan_of(engine, "other")
    counters = (plan_counter(engine, mini_plan), plan_counter(engine, other))
    errors = refused_fields(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counters[0],
                            name="jobcenter testkreis", kind="Jobcenter")
    assert errors["name"] == "Eine Organisation „jobcenter testkreis“ gibt es schon."
    org_id = run_command(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counters[0],
                         name="IHK Testkreis", short_name="IHK", kind="Kammer")
    assert get_row(engine, Organisation, org_id).kind == "Kammer"
    assert (plan_counter(engine, mini_plan), plan_counter(engine, other)) == (counters[0] + 1, counters[1] + 1)
    run_command(engine, organisations.update_organisation, ADMIN, mini_plan, org_id, expected_counter=counters[0] + 1,
                name="IHK Testkreis", short_name="IHK TK", kind="Kammer")
    assert last_audit(engine).changes == {"short_name": ["IHK", "IHK TK"]}


def test_an_organisation_s_contact_address_must_be_an_e_mail_address(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counter,
                            name="Caritas", kind="Träger", contact_email="integration bei caritas")
    assert errors["contact_email"].startswith("Die Kontaktadresse muss eine E-Mail-Adresse sein")
    org_id = run_command(engine, organisations.create_organisation, ADMIN, mini_plan, expected_counter=counter,
                         name="Caritas", kind="Träger", contact_email=" integration@caritas.example ")
    assert get_row(engine, Organisation, org_id).contact_email == "integration@caritas.example"
