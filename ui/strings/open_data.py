"""Strings of the page Offene Daten (pages/offene-daten.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.open_data": {"de": "Offene Daten", "en": "Open data"},
        "open_data.intro": {
            "de": "Die Daten dieses Plans stehen über eine lesende Schnittstelle frei zur Verfügung, als JSON und "
                  "als CSV. Es gelten dieselben Regeln wie in der öffentlichen Ansicht: nur freigegebene "
                  "Sachstände, kleine Fallzahlen von Personen sind unterdrückt, keine personenbezogenen Daten.",
            "en": "This plan's data is freely available through a read-only API, as JSON and as CSV. The same rules "
                  "as in the public view apply: released reports only, small counts of people suppressed, no "
                  "personal data.",
        },
        "open_data.licence": {"de": "Lizenz: [{name}]({url})", "en": "Licence: [{name}]({url})"},
        "open_data.stand": {
            "de": "Stand: {date}. Die Adressen unten liefern die Daten zu diesem Stichtag; ohne `stand` gilt heute.",
            "en": "As of {date}. The addresses below return the data as of this date; without `stand`, today.",
        },
        "open_data.formats": {
            "de": "**Formate:** JSON (Vorgabe; Datum als 2026-03-12, Zahlen mit Punkt) oder CSV mit `format=csv` "
                  "(UTF-8 mit BOM, Semikolon als Trennzeichen, Datum als 12.03.2026, Dezimalkomma, ja/nein): "
                  "so öffnet deutsches Excel die Datei per Doppelklick richtig.",
            "en": "**Formats:** JSON (default; dates as 2026-03-12, numbers with a point) or CSV with `format=csv` "
                  "(UTF-8 with BOM, semicolon as separator, dates as 12.03.2026, decimal comma, ja/nein): German "
                  "Excel opens it correctly by a double click.",
        },
        "open_data.rules": {
            "de": "**Abruf:** Antworten tragen ein ETag (mit `If-None-Match` kommt 304, solange sich nichts "
                  "geändert hat) und dürfen von jeder Website gelesen werden (CORS). Je Anschluss sind "
                  "{burst} Abrufe auf einmal und {rate} je Minute möglich; darüber antwortet die Schnittstelle mit "
                  "429 und nennt in Retry-After die Wartezeit. Fehler kommen als JSON mit einer deutschen Meldung.",
            "en": "**Fetching:** responses carry an ETag (`If-None-Match` gives 304 while nothing changed) and may "
                  "be read by any website (CORS). Each connection may make {burst} requests at once and {rate} per "
                  "minute; beyond that the API answers 429 with the wait in Retry-After. Errors come as JSON with a "
                  "German message.",
        },
        "open_data.datasets": {"de": "Datensätze", "en": "Datasets"},
        "open_data.fields_count": {"de": "Felder ({count})", "en": "Fields ({count})"},
        "open_data.field.name": {"de": "Feld", "en": "Field"},
        "open_data.field.type": {"de": "Typ", "en": "Type"},
        "open_data.field.meaning": {"de": "Bedeutung", "en": "Meaning"},
        "open_data.field.unit": {"de": "Einheit", "en": "Unit"},
        "open_data.field.values": {"de": "mögliche Werte: {values}", "en": "possible values: {values}"},
        "open_data.type.string": {"de": "Text", "en": "text"},
        "open_data.type.integer": {"de": "ganze Zahl", "en": "whole number"},
        "open_data.type.number": {"de": "Zahl", "en": "number"},
        "open_data.type.boolean": {"de": "wahr/falsch", "en": "true/false"},
        "open_data.type.date": {"de": "Datum", "en": "date"},
        "open_data.examples": {"de": "Beispielaufrufe", "en": "Example calls"},
        "open_data.openapi": {
            "de": "Die vollständige Beschreibung der Schnittstelle (OpenAPI 3.1) steht unter {url}.",
            "en": "The full description of the API (OpenAPI 3.1) is at {url}.",
        },
        "open_data.dcat": {"de": "Datenkatalog (DCAT-AP.de)", "en": "Data catalogue (DCAT-AP.de)"},
        "open_data.dcat.text": {
            "de": "Für GovData und die Datenportale der Länder beschreibt ein Katalog nach DCAT-AP.de alle "
                  "Datensätze mit Lizenz, Träger, Gebiet (Amtlicher Gemeindeschlüssel aus den Einstellungen), "
                  "Zeitraum und letzter Änderung. Er steht als Turtle unter dieser Adresse, als JSON-LD mit "
                  "`?format=jsonld`:",
            "en": "For GovData and the Länder's data portals a catalogue following DCAT-AP.de describes every "
                  "dataset with licence, publisher, area (official municipality key from the settings), period and "
                  "last change. It is at this address as Turtle, as JSON-LD with `?format=jsonld`:",
        },
        "open_data.not_public": {
            "de": "Die öffentliche Ansicht dieses Plans ist ausgeschaltet: Seine Daten werden nicht veröffentlicht.",
            "en": "This plan's public view is off: its data is not published.",
        },
            "open_data.embed": {"de": "Einbetten", "en": "Embedding"},
        "open_data.embed_intro": {
            "de": "Diese Bausteine kann Ihre Website in einem Rahmen (iframe) zeigen, ohne die Navigation des "
                  "Cockpits: eine Maßnahme, ein Leitziel, eine Kennzahl als Diagramm und die Eckzahlen des Plans. "
                  "Sie zeigen heutige, öffentliche Daten (dieselben Regeln wie oben), nennen den Stand und verweisen "
                  "auf das Cockpit. Für eine andere Maßnahme, ein anderes Leitziel oder eine andere Kennzahl ersetzen "
                  "Sie das Kürzel am Ende der Adresse.",
            "en": "Your website can show these widgets in a frame (iframe), without the cockpit's navigation: a "
                  "measure, a guiding goal, an indicator as a chart and the plan's headline figures. They show "
                  "today's public data (the same rules as above), give the date and link back to the cockpit. For "
                  "another measure, goal or indicator, replace the code at the end of the address.",
        },
        "open_data.embed.massnahme": {"de": "Maßnahme", "en": "Measure"},
        "open_data.embed.leitziel": {"de": "Leitziel mit Ampelverteilung", "en": "Guiding goal with its lights"},
        "open_data.embed.kennzahl": {"de": "Kennzahl als Diagramm", "en": "Indicator as a chart"},
        "open_data.embed.ueberblick": {"de": "Eckzahlen des Plans", "en": "The plan's headline figures"},
        "open_data.embed_listener": {
            "de": "Jeder Baustein meldet seine Höhe an Ihre Seite. Fügen Sie dieses Skript einmal auf der Seite "
                  "ein, dann passt sich jeder Rahmen seinem Inhalt an:",
            "en": "Each widget reports its height to your page. Add this script once to the page and every frame "
                  "fits its content:",
        },
        "open_data.embed_origins": {
            "de": "Einbetten dürfen: das Cockpit selbst und {origins}.",
            "en": "May embed: the cockpit itself and {origins}.",
        },
        "open_data.embed_no_origins": {
            "de": "Einbetten darf bisher nur das Cockpit selbst. Welche Websites die Bausteine zeigen dürfen, legt "
                  "der Betrieb in `{variable}` fest (z. B. `https://www.landkreis.de`).",
            "en": "So far only the cockpit itself may embed. Which websites may show the widgets is set by the "
                  "operators in `{variable}` (e.g. `https://www.county.de`).",
        },
        "open_data.embed_bad_origins": {
            "de": "`{variable}` enthält keine gültige Herkunft: {entries}. Erlaubt sind Angaben wie "
                  "`https://www.landkreis.de` (ohne Pfad), getrennt durch Leerzeichen oder Kommas. Die Einstellung "
                  "wird nicht angewendet: Einbetten darf nur das Cockpit selbst.",
            "en": "`{variable}` holds no valid origin: {entries}. Allowed are entries like `https://www.county.de` "
                  "(no path), separated by spaces or commas. The setting is not applied: only the cockpit itself "
                  "may embed.",
        },
    }
)
