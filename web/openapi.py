"""The OpenAPI 3.1 description of the read API (/api/v1/openapi.json), generated from the dataset registry
(models.open_data.DATASETS): one source for the routes, this description and the page Offene Daten."""

from __future__ import annotations

from typing import Any

from models.open_data import API_PREFIX as PREFIX
from models.open_data import BOOLEAN, DATASETS, DATE, INTEGER, NUMBER, PLAN_DATASETS, PLANS, Dataset, Field

VERSION = "1.0.0"
_TYPES = {BOOLEAN: {"type": "boolean"}, INTEGER: {"type": "integer"}, NUMBER: {"type": "number"},
          DATE: {"type": "string", "format": "date"}}


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = dict(_TYPES.get(field.type, {"type": "string"}))
    if field.values:  # an enumerated field: its German words (models.open_data, Field.words)
        schema["enum"] = list(field.values)
    if field.nullable:
        schema["type"] = [schema["type"], "null"]
        if field.values:
            schema["enum"].append(None)
    description = field.meaning + (f" (Einheit: {field.unit})" if field.unit else "")
    return {**schema, "description": description}


def _row_schema(dataset: Dataset) -> dict[str, Any]:
    return {"type": "object", "title": dataset.title, "description": dataset.description,
            "properties": {field.name: _field_schema(field) for field in dataset.fields},
            "required": dataset.field_names, "additionalProperties": False}


def _envelope(dataset: Dataset) -> dict[str, Any]:
    return {"type": "object", "required": ["datensatz", "stand", "anzahl", "daten"], "properties": {
        "datensatz": {"type": "string", "const": dataset.name},
        "plan": {"type": "string", "description": "Kurzname des Plans"},
        "stand": {"type": "string", "format": "date", "description": "Der erfragte Stichtag"},
        "datenstand": {"type": "string", "format": "date",
                       "description": "Stichtag, zu dem die Daten gelesen sind: der Stichtag selbst, oder für das "
                                      "Datum einer Sitzung mit eingefrorener Ansicht deren Stand"},
        "lizenz": {"$ref": "#/components/schemas/Lizenz"},
        "anzahl": {"type": "integer", "description": "Zahl der Zeilen"},
        "daten": {"type": "array", "items": {"$ref": f"#/components/schemas/{_schema_name(dataset)}"}},
    }}


def _schema_name(dataset: Dataset) -> str:
    return dataset.name.capitalize()


_FORMAT = {"name": "format", "in": "query", "required": False,
           "description": "json (Vorgabe) oder csv (UTF-8 mit BOM, Semikolon, Datum 31.12.2026, Dezimalkomma: "
                          "öffnet sich in deutschem Excel per Doppelklick)",
           "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}}
_STAND = {"name": "stand", "in": "query", "required": False,
          "description": "Stichtag JJJJ-MM-TT (Vorgabe: heute): der Stand der Daten an diesem Tag; das Datum einer "
                         "Sitzung mit eingefrorener Ansicht liefert genau diese Ansicht",
          "schema": {"type": "string", "format": "date"}}
_ERRORS = {status: {"description": meaning, "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Fehler"}}}}
    for status, meaning in (("400", "Ungültiger Stand oder ungültiges Format"),
                            ("404", "Unbekannter oder nicht öffentlicher Plan, unbekannter Datensatz"),
                            ("405", "Nur GET ist erlaubt"),
                            ("429", "Zu viele Anfragen; Retry-After nennt die Sekunden bis zum nächsten Versuch"))}


def _ok(dataset: Dataset) -> dict[str, Any]:
    return {"200": {"description": dataset.description,
                    "headers": {"ETag": {"schema": {"type": "string"}},
                                "Cache-Control": {"schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": _envelope(dataset)},
                                "text/csv": {"schema": {"type": "string"}}}},
            "304": {"description": "Unverändert seit dem ETag in If-None-Match"}, **_ERRORS}


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document."""
    plan = {"name": "plan", "in": "path", "required": True, "description": "Kurzname des Plans (siehe /plans)",
            "schema": {"type": "string"}}
    paths: dict[str, Any] = {
        f"{PREFIX}/plans": {"get": {
            "operationId": "plans", "summary": PLANS.title, "description": PLANS.description,
            "parameters": [_FORMAT], "responses": _ok(PLANS)}},
    }
    paths[f"{PREFIX}/dcat"] = {"get": {
        "operationId": "dcat", "summary": "Datenkatalog (DCAT-AP.de)",
        "description": "Der Katalog der offenen Daten nach DCAT-AP.de, wie ihn GovData und die Datenportale der "
                       "Länder einsammeln: je öffentlichem Plan ein Katalog, je Tabelle ein Datensatz, je Format "
                       "(JSON, CSV) eine Distribution, mit Lizenz, Träger, Gebiet, Zeitraum und letzter Änderung.",
        "parameters": [{"name": "format", "in": "query", "required": False,
                        "description": "ttl (Turtle, Vorgabe) oder jsonld (JSON-LD); ohne format entscheidet der "
                                       "Accept-Kopf (application/ld+json)",
                        "schema": {"type": "string", "enum": ["ttl", "jsonld"], "default": "ttl"}}],
        "responses": {"200": {"description": "Der Katalog",
                              "headers": {"ETag": {"schema": {"type": "string"}}},
                              "content": {"text/turtle": {"schema": {"type": "string"}},
                                          "application/ld+json": {"schema": {"type": "object"}}}},
                      "304": {"description": "Unverändert seit dem ETag in If-None-Match"},
                      **{status: _ERRORS[status] for status in ("400", "405", "429")}}}}
    for dataset in PLAN_DATASETS:
        paths[f"{PREFIX}/plans/{{plan}}/{dataset.name}"] = {"get": {
            "operationId": dataset.name, "summary": dataset.title, "description": dataset.description,
            "parameters": [plan, _STAND, _FORMAT], "responses": _ok(dataset)}}
    schemas: dict[str, Any] = {_schema_name(dataset): _row_schema(dataset) for dataset in DATASETS}
    schemas["Lizenz"] = {"type": "object", "properties": {
        "kennung": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}}
    schemas["Fehler"] = {"type": "object", "required": ["fehler"], "properties": {"fehler": {
        "type": "object", "required": ["status", "meldung"],
        "properties": {"status": {"type": "integer"}, "meldung": {"type": "string", "description": "auf Deutsch"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Masterplan-Cockpit: Offene Daten", "version": VERSION,
                 "description": "Lesende Schnittstelle der öffentlichen Pläne: nur Pläne mit eingeschalteter "
                                "öffentlicher Ansicht, nur freigegebene Sachstände, kleine Fallzahlen von Personen "
                                "unterdrückt, keine personenbezogenen Daten."},
        "paths": paths,
        "components": {"schemas": schemas},
    }
