"""German number and date formats (31.12.2019, 1.234,5 %), without locale settings: written for people,
and read back from what people type or files hold (the importer's cells, links, forms)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any
from zoneinfo import ZoneInfo

# Spaces as typed: blanks, tabs and the no-break spaces of office programs.
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u2007\u202f']")
_GERMAN_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$")
_ENGLISH_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(,\d{3}){2,}$")
_PLAIN_NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_DATE_PATTERNS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y/%m/%d", "%Y-%m-%dT%H:%M:%S",
                  "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S")


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


# Times are stored in UTC (naive, models.schema.utc_now); people read them in the district's time.
LOCAL_TIME = ZoneInfo("Europe/Berlin")


def local_time(value: dt.datetime) -> dt.datetime:
    """Rule "times in German local time": a stored time (naive means UTC) in Europe/Berlin, without tzinfo."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(LOCAL_TIME).replace(tzinfo=None)


def format_datetime(value: dt.datetime | None, empty: str = "–") -> str:
    """'06.12.2026, 11:28 Uhr' in German local time (local_time: a naive value is UTC, as stored)."""
    if value is None:
        return empty
    return local_time(value).strftime("%d.%m.%Y, %H:%M Uhr")


def parse_number(value: Any) -> float:
    """Rule "German numbers": a finite number from a number or text: 1234.5, "1.234,5", "1234,5", "1.200"
    (German thousands), "1,234.5", "12 %", "3 500 €", "−4"; ValueError otherwise (also for empty text,
    placeholders such as "-", NaN and infinity)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        number = _number_from_text(str(value))
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _number_from_text(raw: str) -> float:
    text = raw.strip().replace("\u2212", "-").rstrip("*")
    for suffix in ("%", "€", "EUR", "Prozent"):
        text = text.removesuffix(suffix)
    text = _NUMBER_SPACES.sub("", text)
    text = text.removeprefix("+")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(",", "") if _ENGLISH_THOUSANDS.match(text) else text.replace(",", ".")
    elif _GERMAN_THOUSANDS.match(text):
        text = text.replace(".", "")
    if not _PLAIN_NUMBER.fullmatch(text):
        raise ValueError(raw)
    return float(text)


def parse_date(value: Any) -> dt.date:
    """Rule "German dates": a date from a date or datetime (Excel, pandas) or text: 31.12.2019, 1.2.2020,
    31.12.19, 2019-12-31, 31/12/2019 (with or without a time); ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = SPACES.sub(" ", value).strip()
    for pattern in _DATE_PATTERNS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)
