"""The reporting rounds: rounds opened for a meeting, the mails a round sent and the partners' personal
report links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.rules import NAME_MAX, TITLE_MAX
from models.schema.base import Base, _in, utc_now


class ReportingRound(Base):
    """A Berichtsrunde the office opened for a meeting: reports dated after `since` count; its deadline is the
    meeting minus the plan's lead time (rules.round_deadline). Its mails are in MailSent."""

    __tablename__ = "reporting_round"
    __table_args__ = (UniqueConstraint("plan_id", "meeting_date", name="uq_reporting_round_plan_meeting"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    since: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date] = mapped_column(Date)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    opened_by: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class MailSent(Base):
    """Every mail the reminder job sent, so that a rerun sends nothing twice: one row per round, kind,
    organisation and recipient (the digest's kind carries its day)."""

    __tablename__ = "mail_sent"
    __table_args__ = (UniqueConstraint("round_id", "kind", "organisation_id", "recipient", name="uq_mail_sent_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("reporting_round.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    organisation_id: Mapped[int] = mapped_column(Integer, default=0)  # 0: not for one organisation (the digest)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


PARTNER_LINK_END_REASONS = ("revoked", "replaced")


class PartnerLink(Base):
    """A personal report link of a reporting round for one organisation (a Träger, a volunteer group without
    accounts): it opens the report form for that organisation's measures only, until the end of the round's
    deadline (Europe/Berlin) or its revocation. Only the SHA-256 digest of its random token is kept; a newer
    link for the same round and organisation replaces the older one (models/partner_links.py)."""

    __tablename__ = "partner_link"
    __table_args__ = (CheckConstraint("revoke_reason IS NULL OR " + _in("revoke_reason", PARTNER_LINK_END_REASONS),
                                      name="revoke_reason_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    round_id: Mapped[int] = mapped_column(ForeignKey("reporting_round.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(200))
    revoke_reason: Mapped[str | None] = mapped_column(String(20))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    use_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
