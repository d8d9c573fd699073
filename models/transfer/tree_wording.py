"""The tree import's problems and notes in German and English (models.transfer.tree).

`say(key, **params)` makes a models.texts.Message, like models.transfer.wording does for the importer.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "no_column": {"de": "Die Spalte „{column}“ gibt es in der Datei nicht.",
                  "en": "The file has no column “{column}”."},
    "choose_column": {"de": "Bitte wählen Sie die Spalte für {what}.", "en": "Please choose the column for {what}."},
    "unknown_parent": {"de": "Die übergeordnete Zeile „{parent}“ gibt es in der Datei nicht.",
                       "en": "The parent row “{parent}” is not in the file."},
    "parent_cycle": {"de": "Die Zeile ist (über andere Zeilen) ihre eigene übergeordnete Zeile.",
                     "en": "The row is (through other rows) its own parent."},
    "duplicate_id": {"de": "„{id}“ steht schon in Zeile {first}; jede Zeile braucht eine eigene Kennung.",
                     "en": "“{id}” is already in row {first}; every row needs an id of its own."},
    "report_without_measure": {"de": "Die Zeile hat keine Kennung und steht unter keiner Maßnahme; sie wird "
                                     "weder als Eintrag noch als Sachstand verstanden.",
                               "en": "The row has no id and is not below a measure; it is neither an entry nor a "
                                     "status report."},
    "depth_unmapped": {"de": "Die Zeile steht in Tiefe {depth}; diese Tiefe ist keiner Ebene zugeordnet.",
                       "en": "The row is at depth {depth}; no level is assigned to this depth."},
    "level_missing": {"de": "Die Datei hat keine Ebene „{level}“. Bitte wählen Sie, wie sie entstehen soll "
                            "(ein Platzhalter oder je Jahr ein Jahresziel).",
                      "en": "The file has no level “{level}”. Please choose how it is to be made up "
                            "(a placeholder, or one annual goal per year)."},
    "no_measures": {"de": "Keiner Tiefe ist die Ebene „Maßnahmen“ zugeordnet.",
                    "en": "No depth is assigned to the level “Maßnahmen”."},
    "label_undated": {"de": "Für die Bezeichnung „{label}“ ist kein Datum angegeben.",
                      "en": "No date is given for the label “{label}”."},
    "status_unmapped": {"de": "Für den Statuswert „{value}“ ist kein Status gewählt.",
                        "en": "No status is chosen for the status value “{value}”."},
    "status_missing": {"de": "Der Sachstand hat keinen Status, und für Sachstände ohne Status ist keiner gewählt.",
                       "en": "The status report has no status, and none is chosen for reports without one."},
    "reports_without_figure": {
        "de": "{count} Sachstände nennen keinen Fortschritt in Prozent: Sie werden ohne Angabe übernommen "
              "(„keine Angabe“, nicht 0 %; ein abgeschlossener zählt als 100 %).",
        "en": "{count} status reports name no progress in percent: they are imported without one (“not given”, "
              "not 0 %; a completed one counts as 100 %)."},
    "no_status": {"de": "Kein Status gewählt: alle Sachstände erhalten „{status}“.",
                  "en": "No status chosen: every status report gets “{status}”."},
    "no_status_some": {"de": "Kein Status gewählt: {count} Sachstände ohne Status und ohne Fortschritt erhalten "
                             "„{status}“.",
                       "en": "No status chosen: {count} status reports without a status and without progress get "
                             "“{status}”."},
    "status_from_figure": {
        "de": "{count} Sachstände haben einen Fortschritt, aber keinen Status: Der Fortschritt wird übernommen, der "
              "Status aus ihm abgeleitet (0 % geplant, 1 bis 99 % in Umsetzung, 100 % abgeschlossen).",
        "en": "{count} status reports have a progress figure but no status: the figure is imported, the status "
              "derived from it (0 % planned, 1 to 99 % in progress, 100 % completed)."},
    "dropped": {"de": "Spalte „{column}“: Werte in {rows} Zeilen der Ebene „{level}“ werden nicht übernommen "
                      "(nur Maßnahmen haben Status, Fortschritt und Federführung)",
                "en": "Column “{column}”: values in {rows} rows of the level “{level}” are not imported (only "
                      "measures have a status, progress and lead)"},
    "titles_shortened": {
        "de": "{count} Titel sind länger als erlaubt: Sie werden an einer Wortgrenze mit „…“ gekürzt; der ganze Text "
              "steht vorne in der Beschreibung (alle Ebenen des Baums haben eine Beschreibung).",
        "en": "{count} titles are longer than allowed: they are shortened at a word boundary with “…”; the whole "
              "text comes first in the description (every level of the tree has a description)."},
    "title_id_like": {"de": "Die Spalte „{column}“ enthält als Titel nur Kennungen oder Zahlen. Bitte prüfen Sie, "
                            "ob eine andere Spalte die Titel enthält.",
                      "en": "The column “{column}” holds only ids or numbers as titles. Please check whether "
                            "another column holds the titles."},
    "no_columns": {"de": "Diese Spalten der Zuordnung gibt es in der Datei nicht: {columns}.",
                   "en": "The file lacks these columns of the mapping: {columns}."},
    "no_status_cli": {"de": "Keine Statusspalte gewählt: alle Sachstände erhielten „{status}“. Geben Sie eine "
                            "Statusspalte in der Zuordnung an oder bestätigen Sie mit --default-status „{status}“ "
                            "(oder einem anderen Status).",
                      "en": "No status column chosen: every status report would get “{status}”. Name a status "
                            "column in the mapping or confirm with --default-status “{status}” (or another "
                            "status)."},
    "left_out": {"de": "Spalte „{column}“ wird nicht übernommen", "en": "Column “{column}” is not imported"},
    "status_undated": {"de": "Die Maßnahme hat einen Status, aber keinen Sachstand mit Datum. Bitte geben Sie "
                             "den Stand der Datei an.",
                       "en": "The measure has a status but no dated report. Please give the file's date."},
    "not_whole": {"de": "„{raw}“ ist keine ganze Zahl.", "en": "“{raw}” is not a whole number."},
    "skip.blank": {"de": "Leerzeile", "en": "blank line"},
    "skip.empty": {"de": "ohne Titel und ohne Text", "en": "no title and no text"},
    "generated": {"de": "(erzeugt)", "en": "(made up)"},
}

say = Wording(WORDS)
