"""Plain, validated URL parameters (no Streamlit here, so every rule is unit-tested).

Each parser takes the raw text from the URL and returns (value, hint): the value to use (None for
"not given or unusable") and, when the text was unusable, a hint for the user (a models.texts.Message from
ui.shell.url_hints: German as a str, shown in the session's language). Nothing in
a URL is ever evaluated or unpickled; values are matched against known choices only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import TypeVar

from models.formats import parse_date as german_date
from ui.shell.url_hints import hint as say

MAX_LENGTH = 200
T = TypeVar("T")


def shown(raw: str) -> str:
    """The raw value as it may be echoed in a hint: short, single line."""
    text = " ".join(raw.split())
    return text if len(text) <= 40 else text[:39] + "…"


def parse_date(raw: str | None, earliest: dt.date, latest: dt.date, label: str = "Stand") -> tuple[dt.date | None, str | None]:
    """ISO (2025-03-12) or German (12.03.2025) dates within [earliest, latest] (models.formats.parse_date)."""
    if raw is None or raw == "":
        return None, None
    if len(raw) > MAX_LENGTH:
        return None, say("too_long", label=label)
    try:
        value = german_date(raw)
    except ValueError:
        return None, say("not_a_date", raw=shown(raw), label=label)
    if value > latest:
        return None, say("future", date=value, label=label)
    if value < earliest:
        return None, say("too_early", date=value, label=label, earliest=earliest)
    return value, None


def parse_choice(raw: str | None, choices: Mapping[str, T], label: str) -> tuple[T | None, str | None]:
    """One value out of known choices (keyed by their URL word)."""
    if raw is None or raw == "":
        return None, None
    if len(raw) <= MAX_LENGTH and raw in choices:
        return choices[raw], None
    return None, say("unknown_choice", raw=shown(raw), label=label)


def parse_choices(raw: str | None, choices: Mapping[str, T], label: str) -> tuple[list[T], str | None]:
    """Several comma-separated values; unknown ones are dropped with a hint, known ones kept."""
    if raw is None or raw == "":
        return [], None
    if len(raw) > MAX_LENGTH:
        return [], say("too_long", label=label)
    words = [word.strip() for word in raw.split(",") if word.strip()]
    known = [choices[word] for word in words if word in choices]
    unknown = [word for word in words if word not in choices]
    hint = None
    if unknown:
        hint = say("unknown_choices", raw=shown(", ".join(unknown)), label=label)
    return list(dict.fromkeys(known)), hint


def parse_flag(raw: str | None, label: str) -> tuple[bool, str | None]:
    if raw is None or raw in ("", "0", "nein"):
        return False, None
    if raw in ("1", "ja"):
        return True, None
    return False, say("not_a_flag", raw=shown(raw), label=label)


SEARCH_MAX_LENGTH = 100


def parse_text(raw: str | None, label: str, max_length: int = SEARCH_MAX_LENGTH) -> tuple[str | None, str | None]:
    """Free text (a search term): control characters removed, whitespace collapsed, length limited."""
    if raw is None:
        return None, None
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    if len(text) > max_length:
        return None, say("search_too_long", label=label, limit=max_length)
    return text or None, None


_SLUG_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_SLUG_KEEP = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def code_slug(code: str) -> str:
    """A code as a link may carry it without encoding: umlauts written out, every other character outside
    A-Z, a-z, 0-9, ".", "_" and "-" a hyphen ("Üneu1" -> "Ueneu1", "B5+6" -> "B5-6", "b 7" -> "b-7").
    Codes that are safe already stay as they are, so old links keep working."""
    text = code.translate(_SLUG_LETTERS)
    slug = "".join(ch if ch in _SLUG_KEEP else "-" for ch in text)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-") or slug


def code_in_url(code: str, codes: Collection[str]) -> str:
    """What a link carries for a code: its slug when that finds exactly this code, else the code itself
    (the browser encodes it)."""
    slug = code_slug(code)
    return slug if find_code(slug, codes) == code else code


def find_code(raw: str | None, codes: Collection[str]) -> str | None:
    """The code a URL value names: the code itself, or the one code whose slug it is (a hand-typed "+"
    arrives as a space, "B5 6", and still finds "B5+6"); None for none or several."""
    if raw is None or raw == "" or len(raw) > MAX_LENGTH:
        return None
    if raw in codes:
        return raw
    wanted = code_slug(raw)
    found = [code for code in codes if code_slug(code) == wanted]
    return found[0] if len(found) == 1 else None
