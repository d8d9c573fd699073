"""The plan database: typed SQLAlchemy 2 ORM for every entity of DESIGN.md's vocabulary.

Constraints live in the database (checks, unique keys, foreign keys), not only in Python,
so that no path around the command layer can store an inconsistent plan.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from models.rules import (
    CODE_MAX,
    DEFAULT_LICENCE,
    DEFAULT_RED_SHARE,
    DEFAULT_REMINDER_DAYS,
    DEFAULT_ROUND_LEAD_DAYS,
    DEFAULT_YELLOW_SHARE,
    MEASURE_STATUSES,
    NAME_MAX,
    ROLES,
    SHORT_MAX,
    TITLE_MAX,
    YEAR_MAX,
    YEAR_MIN,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

INDICATOR_DIRECTIONS = ("increase", "decrease")
INDICATOR_KINDS = ("result", "context")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"{column} IN ({quoted})"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    # The licence of the plan's open data (rules.LICENCES; models.open_data, the page Offene Daten).
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

class User(Base):
    """A staff account: name, e-mail, organisation and role, nothing more."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    role: Mapped[str] = mapped_column(String(10), default="viewer")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    # Sign-in through the district's identity provider (OIDC): the provider (issuer) and its subject identifier.
    oidc_subject: Mapped[str | None] = mapped_column(String(200), unique=True)
    oidc_issuer: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The account's holder asked for no reminder mails of reporting rounds (the opt-out line of every mail).
    reminders_off: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    organisation: Mapped[Organisation | None] = relationship()


class SignInThrottle(Base):
    """Failed sign-in attempts per key (a hashed e-mail address or client address), for every key alike,
    so that unknown and existing accounts answer the same. Counted by atomic upserts (models/auth.py)."""

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class SignInSession(Base):
    """One sign-in on the server side: sign-out, a change of the account's rights, deactivation, idle time
    and the absolute lifetime end it, and an ended session never comes back (models/sign_in_sessions.py)."""

    __tablename__ = "sign_in_session"
    __table_args__ = (CheckConstraint(_in("method", ("local", "oidc")), name="method_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the local session token, or of the identity provider's token identity.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))


PASSWORD_TOKEN_PURPOSES = ("set", "reset")


class PasswordToken(Base):
    """A one-time link to set an account's password: issued by an admin ("set"), or asked for by e-mail
    ("reset"). Only the SHA-256 digest of its random token is kept; it expires, works once, and a newer link
    of the same account ends the older ones (models/password_tokens.py)."""

    __tablename__ = "password_token"
    __table_args__ = (CheckConstraint(_in("purpose", PASSWORD_TOKEN_PURPOSES), name="purpose_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Used, or replaced by a newer link: the link no longer works.
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))


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
