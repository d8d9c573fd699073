"""Pflege tab Kennzahlen: the indicators and, per indicator, its values."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from models.commands import indicators as indicator_commands
from models.commands import TEXT_MAX
from models.formats import format_number
from models.schema import INDICATOR_DIRECTIONS, INDICATOR_KINDS
from models.rules import CODE_MAX, NAME_MAX, TITLE_MAX
from ui.maintenance.common import NO_CHOICE, Field, Page, date_words, german_number, pick, visible
from ui.maintenance.crud import Spec, section
from ui.maintenance.structure import code_title
from ui.maintenance.values import missing, or_none
from ui.shell.texts import t


LEVEL_FRAMES = {"action_field": "action_fields", "guiding_goal": "guiding_goals", "annual_goal": "annual_goals",
                "measure": "measures"}


def _levels(page: Page) -> dict[Any, str]:
    levels: dict[Any, str] = {NO_CHOICE: t("maintenance.level.plan")}
    for kind, frame in LEVEL_FRAMES.items():
        for row in visible(page.frames[frame]).itertuples(index=False):
            levels[(kind, int(row.id))] = f"{t(f'maintenance.level.{kind}')}: {code_title(row)}"
    return levels


def _indicator_fields(page: Page) -> list[Field]:
    levels = _levels(page)
    return [
        Field("code", "maintenance.field.code", max_chars=CODE_MAX, help="maintenance.help.code"),
        Field("title", "maintenance.field.title", max_chars=TITLE_MAX),
        Field("description", "maintenance.field.description", "area", max_chars=TEXT_MAX),
        Field("level", "maintenance.field.level", "select", list(levels), levels.get),
        Field("unit", "maintenance.field.unit", max_chars=40),
        Field("direction", "maintenance.field.direction", "select", INDICATOR_DIRECTIONS,
              lambda value: t(f"maintenance.direction.{value}")),
        Field("kind", "maintenance.field.indicator_kind", "select", INDICATOR_KINDS,
              lambda value: t(f"maintenance.indicator_kind.{value}")),
        Field("counts_people", "maintenance.field.counts_people", "check", help="maintenance.help.counts_people"),
        Field("source", "maintenance.field.source", max_chars=NAME_MAX),
        Field("baseline_date", "maintenance.field.baseline_date", "date"),
        Field("baseline_value", "maintenance.field.baseline_value", "number"),
        Field("target_date", "maintenance.field.target_date", "date"),
        Field("target_value", "maintenance.field.target_value", "number"),
    ]


def _indicator_values(row: Any) -> dict[str, Any]:
    level = next(((kind, int(getattr(row, f"{kind}_id"))) for kind in LEVEL_FRAMES
                  if not missing(getattr(row, f"{kind}_id"))), NO_CHOICE)
    return {
        "code": row.code, "title": row.title, "description": row.description or "", "level": level,
        "unit": row.unit or "", "direction": row.direction, "kind": row.kind, "counts_people": bool(row.counts_people),
        "source": row.source or "", "baseline_date": or_none(row.baseline_date),
        "baseline_value": german_number(row.baseline_value), "target_date": or_none(row.target_date),
        "target_value": german_number(row.target_value),
    }


def _value_words(day: Any, value: Any) -> str:
    return "" if missing(value) else f"{german_number(value)} ({date_words(day)})"


def _indicator_table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    counts = page.frames["indicator_values"]["indicator_id"].value_counts()
    levels = _levels(page)
    return pd.DataFrame({
        t("maintenance.col.code"): rows["code"], t("maintenance.col.title"): rows["title"],
        t("maintenance.col.unit"): rows["unit"],
        t("maintenance.col.level"): [levels.get(_indicator_values(row)["level"], "")
                                     for row in rows.itertuples(index=False)],
        t("maintenance.col.baseline"): [_value_words(d, v)
                                        for d, v in zip(rows["baseline_date"], rows["baseline_value"])],
        t("maintenance.col.target"): [_value_words(d, v) for d, v in zip(rows["target_date"], rows["target_value"])],
        t("maintenance.col.values"): [format_number(counts.get(i, 0)) for i in rows["id"]],
    })


INDICATORS = Spec(
    kind="indicator", prefix="mt_ind", frame="indicators", fields=_indicator_fields, table=_indicator_table,
    label=code_title, values=_indicator_values, create=indicator_commands.create_indicator,
    update=indicator_commands.update_indicator,
    new_values=lambda page: {"code": "", "title": "", "description": "", "unit": "", "direction": "increase",
                             "kind": "result", "counts_people": False, "source": "", "baseline_date": None,
                             "baseline_value": "", "target_date": None, "target_value": ""},
    move=True,
)


VALUE_FIELDS = [
    Field("value_date", "maintenance.field.value_date", "date"),
    Field("value", "maintenance.field.value", "number"),
    Field("source", "maintenance.field.source", max_chars=NAME_MAX),
    Field("note", "maintenance.field.note", "area", max_chars=TEXT_MAX),
]


def _value_spec(indicator_id: int) -> Spec:
    return Spec(
        kind="indicator_value", prefix="mt_iv", frame="values_of", fields=lambda page: VALUE_FIELDS,
        table=lambda page, rows: pd.DataFrame({
            t("maintenance.col.date"): rows["value_date"].map(date_words),
            t("maintenance.col.value"): rows["value"].map(german_number),
            t("maintenance.col.source"): rows["source"], t("maintenance.col.note"): rows["note"]}),
        label=lambda row: f"{date_words(row.value_date)} · {german_number(row.value)}",
        values=lambda row: {"value_date": row.value_date, "value": german_number(row.value), "source": row.source or "",
                            "note": row.note or ""},
        create=lambda session, actor, plan_id, **values: indicator_commands.add_indicator_value(
            session, actor, plan_id, indicator_id, **values),
        update=indicator_commands.update_indicator_value,
        new_values=lambda page: {"value_date": None, "value": "", "source": "", "note": ""},
        retire=False, delete=indicator_commands.delete_indicator_value,
    )


def indicators(page: Page) -> None:
    section(page, INDICATORS)
    st.divider()
    shown = visible(page.frames["indicators"])
    indicator_id = pick("maintenance.values.indicator", shown, code_title, "mt_iv_indicator")
    if indicator_id is None:
        return
    values = page.frames["indicator_values"]
    values = values[values["indicator_id"] == indicator_id]
    section(replace(page, frames={**page.frames, "values_of": values}), _value_spec(indicator_id))
