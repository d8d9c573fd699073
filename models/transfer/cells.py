"""Reading one cell of a messy file: missing markers ("-", ".", "k. A."), HTML in text, whole numbers, periods
(2019, "März 2020", "03/2020") and yes/no. Numbers and dates as such are read by models.formats.

Every function takes a cell value and returns a Python value; one that cannot be read raises ValueError.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from models.formats import SPACES, DecimalMark, parse_date, parse_number, period_end
from models.rules import clean_text
from models.transfer.html_text import html_to_text
from models.transfer.wording import say

MISSING_MARKERS = {"", "-", ".", "–", "—", "--", "k.a.", "k. a.", "n/a", "n.a.", "#n/a", "nan", "none", "null"}

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")

# A semicolon CSV is how German spreadsheets save a file (the comma is their decimal mark): its d.ddd are thousands.
GERMAN_FILE_MARK = {";": ","}

_TRUE = {"ja", "j", "x", "yes", "y", "true", "wahr", "1", "1.0", "✓", "✔"}
_FALSE = {"nein", "n", "no", "false", "falsch", "0", "0.0"}


def is_missing(value: Any) -> bool:
    """Empty, None, NaN and the usual placeholders for "no value" ("-", ".", "k. A.")."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return SPACES.sub(" ", value).strip().lower() in MISSING_MARKERS
    return False


def plain_text(value: Any) -> str:
    """Text as plain text: HTML tags removed, entities decoded, spaces tidied (Markdown stays as typed).

    A missing value gives "". Line breaks between paragraphs and list items are kept.
    """
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d.%m.%Y")
    text = clean_text(str(value))
    if _LOOKS_LIKE_HTML.search(text):
        text = _strip_html(text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def has_text(value: Any) -> bool:
    """Would plain_text(value) give any text? Without converting HTML unless the cell looks like HTML."""
    if is_missing(value):
        return False
    if isinstance(value, str) and not _LOOKS_LIKE_HTML.search(value):
        return bool(clean_text(value).strip())
    return bool(plain_text(value))


def _strip_html(text: str) -> str:
    return clean_text(html_to_text(text))


def parse_whole_number(value: Any) -> int:
    """A whole number (e.g. a year or a progress in %); "50 %" and 50.0 are 50; 50,5 is a ValueError."""
    number = parse_number(value)
    if not number.is_integer():
        raise ValueError(value)
    return int(number)


def file_number(value: Any, mark: str | None) -> Any:
    """A file's number cell read with its column's decimal mark (models.formats.column_decimal_mark): a float
    when the column's mark is decided and the cell reads; else the cell as it is (for its own message)."""
    if mark is None or not isinstance(value, str) or is_missing(value):
        return value
    try:
        return parse_number(value, decimal=mark)
    except ValueError:
        return value


def decimal_problem(column: str, found: DecimalMark) -> str:
    """The German message for a number column whose decimal mark the user must decide."""
    if found.mixed:
        return say("decimal_mixed", column=column, example=found.example)
    whole = found.example.replace(".", "")
    return say("decimal_ambiguous", column=column, example=found.example,
               as_decimal=found.example.replace(".", ","), as_whole=whole)


def parse_period(value: Any) -> dt.date:
    """The reference date of a period: a full date as it is; a year -> 31.12.; a month -> its last day.

    Accepts 2019, "2019", "Jahr 2019", "2019-03", "03/2019", "03.2019", "März 2019", "Mar 19", "2015_01",
    "2015 Q3", dates (models.formats.period_end).
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return parse_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2100:
            return dt.date(int(value), 12, 31)
        raise ValueError(value)
    if is_missing(value) or not isinstance(value, str):
        raise ValueError(value)
    return period_end(value)


def is_period(value: Any) -> bool:
    """Does a header name a period (a year, a month, a date)? Used to find wide layouts."""
    try:
        parse_period(value)
    except (ValueError, TypeError):
        return False
    return True


def parse_bool(value: Any) -> bool:
    """ja/nein, x, wahr/falsch, true/false, 1/0; missing is False; ValueError otherwise."""
    if is_missing(value):
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)
