"""Sachstand melden: a status report appended to a measure (history is never overwritten)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import TEXT_MAX, PermissionDenied, ValidationFailed, VersionConflict, record
from models.commands.wording import say
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
from models.schema import Body, Measure, Meeting, Plan, StatusReport


def _may_report_on(actor: Actor, measure: Measure) -> bool:
    return may_report_on(actor.role, actor.organisation_id, measure.lead_organisation_id,
                         {organisation.id for organisation in measure.partners})


def _validate_report(
    status: str,
    progress: int,
    report_date: dt.date,
    today: dt.date,
    texts: dict[str, str],
    previous_progress: int | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if status not in MEASURE_STATUSES:
        errors["status"] = say("report.status")
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        errors["progress"] = say("report.progress")
    elif not completion_matches(status, progress):
        errors["progress"] = (say("report.completed_full") if status == COMPLETED
                              else say("report.full_completed"))
    elif previous_progress is not None and progress < previous_progress and not texts["progress_note"]:
        errors["progress_note"] = say("report.progress_drops", before=previous_progress, after=progress)
    if not isinstance(report_date, dt.date):
        errors["report_date"] = say("report.date")
    elif not report_date_allowed(report_date, today):
        errors["report_date"] = say("report.future")
    if not texts["summary"]:
        errors["summary"] = say("report.summary")
    for name, value in texts.items():
        if len(value) > TEXT_MAX:
            errors[name] = say("report.too_long", limit=TEXT_MAX, length=len(value))
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
    audit_extra: dict[str, Any] | None = None,
) -> StatusReport:
    """Append a status report to a measure (history is never overwritten).

    Rules: only admins and editors of the lead or a partner organisation; summary required; every
    text at most TEXT_MAX characters; abgeschlossen <-> 100 %; progress below the state on the report
    date only with a reason (progress_note); no date in the future. When the plan requires release,
    an editor's report is stored unreleased (an admin's is released at once). AUDIT_EXTRA is added to the audit
    event's changes (e.g. where the report came from).
    """
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise ValidationFailed(say("report.measure_gone"))
    if not _may_report_on(actor, measure):
        raise PermissionDenied(say("report.not_yours"))
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
        raise ValidationFailed(say("check.short"), errors)
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
            **(audit_extra or {}),
        },
    )
    return report


def report_problems(measure: Measure, status: str, progress: int, report_date: dt.date, today: dt.date,
                    **texts: str) -> dict[str, str]:
    """The form's rules for a report on MEASURE, without writing it: field -> message ({} when it may be saved).
    Scope, version and backdating are add_status_report's to check when it writes."""
    cleaned = {name: clean_text(texts.get(name) or "").strip()
               for name in ("summary", "obstacles", "next_steps", "progress_note")}
    return _validate_report(status, progress, report_date, today, cleaned,
                            state_as_of(measure.reports, report_date).progress)


def report_unchanged(
    session: Session,
    actor: Actor,
    measure_id: int,
    expected_version: int,
    *,
    note: str = "",
    today: dt.date | None = None,
) -> StatusReport:
    """Sachstand "unverändert": the latest report's status and progress again, dated today, with the sentence
    "Unverändert gegenüber dem Sachstand vom …" and the optional note as its summary. Written by
    add_status_report, so the same rules hold (scope checked again here, version, release, audit); a measure
    without any report has nothing to keep (ValidationFailed)."""
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise ValidationFailed(say("report.measure_gone"))
    if not _may_report_on(actor, measure):
        raise PermissionDenied(say("report.not_yours"))
    if measure.version != expected_version:
        raise _conflict(session, measure)
    latest = state_as_of(measure.reports, dt.date.max)
    if latest.report_date is None:
        raise ValidationFailed(say("report.unchanged_none"))
    if latest.progress is None:  # nothing to repeat: no report named a figure, and none is made up
        raise ValidationFailed(say("report.unchanged_no_figure"))
    sentence = str(say("report.unchanged_summary", date=latest.report_date))
    note = clean_text(note or "").strip()
    return add_status_report(
        session, actor, measure_id, expected_version, report_date=today or dt.date.today(), status=latest.status,
        progress=latest.progress, summary=f"{sentence}\n{note}" if note else sentence, today=today,
    )


def report_date_floor(session: Session, plan_id: int, today: dt.date) -> dt.date:
    """The earliest date an editor may give a Sachstand of this plan today."""
    last_held = session.scalar(
        select(func.max(Meeting.meeting_date)).join(Body, Meeting.body_id == Body.id)
        .where(Body.plan_id == plan_id, Body.kind == REPORTING_BODY_KIND, Meeting.meeting_date < today)
    )
    return earliest_report_date(today, last_held)


def _check_backdating(actor: Actor, floor: dt.date, reason: str) -> dict[str, str]:
    if actor.role != "admin":
        return {"report_date": say("report.backdate_floor", date=floor)}
    if not reason:
        return {"backdate_reason": say("report.backdate_reason")}
    if len(reason) > TEXT_MAX:
        return {"backdate_reason": say("report.reason_too_long", limit=TEXT_MAX)}
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
        say("report.conflict"),
        current=current,
    )


def latest_version(session: Session, measure_id: int) -> int | None:
    return session.scalar(select(Measure.version).where(Measure.id == measure_id))
