"""A plan's settings (Einstellungen): public view, release, confidentiality and traffic-light rules.

What they are, read them, validate them; the command that writes them is models.commands.settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from models.schema import Plan


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type
    minimum: int = 0
    maximum: int = 0
    message: str = ""


SETTINGS = (
    Setting("public_view", bool, message="Bitte wählen Sie, ob die öffentliche Ansicht an oder aus ist."),
    Setting("release_required", bool, message="Bitte wählen Sie, ob Sachstände freigegeben werden müssen."),
    Setting("confidentiality_threshold", int, 0, 100,
            "Die Schwelle für kleine Fallzahlen muss eine ganze Zahl von 0 bis 100 sein."),
    Setting("green_tolerance", int, 0, 100,
            "Die Toleranz der Ampel muss eine ganze Zahl von 0 bis 100 Prozentpunkten sein."),
    Setting("stale_after_days", int, 1, 3650,
            "„Veraltet nach“ muss eine ganze Zahl von 1 bis 3.650 Tagen sein."),
    Setting("red_share", int, 1, 100,
            "Die Schwelle für Rot muss eine ganze Zahl von 1 bis 100 Prozent sein."),
    Setting("yellow_share", int, 1, 100,
            "Die Schwelle für Gelb muss eine ganze Zahl von 1 bis 100 Prozent sein."),
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
            errors[name] = "Diese Einstellung gibt es nicht."
        elif setting.kind is bool:
            if not isinstance(value, bool):
                errors[name] = setting.message
        elif isinstance(value, bool) or not isinstance(value, int) or not setting.minimum <= value <= setting.maximum:
            errors[name] = setting.message
    return errors
