"""`python -m cli report`: the Fachbeirat report as a file, e.g. from a scheduled job before a meeting.

    python -m cli report --format pdf --as-of 2026-03-12 --out bericht.pdf [--plan SLUG]
        [--since-meeting YYYY-MM-DD | --since-meeting keine] [--public]

--out may name a folder: the file is then named as on the page Berichte, the internal and the public
version apart (models.documents.names).

Exit codes: 0 written; 1 the database holds no tables yet; 2 bad input (date, plan, meeting, format,
output file), each with a German message on standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from models.formats import format_date, format_number

FORMATS = ("pdf", "pptx")
NO_MEETING = "keine"


class InputError(ValueError):
    """Bad input on the command line; the message is German."""


def register(commands) -> None:
    report = commands.add_parser(
        "report", help="Bericht an den Fachbeirat als PDF oder PowerPoint erstellen",
        description="Erstellt den Bericht an den Fachbeirat für einen Stand (PDF oder PowerPoint).",
    )
    report.add_argument("--format", required=True, metavar="pdf|pptx", help="pdf oder pptx")
    report.add_argument("--as-of", metavar="JJJJ-MM-TT", help="Stand (Voreinstellung: heute)")
    report.add_argument("--out", required=True, metavar="DATEI",
                        help="Ausgabedatei, oder ein Ordner: dann heißt die Datei wie auf der Seite Berichte "
                             "(…_intern bzw. …_oeffentlich)")
    report.add_argument("--plan", metavar="KÜRZEL", help="Kürzel des Plans (Voreinstellung: der erste Plan)")
    report.add_argument("--since-meeting", metavar="JJJJ-MM-TT",
                        help="Datum der vorherigen Sitzung (Voreinstellung: die letzte Fachbeiratssitzung vor "
                             "dem Stand; „keine“: ohne Vergleich)")
    report.add_argument("--public", action="store_true",
                        help="öffentliche Fassung: nur freigegebene Sachstände, kleine Fallzahlen geschützt")
    report.set_defaults(handler=cmd_report)


def parse_day(raw: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{what} „{raw}“ ist kein gültiges Datum. Bitte im Format JJJJ-MM-TT angeben, "
                         f"z. B. 2026-03-12.") from None


def cmd_report(args: argparse.Namespace) -> int:
    try:
        return _report(args)
    except InputError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2


def _report(args: argparse.Namespace) -> int:
    from models.db import database_url, has_tables, make_engine
    from models.documents import content as report_content

    kind = args.format.lower()
    if kind not in FORMATS:
        raise InputError(f"Das Format „{args.format}“ gibt es nicht. Möglich sind: pdf, pptx.")
    as_of = parse_day(args.as_of, "Der Stand") if args.as_of else dt.date.today()
    if as_of > dt.date.today():
        raise InputError(f"Der Stand {format_date(as_of)} liegt in der Zukunft.")
    out = Path(args.out)
    if not out.parent.is_dir():
        raise InputError(f"Den Ordner „{out.parent}“ für die Ausgabedatei gibt es nicht.")
    engine = make_engine(args.database_url or database_url())
    if not has_tables(engine):
        print("Die Datenbank ist noch leer. Legen Sie sie an mit: python -m cli init", file=sys.stderr)
        return 1
    try:
        plan = report_content.plan_row(engine, args.plan)
        plan_id = int(plan["id"])
        since, use_default = _since(engine, plan_id, as_of, args.since_meeting)
    except (report_content.UnknownPlan, report_content.NotAMeeting) as exc:
        raise InputError(str(exc)) from None
    content = report_content.build_content(engine, plan_id, as_of, since, use_default_meeting=use_default,
                                           released_only=args.public)
    data = _render(kind, content)
    if out.is_dir():
        from models.documents.names import report_file_name

        out = out / report_file_name(str(plan["slug"]), as_of, args.public, kind)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"Die Datei „{out}“ lässt sich nicht schreiben ({exc.strerror}).") from None
    print(f"Bericht geschrieben: {out} ({kind.upper()}, {format_number(len(data) / 1024)} KB, "
          f"{plan['name']}, Stand {format_date(as_of)})")
    return 0


def _since(engine, plan_id: int, as_of: dt.date, raw: str | None) -> tuple[dt.date | None, bool]:
    """The previous meeting from the command line: (date, use the default when None)."""
    from models.documents.content import check_meeting

    if raw is None:
        return None, True
    if raw.strip().lower() == NO_MEETING:
        return None, False
    since = parse_day(raw, "Die vorherige Sitzung")
    check_meeting(engine, plan_id, as_of, since)
    return since, False


def _render(kind: str, content) -> bytes:
    if kind == "pdf":
        from models.documents.pdf import build_pdf

        return build_pdf(content)
    from models.documents.pptx import build_pptx

    return build_pptx(content)
