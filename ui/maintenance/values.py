"""Cell values of the Pflege tables: what counts as missing."""

from __future__ import annotations

from typing import Any

import pandas as pd


def missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value))


def or_none(value: Any) -> Any:
    return None if missing(value) else value
