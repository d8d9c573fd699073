"""Strings of the page Akteure (pages/akteure.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "organisations.empty": {
            "de": "Für diesen Plan sind noch keine Akteure erfasst: Keine Organisation hat die Federführung "
            "einer Maßnahme oder ist Partner.",
            "en": "No organisations are involved in this plan yet: none leads or partners in a measure.",
        },
        "organisations.intro": {
            "de": "Organisationen, die Maßnahmen des Plans federführend verantworten oder als Partner mittragen.",
            "en": "Organisations that lead measures of the plan or take part as partners.",
        },
        "organisations.count": {"de": "Beteiligte Akteure", "en": "Organisations involved"},
        "organisations.count_lead": {"de": "Federführend", "en": "Leading"},
        "organisations.filter.kind": {"de": "Art der Organisation", "en": "Kind of organisation"},
        "organisations.filter.all_kinds": {"de": "Alle Arten", "en": "All kinds"},
        "organisations.filter.organisation": {"de": "Akteur", "en": "Organisation"},
        "organisations.filter.none": {"de": "Bitte wählen …", "en": "Please choose …"},
        "organisations.no_match": {
            "de": "Keine Organisation dieser Art ist am Plan beteiligt.",
            "en": "No organisation of this kind takes part in the plan.",
        },
        "organisations.col.name": {"de": "Akteur", "en": "Organisation"},
        "organisations.col.kind": {"de": "Art", "en": "Kind"},
        "organisations.col.lead": {"de": "Federführung", "en": "Lead"},
        "organisations.col.partner": {"de": "Partner", "en": "Partner"},
        "organisations.col.measures": {"de": "Maßnahmen gesamt", "en": "Measures in total"},
        "organisations.col.code": {"de": "Nr.", "en": "No."},
        "organisations.col.title": {"de": "Maßnahme", "en": "Measure"},
        "organisations.col.role": {"de": "Rolle", "en": "Role"},
        "organisations.col.status": {"de": "Status", "en": "Status"},
        "organisations.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "organisations.col.light": {"de": "Ampel", "en": "Traffic light"},
        "organisations.col.reason": {"de": "Begründung", "en": "Reason"},
        "organisations.role.lead": {"de": "Federführung", "en": "Lead"},
        "organisations.role.partner": {"de": "Partner", "en": "Partner"},
        "organisations.lights_note": {
            "de": "Ampel: Anzahl aller Maßnahmen, an denen die Organisation beteiligt ist (Federführung und "
            "Partner), zum Stand.",
            "en": "Traffic light: number of all measures the organisation takes part in (lead and partner), "
            "as of the chosen date.",
        },
        "organisations.chart_title": {"de": "Maßnahmen je Akteur", "en": "Measures per organisation"},
        "organisations.chart.axis": {"de": "Anzahl Maßnahmen", "en": "Number of measures"},
        "organisations.detail": {"de": "Maßnahmen eines Akteurs", "en": "Measures of an organisation"},
        "organisations.pick_hint": {
            "de": "Wählen Sie einen Akteur, um seine Maßnahmen zu sehen.",
            "en": "Choose an organisation to see its measures.",
        },
        "organisations.detail_summary": {
            "de": "{kind} · Federführung bei {lead}, Partner bei {partner} Maßnahmen",
            "en": "{kind} · leads {lead}, partner in {partner} measures",
        },
    }
)
