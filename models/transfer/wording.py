"""The import's problems in German and English (models.transfer.importer).

`say(key, **params)` makes a models.texts.Message: German as a str, `.render(lang)` for the screen. Sheet and
column names are the file's own (the German template) and stay as they are in both languages.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "where.file": {"de": "Datei „{name}“", "en": "File “{name}”"},
    "where.sheet": {"de": "Blatt „{name}“", "en": "Sheet “{name}”"},
    "where.row": {"de": "Zeile {row}", "en": "row {row}"},
    "where.column": {"de": "Spalte „{name}“", "en": "column “{name}”"},
    "refused": {"de": "Der Import wurde nicht ausgeführt: {count} Problem(e). Es wurde nichts gespeichert.",
                "en": "The import was not carried out: {count} problem(s). Nothing was saved."},
    "no_rows": {"de": "Die Datei enthält keine Datenzeilen unter der Kopfzeile. Es wurde nichts importiert.",
                "en": "The file has no data rows under the header row. Nothing was imported."},
    "too_long": {"de": "Der Text ist {length} Zeichen lang; erlaubt sind höchstens {limit} Zeichen.",
                 "en": "The text is {length} characters long; at most {limit} characters are allowed."},
    "required": {"de": "„{column}“ ist eine Pflichtangabe; die Zelle ist leer.",
                 "en": "“{column}” is required; the cell is empty."},
    "not_whole": {"de": "„{raw}“ ist keine ganze Zahl.", "en": "“{raw}” is not a whole number."},
    "not_number": {"de": "„{raw}“ ist keine Zahl (Beispiel: 1.234,5).", "en": "“{raw}” is not a number (example: 1.234,5)."},
    "left_out": {"de": "Blatt „{sheet}“: Spalte „{column}“ wird nicht übernommen",
                 "en": "Sheet “{sheet}”: column “{column}” is not imported"},
    "samples": {"de": "Spalte „{column}“ gelesen als: {values}", "en": "Column “{column}” read as: {values}"},
    "samples_more": {"de": "… und {count} weitere Zahlenspalte(n)",
                     "en": "… and {count} further number column(s)"},
    "decimal_ambiguous": {
        "de": "Spalte „{column}“: Bei Zahlen wie „{example}“ ist nicht zu erkennen, ob der Punkt ein Dezimalpunkt "
              "({as_decimal}) oder ein Tausenderpunkt ({as_whole}) ist. Bitte schreiben Sie die Zahlen in der Datei "
              "eindeutig (z. B. „{as_decimal}“ oder „{as_whole}“) und laden Sie sie erneut hoch.",
        "en": "Column “{column}”: for numbers such as “{example}” it is unclear whether the point is a decimal "
              "point ({as_decimal}) or a thousands separator ({as_whole}). Please write the numbers unambiguously "
              "in the file (e.g. “{as_decimal}” or “{as_whole}”) and upload it again."},
    "decimal_mixed": {
        "de": "Spalte „{column}“: Die Zahlen haben teils einen Dezimalpunkt, teils ein Dezimalkomma („{example}“). "
              "Bitte schreiben Sie alle Zahlen der Spalte gleich und laden Sie die Datei erneut hoch.",
        "en": "Column “{column}”: the numbers have partly a decimal point, partly a decimal comma (“{example}”). "
              "Please write all numbers of the column the same way and upload the file again."},
    "not_date": {"de": "„{raw}“ ist kein gültiges Datum (TT.MM.JJJJ, z. B. 31.12.2019).",
                 "en": "“{raw}” is not a valid date (DD.MM.YYYY, e.g. 31.12.2019)."},
    "not_yes_no": {"de": "„{raw}“ ist weder „ja“ noch „nein“.", "en": "“{raw}” is neither “ja” nor “nein”."},
    "not_allowed": {"de": "„{raw}“ ist kein erlaubter Wert. Erlaubt sind: {allowed}.",
                    "en": "“{raw}” is not an allowed value. Allowed are: {allowed}."},
    "unreadable": {"de": "„{raw}“ lässt sich nicht lesen.", "en": "“{raw}” cannot be read."},
    "below": {"de": "Der Wert {value} ist kleiner als erlaubt (mindestens {minimum}).",
              "en": "The value {value} is less than allowed (at least {minimum})."},
    "above": {"de": "Der Wert {value} ist größer als erlaubt (höchstens {maximum}).",
              "en": "The value {value} is greater than allowed (at most {maximum})."},
    "level_twice": {"de": "Die Ebene „{level}“ kommt schon im Blatt „{sheet}“ vor. Bitte importieren Sie jede Ebene "
                          "nur einmal.",
                    "en": "The level “{level}” already appears in the sheet “{sheet}”. Please import each level "
                          "only once."},
    "plan_gone": {"de": "Diesen Plan gibt es nicht (mehr).", "en": "This plan does not exist (any more)."},
    "plan_missing": {"de": "Bitte wählen Sie den Plan, in den importiert werden soll, oder geben Sie im Blatt „Info“ "
                           "das Plan-Kürzel an.",
                     "en": "Please choose the plan to import into, or give the plan's short name in the sheet "
                           "“Info”."},
    "slug_invalid": {"de": "Das Plan-Kürzel „{slug}“ ist ungültig: nur Kleinbuchstaben ohne Umlaute, Ziffern und "
                           "Bindestrich, höchstens 60 Zeichen.",
                     "en": "The plan's short name “{slug}” is invalid: only lower-case letters without umlauts, "
                           "digits and hyphen, at most 60 characters."},
    "field": {"de": "„{label}“: {message}", "en": "“{label}”: {message}"},
    "horizon": {"de": "Das Zieljahr „{raw}“ muss eine Jahreszahl zwischen {low} und {high} sein.",
                "en": "The target year “{raw}” must be a year between {low} and {high}."},
    "duplicate": {"de": "Diese Zeile kommt doppelt vor ({key}): schon in Zeile {row}. Bitte lassen Sie eine der "
                        "beiden weg.",
                  "en": "This row appears twice ({key}): already in row {row}. Please leave one of them out."},
    "code_invalid": {"de": "Der Code „{code}“ ist ungültig. {rule}", "en": "The code “{code}” is invalid. {rule}"},
    "reference_unknown": {"de": "„{key}“ gibt es weder in der Datei noch im Plan (gesucht in {where}).",
                          "en": "“{key}” exists neither in the file nor in the plan (looked in {where})."},
    "reference_ambiguous": {"de": "„{key}“ ist nicht eindeutig: es steht in {where}.",
                            "en": "“{key}” is ambiguous: it appears in {where}."},
    "decision_date": {"de": "Ein priorisiertes Jahresziel braucht das Datum des Kreistagsbeschlusses.",
                      "en": "A prioritised annual goal needs the date of the council decision."},
    "carry_over_reason": {"de": "Bei einer Übertragung ist die Begründung Pflicht.",
                          "en": "A carry-over needs a reason."},
    "target_date": {"de": "Das Zieldatum muss nach dem Ausgangsdatum liegen.",
                    "en": "The target date must be after the baseline date."},
    "due_before_start": {"de": "Das Fälligkeitsdatum liegt vor dem Beginn.", "en": "The due date is before the start."},
    "lead_as_partner": {"de": "„{lead}“ hat die Federführung und kann nicht zugleich Partner sein.",
                        "en": "“{lead}” leads the measure and cannot also be a partner."},
    "completed_full": {"de": "„abgeschlossen“ bedeutet 100 % Fortschritt, hier stehen {progress} %.",
                       "en": "“abgeschlossen” means 100 % progress, here it is {progress} %."},
    "full_completed": {"de": "100 % Fortschritt gibt es nur mit dem Status „abgeschlossen“ (hier „{status}“).",
                       "en": "100 % progress goes only with the status “abgeschlossen” (here “{status}”)."},
    "report_future": {"de": "Das Datum des Sachstands liegt in der Zukunft.",
                      "en": "The date of the status report is in the future."},
    "cycle": {"de": "Die Übertragungen bilden einen Kreis: {codes}.", "en": "The carry-overs form a circle: {codes}."},
}

say = Wording(WORDS)
