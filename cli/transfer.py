"""Subcommands export, backup and restore of `python -m cli` (registered by register()).

Exit codes: 0 done, 1 restore refused (the database holds data and --replace is missing),
2 bad input (unknown plan, bad date, unusable file, unreachable database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from models import queries
from models.db import database_url, has_tables, make_engine
from models.formats import format_date, format_datetime, format_number
from models.transfer import backup as backups
from models.transfer import export

FORMATS = ("xlsx", "csv", "json")
REFUSED = 1
BAD_INPUT = 2


def register(commands) -> None:
    """Adds export, backup and restore to the subparsers of cli.main."""
    exporting = commands.add_parser(
        "export", help="einen Plan als Excel-Datei, CSV-Zip oder JSON-Sicherung ausgeben")
    exporting.add_argument("--format", choices=FORMATS, required=True,
                           help="xlsx (Excel), csv (Zip mit einer CSV-Datei je Blatt) oder json (Sicherung)")
    exporting.add_argument("--out", required=True, help="Zieldatei")
    exporting.add_argument("--plan", help="Kürzel des Plans (Voreinstellung: der erste Plan; "
                                          "bei json ohne --plan: die ganze Datenbank)")
    exporting.add_argument("--as-of", help="Stand als JJJJ-MM-TT (Voreinstellung: heute)")
    exporting.set_defaults(handler=cmd_export)
    saving = commands.add_parser("backup", help="die ganze Datenbank als JSON-Datei sichern")
    saving.add_argument("--out", required=True, help="Zieldatei (.json)")
    saving.set_defaults(handler=cmd_backup)
    restoring = commands.add_parser("restore", help="eine JSON-Sicherung in die Datenbank zurückspielen")
    restoring.add_argument("file", help="die Sicherungsdatei (.json)")
    restoring.add_argument("--replace", action="store_true",
                           help="vorhandene Daten vollständig ersetzen (sonst nur in eine leere Datenbank)")
    restoring.set_defaults(handler=cmd_restore)


def _fail(message: str, code: int = BAD_INPUT) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return code


def _engine(args: argparse.Namespace):
    engine = make_engine(args.database_url or database_url())
    return engine if has_tables(engine) else None


def cmd_export(args: argparse.Namespace) -> int:
    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        return _fail(f"„{args.as_of}“ ist kein Datum. Geben Sie den Stand als JJJJ-MM-TT an, z. B. 2024-06-30.")
    engine = _engine(args)
    if engine is None:
        return _fail("Die Datenbank ist noch leer. Legen Sie sie an mit: python -m cli init")
    if args.format == "json" and not args.plan:
        return _write_backup(engine, Path(args.out), None)
    plans = queries.plans(engine)
    if plans.empty:
        return _fail("Die Datenbank enthält keinen Plan.")
    if args.plan and args.plan not in set(plans["slug"]):
        return _fail(f"Einen Plan „{args.plan}“ gibt es nicht. Vorhanden: {', '.join(plans['slug'])}.")
    plan = plans[plans["slug"] == (args.plan or plans["slug"].iloc[0])].iloc[0]
    if args.format == "json":
        return _write_backup(engine, Path(args.out), int(plan["id"]))
    data = export.collect(engine, int(plan["id"]), export.ExportOptions(as_of=as_of))
    content = export.excel_bytes(data) if args.format == "xlsx" else export.csv_zip_bytes(data)
    if not _write(Path(args.out), content):
        return BAD_INPUT
    print(f"Plan: {plan['name']} [{plan['slug']}], Stand {format_date(as_of or dt.date.today())}, "
          f"gespeichert in {args.out}")
    for level in export.LEVELS:
        print(f"  {level.sheet:<16} {format_number(data.count(level.name)):>8}")
    return 0


def _write(path: Path, content: bytes) -> bool:
    try:
        path.write_bytes(content)
    except OSError as exc:
        _fail(f"Die Datei {path} kann nicht geschrieben werden ({exc.strerror}).")
        return False
    return True


def _write_backup(engine, path: Path, plan_id: int | None) -> int:
    document = backups.backup(engine, plan_id)
    if not _write(path, backups.dumps(document).encode("utf-8")):
        return BAD_INPUT
    counts = backups.row_counts(document)
    what = "der ganzen Datenbank" if plan_id is None else f"des Plans „{document['scope']['plan']}“"
    print(f"Sicherung {what} gespeichert in {path}: {format_number(sum(counts.values()))} Zeilen "
          f"in {len(counts)} Tabellen.")
    return 0


def _when(created_at: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return str(created_at)
    return format_datetime(moment.astimezone() if moment.tzinfo else moment)


def cmd_backup(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if engine is None:
        return _fail("Die Datenbank ist noch leer; es gibt nichts zu sichern.")
    return _write_backup(engine, Path(args.out), None)


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        document = backups.read_backup(args.file)
    except backups.BackupError as exc:
        return _fail(str(exc))
    engine = make_engine(args.database_url or database_url())
    try:
        counts = backups.restore(engine, document, replace=args.replace)
    except backups.RestoreRefused as exc:
        return _fail(str(exc), REFUSED)
    except backups.BackupError as exc:
        return _fail(str(exc))
    print(f"Sicherung vom {_when(document['created_at'])} zurückgespielt: {format_number(sum(counts.values()))} Zeilen "
          f"in {len(counts)} Tabellen. Starten Sie die laufende App neu, damit sie die Daten neu liest.")
    return 0
