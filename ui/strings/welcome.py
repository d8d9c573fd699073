"""Strings of the start page while the database holds no plan yet (pages/willkommen.py, ui/welcome.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "welcome.public": {
            "de": "Hier ist noch kein Plan veröffentlicht. Sobald die Verwaltung ihren Plan eingetragen und "
                  "freigegeben hat, finden Sie ihn auf dieser Seite.",
            "en": "No plan has been published here yet. Once the administration has entered and released its "
                  "plan, you will find it on this page.",
        },
        "welcome.staff": {
            "de": "Mitarbeitende der Verwaltung melden sich an, um den Plan einzutragen und zu pflegen.",
            "en": "Staff of the administration sign in to enter and maintain the plan.",
        },
        "welcome.no_plan": {
            "de": "Im Cockpit ist noch kein Plan erfasst.",
            "en": "No plan has been entered in the cockpit yet.",
        },
        "welcome.wait": {
            "de": "Sobald die Administration den Plan eingetragen hat, finden Sie ihn hier. Ihr Konto ist "
                  "eingerichtet; unter „Mein Konto“ können Sie zum Beispiel Ihr Passwort ändern.",
            "en": "Once the administrators have entered the plan, you will find it here. Your account is ready; "
                  "under “My account” you can, for example, change your password.",
        },
        "welcome.admin.how": {
            "de": "So kommt ein Plan in das Cockpit:",
            "en": "This is how a plan gets into the cockpit:",
        },
        "welcome.admin.import.title": {"de": "Den eigenen Plan importieren", "en": "Import your own plan"},
        "welcome.admin.import": {
            "de": "Laden Sie auf der Seite „Import“ Ihren Plan als Excel-, CSV- oder JSON-Datei hoch und wählen "
                  "Sie bei „Wohin?“ „Als neuen Plan anlegen“. Vorlagen für Excel und CSV finden Sie dort zum "
                  "Herunterladen. Vor dem Speichern sehen Sie eine Vorschau; danach erscheint der Plan mit "
                  "allen Seiten des Cockpits.",
            "en": "On the page “Import”, upload your plan as an Excel, CSV or JSON file and choose “Create a new "
                  "plan” under “Where to?”. Templates for Excel and CSV can be downloaded there. You see a "
                  "preview before anything is saved; then the plan appears with all pages of the cockpit.",
        },
        "welcome.admin.import.link": {"de": "Zum Import", "en": "Go to the import"},
        "welcome.admin.example.title": {"de": "Erst die Beispieldaten ansehen", "en": "Look at the example first"},
        "welcome.admin.example": {
            "de": "Wer das Cockpit zuerst ausprobieren möchte, lässt auf dem Server "
                  "`python3 -m cli init --examples` ausführen und lädt diese Seite danach neu. Das legt frei "
                  "erfundene Beispielpläne an, die als „Beispieldaten“ gekennzeichnet sind.",
            "en": "To try the cockpit first, have `python3 -m cli init --examples` run on the server and reload "
                  "this page. This adds the invented example plans, marked as “example data”.",
        },
        "welcome.admin.accounts": {
            "de": "Konten für Kolleginnen und Kollegen legen Sie an, sobald ein Plan erfasst ist: auf der Seite "
                  "„Pflege“ unter „Konten“.",
            "en": "Accounts for colleagues can be created once a plan exists: on the page “Maintenance”, "
                  "tab “Accounts”.",
        },
    }
)
