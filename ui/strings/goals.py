"""Strings of the page Leitziele 2030 (pages/leitziele.py) and its hierarchy chart."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "goals.level.plan": {"de": "Masterplan", "en": "Plan"},
        "goals.level.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "goals.level.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "goals.level.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "goals.level.measure": {"de": "Maßnahme", "en": "Measure"},
        "goals.chart.counts_hover": {"de": "Maßnahmen nach Ampel", "en": "Measures by traffic light"},
        "goals.hierarchy": {"de": "Aufbau des Plans und Ampel", "en": "Structure of the plan and traffic lights"},
        "goals.view": {"de": "Darstellung", "en": "Chart"},
        "goals.view.treemap": {"de": "Kacheln", "en": "Treemap"},
        "goals.view.sunburst": {"de": "Sonnendiagramm", "en": "Sunburst"},
        "goals.chart.reason_hover": {"de": "Ampel", "en": "Traffic light"},
        "goals.chart_rule": {
            "de": "Jede Fläche zeigt Kürzel, Titel, Fortschritt und Ampel in Worten. Die Ampel einer Ebene zählt "
            "ihre laufenden Maßnahmen (nicht ausgesetzt, nicht vor {year} abgeschlossen): rot, wenn mindestens "
            "{red} davon rot sind; gelb, wenn mindestens {yellow} rot oder gelb sind; sonst grün; grau ohne "
            "laufende Maßnahmen. Die Verteilung steht in jeder Fläche, der Grund und alle Maßnahmen nach Ampel im "
            "Tooltip. Hellgrau und „keine Maßnahmen“: Ebene ohne Maßnahmen. Klicken Sie auf eine Fläche, um "
            "hineinzuzoomen. Das Diagramm reicht bis zu den Leitzielen; Jahresziele und Maßnahmen eines Leitziels "
            "zeigt seine Detailansicht (Auswahl oben oder „Details“ in der Liste).",
            "en": "Every box shows code, title, progress and the traffic light in words. A level's light counts its "
            "active measures (not suspended, not completed before {year}): red when at least {red} of them are red; "
            "yellow when at least {yellow} are red or yellow; green otherwise; grey without active measures. Every "
            "box shows the distribution, the tooltip the reason and all measures per light. Light grey and “no "
            "measures”: a level without measures. Click a box to zoom in. The chart goes down to the guiding goals; "
            "a goal's annual goals and measures are on its detail view (choose it above or press “Details” in the "
            "list).",
        },
        "goals.list": {"de": "Leitziele nach Handlungsfeld", "en": "Guiding goals by action field"},
        "goals.field_expander": {"de": "{code} · {title} – {progress}", "en": "{code} · {title} – {progress}"},
        "goals.no_goals": {"de": "Für dieses Handlungsfeld sind keine Leitziele erfasst.",
                           "en": "No guiding goals are recorded for this action field."},
        "goals.goal_line": {"de": "Fortschritt: {progress} · Ampel: {light} ({reason})",
                            "en": "Progress: {progress} · traffic light: {light} ({reason})"},
        "goals.details": {"de": "Details zu diesem Leitziel öffnen", "en": "Open the details of this guiding goal"},
        "goals.select": {"de": "Leitziel im Detail", "en": "Guiding goal in detail"},
        "goals.select_all": {"de": "Alle Leitziele (Übersicht)", "en": "All guiding goals (overview)"},
        "goals.unknown": {
            "de": "Das Leitziel „{code}“ aus dem Link gibt es in diesem Plan nicht; angezeigt wird die Übersicht.",
            "en": "The guiding goal “{code}” from the link does not exist in this plan; showing the overview.",
        },
        "goals.back": {"de": "Zurück zu allen Leitzielen", "en": "Back to all guiding goals"},
        "goals.detail_caption": {"de": "Handlungsfeld: {field} · Fortschritt: {progress} · Ampel: {light} ({reason}) "
                                       "· alle Maßnahmen: {counts}",
                                 "en": "Action field: {field} · progress: {progress} · traffic light: {light} "
                                       "({reason}) · all measures: {counts}"},
        "goals.annual_goals": {"de": "Jahresziele über die Jahre", "en": "Annual goals over the years"},
        "goals.no_annual_goals": {"de": "Für dieses Leitziel sind keine Jahresziele erfasst.",
                                  "en": "No annual goals are recorded for this guiding goal."},
        "goals.indicators": {"de": "Kennzahlen", "en": "Indicators"},
        "goals.no_indicators": {"de": "Für dieses Leitziel sind keine Kennzahlen erfasst.",
                                "en": "No indicators are recorded for this guiding goal."},
        "goals.measures": {"de": "Maßnahmen", "en": "Measures"},
        "goals.no_measures": {"de": "Zu diesem Leitziel gibt es keine Maßnahmen.",
                              "en": "There are no measures for this guiding goal."},
        "goals.yes": {"de": "ja", "en": "yes"},
        "goals.no": {"de": "nein", "en": "no"},
        "goals.hidden_value": {"de": "< 5 (geschützt)", "en": "< 5 (protected)"},
        "goals.no_value": {"de": "noch kein Messwert", "en": "no value yet"},
        "goals.dated": {"de": "{label} ({date})", "en": "{label} ({date})"},
        "goals.col.year": {"de": "Jahr", "en": "Year"},
        "goals.col.code": {"de": "Kürzel", "en": "Code"},
        "goals.col.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "goals.col.prioritised": {"de": "Priorisiert", "en": "Prioritised"},
        "goals.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "goals.col.measures": {"de": "Maßnahmen nach Ampel", "en": "Measures by light"},
        "goals.col.latest": {"de": "Letzter Wert", "en": "Latest value"},
        "goals.col.target": {"de": "Zielwert", "en": "Target"},
        "goals.col.measure": {"de": "Maßnahme", "en": "Measure"},
        "goals.col.lead": {"de": "Federführung", "en": "Lead"},
        "goals.col.status": {"de": "Status", "en": "Status"},
        "goals.col.light": {"de": "Ampel", "en": "Traffic light"},
        "goals.light_cell": {"de": "{light} ({reason})", "en": "{light} ({reason})"},
    }
)
