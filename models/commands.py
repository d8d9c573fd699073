"""Every write goes through a command: validate -> check version -> write -> audit, in one transaction.

Each command also increments the plan's change counter in the same transaction, so every cached
read keyed by that counter is refreshed by the next run, in every app process.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.formats import format_date
from models.rules import (
    COMPLETED,
    MEASURE_STATUSES,
    REPORTING_BODY_KIND,
    clean_text,
    completion_matches,
    earliest_report_date,
    may_report_on,
    report_date_allowed,
    state_as_of,
)
from models.actors import SYSTEM, Actor, actor_of  # noqa: F401 (the commands' actor, re-exported)
from models.schema import AuditEvent, Body, Measure, Meeting, Plan, StatusReport, User
from models.sign_in_sessions import configured_limits, why_over

TEXT_MAX = 2000


class CommandError(Exception):
    """A write was refused; the message is German and addressed to the user."""

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
) -> None:
    """Write one audit event and advance the plan's change counter (same transaction).

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
    if plan_id is not None:
        bump_change_counter(session, plan_id)


def confirm_account(session: Session, actor: Actor) -> None:
    """Rule: a write is made with the rights the account has now, not those it had at sign-in, and only while
    its sign-in lasts (not signed out, idle or expired)."""
    if actor.user_id is None:
        return  # the system itself: seeding, migrations, the command line on the server
    role, organisation_id, active = session.execute(
        select(User.role, User.organisation_id, User.active).where(User.id == actor.user_id)
    ).first() or (None, None, False)
    if not active or (role, organisation_id) != (actor.role, actor.organisation_id):
        raise PermissionDenied(
            "Ihre Rechte haben sich geändert oder Ihr Konto ist nicht mehr aktiv: Es wurde nichts gespeichert. "
            "Bitte melden Sie sich neu an."
        )
    if actor.sign_in_key is not None and why_over(session, actor.sign_in_key, configured_limits()):
        raise PermissionDenied(
            "Ihre Anmeldung ist abgelaufen oder beendet: Es wurde nichts gespeichert. Bitte melden Sie sich neu an."
        )


def _may_report_on(actor: Actor, measure: Measure) -> bool:
    return may_report_on(actor.role, actor.organisation_id, measure.lead_organisation_id,
                         {organisation.id for organisation in measure.partners})


