"""The plan database: typed SQLAlchemy 2 ORM for every entity of DESIGN.md's vocabulary.

Constraints live in the database (checks, unique keys, foreign keys), not only in Python,
so that no path around the command layer can store an inconsistent plan.

One module per group of tables; every name is re-exported here, so `from models.schema import X` is the way in.
Importing this package maps every table (relationships name their targets by class name across modules).
"""

from models.schema.accounts import PASSWORD_TOKEN_PURPOSES, PasswordToken, SignInSession, SignInThrottle, User
from models.schema.base import NAMING_CONVENTION, Base, _in, utc_now
from models.schema.indicators import (
    INDICATOR_DIRECTIONS,
    INDICATOR_KINDS,
    Body,
    Indicator,
    IndicatorValue,
    Meeting,
    MeetingSnapshot,
)
from models.schema.records import (
    BARRIER_STATES,
    IMPORT_PROFILE_SHAPES,
    AuditEvent,
    BarrierReport,
    ImportProfile,
)
from models.schema.rounds import PARTNER_LINK_END_REASONS, MailSent, PartnerLink, ReportingRound
from models.schema.structure import (
    ActionField,
    AnnualGoal,
    GuidingGoal,
    Measure,
    Organisation,
    Plan,
    StatusReport,
    measure_partner,
)

__all__ = [
    "NAMING_CONVENTION", "Base", "_in", "utc_now",
    "Plan", "ActionField", "GuidingGoal", "AnnualGoal", "measure_partner", "Organisation", "Measure",
    "StatusReport", "ReportingRound", "MailSent", "PartnerLink", "PARTNER_LINK_END_REASONS",
    "INDICATOR_DIRECTIONS", "INDICATOR_KINDS", "Indicator", "IndicatorValue", "Body", "Meeting", "MeetingSnapshot",
    "User", "SignInThrottle", "SignInSession", "PasswordToken", "PASSWORD_TOKEN_PURPOSES",
    "AuditEvent", "BarrierReport", "BARRIER_STATES", "ImportProfile", "IMPORT_PROFILE_SHAPES",
]
