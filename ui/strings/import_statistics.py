"""Strings of the import page's statistics path (ui/plan_import/statistics.py) and its problem download."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "import.shape": {"de": "Form der Datei", "en": "Shape of the file"},
        "import.shape.help": {
            "de": "Vorgeschlagen nach dem Inhalt der Datei. „Ein Baum in einer Tabelle“: Der ganze Plan steht in "
                  "einem Blatt, Handlungsfelder, Ziele und Maßnahmen untereinander, Sachstände als Zeilen unter "
                  "ihrer Maßnahme. Statistiken, Zeitreihen und breite Tabellen werden zu Kontext-Kennzahlen mit "
                  "datierten Werten im aktuellen Plan.",
            "en": "Proposed from the file's content. “One tree in one table”: the whole plan is in one sheet, "
                  "action fields, goals and measures one below the other, status reports as rows below their "
                  "measure. Statistics, series and wide tables become context indicators with dated values in the "
                  "current plan.",
        },
        "import.shape.plan": {"de": "Plan oder Ebene (Spalten zuordnen)", "en": "Plan or level (map columns)"},
        "import.shape.tree": {"de": "Ein Baum in einer Tabelle (ganzer Plan mit Sachständen)",
                              "en": "One tree in one table (whole plan with reports)"},
        "import.shape.official": {"de": "Amtliche Statistik (Zeilen je Gebiet, Spalten je Merkmal)",
                                  "en": "Official statistics (rows per region, columns per figure)"},
        "import.shape.series": {"de": "Zeitreihe (eine Zeile je Zeitraum)", "en": "Series (one row per period)"},
        "import.shape.wide": {"de": "Breite Tabelle (eine Spalte je Zeitraum)",
                              "en": "Wide table (one column per period)"},
        "import.pick.placeholder": {"de": "Bitte wählen …", "en": "Please choose …"},
        "import.pick.none": {"de": "Hier gibt es in dieser Datei nichts zu wählen.",
                             "en": "This file offers nothing to choose here."},
        "import.stats.categories": {"de": "Kategorien (je Kombination ihrer Werte eine Kennzahl)",
                                    "en": "Categories (one indicator per combination of their values)"},
        "import.stats.categories.help": {
            "de": "Zum Beispiel Geschlecht oder Bundesland: Jede Kombination der Werte wird eine eigene Kennzahl, "
                  "Zeilen ohne Wert in diesen Spalten werden die Kennzahl „insgesamt“.",
            "en": "For example sex or federal state: each combination of values becomes its own indicator, rows "
                  "without a value in these columns the indicator “insgesamt” (total).",
        },
        "import.stats.unit_column": {"de": "Einheit aus Spalte", "en": "Unit from column"},
        "import.stats.unit_column.none": {"de": "keine (Einheit unten eingeben)", "en": "none (enter the unit below)"},
        "import.stats.kind": {"de": "Welche Spalten werden die Werte?", "en": "Which columns become the values?"},
        "import.stats.kind.all": {"de": "alle Arten, jede als eigene Kennzahl (z. B. „… (Plan)“)",
                                  "en": "all kinds, each its own indicator (e.g. “… (Plan)”)"},
        "import.stats.kind.label": {"de": "„{kind}“ ({periods})", "en": "“{kind}” ({periods})"},
        "import.stats.kind.help": {
            "de": "Die Datei hat mehrere Arten von Spalten (z. B. Ergebnis und Plan). Ist- und Planwerte kommen nie "
                  "in dieselbe Kennzahl: Wählen Sie eine Art (die anderen Spalten werden als „nicht übernommen“ "
                  "genannt) oder alle Arten, dann wird jede Art eine eigene Kennzahl.",
            "en": "The file has several kinds of columns (e.g. result and plan). Actual and planned figures never go "
                  "into one indicator: choose one kind (the other columns are named as not imported) or all kinds, "
                  "then each kind becomes its own indicator.",
        },
        "import.stats.sheet": {"de": "Tabellenblatt", "en": "Sheet"},
        "import.stats.step": {"de": "2. Zeilen und Spalten wählen", "en": "2. Choose rows and columns"},
        "import.stats.no_plan": {
            "de": "Statistiken kommen als Kontext-Kennzahlen in einen bestehenden Plan. Es ist aber noch kein Plan "
                  "erfasst: Importieren Sie bitte zuerst Ihren Plan als neuen Plan (Form der Datei „Plan oder Ebene“ "
                  "oder „Ein Baum in einer Tabelle“) und danach die Statistik.",
            "en": "Statistics go into an existing plan as context indicators, but no plan exists yet: please "
                  "import your plan first as a new plan (file form “plan or level” or “one tree in one table”), "
                  "then the statistics.",
        },
        "import.stats.target": {
            "de": "Die Kennzahlen kommen als Kontext-Kennzahlen in den Plan „{name}“.",
            "en": "The indicators go into the plan “{name}” as context indicators.",
        },
        "import.stats.key": {"de": "Zeilen wählen nach Spalte", "en": "Choose rows by column"},
        "import.stats.rows": {"de": "Zeilen (z. B. Gebietsschlüssel 06432)", "en": "Rows (e.g. region code 06432)"},
        "import.stats.rows.wide": {"de": "Zeilen (je Zeile eine Kennzahl)", "en": "Rows (one indicator each)"},
        "import.stats.columns": {"de": "Spalten (je Spalte eine Kennzahl)", "en": "Columns (one indicator each)"},
        "import.stats.columns.wide": {"de": "Zeiträume (Spalten)", "en": "Periods (columns)"},
        "import.stats.period": {"de": "Zeiträume aus der Spalte „{column}“; jeder Wert gilt zum Ende seines "
                                      "Zeitraums (2015_01 → 31.01.2015, 2015 Q3 → 30.09.2015).",
                                "en": "Periods from the column “{column}”; each value is dated at its period's "
                                      "end (2015_01 → 31.01.2015, 2015 Q3 → 30.09.2015)."},
        "import.stats.stand": {"de": "Stand der Werte", "en": "Values as of"},
        "import.stats.stand.help": {"de": "Vorgeschlagen aus einer Titelzeile der Datei, die mit „Stand“ oder "
                                          "„Stichtag“ beginnt (nie aus Fußnoten).",
                                    "en": "Proposed from a title line of the file that starts with “Stand” or "
                                          "“Stichtag” (never from footnotes)."},
        "import.stats.stand.column": {"de": "Stand der Werte: je Zeile ihr Zeitraum aus der Spalte „{column}“ "
                                            "(2023 → 31.12.2023).",
                                      "en": "Values as of: each row's period from the column “{column}” "
                                            "(2023 → 31.12.2023)."},
        "import.stats.stands": {"de": "Stand der Werte: {stands}", "en": "Values as of: {stands}"},
        "import.stats.source": {"de": "Quelle", "en": "Source"},
        "import.stats.name": {"de": "Bezeichnung der Reihe", "en": "Name of the series"},
        "import.stats.name.help": {"de": "Steht vor jedem Code und Titel dieses Imports (z. B. „Indikator 11.2.1 – "
                                         "Alt-Treptow“), damit zwei Dateien mit gleichen Zeilen oder Kategorien "
                                         "einander nicht ändern. Vorgeschlagen aus der Datei; leer: Codes und Titel "
                                         "nur aus Zeilen und Spalten.",
                                   "en": "Put in front of every code and title of this import (e.g. “Indikator "
                                         "11.2.1 – Alt-Treptow”), so two files with the same rows or categories do "
                                         "not change each other. Proposed from the file; empty: codes and titles "
                                         "from rows and columns only."},
        "import.stats.unit": {"de": "Einheit (freiwillig)", "en": "Unit (optional)"},
        "import.stats.choose": {"de": "Wählen Sie Zeilen und Spalten, um die Vorschau zu sehen.",
                                "en": "Choose rows and columns to see the preview."},
        "import.stats.refused": {"de": "Diese Auswahl passt nicht zur Datei: {reason}",
                                 "en": "This choice does not fit the file: {reason}"},
        "import.stats.summary": {"de": "{indicators} Kennzahl(en) mit {values} Wert(en).",
                                 "en": "{indicators} indicator(s) with {values} value(s)."},
        "import.stats.notes": {"de": "Nicht übernommen ({count})", "en": "Not imported ({count})"},
        "import.stats.col.row": {"de": "Zeile", "en": "Row"},
        "import.stats.col.column": {"de": "Spalte", "en": "Column"},
        "import.stats.col.reason": {"de": "Grund", "en": "Reason"},
        "import.problems.download": {"de": "Probleme als Excel-Datei herunterladen",
                                     "en": "Download the problems as an Excel file"},
    }
)
