"""Strings of the page Barrierefreiheit (pages/barrierefreiheit.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "accessibility.statement_german": {
            "de": "Die Erklärung zur Barrierefreiheit ist auf Deutsch veröffentlicht.",
            "en": "The accessibility statement is published in German, as German law requires.",
        },
        "accessibility.report.title": {"de": "Barriere melden", "en": "Report a barrier"},
        "accessibility.report.intro": {
            "de": "Beschreiben Sie bitte, was Sie wo nicht nutzen konnten. Eine Anmeldung ist nicht nötig. "
                  "Schreiben Sie keine Angaben über andere Personen in die Meldung.",
            "en": "Please describe what you could not use, and where. No sign-in is needed. Do not write "
                  "anything about other people in the report.",
        },
        "accessibility.report.page": {"de": "Wo war die Barriere?", "en": "Where was the barrier?"},
        "accessibility.report.page.other": {"de": "Andere Stelle / ganze Anwendung", "en": "Elsewhere / whole app"},
        "accessibility.report.description": {"de": "Beschreibung der Barriere", "en": "Description of the barrier"},
        "accessibility.report.contact": {"de": "Ihre E-Mail-Adresse für die Antwort (freiwillig)",
                                         "en": "Your e-mail address for the answer (optional)"},
        "accessibility.report.contact.help": {
            "de": "Nur für die Antwort auf diese Meldung; sie wird gelöscht, sobald die Meldung beantwortet ist.",
            "en": "Only for the answer to this report; it is deleted once the report has been answered.",
        },
        "accessibility.report.submit": {"de": "Meldung senden", "en": "Send report"},
        "accessibility.report.sent": {
            "de": "Vielen Dank. Ihre Meldung Nr. {number} ist eingegangen; die Verwaltung antwortet bis zum {due}, "
                  "wenn Sie eine E-Mail-Adresse angegeben haben.",
            "en": "Thank you. Your report no. {number} has arrived; the administration answers by {due} if you "
                  "gave an e-mail address.",
        },
        "accessibility.report.wait": {
            "de": "Sie haben gerade eine Meldung gesendet. Bitte warten Sie eine Minute bis zur nächsten; "
                  "Ihr Text ist erhalten.",
            "en": "You have just sent a report. Please wait a minute before the next one; your text is kept.",
        },
        "accessibility.inbox.title": {"de": "Gemeldete Barrieren", "en": "Reported barriers"},
        "accessibility.inbox.none": {"de": "Es sind keine Barrieren gemeldet.", "en": "No barriers have been reported."},
        "accessibility.inbox.summary": {
            "de": "{open} offen, davon {overdue} über der Frist von sechs Wochen · {answered} beantwortet",
            "en": "{open} open, {overdue} of them past the six-week limit · {answered} answered",
        },
        "accessibility.inbox.item": {
            "de": "Nr. {number} · {reported} · {state}",
            "en": "No. {number} · {reported} · {state}",
        },
        "accessibility.inbox.open": {"de": "offen, Antwort bis {due}", "en": "open, answer due {due}"},
        "accessibility.inbox.overdue": {"de": "offen, Frist am {due} abgelaufen", "en": "open, limit passed on {due}"},
        "accessibility.inbox.answered": {"de": "beantwortet am {day}", "en": "answered on {day}"},
        "accessibility.inbox.page": {"de": "Stelle: {page}", "en": "Where: {page}"},
        "accessibility.inbox.contact": {"de": "Antwort an: {contact}", "en": "Answer to: {contact}"},
        "accessibility.inbox.no_contact": {"de": "Keine E-Mail-Adresse angegeben.", "en": "No e-mail address given."},
        "accessibility.inbox.note": {"de": "Notiz zur Antwort (freiwillig)", "en": "Note on the answer (optional)"},
        "accessibility.inbox.answer": {"de": "Als beantwortet markieren", "en": "Mark as answered"},
        "accessibility.inbox.answered_note": {"de": "Notiz: {note}", "en": "Note: {note}"},
        "accessibility.inbox.done": {"de": "Die Meldung ist als beantwortet markiert; die E-Mail-Adresse ist gelöscht.",
                                     "en": "The report is marked as answered; the e-mail address is deleted."},
    }
)
