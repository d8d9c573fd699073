"""The words of the HTTP routes beside the app (the read API's errors) in German and English."""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "api.not_found": {"de": "Diese Adresse gibt es in der Schnittstelle nicht. Eine Übersicht steht unter "
                            "/api/v1/plans, die Beschreibung unter /api/v1/openapi.json.",
                      "en": "There is no such address in the API. A list is at /api/v1/plans, the description at "
                            "/api/v1/openapi.json."},
    "api.no_plan": {"de": "Einen öffentlichen Plan „{plan}“ gibt es nicht.",
                    "en": "There is no public plan “{plan}”."},
    "api.no_dataset": {"de": "Den Datensatz „{dataset}“ gibt es nicht. Es gibt: {names}.",
                       "en": "There is no dataset “{dataset}”. There are: {names}."},
    "api.bad_stand": {"de": "Der Stand muss ein Datum in der Form JJJJ-MM-TT sein, z. B. 2026-03-12, und darf nicht "
                            "in der Zukunft liegen.",
                      "en": "The Stand must be a date written YYYY-MM-DD, e.g. 2026-03-12, and not in the future."},
    "api.before_plan": {"de": "Der Plan beginnt am {start}. Für einen Stand davor gibt es keine Daten: Bitte wählen "
                              "Sie einen Stand ab dem {start}.",
                        "en": "The plan starts on {start}. There is no data for a Stand before it: please choose a "
                              "Stand from {start} on."},
    "api.bad_format": {"de": "Das Format muss json oder csv sein.", "en": "The format must be json or csv."},
    "api.bad_rdf_format": {"de": "Das Format des Katalogs muss ttl (Turtle) oder jsonld (JSON-LD) sein.",
                           "en": "The catalogue's format must be ttl (Turtle) or jsonld (JSON-LD)."},
    "api.method": {"de": "Die Schnittstelle liest nur: Bitte verwenden Sie GET.",
                   "en": "The API only reads: please use GET."},
    "api.too_many": {"de": "Zu viele Anfragen von Ihrem Anschluss. Bitte warten Sie {seconds} Sekunde(n).",
                     "en": "Too many requests from your connection. Please wait {seconds} second(s)."},
    "api.failed": {"de": "Die Anfrage konnte nicht beantwortet werden. Bitte versuchen Sie es später noch einmal.",
                   "en": "The request could not be answered. Please try again later."},
    # The embeds (web/embeds.py).
    "embed.not_found_title": {"de": "Nicht gefunden", "en": "Not found"},
    "embed.not_found": {"de": "Diesen Inhalt gibt es nicht oder er ist nicht öffentlich.",
                        "en": "This content does not exist or is not public."},
    "embed.failed_title": {"de": "Fehler", "en": "Error"},
    "embed.too_many_title": {"de": "Zu viele Anfragen", "en": "Too many requests"},
    "embed.failed": {"de": "Der Inhalt konnte nicht angezeigt werden. Bitte versuchen Sie es später noch einmal.",
                     "en": "The content could not be shown. Please try again later."},
    "embed.bad_origins": {"de": "{variable} enthält keine gültige Herkunft: {entries}. Erlaubt sind Angaben wie "
                                "https://www.beispiel.de (ohne Pfad), getrennt durch Leerzeichen oder Kommas. Die "
                                "Einstellung wird nicht angewendet: nur das Cockpit selbst darf die Einbettungen "
                                "zeigen.",
                          "en": "{variable} holds no valid origin: {entries}. Allowed are entries like "
                                "https://www.example.org (no path), separated by spaces or commas. The setting is not "
                                "applied: only the cockpit itself may show the embeds."},
    "embed.status": {"de": "Status: {status}", "en": "Status: {status}"},
    "embed.progress_is": {"de": "Fortschritt: {value}", "en": "Progress: {value}"},
    "embed.lead": {"de": "Federführung", "en": "Lead"},
    "embed.period": {"de": "Zeitraum", "en": "Period"},
    "embed.last_report": {"de": "Letzter Sachstand vom {date}", "en": "Last status report of {date}"},
    "embed.no_summary": {"de": "Ohne Zusammenfassung.", "en": "No summary."},
    "embed.no_report": {"de": "Noch kein freigegebener Sachstand.", "en": "No released status report yet."},
    "embed.goal": {"de": "Leitziel {code}", "en": "Guiding goal {code}"},
    "embed.count_light": {"de": "{count} {light}", "en": "{count} {light}"},
    "embed.goal_light": {"de": "Ampel des Leitziels", "en": "Light of the guiding goal"},
    "embed.goal_counted": {"de": "Gezählt: {distribution} (aus allen Jahreszielen des Leitziels)",
                           "en": "Counted: {distribution} (from all annual goals of the guiding goal)"},
    "embed.reason": {"de": "Grund: {reason}", "en": "Reason: {reason}"},
    "embed.not_counted": {
        "de": "Nicht mitgezählt: {count} von {total} Maßnahmen (ausgesetzt oder vor {year} abgeschlossen).",
        "en": "Not counted: {count} of {total} measures (suspended or completed before {year})."},
    "embed.goal_progress": {"de": "Fortschritt des Leitziels (Mittel seiner Jahresziele): {value}",
                            "en": "Progress of the guiding goal (mean of its annual goals): {value}"},
    "embed.annual_goals": {"de": "Seine Jahresziele, jedes mit eigener Ampel",
                           "en": "Its annual goals, each with its own light"},
    "embed.annual_goals_note": {
        "de": "Jedes Jahresziel zählt nur seine eigenen laufenden Maßnahmen. Zusammen ergeben sie die Zählung des "
              "Leitziels oben.",
        "en": "Each annual goal counts only its own active measures. Together they make up the guiding goal's "
              "count above."},
    "embed.annual_goal": {"de": "Jahresziel {code} ({year})", "en": "Annual goal {code} ({year})"},
    "embed.annual_goal_light": {"de": "Ampel des Jahresziels:", "en": "Light of the annual goal:"},
    "embed.no_annual_goals": {"de": "Dieses Leitziel hat noch keine Jahresziele.",
                              "en": "This guiding goal has no annual goals yet."},
    "embed.target": {"de": "Ziel: {value} bis {date}", "en": "Target: {value} by {date}"},
    "embed.target_short": {"de": "Ziel", "en": "Target"},
    "embed.chart_caption": {"de": "Verlauf: {title}. Alle Werte in der Tabelle darunter.",
                            "en": "Course: {title}. Every value in the table below."},
    "embed.chart_alt": {"de": "Liniendiagramm {title}: {count} Werte vom {first} bis {last}, zuletzt {value}.",
                        "en": "Line chart {title}: {count} values from {first} to {last}, latest {value}."},
    "embed.no_values": {"de": "Noch keine Werte.", "en": "No values yet."},
    "embed.values": {"de": "Werte als Tabelle", "en": "Values as a table"},
    "embed.date": {"de": "Datum", "en": "Date"},
    "embed.value": {"de": "Wert", "en": "Value"},
    "embed.suppressed": {"de": "unterdrückt (kleine Fallzahl)", "en": "suppressed (small count)"},
    "embed.source": {"de": "Quelle: {source}", "en": "Source: {source}"},
    "embed.fields": {"de": "Handlungsfelder", "en": "Fields of action"},
    "embed.goals": {"de": "Leitziele", "en": "Guiding goals"},
    "embed.measures": {"de": "Maßnahmen", "en": "Measures"},
    "embed.completed": {"de": "abgeschlossen", "en": "completed"},
    "embed.progress": {"de": "Fortschritt im Mittel der Handlungsfelder", "en": "Mean progress of the fields"},
    "embed.on_track": {"de": "Kennzahlen auf Kurs oder erreicht", "en": "Indicators on track or reached"},
    "embed.of": {"de": "{part} von {whole}", "en": "{part} of {whole}"},
    "embed.lights": {"de": "Ampeln der Maßnahmen", "en": "Lights of the measures"},
    "embed.stand": {"de": "Stand: {date}", "en": "As of {date}"},
    "embed.source_link": {"de": "Quelle: {plan} im Masterplan-Cockpit", "en": "Source: {plan} in the Masterplan-Cockpit"},
    "embed.licence": {"de": "Lizenz: {licence}", "en": "Licence: {licence}"},
}

say = Wording(WORDS)
