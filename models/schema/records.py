"""What is kept beside the plan data: the audit trail, barrier reports from the accessibility
statement, and the saved import profiles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.rules import NAME_MAX
from models.schema.base import Base, _in, utc_now


class AuditEvent(Base):
    """Who changed what, when, from which value to which."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_plan_at", "plan_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict] = mapped_column(JSON, default=dict)


BARRIER_STATES = ("offen", "beantwortet")


class BarrierReport(Base):
    """A barrier someone met in the app (the feedback mechanism of the accessibility statement). Not plan data;
    the reporter's address, given only for the answer, is deleted once the report is answered."""

    __tablename__ = "barrier_report"
    __table_args__ = (CheckConstraint(_in("state", BARRIER_STATES), name="state_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, index=True)
    page: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    description: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(254))
    state: Mapped[str] = mapped_column(String(20), default="offen")
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    answer_note: Mapped[str] = mapped_column(Text, default="")


IMPORT_PROFILE_SHAPES = ("plan", "tree", "official", "series", "wide")


class ImportProfile(Base):
    """A named import profile of a plan: what the user confirmed on the Import page for a file of one shape
    (models.transfer.profiles), offered again when a file with the same column signature comes. Not plan data:
    saving one moves no change counter."""

    __tablename__ = "import_profile"
    __table_args__ = (UniqueConstraint("plan_id", "name", name="uq_import_profile_plan_name"),
                      CheckConstraint(_in("shape", IMPORT_PROFILE_SHAPES), name="shape_known"))

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    shape: Mapped[str] = mapped_column(String(20))
    signature: Mapped[str] = mapped_column(Text, default="")
    choices: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(NAME_MAX), default="")
