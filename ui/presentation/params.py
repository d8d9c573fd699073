"""URL parameters of the presentation (?folie=, ?auto=, ?thema=, ?sitzung=), validated without Streamlit.

Each parser returns (value, hint) like ui.shell.url_state: the value to use and, for unusable text, a
German hint. A bad slide number still shows a slide: the first, or the last when it is too large.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ui.shell.url_state import parse_date, shown

MIN_AUTO_SECONDS = 5
MAX_AUTO_SECONDS = 3600
THEME_NAMES = ("hell", "dunkel")
_DIGITS = re.compile(r"\d{1,12}")


def parse_slide(raw: str | None, count: int) -> tuple[int | None, str | None]:
    """A 1-based slide number; text or 0 -> the first slide, beyond the end -> the last, each with a hint."""
    if raw is None or raw == "":
        return None, None
    text = raw.strip()
    if re.fullmatch(r"[+-]?\d+", text) is None:
        return 1, f"„{shown(raw)}“ ist keine Foliennummer; gezeigt wird die erste Folie (von {count})."
    number = int(text) if len(text) <= 12 else (10 ** 12 if not text.startswith("-") else 0)
    if number < 1:
        return 1, f"Eine Folie {shown(text)} gibt es nicht; gezeigt wird die erste Folie (von {count})."
    if number > count:
        return count, (f"Folie {shown(text)} gibt es nicht: die Präsentation hat {count} Folien; "
                       "gezeigt wird die letzte.")
    return number, None


def parse_auto(raw: str | None) -> tuple[int | None, str | None]:
    """Seconds per slide for an unattended screen (5 to 3.600); anything else: no auto-advance."""
    if raw is None or raw == "" or raw == "0":
        return None, None
    text = raw.strip()
    if _DIGITS.fullmatch(text) and MIN_AUTO_SECONDS <= int(text) <= MAX_AUTO_SECONDS:
        return int(text), None
    return None, (f"„{shown(raw)}“ ist für „Automatisch weiter“ keine gültige Zahl von Sekunden "
                  f"({MIN_AUTO_SECONDS} bis 3.600); die Folien wechseln nicht automatisch.")


def parse_theme(raw: str | None) -> tuple[str | None, str | None]:
    if raw is None or raw == "":
        return None, None
    if raw in THEME_NAMES:
        return raw, None
    return None, f"„{shown(raw)}“ ist kein Thema der Präsentation (hell oder dunkel); gezeigt wird „hell“."


def parse_meeting(raw: str | None, snapshots: Sequence[tuple[int, int | None, dt.date]]) -> tuple[int | None, str | None]:
    """A frozen meeting view by the meeting's id or date (ISO or German); snapshots are
    (snapshot_id, meeting_id, meeting_date). Returns the snapshot's id."""
    if raw is None or raw == "":
        return None, None
    text = raw.strip()
    if _DIGITS.fullmatch(text):
        match = [snapshot for snapshot, meeting, _ in snapshots if meeting == int(text)]
    else:
        day, _ = parse_date(text, dt.date.min, dt.date.max)
        match = [snapshot for snapshot, _, meeting_date in snapshots if day is not None and meeting_date == day]
    if match:
        return match[0], None
    return None, (f"Zu „{shown(raw)}“ ist kein Sitzungsstand festgehalten; "
                  "gezeigt wird die Präsentation mit dem aktuellen Stand.")


def next_slide(current: int, count: int) -> int:
    """The slide after `current` for auto-advance: after the last comes the first again."""
    return 1 if current >= count else current + 1
