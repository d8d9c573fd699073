"""The rows of `import --indicators --rows ...` (cli.plan_import): values of the key column, given as a comma list
or by repeating --rows, and a German refusal that says where they were looked for and what to do instead.

A row value may hold a comma itself (Eurostat: "CNMIGRAT,AT"): an argument that is a row of the file as a whole
is kept whole; any other argument is split at its commas (the old "06432,06433" keeps working).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.transfer import statistics
from models.transfer.parsing import RawTable
from models.transfer.statistics_picks import key_columns, quoted_list

SHOWN = 5


def row_values(table: RawTable, shape: str, key: str | None) -> list[str]:
    """The values the rows of the file are picked by (in the key column), in the file's order."""
    if key is None or key not in table.headers or shape == statistics.SERIES:
        return []
    return list(dict.fromkeys(statistics.row_names(table, key, shape).values()))


def split_rows(arguments: Sequence[str], known: Sequence[str]) -> list[str]:
    """The rows the --rows arguments name: an argument that is a row value is one row, others are split at
    commas."""
    rows: list[str] = []
    for argument in arguments:
        text = argument.strip()
        if text in known:
            rows.append(text)
        else:
            rows += [part.strip() for part in text.split(",") if part.strip()]
    return rows


def unknown_rows(table: RawTable, shape: str, key: str, rows: Sequence[str], known: Sequence[str]) -> str | None:
    """The German refusal for --rows values the key column does not hold, or None: it names the column searched,
    some of its values and the file's other text columns to name with --key-column."""
    missing = [row for row in rows if row not in known]
    if not missing:
        return None
    others = [header for header in key_columns(table, shape) if header != key]
    message = (f"Diese Zeilen gibt es in der Spalte „{key}“ nicht: {quoted_list(missing, SHOWN)}. "
               f"Gesucht wurde in der Spalte „{key}“; dort gibt es z. B. {quoted_list(known, SHOWN)}.")
    if any("," in row for row in known):
        message += (" Werte mit Komma geben Sie je einzeln an: --rows \"" + next(row for row in known if "," in row)
                    + "\" --rows ...")
    if others:
        message += (" Um Zeilen nach einer anderen Spalte zu wählen, nennen Sie sie mit --key-column, möglich sind: "
                    + quoted_list(others, len(others)) + ".")
    return message
