"""German number and date formats (31.12.2019, 1.234,5 %), without locale settings."""

from __future__ import annotations

import datetime as dt
import math


def format_number(value: float | int | None, decimals: int = 0, empty: str = "–") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | None, decimals: int = 0, empty: str = "–") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    return f"{format_number(value, decimals)}\u00a0%"


def format_date(value: dt.date | dt.datetime | None, empty: str = "–") -> str:
    if value is None:
        return empty
    return value.strftime("%d.%m.%Y")


def format_datetime(value: dt.datetime | None, empty: str = "–") -> str:
    if value is None:
        return empty
    return value.strftime("%d.%m.%Y, %H:%M Uhr")
