"""Staff accounts: argon2 hashes, sign-in throttling, the OIDC claim mapping, admin-only creation."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.auth import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    SignInRefused,
    actor_from_claims,
    authenticate,
    role_from_claims,
)
from models.commands.accounts import create_admin, create_user
from models.commands import Actor, PermissionDenied, ValidationFailed
from models.schema import AuditEvent, Organisation, SignInThrottle, User

PASSWORD = "richtig-langes-passwort"
NOW = dt.datetime(2026, 11, 22, 10, 0)


@pytest.fixture
def admin(engine):
    with Session(engine) as session, session.begin():
        return create_admin(session, "Erste Admin", "Admin@Kreis.example", PASSWORD).id


def _sign_in(engine, password, now=NOW, email="admin@kreis.example", client=None):
    return authenticate(engine, email, password, client=client, now=now)


def test_password_is_stored_as_argon2_hash_never_in_clear(engine, admin):
    with Session(engine) as session:
        user = session.get(User, admin)
    assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    assert user.email == "admin@kreis.example"


def test_sign_in_with_correct_password_gives_the_actor(engine, admin):
    actor = _sign_in(engine, PASSWORD)
    assert (actor.role, actor.user_id, actor.name) == ("admin", admin, "Erste Admin")


def test_sign_in_is_case_insensitive_in_the_email(engine, admin):
    assert _sign_in(engine, PASSWORD, email=" ADMIN@kreis.example ").user_id == admin


@pytest.mark.parametrize("email, password", [("admin@kreis.example", "falsch"), ("niemand@kreis.example", PASSWORD)])
def test_sign_in_refused_with_the_same_message_for_wrong_password_or_unknown_email(engine, admin, email, password):
    with pytest.raises(SignInRefused, match="E-Mail-Adresse oder Passwort ist falsch"):
        _sign_in(engine, password, email=email)


def test_sign_in_throttled_after_repeated_failures_even_with_the_right_password(engine, admin):
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(SignInRefused, match="falsch"):
            _sign_in(engine, "falsch")
    with pytest.raises(SignInRefused, match=f"für {LOCK_MINUTES} Minuten gesperrt"):
        _sign_in(engine, "falsch")
    with pytest.raises(SignInRefused, match="gesperrt"):
        _sign_in(engine, PASSWORD, now=NOW + dt.timedelta(minutes=1))
    assert _sign_in(engine, PASSWORD, now=NOW + dt.timedelta(minutes=LOCK_MINUTES + 1)).user_id == admin


def test_successful_sign_in_resets_the_failure_count(engine, admin):
    with pytest.raises(SignInRefused):
        _sign_in(engine, "falsch")
    _sign_in(engine, PASSWORD)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(SignInThrottle)) == 0
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(SignInRefused, match="falsch"):
            _sign_in(engine, "falsch")


def test_only_admins_create_accounts_and_nothing_is_written_otherwise(engine, admin):
    with pytest.raises(PermissionDenied):
        with Session(engine) as session, session.begin():
            create_user(session, Actor("Leitung", "editor"), name="X", email="x@kreis.example", role="viewer")
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"name": " "}, "name"),
        ({"email": "keine-adresse"}, "email"),
        ({"email": "ADMIN@kreis.example"}, "email"),
        ({"role": "superuser"}, "role"),
        ({"password": "kurz"}, "password"),
    ],
)
def test_account_validation_gives_german_messages_per_field(engine, admin, fields, field):
    values = dict(name="Neue Leitung", email="neu@kreis.example", role="editor", password=PASSWORD)
    values.update(fields)
    with pytest.raises(ValidationFailed) as refused:
        with Session(engine) as session, session.begin():
            create_user(session, Actor("Admin", "admin", user_id=admin), **values)
    assert field in refused.value.field_errors


def test_account_creation_is_audited(engine, admin):
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "user")).one()
    assert event.changes["role"] == [None, "admin"]


@pytest.mark.parametrize(
    "claims, role",
    [
        ({"roles": ["masterplan-editor", "masterplan-admin"]}, "admin"),
        ({"roles": "masterplan-editor"}, "editor"),
        ({"roles": ["andere-gruppe"]}, "viewer"),
        ({}, "viewer"),
    ],
)
def test_role_from_token_claims_takes_the_highest_known_role(claims, role):
    assert role_from_claims(claims) == role


def test_oidc_sign_in_creates_and_updates_the_staff_account_from_claims(engine, mini_plan):
    claims = {"sub": "abc-123", "email": "leitung@vhs.example", "name": "VHS-Leitung",
              "roles": ["masterplan-editor"], "organisation": "VHS"}
    with Session(engine) as session, session.begin():
        first = actor_from_claims(session, claims)
    assert (first.role, first.name) == ("editor", "VHS-Leitung") and first.organisation_id is not None
    with Session(engine) as session, session.begin():
        again = actor_from_claims(session, {**claims, "roles": ["masterplan-viewer"]})
    assert again.user_id == first.user_id and again.role == "viewer"


def test_oidc_sign_in_without_subject_is_refused(engine):
    with pytest.raises(SignInRefused):
        with Session(engine) as session, session.begin():
            actor_from_claims(session, {"email": "x@y.example"})


def test_oidc_organisation_claim_matches_name_or_an_unambiguous_short_name(engine, mini_plan):
    with Session(engine) as session, session.begin():
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        session.add(Organisation(name="Volkshochschule Anderswo", short_name="VHS"))
    claims = {"sub": "vhs-1", "roles": ["masterplan-editor"]}
    with Session(engine) as session, session.begin():
        ambiguous = actor_from_claims(session, {**claims, "organisation": "VHS"})
        named = actor_from_claims(session, {**claims, "organisation": "Volkshochschule Anderswo"})
        short = actor_from_claims(session, {**claims, "organisation": "jc"})
    assert ambiguous.organisation_id is None
    assert named.organisation_id not in (None, vhs)
    assert short.organisation_id is not None and short.organisation_id != vhs
