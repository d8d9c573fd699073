"""Strings of the page Sachstand melden (pages/sachstand-melden.py, ui/status_report.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "report.not_allowed": {
            "de": "Sachstände melden können nur angemeldete Federführungen und die Administration.",
            "en": "Only signed-in project leads and administrators can report status.",
        },
        "report.no_organisation": {
            "de": "Ihrem Konto ist keine Organisation zugeordnet. Bitte wenden Sie sich an die Administration.",
            "en": "Your account has no organisation. Please contact the administrators.",
        },
        "report.intro": {
            "de": "Wählen Sie eine Maßnahme, tragen Sie Fortschritt und Sachstand ein und speichern Sie. "
                  "Veraltete Maßnahmen stehen oben.",
            "en": "Choose a measure, enter progress and status, and save. Stale measures come first.",
        },
        "report.mine": {"de": "Meine Maßnahmen", "en": "My measures"},
        "report.all": {"de": "Alle Maßnahmen", "en": "All measures"},
        "report.none": {
            "de": "Ihrer Organisation ist in diesem Plan keine Maßnahme zugeordnet (weder als Federführung noch "
                  "als Partner).",
            "en": "Your organisation has no measure in this plan (neither as lead nor as partner).",
        },
        "report.none_filtered": {
            "de": "Zu dieser Federführung gibt es keine Maßnahmen.",
            "en": "This lead organisation has no measures.",
        },
        "report.filter.organisation": {"de": "Federführung", "en": "Lead organisation"},
        "report.filter.all": {"de": "alle", "en": "all"},
        "report.col.code": {"de": "Nr.", "en": "Code"},
        "report.col.title": {"de": "Maßnahme", "en": "Measure"},
        "report.col.role": {"de": "Rolle", "en": "Role"},
        "report.col.status": {"de": "Status", "en": "Status"},
        "report.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "report.col.light": {"de": "Ampel", "en": "Traffic light"},
        "report.col.last_report": {"de": "Letzter Sachstand", "en": "Last report"},
        "report.col.note": {"de": "Hinweis", "en": "Note"},
        "report.role.lead": {"de": "Federführung", "en": "Lead"},
        "report.role.partner": {"de": "Partner", "en": "Partner"},
        "report.note.stale": {"de": "veraltet", "en": "stale"},
        "report.note.overdue": {"de": "überfällig", "en": "overdue"},
        "report.note.never": {"de": "noch nie berichtet", "en": "never reported"},
        "report.table_hint": {
            "de": "Klicken Sie links neben eine Zeile oder wählen Sie unten eine Maßnahme.",
            "en": "Click left of a row or choose a measure below.",
        },
        "report.pick": {"de": "Maßnahme für den Sachstand", "en": "Measure to report on"},
        "report.pick_placeholder": {"de": "Bitte wählen Sie eine Maßnahme", "en": "Please choose a measure"},
        "report.unknown": {
            "de": "Die Maßnahme „{code}“ aus dem Link gehört nicht zu Ihren Maßnahmen; bitte wählen Sie eine aus "
                  "der Liste.",
            "en": "The measure “{code}” from the link is not one of yours; please choose one from the list.",
        },
        "report.current": {
            "de": "Aktuell: {status}, {progress} · letzter Sachstand: {last}  \nAmpel: {light} – {reason}",
            "en": "Now: {status}, {progress} · last report: {last}  \ntraffic light: {light} – {reason}",
        },
        "report.never": {"de": "noch keiner", "en": "none yet"},
        "report.stale_hint": {
            "de": "Zu dieser Maßnahme wurde schon lange kein Sachstand mehr gemeldet (veraltet).",
            "en": "No status has been reported on this measure for a long time (stale).",
        },
        # the form
        "report.form.title": {"de": "Neuer Sachstand", "en": "New status report"},
        "report.field.report_date": {"de": "Datum des Sachstands", "en": "Date of the report"},
        "report.field.status": {"de": "Status", "en": "Status"},
        "report.field.progress": {"de": "Fortschritt in %", "en": "Progress in %"},
        "report.field.progress_help": {
            "de": "100 % nur zusammen mit dem Status „abgeschlossen“.",
            "en": "100 % only together with the status “completed”.",
        },
        "report.field.summary": {"de": "Sachstand (Pflichtfeld)", "en": "Status summary (required)"},
        "report.field.summary_placeholder": {
            "de": "Was ist seit dem letzten Sachstand geschehen?",
            "en": "What has happened since the last report?",
        },
        "report.field.obstacles": {"de": "Hindernisse", "en": "Obstacles"},
        "report.field.next_steps": {"de": "Nächste Schritte", "en": "Next steps"},
        "report.field.progress_note": {"de": "Begründung", "en": "Reason"},
        "report.field.progress_note_help": {
            "de": "Nur nötig, wenn der Fortschritt niedriger ist als bisher.",
            "en": "Only needed when progress is lower than before.",
        },
        "report.field.report_date_help": {
            "de": "Ein Sachstand gilt ab heute. Zurückdatieren geht bis zum {date}: höchstens 30 Tage und nach der "
                  "letzten Sitzung des Fachbeirats, deren Stand feststeht.",
            "en": "A report counts from today. It can be dated back to {date}: at most 30 days and after the last "
                  "meeting of the advisory board, whose view is fixed.",
        },
        "report.field.backdate_reason": {
            "de": "Begründung für ein früheres Datum (nur Administration)",
            "en": "Reason for an earlier date (administrators only)",
        },
        "report.field.backdate_reason_help": {
            "de": "Nötig, wenn das Datum vor dem {date} liegt. Die Begründung steht im Änderungsprotokoll.",
            "en": "Needed when the date is before {date}. The reason is kept in the audit trail.",
        },
        "report.submit": {"de": "Sachstand speichern", "en": "Save status report"},
        "report.check": {
            "de": "Bitte prüfen Sie die markierten Angaben. Es wurde nichts gespeichert.",
            "en": "Please check the marked fields. Nothing was saved.",
        },
        "report.saved": {
            "de": "Der Sachstand zu {code} wurde gespeichert: {status}, {progress}.",
            "en": "The status report on {code} was saved: {status}, {progress}.",
        },
        "report.saved_unreleased": {
            "de": "Der Sachstand zu {code} wurde gespeichert und wird nach Freigabe öffentlich sichtbar.",
            "en": "The status report on {code} was saved and becomes public once it is released.",
        },
        "report.conflict": {
            "de": "Diese Maßnahme wurde inzwischen geändert: {what} Ihre Eingaben sind erhalten. Bitte prüfen "
                  "Sie sie und speichern Sie erneut.",
            "en": "This measure has been changed in the meantime: {what} Your entries are kept. Please check "
                  "them and save again.",
        },
        "report.conflict.report": {
            "de": "Sachstand vom {date} von {author}: {status}, {progress} – „{summary}“.",
            "en": "report of {date} by {author}: {status}, {progress} – “{summary}”.",
        },
        "report.conflict.other": {
            "de": "Die Angaben der Maßnahme wurden bearbeitet.",
            "en": "The measure's details were edited.",
        },
        "report.someone": {"de": "unbekannt", "en": "unknown"},
        # the history
        "report.history": {"de": "Bisherige Sachstände ({count})", "en": "Earlier reports ({count})"},
        "report.history.empty": {
            "de": "Zu dieser Maßnahme gibt es noch keinen Sachstand.",
            "en": "There is no report on this measure yet.",
        },
        "report.history.head": {"de": "{date} · {status} · {progress}", "en": "{date} · {status} · {progress}"},
        "report.history.unreleased": {"de": "noch nicht freigegeben", "en": "not yet released"},
        "report.history.summary": {"de": "Sachstand", "en": "Status"},
        "report.history.obstacles": {"de": "Hindernisse", "en": "Obstacles"},
        "report.history.next_steps": {"de": "Nächste Schritte", "en": "Next steps"},
        "report.history.progress_note": {"de": "Begründung", "en": "Reason"},
        "report.history.author": {"de": "Gemeldet von", "en": "Reported by"},
    }
)