def _validate_report(
    status: str,
    progress: int,
    report_date: dt.date,
    today: dt.date,
    texts: dict[str, str],
    previous_progress: int,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if status not in MEASURE_STATUSES:
        errors["status"] = "Bitte wählen Sie einen gültigen Status."
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        errors["progress"] = "Der Fortschritt muss eine ganze Zahl von 0 bis 100 % sein."
    elif not completion_matches(status, progress):
        errors["progress"] = ("Eine abgeschlossene Maßnahme hat 100 % Fortschritt." if status == COMPLETED
                              else "100 % Fortschritt gibt es nur mit dem Status „abgeschlossen“.")
    elif progress < previous_progress and not texts["progress_note"]:
        errors["progress_note"] = (
            f"Der Fortschritt sinkt von {previous_progress} % auf {progress} %: "
            "Bitte begründen Sie das kurz."
        )
    if not isinstance(report_date, dt.date):
        errors["report_date"] = "Bitte geben Sie das Datum des Sachstands an."
    elif not report_date_allowed(report_date, today):
        errors["report_date"] = "Das Datum des Sachstands darf nicht in der Zukunft liegen."
    if not texts["summary"]:
        errors["summary"] = "Bitte beschreiben Sie den Sachstand in ein paar Worten."
    for name, value in texts.items():
        if len(value) > TEXT_MAX:
            errors[name] = f"Bitte kürzen Sie den Text auf höchstens {TEXT_MAX} Zeichen (jetzt {len(value)})."
    return errors


def add_status_report(
    session: Session,
    actor: Actor,
    measure_id: int,
    expected_version: int,
    *,
    report_date: dt.date,
    status: str,
    progress: int,
    summary: str = "",
    obstacles: str = "",
    next_steps: str = "",
    progress_note: str = "",
    backdate_reason: str = "",
    today: dt.date | None = None,
) -> StatusReport:
    """Append a status report to a measure (history is never overwritten).

    Rules: only admins and editors of the lead or a partner organisation; summary required; every
    text at most TEXT_MAX characters; abgeschlossen <-> 100 %; progress below the state on the report
    date only with a reason (progress_note); no date in the future. When the plan requires release,
    an editor's report is stored unreleased (an admin's is released at once).
    """
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise ValidationFailed("Diese Maßnahme gibt es nicht (mehr).")
    if not _may_report_on(actor, measure):
        raise PermissionDenied("Sie dürfen zu dieser Maßnahme keinen Sachstand melden.")
    if measure.version != expected_version:
        raise _conflict(session, measure)
    texts = {name: clean_text(value).strip() for name, value in (
        ("summary", summary), ("obstacles", obstacles), ("next_steps", next_steps), ("progress_note", progress_note))}
    before = state_as_of(measure.reports, dt.date.max)
    on_date = state_as_of(measure.reports, report_date if isinstance(report_date, dt.date) else dt.date.max)
    today = today or dt.date.today()
    errors = _validate_report(status, progress, report_date, today, texts, on_date.progress)
    backdate_reason = clean_text(backdate_reason).strip()
    floor = report_date_floor(session, measure.plan_id, today)
    backdated = "report_date" not in errors and report_date < floor
    if backdated:
        errors.update(_check_backdating(actor, floor, backdate_reason))
    if errors:
        # The reports were read after the version check: a report saved in between (another process)
        # may be what the input now contradicts. Then the answer is the conflict, not a field error.
        if session.scalar(select(Measure.version).where(Measure.id == measure_id)) != expected_version:
            raise _conflict(session, measure)
        raise ValidationFailed("Bitte prüfen Sie die markierten Angaben.", errors)
    claimed = session.execute(
        update(Measure)
        .where(Measure.id == measure_id, Measure.version == expected_version)
        .values(version=Measure.version + 1)
    )
    if claimed.rowcount != 1:
        raise _conflict(session, measure)
    plan_requires_release = session.scalar(select(Plan.release_required).where(Plan.id == measure.plan_id))
    report = StatusReport(
        measure_id=measure_id,
        report_date=report_date,
        status=status,
        progress=progress,
        author_id=actor.user_id,
        author_name=actor.name,
        released=actor.role == "admin" or not plan_requires_release,
        **texts,
    )
    session.add(report)
    session.flush()
    record(
        session,
        actor,
        measure.plan_id,
        "create",
        "status_report",
        report.id,
        {
            "measure": measure.code,
            "status": [before.status, status],
            "progress": [before.progress, progress],
            "released": report.released,
            **({"report_date": report_date.isoformat(), "backdate_reason": backdate_reason}
               if backdated else {}),
        },
    )
    return report


def report_date_floor(session: Session, plan_id: int, today: dt.date) -> dt.date:
    """The earliest date an editor may give a Sachstand of this plan today."""
    last_held = session.scalar(
        select(func.max(Meeting.meeting_date)).join(Body, Meeting.body_id == Body.id)
        .where(Body.plan_id == plan_id, Body.kind == REPORTING_BODY_KIND, Meeting.meeting_date < today)
    )
    return earliest_report_date(today, last_held)


def _check_backdating(actor: Actor, floor: dt.date, reason: str) -> dict[str, str]:
    if actor.role != "admin":
        return {"report_date": f"Sie können einen Sachstand höchstens bis zum {format_date(floor)} "
                               "zurückdatieren (30 Tage, und nach der letzten Sitzung des Fachbeirats)."}
    if not reason:
        return {"backdate_reason": "Bitte begründen Sie, warum der Sachstand so weit zurückdatiert wird."}
    if len(reason) > TEXT_MAX:
        return {"backdate_reason": f"Bitte kürzen Sie die Begründung auf höchstens {TEXT_MAX} Zeichen."}
    return {}


def _conflict(session: Session, measure: Measure) -> VersionConflict:
    """The conflict with what the newest report (by entry) says, so the user sees what changed."""
    session.refresh(measure)
    newest = session.scalars(
        select(StatusReport)
        .where(StatusReport.measure_id == measure.id)
        .order_by(StatusReport.id.desc())
        .limit(1)
        .execution_options(populate_existing=True)
    ).first()
    current: dict[str, Any] = {"version": measure.version}
    if newest is not None:
        current.update(
            report_date=newest.report_date,
            status=newest.status,
            progress=newest.progress,
            summary=newest.summary,
            author_name=newest.author_name,
        )
    return VersionConflict(
        "Diese Maßnahme wurde inzwischen von jemand anderem geändert. "
        "Ihre Eingaben sind erhalten; bitte prüfen Sie den neuen Stand und speichern Sie erneut.",
        current=current,
    )


def latest_version(session: Session, measure_id: int) -> int | None:
    return session.scalar(select(Measure.version).where(Measure.id == measure_id))
