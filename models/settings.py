"""A plan's settings (Einstellungen): public view, release, confidentiality, traffic-light rules and the licence,
area (AGS) and contributor of the plan's open data.

What they are, read them, validate them; the command that writes them is models.commands.settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from models.open_data_rules import CONTRIBUTOR_ID_PATTERN, DISTRICT_KEY_PATTERN, LICENCES
from models.schema import Plan
from models.wording import say


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type
    minimum: int = 0
    maximum: int = 0
    message: str = ""
    choices: tuple[str, ...] = ()  # for kind str: the values allowed
    pattern: str = ""  # for kind str without choices: the form of the text (re.fullmatch)


SETTINGS = (
    Setting("public_view", bool, message=say("setting.public_view")),
    Setting("release_required", bool, message=say("setting.release_required")),
    Setting("confidentiality_threshold", int, 0, 100, say("setting.confidentiality_threshold")),
    Setting("green_tolerance", int, 0, 100, say("setting.green_tolerance")),
    Setting("stale_after_days", int, 1, 3650, say("setting.stale_after_days")),
    Setting("red_share", int, 1, 100, say("setting.red_share")),
    Setting("yellow_share", int, 1, 100, say("setting.yellow_share")),
    Setting("round_lead_days", int, 0, 90, say("setting.round_lead_days")),
    Setting("reminder_days", int, 1, 60, say("setting.reminder_days")),
    Setting("licence", str, message=say("setting.licence"), choices=tuple(LICENCES)),
    Setting("district_key", str, message=say("setting.district_key"), pattern=DISTRICT_KEY_PATTERN),
    Setting("contributor_id", str, message=say("setting.contributor_id"), pattern=CONTRIBUTOR_ID_PATTERN),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def plan_settings(engine: Engine, plan_id: int) -> dict[str, Any]:
    """The plan's current settings and its change counter (the version a form is based on)."""
    with engine.connect() as connection:
        row = connection.execute(
            select(Plan.change_counter, *(getattr(Plan, name) for name in BY_NAME)).where(Plan.id == plan_id)
        ).one()
    return dict(row._mapping)


def validate_settings(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, value in values.items():
        setting = BY_NAME.get(name)
        if setting is None:
            errors[name] = say("setting.unknown")
        elif setting.kind is bool:
            if not isinstance(value, bool):
                errors[name] = setting.message
        elif setting.kind is str and setting.choices:
            if value not in setting.choices:
                errors[name] = setting.message
        elif setting.kind is str:
            if not isinstance(value, str) or not re.fullmatch(setting.pattern, value):
                errors[name] = setting.message
        elif isinstance(value, bool) or not isinstance(value, int) or not setting.minimum <= value <= setting.maximum:
            errors[name] = setting.message
    return errors
