"""Strings of the page Import (pages/import.py, ui/import_*.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.import": {"de": "Import", "en": "Import"},
        "import.admin_only": {
            "de": "Daten importiert nur die Administration.",
            "en": "Only administrators can import data.",
        },
        "import.intro": {
            "de": "Bringen Sie einen ganzen Plan oder eine Ebene (z. B. nur Sachstände oder Kennzahlwerte) aus "
                  "Excel oder CSV ins Cockpit. Sie sehen vor dem Speichern, was neu ist, was sich ändert und was "
                  "nicht passt. Gespeichert wird alles oder nichts.",
            "en": "Bring a whole plan or one level (e.g. only status reports or indicator values) in from Excel "
                  "or CSV. Before anything is saved you see what is new, what changes and what does not fit. "
                  "Everything is saved, or nothing.",
        },
        "import.templates": {"de": "Vorlagen", "en": "Templates"},
        "import.templates.help": {
            "de": "Die Vorlage hat ein Blatt je Ebene mit den Spaltenköpfen und ein Blatt „Erläuterungen“, das "
                  "jede Spalte beschreibt. Exporte des Cockpits lassen sich unverändert wieder importieren.",
            "en": "The template has one sheet per level with the column headers and a sheet “Erläuterungen” "
                  "describing every column. The cockpit's exports can be imported again unchanged.",
        },
        "import.template.excel": {"de": "Excel-Vorlage herunterladen", "en": "Download Excel template"},
        "import.template.csv": {"de": "CSV-Vorlage (Zip) herunterladen", "en": "Download CSV template (zip)"},
        "import.step.file": {"de": "1. Datei wählen", "en": "1. Choose a file"},
        "import.upload": {"de": "Excel-, CSV-, TSV-, Zip- oder JSON-Datei", "en": "Excel, CSV, TSV, zip or JSON file"},
        "import.upload.limits": {"de": "Höchstens {megabytes} MB je Datei · Dateitypen: {types}",
                                 "en": "At most {megabytes} MB per file · file types: {types}"},
        "import.upload.help": {
            "de": "Excel (.xlsx), CSV mit Semikolon oder Komma (UTF-8 oder Windows-Zeichensatz) oder ein Zip mit "
                  "CSV-Dateien; höchstens {megabytes} MB und {rows} Zeilen je Tabelle.",
            "en": "Excel (.xlsx), CSV with semicolon or comma (UTF-8 or Windows encoding) or a zip of CSV files; "
                  "at most {megabytes} MB and {rows} rows per table.",
        },
        "import.unreadable": {"de": "Die Datei lässt sich nicht lesen: {reason}", "en": "The file cannot be read: {reason}"},
        "import.file_summary": {
            "de": "Gelesen: {tables}",
            "en": "Read: {tables}",
        },
        "import.table_summary": {"de": "„{name}“ ({rows} Zeilen)", "en": "“{name}” ({rows} rows)"},
        "import.scope": {"de": "Was importieren Sie?", "en": "What do you import?"},
        "import.scope.all": {"de": "Ganzen Plan (alle erkannten Blätter)", "en": "Whole plan (every sheet found)"},
        "import.scope.level": {"de": "Nur: {level}", "en": "Only: {level}"},
        "import.target": {"de": "Wohin?", "en": "Where to?"},
        "import.target.current": {"de": "In den gewählten Plan „{name}“", "en": "Into the selected plan “{name}”"},
        "import.target.new": {"de": "Als neuen Plan anlegen", "en": "Create a new plan"},
        "import.new.slug": {"de": "Kürzel des neuen Plans", "en": "Short name of the new plan"},
        "import.new.slug.help": {
            "de": "Kleinbuchstaben, Ziffern und Bindestrich, z. B. landkreis-musterstadt. Leer: aus dem Blatt Info.",
            "en": "Lower-case letters, digits and hyphens, e.g. landkreis-musterstadt. Empty: from the Info sheet.",
        },
        "import.new.name": {"de": "Name des neuen Plans", "en": "Name of the new plan"},
        "import.new.owner": {"de": "Träger", "en": "Owner"},
        "import.step.mapping": {"de": "2. Spalten zuordnen", "en": "2. Map the columns"},
        "import.mapping.help": {
            "de": "Für jede Spalte der Datei ist die passende Spalte des Cockpits vorgeschlagen. Ändern Sie die "
                  "Zuordnung, wo sie nicht stimmt; „nicht importieren“ lässt eine Spalte weg.",
            "en": "For each column of the file the matching column of the cockpit is proposed. Change the "
                  "mapping where it is wrong; “do not import” leaves a column out.",
        },
        "import.mapping.sheet": {"de": "Blatt „{sheet}“ → {level}", "en": "Sheet “{sheet}” → {level}"},
        "import.mapping.level": {"de": "Ebene dieses Blatts", "en": "Level of this sheet"},
        "import.mapping.skip_sheet": {"de": "– Blatt nicht importieren –", "en": "– do not import this sheet –"},
        "import.mapping.ignore": {"de": "– nicht importieren –", "en": "– do not import –"},
        "import.mapping.column": {"de": "Spalte „{header}“", "en": "Column “{header}”"},
        "import.mapping.example": {"de": "z. B. {values}", "en": "e.g. {values}"},
        "import.mapping.wide": {
            "de": "Breites Format erkannt: Die Spalten {periods} sind Zeitpunkte; jede Zelle wird ein Messwert "
                  "(ein Jahr gilt zum 31.12., ein Monat zu seinem letzten Tag).",
            "en": "Wide layout found: the columns {periods} are points in time; every cell becomes a value "
                  "(a year counts as of 31 December, a month as of its last day).",
        },
        "import.mapping.constant": {
            "de": "Wert für alle Zeilen: {header}",
            "en": "Value for every row: {header}",
        },
        "import.mapping.constant.help": {
            "de": "Die Datei hat keine Spalte dafür. Geben Sie einen Wert an, der für jede Zeile gilt.",
            "en": "The file has no column for it. Give a value that applies to every row.",
        },
        "import.mapping.none": {
            "de": "In der Datei wurde kein Blatt erkannt. Wählen Sie oben eine Ebene.",
            "en": "No sheet of the file was recognised. Choose a level above.",
        },
        "import.step.preview": {"de": "3. Vorschau", "en": "3. Preview"},
        "import.preview.button": {"de": "Vorschau erstellen", "en": "Create preview"},
        "import.preview.stale": {
            "de": "Sie haben seit der Vorschau etwas geändert. Erstellen Sie die Vorschau bitte neu.",
            "en": "You changed something since the preview. Please create the preview again.",
        },
        "import.preview.plan": {"de": "Plan: {name} [{slug}] – {state}", "en": "Plan: {name} [{slug}] – {state}"},
        "import.preview.plan.new": {"de": "wird neu angelegt", "en": "will be created"},
        "import.new_plan_private": {
            "de": "Der neue Plan ist noch nicht öffentlich: Besucherinnen und Besucher ohne Anmeldung sehen ihn erst, "
                  "wenn Sie ihn unter Verwaltung → Einstellungen mit „Öffentliche Ansicht an“ freigeben.",
            "en": "The new plan is not public yet: visitors who are not signed in see it only once you switch on "
                  "“Public view on” under Administration → Settings."},
        "import.preview.plan.existing": {"de": "vorhanden", "en": "existing"},
        "import.col.level": {"de": "Ebene", "en": "Level"},
        "import.col.new": {"de": "neu", "en": "new"},
        "import.col.changed": {"de": "geändert", "en": "changed"},
        "import.col.unchanged": {"de": "unverändert", "en": "unchanged"},
        "import.col.sheet": {"de": "Blatt", "en": "Sheet"},
        "import.col.row": {"de": "Zeile", "en": "Row"},
        "import.col.column": {"de": "Spalte", "en": "Column"},
        "import.col.problem": {"de": "Problem", "en": "Problem"},
        "import.col.key": {"de": "Schlüssel", "en": "Key"},
        "import.col.what": {"de": "Was", "en": "What"},
        "import.col.changes": {"de": "Änderungen", "en": "Changes"},
        "import.problems": {
            "de": "{count} Problem(e): Es wird nichts gespeichert, bis alle behoben sind. Korrigieren Sie die "
                  "Datei oder die Zuordnung und erstellen Sie die Vorschau neu.",
            "en": "{count} problem(s): nothing is saved until all are solved. Correct the file or the mapping "
                  "and create the preview again.",
        },
        "import.no_problems": {"de": "Keine Probleme gefunden.", "en": "No problems found."},
        "import.counts.refused": {
            "de": "Wegen der Probleme unten wird nichts gespeichert (darum keine Zahlen, was neu oder geändert wäre).",
            "en": "Because of the problems below nothing is saved (hence no counts of what would be new or changed).",
        },
        "import.counts.none": {"de": "Die Datei enthält keine Zeilen für den Plan.",
                               "en": "The file holds no rows for the plan."},
        "import.left_out": {"de": "Nicht übernommen ({count} Spalten):", "en": "Not imported ({count} columns):"},
        "import.nothing_to_do": {
            "de": "Nichts zu ändern: Der Plan entspricht bereits der Datei.",
            "en": "Nothing to change: the plan already matches the file.",
        },
        "import.changes": {"de": "Neue und geänderte Zeilen ({count})", "en": "New and changed rows ({count})"},
        "import.changes.more": {"de": "… und {count} weitere", "en": "… and {count} more"},
        "import.step.confirm": {"de": "4. Importieren", "en": "4. Import"},
        "import.confirm": {"de": "Jetzt importieren", "en": "Import now"},
        "import.running": {"de": "Import läuft …", "en": "Import running …"},
        "import.done": {
            "de": "Import gespeichert: {rows} Zeile(n) neu oder geändert. Jede Änderung steht im Änderungsprotokoll.",
            "en": "Import saved: {rows} rows new or changed. Every change is in the audit trail.",
        },
        "import.done.nothing": {
            "de": "Import abgeschlossen: Es gab nichts zu ändern.",
            "en": "Import finished: there was nothing to change.",
        },
        "import.refused": {
            "de": "Es wurde nichts gespeichert: {count} Problem(e). Ihre Auswahl ist erhalten.",
            "en": "Nothing was saved: {count} problem(s). Your choices are kept.",
        },
        "import.failed": {
            "de": "Es wurde nichts gespeichert: {reason} Ihre Auswahl ist erhalten.",
            "en": "Nothing was saved: {reason} Your choices are kept.",
        },
        "import.database_failed": {
            "de": "Es wurde nichts gespeichert: Die Datenbank hat die Daten nicht angenommen. Ihre Auswahl ist "
                  "erhalten. Bitte prüfen Sie die Datei und erstellen Sie die Vorschau neu; tritt der Fehler wieder "
                  "auf, wenden Sie sich an die Betreuung des Servers.",
            "en": "Nothing was saved: the database did not accept the data. Your choices are kept. Please check "
                  "the file and create the preview again; if the error persists, contact the server's support.",
        },
        "import.switch_plan": {
            "de": "Wählen Sie den Plan „{name}“ oben in der Planauswahl, um ihn anzusehen.",
            "en": "Choose the plan “{name}” in the plan selector above to look at it.",
        },
        "import.yes": {"de": "ja", "en": "yes"},
        "import.action.new": {"de": "neu", "en": "new"},
        "import.action.changed": {"de": "geändert", "en": "changed"},
    }
)
