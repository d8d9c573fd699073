"""Which shape a file proposes before the user chooses, once for the Import page and the command line.

A file is read as the plan's level tables ("plan"), as one tree in one table ("tree", models.transfer.tree) or as
statistics (models.transfer.statistics: official table, series, wide table). proposed_shape() is the radio "Form
der Datei" on the page and the shape `python -m cli import FILE` takes without a shape flag, so both read a file
the same way; statistics_defaults() are the statistics choices the page proposes (unit column, categories, value
columns) and the command line takes when they are not given. Every proposal is only a default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.transfer import statistics, statistics_columns
from models.transfer.mapping import is_explanation, is_info
from models.transfer.parsing import RawTable
from models.transfer.tree import looks_like_tree

PLAN, TREE = "plan", "tree"  # the level tables of the template; one tree in one table
SHAPES = (PLAN, TREE, *statistics.SHAPES)


@dataclass
class ShapeProposal:
    """The proposed shape, and the table it was recognised in (the tree's sheet, the statistics table; None for
    the plan's level tables, which are read sheet by sheet)."""

    shape: str
    table: RawTable | None = None


def readable_tables(tables: Sequence[RawTable]) -> list[RawTable]:
    """The tables with headers that hold data (not an Info or explanation sheet)."""
    return [table for table in tables if table.headers and not is_info(table) and not is_explanation(table)]


def proposed_shape(tables: Sequence[RawTable]) -> ShapeProposal:
    """Rule "a file proposes its shape": a sheet that looks like a tree (id and parent, nesting codes, report
    labels) makes the file one tree in one table; else the first sheet that looks like statistics gives its
    statistics shape; else the plan's level tables."""
    readable = readable_tables(tables)
    tree_table = next((table for table in readable if looks_like_tree(table)), None)
    if tree_table is not None:
        return ShapeProposal(TREE, tree_table)
    for table in readable:
        if shape := statistics.detect_shape(table):
            return ShapeProposal(shape, table)
    return ShapeProposal(PLAN)


@dataclass
class StatisticsDefaults:
    """What the page proposes for a statistics table before the user chooses: the unit column and the category
    columns of a series, the kind of period columns of a wide table, and the columns that become values."""

    unit_column: str | None = None
    categories: list[str] = field(default_factory=list)
    kind: str | None = None
    columns: list[str] = field(default_factory=list)


def proposed_unit_column(table: RawTable, shape: str, key_column: str | None) -> str | None:
    """A series' column of units (Units, Einheit); a series without a period column has none."""
    return statistics_columns.unit_column(table) if shape == statistics.SERIES and key_column else None


def proposed_categories(table: RawTable, shape: str, key_column: str | None, unit_column: str | None) -> list[str]:
    if shape != statistics.SERIES or not key_column:
        return []
    return statistics_columns.proposed_categories(table, {header for header in (key_column, unit_column) if header})


def proposed_kind(table: RawTable, shape: str) -> str | None:
    if shape != statistics.WIDE or len(statistics_columns.kinds(table.headers)) < 2:
        return None
    return statistics_columns.proposed_kind(table.headers)


def proposed_columns(table: RawTable, shape: str, key_column: str | None, categories: Sequence[str] = (),
                     unit_column: str | None = None, kind: str | None = None) -> list[str]:
    """The value columns proposed: none for an official table (the user picks its columns), the columns of
    figures (the Value column) of a series with categories, else every offered column."""
    if shape == statistics.OFFICIAL:
        return []
    offered = statistics.value_columns(table, shape, key_column, [*categories, *([unit_column] if unit_column
                                                                                 else [])], kind)
    return statistics.figure_columns(table, offered) if categories else offered


def statistics_defaults(table: RawTable, shape: str, key_column: str | None = None) -> StatisticsDefaults:
    """All the page's proposals for a statistics table at once (the command line takes them when not given)."""
    key_column = key_column or statistics.key_column(table, shape)
    unit_column = proposed_unit_column(table, shape, key_column)
    categories = proposed_categories(table, shape, key_column, unit_column)
    kind = proposed_kind(table, shape)
    return StatisticsDefaults(unit_column, categories, kind,
                              proposed_columns(table, shape, key_column, categories, unit_column, kind))
