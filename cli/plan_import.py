"""Subcommand `python -m cli import FILE [--dry-run] [--plan SLUG] [--level ...]` (see register()), and
`python -m cli import FILE --indicators --plan SLUG --rows 06432 --columns Arbeitslose --stand 31.12.2024
--source "..."` (or `--options choice.json`) for statistics files as context indicators
(models.transfer.statistics: the same reshaping, counts and problems as the page); `--tree [--mapping FILE]` for
a whole plan as one tree in one sheet (models.transfer.tree).

Exit codes: 0 imported (or, with --dry-run, nothing to complain about), 1 problems in the file (nothing
written; every problem is printed with sheet, row and column), 2 bad input (unreadable file, unknown level,
unreachable database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.bootstrap import prepare_database
from models.commands import SYSTEM, CommandError
from models.db import database_url
from models.formats import format_date, format_number, parse_date
from cli import statistics_rows
from cli.import_profiles import ProfileNotFound, load_profile
from models.transfer import layout, profiles, shapes, statistics, tree
from models.rules import MEASURE_STATUSES
from models.transfer.importer import (ImportRefused, Preview, Problem, Target, apply, level_summary, preview,
                                      propose)
from models.transfer.mapping import normalise
from models.transfer.parsing import UnreadableFile, check_size, import_limits, read_file
from models.transfer.statistics_changes import change_messages, existing_changes
from models.transfer.tree_wording import say as tree_say

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
    importing.add_argument("--name", help="Name eines neuen Plans (sonst aus dem Blatt Info); bei einer Statistik "
                                          "(--indicators) die Bezeichnung der Reihe, die vor jedem Code und Titel "
                                          "steht, z. B. \"Indikator 11.2.1\" (sonst aus der Datei vorgeschlagen)")
    importing.add_argument("--owner", help="Träger eines neuen Plans (sonst aus dem Blatt Info)")
    importing.add_argument("--level", help="nur diese Ebene importieren, z. B. Sachstände oder Kennzahlwerte "
                                           "(" + ", ".join(level.sheet for level in layout.LEVELS) + ")")
    stats = importing.add_argument_group(
        "Statistiken als Kontext-Kennzahlen (amtliche Tabellen, Zeitreihen, breite Tabellen)")
    stats.add_argument("--indicators", action="store_true",
                       help="die Datei als Statistik lesen: gewählte Zeilen und Spalten werden Kontext-Kennzahlen")
    stats.add_argument("--shape", choices=statistics.SHAPES,
                       help="Form der Datei: official (amtliche Tabelle), series (Zeitreihe), wide (breite Tabelle); "
                            "Voreinstellung: erkannt")
    stats.add_argument("--rows", action="append", default=[],
                       help="Zeilen nach Wert, z. B. Gebietsschlüssel 06432 (mehrere: --rows wiederholen, z. B. "
                            "--rows \"CNMIGRAT,AT\" --rows \"CNMIGRAT,DE\"; Werte ohne Komma auch als Liste mit "
                            "Komma: 06432,06433)")
    stats.add_argument("--columns", action="append", default=[],
                       help="Spalten nach Kopf (mehrere: wiederholen oder mit Semikolon trennen)")
    stats.add_argument("--categories", action="append", default=[], metavar="SPALTE[,SPALTE]",
                       help="Kategorie-Spalten einer Zeitreihe (z. B. Ortsteil): jede Kombination ihrer Werte wird "
                            "eine eigene Kennzahl (mehrere: wiederholen oder mit Komma trennen)")
    stats.add_argument("--key-column", help="Spalte, nach deren Werten --rows wählt (Voreinstellung: erkannt)")
    stats.add_argument("--stand", help="Stand der Werte einer amtlichen Tabelle (TT.MM.JJJJ); sonst aus den Titelzeilen")
    stats.add_argument("--source", help="Quelle der Werte; sonst aus den Titel- oder Fußzeilen")
    stats.add_argument("--unit", default="", help="Einheit der Kennzahlen (freiwillig)")
    stats.add_argument("--options", help="JSON-Datei mit denselben Angaben: "
                                         '{"shape": "official", "rows": ["06432"], "columns": ["Arbeitslose"], '
                                         '"stand": "31.12.2024", "source": "...", "unit": "", "sheet": "..."}')
    stats.add_argument("--sheet", help="Tabellenblatt einer Excel-Datei (Voreinstellung: das erste passende)")
    importing.add_argument("--tree", action="store_true",
                           help="die Datei enthält den ganzen Plan als Baum in einem Blatt (Ebenen durch Kennung "
                                "und übergeordnete Kennung, Code-Anfang, Einrückung oder Kategorie-Spalten; "
                                "Sachstände als Zeilen unter der Maßnahme); ohne --mapping gilt der Vorschlag")
    importing.add_argument("--mapping", help="JSON-Datei mit der Zuordnung eines Baums, wie sie die Seite Import "
                                             "mit „Zuordnung speichern“ liefert (schließt --tree ein)")
    importing.add_argument("--profile", help="ein Importprofil: sein Name (auf der Seite Import gespeichert, im Plan "
                                             "von --plan) oder eine Profildatei (.json, z. B. von "
                                             "`import-profile export`); es gibt alle Zuordnungen vor")
    importing.add_argument("--confirm-new", action="store_true",
                           help="mit --profile: die Vorschläge für Bezeichnungen und Statuswerte übernehmen, die das "
                                "Profil noch nicht kennt (ohne diese Angabe werden sie als Probleme genannt)")
    importing.add_argument("--default-status", choices=MEASURE_STATUSES, metavar="STATUS",
                           help="mit --tree ohne Statusspalte: der Status, den alle Sachstände erhalten (ohne diese "
                                "Angabe ist eine fehlende Statusspalte ein Problem); erlaubt: "
                                + ", ".join(MEASURE_STATUSES))
    importing.add_argument("--no-shorten-titles", dest="shorten_titles", action="store_false", default=None,
                           help="mit --tree: zu lange Titel nicht kürzen, sondern als Problem nennen (Voreinstellung: "
                                "an einer Wortgrenze mit „…“ kürzen, der ganze Text steht vorne in der Beschreibung)")
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
    for note in (note for table in tables for note in table.notes):  # what reading another tool's JSON left out
        print(f"Hinweis: {note}", file=sys.stderr)
    profile = None
    if args.profile:
        if args.mapping or args.options:
            return _fail("Geben Sie entweder --profile oder --mapping/--options an, nicht beides.")
        try:
            profile, saved_in = load_profile(args.profile, args.plan, args.database_url or database_url())
        except (ProfileNotFound, profiles.ProfileRefused) as exc:
            return _fail(str(exc))
        args.plan = args.plan or saved_in
        heads = (profiles.plan_signature(tables) if profile.shape == profiles.PLAN
                 else profiles.signature(_headers(tables, profile)))
        if profile.signature and not profiles.fits(profile.signature, heads, profile.shape):
            print(f"Hinweis: Die Spalten der Datei sind nicht die des Profils „{profile.name}“.", file=sys.stderr)
    proposed = _proposed_shape(args, tables)
    statistics_import = args.indicators or args.options or args.shape or proposed in statistics.SHAPES or (
        profile is not None and profile.shape not in (profiles.PLAN, profiles.TREE))
    # a statistics import names its series with --name; a new plan then gets its name from its slug
    target = Target(slug=args.plan, name=None if statistics_import else args.name, owner=args.owner)
    if args.tree or args.mapping or proposed == shapes.TREE or (profile is not None and profile.shape == profiles.TREE):
        return _import_tree(args, path, target, profile)
    notes: list[statistics.Note] = []
    stands: list[dt.date] = []
    reshaped = None
    if statistics_import:
        if not args.plan:
            return _fail("Nennen Sie den Plan, in den die Kennzahlen kommen, mit --plan KÜRZEL.")
        try:
            reshaped = _reshape(tables, args, profile.choices if profile is not None else None)
        except (statistics.ChoiceRefused, OSError, ValueError) as exc:
            return _fail(str(exc))
        tables, mappings, notes, stands = reshaped.tables, reshaped.mappings, reshaped.notes, reshaped.stands
    elif profile is not None:  # a level mapping, sheet by sheet
        applied = profiles.apply_plan(profile, tables)
        mappings = applied.mappings
        for sheet in applied.missing_sheets:
            print(f"Hinweis: Das Blatt „{sheet}“ des Profils fehlt in der Datei.", file=sys.stderr)
        for sheet, header in applied.new_columns:
            print(f"Hinweis: Die Spalte „{header}“ (Blatt „{sheet}“) kennt das Profil nicht; sie wird nicht "
                  "übernommen.", file=sys.stderr)
    else:
        mappings = propose(tables, level)
    if not any(mappings):
        if level is not None:
            return _fail(f"Die Datei hat kein Blatt mit Spalten, das sich als „{layout.level(level).sheet}“ "
                         "lesen lässt.")
        return _fail("In der Datei wurde kein Blatt gefunden, das sich einer Ebene zuordnen lässt. "
                     "Nennen Sie die Ebene mit --level, lesen Sie einen Baum mit --tree oder eine Statistik mit "
                     "--indicators.")

    def check(session: Session) -> Preview:
        return preview(session, SYSTEM, tables, mappings, target)

    def write(session: Session) -> Preview:
        return apply(session, SYSTEM, tables, mappings, target, progress=_Progress(), source=path.name)

    result = _execute(args, check, write)
    if isinstance(result, int):
        return result
    _print_preview(path.name, tables, mappings, result)
    if reshaped is not None:
        for _kind, message in change_messages(existing_changes(reshaped, result)):
            print(f"\n{message}")
    if stands:
        print("\nStand der Werte: " + ", ".join(format_date(when) for when in stands))
    if notes:
        print(f"\nNicht übernommen ({format_number(len(notes))}):")
        for line in statistics.note_lines(notes):
            print(f"  - {line}")
    return _conclude(result, args.dry_run)


SHAPE_NAMES = {shapes.PLAN: "Plan oder Ebene", shapes.TREE: "Baum in einer Tabelle",
               statistics.OFFICIAL: "Amtliche Statistik", statistics.SERIES: "Zeitreihe",
               statistics.WIDE: "Breite Tabelle"}
OTHER_SHAPES = {shapes.PLAN: "--tree/--indicators", shapes.TREE: "--level/--indicators"}


def _proposed_shape(args: argparse.Namespace, tables) -> str | None:
    """Without a flag that names the shape (--level, --tree, --indicators, --shape, --mapping, --options,
    --profile): the shape the Import page proposes for the file (models.transfer.shapes), said on the first line."""
    if any((args.level, args.tree, args.indicators, args.shape, args.mapping, args.options, args.profile)):
        return None
    shape = shapes.proposed_shape(tables).shape
    print(f"Form: {SHAPE_NAMES[shape]} (erkannt; andere Form mit {OTHER_SHAPES.get(shape, '--level/--tree')})")
    return shape


def _headers(tables, profile: profiles.Profile) -> list[str]:
    """The headers of the table a profile is for (its sheet, else the first with rows)."""
    sheet = profile.choices.get("sheet")
    table = next((table for table in tables if table.name == sheet), None) or next(
        (table for table in tables if table.rows), tables[0])
    return table.headers


def _import_tree(args: argparse.Namespace, path: Path, target: Target,
                 profile: profiles.Profile | None = None) -> int:
    """The whole plan as one tree in one sheet (models.transfer.tree), with the mapping of --profile or
    --mapping or, without them, the proposal; the same preview and all-or-nothing write as the page."""
    try:
        found = tree.read_tree_file(path.name, path.read_bytes())
    except UnreadableFile as exc:
        return _fail(str(exc))
    filled = [table for table in found.tables if table.rows] or found.tables
    table = next((table for table in filled if tree.looks_like_tree(table)), filled[0])  # e.g. a Django export's tree
    shape = found.shapes.get(table.name)
    new_values: list[str] = []
    if profile is not None:
        applied = profiles.apply_tree(profile, table, shape)
        mapping = applied.confirmed() if args.confirm_new else applied.mapping
        new_values = _new_value_lines(applied)
    elif args.mapping:
        try:
            mapping = tree.TreeMapping.from_json(Path(args.mapping).read_text(encoding="utf-8"))
        except OSError as exc:
            return _fail(f"Die Zuordnung {args.mapping} lässt sich nicht lesen ({exc.strerror}).")
        except (ValueError, TypeError) as exc:
            return _fail(f"Die Zuordnung {args.mapping} ist keine gültige Zuordnung eines Baums ({exc}).")
    else:
        mapping = tree.propose_tree(table, shape)
    if args.default_status:
        mapping.default_status = args.default_status
    if args.shorten_titles is not None:
        mapping.shorten_titles = args.shorten_titles
    reshaped = tree.reshape(table, mapping, shape)
    if reshaped.default_status is not None and not args.default_status:
        # Rule "no status column is said": never every report silently in the default status.
        reshaped.problems.append(Problem(table.name, None, None, tree_say("no_status_cli",
                                                                         status=reshaped.default_status),
                                         is_file=bool(table.delimiter)))

    def check(session: Session) -> Preview:
        return tree.preview(session, SYSTEM, reshaped, target)

    def write(session: Session) -> Preview:
        return tree.apply(session, SYSTEM, reshaped, target, progress=_Progress(), source=path.name)

    result = _execute(args, check, write)
    if isinstance(result, int):
        return result
    print(f"Baum im Blatt „{table.name}“" + (f", Importprofil „{profile.name}“" if profile is not None else ""))
    if new_values:
        print(("Neu in dieser Datei, vom Profil nicht erfasst (Vorschläge übernommen mit --confirm-new):"
               if args.confirm_new else
               "Neu in dieser Datei, vom Profil nicht erfasst: bitte bestätigen (--confirm-new übernimmt die "
               "Vorschläge) oder das Profil auf der Seite Import ergänzen:")
              + "".join(f"\n  - {line}" for line in new_values))
    _print_tree(reshaped)
    _print_preview(path.name, [], [], result)
    return _conclude(result, args.dry_run)


def _new_value_lines(applied: profiles.Applied) -> list[str]:
    lines = [f"Bezeichnung „{label}“: Vorschlag {format_date(dt.date.fromisoformat(date)) if date else 'keiner'}"
             for label, date in applied.new_labels.items()]
    lines += [f"Statuswert „{value}“: Vorschlag {status or 'keiner'}" for value, status in applied.new_statuses.items()]
    return lines


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
    for line in (reshaped.id_like_title_line(), reshaped.no_status_line(), reshaped.derived_line(),
                 reshaped.unreported_line(), reshaped.shortened_line()):
        if line is not None:
            print(line)
    if not reshaped.nothing_left_out():
        print(f"Nicht übernommen ({format_number(len(reshaped.left_out_lines()))}):"
              + "".join(f"\n  - {line}" for line in reshaped.left_out_lines()))


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


OPTION_LISTS = ("rows", "columns", "categories")
OPTION_TEXTS = ("sheet", "shape", "stand", "source", "unit", "key_column", "unit_column", "name", "name_from", "periods", "kind")
_JSON_REASONS = (("Expecting value", "hier fehlt ein Wert – ist die Datei überhaupt JSON?"),
                 ("Expecting property name", "ein Schlüssel muss in doppelten Anführungszeichen stehen"),
                 ("Expecting ',' delimiter", "hier fehlt ein Komma"),
                 ("Expecting ':' delimiter", "hier fehlt ein Doppelpunkt nach dem Schlüssel"),
                 ("Unterminated string", "ein Text endet nicht (Anführungszeichen fehlt)"),
                 ("Invalid control character", "ein Text enthält einen Zeilenumbruch oder ein Steuerzeichen"),
                 ("Extra data", "nach dem Objekt folgt weiterer Text"))
OPTIONS_EXAMPLE = '{"rows": ["06432"], "columns": ["Arbeitslose"], "stand": "31.12.2024"}'


def _line_of(text: str, key: str) -> int:
    """The line of the options file that names a key (1 when not found)."""
    position = text.find(json.dumps(key))
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def read_options(path: Path) -> dict:
    """The options file (a JSON object of the keys OPTION_LISTS and OPTION_TEXTS); ValueError in German naming
    what is wrong and the line: not JSON, not an object, an unknown key, a value of the wrong kind."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"Die Optionsdatei {path} ist nicht in UTF-8 gespeichert.") from None
    try:
        options = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = next((german for english, german in _JSON_REASONS if exc.msg.startswith(english)),
                      "der Text ist hier kein gültiges JSON")
        raise ValueError(f"Die Optionsdatei {path} ist kein gültiges JSON: Zeile {exc.lineno}, Zeichen "
                         f"{exc.colno}: {reason}. Erwartet wird ein JSON-Objekt, z. B. {OPTIONS_EXAMPLE}") from None
    if not isinstance(options, dict):
        raise ValueError(f"Die Optionsdatei {path} muss ein JSON-Objekt in geschweiften Klammern sein, z. B. "
                         f"{OPTIONS_EXAMPLE}")
    for key, value in options.items():
        where = f"Die Optionsdatei {path}, Zeile {_line_of(text, key)}"
        if key not in (*OPTION_LISTS, *OPTION_TEXTS):
            raise ValueError(f"{where}: Den Schlüssel „{key}“ gibt es nicht. Möglich sind: "
                             + ", ".join((*OPTION_LISTS, *OPTION_TEXTS)) + ".")
        if key in OPTION_LISTS and not (isinstance(value, list) and all(isinstance(item, (str, int, float))
                                                                         for item in value)):
            raise ValueError(f"{where}: „{key}“ muss eine Liste von Texten sein, z. B. \"{key}\": [\"06432\"].")
        if key in OPTION_TEXTS and value is not None and not isinstance(value, str):
            raise ValueError(f"{where}: „{key}“ muss ein Text in Anführungszeichen sein.")
        if key == profiles.ALL_PERIODS and value not in (None, "all"):
            raise ValueError(f"{where}: „{key}“ kennt nur den Wert \"all\" (alle Zeiträume der Datei).")
    return options


