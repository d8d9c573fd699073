"""What an import finds and does: its problems, counts and changes (Preview), where it goes (Target), the
converted rows (Record) and the refusal (ImportRefused). models.transfer.importer is the public entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.commands import ValidationFailed
from models.formats import format_number
from models.texts import render
from models.transfer.wording import say

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Problem:
    """One problem of the file, addressed like a spreadsheet cell."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    is_file: bool = False

    def text(self, lang: str = "de") -> str:
        """The problem with its place, in lang (German by default: the command line and the logs)."""
        parts = [say("where.file" if self.is_file else "where.sheet", name=self.sheet)]
        if self.row:
            parts.append(say("where.row", row=self.row))
        if self.column:
            parts.append(say("where.column", name=self.column))
        return ", ".join(render(part, lang) for part in parts) + ": " + render(self.message, lang)


@dataclass
class LevelCount:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass(frozen=True)
class RowChange:
    """A new or changed row: where it is in the file and what changes ({attribute: [old, new]})."""

    level: str
    sheet: str
    row: int
    key: str
    action: str  # "new" | "changed"
    changes: dict[str, list]


@dataclass
class Preview:
    """What an import would do (preview) or did (apply)."""

    plan_slug: str = ""
    plan_name: str = ""
    new_plan: bool = False
    expected_counter: int | None = None
    counts: dict[str, LevelCount] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    row_changes: list[RowChange] = field(default_factory=list)
    written: bool = False
    plan_id: int | None = None
    samples: dict[str, list[float]] = field(default_factory=dict)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (sheet, column) the import does not read

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed_rows(self) -> int:
        return sum(count.new + count.changed for name, count in self.counts.items() if name != "plan")

    def messages(self) -> list[str]:
        return [problem.text() for problem in self.problems]

    def sample_lines(self) -> list[str]:
        """How the first numbers of each number column were read, in German ("Spalte „Value“: 80,444; 80,574"):
        a file with English decimal points shows here whether its numbers came out right."""
        lines = [say("samples", column=column, values="; ".join(_sample(value) for value in values))
                 for column, values in list(self.samples.items())[:SAMPLE_COLUMNS]]
        if len(self.samples) > SAMPLE_COLUMNS:  # a wide table: one column per period, read alike
            lines.append(say("samples_more", count=len(self.samples) - SAMPLE_COLUMNS))
        return lines

    def left_out_lines(self) -> list[str]:
        """Every column of the file the import does not read, named ("Blatt „x“: Spalte „parent“ wird nicht
        übernommen"), so that a sheet mapped only in part is never taken for the whole."""
        return [say("left_out", sheet=sheet, column=column) for sheet, column in self.left_out]


SAMPLES = 3
SAMPLE_COLUMNS = 3  # columns whose read numbers the preview shows


def _sample(value: float) -> str:
    digits = f"{value:.6f}".rstrip("0").rstrip(".")
    return format_number(value, len(digits.split(".")[1]) if "." in digits else 0)


@dataclass(frozen=True)
class Target:
    """Where to import: an existing plan (plan_id or slug), or a new plan (a free slug, with name and owner;
    missing parts come from the workbook's Info sheet). Nothing given: the Info sheet's plan."""

    plan_id: int | None = None
    slug: str | None = None
    name: str | None = None
    owner: str | None = None


@dataclass
class Record:
    """One converted row: its desired values by attribute (only the columns the file gives)."""

    level: str
    sheet: str
    row: int
    is_file: bool
    values: dict[str, Any]
    columns: dict[str, str]
    key: tuple = ()
    action: str = ""
    existing: Any = None
    changes: dict[str, list] = field(default_factory=dict)


class ImportRefused(ValidationFailed):
    """The import was not written; preview.problems says why."""

    def __init__(self, preview: Preview):
        super().__init__(say("refused", count=len(preview.problems)))
        self.preview = preview
