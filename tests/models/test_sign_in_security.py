"""The sign-in and rights breaks of the security review (B1-B4, B15, B16), reproduced against the models on
a real SQLite file and a real PostgreSQL server (the `engine` fixture), and shown to hold now."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import AuditFilters, audit_events
from models.auth import (
    MAX_FAILED_LOGINS,
    MAX_FAILED_LOGINS_PER_CLIENT,
    SignInRefused,
    actor_from_claims,
    authenticate,
)
from models.commands import SYSTEM, PermissionDenied, ValidationFailed, add_status_report
from models.db import make_engine
from models.commands.accounts import create_user, update_user
from models.schema import AuditEvent, Measure, Organisation, Plan, SignInSession, StatusReport, User
from models.sign_in_sessions import (
    SessionLimits,
    end_session,
    identity_key,
    open_identity_session,
    resume,
    start_local_session,
)

PASSWORD = "Richtiges-Passwort-2026"
NOW = dt.datetime(2024, 7, 1, 9, 0)
TODAY = dt.date(2024, 7, 1)  # the mini plan's Fachbeirat met on 2024-03-15; next on 2024-09-15
LIMITS = SessionLimits(idle=dt.timedelta(minutes=60), lifetime=dt.timedelta(hours=12))
PROCESSES = 3
ATTEMPTS_PER_PROCESS = 20


def _user(engine, email, role="editor", organisation="VHS", password=PASSWORD) -> int:
    with Session(engine) as session, session.begin():
        organisation_id = session.scalar(select(Organisation.id).where(Organisation.short_name == organisation))
        return create_user(session, SYSTEM, name=email.split("@")[0], email=email, role=role, password=password,
                           organisation_id=organisation_id if role == "editor" else None).id


def _answer(engine, email, password, client=None, now=NOW) -> str:
    try:
        authenticate(engine, email, password, client=client, now=now)
        return "OK"
    except SignInRefused as refused:
        return "gesperrt" if "gesperrt" in str(refused) else "falsch"


# --- B1: the lock holds under parallel attempts from several processes ---------------------------------


def _guess_in_threads(url: str, email: str, count: int) -> list[str]:
    """One app process: `count` wrong passwords at once, each in its own thread and database session."""
    engine = make_engine(url)
    start = threading.Barrier(count)
    answers: list[str] = []

    def attempt(i: int) -> None:
        start.wait()
        answers.append(_answer(engine, email, f"falsch-{i}"))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    return answers


def test_b1_sixty_parallel_wrong_passwords_from_several_processes_lock_the_account(engine, mini_plan):
    _user(engine, "lock@example.org")
    url = engine.url.render_as_string(hide_password=False)
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.starmap(_guess_in_threads, [(url, "lock@example.org", ATTEMPTS_PER_PROCESS)] * PROCESSES)
    answers = [answer for result in results for answer in result]
    assert len(answers) == PROCESSES * ATTEMPTS_PER_PROCESS
    assert answers.count("falsch") <= MAX_FAILED_LOGINS - 1
    assert answers.count("gesperrt") >= len(answers) - (MAX_FAILED_LOGINS - 1)
    # ... and the right password, coming last, is refused too.
    assert _answer(engine, "lock@example.org", PASSWORD) == "gesperrt"


def test_b1_right_password_after_four_wrong_ones_still_signs_in(engine, mini_plan):
    _user(engine, "lock@example.org")
    assert [_answer(engine, "lock@example.org", "falsch") for _ in range(4)] == ["falsch"] * 4
    assert _answer(engine, "lock@example.org", PASSWORD) == "OK"


# --- B16: the same answers for unknown and existing accounts; throttling by client ---------------------


def test_b16_unknown_and_existing_accounts_answer_alike_and_both_lock(engine, mini_plan):
    _user(engine, "echt@example.org")
    existing = [_answer(engine, "echt@example.org", "falsch") for _ in range(MAX_FAILED_LOGINS + 1)]
    unknown = [_answer(engine, "niemand@example.org", "falsch") for _ in range(MAX_FAILED_LOGINS + 1)]
    assert existing == unknown == ["falsch"] * (MAX_FAILED_LOGINS - 1) + ["gesperrt"] * 2


def test_b16_deactivated_account_answers_like_an_unknown_one(engine, mini_plan):
    user_id = _user(engine, "alt@example.org")
    with Session(engine) as session, session.begin():
        session.get(User, user_id).active = False
    assert _answer(engine, "alt@example.org", PASSWORD) == _answer(engine, "niemand@example.org", PASSWORD)


def test_b16_successful_sign_ins_do_not_use_up_the_client_s_attempts(engine, mini_plan):
    _user(engine, "echt@example.org")
    answers = [_answer(engine, "echt@example.org", PASSWORD, client="203.0.113.5")
               for _ in range(MAX_FAILED_LOGINS_PER_CLIENT + 3)]
    assert answers == ["OK"] * (MAX_FAILED_LOGINS_PER_CLIENT + 3)


def test_b16_one_client_is_throttled_across_accounts_others_are_not(engine, mini_plan):
    _user(engine, "echt@example.org")
    answers = [_answer(engine, f"rate-{i}@example.org", "falsch", client="203.0.113.7")
               for i in range(MAX_FAILED_LOGINS_PER_CLIENT)]
    assert answers == ["falsch"] * (MAX_FAILED_LOGINS_PER_CLIENT - 1) + ["gesperrt"]
    assert _answer(engine, "echt@example.org", PASSWORD, client="203.0.113.7") == "gesperrt"
    assert _answer(engine, "echt@example.org", PASSWORD, client="198.51.100.1") == "OK"


# --- B2: rights are re-read at every write; sessions end ---------------------------------------------


def _report(engine, actor, code="M1", report_date=TODAY, **extra):
    with Session(engine) as session, session.begin():
        measure = session.scalar(select(Measure).where(Measure.code == code))
        return add_status_report(session, actor, measure.id, measure.version, report_date=report_date,
                                 status="in Umsetzung", progress=60, summary="Weiter so", today=TODAY, **extra).id


def _signed_in(engine, email):
    actor = authenticate(engine, email, PASSWORD)
    with Session(engine) as session, session.begin():
        return actor, start_local_session(session, actor.user_id, now=NOW)


def _change_account(engine, user_id, **changes):
    with Session(engine) as session, session.begin():
        user = session.get(User, user_id)
        values = dict(name=user.name, role=user.role, organisation_id=user.organisation_id, active=user.active)
        values.update(changes)
        counter = session.scalar(select(Plan.change_counter).limit(1))
        plan_id = session.scalar(select(Plan.id).limit(1))
        update_user(session, SYSTEM, plan_id, user_id, expected_counter=counter, **values)


def _reports(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(StatusReport))


@pytest.mark.parametrize("change", [
    {"role": "viewer", "organisation_id": None, "active": False},
    {"role": "viewer", "organisation_id": None},
    {"active": False},
    {"organisation": "JC"},
])
def test_b2_changed_account_loses_its_rights_at_the_next_write_of_an_open_session(engine, mini_plan, change):
    user_id = _user(engine, "editor.a@example.org")
    actor, token = _signed_in(engine, "editor.a@example.org")
    change = dict(change)
    if "organisation" in change:
        with Session(engine) as session:
            change["organisation_id"] = session.scalar(
                select(Organisation.id).where(Organisation.short_name == change.pop("organisation")))
    _change_account(engine, user_id, **change)
    before = _reports(engine)
    with pytest.raises(PermissionDenied, match="Rechte haben sich geändert"):
        _report(engine, actor)
    assert _reports(engine) == before
    with Session(engine) as session, session.begin():
        assert resume(session, token, LIMITS, now=NOW).actor is None


def test_b2_unchanged_account_keeps_writing(engine, mini_plan):
    _user(engine, "editor.a@example.org")
    actor, token = _signed_in(engine, "editor.a@example.org")
    _report(engine, actor)
    with Session(engine) as session, session.begin():
        assert resume(session, token, LIMITS, now=NOW).actor == replace(actor, sign_in_key=token)


def test_b2_session_ends_after_idle_time_and_absolute_lifetime(engine, mini_plan):
    _user(engine, "editor.a@example.org")
    _, token = _signed_in(engine, "editor.a@example.org")
    with Session(engine) as session, session.begin():
        assert resume(session, token, LIMITS, now=NOW + dt.timedelta(minutes=59)).actor is not None
        assert resume(session, token, LIMITS, now=NOW + dt.timedelta(minutes=120)).ended_because == "idle"
        assert resume(session, token, LIMITS, now=NOW + dt.timedelta(minutes=121)).actor is None
    _, busy = _signed_in(engine, "editor.a@example.org")
    with Session(engine) as session, session.begin():
        for minutes in range(30, 12 * 60, 30):
            assert resume(session, busy, LIMITS, now=NOW + dt.timedelta(minutes=minutes)).actor is not None
        assert resume(session, busy, LIMITS, now=NOW + dt.timedelta(hours=12, minutes=10)).ended_because == "expired"


def _signed_in_actor(engine, email):
    actor, token = _signed_in(engine, email)
    return replace(actor, sign_in_key=token), token


@pytest.mark.parametrize("later", [dt.timedelta(minutes=61), dt.timedelta(hours=12, minutes=1)])
def test_b2_write_after_the_idle_time_or_the_lifetime_is_refused(engine, mini_plan, later):
    _user(engine, "editor.a@example.org")
    actor, token = _signed_in_actor(engine, "editor.a@example.org")
    with Session(engine) as session, session.begin():
        record = session.scalars(select(SignInSession)).one()
        record.created_at -= later
        record.last_seen_at -= later if later < dt.timedelta(hours=1) else dt.timedelta(0)
    before = _reports(engine)
    with pytest.raises(PermissionDenied, match="Anmeldung ist abgelaufen"):
        _report(engine, actor)
    assert _reports(engine) == before


def test_b2_write_after_sign_out_is_refused(engine, mini_plan):
    _user(engine, "editor.a@example.org")
    actor, token = _signed_in_actor(engine, "editor.a@example.org")
    with Session(engine) as session, session.begin():
        end_session(session, token)
    with pytest.raises(PermissionDenied, match="Anmeldung ist abgelaufen oder beendet"):
        _report(engine, actor)


def test_b2_demoting_the_last_active_admin_is_refused(engine, mini_plan):
    admin_id = _user(engine, "buero@example.org", role="admin")
    with pytest.raises(ValidationFailed, match="markierten"):
        _change_account(engine, admin_id, role="viewer")


# --- B3: an identity-provider sign-in ends for good ------------------------------------------------------

CLAIMS = {"iss": "http://127.0.0.1:9400", "sub": "ed-oidc", "iat": 1719824400, "nonce": "n-1",
          "email": "ed@example.org", "email_verified": True, "roles": ["masterplan-editor"],
          "organisation": "Volkshochschule Testkreis"}


def _identity_sign_in(engine, claims, now=NOW) -> tuple[object, bool]:
    with Session(engine) as session, session.begin():
        actor = actor_from_claims(session, claims, now=now)
        return actor, open_identity_session(session, actor.user_id, identity_key(claims), LIMITS, now=now,
                                            issued_at=now)


def test_b3_identity_cookie_replayed_after_sign_out_gives_no_access(engine, mini_plan):
    actor, opened = _identity_sign_in(engine, CLAIMS)
    assert opened and actor.role == "editor"
    with Session(engine) as session, session.begin():
        end_session(session, identity_key(CLAIMS))
    assert _identity_sign_in(engine, CLAIMS)[1] is False
    with Session(engine) as session, session.begin():
        assert resume(session, identity_key(CLAIMS), LIMITS, now=NOW).actor is None
    # a new sign-in at the provider (new iat and nonce) opens a new session
    assert _identity_sign_in(engine, {**CLAIMS, "iat": CLAIMS["iat"] + 60, "nonce": "n-2"})[1] is True


def test_b3_role_removed_at_the_provider_is_a_viewer_at_the_next_sign_in(engine, mini_plan):
    first, _ = _identity_sign_in(engine, CLAIMS)
    again, _ = _identity_sign_in(engine, {**CLAIMS, "roles": [], "iat": CLAIMS["iat"] + 60, "nonce": "n-2"})
    assert (first.role, again.role) == ("editor", "viewer")
    with Session(engine) as session, session.begin():
        assert resume(session, identity_key(CLAIMS), LIMITS, now=NOW).ended_because == "rights_changed"


def test_b3_identity_sign_in_older_than_the_lifetime_is_refused(engine, mini_plan):
    with Session(engine) as session, session.begin():
        actor = actor_from_claims(session, CLAIMS, now=NOW)
        assert not open_identity_session(session, actor.user_id, identity_key(CLAIMS), LIMITS, now=NOW,
                                         issued_at=NOW - dt.timedelta(days=29))


# --- B4: no takeover by e-mail; the last admin stays ------------------------------------------------------


def test_b4_unverified_email_does_not_take_over_the_local_admin(engine, mini_plan):
    admin_id = _user(engine, "buero@example.org", role="admin")
    imposter = {"iss": "http://idp", "sub": "admin-imposter", "email": "buero@example.org", "name": "Jemand"}
    with pytest.raises(SignInRefused, match="nicht mit Ihrer Anmeldung"):
        _identity_sign_in(engine, imposter)
    with Session(engine) as session:
        user = session.get(User, admin_id)
        assert (user.role, user.oidc_subject, user.name) == ("admin", None, "buero")
    assert _answer(engine, "buero@example.org", PASSWORD) == "OK"


def test_b4_verified_email_never_demotes_an_admin_who_signs_in_locally(engine, mini_plan):
    admin_id = _user(engine, "buero@example.org", role="admin")
    _user(engine, "zweite@example.org", role="admin")
    with pytest.raises(SignInRefused, match="Konto mit Passwort und einer anderen Rolle"):
        _identity_sign_in(engine, {"iss": "http://idp", "sub": "x", "email": "buero@example.org",
                                   "email_verified": True})
    with Session(engine) as session:
        assert session.get(User, admin_id).role == "admin"


def test_b4_verified_email_does_not_raise_a_password_account_to_the_token_s_role(engine, mini_plan):
    user_id = _user(engine, "editor.b@example.org", organisation="JC")
    with pytest.raises(SignInRefused, match="Konto mit Passwort und einer anderen Rolle"):
        _identity_sign_in(engine, {"iss": "http://idp", "sub": "imp", "email": "editor.b@example.org",
                                   "email_verified": True, "roles": ["masterplan-admin"]})
    with Session(engine) as session:
        user = session.get(User, user_id)
        assert (user.role, user.oidc_subject) == ("editor", None)


def test_b4_verified_email_links_an_unlinked_account_once(engine, mini_plan):
    user_id = _user(engine, "ed@example.org")
    actor, _ = _identity_sign_in(engine, CLAIMS)
    assert actor.user_id == user_id
    with pytest.raises(SignInRefused):
        _identity_sign_in(engine, {**CLAIMS, "sub": "someone-else", "nonce": "n-3"})


def test_b4_same_subject_from_another_issuer_is_refused(engine, mini_plan):
    _identity_sign_in(engine, CLAIMS)
    with pytest.raises(SignInRefused):
        _identity_sign_in(engine, {**CLAIMS, "iss": "http://evil.example", "nonce": "n-4"})


def test_b4_the_last_active_admin_is_not_demoted_by_the_provider(engine, mini_plan):
    admin_claims = {**CLAIMS, "sub": "chef", "email": "chef@example.org", "roles": ["masterplan-admin"]}
    _identity_sign_in(engine, admin_claims)
    with pytest.raises(SignInRefused, match="letzte aktive Konto"):
        _identity_sign_in(engine, {**admin_claims, "roles": [], "nonce": "n-5"})
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(User).where(
            User.role == "admin", User.active.is_(True))) == 1


# --- B15: dating a Sachstand back --------------------------------------------------------------------


def _vhs_editor(engine):
    _user(engine, "editor.a@example.org")
    return authenticate(engine, "editor.a@example.org", PASSWORD)


def test_b15_editor_may_not_date_a_report_back_more_than_30_days(engine, mini_plan):
    editor = _vhs_editor(engine)
    with pytest.raises(ValidationFailed) as refused:
        _report(engine, editor, report_date=TODAY - dt.timedelta(days=31))
    assert "höchstens bis zum 01.06.2024" in refused.value.field_errors["report_date"]
    _report(engine, editor, report_date=TODAY - dt.timedelta(days=30))


def test_b15_editor_may_not_date_a_report_on_or_before_the_last_held_meeting(engine, mini_plan):
    editor = _vhs_editor(engine)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Measure)) > 0
    today = dt.date(2024, 3, 20)  # five days after the Fachbeirat of 2024-03-15
    with Session(engine) as session, session.begin():
        measure = session.scalar(select(Measure).where(Measure.code == "M2"))
        with pytest.raises(ValidationFailed) as refused:
            add_status_report(session, editor, measure.id, measure.version, report_date=dt.date(2024, 3, 15),
                              status="in Umsetzung", progress=10, summary="Nachgetragen", today=today)
    assert "16.03.2024" in refused.value.field_errors["report_date"]


def test_b15_admin_dates_further_back_only_with_a_reason_which_is_audited(engine, mini_plan):
    long_ago = dt.date(2024, 1, 10)
    with pytest.raises(ValidationFailed) as refused:
        _report(engine, SYSTEM, code="M2", report_date=long_ago)
    assert "backdate_reason" in refused.value.field_errors
    report_id = _report(engine, SYSTEM, code="M2", report_date=long_ago, backdate_reason="Nachtrag aus der Sitzung")
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.object_id == report_id,
                                                         AuditEvent.object_type == "status_report")).one()
    assert event.changes["backdate_reason"] == "Nachtrag aus der Sitzung"
    assert event.changes["report_date"] == "2024-01-10"


def test_sign_in_and_sign_out_are_in_the_audit_log_and_move_no_change_counter(engine, mini_plan):
    user_id = _user(engine, "eva@kreis.example")
    with Session(engine) as session:
        counters = session.scalars(select(Plan.change_counter).order_by(Plan.id)).all()
    with Session(engine) as session, session.begin():
        token = start_local_session(session, user_id)
    with Session(engine) as session, session.begin():
        open_identity_session(session, user_id, identity_key({"iss": "x", "sub": "s", "iat": 1}),
                              SessionLimits(idle=dt.timedelta(hours=1), lifetime=dt.timedelta(hours=8)))
    with Session(engine) as session, session.begin():
        end_session(session, token)
        end_session(session, token)  # already ended: no second event
    with Session(engine) as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.plan_id, AuditEvent.actor_id,
                                        AuditEvent.actor_name, AuditEvent.changes)
                                 .where(AuditEvent.action.in_(("sign_in", "sign_out"))).order_by(AuditEvent.id)).all()
        assert session.scalars(select(Plan.change_counter).order_by(Plan.id)).all() == counters
    assert [(e.action, e.plan_id, e.actor_id, e.actor_name, e.changes) for e in events] == [
        ("sign_in", None, user_id, "eva", {"method": "local"}), ("sign_in", None, user_id, "eva", {"method": "oidc"}),
        ("sign_out", None, user_id, "eva", {"reason": "signed_out"})]
    with Session(engine) as session:  # the audit log shows them when their action is chosen, not among the changes
        plan_id = session.scalar(select(Plan.id).order_by(Plan.id))
    shown, _ = audit_events(engine, plan_id)
    assert {"sign_in", "sign_out"}.isdisjoint(set(shown.get("action", [])))
    chosen, _ = audit_events(engine, plan_id, AuditFilters(action="sign_in"))
    assert list(chosen["action"]) == ["sign_in", "sign_in"]
