"""Indicators and their values; bodies (Gremien), their meetings and the slides frozen for a meeting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.rules import CODE_MAX, NAME_MAX, SHORT_MAX, TITLE_MAX
from models.schema.base import Base, _in, utc_now


INDICATOR_DIRECTIONS = ("increase", "decrease")
INDICATOR_KINDS = ("result", "context")


class Indicator(Base):
    __tablename__ = "indicator"
    __table_args__ = (
        UniqueConstraint("plan_id", "code", name="uq_indicator_plan_code"),
        CheckConstraint(_in("direction", INDICATOR_DIRECTIONS), name="direction_known"),
        CheckConstraint(_in("kind", INDICATOR_KINDS), name="kind_known"),
        CheckConstraint(
            "baseline_date IS NULL OR target_date IS NULL OR target_date > baseline_date",
            name="target_after_baseline",
        ),
        CheckConstraint(
            "(CASE WHEN action_field_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN guiding_goal_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN annual_goal_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN measure_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name="one_level",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(CODE_MAX))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    direction: Mapped[str] = mapped_column(String(10), default="increase")
    kind: Mapped[str] = mapped_column(String(10), default="result")
    counts_people: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    baseline_date: Mapped[dt.date | None] = mapped_column(Date)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    target_value: Mapped[float | None] = mapped_column(Float)
    # The level it measures: at most one of these is set (none: the whole plan).
    action_field_id: Mapped[int | None] = mapped_column(ForeignKey("action_field.id"))
    guiding_goal_id: Mapped[int | None] = mapped_column(ForeignKey("guiding_goal.id"))
    annual_goal_id: Mapped[int | None] = mapped_column(ForeignKey("annual_goal.id"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator", order_by="IndicatorValue.value_date"
    )


class IndicatorValue(Base):
    __tablename__ = "indicator_value"
    __table_args__ = (
        UniqueConstraint("indicator_id", "value_date", name="uq_indicator_value_indicator_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    value_date: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship(back_populates="values")


class Body(Base):
    """A Gremium: Fachbeirat, Kreistag, Integrationskonferenz ..."""

    __tablename__ = "body"
    __table_args__ = (UniqueConstraint("plan_id", "name", name="uq_body_plan_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    kind: Mapped[str] = mapped_column(String(SHORT_MAX))

    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="body", order_by="Meeting.meeting_date"
    )


class Meeting(Base):
    """A meeting of a body; its date is a reporting cut-off (Stichtag)."""

    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("body_id", "meeting_date", name="uq_meeting_body_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    is_reporting_cutoff: Mapped[bool] = mapped_column(Boolean, default=True)

    body: Mapped[Body] = relationship(back_populates="meetings")


class MeetingSnapshot(Base):
    """The presentation's slides frozen for a meeting ("Stand zur Sitzung am ..."): stored as JSON
    and shown again exactly as stored, however the plan changes later."""

    __tablename__ = "meeting_snapshot"
    __table_args__ = (UniqueConstraint("plan_id", "meeting_date", name="uq_meeting_snapshot_plan_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    as_of: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[dict] = mapped_column(JSON)
