"""The plan's structure: the plan, its levels (Handlungsfeld, Leitziel, Jahresziel, Maßnahme), the
organisations that lead or partner a measure, and the measures' dated status reports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.open_data_rules import DEFAULT_LICENCE
from models.rules import (
    CODE_MAX,
    DEFAULT_RED_SHARE,
    DEFAULT_REMINDER_DAYS,
    DEFAULT_ROUND_LEAD_DAYS,
    DEFAULT_YELLOW_SHARE,
    MEASURE_STATUSES,
    NAME_MAX,
    SHORT_MAX,
    TITLE_MAX,
    YEAR_MAX,
    YEAR_MIN,
)
from models.schema.base import Base, _in, utc_now


class Plan(Base):
    __tablename__ = "plan"
    __table_args__ = (
        CheckConstraint(f"horizon_year BETWEEN {YEAR_MIN} AND {YEAR_MAX}", name="horizon_year_range"),
        CheckConstraint("change_counter >= 0", name="change_counter_positive"),
        CheckConstraint("green_tolerance BETWEEN 0 AND 100", name="green_tolerance_range"),
        CheckConstraint("stale_after_days > 0", name="stale_after_days_positive"),
        CheckConstraint("confidentiality_threshold >= 0", name="confidentiality_threshold_positive"),
        CheckConstraint("red_share BETWEEN 1 AND 100", name="red_share_range"),
        CheckConstraint("yellow_share BETWEEN 1 AND 100", name="yellow_share_range"),
        CheckConstraint("round_lead_days BETWEEN 0 AND 90", name="round_lead_days_range"),
        CheckConstraint("reminder_days BETWEEN 1 AND 60", name="reminder_days_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    owner: Mapped[str] = mapped_column(String(NAME_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    horizon_year: Mapped[int] = mapped_column(Integer, default=2030)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    # Cache key of every read: each write command increments it in its own transaction.
    change_counter: Mapped[int] = mapped_column(Integer, default=0)
    green_tolerance: Mapped[int] = mapped_column(Integer, default=15)
    stale_after_days: Mapped[int] = mapped_column(Integer, default=180)
    # A level's light (rules.level_light): red from this share (percent) of red active measures, yellow from
    # this share of red or yellow ones.
    red_share: Mapped[int] = mapped_column(Integer, default=DEFAULT_RED_SHARE, server_default=str(DEFAULT_RED_SHARE))
    yellow_share: Mapped[int] = mapped_column(Integer, default=DEFAULT_YELLOW_SHARE,
                                              server_default=str(DEFAULT_YELLOW_SHARE))
    # Anonymous visitors may read the plan (released reports only) when the public view is on.
    public_view: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Editors' reports wait for an admin's release before the public view shows them.
    release_required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Counts of people below this are hidden in the public view (statistical confidentiality).
    confidentiality_threshold: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    # The licence of the plan's open data (open_data_rules.LICENCES; models.open_data, the page Offene Daten).
    licence: Mapped[str] = mapped_column(String(40), default=DEFAULT_LICENCE, server_default=DEFAULT_LICENCE)
    # The area the plan covers, its Amtlicher Gemeindeschlüssel (2, 3, 5 or 8 digits; empty: not given), and its
    # contributor URI in the DCAT-AP.de vocabulary (empty: not known), for the DCAT catalogue (models.dcat).
    district_key: Mapped[str] = mapped_column(String(8), default="", server_default="")
    contributor_id: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Reporting rounds: the deadline this many days before the meeting, reminders this many days before it.
    round_lead_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_ROUND_LEAD_DAYS,
                                                 server_default=str(DEFAULT_ROUND_LEAD_DAYS))
    reminder_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_REMINDER_DAYS,
                                               server_default=str(DEFAULT_REMINDER_DAYS))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    action_fields: Mapped[list[ActionField]] = relationship(
        back_populates="plan", order_by="ActionField.position"
    )


class ActionField(Base):
    __tablename__ = "action_field"
    __table_args__ = (UniqueConstraint("plan_id", "code", name="uq_action_field_plan_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(CODE_MAX))
    title: Mapped[str] = mapped_column(String(NAME_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan] = relationship(back_populates="action_fields")
    guiding_goals: Mapped[list[GuidingGoal]] = relationship(
        back_populates="action_field", order_by="GuidingGoal.position"
    )


class GuidingGoal(Base):
    __tablename__ = "guiding_goal"
    __table_args__ = (UniqueConstraint("plan_id", "code", name="uq_guiding_goal_plan_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    action_field_id: Mapped[int] = mapped_column(ForeignKey("action_field.id"), index=True)
    code: Mapped[str] = mapped_column(String(CODE_MAX))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    action_field: Mapped[ActionField] = relationship(back_populates="guiding_goals")
    annual_goals: Mapped[list[AnnualGoal]] = relationship(
        back_populates="guiding_goal", order_by="AnnualGoal.year, AnnualGoal.position"
    )


class AnnualGoal(Base):
    __tablename__ = "annual_goal"
    __table_args__ = (
        UniqueConstraint("plan_id", "code", name="uq_annual_goal_plan_code"),
        CheckConstraint(f"year BETWEEN {YEAR_MIN} AND {YEAR_MAX}", name="year_range"),
        CheckConstraint(
            "prioritised = false OR decision_date IS NOT NULL", name="prioritised_needs_decision"
        ),
        CheckConstraint(
            "carried_over_from_id IS NULL OR carry_over_reason IS NOT NULL",
            name="carry_over_needs_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    guiding_goal_id: Mapped[int] = mapped_column(ForeignKey("guiding_goal.id"), index=True)
    code: Mapped[str] = mapped_column(String(CODE_MAX))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    prioritised: Mapped[bool] = mapped_column(Boolean, default=False)
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    decision_reference: Mapped[str | None] = mapped_column(String(NAME_MAX))
    carried_over_from_id: Mapped[int | None] = mapped_column(ForeignKey("annual_goal.id"))
    carry_over_reason: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    guiding_goal: Mapped[GuidingGoal] = relationship(back_populates="annual_goals")
    measures: Mapped[list[Measure]] = relationship(
        back_populates="annual_goal", order_by="Measure.position"
    )
    carried_over_from: Mapped[AnnualGoal | None] = relationship(remote_side=[id])


measure_partner = Table(
    "measure_partner",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id"), primary_key=True),
)


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    short_name: Mapped[str] = mapped_column(String(SHORT_MAX), default="")
    kind: Mapped[str] = mapped_column(String(SHORT_MAX), default="Sonstige")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # The organisation's functional address (e.g. its integration office): the escalation of a round goes there.
    contact_email: Mapped[str | None] = mapped_column(String(254))


class Measure(Base):
    __tablename__ = "measure"
    __table_args__ = (
        UniqueConstraint("plan_id", "code", name="uq_measure_plan_code"),
        CheckConstraint("weight >= 0", name="weight_not_negative"),
        CheckConstraint(
            "start_date IS NULL OR due_date IS NULL OR due_date >= start_date",
            name="due_not_before_start",
        ),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint(
            "carried_over_from_id IS NULL OR carry_over_reason IS NOT NULL",
            name="carry_over_needs_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    annual_goal_id: Mapped[int] = mapped_column(ForeignKey("annual_goal.id"), index=True)
    code: Mapped[str] = mapped_column(String(CODE_MAX))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    origin: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    carried_over_from_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id"))
    carry_over_reason: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optimistic locking: a write names the version it read; a mismatch is a conflict.
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    annual_goal: Mapped[AnnualGoal] = relationship(back_populates="measures")
    lead_organisation: Mapped[Organisation | None] = relationship()
    partners: Mapped[list[Organisation]] = relationship(secondary=measure_partner)
    reports: Mapped[list[StatusReport]] = relationship(
        back_populates="measure", order_by="StatusReport.report_date, StatusReport.id"
    )
    carried_over_from: Mapped[Measure | None] = relationship(remote_side=[id])


class StatusReport(Base):
    """One dated report on a measure. Append-only: history is never overwritten."""

    __tablename__ = "status_report"
    __table_args__ = (
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_range"),
        CheckConstraint(_in("status", MEASURE_STATUSES), name="status_known"),
        # the database's guard of models.rules.completion_matches; an empty progress (a report that names no
        # figure, rules.report_progress) passes both CHECKs, as SQL's unknown does
        CheckConstraint(
            "(status = 'abgeschlossen' AND progress = 100)"
            " OR (status <> 'abgeschlossen' AND progress < 100)",
            name="completed_iff_full_progress",
        ),
        Index("ix_status_report_measure_date", "measure_id", "report_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"))
    report_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    # None: the report names no figure (imported history); the report form always asks for one.
    progress: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    obstacles: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    # Why progress went down (required by the report form when it does).
    progress_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    released: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    measure: Mapped[Measure] = relationship(back_populates="reports")
