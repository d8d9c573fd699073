"""Eurostat's TSV layout (issue 14, shapes 7 and 8), unfolded into a table the statistics import reads.

A Eurostat table's first header cell names its dimensions, joined by commas, and the dimension across the
columns after a backslash: `indic_de,geo\\time` (one row per indicator and region, one column per period: a
wide table) or `unit,sex,time\\geo` (one row per period, one column per region: a series). Its cells hold a
number and flag letters (`-27007 e`, `43110 b`), or ":" for no value, also with flags (`: c`).

`unfold` gives each dimension of the first column its own column (`indic_de`, `geo`; the combined key
`indic_de,geo` stays first when the periods run across, so a row is still picked as "CNMIGRAT,AT"), strips the
flags off the values and keeps them in RawTable.flags, so the import reads the number and names every flag in
its notes (`flag_note`). ":" stays as the missing marker it is (no value, never 0).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

# Eurostat's flags (https://ec.europa.eu/eurostat/data/database/information): letter -> German meaning.
FLAGS = {"b": "Zeitreihenbruch", "c": "vertraulich", "d": "Definition abweichend", "e": "geschätzt",
         "f": "Prognose", "n": "nicht aussagekräftig", "p": "vorläufig", "r": "revidiert",
         "s": "Schätzung von Eurostat", "u": "geringe Zuverlässigkeit", "z": "nicht zutreffend"}
MISSING = ":"
_HEADER = re.compile(r"^(?P<dimensions>[^\\,]+(?:,[^\\,]+)*)\\(?P<across>[^\\,]+)$")
_CELL = re.compile(rf"^(?P<value>{MISSING}|[-+]?\d[\d.,]*)\s*(?P<flags>[{''.join(FLAGS)}]+)$|^{MISSING}\s*$")
PLACES_SHOWN = 5


def dimensions(header: str) -> tuple[list[str], str] | None:
    """(row dimensions, the dimension across the columns) of a Eurostat first header cell, else None:
    "indic_de,geo\\time" -> (["indic_de", "geo"], "time")."""
    match = _HEADER.match(header.strip())
    if match is None:
        return None
    return [part.strip() for part in match.group("dimensions").split(",")], match.group("across").strip()


def split_cell(value: Any) -> tuple[Any, str]:
    """(value, flag letters) of a Eurostat cell: "-27007 e" -> ("-27007", "e"), ": c" -> (":", "c"); any other
    cell as it is, without flags."""
    if not isinstance(value, str):
        return value, ""
    match = _CELL.match(value.strip())
    if match is None:
        return value, ""
    if match.group("value") is None:
        return MISSING, ""
    return match.group("value"), match.group("flags")


def unfold(table):
    """The table with the dimensions of its first column as columns and the flags off its values (see the
    module docstring); any other table as it is."""
    if not table.headers or (found := dimensions(table.headers[0])) is None:
        return table
    names, across = found
    combined = [",".join(names)] if across.casefold() == "time" else []  # a key without the period
    rest = table.headers[1:]
    headers = [*combined, *names, *rest]
    if len(set(headers)) < len(headers):
        return table
    flags: dict[tuple[int, str], str] = {}
    rows = []
    for row in table.rows:
        key = "" if row.value(0) is None else str(row.value(0)).strip()
        parts = [part.strip() for part in key.split(",")]
        if len(parts) != len(names):
            parts = [key, *[None] * (len(names) - 1)]
        cells = []
        for header, cell in zip(rest, row.cells[1:]):
            value, letters = split_cell(cell)
            if letters:
                flags[(row.number, header)] = letters
            cells.append(value)
        rows.append(replace(row, cells=[*([key] if combined else []), *parts, *cells]))
    return replace(table, headers=headers, rows=rows, raw_header=list(headers), indents={}, flags=flags)


def flag_places(table, flagged: dict[str, list[str]], number: int, column: str, place: str) -> None:
    """Collect a used cell's flags: flag letter -> the places ("CNMIGRAT,AL 2015") of its cells."""
    for letter in table.flags.get((number, column), ""):
        flagged.setdefault(letter, []).append(place)


def flag_meaning(letter: str) -> str:
    return FLAGS.get(letter, "unbekannt")


def shown_places(places: list[str]) -> str:
    """The first places of a flag's cells, "…" for more."""
    shown = ", ".join(places[:PLACES_SHOWN])
    return shown + (", …" if len(places) > PLACES_SHOWN else "")


def dimension_columns(table) -> list[str]:
    """The dimension columns `unfold` made of a Eurostat table whose periods run across ("indic_de", "geo"):
    their values repeat by design (a region under each indicator), they are no sub-headings."""
    names = table.headers[0].split(",") if table.headers else []
    return names if len(names) > 1 and table.headers[1:1 + len(names)] == names else []


def combined_column(table) -> list[str]:
    """The combined key column ("indic_de,geo") of an unfolded Eurostat table, as a list (empty for others)."""
    return table.headers[:1] if dimension_columns(table) else []