def _split(values: list[str], separator: str) -> list[str]:
    return [part.strip() for value in values for part in value.split(separator) if part.strip()]


def _reshape(tables, args: argparse.Namespace, options: dict | None = None) -> statistics.Reshaped:
    """The statistics choice of the command line (flags override the options file or the profile) applied to
    the file."""
    options = dict(options or {})
    if args.options:
        options = read_options(Path(args.options))
    sheet = args.sheet or options.get("sheet")
    candidates = [table for table in tables if table.headers and (not sheet or table.name == sheet)]
    if not candidates:
        raise ValueError(f"Ein Tabellenblatt „{sheet}“ gibt es in der Datei nicht." if sheet
                         else "Die Datei enthält keine Tabelle.")
    table = next((t for t in candidates if statistics.detect_shape(t)), candidates[0])
    shape = args.shape or options.get("shape") or statistics.detect_shape(table)
    if shape is None:
        raise ValueError("Die Form der Datei wurde nicht erkannt. Nennen Sie sie mit --shape official, series "
                         "oder wide.")
    key_column = args.key_column or options.get("key_column")
    key = key_column or statistics.key_column(table, shape)
    known = statistics_rows.row_values(table, shape, key)
    rows = statistics_rows.split_rows(args.rows, known) or [str(row) for row in options.get("rows", [])]
    if rows and known and (refusal := statistics_rows.unknown_rows(table, shape, key, rows, known)):
        raise ValueError(refusal)
    stand_text = args.stand or options.get("stand")
    try:  # without --stand: the one period of the rows' year column (several: each row its own), or the title
        stand = parse_date(stand_text) if stand_text else statistics.proposed_stand(table, rows, key_column)
    except ValueError:
        raise ValueError(f"„{stand_text}“ ist kein Datum (TT.MM.JJJJ, z. B. 31.12.2024).") from None
    source = args.source if args.source is not None else options.get("source")
    chosen = bool(args.options or args.profile)  # else every choice not given is the page's proposal
    proposal = shapes.statistics_defaults(table, shape, key)
    categories = _split(args.categories, ",") or [str(column) for column in options.get("categories", [])] or (
        [] if chosen else proposal.categories)
    unit_column = options.get("unit_column") if chosen or args.unit else proposal.unit_column
    found, missing = profiles.chosen_columns(options, table, shape, key_column,
                                             [*categories, *([unit_column] if unit_column else [])])
    columns = _split(args.columns, ";") or [*found, *missing]  # a missing column is refused by name
    if not columns and (categories or not chosen):  # as on the page: the columns of figures
        columns = shapes.proposed_columns(table, shape, key, categories, unit_column,
                                          None if chosen else proposal.kind)
    choice = statistics.Choice(
        shape,
        rows=rows,
        columns=columns,
        stand=stand,
        source=(source if source is not None else statistics.proposed_source(table)).strip(),
        unit=(args.unit or options.get("unit") or "").strip(),
        key_column=key_column,
        categories=categories,
        unit_column=unit_column,
        name=_series_name(args, options, table, shape),
    )
    return statistics.reshape(table, choice)


