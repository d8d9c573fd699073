"""Subcommand `python -m cli import FILE [--dry-run] [--plan SLUG] [--level ...]` (see register()).

Exit codes: 0 imported (or, with --dry-run, nothing to complain about), 1 problems in the file (nothing
written; every problem is printed with sheet, row and column), 2 bad input (unreadable file, unknown level,
unreachable database).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.bootstrap import prepare_database
from models.commands import SYSTEM, CommandError
from models.db import database_url
from models.formats import format_number
from models.transfer import layout, tree
from models.transfer.importer import ImportRefused, Preview, Target, apply, level_summary, preview, propose
from models.transfer.mapping import normalise
from models.transfer.parsing import UnreadableFile, check_size, import_limits, read_file

PROBLEMS = 1
BAD_INPUT = 2


def register(commands) -> None:
    """Adds `import` to the subparsers of cli.main."""
    importing = commands.add_parser(
        "import", help="einen Plan oder eine Ebene aus einer Excel-, CSV- oder Zip-Datei importieren")
    importing.add_argument("file", help="die Datei (.xlsx, .csv oder .zip mit CSV-Dateien)")
    importing.add_argument("--dry-run", action="store_true", help="nur prüfen und die Vorschau zeigen, nichts speichern")
    importing.add_argument("--plan", help="Kürzel des Ziel-Plans; gibt es ihn nicht, wird er angelegt "
                                          "(Voreinstellung: das Plan-Kürzel im Blatt Info)")
    importing.add_argument("--name", help="Name eines neuen Plans (sonst aus dem Blatt Info)")
    importing.add_argument("--owner", help="Träger eines neuen Plans (sonst aus dem Blatt Info)")
    importing.add_argument("--level", help="nur diese Ebene importieren, z. B. Sachstände oder Kennzahlwerte "
                                           "(" + ", ".join(level.sheet for level in layout.LEVELS) + ")")
    importing.add_argument("--tree", action="store_true",
                           help="die Datei enthält den ganzen Plan als Baum in einem Blatt (Ebenen durch Kennung "
                                "und übergeordnete Kennung, Code-Anfang, Einrückung oder Kategorie-Spalten; "
                                "Sachstände als Zeilen unter der Maßnahme); ohne --mapping gilt der Vorschlag")
    importing.add_argument("--mapping", help="JSON-Datei mit der Zuordnung eines Baums, wie sie die Seite Import "
                                             "mit „Zuordnung speichern“ liefert (schließt --tree ein)")
    importing.set_defaults(handler=cmd_import)


def level_name(text: str) -> str | None:
    """The layout's level for a German sheet name or an English level name (case and umlauts ignored)."""
    wanted = normalise(text)
    for level in layout.LEVELS:
        if wanted in (normalise(level.sheet), normalise(level.name)):
            return level.name
    return None


def _fail(message: str, code: int = BAD_INPUT) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return code


class _Progress:
    """Progress on standard error: each level's start and every further tenth of the rows."""

    def __init__(self) -> None:
        self.shown_tenth = -1

    def __call__(self, fraction: float, message: str) -> None:
        tenth = int(fraction * 10)
        if " von " in message and tenth == self.shown_tenth:
            return
        self.shown_tenth = tenth
        print(f"[{round(fraction * 100):>3} %] {message}", file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace) -> int:
    level = None
    if args.level:
        level = level_name(args.level)
        if level is None:
            return _fail(f"Eine Ebene „{args.level}“ gibt es nicht. Möglich sind: "
                         + ", ".join(item.sheet for item in layout.LEVELS) + ".")
    path = Path(args.file)
    limits = import_limits()
    try:
        check_size(path.stat().st_size, limits)  # a file too big is not even read
        tables = read_file(path.name, path.read_bytes(), limits)
    except OSError as exc:
        return _fail(f"Die Datei {path} lässt sich nicht lesen ({exc.strerror}).")
    except UnreadableFile as exc:
        return _fail(str(exc))
    target = Target(slug=args.plan, name=args.name, owner=args.owner)
    if args.tree or args.mapping:
        return _import_tree(args, path, target)
    mappings = propose(tables, level)
    if not any(mappings):
        hint = "Prüfen Sie die Kopfzeile der Datei." if level else "Nennen Sie die Ebene mit --level."
        return _fail("In der Datei wurde kein Blatt gefunden, das sich einer Ebene zuordnen lässt. " + hint)

    def check(session: Session) -> Preview:
        return preview(session, SYSTEM, tables, mappings, target)

    def write(session: Session) -> Preview:
        return apply(session, SYSTEM, tables, mappings, target, progress=_Progress(), source=path.name)

    result = _execute(args, check, write)
    if isinstance(result, int):
        return result
    _print_preview(path.name, tables, mappings, result)
    return _conclude(result, args.dry_run)


