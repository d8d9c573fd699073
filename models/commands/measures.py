"""Pflege of Maßnahmen: create, change (optimistic locking on Measure.version), hide or show again, and
an edited table of many measures saved all or nothing (bulk edit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.base import (
    MEASURE_CONFLICT,
    TEXT_MAX,
    BulkValidationFailed,
    VersionConflict,
    apply_values,
    flush,
    next_position,
    record,
    save_new,
)
from models.commands.checks import (
    CODE_PATTERN,
    CODE_RULE,
    Checks,
    as_id,
    checked_values,
    require_admin,
    row_of,
)
from models.commands.structure import check_retire, set_retired
from models.commands.wording import say
from models.rules import CODE_MAX, NAME_MAX, TITLE_MAX
from models.schema import AnnualGoal, Measure, Organisation

WEIGHT_MAX = 1000
BULK_FIELDS = ("title", "lead_organisation_id", "start_date", "due_date", "weight")


class _MeasureLookups:
    """What validating measures needs, read once (also for a table of many rows)."""

    def __init__(self, session: Session, plan_id: int):
        self.plan_id = plan_id
        self.organisations = {row.id: row.retired
                              for row in session.execute(select(Organisation.id, Organisation.retired))}
        self.goals = {row.id: row.retired for row in session.execute(
            select(AnnualGoal.id, AnnualGoal.retired).where(AnnualGoal.plan_id == plan_id))}
        self.codes = {code.lower(): measure_id for measure_id, code in session.execute(
            select(Measure.id, Measure.code).where(Measure.plan_id == plan_id))}

    def usable_organisation(self, organisation_id: Any, keep: Iterable[int] = ()) -> bool:
        return organisation_id in self.organisations and (not self.organisations[organisation_id]
                                                          or organisation_id in set(keep))


def _measure_values(checks: Checks, lookups: _MeasureLookups, raw: Mapping[str, Any],
                    current: Measure | None = None) -> dict[str, Any]:
    goal_id = as_id(raw.get("annual_goal_id"))
    hidden = lookups.goals.get(goal_id, True)
    if hidden and not (current and goal_id == current.annual_goal_id):
        checks.fail("annual_goal_id", say("measure.annual_goal"))
    code = checks.text("code", raw.get("code"), "Kürzel", CODE_MAX, required=True)
    own_id = current.id if current else None
    if checks.ok("code") and not CODE_PATTERN.match(code):
        checks.fail("code", CODE_RULE)
    elif checks.ok("code") and lookups.codes.get(code.lower(), own_id) != own_id:
        checks.fail("code", say("code_taken", code=code))
    lead = as_id(raw.get("lead_organisation_id"))
    keep_lead = [current.lead_organisation_id] if current and current.lead_organisation_id else []
    if lead is None:
        checks.fail("lead_organisation_id", say("measure.lead"))
    elif not lookups.usable_organisation(lead, keep_lead):
        checks.fail("lead_organisation_id", say("measure.lead_gone"))
    partner_ids = _partner_ids(checks, lookups, raw.get("partner_ids") or [], lead, current)
    start = checks.date("start_date", raw.get("start_date"), "Beginn")
    due = checks.date("due_date", raw.get("due_date"), "Ende")
    if start and due and due < start:
        checks.fail("due_date", say("measure.due_before_start"))
    weight = checks.number("weight", raw.get("weight", 1), "Gewicht", 0, WEIGHT_MAX, required=True)
    return {
        "annual_goal_id": goal_id,
        "code": code,
        "title": checks.text("title", raw.get("title"), "Titel", TITLE_MAX, required=True),
        "description": checks.text("description", raw.get("description"), "Beschreibung", TEXT_MAX),
        "lead_organisation_id": lead,
        "partner_ids": partner_ids,
        "origin": checks.text("origin", raw.get("origin"), "Herkunft", NAME_MAX),
        "start_date": start,
        "due_date": due,
        "weight": weight,
    }


def _partner_ids(checks: Checks, lookups: _MeasureLookups, raw: Iterable[Any], lead: Any,
                 current: Measure | None) -> list[int]:
    ids = sorted({as_id(partner) for partner in raw} - {None})
    keep = [partner.id for partner in current.partners] if current else []
    if any(not lookups.usable_organisation(partner, keep) for partner in ids):
        checks.fail("partner_ids", say("measure.partner_gone"))
    elif lead in ids:
        checks.fail("partner_ids", say("measure.lead_as_partner"))
    return ids


def _measure_raw(measure: Measure) -> dict[str, Any]:
    return {
        "annual_goal_id": measure.annual_goal_id, "code": measure.code, "title": measure.title,
        "description": measure.description, "lead_organisation_id": measure.lead_organisation_id,
        "partner_ids": sorted(partner.id for partner in measure.partners), "origin": measure.origin,
        "start_date": measure.start_date, "due_date": measure.due_date, "weight": measure.weight,
    }


def measure_snapshot(measure: Measure) -> dict[str, Any]:
    """The measure's stored values and version (what a conflicting writer should look at)."""
    return {"version": measure.version, **_measure_raw(measure)}


