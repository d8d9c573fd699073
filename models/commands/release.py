"""Freigabe: an admin releases editors' reports that wait for release (released = false)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, record
from models.schema import Measure, StatusReport


def release_reports(session: Session, actor: Actor, plan_id: int, report_ids: Iterable[int]) -> int:
    """Release the given waiting reports of the plan (admins only); returns how many. Reports that
    are not waiting any more (released meanwhile by someone else) or belong to another plan are
    refused as a whole, so nothing is released half."""
    if actor.role != "admin":
        raise PermissionDenied("Nur die Administration darf Sachstände freigeben.")
    wanted = sorted({int(report_id) for report_id in report_ids})
    if not wanted:
        raise ValidationFailed("Bitte wählen Sie mindestens einen Sachstand zur Freigabe aus.",
                               {"report_ids": "Bitte wählen Sie mindestens einen Sachstand aus."})
    waiting = session.execute(
        select(StatusReport.id, Measure.code)
        .join(Measure, Measure.id == StatusReport.measure_id)
        .where(StatusReport.id.in_(wanted), Measure.plan_id == plan_id, StatusReport.released.is_(False))
    ).all()
    if len(waiting) != len(wanted):
        raise ValidationFailed(
            "Einige der ausgewählten Sachstände warten nicht mehr auf Freigabe (inzwischen freigegeben "
            "oder nicht aus diesem Plan). Es wurde nichts freigegeben; bitte prüfen Sie die aktuelle Liste.",
            {"report_ids": "Bitte wählen Sie nur Sachstände aus der aktuellen Liste."},
        )
    released = session.execute(
        update(StatusReport)
        .where(StatusReport.id.in_(wanted), StatusReport.released.is_(False))
        .values(released=True)
        .execution_options(synchronize_session=False)
    )
    if released.rowcount != len(wanted):
        raise ValidationFailed("Die Sachstände wurden gerade von jemand anderem freigegeben. Es wurde nichts geändert.")
    codes = sorted({code for _, code in waiting})
    record(session, actor, plan_id, "release", "status_report", wanted[0] if len(wanted) == 1 else None,
           {"released": [False, True], "reports": len(wanted), "measures": ", ".join(codes)})
    return len(wanted)
