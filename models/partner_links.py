"""Partner links: a reporting round's personal report link for one organisation without accounts (a Träger, a
volunteer group). It opens the report form for that organisation's measures of the round and nothing else.

The token is random (secrets.token_urlsafe) and only its SHA-256 digest is stored; the raw token is shown once
to the administration (to copy into a mail) and never written anywhere else. A link works until the end of the
round's deadline day in Europe/Berlin, until it is revoked, or until the round is closed; a newer link for the
same round and organisation replaces the older one (so at most one link per organisation and round works).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.formats import LOCAL_TIME
from models.schema import Organisation, PartnerLink, Plan, ReportingRound

PARTNER_PATH = "/partner-bericht"
PARTNER_ROLE = "partner"
# secrets.token_urlsafe(32) gives 43 characters of this alphabet; anything else is not a link of ours.
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")

# Why a link does not work (the key of its German message in models.partner_wording: partner.link_<reason>).
UNKNOWN, EXPIRED, REVOKED, REPLACED, CLOSED = "unknown", "expired", "revoked", "replaced", "closed"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str | None) -> bool:
    return bool(token) and _TOKEN_SHAPE.fullmatch(token) is not None


def link_expiry(deadline: dt.date) -> dt.datetime:
    """Rule "partner link expiry": a link works to the end of the round's deadline day in Europe/Berlin (stored as
    naive UTC, as every time)."""
    end = dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time(), tzinfo=LOCAL_TIME)
    return end.astimezone(dt.timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class PartnerScope:
    """What a working link opens: one organisation's measures in one round of one plan."""

    link_id: int
    plan_id: int
    plan_slug: str
    plan_name: str
    plan_owner: str
    round_id: int
    meeting_date: dt.date
    since: dt.date
    deadline: dt.date
    organisation_id: int
    organisation: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class Verdict:
    """A link checked: its scope when it works, else why not (UNKNOWN ... CLOSED) and the round's deadline."""

    scope: PartnerScope | None
    reason: str | None = None
    deadline: dt.date | None = None


def _scope_query():
    return (select(PartnerLink, ReportingRound, Organisation.name, Plan.slug, Plan.name, Plan.owner)
            .join(ReportingRound, ReportingRound.id == PartnerLink.round_id)
            .join(Organisation, Organisation.id == PartnerLink.organisation_id)
            .join(Plan, Plan.id == PartnerLink.plan_id))


def _judge(found, now: dt.datetime) -> Verdict:
    if found is None:
        return Verdict(None, UNKNOWN)
    link, opened, organisation, slug, plan_name, owner = found
    if link.revoked_at is not None:
        return Verdict(None, REPLACED if link.revoke_reason == REPLACED else REVOKED, opened.deadline)
    if opened.closed_at is not None:
        return Verdict(None, CLOSED, opened.deadline)
    if link.expires_at <= now:
        return Verdict(None, EXPIRED, opened.deadline)
    return Verdict(PartnerScope(link.id, link.plan_id, slug, plan_name, owner, opened.id, opened.meeting_date,
                                opened.since, opened.deadline, link.organisation_id, organisation, link.expires_at))


def verify(session: Session, token: str | None, now: dt.datetime | None = None) -> Verdict:
    """The link's scope while it works; otherwise why not. A malformed token is not looked up (UNKNOWN)."""
    if not well_formed(token):
        return Verdict(None, UNKNOWN)
    found = session.execute(_scope_query().where(PartnerLink.token_hash == token_digest(token))).first()
    return _judge(found, now or _now())


def verify_id(session: Session, link_id: int, now: dt.datetime | None = None) -> Verdict:
    """The same check by the link's id (inside a write's transaction, where the token is not at hand)."""
    found = session.execute(_scope_query().where(PartnerLink.id == link_id)).first()
    return _judge(found, now or _now())


def issue(session: Session, opened: ReportingRound, organisation_id: int, created_by: str,
          now: dt.datetime | None = None) -> tuple[PartnerLink, str, int]:
    """A new link (its row and the token, returned once and stored only as its digest) and how many working
    links of the same round and organisation it replaced."""
    now = now or _now()
    replaced = session.execute(
        update(PartnerLink)
        .where(PartnerLink.round_id == opened.id, PartnerLink.organisation_id == organisation_id,
               PartnerLink.revoked_at.is_(None))
        .values(revoked_at=now, revoked_by=created_by, revoke_reason=REPLACED)
        .execution_options(synchronize_session=False)).rowcount
    token = secrets.token_urlsafe(32)
    link = PartnerLink(plan_id=opened.plan_id, round_id=opened.id, organisation_id=organisation_id,
                       token_hash=token_digest(token), created_at=now, created_by=created_by,
                       expires_at=link_expiry(opened.deadline), use_count=0)
    session.add(link)
    session.flush()
    return link, token, replaced


def revoke(session: Session, link: PartnerLink, revoked_by: str, now: dt.datetime | None = None) -> bool:
    """End a link now; False when it had ended already (nothing changes then)."""
    ended = session.execute(
        update(PartnerLink).where(PartnerLink.id == link.id, PartnerLink.revoked_at.is_(None))
        .values(revoked_at=now or _now(), revoked_by=revoked_by, revoke_reason=REVOKED)
        .execution_options(synchronize_session=False))
    return ended.rowcount == 1


def touch(session: Session, link_id: int, now: dt.datetime | None = None) -> None:
    """Count one use of the link (opened in a browser session, or a report saved with it)."""
    session.execute(update(PartnerLink).where(PartnerLink.id == link_id)
                    .values(last_used_at=now or _now(), use_count=PartnerLink.use_count + 1)
                    .execution_options(synchronize_session=False))


@dataclass(frozen=True)
class LinkRow:
    """One link of a round as the administration sees it (never its token)."""

    id: int
    organisation_id: int
    organisation: str
    created_at: dt.datetime
    created_by: str
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    revoked_by: str | None
    revoke_reason: str | None
    last_used_at: dt.datetime | None
    use_count: int

    def state(self, now: dt.datetime | None = None) -> str:
        """"valid", "expired", "revoked" or "replaced"."""
        if self.revoked_at is not None:
            return REPLACED if self.revoke_reason == REPLACED else REVOKED
        return EXPIRED if self.expires_at <= (now or _now()) else "valid"


def links_of_round(session: Session, round_id: int) -> list[LinkRow]:
    """The round's links, by organisation, newest first."""
    rows = session.execute(
        select(PartnerLink.id, PartnerLink.organisation_id, Organisation.name, PartnerLink.created_at,
               PartnerLink.created_by, PartnerLink.expires_at, PartnerLink.revoked_at, PartnerLink.revoked_by,
               PartnerLink.revoke_reason, PartnerLink.last_used_at, PartnerLink.use_count)
        .join(Organisation, Organisation.id == PartnerLink.organisation_id)
        .where(PartnerLink.round_id == round_id)
        .order_by(Organisation.name, PartnerLink.id.desc())).all()
    return [LinkRow(*row) for row in rows]


def link_url(base_url: str, token: str) -> str:
    """The address of the partner page with this token, under the cockpit's public address."""
    return f"{base_url.rstrip('/')}{PARTNER_PATH}?{urlencode({'link': token})}"