def _import_tree(args: argparse.Namespace, path: Path, target: Target) -> int:
    """The whole plan as one tree in one sheet (models.transfer.tree), with the mapping of --mapping or,
    without it, the proposal; the same preview and all-or-nothing write as the page."""
    try:
        found = tree.read_tree_file(path.name, path.read_bytes())
    except UnreadableFile as exc:
        return _fail(str(exc))
    table = next((table for table in found.tables if table.rows), found.tables[0])
    shape = found.shapes.get(table.name)
    if args.mapping:
        try:
            mapping = tree.TreeMapping.from_json(Path(args.mapping).read_text(encoding="utf-8"))
        except OSError as exc:
            return _fail(f"Die Zuordnung {args.mapping} lässt sich nicht lesen ({exc.strerror}).")
        except (ValueError, TypeError) as exc:
            return _fail(f"Die Zuordnung {args.mapping} ist keine gültige Zuordnung eines Baums ({exc}).")
    else:
        mapping = tree.propose_tree(table, shape)
    reshaped = tree.reshape(table, mapping, shape)

    def check(session: Session) -> Preview:
        return tree.preview(session, SYSTEM, reshaped, target)

    def write(session: Session) -> Preview:
        return tree.apply(session, SYSTEM, reshaped, target, progress=_Progress(), source=path.name)

    result = _execute(args, check, write)
    if isinstance(result, int):
        return result
    print(f"Baum im Blatt „{table.name}“")
    _print_tree(reshaped)
    _print_preview(path.name, [], [], result)
    return _conclude(result, args.dry_run)


def _print_tree(reshaped: tree.Reshaped) -> None:
    for level in (*tree.TREE_LEVELS, "organisations", "status_reports"):
        if reshaped.counts.get(level):
            made = reshaped.generated.get(level, 0)
            print(f"{layout.level(level).sheet}: {format_number(reshaped.counts[level])}"
                  + (f" (davon erzeugt: {format_number(made)})" if made else ""))
    for label, date, count in reshaped.reports:
        print(f"Sachstände „{label}“ ({tree.shown_date(date) or 'ohne Datum'}): {format_number(count)}")
    for value, status, count in reshaped.statuses:
        print(f"Status „{value}“ → {status or 'nicht zugeordnet'}: {format_number(count)} Zeile(n)")
    print(f"Übersprungene Zeilen: {format_number(len(reshaped.skipped))}"
          + "".join(f"\n  - Zeile {row}: {reason}" for row, reason in reshaped.skipped))


def _execute(args: argparse.Namespace, check, write) -> Preview | int:
    """check (with --dry-run, then rolled back) or write in one transaction; an exit code on failure."""
    engine = prepare_database(args.database_url or database_url(), with_examples=False)
    try:
        with Session(engine) as session, session.begin():
            if args.dry_run:
                result = check(session)
                session.rollback()
            else:
                result = write(session)
    except ImportRefused as refused:
        result = refused.preview
    except CommandError as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:  # rolled back; the detail is for whoever runs the command
        return _fail(f"Die Datenbank hat die Daten nicht angenommen; es wurde nichts gespeichert. "
                     f"({type(getattr(exc, 'orig', None) or exc).__name__})")
    finally:
        engine.dispose()
    return result


def _print_preview(name: str, tables, mappings, result: Preview) -> None:
    used = [f"{table.name} → {layout.level(mapping.level).sheet}" for table, mapping in zip(tables, mappings) if mapping]
    print(f"Datei: {name}" + (f" ({'; '.join(used)})" if used else ""))
    state = "neu" if result.new_plan else "vorhanden"
    if result.plan_slug:
        print(f"Plan: {result.plan_name} [{result.plan_slug}] ({state})")
    print(f"\n{'Ebene':<18}{'neu':>8}{'geändert':>10}{'unverändert':>13}")
    for label, count in level_summary(result):
        print(f"{label:<18}{format_number(count.new):>8}{format_number(count.changed):>10}"
              f"{format_number(count.unchanged):>13}")
    if result.problems:
        print(f"\nProbleme ({format_number(len(result.problems))}):")
        for message in result.messages():
            print(f"  - {message}")


def _conclude(result: Preview, dry_run: bool) -> int:
    if result.problems:
        print("\nEs wurde nichts gespeichert. Bitte beheben Sie die Probleme und importieren Sie die Datei erneut.")
        return PROBLEMS
    if dry_run:
        print("\nProbelauf: Es wurde nichts gespeichert.")
    elif result.changed_rows or result.new_plan or ("plan" in result.counts and result.counts["plan"].changed):
        print(f"\nImport gespeichert: {format_number(result.changed_rows)} Zeile(n) neu oder geändert.")
    else:
        print("\nNichts zu ändern: Der Plan entspricht bereits der Datei.")
    return 0
