"""The statistics import's refusals and notes in German and English (models.transfer.statistics).

`say(key, **params)` makes a models.texts.Message: German as a str (the command line), `.render(lang)` for the
screen. Row values and column headers are the file's own and stay as they are in both languages.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "missing_value": {"de": "kein Wert („{shown}“): bleibt leer, nicht 0",
                      "en": "no value (“{shown}”): stays empty, not 0"},
    "rows_not_picked": {"de": "{count} weitere Zeile(n) nicht gewählt", "en": "{count} further row(s) not chosen"},
    "no_values": {"de": "keine Werte: {rows} (nur fehlende Werte in den gewählten Spalten, nicht übernommen)",
                  "en": "no values: {rows} (only missing values in the chosen columns, not imported)"},
    "column_not_imported": {"de": "Spalte nicht übernommen", "en": "column not imported"},
    "no_period": {"de": "kein Zeitraum: Zeile nicht übernommen", "en": "no period: row not imported"},
    "unknown_rows": {"de": "Diese Zeilen gibt es in der Spalte „{key}“ nicht: {values}.",
                     "en": "These rows are not in the column “{key}”: {values}."},
    "unknown_columns": {"de": "Diese Spalten gibt es nicht (oder sie sind keine Wertespalten): {columns}. "
                              "Möglich sind: {allowed}.",
                        "en": "These columns do not exist (or hold no values): {columns}. Possible are: {allowed}."},
    "unknown_shape": {"de": "Die Form „{shape}“ gibt es nicht.", "en": "There is no shape “{shape}”."},
    "no_period_column": {"de": "In der Datei wurde keine Spalte mit Zeiträumen gefunden.",
                         "en": "The file has no column of periods."},
    "no_key_column": {"de": "In der Datei wurde keine Spalte gefunden, nach der sich Zeilen wählen lassen.",
                      "en": "The file has no column to choose rows by."},
    "no_column": {"de": "Bitte wählen Sie mindestens eine Spalte. Die Datei hat diese Wertespalten: {columns}. "
                        "Auf der Seite Import wählen Sie sie im Feld „Spalten“ bzw. „Zeiträume“, auf der "
                        "Kommandozeile mit --columns (mehrere: --columns wiederholen oder mit Semikolon trennen).",
                  "en": "Please choose at least one column. The file has these value columns: {columns}. On the "
                        "Import page choose them under “Spalten” or “Zeiträume”, on the command line with --columns "
                        "(several: repeat --columns or separate them by semicolons)."},
    "no_row": {"de": "Bitte wählen Sie mindestens eine Zeile. In der Spalte „{key}“ gibt es z. B. {rows}. Auf der "
                     "Seite Import wählen Sie sie im Feld „Zeilen“, auf der Kommandozeile mit --rows (mehrere: --rows "
                     "wiederholen; ohne Komma im Wert auch mit Komma getrennt).",
               "en": "Please choose at least one row. The column “{key}” has e.g. {rows}. On the Import page choose "
                     "them under “Zeilen”, on the command line with --rows (several: repeat --rows; values without a "
                     "comma may also be separated by commas)."},
    "same_period": {"de": "Diese Spalten nennen denselben Zeitraum: {columns}. Bitte wählen Sie eine Art von "
                          "Spalten (z. B. nur „Plan“ oder nur „Ergebnis“).",
                    "en": "These columns name the same period: {columns}. Please choose one kind of column (e.g. only "
                          "“Plan” or only “Ergebnis”)."},
    "repeated_period": {"de": "Der Zeitraum {period} käme zweimal in dieselbe Kennzahl (Zeilen {first} und {second}); "
                              "sie unterscheiden sich in: {columns}. Bitte wählen Sie diese Spalten als Kategorien.",
                        "en": "The period {period} would go into the same indicator twice (rows {first} and "
                              "{second}); they differ in: {columns}. Please choose these columns as categories."},
    "duplicate_rows": {"de": "Der Zeitraum {period} käme zweimal in dieselbe Kennzahl: die Zeilen {first} und {second} "
                             "sind in allen Spalten gleich (doppelte Zeilen). Bitte entfernen Sie eine davon aus der "
                             "Datei oder wählen Sie eine andere Wertespalte.",
                       "en": "The period {period} would go into the same indicator twice: rows {first} and {second} "
                             "are the same in every column (duplicate rows). Please remove one of them from the file "
                             "or choose another value column."},
    "flagged": {"de": "{count} Wert(e) mit Kennzeichen {flag} ({meaning}): {places}",
                "en": "{count} value(s) flagged {flag} ({meaning}): {places}"},
    "footnoted_year": {"de": "Spalte „{year}{mark}“ als Jahr {year} gelesen, mit Fußnote {mark}",
                       "en": "column “{year}{mark}” read as the year {year}, with footnote {mark}"},
    "no_stand": {"de": "Bitte geben Sie den Stand der Werte an (TT.MM.JJJJ).",
                 "en": "Please give the date the values refer to (DD.MM.YYYY)."},
    "would_change": {"de": "Achtung: Dieser Import würde {count} Kennzahl(en) ändern, die es im Plan schon gibt "
                           "(neuer Titel: {renamed}, vorhandene Werte überschrieben: {overwritten}): {indicators}{more}. "
                           "Ist die Datei eine neue Ausgabe derselben Statistik, werden sie aktualisiert; stammt sie "
                           "aus einer anderen Datei, geben Sie diesem Import bitte eine eigene Bezeichnung.",
                     "en": "Caution: this import would change {count} indicator(s) the plan already has (new title: "
                           "{renamed}, existing values overwritten: {overwritten}): {indicators}{more}. If the file is "
                           "a new edition of the same statistics, they are updated; if it comes from another file, "
                           "please give this import a name of its own."},
    "updated": {"de": "Wird aktualisiert: {count} vorhandene Kennzahl(en) dieses Plans ({values} Wert(e) neu oder "
                      "geändert): {indicators}{more}.",
                "en": "{count} existing indicator(s) will be updated ({values} value(s) new or changed): "
                      "{indicators}{more}."},
    "more": {"de": " und {count} weitere", "en": " and {count} more"},
}

say = Wording(WORDS)
