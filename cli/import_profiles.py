"""Import profiles on the command line (models.transfer.profiles): `import FILE --profile NAME|FILE` finds the
profile (cli.plan_import uses load_profile), and `python -m cli import-profile list|export` shows the saved
profiles and writes one to a profile file (the same JSON the page saves and `--profile FILE` reads).

Exit codes: 0 done, 2 bad input (unknown plan or profile, unreadable file, unreachable database)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.bootstrap import prepare_database
from models.db import database_url
from models.formats import format_date
from models.schema import ImportProfile, Plan
from models.transfer import profiles
from models.transfer.profile_wording import say

BAD_INPUT = 2


class ProfileNotFound(ValueError):
    pass


def register(commands) -> None:
    """Adds `import-profile` to the subparsers of cli.main."""
    command = commands.add_parser("import-profile", help="gespeicherte Importprofile auflisten oder in eine "
                                                         "Profildatei schreiben")
    actions = command.add_subparsers(dest="action", required=True, metavar="{list,export}")
    listing = actions.add_parser("list", help="die Importprofile eines Plans (oder aller Pläne) auflisten")
    listing.add_argument("--plan", help="Kürzel des Plans (Voreinstellung: alle Pläne)")
    listing.set_defaults(handler=cmd_list)
    export = actions.add_parser("export", help="ein Importprofil als JSON-Datei schreiben (für "
                                               "`import DATEI --profile profil.json`)")
    export.add_argument("name", help="Name des Profils")
    export.add_argument("--plan", help="Kürzel des Plans (nötig, wenn mehrere Pläne ein Profil dieses Namens haben)")
    export.add_argument("--output", "-o", help="Zieldatei (Voreinstellung: die Standardausgabe)")
    export.set_defaults(handler=cmd_export)


def _fail(message: str) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return BAD_INPUT


def stored_profile(session: Session, name: str, slug: str | None) -> tuple[ImportProfile, Plan]:
    """The saved profile of that name in the plan `slug` (or, without a slug, in the one plan that has one)."""
    query = select(ImportProfile, Plan).join(Plan, Plan.id == ImportProfile.plan_id)
    if slug:
        query = query.where(Plan.slug == slug)
    found = session.execute(query.where(ImportProfile.name == " ".join(name.split()))).all()
    if len(found) == 1:
        return found[0][0], found[0][1]
    if len(found) > 1:
        raise ProfileNotFound(f"Mehrere Pläne haben ein Importprofil „{name}“ ("
                              + ", ".join(plan.slug for _, plan in found) + "). Nennen Sie den Plan mit --plan.")
    names = session.scalars(select(ImportProfile.name).join(Plan, Plan.id == ImportProfile.plan_id)
                            .where(Plan.slug == slug) if slug else select(ImportProfile.name)).all()
    raise ProfileNotFound(str(say("not_found", name=name, plan=slug or "–",
                                  names=", ".join(sorted(set(names))) or say("none"))))


def load_profile(value: str, slug: str | None, url: str) -> tuple[profiles.Profile, str | None]:
    """The profile of `--profile`: a file when one of that name exists (or it ends in .json), else a saved
    profile; returns it and the slug of the plan it was saved in (None for a file). Raises ProfileNotFound,
    profiles.ProfileRefused or OSError."""
    path = Path(value)
    if path.is_file() or path.suffix.lower() == ".json":
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ProfileNotFound(f"Die Profildatei {path} lässt sich nicht lesen ({exc.strerror}).") from exc
        return profiles.Profile.from_json(text, name=path.stem), None
    return load_profile_from_database(value, slug, url)


def cmd_list(args: argparse.Namespace) -> int:
    engine = prepare_database(args.database_url or database_url(), with_examples=False)
    try:
        with Session(engine) as session:
            query = select(ImportProfile, Plan).join(Plan, Plan.id == ImportProfile.plan_id)
            if args.plan:
                query = query.where(Plan.slug == args.plan)
            rows = session.execute(query.order_by(Plan.slug, ImportProfile.name)).all()
    finally:
        engine.dispose()
    if not rows:
        print("Es sind keine Importprofile gespeichert.")
        return 0
    for row, plan in rows:
        print(f"{plan.slug}: „{row.name}“ ({row.shape}), zuletzt gespeichert am {format_date(row.updated_at.date())}"
              f" von {row.updated_by or '–'}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    try:
        profile, _ = load_profile_from_database(args.name, args.plan, args.database_url or database_url())
    except ProfileNotFound as exc:
        return _fail(str(exc))
    text = profile.to_json() + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"Die Datei {args.output} lässt sich nicht schreiben ({exc.strerror}).")
    print(f"Importprofil „{profile.name}“ geschrieben: {args.output}")
    return 0


def load_profile_from_database(name: str, slug: str | None, url: str) -> tuple[profiles.Profile, str]:
    engine = prepare_database(url, with_examples=False)
    try:
        with Session(engine) as session:
            row, plan = stored_profile(session, name, slug)
            return profiles.Profile.of_row(row), plan.slug
    finally:
        engine.dispose()
