"""The files of the page Export, built on demand and cached by the plan's change counter.

The download buttons get callables: a file is built when someone clicks, not on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from models.measures import MeasureFilters
from models.rules import small_count_threshold
from models.transfer import backup, export
from ui.reads.db import engine_for
from ui.shell.context import PlanContext


def options_of(context: PlanContext, filters: MeasureFilters) -> export.ExportOptions:
    """The Stand and filters of the page; the public view gets released reports and protected counts."""
    return export.ExportOptions(
        as_of=context.as_of,
        filters=filters,
        released_only=context.released_only,
        confidentiality_threshold=small_count_threshold(context.confidentiality_threshold, context.released_only),
    )


@st.cache_data(max_entries=8, show_spinner=False)
def _plan_file(url: str, plan_id: int, counter: int, options: export.ExportOptions, kind: str) -> bytes:
    plan_export = export.collect(engine_for(url), plan_id, options)
    return export.excel_bytes(plan_export) if kind == "xlsx" else export.csv_zip_bytes(plan_export)


def plan_file(context: PlanContext, options: export.ExportOptions, kind: str) -> Callable[[], bytes]:
    """A callable building the Excel workbook (kind "xlsx") or the CSV zip ("zip")."""
    return lambda: _plan_file(context.url, context.plan_id, context.counter, options, kind)


def backup_file(context: PlanContext, whole_database: bool) -> Callable[[], bytes]:
    """A callable building the JSON backup of the whole database or of the selected plan.
    Never cached: a backup is read fresh from the database."""
    plan_id = None if whole_database else context.plan_id
    return lambda: backup.dumps(backup.backup(engine_for(context.url), plan_id)).encode("utf-8")


def file_name(context: PlanContext, extension: str, suffix: str = "") -> str:
    stamp = (context.as_of if extension in ("xlsx", "zip") else dt.date.today()).isoformat()
    return f"masterplan-{context.slug}{suffix}-{stamp}.{extension}"
