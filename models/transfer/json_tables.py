"""Another tool's JSON as tables of objects, so that it goes the way a CSV goes (shape detection, the tree
path, the level tables, the statistics path).

- A top-level list of objects is one table (named like the file).
- A top-level object is one table per value that is a list of objects, named by its key
  ({"introduction": "...", "goals": [...]} -> table „goals“); its other fields are named as not imported.
- A Django data export (`manage.py dumpdata`: a list of {"model", "pk", "fields"}) is one table per model
  („cpmonitor.task“), its `pk` the column „id“, its fields the other columns.
- Nested objects become columns: `fields.title`, or just `title` when no other column has that name; lists
  of plain values are joined as text ("a; b"); anything nested deeper (lists of objects, objects below
  FLATTEN_DEPTH) is kept as JSON text in its cell and named in a note, never dropped.
- Text stays text: Markdown or HTML in it goes through the same plain-text conversion as a CSV's text cells
  (models.transfer.cells.plain_text, where the cells are read).
- A tree the tree path would not see (a depth field with a materialised path as Django's treebeard writes
  it, "0001" / "00010002", or a depth and the order of the entries) gets a derived parent column
  „übergeordnet“ (and, without an id field, an id column with the entry's number), each named in a note.

Limits (entries per list, fields per table, nesting depth) are checked before any table is built. What is
not a list of objects is refused by models.transfer.json_files with today's message (describe()).
"""

from __future__ import annotations

import json
import re
from typing import Any

from models.transfer import layout
from models.transfer.json_wording import say

# One table: its name, headers, rows as (number, cells), the header line as found, and German notes on what
# reading derived or left out (models.texts.Message; shown by the import page).
Sheet = tuple[str, list[str], list[tuple[int, list[Any]]], list[Any], list[str]]

MAX_DEPTH = 12       # nesting levels of the whole document
FLATTEN_DEPTH = 3    # nested objects become columns down to this level; deeper ones stay JSON text
ID, POSITION_ID, PARENT = "id", "Nr.", "übergeordnet"
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(name).casefold().translate(_UMLAUTS))


ID_KEYS = {_key(name) for name in ("id", "pk", "key", "kennung", "uuid")}
PARENT_KEYS = {_key(name) for name in ("parent", "parent id", "parent_id", "übergeordnet", "eltern", "parentid")}
DEPTH_KEYS = {_key(name) for name in ("depth", "level", "ebene", "tiefe")}
PATH_KEYS = {_key(name) for name in ("path", "pfad")}


