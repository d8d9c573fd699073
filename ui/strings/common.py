"""Strings shared by all pages: app frame, plan, Stand, charts."""

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
        "common.as_of": {"de": "Stand: {date}", "en": "As of {date}"},
        "asof.label": {"de": "Stand", "en": "As of"},
        "asof.today": {"de": "Heute ({date})", "en": "Today ({date})"},
        "asof.meeting": {"de": "{body}, {date}", "en": "{body}, {date}"},
        "asof.other": {"de": "Anderes Datum …", "en": "Other date …"},
        "asof.date": {"de": "Datum des Stands", "en": "Date"},
        "page.overview": {"de": "Übersicht", "en": "Overview"},
        "page.goals": {"de": "Leitziele 2030", "en": "Guiding goals 2030"},
        "page.annual_goals": {"de": "Jahresziele", "en": "Annual goals"},
        "page.measures": {"de": "Maßnahmen", "en": "Measures"},
        "page.indicators": {"de": "Kennzahlen", "en": "Indicators"},
        "page.organisations": {"de": "Akteure", "en": "Organisations"},
        "chart.progress_axis": {"de": "Fortschritt", "en": "Progress"},
        "chart.measures_hover": {"de": "Maßnahmen", "en": "measures"},
    }
)
