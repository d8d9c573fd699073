"""Read side of the Änderungsprotokoll: the audit trail of a plan, filtered, newest first, and its
changes ({field: [old, new]} or plain values such as counts of an import) put into words.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, or_, select

from models.formats import LOCAL_TIME, format_date, format_number, local_time
from models.queries import frame_of
from models.schema import AuditEvent

DEFAULT_LIMIT = 500
PERCENT_FIELDS = frozenset({"progress"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
BOOL_WORDS = {"de": ("ja", "nein"), "en": ("yes", "no")}


@dataclass(frozen=True)
class AuditFilters:
    """Empty values mean "no restriction"; dates are local calendar days, both inclusive."""

    actor_names: tuple[str, ...] = ()
    object_type: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


SESSION_ACTIONS = ("sign_in", "sign_out")


def person_slug(name: str) -> str:
    """A plain ASCII word for a person's name in a link (Jürgen Groß -> juergen-gross)."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_UMLAUTS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unbekannt"


def _utc(day: dt.date) -> dt.datetime:
    """Local midnight at the start of a day, as the naive UTC time the database stores."""
    local = dt.datetime.combine(day, dt.time(0, 0), tzinfo=LOCAL_TIME)
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _conditions(plan_id: int, filters: AuditFilters) -> list:
    conditions = [or_(AuditEvent.plan_id == plan_id, AuditEvent.plan_id.is_(None))]
    if filters.actor_names:
        conditions.append(AuditEvent.actor_name.in_(filters.actor_names))
    if filters.object_type:
        conditions.append(AuditEvent.object_type == filters.object_type)
    if filters.action:
        conditions.append(AuditEvent.action == filters.action)
    else:  # every sign-in would drown the plan's changes: shown when the action is chosen
        conditions.append(AuditEvent.action.not_in(SESSION_ACTIONS))
    if filters.since:
        conditions.append(AuditEvent.at >= _utc(filters.since))
    if filters.until:
        conditions.append(AuditEvent.at < _utc(filters.until + dt.timedelta(days=1)))
    return conditions


def audit_events(
    engine: Engine, plan_id: int, filters: AuditFilters = AuditFilters(), limit: int = DEFAULT_LIMIT
) -> tuple[pd.DataFrame, int]:
    """The plan's audit events and those without a plan (accounts), newest first, at most `limit`,
    and how many match in total. Columns: event_id, at (local time), actor_name, action,
    object_type, object_id, changes (a dict)."""
    conditions = _conditions(plan_id, filters)
    statement = (
        select(AuditEvent.id.label("event_id"), AuditEvent.at, AuditEvent.actor_name, AuditEvent.action,
               AuditEvent.object_type, AuditEvent.object_id, AuditEvent.changes)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    frame = frame_of(engine, statement)
    frame["at"] = [local_time(at) for at in frame["at"]]
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(AuditEvent).where(*conditions)).scalar()
    return frame, int(total or 0)


def latest_event_id(engine: Engine) -> int:
    """The newest event's id: the cache key of the trail (events without a plan, such as new
    accounts, move no plan's change counter). One tiny query per run."""
    with engine.connect() as connection:
        return int(connection.execute(select(func.max(AuditEvent.id))).scalar() or 0)


REFERENCE_FIELDS = ("measure", "code", "title", "name", "email")


def reference_field(changes: Any) -> str | None:
    """The field of an event's changes that names what it is about (see object_reference)."""
    if not isinstance(changes, Mapping):
        return None
    for key in REFERENCE_FIELDS:
        value = changes.get(key)
        if isinstance(value, (list, tuple)) and len(value) == 2:
            value = value[1] if value[1] not in (None, "") else value[0]
        if isinstance(value, str) and value.strip():
            return key
    return None


def object_reference(changes: Any) -> str | None:
    """What an event is about in words a person recognises: the measure's code, a code, title,
    name or e-mail address found in its changes (the new value of a pair)."""
    key = reference_field(changes)
    if key is None:
        return None
    value = changes[key]
    if isinstance(value, (list, tuple)):
        value = value[1] if value[1] not in (None, "") else value[0]
    return " ".join(value.split())


def local_today() -> dt.date:
    """Today in the district's time zone: the last day the date filters accept."""
    return dt.datetime.now(LOCAL_TIME).date()



def audit_choices(engine: Engine, plan_id: int) -> dict[str, list[str]]:
    """The people, object types and actions that occur in the plan's trail (for the filters)."""
    visible = or_(AuditEvent.plan_id == plan_id, AuditEvent.plan_id.is_(None))
    with engine.connect() as connection:
        return {
            column: sorted(value for value in connection.execute(
                select(getattr(AuditEvent, column)).where(visible).distinct()).scalars() if value)
            for column in ("actor_name", "object_type", "action")
        }


def format_value(field: str, value: Any, lang: str = "de") -> str:
    """One stored value in words: – for none, ja/nein, German numbers and dates, 60 % for progress."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return BOOL_WORDS.get(lang, BOOL_WORDS["de"])[0 if value else 1]
    if isinstance(value, (int, float)):
        decimals = 0 if float(value).is_integer() else 1
        number = format_number(value, decimals)
        return f"{number}\u00a0%" if field in PERCENT_FIELDS else number
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(field, item, lang) for item in value) or "–"
    if isinstance(value, Mapping):
        return ", ".join(f"{key}: {format_value(key, item, lang)}" for key, item in value.items())
    return " ".join(str(value).split())


def change_items(
    changes: Any, lang: str = "de", value_words: Mapping[str, Mapping[Any, str]] | None = None
) -> list[tuple[str, str | None, str]]:
    """(field, old, new) in words for every entry of an event's changes: [old, new] pairs (the
    convention of every command) become old -> new; any other value (e.g. counts of an import)
    has no old value (None). value_words: words for stored values of a field (e.g. roles)."""
    if not isinstance(changes, Mapping):
        return [] if changes in (None, "") else [("", None, format_value("", changes, lang))]
    words = value_words or {}

    def shown(field: str, value: Any) -> str:
        known = words.get(field, {})
        return known[value] if isinstance(value, (str, int)) and value in known else format_value(field, value, lang)

    items = []
    for field, value in changes.items():
        if isinstance(value, (list, tuple)) and len(value) == 2:
            items.append((str(field), shown(field, value[0]), shown(field, value[1])))
        else:
            items.append((str(field), None, shown(field, value)))
    return items

