"""Load a plan from its YAML document (data/example/*.yaml) into the database.

The example plans are Beispieldaten: readable, reviewable files, loaded by this code on first
start. The format is described in data/example/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, Actor, record
from models.schema import (
    ActionField,
    AnnualGoal,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
)

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "example"


def example_files() -> list[Path]:
    return sorted(EXAMPLE_DIR.glob("*.yaml"))


def read_document(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _Loader:
    """Inserts one plan document; keeps the code -> row maps needed to resolve references."""

    def __init__(self, session: Session, document: dict[str, Any]):
        self.session = session
        self.doc = document
        self.organisations: dict[str, Organisation] = {}
        self.levels: dict[str, Any] = {}
        self.counts = {"reports": 0, "measures": 0}

    def run(self) -> Plan:
        self.plan = self._plan()
        self._organisations()
        self._bodies()
        for position, field in enumerate(self.doc.get("action_fields", [])):
            self._action_field(field, position)
        self.session.flush()
        for position, indicator in enumerate(self.doc.get("indicators", [])):
            self._indicator(indicator, position)
        self.session.flush()
        return self.plan

    def _add(self, row: Any) -> Any:
        self.session.add(row)
        return row

    def _plan(self) -> Plan:
        spec = self.doc["plan"]
        plan = self._add(
            Plan(
                slug=spec["slug"],
                name=spec["name"],
                owner=spec["owner"],
                description=spec.get("description", ""),
                horizon_year=spec.get("horizon_year", 2030),
                is_example=bool(spec.get("example", False)),
            )
        )
        self.session.flush()
        return plan

    def _organisations(self) -> None:
        for spec in self.doc.get("organisations", []):
            existing = self.session.scalar(select(Organisation).where(Organisation.name == spec["name"]))
            self.organisations[spec["key"]] = existing or self._add(
                Organisation(
                    name=spec["name"],
                    short_name=spec.get("short_name", ""),
                    kind=spec.get("kind", "Sonstige"),
                )
            )

    def _bodies(self) -> None:
        for spec in self.doc.get("bodies", []):
            body = self._add(Body(plan_id=self.plan.id, name=spec["name"], kind=spec["kind"]))
            body.meetings = [
                Meeting(meeting_date=m["date"], title=m.get("title", "")) for m in spec.get("meetings", [])
            ]

    def _action_field(self, spec: dict[str, Any], position: int) -> None:
        field = self._level(
            ActionField(plan_id=self.plan.id, code=spec["code"], title=spec["title"],
                        description=spec.get("description", ""), position=position)
        )
        for goal_position, goal_spec in enumerate(spec.get("guiding_goals", [])):
            goal = self._level(
                GuidingGoal(plan_id=self.plan.id, action_field=field, code=goal_spec["code"],
                            title=goal_spec["title"], description=goal_spec.get("description", ""),
                            position=goal_position)
            )
            for annual_position, annual_spec in enumerate(goal_spec.get("annual_goals", [])):
                self._annual_goal(goal, annual_spec, annual_position)

    def _level(self, row: Any) -> Any:
        self.levels[row.code] = self._add(row)
        return row

    def _annual_goal(self, goal: GuidingGoal, spec: dict[str, Any], position: int) -> None:
        annual = self._level(
            AnnualGoal(
                plan_id=self.plan.id,
                guiding_goal=goal,
                code=spec["code"],
                year=spec["year"],
                title=spec["title"],
                description=spec.get("description", ""),
                prioritised=bool(spec.get("prioritised", False)),
                decision_date=spec.get("decision_date"),
                decision_reference=spec.get("decision_reference"),
                carried_over_from=self.levels.get(spec.get("carried_over_from", "")),
                carry_over_reason=spec.get("carry_over_reason"),
                position=position,
            )
        )
        for measure_position, measure_spec in enumerate(spec.get("measures", [])):
            self._measure(annual, measure_spec, measure_position)

    def _measure(self, annual: AnnualGoal, spec: dict[str, Any], position: int) -> None:
        measure = self._level(
            Measure(
                plan_id=self.plan.id,
                annual_goal=annual,
                code=spec["code"],
                title=spec["title"],
                description=spec.get("description", ""),
                lead_organisation=self.organisations[spec["lead"]],
                partners=[self.organisations[key] for key in spec.get("partners", [])],
                origin=spec.get("origin", ""),
                start_date=spec.get("start"),
                due_date=spec.get("due"),
                weight=float(spec.get("weight", 1)),
                carried_over_from=self.levels.get(spec.get("carried_over_from", "")),
                carry_over_reason=spec.get("carry_over_reason"),
                position=position,
            )
        )
        self.counts["measures"] += 1
        measure.reports = [self._report(report) for report in spec.get("reports", [])]

    def _report(self, spec: dict[str, Any]) -> StatusReport:
        self.counts["reports"] += 1
        report_date: dt.date = spec["date"]
        return StatusReport(
            report_date=report_date,
            status=spec["status"],
            progress=None if spec.get("progress") is None else int(spec["progress"]),
            summary=spec.get("summary", "") or "",
            obstacles=spec.get("obstacles", "") or "",
            next_steps=spec.get("next_steps", "") or "",
            author_name=spec.get("author", "") or "",
            created_at=dt.datetime.combine(report_date, dt.time(12, 0)),
        )

    def _indicator(self, spec: dict[str, Any], position: int) -> None:
        level = self.levels.get(spec.get("belongs_to", ""))
        indicator = self._add(
            Indicator(
                plan_id=self.plan.id,
                code=spec["code"],
                title=spec["title"],
                description=spec.get("description", ""),
                unit=spec.get("unit", ""),
                direction=spec.get("direction", "increase"),
                kind=spec.get("kind", "result"),
                counts_people=bool(spec.get("counts_people", False)),
                source=spec.get("source", ""),
                baseline_date=spec.get("baseline_date"),
                baseline_value=spec.get("baseline_value"),
                target_date=spec.get("target_date"),
                target_value=spec.get("target_value"),
                position=position,
                **_level_reference(level),
            )
        )
        indicator.values = [
            IndicatorValue(value_date=v["date"], value=float(v["value"]), source=v.get("source", ""))
            for v in spec.get("values", [])
        ]


def _level_reference(level: Any) -> dict[str, Any]:
    if level is None:
        return {}
    key = {
        ActionField: "action_field",
        GuidingGoal: "guiding_goal",
        AnnualGoal: "annual_goal",
        Measure: "measure",
    }[type(level)]
    return {f"{key}_id": level.id} if level.id is not None else {}


def insert_plan_document(session: Session, document: dict[str, Any], actor: Actor = SYSTEM) -> Plan:
    """Insert a whole plan (structure, history, indicators) as one audited write."""
    loader = _Loader(session, document)
    plan = loader.run()
    record(session, actor, plan.id, "import", "plan", plan.id,
           {"source": "Beispieldaten" if plan.is_example else "Import", **loader.counts})
    return plan


def load_example_plans(session: Session) -> list[Plan]:
    """Insert every example plan that is not in the database yet (by slug)."""
    known = set(session.scalars(select(Plan.slug)))
    plans = []
    for path in example_files():
        document = read_document(path)
        if document["plan"]["slug"] not in known:
            plans.append(insert_plan_document(session, document))
    return plans
