"""Accounts: created and changed by the rules; the last active admin stays."""

from sqlalchemy.orm import Session

from models.commands import accounts
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor
from models.schema import User
from tests.models.commands.helpers import (
    ADMIN,
    get_row,
    last_audit,
    organisation_of,
    plan_counter,
    refused_fields,
    run_command,
)


def test_accounts_are_created_and_changed_by_rules(engine, mini_plan):
    with Session(engine) as session, session.begin():
        me = create_user(session, SYSTEM, name="Anna Admin", email="anna@example.org", role="admin",
                         password="ein-langes-passwort").id
    actor = Actor(name="Anna Admin", role="admin", user_id=me)
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                            email="ed@example.org", role="editor")
    assert "braucht eine Organisation" in errors["organisation_id"]
    errors = refused_fields(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                            email="anna@example.org", role="viewer", password="kurz")
    assert set(errors) == {"email", "password"}
    editor = run_command(engine, accounts.create_account, actor, mini_plan, expected_counter=counter, name="Ed",
                         email="ed@example.org", role="editor", organisation_id=organisation_of(engine, "VHS"))
    assert get_row(engine, User, editor).password_hash is None
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, accounts.update_user, actor, mini_plan, me, expected_counter=counter,
                            name="Anna Admin",
                            role="viewer", organisation_id=None, active=True)
    assert "nicht selbst die Administration entziehen" in errors["role"]
    run_command(engine, accounts.update_user, actor, mini_plan, editor, expected_counter=counter, name="Ed Editor",
                role="viewer", organisation_id=None, active=False)
    user = get_row(engine, User, editor)
    assert (user.name, user.role, user.organisation_id, user.active) == ("Ed Editor", "viewer", None, False)
    assert last_audit(engine).changes["active"] == [True, False]


def test_the_last_active_admin_stays(engine, mini_plan):
    with Session(engine) as session, session.begin():
        only = create_user(session, SYSTEM, name="Einzige Admin", email="one@example.org", role="admin").id
    errors = refused_fields(engine, accounts.update_user, ADMIN, mini_plan, only,
                            expected_counter=plan_counter(engine, mini_plan),
                            name="Einzige Admin", role="admin", organisation_id=None, active=False)
    assert "mindestens ein aktives Konto" in errors["role"]
