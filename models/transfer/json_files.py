"""JSON files for the import: the product's own backup of one plan, and the JSON plan format.

The JSON plan format (documented in the README's Import section) mirrors the workbook's layout:

    {"format": "masterplan-cockpit-plan",           (optional)
     "plan": {"slug": "...", "name": "...", "owner": "...", "horizon_year": 2030},
     "handlungsfelder": [{"code": "HF1", "title": "Sprache"}, ...],
     "leitziele": [...], "jahresziele": [...], "organisationen": [...], "massnahmen": [...],
     "sachstaende": [...], "kennzahlen": [...], "kennzahlwerte": [...], "sitzungen": [...]}

Each list holds one object per row; its keys are the layout's German headers ("Code", "Titel",
"Handlungsfeld") or its attribute names ("code", "title", "action_field"). The lists may be named by the
sheet ("Maßnahmen", "Sachstände") or the level ("measures"). Every list becomes one table, every object one
row (numbered from 1 in the order of the list), so the preview and the importer treat it like a workbook.

A backup (models.transfer.backup) holding one plan is restored into a temporary database and exported as
the workbook, so it imports like the export. Another tool's JSON whose content is a list of objects (or an
object holding such lists, or a Django data export) becomes tables like a CSV's (models.transfer.json_tables).
Any other JSON is refused with a German message saying what was found and what is supported.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from typing import Any

from models.transfer import json_tables, layout

# One table as plain data, turned into a parsing.RawTable by parsing.read_file (this module does not import
# parsing, which calls it): its name, headers, rows as (number, cells), the header line as found, and notes.
Sheet = json_tables.Sheet


def normalise(key: str) -> str:
    """A key as compared: lower case, umlauts written out, only letters and digits ("Maßnahmen" ->
    "massnahmen"); the column mapping's rule (models.transfer.mapping.normalise, which imports parsing, which
    calls this module) for the plain keys a JSON file has."""
    folded = str(key).casefold().translate(_UMLAUTS)
    return re.sub(r"[^a-z0-9]+", "", folded)


class UnreadableJson(ValueError):
    """The JSON cannot be imported; the message is German (read_file raises it as UnreadableJson)."""

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
PLAN_FORMAT = "masterplan-cockpit-plan"
PLAN_KEY = "plan"
SHOWN_FIELDS = 6
SUPPORTED = ("Lesbar sind eine Sicherung eines Plans aus dem Masterplan-Cockpit (Export „JSON“) und das "
             "JSON-Planformat: ein Objekt mit „plan“ und je einer Liste je Ebene („handlungsfelder“, "
             "„leitziele“, „jahresziele“, „massnahmen“, „sachstaende“, „kennzahlen“, „kennzahlwerte“ …), "
             "beschrieben in der Anleitung unter „Import“, und jede Liste von Objekten (auch in einem Objekt "
             "oder als Django-Datenexport), die wie eine Tabelle gelesen wird.")


def _level_for_key(key: str) -> layout.Level | None:
    wanted = normalise(key)
    for level in layout.LEVELS:
        if wanted in (normalise(level.sheet), normalise(level.name)):
            return level
    return None


def read_json(data: bytes, max_rows: int, name: str = "JSON", max_columns: int = 500) -> list[Sheet] | bytes:
    """The tables of a JSON plan or of another tool's list of objects (named `name` when the file is one
    list), or the workbook (bytes) of a one-plan backup (see the module docstring); UnreadableJson with a
    German message."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableJson("Die Datei ist kein gültiges JSON (sie lässt sich nicht als JSON lesen).") from exc
    except RecursionError as exc:  # nested deeper than the parser goes (about a thousand levels)
        raise UnreadableJson(json_tables.say("too_deep", depth="über 1.000", limit=json_tables.MAX_DEPTH)) from exc
    from models.transfer import backup

    if isinstance(document, dict) and document.get("format") == backup.FORMAT:
        return _backup_workbook(document)
    if isinstance(document, dict) and _is_plan(document):
        return _plan_tables(document, max_rows)
    if json_tables.has_tables(document):
        try:
            return json_tables.read_tables(document, name, max_rows, max_columns)
        except ValueError as refused:
            raise UnreadableJson(str(refused)) from refused
    raise UnreadableJson(f"Diese JSON-Datei hat keine lesbare Form: Gefunden wurde {describe(document)}. "
                         + SUPPORTED)


def _is_plan(document: dict[str, Any]) -> bool:
    if document.get("format") == PLAN_FORMAT:
        return True
    lists = [key for key, value in document.items() if isinstance(value, list)]
    return bool(lists) and all(_level_for_key(key) is not None for key in lists)


