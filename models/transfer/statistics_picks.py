"""What a statistics file offers to pick, named in refusals (models.transfer.statistics, cli.statistics_rows):
the first few rows or columns ("„06431“, „06432“, „06433“ und 12 weitere") and the text columns rows can be
picked by, so that "Bitte wählen Sie mindestens eine Zeile" says which rows exist and how to pick them."""

from __future__ import annotations

from collections.abc import Sequence

from models.transfer.parsing import RawTable
from models.transfer.statistics_columns import wide_columns
from models.transfer.statistics_proposals import SERIES, _column_values, _is_number, _share

SHOWN = 5


def quoted_list(values: Sequence[str], shown: int = SHOWN) -> str:
    """The first values quoted, and how many more ("„a“, „b“ und 3 weitere"); "keine" for none."""
    if not values:
        return "keine"
    text = ", ".join(f"„{value}“" for value in values[:shown])
    return text + (f" und {len(values) - shown} weitere" if len(values) > shown else "")


def key_columns(table: RawTable, shape: str) -> list[str]:
    """The columns rows can be picked by: those with text, not figures and not periods (none for a series)."""
    if shape == SERIES:
        return []
    periods = set(wide_columns(table.headers))
    return [header for header in table.headers if header not in periods
            and (values := _column_values(table, header)) and _share(values, _is_number) <= 0.5]
