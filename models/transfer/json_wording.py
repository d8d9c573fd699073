"""What reading another tool's JSON as tables says, in German and English (models.transfer.json_tables).

`say(key, **params)` makes a models.texts.Message (German as a str), like models.transfer.wording does.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "too_deep": {
        "de": "Die JSON-Datei ist {depth} Ebenen tief verschachtelt; gelesen werden höchstens {limit} Ebenen. "
              "Speichern Sie die Daten bitte flacher (z. B. eine Liste von Objekten).",
        "en": "The JSON file is nested {depth} levels deep; at most {limit} levels are read. Please save the "
              "data flatter (e.g. a list of objects)."},
    "too_many_rows": {
        "de": "Die Liste „{name}“ hat {count} Einträge; erlaubt sind höchstens {limit}. Teilen Sie die Daten "
              "bitte auf mehrere Dateien auf.",
        "en": "The list “{name}” has {count} entries; at most {limit} are allowed. Please split the data into "
              "several files."},
    "too_many_columns": {
        "de": "Die Liste „{name}“ hat {count} verschiedene Felder; gelesen werden höchstens {limit}.",
        "en": "The list “{name}” has {count} different fields; at most {limit} are read."},
    "not_objects": {
        "de": "In der Liste „{name}“ ist Eintrag {position} kein Objekt mit Feldern; eine Tabelle entsteht nur "
              "aus einer Liste von Objekten.",
        "en": "In the list “{name}”, entry {position} is not an object with fields; a table is made only from a "
              "list of objects."},
    "not_imported": {
        "de": "Nicht als Tabelle übernommen (keine Liste von Objekten): {fields}.",
        "en": "Not taken as a table (not a list of objects): {fields}."},
    "serialised": {
        "de": "Tabelle „{name}“: verschachtelte Daten in {columns} als JSON-Text übernommen.",
        "en": "Table “{name}”: nested data in {columns} taken as JSON text."},
    "parent_from_path": {
        "de": "Tabelle „{name}“: Die Spalte „{parent}“ ist aus „{path}“ abgeleitet (der Pfad ohne seinen letzten "
              "Abschnitt ist der übergeordnete Eintrag).",
        "en": "Table “{name}”: the column “{parent}” is derived from “{path}” (the path without its last step is "
              "the parent entry)."},
    "parent_from_depth": {
        "de": "Tabelle „{name}“: Die Spalte „{parent}“ ist aus „{depth}“ und der Reihenfolge abgeleitet (der "
              "letzte Eintrag mit kleinerer Tiefe davor ist der übergeordnete).",
        "en": "Table “{name}”: the column “{parent}” is derived from “{depth}” and the order (the last entry "
              "before it with a smaller depth is the parent)."},
    "id_from_position": {
        "de": "Tabelle „{name}“: Die Spalte „{id}“ ist die Nummer des Eintrags in der Liste.",
        "en": "Table “{name}”: the column “{id}” is the entry's number in the list."},
    "empty_parent_dropped": {
        "de": "Tabelle „{name}“: Das Feld „{column}“ ist in allen Einträgen leer und wird durch die abgeleitete "
              "Spalte ersetzt.",
        "en": "Table “{name}”: the field “{column}” is empty in every entry and is replaced by the derived column."},
    "private": {
        "de": "Nicht angeboten, weil sie Konten, Sitzungen oder Protokolle des anderen Programms enthalten: {models}.",
        "en": "Not offered because they hold the other program's accounts, sessions or logs: {models}."},
    "only_private": {
        "de": "Der Django-Datenexport enthält nur Konten, Sitzungen oder Protokolle ({models}), keine Daten eines "
              "Plans.",
        "en": "The Django data export holds only accounts, sessions or logs ({models}), no plan data."},
    "django": {
        "de": "Django-Datenexport: je Modell eine Tabelle ({models}); „pk“ ist die Spalte „{id}“.",
        "en": "Django data export: one table per model ({models}); “pk” is the column “{id}”."},
}

say = Wording(WORDS)