def describe(document: Any) -> str:
    """What a JSON document holds, in German: "eine Liste von 17 Objekten mit den Feldern path, depth, …"."""
    if isinstance(document, list):
        objects = [item for item in document if isinstance(item, dict)]
        if objects and len(objects) == len(document):
            return f"eine Liste von {len(objects)} Objekten mit den Feldern {_fields(objects)}"
        return f"eine Liste von {len(document)} Einträgen ohne Felder"
    if isinstance(document, dict):
        parts = []
        for key, value in list(document.items())[:SHOWN_FIELDS]:
            if isinstance(value, list):
                parts.append(f"„{key}“ (Liste mit {len(value)} Einträgen)")
            elif isinstance(value, dict):
                parts.append(f"„{key}“ (Objekt)")
            else:
                parts.append(f"„{key}“")
        more = ", …" if len(document) > SHOWN_FIELDS else ""
        return "ein Objekt mit den Feldern " + ", ".join(parts) + more if parts else "ein leeres Objekt"
    return "ein einzelner Wert"


def _fields(objects: list[dict[str, Any]]) -> str:
    names: list[str] = []
    for item in objects:
        names += [str(key) for key in item if str(key) not in names]
    shown = ", ".join(names[:SHOWN_FIELDS])
    return shown + (", …" if len(names) > SHOWN_FIELDS else "")


def _header(level: layout.Level, key: str) -> str:
    """The layout's header for a key given as header or attribute; other keys stay as they are (and are
    offered in the column mapping like any column of a file)."""
    wanted = normalise(key)
    for column in level.columns:
        if wanted in (normalise(column.header), normalise(column.attribute)):
            return column.header
    return str(key)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return layout.REFERENCE_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return layout.TRUE_WORD if value else layout.FALSE_WORD
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _plan_tables(document: dict[str, Any], max_rows: int) -> list[Sheet]:
    tables: list[Sheet] = []
    plan = document.get(PLAN_KEY)
    if isinstance(plan, dict):
        tables.append(_info_table(plan))
    elif plan is not None:
        raise UnreadableJson("Im JSON-Planformat muss „plan“ ein Objekt sein, z. B. "
                             '{"slug": "masterplan", "name": "Masterplan", "owner": "Landkreis"}. ' + SUPPORTED)
    for key, rows in document.items():
        if key in (PLAN_KEY, "format") or not isinstance(rows, list):
            continue
        level = _level_for_key(key)
        if level is None:  # only lists of known levels make a document a plan (_is_plan)
            continue
        if len(rows) > max_rows:
            raise UnreadableJson(f"Die Liste „{key}“ hat mehr als {max_rows} Einträge; erlaubt sind höchstens "
                                 f"{max_rows} je Ebene. Teilen Sie die Daten bitte auf mehrere Dateien auf.")
        bad = next((position for position, row in enumerate(rows, 1) if not isinstance(row, dict)), None)
        if bad is not None:
            raise UnreadableJson(f"In der Liste „{key}“ ist Eintrag {bad} kein Objekt mit Feldern. " + SUPPORTED)
        headers: list[str] = []
        for row in rows:
            headers += [_header(level, key) for key in row if _header(level, key) not in headers]
        table_rows = []
        for number, row in enumerate(rows, 1):
            by_header = {_header(level, key): _cell(value) for key, value in row.items()}
            table_rows.append((number, [by_header.get(header) for header in headers]))
        tables.append((level.sheet, headers, table_rows, list(headers), []))
    return tables


def _info_table(plan: dict[str, Any]) -> Sheet:
    """The plan object as the workbook's Info sheet (label/value lines)."""
    labels = {normalise(field.attribute): field.label for field in layout.INFO_FIELDS}
    labels.update({normalise(field.label): field.label for field in layout.INFO_FIELDS})
    lines = [[labels.get(normalise(key), str(key)), value] for key, value in plan.items()]
    if not lines:
        return (layout.INFO_SHEET, [], [], [], [])
    rows = list(enumerate(lines[1:], 2))
    return (layout.INFO_SHEET, [str(cell) for cell in lines[0]], rows, lines[0], [])


def _backup_workbook(document: dict[str, Any]) -> bytes:
    """A backup holding one plan, as its workbook export (restored into a temporary SQLite database, which is
    removed afterwards). A backup of several plans is a restore, not an import."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from models.schema import Plan
    from models.transfer import backup, export

    try:
        backup.check(document)
    except backup.BackupError as exc:
        raise UnreadableJson(f"Die Sicherung lässt sich nicht lesen: {exc}") from exc
    plans = document["tables"].get("plan", {}).get("rows", [])
    if len(plans) != 1:
        raise UnreadableJson(
            f"Die Datei ist eine Sicherung mit {len(plans)} Plänen. Der Import liest die Sicherung eines "
            "einzelnen Plans (Export „JSON“ eines Plans); eine ganze Datenbank stellt ein Admin mit "
            "„python3 -m cli restore DATEI --replace“ wieder her.")
    handle, path = tempfile.mkstemp(suffix=".db", prefix="import-backup-")
    os.close(handle)
    engine = create_engine(f"sqlite:///{path}")
    try:
        backup.restore(engine, document, replace=True)
        with Session(engine) as session:
            plan_id = session.scalar(select(Plan.id))
        return export.excel_bytes(export.collect(engine, plan_id))
    except backup.BackupError as exc:
        raise UnreadableJson(f"Die Sicherung lässt sich nicht lesen: {exc}") from exc
    finally:
        engine.dispose()
        os.unlink(path)
