"""Full JSON backup of the database (or of one plan) and its restore.

Table-driven over models.schema's metadata: every table is written row by row with its own ids,
so a table added later is backed up without code changes here.

Decisions:
- `backup` covers the whole database: plans are linked through shared organisations, staff
  accounts and the audit trail, and only a whole database restores without renumbering. A
  backup of one plan (scope "plan", `export --format json --plan`) holds that plan's rows, the
  rows that hang off them (reports, values, meetings, partners ...) and the shared tables
  (organisations, staff accounts); restored, it gives a database with just that plan.
- Staff accounts are included with their argon2 password hashes in a full backup: without them a
  restore would lock every local account out. The hashes are salted and deliberately slow, but the
  file also holds names, e-mail addresses and the audit trail: keep it as safe as the database.
  A plan backup (an export meant to be handed on) leaves the hashes out (null): its accounts sign
  in through the identity provider or get a new password from an admin.
- Restore replaces the content of the whole database in ONE transaction (delete every row, insert
  the file's rows with their ids, reset PostgreSQL's id sequences), and refuses a database that
  has any rows unless `replace=True`. Caches of a running app are keyed by the plans' change
  counters, which the restore puts back as they were: restart the app after a restore.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text
from sqlalchemy.exc import StatementError

from models.db import migrate
from models.rules import clean_text
from models.schema import Base, User

FORMAT = "masterplan-cockpit-backup"
FORMAT_VERSION = 1
DATABASE_SCOPE = "database"
PLAN_SCOPE = "plan"


class BackupError(Exception):
    """A backup file that cannot be restored, or a restore that was refused; the text is German."""


class RestoreRefused(BackupError):
    """The database holds data and the restore was not told to replace it."""


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


# -- writing ------------------------------------------------------------------------------------


def backup(engine: Engine, plan_id: int | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """The backup as a JSON-ready dict: the whole database, or one plan (see the module docstring)."""
    with engine.connect() as connection:
        contents = {table.name: _read_rows(connection, table) for table in tables()}
        revision = _revision(connection)
    scope: dict[str, Any] = {"kind": DATABASE_SCOPE}
    if plan_id is not None:
        contents = _plan_rows(contents, plan_id)
        _drop_password_hashes(contents)
        plans = contents["plan"]["rows"]
        scope = {"kind": PLAN_SCOPE, "plan": plans[0][contents["plan"]["columns"].index("slug")] if plans else None}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "schema_revision": revision,
        "scope": scope,
        "tables": contents,
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1)


def write_backup(engine: Engine, path, plan_id: int | None = None) -> dict[str, int]:
    """Writes the backup to a file; returns the row count per table."""
    document = backup(engine, plan_id)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(dumps(document))
    return row_counts(document)


def row_counts(document: dict[str, Any]) -> dict[str, int]:
    return {name: len(content["rows"]) for name, content in document["tables"].items()}


def _read_rows(connection: Connection, table: Table) -> dict[str, Any]:
    columns = list(table.columns)
    statement = select(*columns).order_by(*table.primary_key.columns)
    rows = [[_encoded(value) for value in row] for row in connection.execute(statement)]
    return {"columns": [column.name for column in columns], "rows": rows}


def _encoded(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _plan_rows(contents: dict[str, Any], plan_id: int) -> dict[str, Any]:
    """The rows of one plan: tables with a plan_id keep that plan's rows, tables pointing at a kept
    table keep the rows pointing at kept rows, tables without either (shared) keep everything."""
    kept: dict[str, set] = {}
    result = {}
    for table in tables():
        content = contents[table.name]
        rule = _scope_rule(table, kept, plan_id)
        rows = [row for row in content["rows"] if rule is None or rule(dict(zip(content["columns"], row)))]
        result[table.name] = {"columns": content["columns"], "rows": rows}
        if rule is not None and "id" in content["columns"]:
            position = content["columns"].index("id")
            kept[table.name] = {row[position] for row in rows}
    return result


def _scope_rule(table: Table, kept: dict[str, set], plan_id: int):
    if table.name == "plan":
        return lambda row: row["id"] == plan_id
    if "plan_id" in table.columns:
        return lambda row: row["plan_id"] == plan_id
    parents = [
        (key.parent.name, key.column.table.name)
        for key in table.foreign_keys
        if key.column.table.name in kept and key.column.table.name != table.name
    ]
    if not parents:
        return None
    return lambda row: all(row[column] in kept[parent] for column, parent in parents if row[column] is not None)


def _drop_password_hashes(contents: dict[str, Any]) -> None:
    users = contents.get(User.__tablename__)
    if not users or "password_hash" not in users["columns"]:
        return
    position = users["columns"].index("password_hash")
    for row in users["rows"]:
        row[position] = None


# -- restoring ----------------------------------------------------------------------------------


def read_backup(path) -> dict[str, Any]:
    """The parsed and checked file; BackupError with a German message when it is no usable backup."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError as exc:
        raise BackupError(f"Die Datei {path} gibt es nicht.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"Die Datei {path} ist keine JSON-Sicherung des Masterplan-Cockpits.") from exc
    check(document)
    return document


def check(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError("Die Datei ist keine Sicherung des Masterplan-Cockpits.")
    if document.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Die Sicherung hat das Format {document.get('format_version')}; "
            f"diese Version liest nur Format {FORMAT_VERSION}."
        )
    known = {table.name: table for table in tables()}
    contents = document.get("tables")
    if not isinstance(contents, dict):
        raise BackupError("Die Sicherung enthält keine Tabellen.")
    for name, content in contents.items():
        if name not in known:
            raise BackupError(f"Die Sicherung enthält die unbekannte Tabelle „{name}“.")
        columns = content.get("columns") if isinstance(content, dict) else None
        if not isinstance(columns, list) or not isinstance(content.get("rows"), list):
            raise BackupError(f"Die Tabelle „{name}“ der Sicherung ist beschädigt.")
        unknown = [column for column in columns if column not in known[name].columns]
        if unknown:
            raise BackupError(f"Die Tabelle „{name}“ der Sicherung hat unbekannte Spalten: {', '.join(unknown)}.")
        if any(not isinstance(row, list) or len(row) != len(columns) for row in content["rows"]):
            raise BackupError(f"Die Tabelle „{name}“ der Sicherung hat Zeilen mit falscher Spaltenzahl.")


def is_empty(engine: Engine) -> bool:
    """True when no table of the schema holds a row (also when the schema does not exist yet)."""
    existing = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        return not any(
            connection.execute(select(func.count()).select_from(table)).scalar()
            for table in tables()
            if table.name in existing
        )


def restore(engine: Engine, document: dict[str, Any], replace: bool = False) -> dict[str, int]:
    """Puts the backup into the database in one transaction; returns the row count per table.

    Refuses (BackupError) a database holding any row unless replace is True; then every row is
    deleted first, in the same transaction, so a failure leaves the database as it was."""
    check(document)
    migrate(engine)
    if not replace and not is_empty(engine):
        raise RestoreRefused(
            "Die Datenbank enthält bereits Daten. Eine Wiederherstellung ersetzt alles; "
            "bestätigen Sie das ausdrücklich (Option --replace)."
        )
    try:
        with engine.begin() as connection:
            _replace_rows(connection, document)
    except (StatementError, ValueError, TypeError) as exc:
        detail = getattr(exc, "orig", None) or exc
        raise BackupError(
            f"Die Sicherung passt nicht zu den Regeln der Datenbank; nichts wurde geändert ({detail})."
        ) from exc
    return row_counts(document)


def _replace_rows(connection: Connection, document: dict[str, Any]) -> None:
    for table in reversed(tables()):
        connection.execute(table.delete())
    for table in tables():
        content = document["tables"].get(table.name)
        if content and content["rows"]:
            _insert(connection, table, content["columns"], content["rows"])
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection)


