"""The password lifecycle on both databases: the policy, changing one's own password, the admin's one-time link
(single use, expiry, replaced by a newer one, stored only as a digest) and "Passwort vergessen"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import auth
from models.actors import SYSTEM, Actor, actor_of
from models.auth import SignInRefused, authenticate, password_problem
from models.commands import ValidationFailed
from models.commands.accounts import create_user
from models.commands.passwords import (
    change_own_password,
    issue_password_link,
    request_password_reset,
    set_password_with_link,
)
from models.password_tokens import LinkLifetimes, token_digest
from models.schema import AuditEvent, PasswordToken, SignInSession, User
from models.sign_in_sessions import configured_limits, resume, start_local_session

OLD = "Alte Brücke am Fluss 7"
NEW = "Neuer Weg durchs Moor 42"
LIFETIMES = LinkLifetimes(dt.timedelta(hours=72), dt.timedelta(hours=2))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _account(engine, email="eva@example.org", password: str | None = OLD) -> int:
    with Session(engine) as session, session.begin():
        return create_user(session, SYSTEM, name="Eva Beispiel", email=email, role="viewer", password=password).id


def _admin(engine) -> Actor:
    with Session(engine) as session, session.begin():
        user = create_user(session, SYSTEM, name="Anna Admin", email="anna@example.org", role="admin",
                           password="Verwaltung im Kreishaus 1")
        return actor_of(user)


def _signed_in(engine, user_id: int) -> tuple[Actor, str]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        token = start_local_session(session, user_id)
        return actor_of(session.get(User, user_id), token), token


def _holds(engine, token: str) -> bool:
    with Session(engine) as session, session.begin():
        return resume(session, token, configured_limits()).actor is not None


def _audits(engine, action: str) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _refused(engine, command, *args, **kwargs) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as refused:
        with Session(engine) as session, session.begin():
            command(session, *args, **kwargs)
    return refused.value


@pytest.mark.parametrize("password, refused_as", [
    ("kurz", "mindestens 12 Zeichen"),
    ("123456789012", "häufigsten Passwörtern"),
    ("Qwerty123456", "häufigsten Passwörtern"),
    ("PASSWORD1234", "häufigsten Passwörtern"),
    ("Sommer2026!!!", "häufigsten Passwörtern"),
    ("passwortpasswort", "häufigsten Passwörtern"),
    ("Kennwort #1 2026", "häufigsten Passwörtern"),
    ("eva.beispiel@example.org", "Name oder Ihre E-Mail-Adresse"),
    ("Eva.Beispiel", "Name oder Ihre E-Mail-Adresse"),
    ("eva beispiel langname", "Name oder Ihre E-Mail-Adresse"),
    ("x" * 201, "höchstens 200 Zeichen"),
])
def test_rule_password_length_common_and_personal_refused(password, refused_as):
    problem = password_problem(password, email="eva.beispiel@example.org", name="Eva Beispiel Langname")
    assert problem is not None and refused_as in problem
    assert problem.render("en") != str(problem)


def test_rule_password_a_long_uncommon_sentence_passes():
    assert password_problem(NEW, email="eva@example.org", name="Eva") is None
    assert "1234567890ab" not in auth.common_passwords() and len(auth.common_passwords()) > 19000


def test_own_password_change_needs_the_old_one_and_ends_other_sessions(engine):
    user_id = _account(engine)
    actor, here = _signed_in(engine, user_id)
    _, elsewhere = _signed_in(engine, user_id)
    refused = _refused(engine, change_own_password, actor, old_password="falsch falsch falsch", new_password=NEW,
                       repeat=NEW)
    assert set(refused.field_errors) == {"old_password"}
    refused = _refused(engine, change_own_password, actor, old_password=OLD, new_password=NEW, repeat=NEW + "!")
    assert set(refused.field_errors) == {"repeat"}
    refused = _refused(engine, change_own_password, actor, old_password=OLD, new_password="passwordpassword",
                       repeat="passwordpassword")
    assert "häufigsten" in refused.field_errors["new_password"]
    assert authenticate(engine, "eva@example.org", OLD).user_id == user_id  # nothing changed so far
    with Session(engine) as session, session.begin():
        change_own_password(session, actor, old_password=OLD, new_password=NEW, repeat=NEW)
    assert _holds(engine, here) and not _holds(engine, elsewhere)
    with Session(engine) as session:
        ended = session.scalar(select(SignInSession.end_reason).where(SignInSession.ended_at.is_not(None)))
    assert ended == "password_changed"
    with pytest.raises(SignInRefused):
        authenticate(engine, "eva@example.org", OLD)
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id
    [event] = _audits(engine, "password_changed")
    assert event.object_id == user_id and event.actor_id == user_id and NEW not in str(event.changes)


def test_a_link_sets_the_password_once_and_is_stored_only_as_its_digest(engine):
    admin = _admin(engine)
    user_id = _account(engine, password=None)
    _, session_token = _signed_in(engine, user_id)
    with Session(engine) as session, session.begin():
        token = issue_password_link(session, admin, user_id, LIFETIMES)
    with Session(engine) as session:
        stored = session.scalars(select(PasswordToken)).one()
        assert stored.token_hash == token_digest(token) and stored.purpose == "set"
        assert stored.expires_at - stored.created_at == dt.timedelta(hours=72)
    dumped = [str(event.changes) for event in _audits(engine, "password_link_issued")]
    assert dumped and all(token not in text for text in dumped)
    refused = _refused(engine, set_password_with_link, token, new_password="kurz", repeat="kurz")
    assert "mindestens 12" in refused.field_errors["new_password"]
    with Session(engine) as session, session.begin():
        actor = set_password_with_link(session, token, new_password=NEW, repeat=NEW)
    assert actor.user_id == user_id
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id
    assert not _holds(engine, session_token)
    refused = _refused(engine, set_password_with_link, token, new_password=OLD, repeat=OLD)
    assert "nicht (mehr)" in str(refused)
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id  # the second use changed nothing
    [used] = _audits(engine, "password_link_used")
    assert used.object_id == user_id and token not in str(used.changes)


def test_an_expired_unknown_or_replaced_link_changes_nothing(engine):
    admin = _admin(engine)
    user_id = _account(engine)
    with Session(engine) as session, session.begin():
        first = issue_password_link(session, admin, user_id, LIFETIMES)
        second = issue_password_link(session, admin, user_id, LIFETIMES)
    for token in (first, "unbekannt", ""):
        _refused(engine, set_password_with_link, token, new_password=NEW, repeat=NEW)
    later = _now() + dt.timedelta(hours=73)
    _refused(engine, set_password_with_link, second, new_password=NEW, repeat=NEW, now=later)
    assert authenticate(engine, "eva@example.org", OLD).user_id == user_id
    assert not _audits(engine, "password_link_used")
    with Session(engine) as session, session.begin():
        set_password_with_link(session, second, new_password=NEW, repeat=NEW)
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id


def test_only_admins_issue_links(engine):
    user_id = _account(engine)
    viewer = Actor(name="Eva Beispiel", role="viewer", user_id=user_id)
    with pytest.raises(Exception, match="Administration"):
        with Session(engine) as session, session.begin():
            issue_password_link(session, viewer, user_id, LIFETIMES)


def test_reset_does_not_reveal_whether_an_account_exists(engine):
    user_id = _account(engine)
    with Session(engine) as session, session.begin():
        unknown = request_password_reset(session, "niemand@example.org", client="10.0.0.1", lifetimes=LIFETIMES)
        known = request_password_reset(session, "EVA@example.org ", client="10.0.0.1", lifetimes=LIFETIMES)
    assert unknown is None and known is not None and known.email == "eva@example.org"
    with Session(engine) as session:
        stored = session.scalars(select(PasswordToken)).one()
    assert stored.purpose == "reset" and stored.expires_at - stored.created_at == dt.timedelta(hours=2)
    # Throttled: the fourth request within the hour sends nothing (and the caller answers alike).
    with Session(engine) as session, session.begin():
        again = [request_password_reset(session, "eva@example.org", lifetimes=LIFETIMES) for _ in range(3)]
    assert [mail is not None for mail in again] == [True, True, False]
    with Session(engine) as session, session.begin():
        set_password_with_link(session, again[1].token, new_password=NEW, repeat=NEW)
    assert authenticate(engine, "eva@example.org", NEW).user_id == user_id


def test_changing_the_password_is_limited_to_five_tries_in_a_quarter_hour(engine):
    from models.commands import PermissionDenied
    from models.commands.passwords import claim_change_try

    actor, _ = _signed_in(engine, _account(engine))
    for _ in range(5):
        with Session(engine) as session, session.begin():
            claim_change_try(session, actor)
    with pytest.raises(PermissionDenied, match="Zu viele Versuche"):
        with Session(engine) as session, session.begin():
            claim_change_try(session, actor)
    later = _now() + dt.timedelta(minutes=31)
    with Session(engine) as session, session.begin():
        claim_change_try(session, actor, now=later)
