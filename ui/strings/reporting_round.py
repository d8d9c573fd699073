"""Strings of the page Berichtsrunde (pages/berichtsrunde.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "reporting_round.intro": {
            "de": "Vor einer Sitzung: Welche laufenden Maßnahmen haben seit der letzten Sitzung noch keinen "
                  "Sachstand gemeldet? Für jede Organisation steht ein Erinnerungstext zum Kopieren bereit.",
            "en": "Before a meeting: which running measures have not reported since the last meeting? For each "
                  "organisation a reminder is ready to copy.",
        },
        "reporting_round.meeting": {"de": "Sitzung", "en": "Meeting"},
        "reporting_round.meeting_option": {"de": "{date} · {body}{title}", "en": "{date} · {body}{title}"},
        "reporting_round.other": {"de": "Anderes Datum …", "en": "Other date …"},
        "reporting_round.until": {"de": "Stichtag", "en": "Cut-off date"},
        "reporting_round.since": {"de": "Sachstände gezählt ab (Tag nach)", "en": "Reports counted after"},
        "reporting_round.since_help": {
            "de": "Vorgabe: die vorige Sitzung. Sachstände, die nach diesem Tag gemeldet wurden, zählen.",
            "en": "Default: the previous meeting. Reports dated after this day count.",
        },
        "reporting_round.since_after_until": {
            "de": "Der Beginn des Zeitraums muss vor dem Stichtag liegen; verwendet wird der {date}.",
            "en": "The start must lie before the cut-off date; using {date}.",
        },
        "reporting_round.window": {
            "de": "Gesucht: laufende Maßnahmen ohne Sachstand zwischen dem {since} und dem {until}.",
            "en": "Looking for running measures without a report between {since} and {until}.",
        },
        "reporting_round.owed": {"de": "Offene Sachstände", "en": "Reports owed"},
        "reporting_round.organisations": {"de": "Organisationen", "en": "Organisations"},
        "reporting_round.stale": {"de": "davon veraltet", "en": "of which stale"},
        "reporting_round.none": {
            "de": "Alle laufenden Maßnahmen haben seit dem {since} einen Sachstand gemeldet. Es ist keine "
                  "Erinnerung nötig.",
            "en": "Every running measure has reported since {since}. No reminder is needed.",
        },
        "reporting_round.no_lead": {"de": "ohne Federführung", "en": "without lead organisation"},
        "reporting_round.group": {"de": "{organisation} ({count} Maßnahmen)", "en": "{organisation} ({count} measures)"},
        "reporting_round.group_one": {"de": "{organisation} (1 Maßnahme)", "en": "{organisation} (1 measure)"},
        "reporting_round.col.code": {"de": "Nr.", "en": "Code"},
        "reporting_round.col.title": {"de": "Maßnahme", "en": "Measure"},
        "reporting_round.col.status": {"de": "Status", "en": "Status"},
        "reporting_round.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "reporting_round.col.last_report": {"de": "Letzter Sachstand", "en": "Last report"},
        "reporting_round.col.light": {"de": "Ampel", "en": "Traffic light"},
        "reporting_round.col.flag": {"de": "Hinweis", "en": "Note"},
        "reporting_round.flag.stale": {"de": "veraltet", "en": "stale"},
        "reporting_round.reminder": {"de": "Erinnerungstext zum Kopieren", "en": "Reminder to copy"},
        "reporting_round.subject": {"de": "Betreff: {subject}", "en": "Subject: {subject}"},
        "reporting_round.mail": {"de": "E-Mail schreiben ({count} Empfänger)", "en": "Write an e-mail ({count} recipients)"},
        "reporting_round.recipients": {"de": "An: {names}", "en": "To: {names}"},
        "reporting_round.mail_help": {
            "de": "Öffnet Ihr E-Mail-Programm mit Empfängern, Betreff und Text.",
            "en": "Opens your e-mail program with recipients, subject and text.",
        },
        "reporting_round.no_contacts": {
            "de": "Für diese Organisation ist kein Konto mit E-Mail-Adresse hinterlegt: Bitte kopieren Sie den "
                  "Text in eine eigene E-Mail.",
            "en": "This organisation has no account with an e-mail address: please copy the text into an e-mail.",
        },
        "reporting_round.no_lead_hint": {
            "de": "Diese Maßnahmen haben keine Federführung. Bitte ergänzen Sie sie unter „Pflege“.",
            "en": "These measures have no lead organisation. Please add one under “Maintenance”.",
        },
        "reporting_round.panel": {"de": "Berichtsrunde mit E-Mails", "en": "Reporting round with e-mails"},
        "reporting_round.deadline": {
            "de": "Eröffnen Sie die Berichtsrunde für diese Sitzung: Die Federführungen erhalten eine E-Mail mit ihren "
                  "Maßnahmen und Links zum Formular, eine Erinnerung vor der Frist und eine am {deadline} "
                  "({days} Tage vor der Sitzung). Danach geht einmal eine Nachricht an die Verwaltung.",
            "en": "Open the reporting round for this meeting: the project leads receive an e-mail with their measures "
                  "and links to the form, a reminder before the deadline and one on {deadline} ({days} days before "
                  "the meeting). After it one message goes to the administration.",
        },
        "reporting_round.open_button": {"de": "Berichtsrunde eröffnen", "en": "Open reporting round"},
        "reporting_round.opened_now": {
            "de": "Die Berichtsrunde ist eröffnet; Frist {deadline}. Die E-Mails verschickt der Erinnerungsdienst bei "
                  "seinem nächsten Lauf.",
            "en": "The reporting round is open; deadline {deadline}. The reminder job sends the e-mails on its next run.",
        },
        "reporting_round.reaches_nobody": {
            "de": "Diese Runde erreicht niemanden: Keine der Organisationen, die einen Sachstand schulden ({names}), "
                  "hat ein Konto mit E-Mail-Adresse, das Erinnerungen erhält, oder eine Kontaktadresse. Tragen Sie "
                  "unter „Pflege“ bei den Organisationen eine Kontaktadresse ein, oder schreiben Sie ihnen selbst mit "
                  "dem Text unten.",
            "en": "This round reaches nobody: none of the organisations that owe a report ({names}) has an account "
                  "with an e-mail address that takes reminders, or a contact address. Add a contact address to the "
                  "organisations under “Maintenance”, or write to them yourself with the text below.",
        },
        "reporting_round.unreached": {
            "de": "Ohne E-Mail-Adresse (kein Konto, das Erinnerungen erhält, keine Kontaktadresse): {names}. Diese "
                  "Organisationen erhalten keine E-Mail; schreiben Sie ihnen selbst mit dem Text unten.",
            "en": "Without an e-mail address (no account that takes reminders, no contact address): {names}. These "
                  "organisations get no e-mail; write to them yourself with the text below.",
        },
        "reporting_round.reach": {
            "de": "Die E-Mails der Runde gehen an {addresses} Empfänger aus {organisations} von {owing} "
                  "Organisationen, die einen Sachstand schulden.",
            "en": "The round's e-mails go to {addresses} recipients in {organisations} of the {owing} organisations "
                  "that owe a report.",
        },
        "reporting_round.open": {
            "de": "Berichtsrunde eröffnet am {opened} von {by}; Frist {deadline}; bisher {mails} E-Mails verschickt.",
            "en": "Reporting round opened on {opened} by {by}; deadline {deadline}; {mails} e-mails sent so far.",
        },
        "reporting_round.closed": {
            "de": "Berichtsrunde (eröffnet am {opened} von {by}, Frist {deadline}) ist beendet; {mails} E-Mails "
                  "wurden verschickt.",
            "en": "Reporting round (opened on {opened} by {by}, deadline {deadline}) has ended; {mails} e-mails "
                  "were sent.",
        },
        "reporting_round.close": {"de": "Berichtsrunde beenden (keine weiteren E-Mails)",
                                  "en": "End reporting round (no more e-mails)"},
        "reporting_round.closed_now": {"de": "Die Berichtsrunde ist beendet; es gehen keine E-Mails mehr hinaus.",
                                       "en": "The reporting round has ended; no more e-mails go out."},
        "reporting_round.mail_job": {
            "de": "Die E-Mails verschickt der Erinnerungsdienst (python3 -m cli reminders send, stündlich per "
                  "Zeitplan); jede E-Mail nur einmal.",
            "en": "The reminder job sends the e-mails (python3 -m cli reminders send, hourly by timer); each only once.",
        },
        "reporting_round.no_mail": {
            "de": "Es ist kein Mailserver eingerichtet: Die Erinnerungen gehen nicht von selbst hinaus. Schreiben Sie "
                  "den Federführungen mit den E-Mail-Links unten; die Einrichtung beschreibt die README "
                  "(Abschnitt E-Mail).",
            "en": "No mail server is set up: the reminders do not go out by themselves. Write to the project leads "
                  "with the e-mail links below; the README describes the setup (section e-mail).",
        },
        "account.reminders": {"de": "E-Mails der Berichtsrunden erhalten", "en": "Receive the reporting rounds' e-mails"},
        "account.reminders.help": {
            "de": "Einladungen und Erinnerungen, wenn Ihre Organisation Sachstände schuldet. Ausgeschaltet erhalten "
                  "Sie keine mehr; die Seite „Meine Maßnahmen“ zeigt weiter, was fällig ist.",
            "en": "Invitations and reminders when your organisation owes reports. Switched off, you receive none; "
                  "the page “My measures” still shows what is due.",
        },
        "account.reminders.on": {"de": "Sie erhalten wieder die E-Mails der Berichtsrunden.",
                                 "en": "You receive the reporting rounds' e-mails again."},
        "account.reminders.off": {"de": "Sie erhalten keine E-Mails der Berichtsrunden mehr.",
                                  "en": "You no longer receive the reporting rounds' e-mails."},
    }
)
