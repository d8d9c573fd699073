"""The Kennzahlen in words: values with unit and hidden small counts, verdicts, the overview and value tables.
No Streamlit."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_date, format_number
from models.indicators import DEFAULT_CONFIDENTIALITY_THRESHOLD
from models.texts import text


# Icons next to the words of a verdict: tables cannot show colour, and colour alone never speaks.
VERDICT_ICONS = {"on_track": "✓", "off_track": "✗", "reached": "★", "too_few": "…", "no_target": "–"}


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def format_value(value: float | None, hidden: bool = False,
                 threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> str:
    """A value in German notation with as many decimals as it has (up to two); small counts of
    people as '< 5'."""
    if hidden:
        return f"< {threshold}"
    if is_missing(value):
        return "–"
    value = float(value)
    decimals = 0 if value.is_integer() else 1 if round(value, 1) == value else 2
    return format_number(value, decimals)


def with_unit(number: str, unit: str) -> str:
    return f"{number}\u00a0{unit}" if unit and number != "–" else number


def verdict_text(verdict: str, lang: str = "de") -> str:
    """The verdict in words with its icon, e.g. '✓ auf Kurs'."""
    return f"{VERDICT_ICONS[verdict]} {text(f'indicators.verdict.{verdict}', lang)}"


def level_text(indicator: Mapping[str, Any], lang: str = "de") -> str:
    """What the indicator belongs to, e.g. 'Leitziel „Alle sprechen Deutsch“'."""
    return text(f"indicators.level.{indicator['level']}", lang, title=indicator["level_title"] or "")


def date_or_none(value: Any) -> dt.date | None:
    """A date from a frame cell, None when missing (None, NaN or NaT)."""
    return None if is_missing(value) or value is pd.NaT else value


def overview_table(summary: pd.DataFrame, lang: str = "de",
                   threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """One line per indicator: latest value, target and the verdict in words."""
    col = lambda key: text(f"indicators.col.{key}", lang)  # noqa: E731
    rows = [
        {
            col("indicator"): f"{row['code']} · {row['title']}",
            col("kind"): text(f"indicators.kind_short.{row['kind']}", lang),
            col("belongs"): level_text(row, lang),
            col("unit"): row["unit"],
            col("latest"): format_value(row["latest_value"], row["latest_hidden"], threshold),
            col("latest_date"): format_date(date_or_none(row["latest_date"])),
            col("target"): format_value(row["target_value"]),
            col("target_date"): format_date(date_or_none(row["target_date"])),
            col("verdict"): verdict_text(row["verdict"], lang),
        }
        for _, row in summary.iterrows()
    ]
    columns = [col(key) for key in ("indicator", "latest", "unit", "latest_date", "target", "target_date",
                                    "verdict", "kind", "belongs")]
    return pd.DataFrame(rows, columns=columns)


def values_table(values: pd.DataFrame, default_source: str = "", lang: str = "de",
                 threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """Every value of one indicator, newest first; hidden ones as '< 5'."""
    col = lambda key: text(f"indicators.col.{key}", lang)  # noqa: E731
    hidden = values["hidden"] if "hidden" in values else pd.Series(False, index=values.index)
    rows = [
        {
            col("date"): format_date(row["value_date"]),
            col("value"): format_value(row["value"], bool(is_hidden), threshold),
            col("source"): row["source"] or default_source,
            col("note"): row["note"] or "",
        }
        for (_, row), is_hidden in zip(values.iloc[::-1].iterrows(), hidden.iloc[::-1])
    ]
    return pd.DataFrame(rows, columns=[col(key) for key in ("date", "value", "source", "note")])