def _series_name(args: argparse.Namespace, options: dict, table, shape: str) -> str:
    """--name, else the options file's or profile's "name" (one saved before names existed: none, so its codes
    stay as they were), else the name the file proposes (as on the page)."""
    if args.name is not None:
        return args.name.strip()
    if args.options or args.profile:
        return profiles.series_name(options, table, Path(args.file).name, shape).strip()
    return statistics.proposed_name(table, Path(args.file).name, shape)


def _print_preview(name: str, tables, mappings, result: Preview) -> None:
    used = [f"{table.name} → {layout.level(mapping.level).sheet}" for table, mapping in zip(tables, mappings) if mapping]
    print(f"Datei: {name}" + (f" ({'; '.join(used)})" if used else ""))
    state = "neu" if result.new_plan else "vorhanden"
    if result.plan_slug:
        print(f"Plan: {result.plan_name} [{result.plan_slug}] ({state})")
    if result.problems:  # refused: no counts of what would be written
        print("\nWegen der Probleme unten wird nichts gespeichert (darum keine Zahlen, was neu oder geändert wäre).")
    else:
        print(f"\n{'Ebene':<18}{'neu':>8}{'geändert':>10}{'unverändert':>13}")
        for label, count in level_summary(result):
            print(f"{label:<18}{format_number(count.new):>8}{format_number(count.changed):>10}"
                  f"{format_number(count.unchanged):>13}")
        for line in result.sample_lines():
            print(line)
    if result.left_out:
        print(f"\nNicht übernommen ({format_number(len(result.left_out))} Spalten):")
        for line in result.left_out_lines():
            print(f"  - {line}")
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
        if result.new_plan:
            print("Der neue Plan ist noch nicht öffentlich; freigeben auf der Seite Einstellungen "
                  "(„Öffentliche Ansicht an“).")
    else:
        print("\nNichts zu ändern: Der Plan entspricht bereits der Datei.")
    return 0
