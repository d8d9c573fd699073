"""Strings of the page Übersicht (pages/overview.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "overview.action_fields": {"de": "Handlungsfelder", "en": "Action fields"},
        "overview.guiding_goals": {"de": "Leitziele 2030", "en": "Guiding goals 2030"},
        "overview.annual_goals": {"de": "Jahresziele {year}", "en": "Annual goals {year}"},
        "overview.measures": {"de": "Maßnahmen", "en": "Measures"},
        "overview.lights": {"de": "Ampel der Maßnahmen", "en": "Traffic light of measures"},
        "overview.light_metric": {"de": "{count} ({share})", "en": "{count} ({share})"},
        "overview.by_action_field": {"de": "Fortschritt nach Handlungsfeld", "en": "Progress by action field"},
        "overview.by_guiding_goal": {"de": "Fortschritt nach Leitziel", "en": "Progress by guiding goal"},
        "overview.rollup_note": {
            "de": "Fortschritt: Mittelwert der Maßnahmen (gewichtet) je Jahresziel, darüber Mittelwert der "
            "Ebenen darunter. Ausgesetzte Maßnahmen zählen nicht mit.",
            "en": "Progress: weighted mean of measures per annual goal, above that the mean of the level "
            "below. Suspended measures are left out.",
        },
    }
)
