"""The command line's parser and its own subcommands init, info and create-admin (no Streamlit):
`python -m cli --help`. The other subcommands register themselves from cli.transfer, cli.plan_import and
cli.documents."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy.exc import OperationalError

from cli import documents, import_profiles, plan_import, reminders, transfer
from models import queries
from models.bootstrap import prepare_database
from models.db import ConfigurationError, database_url, make_engine
from models.formats import format_number

DEFAULT_PUBLIC_URL = "http://localhost:8501"
LEVEL_LABELS = {
    "action_fields": "Handlungsfelder",
    "guiding_goals": "Leitziele",
    "annual_goals": "Jahresziele",
    "measures": "Maßnahmen",
    "status_reports": "Sachstände",
    "indicators": "Kennzahlen",
    "meetings": "Sitzungen",
}


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_init(args: argparse.Namespace) -> int:
    url = args.database_url or database_url()
    engine = prepare_database(url, with_examples=not args.no_examples, add_examples=args.examples)
    print(f"Datenbank bereit: {_redacted(url)}")
    _print_plans(engine)
    if not _has_active_admin(engine):
        print("\nEs gibt noch kein Admin-Konto. Legen Sie das erste an, mit einem Link zum Passwort-Setzen:\n"
              '  python3 -m cli create-admin --email buero@example.org --name "Büro für Migration und Inklusion" '
              "--link\n(ohne --link wird das Passwort hier abgefragt).")
    return 0


def _has_active_admin(engine) -> bool:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from models.schema import User

    with Session(engine) as session:
        return session.scalar(select(User.id).where(User.role == "admin", User.active.is_(True)).limit(1)) is not None


def cmd_info(args: argparse.Namespace) -> int:
    url = args.database_url or database_url()
    engine = make_engine(url)
    print(f"Datenbank: {_redacted(url)}")
    from models.db import has_tables

    if not has_tables(engine):
        print("Die Datenbank ist noch leer. Legen Sie sie an mit: python -m cli init")
        return 1
    _print_plans(engine)
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    """A local admin account; the password is read from standard input or asked for twice."""
    from sqlalchemy.orm import Session

    from models.commands.accounts import create_admin
    from models.commands import ValidationFailed

    from models.actors import SYSTEM
    from models.commands.passwords import issue_password_link
    from models.password_tokens import link_lifetimes, link_url

    password = None if args.link else _read_password(args.password_stdin)
    engine = prepare_database(args.database_url or database_url())
    try:
        with Session(engine) as session, session.begin():
            user = create_admin(session, args.name, args.email, password)
            email = user.email
            lifetimes = link_lifetimes() if args.link else None
            token = issue_password_link(session, SYSTEM, user.id, lifetimes) if args.link else None
    except ValidationFailed as exc:
        for message in exc.field_errors.values() or [str(exc)]:
            print(f"Fehler: {message}", file=sys.stderr)
        return 2
    print(f"Admin-Konto angelegt: {email}")
    if token is not None:
        hours = int(lifetimes.set.total_seconds() // 3600)
        print(f"Öffnen Sie diesen Link (gilt {hours} Stunden und nur einmal), um das Passwort zu setzen:\n"
              f"{link_url(args.public_url or os.environ.get('MPC_PUBLIC_URL') or DEFAULT_PUBLIC_URL, token)}")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Passwort (mindestens 12 Zeichen): ")
    if getpass.getpass("Passwort wiederholen: ") != first:
        print("Fehler: Die Passwörter stimmen nicht überein.", file=sys.stderr)
        raise SystemExit(2)
    return first


def _print_plans(engine) -> None:
    plans = queries.plans(engine)
    if plans.empty:
        print("Keine Pläne vorhanden.")
        return
    for plan in plans.itertuples():
        marker = " (Beispieldaten)" if plan.is_example else ""
        print(f"\n{plan.name}{marker} [{plan.slug}], {plan.owner}, Horizont {plan.horizon_year}")
        for key, count in queries.plan_counts(engine, plan.id).items():
            print(f"  {LEVEL_LABELS[key]:<16} {format_number(count):>8}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cli", description="Masterplan-Cockpit")
    parser.add_argument("--database-url", help="statt DATABASE_URL bzw. der Voreinstellung")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="Datenbank anlegen, migrieren und mit dem Beispielplan füllen")
    examples = init.add_mutually_exclusive_group()
    examples.add_argument("--no-examples", action="store_true", help="ohne Beispieldaten")
    examples.add_argument("--examples", action="store_true",
                          help="die Beispielpläne auch in eine bestehende Datenbank laden (nur fehlende)")
    init.set_defaults(handler=cmd_init)
    info = commands.add_parser("info", help="Pläne und ihre Umfänge anzeigen")
    info.set_defaults(handler=cmd_info)
    admin = commands.add_parser("create-admin", help="ein Admin-Konto anlegen (Passwort wird abgefragt)")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", required=True)
    admin.add_argument("--password-stdin", action="store_true", help="Passwort aus der Standardeingabe lesen")
    admin.add_argument("--link", action="store_true",
                       help="kein Passwort abfragen, sondern einen einmaligen Link zum Passwort-Setzen ausgeben")
    admin.add_argument("--public-url", help="Adresse des Cockpits für den Link (statt MPC_PUBLIC_URL, "
                                            f"Voreinstellung {DEFAULT_PUBLIC_URL})")
    admin.set_defaults(handler=cmd_create_admin)
    transfer.register(commands)
    plan_import.register(commands)
    import_profiles.register(commands)
    documents.register(commands)
    reminders.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ConfigurationError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        print(f"Fehler: {unreachable_message(exc)}", file=sys.stderr)
        return 2


def unreachable_message(exc: OperationalError) -> str:
    """The database could not be opened: what to check, in German; the driver's words only as a detail."""
    detail = " ".join(str(exc.orig).split())
    if "unable to open database file" in detail or "readonly" in detail:
        hint = "Die Datenbankdatei lässt sich nicht öffnen oder anlegen: Bitte prüfen Sie, ob ihr Ordner existiert " \
               "und beschreibbar ist."
    elif "connection" in detail.lower():
        hint = "Der Datenbankserver antwortet nicht: Bitte prüfen Sie Rechner und Port in DATABASE_URL und ob " \
               "der Server läuft."
    else:
        hint = "Bitte prüfen Sie DATABASE_URL."
    return f"Die Datenbank ist nicht erreichbar. {hint} (Technische Angabe: {detail})"


if __name__ == "__main__":
    sys.exit(main())
