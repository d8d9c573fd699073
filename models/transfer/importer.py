"""Import of a whole plan (a workbook with the layout's sheets) or of one level (e.g. only Sachstände or
Kennzahlwerte) into an existing or a new plan.

preview() reads, converts and checks everything and says per level how many rows are new, changed and
unchanged, and every problem as a German message with sheet, row and column; it writes nothing.
apply() does the same inside the caller's transaction and, when there is no problem, writes all rows,
one audit event per new or changed row and one for the import, and advances the plan's change counter
once. Rows are matched by their key (code; organisations by name; Sachstände by Maßnahme and Datum).
Re-importing the same file finds every row unchanged and writes nothing. Admins only.

This module is the entry; the work is split by responsibility: import_results (Problem, Preview, Target, Record,
ImportRefused), import_values (reading cells, comparing values), import_check (Checker: convert, compare, check)
and import_write (Importer: the checked rows written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from models.commands import Actor
from models.commands.base import check_counter
from models.transfer import layout
from models.transfer.import_check import NO_ROWS, Checker
from models.transfer.import_results import (ImportRefused, LevelCount, Preview, Problem, Progress, Record, RowChange,
                                            Target)
from models.transfer.import_write import Importer
from models.transfer.mapping import ColumnMapping, guess, is_explanation, is_info
from models.transfer.parsing import RawTable

__all__ = ["NO_ROWS", "ImportRefused", "LevelCount", "Preview", "Problem", "Progress", "Record", "RowChange", "Target",
           "apply", "level_summary", "preview", "propose"]


def propose(tables: Sequence[RawTable], level: str | None = None) -> list[ColumnMapping | None]:
    """The guessed mapping of each table (None: the table is not imported, e.g. the explanation sheet).
    With level, every table is read as that level (an import of one level)."""
    if level is None:
        return [guess(table) for table in tables]
    guessed = [guess(table) for table in tables]
    chosen = next((i for i, m in enumerate(guessed) if m is not None and m.level == level), None)
    if chosen is None:
        chosen = next((i for i, m in enumerate(guessed) if m is not None), None)
    if chosen is None:  # the level was named: its first table with columns is read as that level
        chosen = next((i for i, t in enumerate(tables) if t.headers and not is_info(t) and not is_explanation(t)),
                      None)
    return [guess(table, level) if index == chosen else None for index, table in enumerate(tables)]


def preview(session: Session, actor: Actor, tables: Sequence[RawTable], mappings: Sequence[ColumnMapping | None],
            target: Target, today: dt.date | None = None) -> Preview:
    """What the import would do; writes nothing (the caller's transaction is left as it was)."""
    importer = Checker(session, actor, tables, mappings, target, today or dt.date.today())
    return importer.check()


def apply(session: Session, actor: Actor, tables: Sequence[RawTable], mappings: Sequence[ColumnMapping | None],
          target: Target, expected_counter: int | None = None, progress: Progress | None = None,
          today: dt.date | None = None, source: str = "") -> Preview:
    """Check and write the import in the caller's transaction (all or nothing).

    Raises ImportRefused when there is any problem (nothing written), VersionConflict when the plan changed
    since the preview that showed expected_counter."""
    importer = Importer(session, actor, tables, mappings, target, today or dt.date.today(), progress)
    result = importer.check()
    if not result.ok:
        raise ImportRefused(result)
    if expected_counter is not None and importer.plan is not None:
        check_counter(session, importer.plan.id, expected_counter)
    importer.write(source)
    result.written = True
    result.plan_id = importer.plan.id
    return result


def level_summary(preview_result: Preview) -> list[tuple[str, LevelCount]]:
    """(German level name, counts) in the layout's order; the plan's Info first when present."""
    rows = []
    if "plan" in preview_result.counts:
        rows.append(("Plan (Info)", preview_result.counts["plan"]))
    for level in layout.LEVELS:
        if level.name in preview_result.counts:
            rows.append((level.sheet, preview_result.counts[level.name]))
    return rows
