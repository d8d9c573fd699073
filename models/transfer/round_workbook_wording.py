"""The Excel round's workbook texts and refusals in German and English (models.transfer.round_workbook).

`say(key, **params)` makes a models.texts.Message: German as a str, `.render(lang)` for the screen. The workbook
itself is German (the layout the upload recognises).
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "empty": {"de": "Die Datei ist leer.", "en": "The file is empty."},
    "not_excel": {"de": "„{name}“ ist keine Excel-Datei. Die Rückmelde-Vorlage ist eine Excel-Datei (.xlsx): Laden Sie "
                        "bitte die ausgefüllte Vorlage hoch.",
                  "en": "“{name}” is not an Excel file. The report workbook is an Excel file (.xlsx): please upload "
                        "the filled workbook."},
    "not_template": {"de": "Diese Datei ist keine Rückmelde-Vorlage des Masterplan-Cockpits (sie hat die "
                           "Tabellenblätter {sheets}). Laden Sie bitte die Vorlage dieser Berichtsrunde herunter, "
                           "füllen Sie sie aus und laden Sie sie hier hoch. Pläne und Kennzahlen werden auf der Seite "
                           "„Import“ eingelesen.",
                     "en": "This file is not a report workbook of the Masterplan Cockpit (its sheets are {sheets}). "
                           "Please download this round's workbook, fill it in and upload it here. Plans and "
                           "indicators are read on the page “Import”."},
    "broken": {"de": "Die Angaben der Rückmelde-Vorlage sind beschädigt ({what}). Laden Sie bitte eine neue Vorlage "
                     "herunter und übertragen Sie Ihre Einträge.",
               "en": "The report workbook's details are damaged ({what}). Please download a new workbook and copy "
                     "your entries over."},
    "columns_moved": {"de": "Die Spalten der Rückmelde-Vorlage wurden verändert (erwartet in Zeile {row}: {expected}). "
                            "Laden Sie bitte eine neue Vorlage herunter und übertragen Sie Ihre Einträge.",
                      "en": "The report workbook's columns were changed (expected in row {row}: {expected}). Please "
                            "download a new workbook and copy your entries over."},
    "other_plan": {"de": "Diese Vorlage gehört zu einem anderen Plan („{plan}“). Wählen Sie bitte oben diesen Plan "
                         "oder laden Sie die Vorlage dieses Plans herunter.",
                   "en": "This workbook belongs to another plan (“{plan}”). Please choose that plan above or download "
                         "this plan's workbook."},
    "round_gone": {"de": "Die Berichtsrunde dieser Vorlage gibt es nicht mehr.",
                   "en": "This workbook's reporting round does not exist any more."},
    "round_over": {"de": "Die Berichtsrunde dieser Vorlage (Sitzung am {meeting}) ist beendet; Rückmeldungen mit "
                         "dieser Vorlage werden nicht mehr angenommen.",
                   "en": "This workbook's reporting round (meeting on {meeting}) has ended; reports with this "
                         "workbook are no longer accepted."},
    "other_organisation": {"de": "Diese Vorlage ist für „{theirs}“; Sie melden für „{yours}“. Laden Sie bitte die "
                                 "Vorlage Ihrer Organisation herunter.",
                           "en": "This workbook is for “{theirs}”; you report for “{yours}”. Please download your "
                                 "organisation's workbook."},
    "no_measure": {"de": "Die Zeile nennt keine Maßnahme der Vorlage; Einträge in eigenen Zeilen werden nicht "
                         "übernommen.",
                   "en": "The row names no measure of the workbook; entries in added rows are not taken."},
    "not_in_workbook": {"de": "Die Maßnahme gehört nicht zu den Maßnahmen, die {organisation} in dieser Runde meldet.",
                        "en": "The measure is not one of those {organisation} reports in this round."},
    "not_lead": {"de": "Die Maßnahme steht nicht (mehr) unter Federführung von {organisation}.",
                 "en": "The measure is not (any more) led by {organisation}."},
    "twice": {"de": "Die Maßnahme steht schon in Zeile {first}.", "en": "The measure is already in row {first}."},
    "status_missing": {"de": "Bitte wählen Sie einen Status.", "en": "Please choose a status."},
    "status_unknown": {"de": "„{raw}“ ist kein Status. Erlaubt sind: {allowed}.",
                       "en": "“{raw}” is not a status. Allowed are: {allowed}."},
    "progress_missing": {"de": "Bitte tragen Sie den Fortschritt ein (ganze Zahl von 0 bis 100).",
                         "en": "Please enter the progress (a whole number from 0 to 100)."},
    "progress_unreadable": {"de": "„{raw}“ ist keine ganze Zahl von 0 bis 100.",
                            "en": "“{raw}” is not a whole number from 0 to 100."},
    "field": {"de": "{column}: {message}", "en": "{column}: {message}"},
}

say = Wording(WORDS)
