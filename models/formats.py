"""German number and date formats (31.12.2019, 1.234,5 %), without locale settings: written for people,
and read back from what people type or files hold (the importer's cells, links, forms)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
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


def parse_number(value: Any, decimal: str = ",") -> float:
    """Rule "German numbers": a finite number from a number or text: 1234.5, "1.234,5", "1234,5", "1.200"
    (German thousands), "1,234.5", "12 %", "3 500 €", "−4"; ValueError otherwise (also for empty text,
    placeholders such as "-", NaN and infinity). decimal="." reads a file column that column_decimal_mark
    found to use the English decimal point ("80.444" is 80,444 and "1,234.5" is 1234,5)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    elif decimal == ".":
        text = _number_text(str(value)).replace(",", "")
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValueError(value)
        number = float(text)
    else:
        number = _number_from_text(str(value))
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _number_text(raw: str) -> str:
    """The bare digits, signs and marks of a typed number (no unit, spaces, footnote star or plus)."""
    text = raw.strip().replace("\u2212", "-").rstrip("*")
    for suffix in ("%", "€", "EUR", "Prozent"):
        text = text.removesuffix(suffix)
    return _NUMBER_SPACES.sub("", text).removeprefix("+")


def _number_from_text(raw: str) -> float:
    text = _number_text(raw)
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


@dataclass(frozen=True)
class DecimalMark:
    """The decimal mark of a file's column: "," (German, also when nothing shows one), "." (English), or
    None when the user must decide; `example` is a value that shows why (for the message)."""
    mark: str | None
    example: str = ""
    mixed: bool = False


def _mark_evidence(value: Any) -> str:
    """"." or "," when the text shows that decimal mark, "?" for d.ddd (a decimal point or German
    thousands), "" for no evidence (whole numbers, numbers from a spreadsheet, text)."""
    if not isinstance(value, str):
        return ""
    text = _number_text(value)
    if not re.fullmatch(r"-?[\d.,]+", text) or not any(char.isdigit() for char in text):
        return ""
    if "," in text and "." in text:
        return "." if text.rfind(".") > text.rfind(",") else ","
    if "." in text:
        if text.count(".") > 1:
            return "," if _GERMAN_THOUSANDS.match(text) else ""
        return "?" if _GERMAN_THOUSANDS.match(text) else "."
    if "," in text:
        if text.count(",") > 1:
            return "." if _ENGLISH_THOUSANDS.match(text) else ""
        return "" if len(text) - text.rfind(",") - 1 == 3 else ","
    return ""


def column_decimal_mark(values: Iterable[Any]) -> DecimalMark:
    """Rule "decimal mark per file column": decided from all the column's values. A value with "." followed by
    other than exactly three digits (80.44, 0.125, 1,234.5) makes it "."; a value with "," decimals (80,4,
    1.234,5) makes it ","; both at once is mixed (None); a column whose only evidence is d.ddd (80.444: a decimal
    point or German thousands) is ambiguous (None), never a silent guess; no evidence at all keeps ","."""
    found: dict[str, str] = {}
    for value in values:
        evidence = _mark_evidence(value)
        if evidence and evidence not in found:
            found[evidence] = str(value).strip()
    if "." in found and "," in found:
        return DecimalMark(None, f"{found['.']} / {found[',']}", mixed=True)
    if "." in found:
        return DecimalMark(".", found["."])
    if "," in found:
        return DecimalMark(",", found[","])
    if "?" in found:
        return DecimalMark(None, found["?"])
    return DecimalMark(",")


def decimal_marks(columns: dict[str, Iterable[Any]], fallback: str | None = None) -> dict[str, DecimalMark]:
    """column_decimal_mark of each number column a file's import reads; a column that is only d.ddd takes the
    mark the other number columns of the same file show, when they all show the same one (a German file with
    "1.234" beside "5,1"), else the file's own fallback ("," for a semicolon CSV, as German spreadsheets save
    it); otherwise it stays open (None) for the user."""
    found = {header: column_decimal_mark(values) for header, values in columns.items()}
    shown = {mark.mark for mark in found.values() if mark.mark is not None and mark.example}
    if len(shown) > 1 or not (shown or fallback):
        return found
    mark = shown.pop() if shown else fallback
    return {header: DecimalMark(mark, one.example) if one.mark is None and not one.mixed else one
            for header, one in found.items()}


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