def _insert(connection: Connection, table: Table, columns: list[str], rows: list[list[Any]]) -> None:
    """Inserts rows with their ids; references to the same table are set in a second step, so the
    order of the rows does not matter."""
    decoded = [{column: _decoded(table, column, value) for column, value in zip(columns, row)} for row in rows]
    self_references = [key.parent.name for key in table.foreign_keys
                       if key.column.table is table and key.parent.name in columns]
    later = []
    for values in decoded:
        pending = {column: values[column] for column in self_references if values[column] is not None}
        if pending:
            later.append((values, pending))
            values.update({column: None for column in pending})
    connection.execute(table.insert(), decoded)
    # Columns with an onupdate default (updated_at) keep their backed-up value in the second step.
    keep = [column.name for column in table.columns if column.onupdate is not None and column.name in columns]
    for values, pending in later:
        pending.update({column: values[column] for column in keep})
        key = {column.name: values[column.name] for column in table.primary_key.columns}
        condition = [table.c[name] == value for name, value in key.items()]
        connection.execute(table.update().where(*condition).values(**pending))


def _decoded(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = _python_type(table.c[column])
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is str:
        return clean_text(value)
    return value


def _python_type(column) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def _reset_sequences(connection: Connection) -> None:
    """After explicit ids PostgreSQL's sequences must continue behind the highest id."""
    for table in tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or _python_type(keys[0]) is not int:
            continue
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'COALESCE((SELECT MAX("{keys[0].name}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": f'"{table.name}"', "column": keys[0].name},
        )


def summary(counts: dict[str, int]) -> Iterable[str]:
    """Lines "table: rows" for messages."""
    return (f"{name}: {count}" for name, count in counts.items())