def _apply_measure(session: Session, measure: Measure, values: dict[str, Any]) -> dict[str, list]:
    values = dict(values)
    partner_ids = values.pop("partner_ids", None)
    if values.get("annual_goal_id", measure.annual_goal_id) != measure.annual_goal_id:
        values["position"] = next_position(session, Measure, Measure.annual_goal_id == values["annual_goal_id"])
    changes = apply_values(measure, values)
    old_ids = sorted(partner.id for partner in measure.partners)
    if partner_ids is not None and partner_ids != old_ids:
        measure.partners = list(session.scalars(select(Organisation).where(Organisation.id.in_(partner_ids))))
        changes["partner_ids"] = [old_ids, partner_ids]
    return changes


def create_measure(session: Session, actor: Actor, plan_id: int, *, expected_counter: int, **raw: Any) -> Measure:
    """A new Maßnahme: annual_goal_id, code, title, description, lead_organisation_id, partner_ids, origin,
    start_date, due_date, weight."""
    require_admin(actor)
    lookups = _MeasureLookups(session, plan_id)
    values = checked_values(session, plan_id, expected_counter,
                            lambda checks: _measure_values(checks, lookups, raw))
    partner_ids = values.pop("partner_ids")
    measure = Measure(plan_id=plan_id, **values,
                      position=next_position(session, Measure, Measure.annual_goal_id == values["annual_goal_id"]))
    measure.partners = list(session.scalars(select(Organisation).where(Organisation.id.in_(partner_ids))))
    return save_new(session, actor, plan_id, "measure", measure, {**values, "partner_ids": partner_ids})


def _measure_conflict(session: Session, measure: Measure) -> VersionConflict:
    session.refresh(measure)
    return VersionConflict(MEASURE_CONFLICT, current=measure_snapshot(measure))


def update_measure(session: Session, actor: Actor, plan_id: int, measure_id: int, *, expected_version: int,
                   **raw: Any) -> Measure:
    """Change a measure's fields (as create_measure); optimistic locking on Measure.version."""
    require_admin(actor)
    measure = row_of(session, "measure", plan_id, measure_id)
    checks = Checks()
    values = _measure_values(checks, _MeasureLookups(session, plan_id), {**_measure_raw(measure), **raw}, measure)
    checks.raise_if_any()
    if not claim_measure(session, measure.id, expected_version):
        raise _measure_conflict(session, measure)
    changes = _apply_measure(session, measure, values)
    flush(session)
    record(session, actor, plan_id, "update", "measure", measure.id, {"code": measure.code, **changes})
    return measure


def retire_measure(session: Session, actor: Actor, plan_id: int, measure_id: int, *, expected_version: int,
                   retired: bool = True) -> Measure:
    """Hide a measure (retired=True) or show it again; its reports stay."""
    require_admin(actor)
    measure = row_of(session, "measure", plan_id, measure_id)
    check_retire(session, "measure", plan_id, measure, retired)
    if not claim_measure(session, measure.id, expected_version):
        raise _measure_conflict(session, measure)
    return set_retired(session, actor, plan_id, "measure", measure, retired)


def bulk_update_measures(session: Session, actor: Actor, plan_id: int, rows: Sequence[Mapping[str, Any]],
                         expected_versions: Mapping[int, int]) -> int:
    """Save an edited table of measures all or nothing. Each row: id, optionally row (its number in the
    table) and any of BULK_FIELDS. Every row is validated first; any problem -> BulkValidationFailed with
    one German line per problem and nothing written. A row changed by someone else since its version was
    read -> VersionConflict, nothing written. Returns the number of measures changed (one audit event each)."""
    require_admin(actor)
    lookups = _MeasureLookups(session, plan_id)
    ids = [as_id(row.get("id")) for row in rows]
    measures = {m.id: m for m in session.scalars(select(Measure).where(
        Measure.plan_id == plan_id, Measure.id.in_([measure_id for measure_id in ids if measure_id is not None])))}
    problems, planned = [], []
    for index, raw in enumerate(rows):
        number = raw.get("row", index + 1)
        measure = measures.get(as_id(raw.get("id")))
        if measure is None:
            problems.append(say("bulk.row_gone", row=number))
            continue
        checks = Checks()
        edited = {name: raw[name] for name in BULK_FIELDS if name in raw}
        values = _measure_values(checks, lookups, {**_measure_raw(measure), **edited}, measure)
        problems += [say("bulk.row", row=number, code=measure.code, message=message)
                     for message in checks.errors.values()]
        planned.append((measure, {name: values[name] for name in edited}))
    if problems:
        raise BulkValidationFailed(say("bulk.one") if len(problems) == 1 else say("bulk.many", count=len(problems)),
                                   problems)
    changed = [(measure, values) for measure, values in planned
               if any(getattr(measure, name) != value for name, value in values.items())]
    versions = {as_id(key): value for key, value in expected_versions.items()}
    stale = [measure.code for measure, _ in changed
             if not claim_measure(session, measure.id, versions.get(measure.id))]
    if stale:
        raise VersionConflict(
            say("bulk.conflict", codes=", ".join(stale)),
            current={"codes": stale},
        )
    for measure, values in changed:
        changes = _apply_measure(session, measure, values)
        record(session, actor, plan_id, "update", "measure", measure.id, {"code": measure.code, **changes})
    flush(session)
    return len(changed)


def claim_measure(session: Session, measure_id: int, expected_version: int | None) -> bool:
    claimed = session.execute(
        update(Measure)
        .where(Measure.id == measure_id, Measure.version == as_id(expected_version))
        .values(version=Measure.version + 1)
    )
    return claimed.rowcount == 1


