"""`python -m cli reminders send`: the reporting rounds' mails that are due (run it hourly from cron or a systemd
timer; deploy/masterplan-reminders.timer).

    python -m cli reminders send [--dry-run] [--url https://cockpit.example.de] [--today JJJJ-MM-TT]

--dry-run lists what would go to whom and sends nothing. The cockpit's public address (for the links in the
mails) comes from --url or MPC_PUBLIC_URL. Exit codes: 0 done (also when nothing was due); 1 some mails could not
be sent (they are tried again next run); 2 bad input or no mail server configured (German message on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter

from models.bootstrap import prepare_database
from models.db import database_url
from models.mail import MailSettingInvalid, compose, mail_settings, send
from models.reminders import Mail, send_due


def register(commands) -> None:
    reminders = commands.add_parser("reminders", help="E-Mails der Berichtsrunden verschicken")
    actions = reminders.add_subparsers(dest="action", required=True)
    sending = actions.add_parser("send", help="fällige Einladungen, Erinnerungen und Hinweise verschicken",
                                 description="Verschickt die heute fälligen E-Mails aller offenen Berichtsrunden, "
                                             "jede nur einmal.")
    sending.add_argument("--dry-run", action="store_true", help="nur anzeigen, was an wen ginge; nichts senden")
    sending.add_argument("--url", help="öffentliche Adresse des Cockpits für die Links (sonst MPC_PUBLIC_URL)")
    sending.add_argument("--today", metavar="JJJJ-MM-TT", help=argparse.SUPPRESS)  # tests: another day
    sending.set_defaults(handler=cmd_send)


def cmd_send(args: argparse.Namespace) -> int:
    base_url = (args.url or os.environ.get("MPC_PUBLIC_URL", "")).strip()
    if not base_url.startswith(("https://", "http://")):
        print("Fehler: Bitte nennen Sie die öffentliche Adresse des Cockpits mit --url oder in MPC_PUBLIC_URL, "
              "z. B. https://cockpit.landkreis.de (sie steht in den Links der E-Mails).", file=sys.stderr)
        return 2
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
        settings = mail_settings()
    except ValueError as exc:  # MailSettingInvalid is one, with a German message
        message = str(exc) if isinstance(exc, MailSettingInvalid) else "--today braucht ein Datum JJJJ-MM-TT."
        print(f"Fehler: {message}", file=sys.stderr)
        return 2
    if settings is None and not args.dry_run:
        print("Fehler: Es ist kein Mailserver eingerichtet (MPC_SMTP_HOST, MPC_MAIL_FROM; siehe README). "
              "Mit --dry-run sehen Sie, was verschickt würde.", file=sys.stderr)
        return 2
    engine = prepare_database(args.database_url or database_url())

    def deliver(mail: Mail) -> None:
        send(compose(mail.recipient, mail.subject, mail.text, mail.html, sender=settings.sender, to_name=mail.name,
                     attachments=mail.attachments), settings)

    outcome = send_due(engine, today, base_url, deliver, dry_run=args.dry_run)
    _print_mails(outcome.sent, args.dry_run)
    for mail, reason in outcome.failed:
        print(f"Nicht gesendet ({reason}), nächster Versuch beim nächsten Lauf: {mail.recipient} – {mail.subject}",
              file=sys.stderr)
    return 1 if outcome.failed else 0


def _print_mails(mails: list[Mail], dry_run: bool) -> None:
    if not mails:
        print("Heute ist keine E-Mail fällig.")
        return
    print(("Würde senden" if dry_run else "Gesendet") + f": {len(mails)} E-Mails")
    for mail in mails:
        print(f"  {mail.kind:<22} an {mail.recipient:<40} {mail.subject}")
    kinds = Counter(mail.kind.split("-")[0] for mail in mails)
    print("  zusammen: " + ", ".join(f"{count} × {kind}" for kind, count in sorted(kinds.items())))
