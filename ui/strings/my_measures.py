"""Strings of the page Meine Maßnahmen (pages/meine-massnahmen.py, ui/my_measures.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "my_measures.not_allowed": {
            "de": "Diese Seite gibt es für angemeldete Federführungen und Partner, die Sachstände melden.",
            "en": "This page is for signed-in project leads and partners who report status.",
        },
        "my_measures.organisation": {"de": "Für: {organisation}", "en": "For: {organisation}"},
        "my_measures.round": {
            "de": "Berichtsrunde zur Sitzung am {meeting}: Bitte melden Sie bis zum **{deadline}**. Es zählen "
                  "Sachstände ab dem {since}.",
            "en": "Reporting round for the meeting on {meeting}: please report by **{deadline}**. Reports dated "
                  "after {since} count.",
        },
        "my_measures.round_open": {
            "de": "Zurzeit ist keine Sitzung geplant. Zu melden ist, wozu seit dem {since} kein Sachstand vorliegt.",
            "en": "No meeting is planned at the moment. Due are the measures without a report since {since}.",
        },
        "my_measures.owed": {"de": "Jetzt zu melden ({count})", "en": "To report now ({count})"},
        "my_measures.owed_hint": {
            "de": "Maßnahmen unter Ihrer Federführung ohne Sachstand in dieser Runde; überfällige stehen oben.",
            "en": "Measures you lead without a report in this round; overdue ones first.",
        },
        "my_measures.all_reported": {
            "de": "Alles gemeldet: Zu allen laufenden Maßnahmen unter Ihrer Federführung liegt ein Sachstand aus "
                  "dieser Runde vor. Vielen Dank!",
            "en": "All reported: every running measure you lead has a report in this round. Thank you!",
        },
        "my_measures.led": {
            "de": "Weitere Maßnahmen unter Ihrer Federführung ({count})",
            "en": "Other measures you lead ({count})",
        },
        "my_measures.led_hint": {
            "de": "In dieser Runde schon gemeldet, noch nicht begonnen oder ausgesetzt.",
            "en": "Reported in this round already, not started yet or suspended.",
        },
        "my_measures.partner": {"de": "Als Partner beteiligt ({count})", "en": "As a partner ({count})"},
        "my_measures.partner_hint": {
            "de": "Die Federführung meldet hier in der Regel selbst; Sie können ebenfalls einen Sachstand melden.",
            "en": "The lead usually reports here; you may report too.",
        },
        "my_measures.completed": {"de": "Abgeschlossene Maßnahmen ({count})", "en": "Completed measures ({count})"},
        "my_measures.nothing": {
            "de": "Ihrer Organisation ist in diesem Plan keine Maßnahme zugeordnet (weder als Federführung noch "
                  "als Partner).",
            "en": "Your organisation has no measure in this plan (neither as lead nor as partner).",
        },
        "my_measures.state": {"de": "{status}, {progress}", "en": "{status}, {progress}"},
        "my_measures.last": {"de": "Letzter Sachstand: {when}", "en": "Last report: {when}"},
        "my_measures.last_never": {"de": "Letzter Sachstand: noch keiner", "en": "Last report: none yet"},
        "my_measures.today": {"de": "heute ({date})", "en": "today ({date})"},
        "my_measures.one_day": {"de": "vor 1 Tag ({date})", "en": "1 day ago ({date})"},
        "my_measures.days": {"de": "vor {days} Tagen ({date})", "en": "{days} days ago ({date})"},
        "my_measures.due": {"de": "fällig bis {date}", "en": "due by {date}"},
        "my_measures.overdue": {"de": "überfällig seit {date}", "en": "overdue since {date}"},
        "my_measures.overdue_stale": {"de": "überfällig (veraltet)", "en": "overdue (stale)"},
        "my_measures.to_form": {"de": "Sachstand melden", "en": "Report status"},
        "my_measures.read_only": {"de": "Nur zur Ansicht: Hier meldet die Federführung.",
                                  "en": "Read only: the lead reports here."},
        "my_measures.unchanged": {"de": "Unverändert melden", "en": "Report unchanged"},
        "my_measures.unchanged_help": {
            "de": "Meldet denselben Status und Fortschritt mit dem heutigen Datum (nach einer Bestätigung).",
            "en": "Reports the same status and progress dated today (after a confirmation).",
        },
        "my_measures.confirm": {
            "de": "{code} unverändert melden: {state}, Datum heute ({date})?",
            "en": "Report {code} unchanged: {state}, dated today ({date})?",
        },
        "my_measures.note": {"de": "Anmerkung (freiwillig)", "en": "Note (optional)"},
        "my_measures.note_help": {
            "de": "Erscheint im Sachstand nach dem Satz „Unverändert gegenüber dem Sachstand vom …“.",
            "en": "Appears in the report after the sentence “Unchanged since the status report of …”.",
        },
        "my_measures.confirm_yes": {"de": "Ja, unverändert melden", "en": "Yes, report unchanged"},
        "my_measures.confirm_no": {"de": "Abbrechen", "en": "Cancel"},
        "my_measures.saved": {
            "de": "{code} wurde unverändert gemeldet: {status}, {progress}, Datum {date}.",
            "en": "{code} was reported unchanged: {status}, {progress}, dated {date}.",
        },
        "my_measures.saved_unreleased": {
            "de": "{code} wurde unverändert gemeldet (Datum {date}); der Sachstand wird nach Freigabe öffentlich "
                  "sichtbar.",
            "en": "{code} was reported unchanged (dated {date}); the report becomes public once it is released.",
        },
        "my_measures.conflict": {
            "de": "Zu {code} wurde inzwischen ein anderer Sachstand gespeichert. Es wurde nichts gemeldet; bitte "
                  "prüfen Sie den neuen Stand.",
            "en": "Another report on {code} has been saved in the meantime. Nothing was reported; please check the "
                  "new state.",
        },
    }
)