# --- periods ------------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1, "jaen": 1, "jänner": 1, "feb": 2, "februar": 2,
    "february": 2, "mär": 3, "maerz": 3, "märz": 3, "mar": 3, "march": 3, "mrz": 3, "apr": 4, "april": 4,
    "mai": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "november": 11, "dez": 12, "dec": 12, "dezember": 12, "december": 12,
}
_P_YEAR = r"((?:19|20)\d{2})"
_PERIOD_YEAR = re.compile(rf"^(?:jahr\s*)?{_P_YEAR}$", re.IGNORECASE)
_PERIOD_YEAR_MONTH = re.compile(rf"^{_P_YEAR}\s*(?:[-/._]|m)\s*(\d{{1,2}})$", re.IGNORECASE)
_PERIOD_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})\s*[/.\-_]\s*{_P_YEAR}$")
_PERIOD_NAMED_MONTH = re.compile(r"^([a-zäöü]+)\.?[\s\-_/]*((?:19|20)\d{2}|\d{2})$", re.IGNORECASE)
_PERIOD_YEAR_NAMED_MONTH = re.compile(rf"^{_P_YEAR}[\s\-_/]*([a-zäöü]+)\.?$", re.IGNORECASE)
_PERIOD_QUARTER = (re.compile(rf"^{_P_YEAR}\s*[-_/ ]?\s*q\s*([1-4])$", re.IGNORECASE),
                   re.compile(rf"^q\s*([1-4])\s*[-_/ ]?\s*{_P_YEAR}$", re.IGNORECASE),
                   re.compile(rf"^([1-4])\s*\.?\s*(?:quartal|qu\.?|vj\.?|vierteljahr)\s*{_P_YEAR}$", re.IGNORECASE))
_PERIOD_HALF = (re.compile(rf"^{_P_YEAR}\s*[-_/ ]?\s*[hs]\s*([12])$", re.IGNORECASE),  # Eurostat: 2015-S1
                re.compile(rf"^h\s*([12])\s*[-_/ ]?\s*{_P_YEAR}$", re.IGNORECASE),
                re.compile(rf"^([12])\s*\.?\s*(?:halbjahr|hj\.?)\s*{_P_YEAR}$", re.IGNORECASE))


def _month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueError(month)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _ordered(match: re.Match, year_first: bool) -> tuple[int, int]:
    """(year, number) of a quarter or half-year match, whichever order the text has them in."""
    first, second = int(match.group(1)), int(match.group(2))
    return (first, second) if year_first else (second, first)


def period_end(text: Any) -> dt.date:
    """Rule "a period is dated at its end": the last day of the period a statistics file names.

    Years ("2006", "Jahr 2006") -> 31.12.; months ("2005-01", "2005/01", "2015_01", "2015M01", "01/2005",
    "01.2005", "Jan 2005", "Jan. 2005", "März 2005", "Mrz 05", "2005 Jan") -> the month's last day;
    quarters ("2015 Q3", "2015-Q3", "Q3 2015", "3. Quartal 2015") and half-years ("2. Halbjahr 2015",
    "2015 H2") -> their last day; a full date (31.12.2019, 2019-12-31) -> itself. ValueError otherwise."""
    if isinstance(value := text, (dt.date, dt.datetime)):
        return parse_date(value)
    if not isinstance(value, str):
        raise ValueError(text)
    cleaned = " ".join(SPACES.sub(" ", value).split())  # a quoted cell may hold a line break
    if match := _PERIOD_YEAR.match(cleaned):
        return dt.date(int(match.group(1)), 12, 31)
    if match := _PERIOD_YEAR_MONTH.match(cleaned):
        return _month_end(int(match.group(1)), int(match.group(2)))
    if match := _PERIOD_MONTH_YEAR.match(cleaned):
        return _month_end(int(match.group(2)), int(match.group(1)))
    for patterns, months in ((_PERIOD_QUARTER, 3), (_PERIOD_HALF, 6)):
        for position, pattern in enumerate(patterns):
            if match := pattern.match(cleaned):
                year, number = _ordered(match, year_first=position == 0)
                return _month_end(year, number * months)
    named = _PERIOD_NAMED_MONTH.match(cleaned)
    if named:
        month, year = MONTHS.get(named.group(1).casefold()), int(named.group(2))
        if month is not None:
            return _month_end(year + 2000 if year < 100 else year, month)
    if (named := _PERIOD_YEAR_NAMED_MONTH.match(cleaned)) and MONTHS.get(named.group(2).casefold()):
        return _month_end(int(named.group(1)), MONTHS[named.group(2).casefold()])
    return parse_date(cleaned)
