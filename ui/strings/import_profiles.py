"""Strings of the Import page's import profiles (ui/plan_import/profiles.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "import.profile.fits": {"de": "Gespeichertes Profil „{name}“ passt zu dieser Datei – anwenden",
                                "en": "Saved profile “{name}” fits this file – apply"},
        "import.profile.fits.help": {
            "de": "Übernimmt alle Zuordnungen des Profils (Spalten, Ebenen, Daten der Bezeichnungen, Statuswerte). "
                  "Was das Profil noch nicht kennt, müssen Sie bestätigen.",
            "en": "Takes over every choice of the profile (columns, levels, label dates, status values). What the "
                  "profile does not know yet you must confirm."},
        "import.profile.applied": {"de": "Profil „{name}“ angewendet: Alle Zuordnungen sind ausgefüllt.",
                                   "en": "Profile “{name}” applied: every choice is filled in."},
        "import.profile.new": {
            "de": "Neu in dieser Datei, das Profil kennt sie noch nicht – bitte bestätigen:",
            "en": "New in this file, the profile does not know them yet – please confirm:"},
        "import.profile.new.label": {"de": "Bezeichnung „{label}“: Vorschlag {date}",
                                     "en": "Label “{label}”: proposed {date}"},
        "import.profile.new.status": {"de": "Statuswert „{value}“: Vorschlag {status}",
                                      "en": "Status value “{value}”: proposed {status}"},
        "import.profile.new.none": {"de": "keiner (bitte in der Tabelle unten wählen)",
                                    "en": "none (please choose in the table below)"},
        "import.profile.new.cell": {"de": "neu – bitte bestätigen",
                                    "en": "new – please confirm"},
        "import.profile.col.note": {"de": "Hinweis", "en": "Note"},
        "import.profile.missing": {
            "de": "Das Profil wählt, was diese Datei nicht hat; es bleibt weg – bitte prüfen Sie die Auswahl:",
            "en": "The profile picks what this file lacks; it is left out – please check the choice:"},
        "import.profile.missing.row": {"de": "Zeile „{value}“", "en": "Row “{value}”"},
        "import.profile.missing.column": {"de": "Spalte „{value}“", "en": "Column “{value}”"},
        "import.profile.unknown": {
            "de": "Was das Profil nicht kennt, bleibt ohne Zuordnung – bitte prüfen Sie die Zuordnung:",
            "en": "What the profile does not know stays unmapped – please check the mapping:"},
        "import.profile.missing.sheet": {"de": "Blatt „{value}“ fehlt in dieser Datei",
                                         "en": "Sheet “{value}” is missing from this file"},
        "import.profile.new.column": {"de": "Spalte „{value}“ (Blatt „{sheet}“) ist neu und wird ignoriert",
                                      "en": "Column “{value}” (sheet “{sheet}”) is new and is ignored"},
        "import.profile.confirm": {"de": "Vorschläge für die neuen Werte übernehmen",
                                   "en": "Take over the proposals for the new values"},
        "import.profile.confirm.help": {
            "de": "Ohne Bestätigung bleiben die neuen Werte ohne Datum bzw. Status, und die Vorschau nennt sie "
                  "als Problem. Sie können sie auch in den Tabellen unten einzeln wählen.",
            "en": "Without confirmation the new values stay without a date or status, and the preview names them as "
                  "a problem. You can also choose them one by one in the tables below."},
        "import.profile.save.title": {"de": "Zuordnung als Importprofil speichern",
                                      "en": "Save the choices as an import profile"},
        "import.profile.save.help": {
            "de": "Kommt später eine Datei mit denselben Spalten (z. B. das nächste Quartal), bietet die Seite "
                  "das Profil an. Auf der Kommandozeile: python3 -m cli import DATEI --profile NAME",
            "en": "When a file with the same columns comes later (e.g. the next quarter), the page offers the "
                  "profile. On the command line: python3 -m cli import FILE --profile NAME"},
        "import.profile.name": {"de": "Name des Profils", "en": "Name of the profile"},
        "import.profile.save": {"de": "Als Importprofil speichern", "en": "Save as import profile"},
        "import.profile.saved": {"de": "Importprofil „{name}“ gespeichert.", "en": "Import profile “{name}” saved."},
        "import.profile.list": {"de": "Gespeicherte Importprofile ({count})", "en": "Saved import profiles ({count})"},
        "import.profile.row": {"de": "**{name}** ({shape}) – zuletzt gespeichert am {at} von {by}",
                               "en": "**{name}** ({shape}) – last saved on {at} by {by}"},
        "import.profile.delete": {"de": "Löschen", "en": "Delete"},
        "import.profile.deleted": {"de": "Importprofil „{name}“ gelöscht.", "en": "Import profile “{name}” deleted."},
        "import.profile.download": {"de": "Als Datei", "en": "As a file"},
        "import.profile.shape.plan": {"de": "Ebenen-Zuordnung", "en": "level mapping"},
        "import.profile.shape.tree": {"de": "Baum in einem Blatt", "en": "tree in one sheet"},
        "import.profile.shape.official": {"de": "amtliche Tabelle", "en": "official table"},
        "import.profile.shape.series": {"de": "Zeitreihe", "en": "series"},
        "import.profile.shape.wide": {"de": "breite Tabelle", "en": "wide table"},
    }
)
