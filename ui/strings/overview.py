"""Strings of the page Übersicht (pages/uebersicht.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "overview.action_fields": {"de": "Handlungsfelder", "en": "Action fields"},
        "overview.guiding_goals": {"de": "Leitziele 2030", "en": "Guiding goals 2030"},
        "overview.annual_goals": {"de": "Jahresziele {year}", "en": "Annual goals {year}"},
        "overview.measures": {"de": "Maßnahmen", "en": "Measures"},
        "overview.plan_light": {"de": "**Ampel des Plans:** {distribution} – {reason}.",
                                "en": "**Traffic light of the plan:** {distribution} – {reason}."},
        "overview.light_metric": {"de": "{count} ({share})", "en": "{count} ({share})"},
        "overview.by_action_field": {"de": "Fortschritt nach Handlungsfeld", "en": "Progress by action field"},
        "overview.by_guiding_goal": {"de": "Fortschritt nach Leitziel", "en": "Progress by guiding goal"},
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
            "de": "{before} → {after} ({progress})",
            "en": "{before} → {after} ({progress})",
        },
        "overview.change.progress": {"de": "Fortschritt {before} → {after}", "en": "Progress {before} → {after}"},
        "overview.col.code": {"de": "Nr.", "en": "No."},
        "overview.col.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "overview.col.measure": {"de": "Maßnahme", "en": "Measure"},
        "overview.col.progress": {"de": "Fortschritt", "en": "Progress"},
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
        "overview.this_year": {"de": "Jahresziele {year}: wo wir jetzt stehen", "en": "Annual goals {year}: where we stand now"},
        "overview.this_year_none": {
            "de": "Für {year} sind keine Jahresziele erfasst.",
            "en": "No annual goals are recorded for {year}.",
        },
        "overview.this_year_progress": {"de": "Fortschritt der Jahresziele {year}", "en": "Progress of the annual goals {year}"},
        "overview.this_year_light": {
            "de": "**Ampel der Jahresziele {year}:** {distribution} – {reason}.",
            "en": "**Traffic light of the annual goals {year}:** {distribution} – {reason}.",
        },
        "overview.this_year_note": {
            "de": "Fortschritt je Jahresziel: gewichteter Mittelwert seiner Maßnahmen (ausgesetzte zählen nicht); "
            "oben der Mittelwert der Jahresziele mit Maßnahmen. Die Ampel zählt die laufenden Maßnahmen.",
            "en": "Progress per annual goal: weighted mean of its measures (suspended ones left out); above, the "
            "mean of the annual goals with measures. The traffic light counts the running measures.",
        },
        "overview.col.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "overview.col.prioritised": {"de": "Priorität", "en": "Priority"},
        "overview.prioritised_yes": {"de": "priorisiert", "en": "prioritised"},
        "overview.col.due": {"de": "Fällig am", "en": "Due on"},
        "overview.col.days_overdue": {"de": "Tage überfällig", "en": "Days overdue"},
        "overview.col.why": {"de": "Grund", "en": "Reason"},
        "overview.stale_words": {"de": "ohne aktuellen Sachstand", "en": "without a recent report"},
        "overview.attention": {"de": "Braucht Aufmerksamkeit ({count})", "en": "Needs attention ({count})"},
        "overview.attention_none": {
            "de": "Keine Maßnahme ist rot, gelb, überfällig oder ohne aktuellen Sachstand.",
            "en": "No measure is red, yellow, overdue or without a recent report.",
        },
        "overview.attention_note": {
            "de": "Maßnahmen, die rot oder gelb sind, deren Enddatum verstrichen ist, ohne dass sie abgeschlossen "
            "sind, oder zu denen seit mehr als {days} Tagen kein Sachstand vorliegt. Die dringendsten zuerst: rot, "
            "dann gelb, dann die übrigen; darin die am längsten überfälligen und die mit dem ältesten Sachstand.",
            "en": "Measures that are red or yellow, past their end date without being completed, or without a "
            "report for more than {days} days. Most urgent first: red, then yellow, then the rest; within that the "
            "longest overdue and those with the oldest report.",
        },
        "overview.attention_shown": {
            "de": "Die {shown} dringendsten von {count} Maßnahmen.",
            "en": "The {shown} most urgent of {count} measures.",
        },
        "overview.show_all_attention": {"de": "Alle {count} anzeigen", "en": "Show all {count}"},
        "overview.off_course": {
            "de": "Kennzahlen außer Kurs ({count} von {total} Ergebniskennzahlen)",
            "en": "Indicators off course ({count} of {total} result indicators)",
        },
        "overview.off_course_none": {
            "de": "Keine Ergebniskennzahl ist außer Kurs.",
            "en": "No result indicator is off course.",
        },
        "overview.off_course_no_results": {
            "de": "Der Plan hat keine Ergebniskennzahlen.",
            "en": "The plan has no result indicators.",
        },
        "overview.off_course_note": {
            "de": "Außer Kurs ist eine Ergebniskennzahl, die ihr Ziel noch nicht erreicht hat und es bei gleichem "
            "Tempo (Gerade durch Ausgangswert und Messwerte bis zum Stand) zum Zieldatum verfehlt; die Seite "
            "Kennzahlen nennt sie „nicht auf Kurs“. Ohne Zielwert oder Messwerte wird nichts bewertet.",
            "en": "A result indicator is off course when it has not reached its target yet and, at the same pace "
            "(a straight line through baseline and values up to the Stand), misses it by the target date; the "
            "Indicators page calls it “off track”. Without a target or values nothing is judged.",
        },
        "overview.col.forecast": {"de": "Bei gleichem Tempo", "en": "At the same pace"},
        "overview.to_indicators": {"de": "Alle Kennzahlen ansehen", "en": "See all indicators"},
        "overview.all_time": {"de": "Gesamtfortschritt seit Planbeginn", "en": "Overall progress since the plan began"},
        "overview.all_time_note": {
            "de": "Alle Maßnahmen seit Planbeginn, auch die abgeschlossenen früherer Jahre: diese Zahlen zeigen "
            "den Weg bis heute, nicht den Stand der laufenden Arbeit.",
            "en": "All measures since the plan began, the completed ones of earlier years included: these figures "
            "show the way so far, not the state of the current work.",
        },
        "overview.lights_all_time": {"de": "Ampel aller Maßnahmen seit Planbeginn", "en": "Traffic light of all measures since the plan began"},
        "overview.rollup_note": {
            "de": "Fortschritt: Mittelwert der Maßnahmen (gewichtet) je Jahresziel, darüber Mittelwert der "
            "Ebenen darunter. Ausgesetzte Maßnahmen zählen nicht mit.",
            "en": "Progress: weighted mean of measures per annual goal, above that the mean of the level "
            "below. Suspended measures are left out.",
        },
    }
)