def nesting_depth(document: Any) -> int:
    """How many levels of lists and objects the document has (a plain value: 0), without recursion."""
    deepest = 0
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _is_objects(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def is_django_dump(document: Any) -> bool:
    return _is_objects(document) and all(
        isinstance(item.get("model"), str) and isinstance(item.get("fields"), dict) for item in document)


def has_tables(document: Any) -> bool:
    """A list of objects, or an object with at least one list of objects among its fields."""
    if isinstance(document, dict):
        return any(_is_objects(value) for value in document.values())
    return _is_objects(document)


def read_tables(document: Any, name: str, max_rows: int, max_columns: int) -> list[Sheet]:
    """The tables of a document for which has_tables() holds (see the module's text); ValueError with a
    German message when a limit is exceeded."""
    depth = nesting_depth(document)
    if depth > MAX_DEPTH:
        raise ValueError(say("too_deep", depth=depth, limit=MAX_DEPTH))
    notes: list[str] = []
    if is_django_dump(document):
        lists = _django_lists(document, max_rows)
        private = [model for model, objects in lists.items() if _is_private(model, objects)]
        for model in private:
            del lists[model]
        if not lists:
            raise ValueError(say("only_private", models=", ".join(f"„{model}“" for model in private)))
        notes.append(say("django", models=", ".join(f"„{model}“" for model in lists), id=ID))
        if private:
            notes.append(say("private", models=", ".join(f"„{model}“" for model in private)))
    elif isinstance(document, dict):
        lists = {str(key): value for key, value in document.items() if _is_objects(value)}
        others = [f"„{key}“" for key, value in document.items() if not _is_objects(value)]
        if others:
            notes.append(say("not_imported", fields=", ".join(others)))
    else:
        lists = {name: document}
    for key, objects in lists.items():
        if len(objects) > max_rows:
            raise ValueError(say("too_many_rows", name=key, count=len(objects), limit=max_rows))
    tables = [_table(key, objects, max_columns) for key, objects in lists.items()]
    tables[0][4][:0] = notes
    return tables


# Accounts, sessions and logs of the exporting tool: personal data the plan never holds, so not even offered.
_PRIVATE_APPS = {"auth", "sessions", "admin", "contenttypes", "authtoken", "account", "socialaccount", "users"}
_PRIVATE_FIELDS = {"password", "email", "session_key", "session_data", "last_login"}


def _is_private(model: str, objects: list[dict[str, Any]]) -> bool:
    return model.split(".", 1)[0].casefold() in _PRIVATE_APPS or any(
        _PRIVATE_FIELDS & {str(field).casefold() for field in item} for item in objects)


def _django_lists(document: list[dict[str, Any]], max_rows: int) -> dict[str, list[dict[str, Any]]]:
    if len(document) > max_rows:
        raise ValueError(say("too_many_rows", name="JSON", count=len(document), limit=max_rows))
    lists: dict[str, list[dict[str, Any]]] = {}
    for item in document:
        fields = item["fields"]
        pk_name = ID if ID not in fields else "pk"
        lists.setdefault(item["model"], []).append({pk_name: item.get("pk"), **fields})
    return lists


def _table(name: str, objects: list[dict[str, Any]], max_columns: int) -> Sheet:
    nested: list[str] = []
    flat = [_flatten(item, "", 1, nested) for item in objects]
    full: list[str] = []
    for row in flat:
        full += [column for column in row if column not in full]  # order of first appearance
    if len(full) > max_columns:
        raise ValueError(say("too_many_columns", name=name, count=len(full), limit=max_columns))
    headers = _short_names(full)
    rows = [{headers[full.index(column)]: value for column, value in row.items()} for row in flat]
    notes: list[str] = []
    headers = _derive_parent(name, headers, rows, notes)
    if nested:
        shown = ", ".join(f"„{headers[full.index(column)] if column in full else column}“"
                          for column in dict.fromkeys(nested))
        notes.append(say("serialised", name=name, columns=shown))
    numbered = [(number, [row.get(header) for header in headers]) for number, row in enumerate(rows, 1)]
    return (name, headers, numbered, list(headers), notes)


def _flatten(value: dict[str, Any], prefix: str, depth: int, nested: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        column = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(item, dict) and item and depth < FLATTEN_DEPTH:
            out.update(_flatten(item, column, depth + 1, nested))
        else:
            out[column] = _cell(item, column, nested)
    return out


def _cell(value: Any, column: str, nested: list[str]) -> Any:
    if isinstance(value, bool):
        return layout.TRUE_WORD if value else layout.FALSE_WORD
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\ufeff", "").strip()
        return text or None
    if isinstance(value, (dict, list)):
        if not value:
            return None
        if isinstance(value, list) and not any(isinstance(item, (dict, list)) for item in value):
            return layout.REFERENCE_SEPARATOR.join(str(_cell(item, column, nested) or "") for item in value)
        nested.append(column)
        return json.dumps(value, ensure_ascii=False)
    return value


def _short_names(full: list[str]) -> list[str]:
    """`fields.title` -> `title` when no other column ends in or is called `title`."""
    lasts = [column.rsplit(".", 1)[-1] for column in full]
    return [last if lasts.count(last) == 1 and (last == column or last not in full) else column
            for column, last in zip(full, lasts)]


# --- a tree the tree path would not see ---------------------------------------------------------


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _find(headers: list[str], keys: set[str]) -> list[str]:
    return [header for header in headers if _key(header) in keys]


def _derive_parent(name: str, headers: list[str], rows: list[dict[str, Any]], notes: list[str]) -> list[str]:
    """Headers with a derived parent column when the rows have a depth but no filled parent field."""
    parents = _find(headers, PARENT_KEYS)
    if any(row.get(header) not in (None, "") for header in parents for row in rows):
        return headers
    depth_column = next((header for header in _find(headers, DEPTH_KEYS)
                         if all(_whole(row.get(header)) is not None for row in rows)
                         and len({_whole(row.get(header)) for row in rows}) > 1), None)
    if depth_column is None:
        return headers
    headers = [header for header in headers if header not in parents]
    for header in parents:
        notes.append(say("empty_parent_dropped", name=name, column=header))
    ids = [header for header in _find(headers, ID_KEYS)
           if all(row.get(header) is not None for row in rows) and len({str(row[header]) for row in rows}) == len(rows)]
    if ids:
        id_column = ids[0]
    else:
        id_column = ID if ID not in headers else POSITION_ID
        for number, row in enumerate(rows, 1):
            row[id_column] = number
        headers = [id_column, *headers]
        notes.append(say("id_from_position", name=name, id=id_column))
    depths = [_whole(row[depth_column]) for row in rows]
    path_column = next((header for header in _find(headers, PATH_KEYS) if _step(rows, header, depths)), None)
    if path_column:
        step = _step(rows, path_column, depths)
        by_path = {str(row[path_column]): row[id_column] for row in rows}
        for row in rows:
            path = str(row[path_column])
            row[PARENT] = by_path.get(path[:-step], path[:-step]) if len(path) > step else None
        notes.append(say("parent_from_path", name=name, parent=PARENT, path=path_column))
    else:
        stack: list[tuple[int, Any]] = []
        for row, depth in zip(rows, depths):
            while stack and stack[-1][0] >= depth:
                stack.pop()
            row[PARENT] = stack[-1][1] if stack else None
            stack.append((depth, row[id_column]))
        notes.append(say("parent_from_depth", name=name, parent=PARENT, depth=depth_column))
    at = headers.index(depth_column) + 1
    return [*headers[:at], PARENT, *headers[at:]]


def _step(rows: list[dict[str, Any]], header: str, depths: list[int | None]) -> int:
    """The length of one step of a materialised path ("0001" at depth 1, "00010002" at depth 2: 4), or 0
    when the column is no such path."""
    steps = set()
    for row, depth in zip(rows, depths):
        path = row.get(header)
        if not isinstance(path, str) or not depth or depth < 1 or len(path) % depth:
            return 0
        steps.add(len(path) // depth)
    return steps.pop() if len(steps) == 1 and min(depths) >= 1 else 0
