"""The catalogue of user-facing words that the core produces (traffic-light reasons, labels).

German is the default; English is the second language. Pages add their own strings to the
same catalogue through ui.shell.texts, so there is one place to translate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.formats import format_date, format_datetime, format_number

LANGUAGES = ("de", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # traffic-light colours
    "light.grey": {"de": "grau", "en": "grey"},
    "light.green": {"de": "grün", "en": "green"},
    "light.yellow": {"de": "gelb", "en": "yellow"},
    "light.red": {"de": "rot", "en": "red"},
    "light_label.grey": {"de": "nicht begonnen oder ausgesetzt", "en": "not started or suspended"},
    "light_label.green": {"de": "im Plan", "en": "on track"},
    "light_label.yellow": {"de": "Verzug", "en": "behind"},
    "light_label.red": {"de": "kritisch", "en": "critical"},
    # traffic-light reasons
    "reason.completed": {"de": "abgeschlossen", "en": "completed"},
    "reason.suspended": {"de": "ausgesetzt", "en": "suspended"},
    "reason.at_risk": {"de": "Status gefährdet", "en": "status at risk"},
    "reason.overdue": {
        "de": "überfällig: Ende war am {due}, noch nicht abgeschlossen",
        "en": "overdue: due on {due}, not completed",
    },
    "reason.delayed": {"de": "Status verzögert", "en": "status delayed"},
    "reason.not_started": {
        "de": "noch nicht begonnen (Beginn {start})",
        "en": "not started yet (starts {start})",
    },
    "reason.not_started_undated": {
        "de": "noch nicht begonnen, kein Beginn festgelegt",
        "en": "not started, no start date set",
    },
    "reason.unscheduled": {
        "de": "in Umsetzung, kein Zeitplan hinterlegt",
        "en": "in progress, no schedule set",
    },
    "reason.behind": {
        "de": "{gap} Punkte hinter dem Zeitplan (erwartet {expected}, erreicht {progress})",
        "en": "{gap} points behind schedule (expected {expected}, reached {progress})",
    },
    "reason.no_progress": {
        "de": "kein Fortschritt gemeldet, der Zeitplan ist nicht zu beurteilen",
        "en": "no progress reported, the schedule cannot be judged",
    },
    "reason.on_schedule": {
        "de": "im Zeitplan (erwartet {expected}, erreicht {progress})",
        "en": "on schedule (expected {expected}, reached {progress})",
    },
    # roll-up
    "rollup.empty": {"de": "keine Maßnahmen", "en": "no measures"},
    "rollup.all_suspended": {"de": "alle Maßnahmen ausgesetzt", "en": "all measures suspended"},
    "rollup.no_figure": {"de": "keine Fortschrittsangabe", "en": "no progress reported"},
    "rollup.unreported": {"de": "{count} Maßnahmen ohne Fortschrittsangabe", "en": "{count} measures without progress"},
    "rollup.unreported_one": {"de": "1 Maßnahme ohne Fortschrittsangabe", "en": "1 measure without progress"},
    # a report or measure without a progress figure (rules.report_progress)
    "progress.none": {"de": "keine Angabe", "en": "not given"},
    "progress.reported_on": {"de": "zuletzt gemeldet am {date}", "en": "last reported on {date}"},
    # indicator trend
    "trend.no_target": {"de": "Für diese Kennzahl ist kein Zielwert festgelegt.", "en": "No target is set for this indicator."},
    "trend.reached": {"de": "Der Zielwert von {target} ist bereits erreicht.", "en": "The target of {target} has been reached."},
    "trend.too_few": {
        "de": "Für eine Prognose fehlen Messwerte (mindestens zwei Zeitpunkte).",
        "en": "Too few values for a projection (at least two dates).",
    },
    "trend.on_pace": {
        "de": "Bei gleichbleibendem Tempo wird der Zielwert von {target} bis {date} erreicht (Prognose: {projected}).",
        "en": "At the current pace the target of {target} will be reached by {date} (projection: {projected}).",
    },
    "trend.off_pace": {
        "de": "Bei gleichbleibendem Tempo wird der Zielwert von {target} bis {date} nicht erreicht (Prognose: {projected}).",
        "en": "At the current pace the target of {target} will not be reached by {date} (projection: {projected}).",
    },
    # a level's traffic light (rules.level_light): distribution over the active measures and the reason
    "level_light.none_active": {"de": "keine laufenden Maßnahmen", "en": "no active measures"},
    "level_light.distribution": {
        "de": "{parts} von {active} laufenden Maßnahmen",
        "en": "{parts} of {active} active measures",
    },
    "level_light.distribution_one": {
        "de": "{parts} von 1 laufenden Maßnahme",
        "en": "{parts} of 1 active measure",
    },
    "level_light.reason.red": {
        "de": "{share} der laufenden Maßnahmen sind rot; ab {threshold} ist die Ebene rot",
        "en": "{share} of the active measures are red; from {threshold} the level is red",
    },
    "level_light.reason.yellow": {
        "de": "{share} der laufenden Maßnahmen sind rot oder gelb; ab {threshold} ist die Ebene gelb",
        "en": "{share} of the active measures are red or yellow; from {threshold} the level is yellow",
    },
    "level_light.reason.green_none": {
        "de": "keine laufende Maßnahme ist rot oder gelb",
        "en": "no active measure is red or yellow",
    },
    "level_light.reason.green": {
        "de": "nur {share} der laufenden Maßnahmen sind rot oder gelb; gelb erst ab {threshold}",
        "en": "only {share} of the active measures are red or yellow; yellow only from {threshold}",
    },
    # statuses
    "status.geplant": {"de": "geplant", "en": "planned"},
    "status.in Umsetzung": {"de": "in Umsetzung", "en": "in progress"},
    "status.abgeschlossen": {"de": "abgeschlossen", "en": "completed"},
    "status.verzögert": {"de": "verzögert", "en": "delayed"},
    "status.gefährdet": {"de": "gefährdet", "en": "at risk"},
    "status.ausgesetzt": {"de": "ausgesetzt", "en": "suspended"},
}


def text(key: str, lang: str = "de", **params: Any) -> str:
    """The catalogue entry for key in lang, falling back to German, then to the key itself."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry["de"]
    return template.format(**params) if params else template


