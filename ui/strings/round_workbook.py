"""Strings of the Excel round (ui/round_workbook.py on Meine Maßnahmen and Berichtsrunde)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "round_workbook.title": {"de": "Per Excel melden", "en": "Report by Excel"},
        "round_workbook.intro": {
            "de": "Lieber in Excel? Laden Sie die Vorlage mit allen Maßnahmen herunter, die in dieser Runde zu melden "
                  "sind, füllen Sie die gelben Zellen aus und laden Sie die Datei hier wieder hoch. Vor dem Speichern "
                  "sehen Sie, was sich je Maßnahme ändert.",
            "en": "Prefer Excel? Download the workbook with every measure to report in this round, fill in the "
                  "yellow cells and upload the file here. Before saving you see what changes per measure.",
        },
        "round_workbook.nothing_owed": {
            "de": "In der Berichtsrunde zur Sitzung am {meeting} ist für {organisation} nichts mehr zu melden.",
            "en": "In the reporting round for the meeting on {meeting} nothing is left to report for {organisation}.",
        },
        "round_workbook.download": {"de": "Excel-Vorlage für diese Runde", "en": "Excel workbook for this round"},
        "round_workbook.download_help": {
            "de": "{count} Maßnahme(n) von {organisation}, Sitzung am {meeting}, Frist {deadline}.",
            "en": "{count} measure(s) of {organisation}, meeting on {meeting}, deadline {deadline}.",
        },
        "round_workbook.organisation": {"de": "Organisation", "en": "Organisation"},
        "round_workbook.office_intro": {
            "de": "Die Excel-Vorlage je Organisation (zum Versenden) und das Hochladen einer ausgefüllten Vorlage, "
                  "die per E-Mail zurückkam: gespeichert wird sie als Sachstände der Organisation, für die sie "
                  "erstellt wurde.",
            "en": "The Excel workbook per organisation (to send out) and the upload of a filled workbook that came "
                  "back by e-mail: it is saved as reports of the organisation it was made for.",
        },
        "round_workbook.upload": {"de": "Ausgefüllte Vorlage hochladen", "en": "Upload the filled workbook"},
        "round_workbook.upload_help": {
            "de": "Die Excel-Datei (.xlsx), die Sie hier heruntergeladen und ausgefüllt haben; höchstens {megabytes} MB.",
            "en": "The Excel file (.xlsx) you downloaded here and filled in; at most {megabytes} MB.",
        },
        "round_workbook.limits": {"de": "Höchstens {megabytes} MB · Dateityp: XLSX",
                                  "en": "At most {megabytes} MB · file type: XLSX"},
        "round_workbook.recognised": {
            "de": "Erkannt: Rückmelde-Vorlage von **{organisation}** zur Sitzung am {meeting}.",
            "en": "Recognised: report workbook of **{organisation}** for the meeting on {meeting}.",
        },
        "round_workbook.changes": {"de": "Das wird gemeldet ({count})", "en": "This will be reported ({count})"},
        "round_workbook.skipped": {"de": "{count} Zeile(n) leer gelassen: dazu wird nichts gemeldet.",
                                   "en": "{count} row(s) left empty: nothing is reported for them."},
        "round_workbook.problems": {
            "de": "Die Vorlage hat {count} Problem(e). Es wird nichts gespeichert, bis alle behoben sind. Bitte "
                  "korrigieren Sie die Zeilen in Excel und laden Sie die Datei erneut hoch:",
            "en": "The workbook has {count} problem(s). Nothing is saved until all are fixed. Please correct the "
                  "rows in Excel and upload the file again:",
        },
        "round_workbook.problem": {"de": "Zeile {row} ({code}): {text}", "en": "Row {row} ({code}): {text}"},
        "round_workbook.empty": {
            "de": "In der Vorlage ist keine Zeile ausgefüllt. Tragen Sie bitte in die gelben Zellen ein und laden Sie "
                  "die Datei erneut hoch.",
            "en": "No row of the workbook is filled. Please fill in the yellow cells and upload the file again.",
        },
        "round_workbook.save": {"de": "Speichern", "en": "Save"},
        "round_workbook.save_help": {
            "de": "Speichert jede ausgefüllte Zeile als Sachstand mit dem heutigen Datum – alle oder keine.",
            "en": "Saves every filled row as a report dated today – all or none.",
        },
        "round_workbook.saved": {
            "de": "{count} Sachstand/Sachstände von {organisation} aus der Excel-Vorlage gespeichert.",
            "en": "{count} report(s) of {organisation} saved from the Excel workbook.",
        },
        "round_workbook.col.row": {"de": "Zeile", "en": "Row"},
        "round_workbook.col.code": {"de": "Nr.", "en": "No."},
        "round_workbook.col.title": {"de": "Maßnahme", "en": "Measure"},
        "round_workbook.col.before": {"de": "Bisher", "en": "Before"},
        "round_workbook.col.after": {"de": "Neu", "en": "New"},
        "round_workbook.col.summary": {"de": "Sachstand", "en": "Status report"},
        "round_workbook.never": {"de": "bisher kein Sachstand", "en": "no report yet"},
        "round_workbook.state": {"de": "{status}, {progress} ({date})", "en": "{status}, {progress} ({date})"},
    }
)
