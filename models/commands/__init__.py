"""Every write goes through a command: validate -> check version -> write -> audit, in one transaction.

One module per thing written (reports, structure, measures, organisations, indicators, meetings, accounts,
settings, release); `base` holds the kernel they share and `checks` the validation kit. Every command takes
the caller's Session; the caller (ui.shell.write on the screens) owns the transaction.
The names most callers need are importable from here.
"""

from models.actors import SYSTEM, Actor, actor_of
from models.commands.base import (
    TEXT_MAX,
    CommandError,
    PermissionDenied,
    ValidationFailed,
    VersionConflict,
    record,
)
from models.commands.reports import add_status_report, latest_version, report_date_floor, report_unchanged

__all__ = [
    "SYSTEM", "TEXT_MAX", "Actor", "CommandError", "PermissionDenied", "ValidationFailed", "VersionConflict",
    "actor_of", "add_status_report", "latest_version", "record", "report_date_floor", "report_unchanged",
]
