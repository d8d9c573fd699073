"""Strings of the page Export (pages/export.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.export": {"de": "Export", "en": "Export"},
        "export.intro": {
            "de": "Laden Sie den Plan zum gewählten Stand herunter: als Excel-Datei (ein Blatt je Ebene) oder als "
                  "CSV-Dateien in einem Zip-Archiv. Die Filter unten bestimmen, welche Maßnahmen und Sachstände "
                  "enthalten sind; Handlungsfelder, Leitziele, Jahresziele und Kennzahlen sind immer vollständig.",
            "en": "Download the plan as of the selected date: as an Excel workbook (one sheet per level) or as CSV "
                  "files in a zip archive. The filters below decide which measures and reports are included; action "
                  "fields, guiding goals, annual goals and indicators are always complete.",
        },
        "export.summary": {
            "de": "Stand {date} · Filter: {filters}",
            "en": "As of {date} · Filters: {filters}",
        },
        "export.public_note": {
            "de": "Öffentliche Ansicht: Die Dateien enthalten nur freigegebene Sachstände; kleine Personenzahlen "
                  "sind ausgelassen.",
            "en": "Public view: the files contain released reports only; small counts of people are left out.",
        },
        "export.excel": {"de": "Excel-Datei herunterladen", "en": "Download Excel workbook"},
        "export.excel_help": {
            "de": "Ein Blatt je Ebene mit deutschen Spaltennamen, echten Datumswerten und Filtern in der Kopfzeile; "
                  "das Blatt „Info“ nennt Plan, Stand und Filter.",
            "en": "One sheet per level with German column names, real dates and filters in the header row; the "
                  "sheet “Info” names plan, date and filters.",
        },
        "export.csv": {"de": "CSV-Dateien herunterladen (Zip)", "en": "Download CSV files (zip)"},
        "export.csv_help": {
            "de": "Eine CSV-Datei je Ebene: Semikolon als Trennzeichen, UTF-8 mit BOM, Datum als 31.12.2019 und "
                  "Dezimalkomma; Excel öffnet sie per Doppelklick richtig.",
            "en": "One CSV file per level: semicolon as delimiter, UTF-8 with BOM, dates as 31.12.2019 and decimal "
                  "comma, as German Excel expects.",
        },
        "export.backup.title": {"de": "Sicherung (nur Administration)", "en": "Backup (administrators only)"},
        "export.backup.intro": {
            "de": "Die JSON-Sicherung enthält alle Tabellen mit der ganzen Historie: Sachstände, Kennzahlen, "
                  "Sitzungen, Änderungsprotokoll und Konten. Zurückspielen mit "
                  "`python -m cli restore DATEI.json`.",
            "en": "The JSON backup holds every table with its whole history: reports, indicators, meetings, audit "
                  "trail and accounts. Restore with `python -m cli restore FILE.json`.",
        },
        "export.backup.warning": {
            "de": "Die Sicherung der ganzen Datenbank enthält Namen, E-Mail-Adressen und die verschlüsselten "
                  "Passwörter (Hashes) aller Konten: Bewahren Sie sie so sicher auf wie die Datenbank selbst.",
            "en": "The backup of the whole database contains names, e-mail addresses and the password hashes of "
                  "every account: keep it as safe as the database itself.",
        },
        "export.backup.database": {"de": "Ganze Datenbank sichern (JSON)", "en": "Back up the whole database (JSON)"},
        "export.backup.plan": {"de": "Nur diesen Plan sichern (JSON, ohne Passwörter)",
                               "en": "Back up this plan only (JSON, without passwords)"},
        "export.no_measures": {
            "de": "Dieser Plan hat noch keine Maßnahmen; die Dateien enthalten nur seine Struktur.",
            "en": "This plan has no measures yet; the files contain its structure only.",
        },
    }
)