def light_words(colour: str, lang: str = "de") -> str:
    """A traffic-light colour in words with its meaning, e.g. 'Gelb – Verzug': never colour alone."""
    return f"{text(f'light.{colour}', lang).capitalize()} – {text(f'light_label.{colour}', lang)}"


def localised_column(column: str, lang: str) -> str:
    """Name of the column holding `column` in lang: data carries translations as `<column>_<lang>`."""
    return column if lang == "de" else f"{column}_{lang}"


# --- messages from the core ------------------------------------------------------------------------------


class Wording:
    """A room's own words (German and English), kept beside the code that says them; calling it with a key
    and parameters makes a Message. No global registration: the Message carries its entries."""

    def __init__(self, entries: dict[str, dict[str, str]]):
        self.entries = entries

    def __call__(self, key: str, /, **params: Any) -> Message:
        return Message(self.entries, key, params)


class Message(str):
    """A user-facing sentence from the core. As a str it is the German text (logs, the command line, German
    assertions, callers that only show German); `render(lang)` gives it in the reader's language."""

    def __new__(cls, entries: dict[str, dict[str, str]], key: str, params: dict[str, Any]) -> Message:
        self = super().__new__(cls, _fill(entries[key]["de"], params, "de"))
        self.entries, self.key, self.params = entries, key, params
        return self

    def __getnewargs__(self) -> tuple:
        return self.entries, self.key, self.params

    def render(self, lang: str) -> str:
        entry = self.entries[self.key]
        return _fill(entry.get(lang) or entry["de"], self.params, lang)


class Count(int):
    """A whole number shown grouped (5.000 in German, 5,000 in English); plain ints stay ungrouped (years)."""


def render(value: Any, lang: str) -> str:
    """A refusal in lang: a Message (or an exception raised with one) is translated, other text stays as it is."""
    if isinstance(value, BaseException) and len(value.args) == 1:
        value = value.args[0]
    return value.render(lang) if isinstance(value, Message) else str(value)


def _fill(template: str, params: dict[str, Any], lang: str) -> str:
    return template.format(**{name: _param(value, lang) for name, value in params.items()}) if params else template


def _param(value: Any, lang: str) -> str:
    """Parameters in the reader's form: German 1,5 and 01.06.2024; English 1.5 and 2024-06-01. Whole numbers
    stay ungrouped (years, lengths, row numbers)."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, Count):
        return format_number(value) if lang == "de" else f"{value:,}"
    if isinstance(value, dt.datetime):
        return format_datetime(value) if lang == "de" else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return format_date(value) if lang == "de" else value.isoformat()
    text = f"{value:.15g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "de" else text
