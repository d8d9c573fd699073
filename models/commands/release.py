"""Freigabe: an admin releases editors' reports that wait for release (released = false)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import PermissionDenied, ValidationFailed, record
from models.commands.wording import say
from models.schema import Measure, StatusReport


def release_reports(session: Session, actor: Actor, plan_id: int, report_ids: Iterable[int]) -> int:
    """Release the given waiting reports of the plan (admins only); returns how many. Reports that
    are not waiting any more (released meanwhile by someone else) or belong to another plan are
    refused as a whole, so nothing is released half."""
    if actor.role != "admin":
        raise PermissionDenied(say("release.admins_only"))
    wanted = sorted({int(report_id) for report_id in report_ids})
    if not wanted:
        raise ValidationFailed(say("release.none"), {"report_ids": say("release.none_short")})
    waiting = session.execute(
        select(StatusReport.id, Measure.code)
        .join(Measure, Measure.id == StatusReport.measure_id)
        .where(StatusReport.id.in_(wanted), Measure.plan_id == plan_id, StatusReport.released.is_(False))
    ).all()
    if len(waiting) != len(wanted):
        raise ValidationFailed(
            say("release.stale"), {"report_ids": say("release.stale_short")},
        )
    released = session.execute(
        update(StatusReport)
        .where(StatusReport.id.in_(wanted), StatusReport.released.is_(False))
        .values(released=True)
        .execution_options(synchronize_session=False)
    )
    if released.rowcount != len(wanted):
        raise ValidationFailed(say("release.raced"))
    codes = sorted({code for _, code in waiting})
    record(session, actor, plan_id, "release", "status_report", wanted[0] if len(wanted) == 1 else None,
           {"released": [False, True], "reports": len(wanted), "measures": ", ".join(codes)})
    return len(wanted)
