"""Strings of the Import page's tree path (ui/plan_import/tree.py): a whole plan as one tree in one sheet."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "import.tree.sheet": {"de": "Blatt mit dem Plan", "en": "Sheet holding the plan"},
        "import.tree.structure": {"de": "Woran erkennt man in der Datei die Ebenen?",
                                  "en": "How does the file show the levels?"},
        "import.tree.structure.parent": {"de": "Kennung und übergeordnete Kennung",
                                         "en": "Id and parent id"},
        "import.tree.structure.code": {"de": "Code, dessen Anfang der übergeordnete Code ist (1 → 1.2 → 1.2.3)",
                                       "en": "Code that begins with its parent's code (1 → 1.2 → 1.2.3)"},
        "import.tree.structure.indent": {"de": "Einrückung", "en": "Indentation"},
        "import.tree.structure.columns": {"de": "Kategorie-Spalten (z. B. Kategorie, Unterkategorie)",
                                          "en": "Category columns (e.g. category, subcategory)"},
        "import.tree.none": {"de": "– keine –", "en": "– none –"},
        "import.tree.col.id": {"de": "Kennung", "en": "Id"},
        "import.tree.col.parent": {"de": "Übergeordnete Kennung", "en": "Parent id"},
        "import.tree.col.code": {"de": "Code", "en": "Code"},
        "import.tree.col.indent": {"de": "Eingerückte Spalte", "en": "Indented column"},
        "import.tree.indent_source": {"de": "Einrückung durch", "en": "Indented by"},
        "import.tree.indent.spaces": {"de": "Leerzeichen oder Excel-Einzug", "en": "Spaces or Excel indent"},
        "import.tree.indent.outline": {"de": "Excel-Gliederungsebene", "en": "Excel outline level"},
        "import.tree.col.levels": {"de": "Kategorie-Spalten, von oben nach unten", "en": "Category columns, top down"},
        "import.tree.col.title": {"de": "Titel", "en": "Title"},
        "import.tree.col.text": {"de": "Beschreibung / Text des Sachstands", "en": "Description / report text"},
        "import.tree.col.label": {"de": "Bezeichnung des Sachstands (z. B. „Sachstand 2015“)",
                                  "en": "Report label (e.g. “Sachstand 2015”)"},
        "import.tree.col.label.help": {"de": "Leer: steht in der Titel-Spalte.",
                                       "en": "Empty: it is in the title column."},
        "import.tree.col.status": {"de": "Status oder Ampel", "en": "Status or traffic light"},
        "import.tree.col.progress": {"de": "Fortschritt (%)", "en": "Progress (%)"},
        "import.tree.col.lead": {"de": "Federführung", "en": "Lead organisation"},
        "import.tree.col.year": {"de": "Jahr (der Jahresziele)", "en": "Year (of the annual goals)"},
        "import.tree.depths": {"de": "Welche Tiefe ist welche Ebene?", "en": "Which depth is which level?"},
        "import.tree.depth": {"de": "Tiefe {depth} ({rows} Zeilen, z. B. „{example}“)",
                              "en": "Depth {depth} ({rows} rows, e.g. “{example}”)"},
        "import.tree.level.report": {"de": "Sachstand (Zeile unter einer Maßnahme)",
                                     "en": "Status report (row below a measure)"},
        "import.tree.level.unused": {"de": "– nicht zugeordnet –", "en": "– not assigned –"},
        "import.tree.missing": {"de": "Ebene „{level}“ fehlt in der Datei. Sie entsteht so:",
                                "en": "The level “{level}” is not in the file. It is made up as:"},
        "import.tree.missing.placeholder": {"de": "ein Platzhalter je übergeordnetem Eintrag",
                                            "en": "one placeholder per parent entry"},
        "import.tree.missing.per_year": {"de": "je Leitziel und Jahr ein Jahresziel",
                                         "en": "one annual goal per guiding goal and year"},
        "import.tree.missing.choose": {"de": "– bitte wählen –", "en": "– please choose –"},
        "import.tree.missing.name": {"de": "Titel des Platzhalters („{level}“)",
                                     "en": "Title of the placeholder (“{level}”)"},
        "import.tree.plan_start": {"de": "Beginn des Plans (Datum für „geplant“, Jahr erzeugter Jahresziele)",
                                   "en": "Start of the plan (date of “geplant”, year of made-up annual goals)"},
        "import.tree.status_date": {"de": "Stand der Datei (Datum eines Status ohne Sachstandszeile)",
                                    "en": "Date of the file (for a status without report rows)"},
        "import.tree.labels": {"de": "Datum je Bezeichnung der Sachstände", "en": "Date of each report label"},
        "import.tree.labels.help": {
            "de": "Vorgeschlagen ist das Ende des letzten genannten Jahres, für „geplant“ der Beginn des Plans. "
                  "Bitte prüfen und bei Bedarf ändern.",
            "en": "Proposed is the end of the last year named, for “geplant” the plan's start. Please check and "
                  "change where needed.",
        },
        "import.tree.col.label_name": {"de": "Bezeichnung", "en": "Label"},
        "import.tree.col.date": {"de": "Datum", "en": "Date"},
        "import.tree.col.rows": {"de": "Zeilen", "en": "Rows"},
        "import.tree.statuses": {"de": "Status je Wert der Datei", "en": "Status of each value in the file"},
        "import.tree.statuses.help": {
            "de": "Vorgeschlagen: bekannte Wörter und die nächstliegende Ampelfarbe. Zahlen und unbekannte Werte "
                  "ordnen Sie bitte selbst zu; ein Wert ohne Status ist ein Problem.",
            "en": "Proposed: known words and the nearest traffic-light colour. Please assign numbers and unknown "
                  "values yourself; a value without status is a problem.",
        },
        "import.tree.col.value": {"de": "Wert in der Datei", "en": "Value in the file"},
        "import.tree.col.status_chosen": {"de": "Status", "en": "Status"},
        "import.tree.default_status": {"de": "Status für frühere Sachstände ohne eigenen Status",
                                       "en": "Status of earlier reports without a status of their own"},
        "import.tree.save": {"de": "Zuordnung speichern", "en": "Save the mapping"},
        "import.tree.save.help": {
            "de": "Als JSON-Datei, z. B. für die Kommandozeile: python3 -m cli import DATEI --tree --mapping "
                  "zuordnung.json",
            "en": "As a JSON file, e.g. for the command line: python3 -m cli import FILE --tree --mapping "
                  "mapping.json",
        },
        "import.tree.summary": {"de": "So wird die Datei gelesen", "en": "How the file is read"},
        "import.tree.col.level": {"de": "Ebene", "en": "Level"},
        "import.tree.col.from_file": {"de": "aus der Datei", "en": "from the file"},
        "import.tree.col.made_up": {"de": "erzeugt", "en": "made up"},
        "import.tree.col.reports": {"de": "Sachstände", "en": "Reports"},
        "import.tree.skipped": {"de": "Übersprungene Zeilen: {count}", "en": "Rows skipped: {count}"},
        "import.tree.left_out": {"de": "Nicht übernommen ({count}):", "en": "Not imported ({count}):"},
        "import.tree.shorten_titles": {
            "de": "Zu lange Titel kürzen (an einer Wortgrenze mit „…“; der ganze Text steht vorne in der Beschreibung)",
            "en": "Shorten titles that are too long (at a word boundary with “…”; the whole text comes first in the "
                  "description)"},
        "import.tree.default_status.confirm": {
            "de": "Ja, alle Sachstände sollen den Status „{status}“ erhalten.",
            "en": "Yes, every status report is to get the status “{status}”."},
        "import.tree.default_status.needed": {
            "de": "Bitte wählen Sie oben eine Statusspalte oder bestätigen Sie, dass alle Sachstände „{status}“ "
                  "erhalten sollen.",
            "en": "Please choose a status column above or confirm that every status report is to get "
                  "“{status}”."},
        "import.tree.col.row": {"de": "Zeile", "en": "Row"},
        "import.tree.col.reason": {"de": "Grund", "en": "Reason"},
        "import.tree.problems": {"de": "{count} Problem(e) beim Lesen des Baums; bitte Zuordnung prüfen.",
                                 "en": "{count} problem(s) reading the tree; please check the mapping."},
        "import.tree.problems.more": {"de": "… und {count} weitere (alle in der Vorschau und ihrem Download)",
                                      "en": "… and {count} more (all in the preview and its download)"},
    }
)
