"""The kernel every command shares: refusals, the audit event with the change counter, versions, saving rows.

A command takes the caller's Session (the caller owns the transaction) and ends in `record`, the one place
where the audit event is written and the plan's change counter moves, so every cached read keyed by that
counter is refreshed by the next run, in every app process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.wording import say
from models.schema import AuditEvent, Plan, User
from models.partner_links import verify_id
from models.partner_wording import say as say_partner
from models.sign_in_sessions import configured_limits, why_over

TEXT_MAX = 2000
PLAN_CONFLICT = say("conflict.plan")
MEASURE_CONFLICT = say("conflict.measure")


class CommandError(Exception):
    """A write was refused; the message (and each field's) is addressed to the user: a models.texts.Message,
    German as a str, shown in the reader's language by the ui."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None):
        super().__init__(message)
        self.field_errors = field_errors or {}


class PermissionDenied(CommandError):
    pass


class ValidationFailed(CommandError):
    pass


class VersionConflict(CommandError):
    """Someone else changed the object since it was read; the caller keeps what was typed."""

    def __init__(self, message: str, current: dict[str, Any]):
        super().__init__(message)
        self.current = current


class BulkValidationFailed(ValidationFailed):
    """Problems of an edited table, one line per problem ("Zeile 3 (M1): ...")."""

    def __init__(self, message: str, problems: list[str]):
        super().__init__(message, {f"problem{index}": problem for index, problem in enumerate(problems)})
        self.problems = problems



def bump_change_counter(session: Session, plan_id: int) -> None:
    session.execute(
        update(Plan).where(Plan.id == plan_id).values(change_counter=Plan.change_counter + 1)
    )


def record(
    session: Session,
    actor: Actor,
    plan_id: int | None,
    action: str,
    object_type: str,
    object_id: int | None,
    changes: dict[str, Any],
    *,
    every_plan: bool = False,
) -> None:
    """Write one audit event and advance the plan's change counter (same transaction); every_plan: the object
    belongs to no single plan (organisations, accounts), so every plan's cached reads must refresh.

    Every write command ends here, so this is where the actor is re-checked against its account as it is
    now: a demoted, deactivated or re-assigned account's write is refused and the transaction rolls back.
    """
    confirm_account(session, actor)
    session.add(
        AuditEvent(
            plan_id=plan_id,
            actor_id=actor.user_id,
            actor_name=actor.name,
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=changes,
        )
    )
    if every_plan:
        session.execute(update(Plan).values(change_counter=Plan.change_counter + 1)
                        .execution_options(synchronize_session=False))
    elif plan_id is not None:
        bump_change_counter(session, plan_id)


def confirm_account(session: Session, actor: Actor) -> None:
    """Rule: a write is made with the rights the account has now, not those it had at sign-in, and only while
    its sign-in lasts (not signed out, idle or expired); a partner link's visitor only while the link works."""
    if actor.partner_link_id is not None:
        confirm_partner_link(session, actor)
        return
    if actor.user_id is None:
        return  # the system itself: seeding, migrations, the command line on the server
    role, organisation_id, active = session.execute(
        select(User.role, User.organisation_id, User.active).where(User.id == actor.user_id)
    ).first() or (None, None, False)
    if not active or (role, organisation_id) != (actor.role, actor.organisation_id):
        raise PermissionDenied(say("account.changed"))
    if actor.sign_in_key is not None and why_over(session, actor.sign_in_key, configured_limits()):
        raise PermissionDenied(say("account.signed_out"))


def confirm_partner_link(session: Session, actor: Actor) -> None:
    """Rule: a partner link's write is made only while the link works (not revoked, replaced or expired, its
    round not closed) and only for the link's organisation."""
    verdict = verify_id(session, actor.partner_link_id)
    if verdict.scope is None or verdict.scope.organisation_id != actor.organisation_id:
        raise PermissionDenied(say_partner("partner.link_ended"))


# --- versions ----------------------------------------------------------------------------------


def check_counter(session: Session, plan_id: int, expected_counter: int) -> None:
    """The plan's change counter must still be the one the caller saw; the row stays locked until commit,
    so a concurrent writer that saw the same counter gets the conflict."""
    claimed = session.execute(
        update(Plan)
        .where(Plan.id == plan_id, Plan.change_counter == int(expected_counter))
        .values(change_counter=Plan.change_counter)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount == 1:
        return
    current = session.scalar(select(Plan.change_counter).where(Plan.id == plan_id))
    if current is None:
        raise ValidationFailed(say("plan_gone"))
    raise VersionConflict(
        PLAN_CONFLICT,
        current={"counter": current, "changes": recent_changes(session, plan_id, current - expected_counter)},
    )


def current_counter(session: Session, plan_id: int) -> int:
    return int(session.scalar(select(Plan.change_counter).where(Plan.id == plan_id)) or 0)


def recent_changes(session: Session, plan_id: int, count: int, limit: int = 5) -> list[dict[str, Any]]:
    """The plan's latest audit events (each write moved the counter by one): who changed what, when."""
    if count <= 0:
        return []
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.actor_name, AuditEvent.action, AuditEvent.object_type, AuditEvent.changes)
        .where(AuditEvent.plan_id == plan_id)
        .order_by(AuditEvent.id.desc())
        .limit(min(count, limit))
    ).all()
    return [
        {"at": row.at, "actor": row.actor_name, "action": row.action, "object_type": row.object_type,
         "code": _code_in(row.changes or {})}
        for row in rows
    ]


def _code_in(changes: Mapping[str, Any]) -> str:
    value = changes.get("code") or changes.get("measure") or changes.get("name") or ""
    if isinstance(value, list):
        value = value[-1] or value[0] or ""
    return str(value)


def plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def apply_values(row: Any, values: Mapping[str, Any]) -> dict[str, list]:
    """Set the values on the row; the changed fields as {field: [old, new]} for the audit trail."""
    changes = {}
    for name, new in values.items():
        old = getattr(row, name)
        if old != new:
            changes[name] = [plain(old), plain(new)]
            setattr(row, name, new)
    return changes


def created_values(values: Mapping[str, Any]) -> dict[str, list]:
    return {name: [None, plain(value)] for name, value in values.items() if value not in (None, "", [])}


def flush(session: Session) -> None:
    """A unique key taken by someone else in the meantime is a conflict, not a crash."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise VersionConflict(say("conflict.overlap"), current={}) from exc


# --- saving rows -------------------------------------------------------------------------------


def next_position(session: Session, model: type, *where: Any) -> int:
    highest = session.scalar(select(func.max(model.position)).where(*where))
    return 0 if highest is None else highest + 1


def save_new(session: Session, actor: Actor, plan_id: int, kind: str, row: Any, values: Mapping[str, Any],
             every_plan: bool = False) -> Any:
    session.add(row)
    flush(session)
    record(session, actor, plan_id, "create", kind, row.id, created_values(values), every_plan=every_plan)
    return row


def save_changes(session: Session, actor: Actor, plan_id: int, kind: str, row: Any, values: Mapping[str, Any],
                 every_plan: bool = False) -> Any:
    """The changed values (none changed: nothing written, nothing recorded)."""
    changes = apply_values(row, values)
    if changes:
        flush(session)
        record(session, actor, plan_id, "update", kind, row.id, changes, every_plan=every_plan)
    return row

