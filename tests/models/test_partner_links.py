"""Partner links on both databases: issue (the token shown once, only its digest stored, a newer link replacing
the older), verify (expiry at the end of the deadline day in Berlin, revocation, a closed round, garbage), the
scope of a report saved through a link (checked inside the transaction) and the audit trail with the
organisation's name (never the token)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands import PermissionDenied, ValidationFailed, add_status_report
from models.commands.partner_links import (
    WRONG_LINKS,
    add_partner_report,
    claim_link_try,
    issue_partner_link,
    open_partner_link,
    partner_actor,
    revoke_partner_link,
)
from models.commands.rounds import close_round, open_round
from models.partner_links import link_expiry, links_of_round, token_digest, verify
from models.mail import compose, mail_settings, send
from models.reminders import PARTNER_SLOT, send_due
from models.rules import may_report_on
from models.schema import AuditEvent, Measure, Organisation, PartnerLink, Plan, StatusReport
from tests.smtp import smtp_server

ADMIN = Actor(name="Büro", role="admin")
EDITOR = Actor(name="Eva", role="editor", organisation_id=1)
CLIENT = "203.0.113.7"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def test_rule_partner_link_expires_at_the_end_of_the_deadline_day_in_berlin():
    assert link_expiry(dt.date(2026, 12, 20)) == dt.datetime(2026, 12, 20, 23, 0)  # winter: UTC+1
    assert link_expiry(dt.date(2026, 7, 1)) == dt.datetime(2026, 7, 1, 22, 0)  # summer: UTC+2


def test_rule_a_partner_link_reports_like_an_editor_of_its_organisation():
    assert may_report_on("partner", 2, 2, [])
    assert may_report_on("partner", 2, 1, [2])
    assert not may_report_on("partner", 2, 1, [3])
    assert not may_report_on("partner", None, 1, [])


@pytest.fixture
def partner_round(engine, mini_plan):
    """An open round of the mini plan (deadline ahead) and the organisations by short name."""
    today = dt.date.today()
    with Session(engine) as session, session.begin():
        ids = {o.short_name: o.id for o in session.scalars(select(Organisation))}
        round_id = open_round(session, ADMIN, mini_plan, today + dt.timedelta(days=30), dt.date(2024, 6, 30), today)
    return round_id, ids


def _issue(engine, round_id, organisation_id, now=None) -> str:
    with Session(engine) as session, session.begin():
        return issue_partner_link(session, ADMIN, round_id, organisation_id, now=now)


def _verify(engine, token, now=None):
    with Session(engine) as session:
        return verify(session, token, now)


def _open(engine, token, client=CLIENT, now=None):
    """As the page does: the try counted in its own transaction, then the link opened."""
    with Session(engine) as session, session.begin():
        refusal = claim_link_try(session, token, client, now)
    if refusal is not None:
        raise PermissionDenied(refusal)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        return open_partner_link(session, token, now)


def _measure(engine, code) -> tuple[int, int]:
    with Session(engine) as session:
        measure = session.scalar(select(Measure).where(Measure.code == code))
        return measure.id, measure.version


def _report(engine, actor, code, summary="Über den Partner-Link gemeldet"):
    measure_id, version = _measure(engine, code)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        report = add_partner_report(session, actor, measure_id, version, report_date=dt.date.today(),
                                    status="in Umsetzung", progress=60, summary=summary)
        return report.id, report.released, report.author_name


def _audits(engine, action) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_issue_stores_only_the_digest_and_expires_at_the_deadline(engine, partner_round):
    round_id, ids = partner_round
    token = _issue(engine, round_id, ids["JC"])
    assert len(token) >= 40
    with Session(engine) as session:
        link = session.scalar(select(PartnerLink))
        deadline = session.scalar(select(Plan.round_lead_days))
        assert link.token_hash == token_digest(token) and token not in json.dumps(
            [getattr(link, column.name) for column in PartnerLink.__table__.columns], default=str)
        assert link.expires_at == link_expiry(dt.date.today() + dt.timedelta(days=30 - deadline))
        assert link.use_count == 0 and link.last_used_at is None
    scope = _verify(engine, token).scope
    assert scope.organisation == "Jobcenter Testkreis" and scope.round_id == round_id
    issued = _audits(engine, "partner_link_issued")
    assert issued[0].changes["organisation"] == "Jobcenter Testkreis" and issued[0].actor_name == "Büro"
    assert token not in json.dumps([event.changes for event in _audits(engine, "partner_link_issued")])


def test_a_link_works_until_the_end_of_the_deadline_day(engine, partner_round):
    round_id, ids = partner_round
    token = _issue(engine, round_id, ids["JC"])
    expires = _verify(engine, token).scope.expires_at
    assert _verify(engine, token, expires - dt.timedelta(seconds=1)).scope is not None
    late = _verify(engine, token, expires)
    assert late.scope is None and late.reason == "expired"
    with pytest.raises(PermissionDenied, match="abgelaufen"):
        _open(engine, token, now=expires + dt.timedelta(minutes=1))


def test_a_new_link_replaces_the_older_one_of_the_same_organisation(engine, partner_round):
    round_id, ids = partner_round
    first = _issue(engine, round_id, ids["JC"])
    other = _issue(engine, round_id, ids["VHS"])
    second = _issue(engine, round_id, ids["JC"])
    assert _verify(engine, first).reason == "replaced"
    assert _verify(engine, second).scope is not None and _verify(engine, other).scope is not None
    assert _audits(engine, "partner_link_issued")[-1].changes["replaced"] == 1
    with Session(engine) as session:
        states = [(row.organisation, row.state()) for row in links_of_round(session, round_id)]
    assert states == [("Jobcenter Testkreis", "valid"), ("Jobcenter Testkreis", "replaced"),
                      ("Volkshochschule Testkreis", "valid")]


def test_revoked_and_closed_links_fail_and_only_admins_issue_or_revoke(engine, partner_round):
    round_id, ids = partner_round
    token = _issue(engine, round_id, ids["JC"])
    with Session(engine) as session, session.begin(), pytest.raises(PermissionDenied):
        issue_partner_link(session, EDITOR, round_id, ids["JC"])
    link_id = _verify(engine, token).scope.link_id
    with Session(engine) as session, session.begin(), pytest.raises(PermissionDenied):
        revoke_partner_link(session, EDITOR, link_id)
    with Session(engine) as session, session.begin():
        revoke_partner_link(session, ADMIN, link_id)
    assert _verify(engine, token).reason == "revoked"
    with pytest.raises(PermissionDenied, match="widerrufen"):
        _open(engine, token)
    assert _audits(engine, "partner_link_revoked")[0].changes == {"organisation": "Jobcenter Testkreis"}
    fresh = _issue(engine, round_id, ids["JC"])
    with Session(engine) as session, session.begin():
        close_round(session, ADMIN, round_id)
    assert _verify(engine, fresh).reason == "closed"
    with Session(engine) as session, session.begin(), pytest.raises(ValidationFailed, match="beendet"):
        issue_partner_link(session, ADMIN, round_id, ids["JC"])


def test_a_round_past_its_deadline_takes_no_new_link(engine, partner_round):
    round_id, ids = partner_round
    with Session(engine) as session, session.begin(), pytest.raises(ValidationFailed, match="Frist"):
        issue_partner_link(session, ADMIN, round_id, ids["JC"], now=_now() + dt.timedelta(days=60))


@pytest.mark.parametrize("token", ["", "kaputt", "x" * 500, "<script>", "a" * 43])
def test_garbage_and_unknown_links_say_so_in_german(engine, partner_round, token):
    assert _verify(engine, token).reason == "unknown"
    with pytest.raises(PermissionDenied, match="nicht gültig") as refused:
        _open(engine, token)
    assert token not in str(refused.value) or token == ""


def test_wrong_links_are_throttled_per_client(engine, partner_round):
    round_id, ids = partner_round
    good = _issue(engine, round_id, ids["JC"])
    for _ in range(WRONG_LINKS.max_failures):
        with pytest.raises(PermissionDenied, match="nicht gültig"):
            _open(engine, "b" * 43)
    with pytest.raises(PermissionDenied, match="zu viele ungültige Links"):
        _open(engine, "c" * 43)
    with pytest.raises(PermissionDenied, match="zu viele ungültige Links"):
        _open(engine, good)  # locked: even the right link waits
    assert _open(engine, good, client="198.51.100.1").organisation == "Jobcenter Testkreis"


def test_opening_and_reporting_are_audited_with_the_organisation_and_counted(engine, partner_round):
    round_id, ids = partner_round
    token = _issue(engine, round_id, ids["JC"])
    scope = _open(engine, token)
    report_id, released, author = _report(engine, partner_actor(scope), "M3")
    assert released and author == "Jobcenter Testkreis (Partner-Link)"
    opened, used = _audits(engine, "partner_link_opened"), _audits(engine, "partner_link_used")
    assert opened[0].changes["organisation"] == "Jobcenter Testkreis"
    assert opened[0].actor_name == "Jobcenter Testkreis (Partner-Link)" and opened[0].actor_id is None
    assert used[0].changes == {"organisation": "Jobcenter Testkreis", "measure": "M3", "status_report": report_id}
    created = [event for event in _audits(engine, "create") if event.object_type == "status_report"]
    assert created[-1].actor_name == "Jobcenter Testkreis (Partner-Link)"
    with Session(engine) as session:
        link = session.get(PartnerLink, scope.link_id)
        assert link.use_count == 2 and link.last_used_at is not None
        everything = json.dumps([event.changes for event in session.scalars(select(AuditEvent))], default=str)
    assert token not in everything


def test_a_measure_of_another_organisation_is_refused_inside_the_transaction(engine, partner_round):
    round_id, ids = partner_round
    scope = _open(engine, _issue(engine, round_id, ids["JC"]))
    actor = partner_actor(scope)
    with pytest.raises(PermissionDenied, match="keinen Sachstand"):
        _report(engine, actor, "M2")  # led by the VHS, the Jobcenter is no partner
    _report(engine, actor, "M1")  # the Jobcenter is a partner of M1: like an editor
    with Session(engine) as session:
        assert session.scalar(select(StatusReport.id).where(StatusReport.summary == "Über den Partner-Link gemeldet")
                              .join(Measure).where(Measure.code == "M2")) is None


def test_a_revoked_link_cannot_save_even_through_the_plain_command(engine, partner_round):
    round_id, ids = partner_round
    token = _issue(engine, round_id, ids["JC"])
    actor = partner_actor(_open(engine, token))
    with Session(engine) as session, session.begin():
        revoke_partner_link(session, ADMIN, actor.partner_link_id)
    with pytest.raises(PermissionDenied, match="gilt nicht mehr"):
        _report(engine, actor, "M3")
    measure_id, version = _measure(engine, "M3")
    with Session(engine) as session, session.begin(), pytest.raises(PermissionDenied, match="gilt nicht mehr"):
        add_status_report(session, actor, measure_id, version, report_date=dt.date.today(), status="in Umsetzung",
                          progress=60, summary="Trotzdem")
    assert not _audits(engine, "partner_link_used")


def test_with_release_required_a_partner_report_waits_like_an_editors(engine, partner_round):
    round_id, ids = partner_round
    with Session(engine) as session, session.begin():
        session.scalar(select(Plan)).release_required = True
    actor = partner_actor(_open(engine, _issue(engine, round_id, ids["JC"])))
    _, released, _ = _report(engine, actor, "M3")
    assert not released


def test_an_organisation_without_accounts_gets_the_round_mail_with_its_partner_link(engine, partner_round):
    round_id, ids = partner_round
    with Session(engine) as session, session.begin():
        session.get(Organisation, ids["JC"]).contact_email = "integration@jobcenter.example"
    today = dt.date.today()
    dry = send_due(engine, today, "https://cockpit.kreis.example", lambda mail: None, dry_run=True)
    [planned] = [mail for mail in dry.sent if mail.recipient == "integration@jobcenter.example"]
    assert PARTNER_SLOT in planned.text
    with Session(engine) as session:
        assert session.scalar(select(PartnerLink.id)) is None  # a dry run issues no link
    with smtp_server() as (inbox, environ):
        settings = mail_settings(environ)

        def deliver(mail):
            send(compose(mail.recipient, mail.subject, mail.text, mail.html, sender=settings.sender,
                         to_name=mail.name), settings)

        first = send_due(engine, today, "https://cockpit.kreis.example", deliver)
        again = send_due(engine, today, "https://cockpit.kreis.example", deliver)
    assert not first.failed and not again.sent
    [message] = [message for recipients, message in inbox.messages if recipients == ["integration@jobcenter.example"]]
    text = message.get_body(("plain",)).get_content()
    token = re.search(r"https://cockpit\.kreis\.example/partner-bericht\?link=([A-Za-z0-9_-]+)", text).group(1)
    assert PARTNER_SLOT not in text and "sachstand-melden" not in text and "keine Anmeldung" in text
    assert token in message.get_body(("html",)).get_content()
    assert _verify(engine, token).scope.organisation_id == ids["JC"]
    with Session(engine) as session:
        assert session.scalar(select(func.count(PartnerLink.id))) == 1  # the rerun issued none
    issued = _audits(engine, "partner_link_issued")
    assert issued[0].actor_name == "Erinnerungsdienst" and token not in json.dumps(issued[0].changes)
