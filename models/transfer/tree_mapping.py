"""What the user confirms about a tree file (TreeMapping, plain data for the page and the command line), and
the words, colours and codes a tree file's values are read by."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field

from models.rules import COMPLETED, IN_PROGRESS, MEASURE_STATUSES, PLANNED, AT_RISK, DELAYED, SUSPENDED
from models.rules import status_for_colour
from models.transfer.mapping import normalise


# How the file shows the tree.
BY_PARENT, BY_CODE, BY_INDENT, BY_COLUMNS = "parent", "code", "indent", "columns"
STRUCTURES = (BY_PARENT, BY_CODE, BY_INDENT, BY_COLUMNS)
# Where the indentation is read: leading spaces (or Excel's indent) of a column, or Excel's outline level.
SPACES, OUTLINE = "spaces", "outline"
TREE_LEVELS = ("action_fields", "guiding_goals", "annual_goals", "measures")
REPORT = "report"
# What to do with a level the file lacks.
PLACEHOLDER, PER_YEAR = "placeholder", "per_year"
DEFAULT_PLACEHOLDERS = {
    "action_fields": "Ohne Handlungsfeld",
    "guiding_goals": "Ohne Leitziel",
    "annual_goals": "Ohne Jahresziel",
}
# The title of a made-up annual goal per year, followed by its year ("Laufende Maßnahmen 2024"); pages show
# it after "Jahresziel 2024", so the word Jahresziel is not repeated.
PER_YEAR_TITLE = "Laufende Maßnahmen"
PLACEHOLDER_CODES = {"action_fields": "HF", "guiding_goals": "LZ", "annual_goals": "JZ"}
PARENT_REFERENCE = {"guiding_goals": "action_field", "annual_goals": "guiding_goal", "measures": "annual_goal"}
# Separators that mark a code's prefix as its parent's code (1.2 under 1; A-3 under A); "+" joins siblings.
CODE_SEPARATORS = ".-_/ "
PLANNED_LABELS = ("geplant", "planung", "plan", "planned", "vorhaben")
YEAR_PATTERN = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
HEX_PATTERN = re.compile(r"^#?([0-9a-fA-F]{6})$")

COLOUR_NAMES: dict[str, tuple[int, int, int]] = {
    "grün": (0, 128, 0), "gruen": (0, 128, 0), "green": (0, 128, 0), "dunkelgrün": (0, 100, 0),
    "hellgrün": (144, 238, 144), "gelb": (255, 255, 0), "yellow": (255, 255, 0), "amber": (255, 192, 0),
    "orange": (255, 165, 0), "rot": (255, 0, 0), "red": (255, 0, 0), "dunkelrot": (139, 0, 0),
    "weiß": (255, 255, 255), "weiss": (255, 255, 255), "white": (255, 255, 255), "grau": (128, 128, 128),
    "grey": (128, 128, 128), "gray": (128, 128, 128), "blau": (0, 112, 192), "blue": (0, 112, 192),
}
STATUS_WORDS: dict[str, str] = {
    **{normalise(status): status for status in MEASURE_STATUSES},
    **{normalise(word): PLANNED for word in ("planned", "in planung", "nicht begonnen", "not started", "offen",
                                             "open", "vorgesehen", "noch nicht begonnen")},
    **{normalise(word): IN_PROGRESS for word in ("in progress", "laufend", "läuft", "begonnen", "in arbeit",
                                                 "on track", "im plan", "umsetzung", "ongoing", "started")},
    **{normalise(word): COMPLETED for word in ("erledigt", "umgesetzt", "fertig", "done", "completed",
                                               "complete", "finished", "abgeschlossen", "erreicht")},
    **{normalise(word): DELAYED for word in ("delayed", "verzoegert", "verspätet", "late", "behind")},
    **{normalise(word): AT_RISK for word in ("at risk", "gefaehrdet", "kritisch", "critical", "problem")},
    **{normalise(word): SUSPENDED for word in ("suspended", "on hold", "pausiert", "gestoppt", "eingestellt",
                                               "ruht", "stopped", "cancelled", "entfällt")},
}


@dataclass
class TreeMapping:
    """What the user confirmed about a tree file: where the tree is, which column is what, which depth is
    which level, how missing levels are made up, the date of each report label and the status of each
    status value. Headers are the file's own."""

    structure: str = BY_PARENT
    id_column: str | None = None
    parent_column: str | None = None
    code_column: str | None = None
    indent_column: str | None = None
    indent_source: str = SPACES
    level_columns: list[str] = field(default_factory=list)
    title_column: str | None = None
    text_column: str | None = None
    label_column: str | None = None
    status_column: str | None = None
    progress_column: str | None = None
    lead_column: str | None = None
    year_column: str | None = None
    # depth (1 = top) -> level name or REPORT; JSON keeps the keys as text.
    depths: dict[int, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    placeholders: dict[str, str] = field(default_factory=dict)
    plan_start: str | None = None          # ISO date: "geplant" and the year of made-up annual goals
    status_date: str | None = None         # ISO date of a measure's own status when it has no report rows
    label_dates: dict[str, str] = field(default_factory=dict)      # label -> ISO date
    status_values: dict[str, str] = field(default_factory=dict)    # file's value -> measure status
    default_status: str | None = None      # for reports without a status of their own or their measure's
    shorten_titles: bool = True            # a title too long: shortened with "…", the whole text in the description

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> TreeMapping:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("Die Zuordnung ist kein JSON-Objekt.")
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        mapping = cls(**known)
        try:
            mapping.depths = {int(depth): str(level) for depth, level in dict(mapping.depths).items()}
            for name in ("missing", "placeholders", "label_dates", "status_values"):
                setattr(mapping, name, {str(k): str(v) for k, v in dict(getattr(mapping, name)).items()})
            mapping.level_columns = [str(header) for header in mapping.level_columns]
        except (TypeError, ValueError, AttributeError) as wrong:
            raise ValueError("Ein Feld der Zuordnung hat die falsche Form.") from wrong
        mapping.shorten_titles = bool(mapping.shorten_titles)
        if mapping.structure not in STRUCTURES:
            raise ValueError(f"Unbekannte Form des Baums „{mapping.structure}“.")
        return mapping

    def level_depth(self, level: str) -> int | None:
        return next((depth for depth, name in self.depths.items() if name == level), None)


def propose_label_date(label: str, plan_start: dt.date) -> dt.date | None:
    """The date a report label stands for: the end of the last year it names ("Sachstand 2015/2016" ->
    31.12.2016); "geplant" -> the plan's start; None when the label names no year."""
    years = YEAR_PATTERN.findall(label)
    if years:
        return dt.date(max(int(year) for year in years), 12, 31)
    if normalise(label) in {normalise(word) for word in PLANNED_LABELS}:
        return plan_start
    return None


def colour_of(value: str) -> tuple[int, int, int] | None:
    """The RGB of a hex colour (#01873B, 01873B) or a colour name (grün, orange, white); else None."""
    text = value.strip()
    hexed = HEX_PATTERN.match(text)
    if hexed:
        digits = hexed.group(1)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    return COLOUR_NAMES.get(text.casefold())


def propose_status(value: str) -> str | None:
    """The measure status a status value of the file likely stands for: a known word (German or English), or
    the nearest traffic-light colour of a colour (models.rules.status_for_colour). Numbers and unknown
    words: None (the user says)."""
    word = STATUS_WORDS.get(normalise(value))
    if word:
        return word
    # "verzögert/verfehlt", "laufend / im Plan": the first part that is a known word
    parts = [STATUS_WORDS.get(normalise(part)) for part in value.split("/")] if "/" in value else []
    if word := next((part for part in parts if part), None):
        return word
    colour = colour_of(value)
    return status_for_colour(colour) if colour else None
