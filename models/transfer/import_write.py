"""The writing half of an import (models.transfer.importer): the checked rows written in batches with their audit
events, rows carried over from another row after it, the plan's change counter once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from models.schema import AuditEvent, Body, Indicator, Measure, Plan
from models.transfer import layout
from models.transfer.import_check import Checker
from models.transfer.import_results import Record
from models.transfer.import_values import DEFAULTS, LEVEL_ID_COLUMNS, MODELS, _fold, _key_text

PROGRESS_EVERY = 200
# The audit trail's object type of each level (ui/strings/audit_log.py names them).
OBJECT_TYPES = {
    "action_fields": "action_field",
    "guiding_goals": "guiding_goal",
    "annual_goals": "annual_goal",
    "organisations": "organisation",
    "measures": "measure",
    "status_reports": "status_report",
    "indicators": "indicator",
    "indicator_values": "indicator_value",
    "meetings": "meeting",
}
NULLABLE_TEXTS = {"decision_reference", "carry_over_reason"}
LEVEL_REFERENCE_LEVELS = ("action_fields", "guiding_goals", "annual_goals", "measures")


class Importer(Checker):
    """One run that checks (Checker) and then writes, when nothing was found, in the caller's transaction."""

    # writing

    def write(self, source: str) -> None:
        if self.plan is None:
            self.plan = Plan(**self.plan_values)
            self.session.add(self.plan)
            self.session.flush()
        elif self.plan_values:
            changes = {name: [getattr(self.plan, name), value] for name, value in self.plan_values.items()}
            for name, value in self.plan_values.items():
                setattr(self.plan, name, value)
            self._audit("update", "plan", self.plan.id, changes)
        self.objects = {name: {key: row for key, row in rows.items()} for name, rows in self.existing.items()}
        total = max(1, sum(1 for records in self.records.values() for r in records if r.action in ("new", "changed")))
        self.done = 0
        self.total = total
        touched_measures: set[int] = set()
        organisations_changed = False
        for level in layout.LEVELS:
            work = [r for r in self.in_file[level.name].values() if r.action in ("new", "changed")]
            if not work:
                continue
            rows = self._write_level(level, work)
            if level.name == "organisations":
                organisations_changed = True
            if level.name == "status_reports":
                touched_measures |= {row.measure_id for row in rows}
        self._bump_measure_versions(touched_measures)
        changed = self.result.changed_rows + (1 if self.plan_values else 0)
        if changed:
            self._finish(source, organisations_changed)
        self.progress(1.0, "Import abgeschlossen")

    def _write_level(self, level: layout.Level, work: list[Record]) -> list[Any]:
        """Write a level's new and changed rows, flushed in batches (a row carried over from another new
        row of the same sheet comes after it), each batch followed by its audit events."""
        self.progress(self.done / self.total, f"{level.sheet}: {len(work)} Zeilen werden geschrieben")
        rows = []
        batch: list[tuple[Record, Any]] = []
        for record in _carried_over_first(work):
            row = record.existing if record.existing is not None else self._new_row(level, record)
            self._set_values(level, record, row)
            self.objects.setdefault(level.name, {})[record.key] = row
            batch.append((record, row))
            self.done += 1
            if len(batch) == PROGRESS_EVERY:
                rows += self._flush_batch(level, batch)
                batch = []
                self.progress(self.done / self.total, f"{level.sheet}: {self.done} von {self.total} Zeilen")
        rows += self._flush_batch(level, batch)
        if level.name in LEVEL_REFERENCE_LEVELS:
            self.ids[level.name] = {row.id: row for row in self.objects[level.name].values()}
        return rows

    def _flush_batch(self, level: layout.Level, batch: list[tuple[Record, Any]]) -> list[Any]:
        self.session.flush()
        for record, row in batch:
            self._audit("create" if record.action == "new" else "update", OBJECT_TYPES[level.name], row.id,
                        {**({"code": record.values["code"]} if "code" in record.values else {}),
                         "key": _key_text(level, record), **record.changes})
        return [row for _, row in batch]

    def _new_row(self, level: layout.Level, record: Record) -> Any:
        model = MODELS[level.name]
        row = model()
        if hasattr(model, "plan_id"):
            row.plan_id = self.plan.id
        for column in level.columns:
            if column.attribute not in record.values and not column.attribute.startswith("body."):
                default = DEFAULTS.get((level.name, column.attribute))
                if default is not None:
                    setattr(row, column.attribute, default)
                elif column.kind == layout.BOOLEAN:
                    setattr(row, column.attribute, False)
                elif column.kind == layout.TEXT and column.attribute not in NULLABLE_TEXTS:
                    setattr(row, column.attribute, "")
        if "position" in {c.attribute for c in level.columns} and record.values.get("position") is None:
            row.position = self._next_position(level, record)
        self.session.add(row)
        return row

    def _next_position(self, level: layout.Level, record: Record) -> int:
        self.new_positions[level.name] = self.new_positions.get(level.name, -1) + 1
        existing = [getattr(r, "position", 0) or 0 for r in self.existing.get(level.name, {}).values()]
        return (max(existing) + 1 if existing else 0) + self.new_positions[level.name]

    def _set_values(self, level: layout.Level, record: Record, row: Any) -> None:
        desired = self._desired(level, record)
        for attribute, value in desired.items():
            column = level.column(attribute)
            if attribute == "level":
                self._set_indicator_level(row, value)
            elif attribute.startswith("body."):
                continue
            elif column.kind == layout.REFERENCE and column.many:
                setattr(row, attribute, [self._object(column, key) for key in value])
            elif column.kind == layout.REFERENCE:
                setattr(row, attribute, self._object(column, value) if value else None)
            elif attribute in NULLABLE_TEXTS and value == "":
                setattr(row, attribute, None)
            else:
                setattr(row, attribute, value)
        if level.name == "meetings":
            row.body = self._body(desired)
        if level.name == "measures" and record.existing is not None:
            row.version = (row.version or 1) + 1

    def _object(self, column: layout.Column, key: str) -> Any:
        for name in column.references:
            row = self.objects.get(name, {}).get((_fold(key),))
            if row is not None:
                return row
        raise LookupError(key)  # checked in preview; a miss here is a bug

    def _set_indicator_level(self, row: Indicator, code: str | None) -> None:
        for name, id_column in LEVEL_ID_COLUMNS.items():
            target = self.objects.get(name, {}).get((_fold(code),)) if code else None
            setattr(row, id_column, target.id if target is not None else None)

    def _body(self, values: dict[str, Any]) -> Body:
        name = values.get("body.name")
        body = self.bodies.get(_fold(name))
        if body is None:
            body = Body(plan_id=self.plan.id, name=name, kind=values.get("body.kind") or "Gremium")
            self.session.add(body)
            self.bodies[_fold(name)] = body
        elif values.get("body.kind") and body.kind != values["body.kind"]:
            body.kind = values["body.kind"]
        return body

    def _bump_measure_versions(self, measure_ids: set[int]) -> None:
        if measure_ids:
            self.session.execute(update(Measure).where(Measure.id.in_(measure_ids))
                                 .values(version=Measure.version + 1).execution_options(synchronize_session=False))

    def _audit(self, action: str, object_type: str, object_id: int | None, changes: dict[str, Any]) -> None:
        self.session.add(AuditEvent(plan_id=self.plan.id, actor_id=self.actor.user_id, actor_name=self.actor.name,
                                    action=action, object_type=object_type, object_id=object_id,
                                    changes={"source": "Import", **changes}))

    def _finish(self, source: str, organisations_changed: bool) -> None:
        from models.commands import record

        counts = {name: count.new + count.changed for name, count in self.result.counts.items()
                  if name != "plan" and count.new + count.changed}
        # organisations are shared by all plans: then every plan's cached reads must refresh
        record(self.session, self.actor, self.plan.id, "import", "plan", self.plan.id,
               {"source": source or "Import", "new_plan": self.result.new_plan, **counts},
               every_plan=organisations_changed)


def _carried_over_first(records: list[Record]) -> list[Record]:
    """The records ordered so that a row carried over from another row of the list comes after it."""
    by_key = {record.key[0]: record for record in records if record.key}
    ordered: list[Record] = []
    placed: set[int] = set()

    def place(record: Record) -> None:
        if id(record) in placed:
            return
        placed.add(id(record))
        source = record.values.get("carried_over_from")
        if isinstance(source, str) and _fold(source) in by_key:
            place(by_key[_fold(source)])
        ordered.append(record)

    for record in records:
        place(record)
    return ordered
