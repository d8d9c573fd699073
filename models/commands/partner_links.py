"""Partner links of a reporting round: the administration issues one for an organisation without accounts (a
newer link for the same round and organisation replaces the older one) and revokes it; the visitor opens it and
saves reports through it. Every step is audited with the organisation's name; the token itself is never
written anywhere (not into the audit trail, not into a refusal): only the link's id and its digest are kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import auth
from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, record
from models.commands.checks import as_id
from models.commands.reports import add_status_report
from models.formats import LOCAL_TIME, format_date
from models.partner_links import (
    PARTNER_ROLE,
    UNKNOWN,
    PartnerScope,
    issue,
    revoke,
    touch,
    verify,
    verify_id,
)
from models.partner_wording import say
from models.schema import Measure, Organisation, PartnerLink, ReportingRound, StatusReport

# Wrong links (unknown or malformed tokens) from one client address: at most 10 in 15 minutes, then 15 minutes'
# lock (guessing a 43-character token is hopeless anyway; this keeps the logs and the database quiet).
WRONG_LINKS = auth.Throttle("partner-link", 10, 15, window_minutes=15)
REMINDER_JOB = Actor(name="Erinnerungsdienst", role="admin")


def partner_actor(scope: PartnerScope) -> Actor:
    """Who writes through a link: the organisation itself (its name goes into the audit trail and the report's
    author), with an editor's rights over its measures and nothing else."""
    return Actor(name=f"{scope.organisation} (Partner-Link)", role=PARTNER_ROLE,
                 organisation_id=scope.organisation_id, partner_link_id=scope.link_id)


def _require_admin(actor: Actor) -> None:
    if actor.role != "admin":
        raise PermissionDenied(say("partner.admins_only"))


def _berlin_today(now: dt.datetime | None) -> dt.date:
    moment = (now or auth.utc_now()).replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(LOCAL_TIME).date()


def issue_partner_link(session: Session, actor: Actor, round_id: int, organisation_id: int,
                       now: dt.datetime | None = None) -> str:
    """An admin's new link for an organisation in an open round (replacing its older link of that round);
    returns the token for the link, once."""
    _require_admin(actor)
    round_id, organisation_id = as_id(round_id), as_id(organisation_id)
    opened = session.get(ReportingRound, round_id) if round_id is not None else None
    if opened is None:
        raise ValidationFailed(say("partner.round_gone"))
    if opened.closed_at is not None:
        raise ValidationFailed(say("partner.round_closed"))
    if opened.deadline < _berlin_today(now):
        raise ValidationFailed(say("partner.round_over", deadline=format_date(opened.deadline)))
    organisation = session.get(Organisation, organisation_id) if organisation_id is not None else None
    if organisation is None or organisation.retired:
        raise ValidationFailed(say("partner.organisation_gone"))
    link, token, replaced = issue(session, opened, organisation.id, actor.name, now)
    record(session, actor, opened.plan_id, "partner_link_issued", "partner_link", link.id,
           {"organisation": organisation.name, "round": opened.meeting_date.isoformat(),
            "expires_at": link.expires_at.isoformat(timespec="minutes"), "replaced": replaced})
    return token


def mail_partner_link(session: Session, round_id: int, organisation_id: int, now: dt.datetime | None = None) -> str:
    """The reminder job's link for an organisation without accounts, issued in the transaction that records and
    sends the mail (so a mail that is not sent issues no link); it replaces the organisation's earlier link of
    the round (the newest mail's link works). Audited as the reminder job's."""
    opened = session.get(ReportingRound, round_id)
    organisation = session.get(Organisation, organisation_id)
    link, token, replaced = issue(session, opened, organisation.id, REMINDER_JOB.name, now)
    record(session, REMINDER_JOB, opened.plan_id, "partner_link_issued", "partner_link", link.id,
           {"organisation": organisation.name, "round": opened.meeting_date.isoformat(),
            "expires_at": link.expires_at.isoformat(timespec="minutes"), "replaced": replaced, "by_mail": True})
    return token


def revoke_partner_link(session: Session, actor: Actor, link_id: int, now: dt.datetime | None = None) -> None:
    """An admin ends a link at once: the visitor's next action is refused."""
    _require_admin(actor)
    link_id = as_id(link_id)
    link = session.get(PartnerLink, link_id) if link_id is not None else None
    if link is None:
        raise ValidationFailed(say("partner.link_gone"))
    if revoke(session, link, actor.name, now):
        record(session, actor, link.plan_id, "partner_link_revoked", "partner_link", link.id,
               {"organisation": session.get(Organisation, link.organisation_id).name})


def link_refusal(reason: str, deadline: dt.date | None) -> str:
    """The German message (a Message) of a link that does not work, with how to get a new one."""
    return say(f"partner.link_{reason}", deadline=format_date(deadline))


def claim_link_try(session: Session, token: str | None, client: str | None,
                   now: dt.datetime | None = None) -> str | None:
    """Count a wrong link (unknown or malformed) against the client's address; run in a transaction of its own
    and committed whatever the answer (as the sign-in's claim), so a refused try still counts. The refusal (a
    German Message) when the address is locked or the link is unknown; None for a link of ours (which
    open_partner_link then judges). A visitor on this machine (no client address) is not throttled."""
    if client and auth.is_throttled(session, WRONG_LINKS, client, now):
        return say("partner.too_many", minutes=WRONG_LINKS.lock_minutes)
    verdict = verify(session, token, now)
    if verdict.reason != UNKNOWN:
        return None
    if client and auth.over_limit(session, WRONG_LINKS, client, now):
        return say("partner.too_many", minutes=WRONG_LINKS.lock_minutes)
    return link_refusal(UNKNOWN, None)


def open_partner_link(session: Session, token: str | None, now: dt.datetime | None = None) -> PartnerScope:
    """A visitor opens a link (once per browser session; claim_link_try first): its scope, the use counted and
    audited with the organisation's name. A link that does not work is refused with its German message
    (PermissionDenied)."""
    verdict = verify(session, token, now)
    if verdict.scope is None:
        raise PermissionDenied(link_refusal(verdict.reason, verdict.deadline))
    scope = verdict.scope
    touch(session, scope.link_id, now)
    record(session, partner_actor(scope), scope.plan_id, "partner_link_opened", "partner_link", scope.link_id,
           {"organisation": scope.organisation, "round": scope.meeting_date.isoformat()})
    return scope


def add_partner_report(session: Session, actor: Actor, measure_id: int, expected_version: int,
                       **fields: Any) -> StatusReport:
    """A report saved through a link: the link must still work (checked here, inside the transaction), the
    measure must belong to the link's plan and be led by the link's organisation or have it as a partner; then
    the same command and rules as an editor's report (add_status_report: validation, version, release, audit),
    and the use counted and audited with the organisation's name."""
    if actor.partner_link_id is None:
        raise PermissionDenied(say("partner.not_in_scope"))
    verdict = verify_id(session, actor.partner_link_id)
    scope = verdict.scope
    if scope is None or scope.organisation_id != actor.organisation_id:
        raise PermissionDenied(say("partner.link_ended"))
    plan_id = session.scalar(select(Measure.plan_id).where(Measure.id == measure_id))
    if plan_id != scope.plan_id:
        raise PermissionDenied(say("partner.not_in_scope"))
    report = add_status_report(session, actor, measure_id, expected_version, **fields)
    touch(session, scope.link_id)
    record(session, actor, scope.plan_id, "partner_link_used", "partner_link", scope.link_id,
           {"organisation": scope.organisation, "measure": report.measure.code if report.measure else measure_id,
            "status_report": report.id})
    return report
