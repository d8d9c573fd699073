"""A whole plan as one tree in one sheet, reshaped into the level tables the importer takes.

Districts keep their plan as one sheet: every row an entry of some depth (Handlungsfeld, Leitziel, ...,
Maßnahme), its place in the tree given by an id and a parent id, by a code whose prefix is the parent's
code, by indentation (leading spaces, Excel's indent or outline level), or by category columns; below a
measure, rows with a label ("geplant", "Sachstand 2015/2016") and a text are its status reports.

reshape(table, TreeMapping) turns such a table into the canonical level tables and ColumnMappings that
importer.preview and importer.apply take, so the all-or-nothing write, the re-import that changes nothing
and every check stay the importer's. A TreeMapping is plain data (to_json/from_json) that the page confirms
and the command line reads from a file. propose_tree(table) guesses one. Nothing here touches the database;
preview() and apply() only add the reshaping's own problems to the importer's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy.orm import Session

from models.commands import Actor
from models.formats import format_date, parse_date
from models.rules import IN_PROGRESS, MEASURE_STATUSES, PLANNED, report_progress, status_for_progress
from models.transfer import importer, layout
from models.transfer.cells import is_missing, parse_whole_number, plain_text
from models.transfer.importer import ImportRefused, Preview, Problem, Target
from models.transfer.mapping import ColumnMapping, normalise
from models.transfer.parsing import RawRow, RawTable, XLSX_MAGIC, read_file
from models.transfer.sheet_shape import SheetShape, blank_rows, csv_shape, xlsx_shapes
from models.transfer.tree_wording import say
from models.transfer.tree_mapping import (
    BY_CODE, BY_COLUMNS, BY_INDENT, BY_PARENT, DEFAULT_PLACEHOLDERS, OUTLINE, PER_YEAR, PER_YEAR_TITLE,
    PLACEHOLDER, PLACEHOLDER_CODES, REPORT, TREE_LEVELS, TreeMapping, YEAR_PATTERN, propose_label_date,
    propose_status,
)
from models.transfer.tree_columns import (
    CATEGORY_NAMES, ROLE_NAMES, WORD_ROLES, best_title_column, find_header, fit_title, grouping_columns,
    is_id_like, progress_figure,
)
from models.transfer.import_values import TEXT_LIMITS
from models.transfer.tree_nodes import Node, Reshaped, Columns, build_nodes, code_parent

# --- reading: the file's indentation, outline levels and blank lines ------------------------------


@dataclass
class TreeFile:
    tables: list[RawTable]
    shapes: dict[str, SheetShape]


def read_tree_file(filename: str, data: bytes) -> TreeFile:
    """The tables of a file (parsing.read_file, with its limits and messages) and what their shape shows."""
    tables = read_file(filename, data)
    if data.startswith(XLSX_MAGIC) and PurePath(filename).suffix.lower() != ".zip":
        shapes = xlsx_shapes(data)
    elif len(tables) == 1 and PurePath(filename).suffix.lower() != ".json":  # a JSON's lines are no rows
        shapes = {tables[0].name: csv_shape(data)}
    else:
        shapes = {}
    for table in tables:
        blank_rows(table, shapes.setdefault(table.name, SheetShape()))
    return TreeFile(tables, shapes)


# --- proposals ------------------------------------------------------------------------------------

def propose_tree(table: RawTable, shape: SheetShape | None = None, today: dt.date | None = None) -> TreeMapping:
    """A first guess at a tree file's mapping: columns by their headers, the structure by which columns
    exist (id + parent, a code column, category columns, else indentation), depths from the top down onto
    the levels with the measures deepest, and a proposal for every label and status value."""
    headers = table.headers
    taken: set[str] = set()
    found: dict[str, str | None] = {}
    for role in ("parent_column", "id_column", "status_column", "progress_column", "lead_column",
                 "year_column", "title_column", "text_column", "label_column", "code_column"):
        header = find_header(headers, ROLE_NAMES[role], taken, by_word=role in WORD_ROLES)
        found[role] = header
        if header:
            taken.add(header)
    if found["status_column"] is None:
        found["status_column"] = status_column_by_values(table, taken)
        if found["status_column"]:
            taken.add(found["status_column"])
    if found["id_column"] and not found["parent_column"] and not found["code_column"]:
        found["code_column"], found["id_column"] = found["id_column"], None  # "Nr." without a parent: a code
    mapping = TreeMapping(**found)
    if mapping.title_column is None or is_id_like(table, mapping.title_column):
        _propose_title(table, mapping, taken)
    categories = [h for h in headers if normalise(h) in {normalise(n) for n in CATEGORY_NAMES}] or (
        grouping_columns(table, taken)[:1])
    if mapping.id_column and mapping.parent_column:
        mapping.structure = BY_PARENT
    elif mapping.code_column and _codes_nest(table, mapping.code_column):
        mapping.structure = BY_CODE
    elif categories:
        mapping.structure, mapping.level_columns = BY_COLUMNS, categories[:3]
    else:
        mapping.structure = BY_INDENT
        mapping.indent_column = mapping.title_column
        if shape and any(shape.outline.values()):
            mapping.indent_source = OUTLINE
    mapping.depths, mapping.missing = proposed_levels(table, mapping, shape)
    mapping.placeholders = {level: PER_YEAR_TITLE if rule == PER_YEAR else DEFAULT_PLACEHOLDERS[level]
                            for level, rule in mapping.missing.items()}
    labels = distinct_labels(table, mapping, shape)
    years = [int(year) for label in labels for year in YEAR_PATTERN.findall(label)]
    start = dt.date(min(years), 1, 1) if years else dt.date((today or dt.date.today()).year, 1, 1)
    mapping.plan_start = start.isoformat()
    mapping.label_dates = {label: date.isoformat() for label in labels
                           if (date := propose_label_date(label, start)) is not None}
    mapping.status_values = {value: status for value in distinct_status_values(table, mapping, shape)
                             if (status := propose_status(value)) is not None}
    mapping.status_date = (today or dt.date.today()).isoformat()
    mapping.default_status = IN_PROGRESS
    return mapping


def proposed_levels(table: RawTable, mapping: TreeMapping,
                    shape: SheetShape | None = None) -> tuple[dict[int, str], dict[str, str]]:
    """For the tree as the mapping's structure and columns show it: depth -> level from the top down with the
    measures deepest (and the report rows below them), and how each level the depths lack is made up (a
    placeholder; annual goals one per year). Proposed again whenever the structure or its columns change."""
    try:
        nodes, _, _ = build_nodes(table, mapping, shape or SheetShape())
        deepest = max((node.depth for node in nodes if not node.is_report), default=1)
        has_reports = any(node.is_report for node in nodes)
        if not has_reports and deepest > 1 and _labels_at(nodes, deepest, table, mapping):
            deepest, has_reports = deepest - 1, True  # report rows with ids of their own
    except ValueError:
        deepest, has_reports = 1, False
    depths = _default_depths(deepest)
    if has_reports:
        depths[max(depths) + 1] = REPORT
    return depths, {level: missing_rule(level) for level in TREE_LEVELS[:-1] if level not in depths.values()}


def missing_rule(level: str) -> str:
    """How a level the file lacks is made up unless the user chooses otherwise: annual goals one per year,
    every other level one placeholder per parent."""
    return PER_YEAR if level == "annual_goals" else PLACEHOLDER


def structure_of(mapping: TreeMapping) -> tuple:
    """What the depths of a tree follow: its structure and the columns that give it."""
    given = {BY_PARENT: (mapping.id_column, mapping.parent_column), BY_CODE: (mapping.code_column,),
             BY_INDENT: (mapping.indent_source, mapping.indent_column)}
    return mapping.structure, *given.get(mapping.structure, tuple(mapping.level_columns))


def _propose_title(table: RawTable, mapping: TreeMapping, taken: set[str]) -> None:
    """Rule "a title column holds text": the untaken column that reads most like titles; when all are
    id-like, the text column (its long texts are shortened, kept whole in the description); else the first
    untaken column (the preview warns about an id-like title)."""
    taken.discard(mapping.title_column)
    best = best_title_column(table, taken)
    if best is None and mapping.text_column and not is_id_like(table, mapping.text_column):
        best, mapping.text_column = mapping.text_column, None
    mapping.title_column = best or mapping.title_column or next((h for h in table.headers if h not in taken), None)
    taken.add(mapping.title_column)


STATUS_SHARE = 0.6  # a column whose filled values are mostly colours or status words is a status column


def status_column_by_values(table: RawTable, taken: set[str] = frozenset()) -> str | None:
    """Rule "status column by its values": the first column (not yet taken) most of whose filled values are
    hex colours, colour names or status words ("#01873B", "orange", "erledigt"), whatever its header."""
    for header in table.headers:
        if header in taken:
            continue
        values = [_status_text(value) for value in table.column(header) if not is_missing(value)]
        values = [value for value in values if value]
        if values and sum(1 for value in values if propose_status(value)) >= STATUS_SHARE * len(values):
            return header
    return None


def looks_like_tree(table: RawTable) -> bool:
    """Rule "a tree file is recognised": an id and a parent column, codes that nest (1, 1.2), a flat list
    grouped by an id column (grouped_list), or at least two report rows labelled like "Sachstand 2013" make a sheet one tree in one table. ("geplant" alone is no
    sign: it is also a measure status in the plan's own sheets.)"""
    headers = table.headers
    if find_header(headers, ROLE_NAMES["parent_column"], set()) and find_header(
            headers, ROLE_NAMES["id_column"], set()):
        return True
    code = find_header(headers, ROLE_NAMES["code_column"], set())
    if code and _codes_nest(table, code):
        return True
    if grouped_list(table):
        return True
    labelled = sum(1 for row in table.rows for cell in row.cells
                   if isinstance(cell, str) and _REPORT_LABEL.match(cell.strip()))
    return labelled >= 2


def grouped_list(table: RawTable) -> bool:
    """A flat list grouped by an id column (axisId, id, description): no column named like a title, a column
    that groups the rows (tree_columns.grouping_columns) and a text column for the titles. Read as levels it
    lacks its titles; read as a tree the groups are the upper level and the texts the (shortened) titles."""
    if find_header(table.headers, ROLE_NAMES["title_column"], set(), by_word=True):
        return False
    groups = grouping_columns(table)
    return bool(groups) and best_title_column(table, {groups[0]}) is not None


_REPORT_LABEL = re.compile(r"^(sachstand|stand|bericht|umsetzungsstand)\s+((19|20)\d{2})(\s*/\s*\d{2,4})?$",
                           re.IGNORECASE)


def _labels_at(nodes: list[Node], depth: int, table: RawTable, mapping: TreeMapping) -> bool:
    """Whether most rows at this depth are labelled like reports ("geplant", "Sachstand 2014")."""
    columns = Columns(table)
    labels = [_label(node, columns, mapping) for node in nodes if node.depth == depth]
    dated = [label for label in labels if propose_label_date(label, dt.date(2000, 1, 1)) is not None]
    return len(dated) * 2 > len(labels)


def _default_depths(deepest: int) -> dict[int, str]:
    """Depth -> level from the top down, the measures deepest (3 depths: no Jahresziele; 2: Leitziele)."""
    shapes = {1: ("measures",), 2: ("guiding_goals", "measures"),
              3: ("action_fields", "guiding_goals", "measures")}
    levels = shapes.get(deepest, TREE_LEVELS)
    return {depth: level for depth, level in enumerate(levels, start=1)}


def _codes_nest(table: RawTable, header: str) -> bool:
    codes = {plain_text(code) for code in table.column(header) if not is_missing(code)}
    return any(code_parent(code, codes) for code in codes)


# --- from nodes to level tables -------------------------------------------------------------------


def distinct_labels(table: RawTable, mapping: TreeMapping, shape: SheetShape | None = None) -> list[str]:
    """The labels of the report rows, in the order they first appear."""
    try:
        nodes, _, _ = build_nodes(table, mapping, shape or SheetShape())
    except ValueError:
        return []
    columns = Columns(table)
    report_depth = mapping.level_depth(REPORT)
    labels = [_label(node, columns, mapping) for node in nodes
              if node.is_report or (report_depth is not None and node.depth >= report_depth)]
    return list(dict.fromkeys(label for label in labels if label))


def _label(node: Node, columns: Columns, mapping: TreeMapping) -> str:
    return columns.text(node.row, mapping.label_column or mapping.title_column)


def distinct_status_values(table: RawTable, mapping: TreeMapping, shape: SheetShape | None = None) -> list[str]:
    """The distinct values of the status column (as text) on rows that take a status (measures, reports:
    other levels' values are named as not imported), in the order they first appear."""
    if not mapping.status_column or mapping.status_column not in table.headers:
        return []
    try:
        nodes, _, _ = build_nodes(table, mapping, shape or SheetShape())
    except ValueError:
        return []
    taking = {depth for depth, level in mapping.depths.items() if level in ("measures", REPORT)}
    report_depth = mapping.level_depth(REPORT) or len(table.rows) + 1
    values = (_status_text(Columns(table).raw(node.row, mapping.status_column)) for node in nodes
              if node.is_report or node.depth in taking or node.depth >= report_depth)
    return list(dict.fromkeys(value for value in values if value))


def _status_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return plain_text(raw)


MEASURE_HEADERS = ("Code", "Jahresziel", "Titel", "Beschreibung", "Federführung")
REPORT_HEADERS = ("Maßnahme", "Datum", "Status", "Fortschritt (%)", "Zusammenfassung")


def reshape(table: RawTable, mapping: TreeMapping, shape: SheetShape | None = None) -> Reshaped:
    """The tree as level tables for the importer (see the module's text). Problems of the reshaping (a
    label without date, an unmapped status value, a missing level without a rule, a broken tree) come with
    their rows; a row is only ever skipped when it is empty, and then listed."""
    shape = shape or SheetShape()
    result = Reshaped([], [])
    result.skipped = [(number, say("skip.blank")) for number in shape.blank_rows]
    result.left_out = [header for header in table.headers if header not in used_columns(mapping)]
    try:
        nodes, problems, skipped = build_nodes(table, mapping, shape)
    except ValueError as wrong:
        result.problems.append(Problem(table.name, None, None, str(wrong), is_file=bool(table.delimiter)))
        return result
    result.problems += problems
    result.skipped = sorted(result.skipped + skipped)
    builder = _Builder(table, mapping, result)
    builder.run(nodes)
    if result.defaulted and (not mapping.status_column or mapping.status_column not in table.headers):
        result.default_status = mapping.default_status  # said (no_status_line) only when a report gets it
    if mapping.title_column and is_id_like(table, mapping.title_column):
        result.id_like_title = mapping.title_column
    return result


def used_columns(mapping: TreeMapping) -> set[str]:
    """The file's columns a tree mapping reads (every other column is named as not imported)."""
    single = (mapping.id_column, mapping.parent_column, mapping.code_column, mapping.indent_column,
              mapping.title_column, mapping.text_column, mapping.label_column, mapping.status_column,
              mapping.progress_column, mapping.lead_column, mapping.year_column)
    return {header for header in (*single, *mapping.level_columns) if header}


class _Builder:
    def __init__(self, table: RawTable, mapping: TreeMapping, result: Reshaped):
        self.table, self.mapping, self.result = table, mapping, result
        self.columns = Columns(table)
        self.rows: dict[str, list[RawRow]] = {level: [] for level in (*TREE_LEVELS, "organisations",
                                                                       "status_reports")}
        self.made: dict[tuple, str] = {}
        self.codes: dict[str, set[str]] = {level: set() for level in TREE_LEVELS}
        self.organisations: dict[str, int] = {}
        self.labels: dict[tuple[str, dt.date | None], int] = {}
        self.statuses: dict[str, int] = {}
        self.plan_start = _iso(mapping.plan_start)
        self.missing_said: set[str] = set()

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        self.result.problems.append(Problem(self.table.name, row, column, message,
                                            is_file=bool(self.table.delimiter)))

    def run(self, nodes: list[Node]) -> None:
        mapping = self.mapping
        if mapping.level_depth("measures") is None:
            self.problem(None, None, say("no_measures"))
            return
        report_depth = mapping.level_depth(REPORT)
        for node in nodes:
            if node.is_report or (report_depth is not None and node.depth >= report_depth):
                node.is_report = True
                continue
            level = mapping.depths.get(node.depth)
            if level not in TREE_LEVELS:
                self.problem(node.row.number, None, say("depth_unmapped", depth=node.depth))
                continue
            node.level = level
        self._unmapped_statuses(nodes)
        for node in nodes:
            if node.level:
                self._entry(node)
        for node in nodes:
            if node.is_report:
                self._report(node)
        for node in nodes:
            if node.level == "measures" and node.code:
                self._reports_of(node)
        self._tables()

    def _unmapped_statuses(self, nodes: list[Node]) -> None:
        for node in nodes:
            if node.generated or not (node.is_report or node.level == "measures"):
                continue  # other levels take no status (named in the preview as not imported)
            status, value = self._status(node.row)
            if value and status not in MEASURE_STATUSES:
                self.problem(node.row.number, self.mapping.status_column, say("status_unmapped", value=value))

    # entries

    def _code(self, node: Node) -> str:
        if node.generated and node.code:
            return node.code
        if self.mapping.structure != BY_PARENT or not self.mapping.code_column:
            return node.key
        return self.columns.text(node.row, self.mapping.code_column) or node.key

    def _mapped_parent(self, node: Node) -> Node | None:
        parent = node.parent
        while parent is not None and not parent.level:
            parent = parent.parent
        return parent

    def _entry(self, node: Node) -> None:
        node.code = self._code(node)
        self.codes[node.level].add(node.code)
        level_index = TREE_LEVELS.index(node.level)
        parent_code = ""
        if level_index:
            parent = self._mapped_parent(node)
            parent_index = TREE_LEVELS.index(parent.level) if parent else -1
            parent_code = parent.code if parent else ""
            if parent is not None and parent_index >= level_index:
                self.problem(node.row.number, None, say("depth_unmapped", depth=node.depth))
                return
            for missing in TREE_LEVELS[parent_index + 1:level_index]:
                parent_code = self._made_up(missing, parent_code, node)
                if parent_code is None:
                    return
        # Cells go on as the file has them: the importer reads them (plain_text) exactly once.
        title = node.key if node.generated else self.columns.raw(node.row, self.mapping.title_column)
        if is_missing(title) and node.level != "measures":
            title = node.code
        text = "" if node.generated else self.columns.raw(node.row, self.mapping.text_column)
        title, text = self._fit_title(node.level, title, text)
        if node.level != "measures" and not node.generated:
            self._dropped(node)
        sources = {"Code": self.mapping.code_column or self.mapping.id_column or say("generated"),
                   "Titel": self.mapping.title_column or "", "Beschreibung": self.mapping.text_column or ""}
        if node.level == "action_fields":
            cells = [node.code, title, text]
        elif node.level == "annual_goals":
            year = self._year(node)
            cells = [node.code, parent_code, year, title, text]
        elif node.level == "measures":
            lead = None if node.generated else self.columns.raw(node.row, self.mapping.lead_column)
            if self.columns.text(node.row, self.mapping.lead_column) and not node.generated:
                self.organisations.setdefault(lead, node.row.number)
                sources["Federführung"] = self.mapping.lead_column
            cells = [node.code, parent_code, title, text, lead]
        else:
            cells = [node.code, parent_code, title, text]
        self.rows[node.level].append(RawRow(node.row.number, cells, {k: v for k, v in sources.items() if v}))

    def _fit_title(self, level: str, title: Any, text: Any) -> tuple[Any, Any]:
        fitted = fit_title(title, text, TEXT_LIMITS.get((level, "title"))) if self.mapping.shorten_titles else None
        if fitted is None:  # fits, or not to be shortened (then the importer refuses it)
            return title, text
        self.result.shortened[level] = self.result.shortened.get(level, 0) + 1
        return fitted

    def _dropped(self, node: Node) -> None:  # status, progress, lead above the measures: named as not imported
        for column in (self.mapping.status_column, self.mapping.progress_column, self.mapping.lead_column):
            if column and self.columns.text(node.row, column):
                key = (column, node.level)
                self.result.dropped[key] = self.result.dropped.get(key, 0) + 1

    def _year(self, node: Node) -> Any:
        raw = self.columns.raw(node.row, self.mapping.year_column)
        if not is_missing(raw):
            return raw
        return self.plan_start.year if self.plan_start else None

    def _made_up(self, level: str, parent_code: str, node: Node) -> str | None:
        """The code of the made-up entry of a level the file lacks, above node (made once per parent, and
        for annual goals per year if so chosen); None (and a problem, said once) without a rule."""
        rule = self.mapping.missing.get(level)
        if rule not in (PLACEHOLDER, PER_YEAR) or (rule == PER_YEAR and level != "annual_goals"):
            if level not in self.missing_said:
                self.missing_said.add(level)
                self.problem(None, None, say("level_missing", level=layout.level(level).sheet))
            return None
        year = None
        if level == "annual_goals":
            raw = self._year(node)
            try:
                year = parse_whole_number(raw) if raw is not None else None
            except ValueError:
                self.problem(node.row.number, self.mapping.year_column, say("not_whole", raw=plain_text(raw)))
                return None
        key = (level, parent_code, year if rule == PER_YEAR else None)
        if key in self.made:
            return self.made[key]
        suffix = str(year) if rule == PER_YEAR and year else PLACEHOLDER_CODES[level]
        code = f"{parent_code}-{suffix}" if parent_code else suffix
        self.made[key] = code
        self.result.generated[level] = self.result.generated.get(level, 0) + 1
        title = self.mapping.placeholders.get(level) or DEFAULT_PLACEHOLDERS[level]
        if rule == PER_YEAR and year:
            title = f"{self.mapping.placeholders.get(level) or PER_YEAR_TITLE} {year}"
        sources = {"Code": say("generated"), "Titel": say("generated")}
        if level == "action_fields":
            cells = [code, title, ""]
        elif level == "annual_goals":
            cells = [code, parent_code, year or (self.plan_start.year if self.plan_start else None), title, ""]
        else:
            cells = [code, parent_code, title, ""]
        self.rows[level].append(RawRow(node.row.number, cells, sources))
        return code

    # reports

    def _measure_of(self, node: Node) -> Node | None:
        parent = node.parent
        while parent is not None and parent.level != "measures":
            parent = parent.parent
        return parent

    def _report(self, node: Node) -> None:
        measure = self._measure_of(node)
        if measure is None or not measure.code:
            self.problem(node.row.number, None, say("report_without_measure"))
            return
        label = _label(node, self.columns, self.mapping)
        date = _iso(self.mapping.label_dates.get(label))
        self.labels[label, date] = self.labels.get((label, date), 0) + 1
        if date is None:
            self.problem(node.row.number, self.mapping.label_column or self.mapping.title_column,
                         say("label_undated", label=label))
            return
        measure.reports.append((date, node))

    def _reports_of(self, measure: Node) -> None:
        """The measure's reports in date order. A report without a status of its own: the measure's status
        for the latest, "geplant" at the plan's start, else the status chosen for reports without one. A
        measure with a status but no report rows gets one report at the file's date."""
        if not measure.reports:
            if _status_text(self.columns.raw(measure.row, self.mapping.status_column)) or self.columns.text(
                    measure.row, self.mapping.progress_column):  # a figure alone is a report too
                date = _iso(self.mapping.status_date)
                if date is None:
                    self.problem(measure.row.number, self.mapping.status_column, say("status_undated"))
                else:
                    self._report_row(measure.row, measure, date, "", latest=True)
            return
        ordered = sorted(measure.reports, key=lambda item: (item[0], item[1].row.number))
        for position, (date, node) in enumerate(ordered):
            text = self.columns.raw(node.row, self.mapping.text_column)
            if is_missing(text) and self.mapping.label_column:
                text = self.columns.raw(node.row, self.mapping.title_column)
            self._report_row(node.row, measure, date, text, latest=position == len(ordered) - 1)

    def _status(self, row: RawRow) -> tuple[str | None, str]:
        value = _status_text(self.columns.raw(row, self.mapping.status_column))
        return (self.mapping.status_values.get(value) if value else None), value

    def _report_row(self, row: RawRow, measure: Node, date: dt.date, text: Any, latest: bool) -> None:
        status, value = self._status(row)
        if not value and latest:
            status, value = self._status(measure.row)
        progress = self.columns.raw(row, self.mapping.progress_column)
        if is_missing(progress) and latest:
            progress = self.columns.raw(measure.row, self.mapping.progress_column)
        figure = progress_figure(progress)
        if value:
            self.statuses[value] = self.statuses.get(value, 0) + 1
            if status is None:
                return  # said for every row by _unmapped_statuses
        elif figure is not None:  # rule "status from the figure": the figure is kept, the status follows it
            status = status_for_progress(figure)
            self.result.derived += 1
        elif self.plan_start is not None and date == self.plan_start:
            status = PLANNED
        elif self.mapping.default_status in MEASURE_STATUSES:
            status = self.mapping.default_status
            self.result.defaulted += 1
        else:
            self.problem(row.number, self.mapping.status_column, say("status_missing"))
            return
        self.result.report_rows += 1
        if is_missing(progress):  # no made-up figure: none, or 100 when abgeschlossen (rules.report_progress)
            progress = report_progress(status, None)
            self.result.unreported += progress is None
        sources = {"Status": self.mapping.status_column or say("generated"),
                   "Fortschritt (%)": self.mapping.progress_column or say("generated"),
                   "Datum": self.mapping.label_column or self.mapping.title_column or ""}
        self.rows["status_reports"].append(
            RawRow(row.number, [measure.code, date, status, progress, text], sources))

    # tables

    def _tables(self) -> None:
        headers = {
            "action_fields": ["Code", "Titel", "Beschreibung"],
            "guiding_goals": ["Code", "Handlungsfeld", "Titel", "Beschreibung"],
            "annual_goals": ["Code", "Leitziel", "Jahr", "Titel", "Beschreibung"],
            "organisations": ["Name"],
            "measures": list(MEASURE_HEADERS),
            "status_reports": list(REPORT_HEADERS),
        }
        self.rows["organisations"] = [RawRow(number, [name]) for name, number in self.organisations.items()]
        for level in ("action_fields", "guiding_goals", "annual_goals", "organisations", "measures",
                      "status_reports"):
            rows = self.rows[level]
            if not rows:
                continue
            if level == "measures" and not self.organisations:  # no lead column: none made up (nor named as left out)
                lead = headers[level].index("Federführung")
                headers[level].pop(lead)
                rows = [RawRow(row.number, row.cells[:lead] + row.cells[lead + 1:], row.sources) for row in rows]
            spec = layout.level(level)
            table = RawTable(self.table.name, headers[level], rows, self.table.encoding, self.table.delimiter)
            columns = {header: spec.columns[[c.header for c in spec.columns].index(header)].attribute
                       for header in headers[level]}
            self.result.tables.append(table)
            self.result.mappings.append(ColumnMapping(level, columns))
            self.result.counts[level] = len(rows)
        self.result.reports = sorted(((label, date, count) for (label, date), count in self.labels.items()),
                                     key=lambda item: (item[1] or dt.date.max, item[0]))
        self.result.statuses = [(value, self.mapping.status_values.get(value), count)
                                for value, count in self.statuses.items()]


def _iso(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else parse_date(text)
    except ValueError:
        return None


def shown_date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


# --- through the importer -------------------------------------------------------------------------


def preview(session: Session, actor: Actor, reshaped: Reshaped, target: Target,
            today: dt.date | None = None) -> Preview:
    """importer.preview of the level tables, with the reshaping's own problems first."""
    result = importer.preview(session, actor, reshaped.tables, reshaped.mappings, target, today)
    result.problems[:0] = reshaped.problems
    return result


def apply(session: Session, actor: Actor, reshaped: Reshaped, target: Target,
          expected_counter: int | None = None, progress: importer.Progress | None = None,
          today: dt.date | None = None, source: str = "") -> Preview:
    """importer.apply of the level tables (all or nothing); refused, with nothing written, when the
    reshaping found a problem."""
    if reshaped.problems:
        result = preview(session, actor, reshaped, target, today)
        raise ImportRefused(result)
    return importer.apply(session, actor, reshaped.tables, reshaped.mappings, target, expected_counter,
                          progress, today, source)
