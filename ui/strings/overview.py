"""Strings of the page Übersicht (pages/uebersicht.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "overview.action_fields": {"de": "Handlungsfelder", "en": "Action fields"},
        "overview.guiding_goals": {"de": "Leitziele 2030", "en": "Guiding goals 2030"},
        "overview.annual_goals": {"de": "Jahresziele {year}", "en": "Annual goals {year}"},
        "overview.measures": {"de": "Maßnahmen", "en": "Measures"},
        "overview.lights": {"de": "Ampel der Maßnahmen", "en": "Traffic light of measures"},
        "overview.plan_light": {"de": "**Ampel des Plans:** {distribution} – {reason}.",
                                "en": "**Traffic light of the plan:** {distribution} – {reason}."},
        "overview.light_metric": {"de": "{count} ({share})", "en": "{count} ({share})"},
        "overview.by_action_field": {"de": "Fortschritt nach Handlungsfeld", "en": "Progress by action field"},
        "overview.by_guiding_goal": {"de": "Fortschritt nach Leitziel", "en": "Progress by guiding goal"},
        "overview.prioritised": {"de": "Priorisierte Jahresziele {year}", "en": "Prioritised annual goals {year}"},
        "overview.prioritised_none": {
            "de": "Für {year} sind keine priorisierten Jahresziele erfasst.",
            "en": "No prioritised annual goals are recorded for {year}.",
        },
        "overview.prioritised_earlier": {
            "de": "Für {year} sind keine priorisierten Jahresziele erfasst; gezeigt werden die von {shown}.",
            "en": "No prioritised annual goals for {year}; showing those of {shown}.",
        },
        "overview.overdue": {"de": "Überfällige Maßnahmen ({count})", "en": "Overdue measures ({count})"},
        "overview.overdue_none": {"de": "Keine Maßnahme ist überfällig.", "en": "No measure is overdue."},
        "overview.stale": {"de": "Ohne aktuellen Sachstand ({count})", "en": "Without a recent report ({count})"},
        "overview.stale_none": {
            "de": "Zu allen laufenden Maßnahmen gibt es einen aktuellen Sachstand.",
            "en": "Every running measure has a recent report.",
        },
        "overview.show_all": {"de": "Alle {count} in der Maßnahmenliste zeigen", "en": "Show all {count} in the list of measures"},
        "overview.since": {"de": "Seit der letzten Sitzung am {date}", "en": "Since the last meeting on {date}"},
        "overview.since_none_title": {"de": "Seit der letzten Sitzung", "en": "Since the last meeting"},
        "overview.since_none": {
            "de": "Vor diesem Stand ist keine Sitzung des Fachbeirats erfasst.",
            "en": "No meeting of the advisory board is recorded before this date.",
        },
        "overview.since_quiet": {
            "de": "Seit dem {date} sind keine Sachstände eingegangen.",
            "en": "No reports have come in since {date}.",
        },
        "overview.since_reports": {"de": "Neue Sachstände", "en": "New reports"},
        "overview.since_status_changes": {"de": "Statusänderungen", "en": "Status changes"},
        "overview.since_completions": {"de": "Abgeschlossen", "en": "Completed"},
        "overview.change.completed": {"de": "abgeschlossen", "en": "completed"},
        "overview.change.status": {
            "de": "{before} → {after} ({progress} %)",
            "en": "{before} → {after} ({progress} %)",
        },
        "overview.change.progress": {"de": "Fortschritt {before} % → {after} %", "en": "Progress {before} % → {after} %"},
        "overview.col.code": {"de": "Nr.", "en": "No."},
        "overview.col.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "overview.col.measure": {"de": "Maßnahme", "en": "Measure"},
        "overview.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "overview.col.progress_words": {"de": "Fortschritt (Text)", "en": "Progress (text)"},
        "overview.col.decision": {"de": "Kreistagsbeschluss", "en": "Council decision"},
        "overview.col.lead": {"de": "Federführung", "en": "Lead"},
        "overview.col.last_report": {"de": "Letzter Sachstand", "en": "Last report"},
        "overview.col.light": {"de": "Ampel", "en": "Traffic light"},
        "overview.col.date": {"de": "Datum", "en": "Date"},
        "overview.col.change": {"de": "Änderung", "en": "Change"},
        "overview.col.summary": {"de": "Sachstand", "en": "Report"},
        "overview.since_newest": {
            "de": "Die {shown} neuesten von {total} neuen Sachständen.",
            "en": "The {shown} newest of {total} new reports.",
        },
        "overview.since_to_measures": {
            "de": "Alle Maßnahmen mit ihren Sachständen in der Maßnahmenliste",
            "en": "All measures with their reports in the list of measures",
        },
        "overview.rollup_note": {
            "de": "Fortschritt: Mittelwert der Maßnahmen (gewichtet) je Jahresziel, darüber Mittelwert der "
            "Ebenen darunter. Ausgesetzte Maßnahmen zählen nicht mit.",
            "en": "Progress: weighted mean of measures per annual goal, above that the mean of the level "
            "below. Suspended measures are left out.",
        },
    }
)
