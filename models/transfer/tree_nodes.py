"""A tree file's rows as nodes: the depth and parent of each row, found by id and parent id, by code prefix,
by indentation or by category columns; report rows hang under their measure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models.texts import Count
from models.transfer import layout
from models.transfer.cells import has_text, plain_text
from models.transfer.importer import Problem
from models.transfer.mapping import ColumnMapping
from models.transfer.parsing import RawRow, RawTable
from models.transfer.sheet_shape import SheetShape
from models.transfer.tree_wording import say
from models.transfer.tree_mapping import (
    BY_CODE, BY_COLUMNS, BY_INDENT, BY_PARENT, CODE_SEPARATORS, OUTLINE, SPACES, TreeMapping,
)


# --- the tree -------------------------------------------------------------------------------------


@dataclass
class Node:
    row: RawRow
    key: str               # the id or code it is known by in the file ("" for report rows)
    depth: int = 1
    parent: Node | None = None
    is_report: bool = False
    level: str = ""
    code: str = ""
    generated: bool = False
    reports: list[tuple[dt.date, Node]] = field(default_factory=list)


@dataclass
class Reshaped:
    """The level tables and mappings for the importer, and what the reshaping itself found: its problems
    (with row numbers), the rows it skipped and why, the rows per level (made-up ones apart), the reports
    per label and date, and the status values with their status and row count."""

    tables: list[RawTable]
    mappings: list[ColumnMapping]
    problems: list[Problem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    generated: dict[str, int] = field(default_factory=dict)
    reports: list[tuple[str, dt.date | None, int]] = field(default_factory=list)
    statuses: list[tuple[str, str | None, int]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # the file's columns the mapping does not read
    default_status: str | None = None  # no status column: the status every report gets (the user confirms it)
    unreported: int = 0  # reports that name no progress figure (stored without one)
    derived: int = 0  # reports with a figure but no status: status from the figure (rules.status_for_progress)
    defaulted: int = 0  # reports that get default_status (no status and no figure)
    report_rows: int = 0  # reports made
    dropped: dict[tuple[str, str], int] = field(default_factory=dict)  # (column, level) -> rows not taken
    shortened: dict[str, int] = field(default_factory=dict)  # level -> titles shortened (whole text kept)
    id_like_title: str | None = None  # the title column holds only ids or numbers

    def no_status_line(self) -> str | None:
        """Rule "no status column is said": the German warning when reports get the default status (none
        when no report does, e.g. a file without report rows)."""
        if self.default_status is None or not self.defaulted:
            return None
        if self.defaulted < self.report_rows:
            return say("no_status_some", count=Count(self.defaulted), status=self.default_status)
        return say("no_status", status=self.default_status)

    def derived_line(self) -> str | None:
        """How many reports take their status from their progress figure (the status cell is empty)."""
        return say("status_from_figure", count=Count(self.derived)) if self.derived else None

    def shortened_line(self) -> str | None:
        """How many titles are too long and are shortened, their whole text kept in the description."""
        count = sum(self.shortened.values())
        return say("titles_shortened", count=Count(count)) if count else None

    def id_like_title_line(self) -> str | None:
        return say("title_id_like", column=self.id_like_title) if self.id_like_title else None

    def unreported_line(self) -> str | None:
        """How many reports name no progress figure: they are stored without one ("keine Angabe")."""
        return say("reports_without_figure", count=Count(self.unreported)) if self.unreported else None

    def left_out_lines(self) -> list[str]:
        """Every column not read, and every value of a read column on a level that does not take it."""
        lines = [say("left_out", column=column) for column in self.left_out]
        return lines + [say("dropped", column=column, rows=Count(rows), level=layout.level(level).sheet)
                        for (column, level), rows in self.dropped.items()]

    def nothing_left_out(self) -> bool:
        return not self.left_out and not self.dropped


class Columns:
    def __init__(self, table: RawTable):
        self.index = {header: position for position, header in enumerate(table.headers)}

    def text(self, row: RawRow, header: str | None) -> str:
        if not header or header not in self.index:
            return ""
        return plain_text(row.value(self.index[header]))

    def raw(self, row: RawRow, header: str | None) -> Any:
        if not header or header not in self.index:
            return None
        return row.value(self.index[header])


def code_parent(code: str, codes: set[str]) -> str | None:
    """The longest other code that is a prefix of code and ends where a separator or a change between
    letters and digits follows ("1.2" under "1", "A1" under "A"; "10" not under "1", "B5+6" not under "B5")."""
    best = None
    for length in range(len(code) - 1, 0, -1):
        prefix = code[:length]
        if prefix not in codes:
            continue
        following = code[length]
        boundary = following in CODE_SEPARATORS or prefix[-1].isdigit() != following.isdigit()
        if boundary and code[length:].strip(CODE_SEPARATORS):
            best = prefix
            break
    return best


def build_nodes(table: RawTable, mapping: TreeMapping, shape: SheetShape) -> tuple[list[Node], list[Problem],
                                                                                list[tuple[int, str]]]:
    """The rows as tree nodes (depth, parent; report rows below their measure), the problems and skipped rows."""
    columns = Columns(table)
    problems: list[Problem] = []
    skipped: list[tuple[int, str]] = []

    def problem(row: int | None, column: str | None, message: str) -> None:
        problems.append(Problem(table.name, row, column, message, is_file=bool(table.delimiter)))

    needed = {BY_PARENT: [mapping.id_column, mapping.parent_column], BY_CODE: [mapping.code_column],
              BY_INDENT: [mapping.indent_column] if mapping.indent_source == SPACES else [],
              BY_COLUMNS: list(mapping.level_columns)}[mapping.structure]
    for header in [*needed, mapping.title_column]:
        if not header:
            raise ValueError(say("choose_column", what=_ROLE_WORDS.get(mapping.structure, "den Titel")))
    named = [*needed, mapping.title_column, mapping.code_column, mapping.text_column, mapping.label_column,
             mapping.status_column, mapping.progress_column, mapping.lead_column, mapping.year_column]
    absent = list(dict.fromkeys(header for header in named if header and header not in columns.index))
    if len(absent) == 1:
        raise ValueError(say("no_column", column=absent[0]))
    if absent:  # every column the mapping names and the file lacks, not only the first
        raise ValueError(say("no_columns", columns=", ".join(f"„{header}“" for header in absent)))
    nodes: list[Node] = []
    for row in table.rows:
        if not any(has_text(row.value(position)) for position in range(len(table.headers))):
            skipped.append((row.number, say("skip.empty")))
            continue
        key = columns.text(row, mapping.id_column if mapping.structure == BY_PARENT else mapping.code_column)
        nodes.append(Node(row, key))
    if mapping.structure == BY_PARENT:
        _by_parent(nodes, columns, mapping, problem)
    elif mapping.structure == BY_CODE:
        _by_code(nodes, problem)
    elif mapping.structure == BY_INDENT:
        _by_indent(nodes, columns, mapping, shape)
    else:
        nodes = _by_columns(nodes, columns, mapping)
    return nodes, problems, skipped


_ROLE_WORDS = {BY_PARENT: "Kennung und übergeordnete Kennung", BY_CODE: "den Code",
               BY_INDENT: "die Einrückung", BY_COLUMNS: "die Kategorien"}


def _attach_reports(nodes: list[Node], problem) -> list[Node]:
    """Rows without an id of their own are the status reports of the row above them that has one."""
    last: Node | None = None
    kept = []
    for node in nodes:
        if node.key:
            last = node
            kept.append(node)
        elif last is None:
            problem(node.row.number, None, say("report_without_measure"))
        else:
            node.parent, node.is_report = last, True
            kept.append(node)
    return kept


def _set_depths(nodes: list[Node], problem) -> None:
    for node in nodes:
        if node.is_report:
            continue
        seen, current, depth = {id(node)}, node.parent, 1
        while current is not None:
            if id(current) in seen:
                problem(node.row.number, None, say("parent_cycle"))
                node.parent = None
                break
            seen.add(id(current))
            depth, current = depth + 1, current.parent
        node.depth = depth
    for node in nodes:
        if node.is_report:
            node.depth = node.parent.depth + 1


def _by_parent(nodes: list[Node], columns: Columns, mapping: TreeMapping, problem) -> None:
    nodes[:] = _attach_reports(nodes, problem)
    by_key: dict[str, Node] = {}
    for node in nodes:
        if node.is_report:
            continue
        if node.key in by_key:
            problem(node.row.number, mapping.id_column,
                    say("duplicate_id", id=node.key, first=by_key[node.key].row.number))
            continue
        by_key[node.key] = node
    for node in nodes:
        if node.is_report:
            continue
        parent = columns.text(node.row, mapping.parent_column)
        if parent and parent != node.key:
            node.parent = by_key.get(parent)
            if node.parent is None:
                problem(node.row.number, mapping.parent_column, say("unknown_parent", parent=parent))
    _set_depths(nodes, problem)


def _by_code(nodes: list[Node], problem) -> None:
    nodes[:] = _attach_reports(nodes, problem)
    by_code = {node.key: node for node in nodes if not node.is_report}
    codes = set(by_code)
    for node in nodes:
        if not node.is_report:
            parent = code_parent(node.key, codes)
            node.parent = by_code[parent] if parent else None
    _set_depths(nodes, problem)


def _by_indent(nodes: list[Node], columns: Columns, mapping: TreeMapping, shape: SheetShape) -> None:
    """Depth by the rank of each row's indentation (2 or 4 spaces a step, Excel's indent or outline level);
    the parent is the nearest row above with a smaller depth."""
    def indent(node: Node) -> int:
        if mapping.indent_source == OUTLINE:
            return shape.outline.get(node.row.number, 0)
        cells = shape.indents.get(node.row.number, [])
        position = columns.index[mapping.indent_column]
        return cells[position] if position < len(cells) else 0

    ranks = {value: rank for rank, value in enumerate(sorted({indent(node) for node in nodes}), start=1)}
    stack: list[Node] = []
    for position, node in enumerate(nodes, start=1):
        node.depth = ranks[indent(node)]
        while stack and stack[-1].depth >= node.depth:
            stack.pop()
        node.parent = stack[-1] if stack else None
        node.key = node.key or (f"{node.parent.key}.{position}" if node.parent else str(position))
        stack.append(node)


def _by_columns(nodes: list[Node], columns: Columns, mapping: TreeMapping) -> list[Node]:
    """Category columns as the upper levels (one node per distinct value path), each row below them."""
    made: dict[tuple[str, ...], Node] = {}
    result: list[Node] = []
    for position, node in enumerate(nodes, start=1):
        parent: Node | None = None
        path: tuple[str, ...] = ()
        for depth, header in enumerate(mapping.level_columns, start=1):
            value = columns.text(node.row, header)
            if not value:
                break
            path = (*path, value)
            if path not in made:
                made[path] = Node(node.row, " / ".join(path), depth, parent, generated=True)
                made[path].code = f"{parent.code}.{len(made)}" if parent else f"K{len(made)}"
                result.append(made[path])
            parent = made[path]
        node.parent, node.depth = parent, (parent.depth + 1 if parent else 1)
        node.key = node.key or str(position)
        result.append(node)
    return result
