"""The UI's strings, German and English, added to the one catalogue in models.texts.

No Streamlit here, so figure builders and tests can use the same words.
"""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "app.title": {"de": "Masterplan-Cockpit", "en": "Masterplan Cockpit"},
        "app.section.view": {"de": "Überblick", "en": "Overview"},
        "app.db_error": {
            "de": "Die Datenbank ist nicht erreichbar. Bitte wenden Sie sich an die Administration. ({detail})",
            "en": "The database cannot be reached. Please contact the administrators. ({detail})",
        },
        "app.no_plans": {
            "de": "In der Datenbank ist noch kein Plan erfasst.",
            "en": "The database holds no plan yet.",
        },
        "plan.select": {"de": "Plan", "en": "Plan"},
        "plan.unknown": {
            "de": "Den Plan „{slug}“ aus dem Link gibt es nicht; angezeigt wird „{name}“.",
            "en": "The plan “{slug}” from the link does not exist; showing “{name}”.",
        },
        "plan.example": {
            "de": "Beispieldaten: Dieser Plan ist frei erfunden und dient nur der Vorführung.",
            "en": "Example data: this plan is invented, for demonstration only.",
        },
        "plan.example_short": {"de": "Beispieldaten", "en": "example data"},
        "asof.label": {"de": "Stand", "en": "As of"},
        "asof.today": {"de": "Heute ({date})", "en": "Today ({date})"},
        "asof.meeting": {"de": "{body}, {date}", "en": "{body}, {date}"},
        "asof.other": {"de": "Anderes Datum …", "en": "Other date …"},
        "asof.date": {"de": "Datum des Stands", "en": "Date"},
        "page.overview": {"de": "Übersicht", "en": "Overview"},
        "overview.as_of": {"de": "Stand: {date}", "en": "As of {date}"},
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
        "chart.progress_axis": {"de": "Fortschritt", "en": "Progress"},
        "chart.measures_hover": {"de": "Maßnahmen", "en": "measures"},
    }
)
