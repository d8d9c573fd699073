"""Sachstände from a reporting round's Excel workbook (models.transfer.round_workbook): every filled row saved as a
report of the workbook's organisation, in the caller's ONE transaction (all or nothing), each by add_status_report
(the same rules, scope, release and audit as the form), the audit naming the workbook as the source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, confirm_account, record
from models.commands.reports import add_status_report
from models.commands.round_reports_wording import say
from models.schema import Measure, Organisation, ReportingRound, StatusReport

SOURCE = "Excel-Vorlage"


@dataclass(frozen=True)
class WorkbookReport:
    """One filled row of the workbook: the measure (and its version when the workbook was read: a report saved in
    between is a conflict), the row number in the sheet and what the row says."""

    row: int
    measure_id: int
    code: str
    version: int
    status: str
    progress: int
    summary: str
    obstacles: str = ""
    next_steps: str = ""
    progress_note: str = ""


def save_round_workbook(session: Session, actor: Actor, round_id: int, organisation_id: int,
                        reports: Sequence[WorkbookReport], today: dt.date) -> list[StatusReport]:
    """Save REPORTS as the organisation's Sachstände dated TODAY. The actor is checked again inside the transaction:
    an admin for any organisation, an editor only for her own. The round must be open (not closed, its meeting not
    past) and every measure led by the organisation. Any refusal raises and the caller's transaction rolls back, so
    nothing is saved."""
    confirm_account(session, actor)
    organisation = session.get(Organisation, organisation_id)
    name = organisation.name if organisation is not None else ""
    if actor.role != "admin" and not (actor.role == "editor" and actor.organisation_id == organisation_id):
        raise PermissionDenied(say("not_yours", organisation=name))
    opened = session.get(ReportingRound, round_id)
    if opened is None or organisation is None:
        raise ValidationFailed(say("round_gone"))
    if opened.closed_at is not None or opened.meeting_date < today:
        raise ValidationFailed(say("round_over", meeting=opened.meeting_date))
    if not reports:
        raise ValidationFailed(say("nothing"))
    source = {"source": SOURCE, "organisation": name, "round": opened.meeting_date.isoformat()}
    saved = []
    for entry in reports:
        measure = session.get(Measure, entry.measure_id)
        if measure is None or measure.plan_id != opened.plan_id or measure.lead_organisation_id != organisation_id:
            raise ValidationFailed(say("row_refused", row=entry.row, code=entry.code,
                                       reason=say("not_lead", organisation=name)))
        try:
            saved.append(add_status_report(
                session, actor, entry.measure_id, entry.version, report_date=today, status=entry.status,
                progress=entry.progress, summary=entry.summary, obstacles=entry.obstacles,
                next_steps=entry.next_steps, progress_note=entry.progress_note, today=today, audit_extra=source))
        except ValidationFailed as refused:
            reasons = " ".join(refused.field_errors.values()) or refused.args[0]
            raise ValidationFailed(say("row_refused", row=entry.row, code=entry.code, reason=reasons)) from refused
    record(session, actor, opened.plan_id, "create", "round_workbook", opened.id,
           {**source, "reports": len(saved),
            "measures": [entry.code for entry in reports]})
    return saved
